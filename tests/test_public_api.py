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


def import_graph() -> dict[str, set[str]]:
    """module -> the other quorum modules it imports, read from the source (every import
    statement, including those under TYPE_CHECKING and inside functions)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).parts[0].removesuffix(".py")
        graph.setdefault(module, set()).update(quorum_imports(path) - {module, "quorum"})
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path ``[a, b, ..., a]``, or None (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle() -> None:
    """No quorum module imports, even lazily or for typing, one that imports it back."""
    assert find_cycle(import_graph()) is None, " -> ".join(find_cycle(import_graph()) or [])


def test_the_cycle_finder_finds_cycles() -> None:
    """The check above can fail: a two-module cycle and a longer one are found."""
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_all_is_sorted_and_complete() -> None:
    """Every name in __all__ exists; __all__ is sorted as ruff sorts it."""
    assert all(hasattr(quorum, name) for name in quorum.__all__)
    assert len(set(quorum.__all__)) == len(quorum.__all__)
    public = {n for n in dir(quorum) if not n.startswith("_")} - {
        "annotations", "audit", "cli", "counting", "document", "explain", "html", "markdown",
        "rulesets", "exceptions", "findings", "io", "model", "parse", "report", "rules",
        "sessionfile", "timeline", "PackageNotFoundError", "version", "i18n",
    }  # fmt: skip
    assert public <= set(quorum.__all__)


def test_version_and_typed_marker() -> None:
    """An installed package has a real version and ships py.typed."""
    assert quorum.__version__ != "0+unknown"
    assert (SRC / "py.typed").exists()
