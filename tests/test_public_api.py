"""The public namespace, the version, and the direction of imports inside the package."""

from __future__ import annotations

import ast
from pathlib import Path

import quorum

SRC = Path(quorum.__file__).resolve().parent

# module -> the quorum modules it may import (the layering of docs/architecture.md)
ALLOWED = {
    "exceptions": set(),
    "findings": set(),
    "model": {"exceptions", "findings"},
    "timeline": set(),
    "rules": set(),
    "rulesets": {"exceptions", "model", "rules"},
    "counting": {"findings", "model", "rules", "timeline"},
    "sessionfile": {"exceptions", "findings", "model", "rulesets"},
    "parse": {"exceptions", "findings", "model", "parse"},
    "audit": {"counting", "findings", "model", "rules", "rulesets", "timeline", "document"},
    "document": {"findings", "model", "audit", "rules"},
    "report": {"audit", "findings", "rules"},
    "explain": {"audit", "document", "findings", "model", "rules"},
    "html": {"audit", "explain", "findings", "model", "report"},
    "markdown": {"audit", "findings", "report"},
    "io": {"exceptions", "model", "parse", "sessionfile"},
    "cli": {
        "__version__",
        "audit",
        "document",
        "exceptions",
        "explain",
        "html",
        "rulesets",
        "io",
        "markdown",
        "report",
        "sessionfile",
    },
}


def quorum_imports(path: Path) -> set[str]:
    """The quorum modules a source file imports (first component after 'quorum.')."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "quorum":  # from quorum import timeline
                names = [f"quorum.{a.name}" for a in node.names]
            else:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "quorum":
                found.add(parts[1] if len(parts) > 1 else "quorum")
    return found


def test_imports_flow_one_way() -> None:
    """model -> timeline -> rules -> audit -> report/cli; the parser produces the model."""
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        module = rel.parts[0].removesuffix(".py")
        if module in ("__init__", "__main__"):
            continue
        names = quorum_imports(path)
        allowed = ALLOWED[module] | {module}
        assert names <= allowed, f"{rel} imports {sorted(names - allowed)}"


def test_all_is_sorted_and_complete() -> None:
    """Every name in __all__ exists; __all__ is sorted as ruff sorts it."""
    assert all(hasattr(quorum, name) for name in quorum.__all__)
    assert len(set(quorum.__all__)) == len(quorum.__all__)
    public = {n for n in dir(quorum) if not n.startswith("_")} - {
        "annotations", "audit", "cli", "counting", "document", "explain", "html", "markdown",
        "rulesets", "exceptions", "findings", "io", "model", "parse", "report", "rules",
        "sessionfile", "timeline", "PackageNotFoundError", "version",
    }  # fmt: skip
    assert public <= set(quorum.__all__)


def test_version_and_typed_marker() -> None:
    """An installed package has a real version and ships py.typed."""
    assert quorum.__version__ != "0+unknown"
    assert (SRC / "py.typed").exists()
