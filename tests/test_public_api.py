"""The public namespace, the version, and the direction of imports inside the package."""

from __future__ import annotations

import ast
from pathlib import Path

import quorum

SRC = Path(quorum.__file__).resolve().parent

ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"


def allowed_imports() -> dict[str, set[str]]:
    """module -> the quorum modules it may import, read from docs/architecture.md's table."""
    table: dict[str, set[str]] = {}
    for line in ARCHITECTURE.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[0] != "`module`":
            names = cells[2].replace("\\_", "_")
            table[cells[0].strip("`")] = {
                n.strip() for n in names.split(",") if n.strip() not in ("", "—")
            }
    return table


ALLOWED = allowed_imports()


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
        "numbering", "office",
        "rulesets", "exceptions", "findings", "io", "model", "parse", "report", "rules",
        "series", "sessionfile", "timeline", "PackageNotFoundError", "version", "i18n",
    }  # fmt: skip
    assert public <= set(quorum.__all__)


def test_version_and_typed_marker() -> None:
    """An installed package has a real version and ships py.typed."""
    assert quorum.__version__ != "0+unknown"
    assert (SRC / "py.typed").exists()
