"""Docs that run: every shell and Python example in README.md and docs/ is executed, and its output
checked where the docs show it.

- ```` ```python ```` blocks run in a fresh namespace; a ``print(...)  # 79 21 100`` comment is
  the line that print must write (the commented prints must appear in this order).
- ```` ```sh ```` blocks run line by line in one bash per document, so ``. .venv/bin/activate`` in
  a first block holds for the next ones, as in a terminal; ```` ```console ```` blocks are
  ``$ command`` lines followed by the output they must print. In expected output a line ``…``
  stands for any lines, and a line ending in ``…`` for any line that starts with what precedes.
- A command must exit 0, 1 or 3 (a finding is not a failure of the example), unless it ends with
  ``# exit N``.
- A block that cannot run (it installs, or runs the test suite itself) is preceded by
  ``<!-- not run: the reason -->``.

Everything runs in a temporary copy of the repository's ``examples/`` and ``tests/data/`` with a
``.venv`` whose ``bin/quorum``, ``bin/python`` and ``bin/activate`` lead to this environment,
under ``PATH`` without this environment's ``bin`` (a command that forgets to activate the venv
fails as it would for a clerk), in an English C locale.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN = ("sh", "console", "python")
FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[\w-]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
NOT_RUN = re.compile(r"<!-- not run: (?P<why>[^>]+?) -->\s*$")
EXIT = re.compile(r"#\s*exit (\d+)\s*$")


class Block(NamedTuple):
    doc: str
    line: int
    lang: str
    code: str
    not_run: str | None

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def blocks() -> list[Block]:
    """Every fenced block of README.md and docs/*.md in a language that runs."""
    found: list[Block] = []
    for path in DOCS:
        text = path.read_text("utf-8")
        for m in FENCE.finditer(text):
            lang = m.group("lang")
            if lang not in RUN:
                continue
            before = text[: m.start()].rstrip("\n").splitlines()
            mark = NOT_RUN.search(before[-1]) if before else None
            indent = len(m.group("indent"))
            code = "".join(line[indent:] for line in m.group("code").splitlines(keepends=True))
            found.append(
                Block(
                    doc=str(path.relative_to(ROOT)),
                    line=text.count("\n", 0, m.start()) + 1,
                    lang=lang,
                    code=code,
                    not_run=mark.group("why") if mark else None,
                )
            )
    return found


BLOCKS = blocks()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Lines against lines: ``…`` is any run of lines, ``text…`` any line starting with text."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in actual]

    @functools.cache
    def at(i: int, j: int) -> bool:
        if i == len(exp):
            return j == len(act)
        e = exp[i]
        if e.strip() == "…":
            return any(at(i + 1, k) for k in range(j, len(act) + 1))
        if j == len(act):
            return False
        ok = act[j].startswith(e[:-1]) if e.endswith("…") else act[j] == e
        return ok and at(i + 1, j + 1)

    return at(0, 0)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of what the docs name (examples/, tests/data/) and .venv -> this environment."""
    ws = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "examples", ws / "examples")
    shutil.copytree(ROOT / "tests" / "data", ws / "tests" / "data")
    bin_dir = ws / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    scripts = {
        "python": f'exec {sys.executable} "$@"',
        "quorum": f'exec {sys.executable} -m quorum "$@"',
    }
    for name, line in scripts.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{line}\n", "utf-8")
        (bin_dir / name).chmod(0o755)
    (bin_dir / "activate").write_text(f'PATH="{bin_dir}:$PATH"; export PATH\n', "utf-8")
    return ws


def shell_env(ws: Path) -> dict[str, str]:
    here = os.path.realpath(Path(sys.executable).parent)
    path = [
        p
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and os.path.realpath(p) != here
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "LANGUAGE", "NO_COLOR")}
    env.update(PATH=os.pathsep.join(path), HOME=str(ws), LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


def test_every_example_runs_or_says_why() -> None:
    """Examples exist in the README, the tutorial, the CLI and API docs; the ones not run say
    why, and are few."""
    docs = {b.doc for b in BLOCKS if b.not_run is None}
    skipped = [b for b in BLOCKS if b.not_run is not None]

    assert {"README.md", "docs/tutorial.md", "docs/cli.md", "docs/api.md"} <= docs
    assert all(b.not_run and len(b.not_run) > 10 for b in skipped)
    # install, pytest, fuzz, check-jsonschema, mutation testing
    assert len(skipped) <= 5, [b.where for b in skipped]


PYTHON = [b for b in BLOCKS if b.lang == "python" and b.not_run is None]


@pytest.mark.parametrize("block", PYTHON, ids=[b.where for b in PYTHON])
def test_python_example(block: Block, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.code, block.where, "exec"), {"__name__": "__main__"})

    printed = iter(out.getvalue().splitlines())
    for expected in re.findall(r"^\s*print\(.*\)\s+# (.*)$", block.code, re.M):
        assert any(line.strip() == expected.strip() for line in printed), (
            f"{block.where}: no printed line {expected!r} (in order)"
        )


class Command(NamedTuple):
    text: str
    expected: list[str] | None  # the output a console block shows
    status: int | None  # from a trailing "# exit N"


def commands(block: Block) -> list[Command]:
    """The commands of a shell or console block, continuation lines joined."""
    lines = block.code.splitlines()
    found: list[Command] = []
    if block.lang == "console":
        for line in lines:
            if line.startswith("$ "):
                found.append(Command(line[2:], [], None))
            elif found and found[-1].expected is not None:
                found[-1].expected.append(line)
    else:
        joined: list[str] = []
        for line in lines:
            if joined and joined[-1].endswith("\\"):
                joined[-1] = joined[-1][:-1] + line
            else:
                joined.append(line)
        found = [
            Command(c, None, None) for c in joined if c.strip() and not c.lstrip().startswith("#")
        ]
    out = []
    for c in found:
        m = EXIT.search(c.text)
        out.append(c._replace(status=int(m.group(1)) if m else None))
    return out


SHELL_DOCS = sorted({b.doc for b in BLOCKS if b.lang in ("sh", "console") and b.not_run is None})


@pytest.mark.parametrize("doc", SHELL_DOCS)
def test_shell_examples(doc: str, workspace: Path) -> None:
    """The document's shell examples in one bash, in order; statuses and shown output checked."""
    todo = [
        (b, c)
        for b in BLOCKS
        if b.doc == doc and b.lang in ("sh", "console") and b.not_run is None
        for c in commands(b)
    ]
    script = ["cd " + str(workspace)]
    results = workspace / f".results-{doc.replace('/', '-')}"
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir()
    for n, (_, c) in enumerate(todo):
        script.append(
            f"{{ {c.text}\n}} >{results}/{n}.out 2>{results}/{n}.err; "
            f"echo $? >{results}/{n}.status"
        )
    subprocess.run(
        ["bash", "-c", "\n".join(script)], env=shell_env(workspace), check=False, timeout=600
    )

    for n, (b, c) in enumerate(todo):
        out = (results / f"{n}.out").read_text("utf-8")
        err = (results / f"{n}.err").read_text("utf-8")
        status = int((results / f"{n}.status").read_text())
        what = f"{b.where}: `{c.text}` exited {status}\n{err[-2000:]}"
        assert status == c.status if c.status is not None else status in (0, 1, 3), what
        if c.expected:
            assert matches(c.expected, out.splitlines()), f"{b.where}: `{c.text}` printed:\n{out}"


def test_the_matcher_can_fail() -> None:
    assert matches(["a", "…", "z"], ["a", "b", "c", "z"])
    assert matches(["a…", "…"], ["abc"])
    assert not matches(["a", "z"], ["a", "b", "z"])
    assert not matches(["a", "…", "y"], ["a", "b", "z"])


def json_sessions() -> list[tuple[str, str]]:
    """The ```json blocks of the docs that are whole quorum-session/1 documents."""
    found = []
    for path in DOCS:
        text = path.read_text("utf-8")
        for m in FENCE.finditer(text):
            if m.group("lang") == "json" and '"format": "quorum-session/1"' in m.group("code"):
                where = f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
                found.append((where, m.group("code")))
    return found


@pytest.mark.parametrize(("where", "code"), json_sessions(), ids=[w for w, _ in json_sessions()])
def test_session_file_examples_are_read(where: str, code: str) -> None:
    import json

    import quorum

    session = quorum.session_from_dict(json.loads(code))
    assert quorum.audit(session).items, where


def test_there_is_a_session_file_example() -> None:
    assert json_sessions()
