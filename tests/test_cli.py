"""CLI conventions: help with examples, version, NO_COLOR, stderr for errors, batches of files."""

from __future__ import annotations

import io
import json
import runpy
import shutil
from pathlib import Path

import pytest

import quorum
from quorum.cli import run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SESSION = ROOT / "examples" / "grand-besancon-2026-01-29.session.json"
BESANCON = DATA / "grand-besancon-2026-01-29.txt"
COUTHENANS = DATA / "couthenans-cm-2022-10-07.txt"


class Tty(io.StringIO):
    """A StringIO that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", ["check", "explain", "parse"])
def test_every_command_has_help_with_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run([command, "--help"])
    out = capsys.readouterr().out

    assert 0 == status
    assert f"usage: quorum {command}" in out
    assert "\nexamples:\n" in out
    assert f"  quorum {command} " in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == run(["--version"])
    assert f"quorum {quorum.__version__}\n" == capsys.readouterr().out


def test_no_command_prints_help_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == run([])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert "usage: quorum" in captured.err


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain, tty = io.StringIO(), Tty()
    run(["check", str(COUTHENANS)], stdout=plain, stderr=io.StringIO())
    run(["check", str(COUTHENANS)], stdout=tty, stderr=io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    no_color = Tty()
    run(["check", str(COUTHENANS)], stdout=no_color, stderr=io.StringIO())

    assert "\x1b[" not in plain.getvalue()
    assert "\x1b[31mERROR\x1b[0m    TALLY_MISMATCH: the tally of item 1" in tty.getvalue()
    assert plain.getvalue() == no_color.getvalue()
    assert plain.getvalue() == tty.getvalue().replace("\x1b[31m", "").replace(
        "\x1b[33m", ""
    ).replace("\x1b[0m", "")


def test_html_to_a_file_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    status = run(["check", str(BESANCON), "--format", "html", "-o", str(out)])

    assert 0 == status
    assert ("", "") == tuple(capsys.readouterr())
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_unreadable_file_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    status = run(["check", str(missing), "--format", "html"])
    captured = capsys.readouterr()

    assert 2 == status
    assert "" == captured.out
    assert f"{missing}: no such file: check the name and the folder it is in\n" == captured.err


class TestBatch:
    def test_one_line_per_file_and_the_worst_status(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        folder = tmp_path / "minutes"
        folder.mkdir()
        shutil.copy(BESANCON, folder / "b.txt")
        shutil.copy(COUTHENANS, folder / "a.txt")
        (folder / "notes.md").write_text("not minutes")
        status = run(["check", str(SESSION), str(folder)])
        out = capsys.readouterr().out

        assert 1 == status
        assert [
            f"{SESSION}: 37 items, 0 errors, 2 warnings",
            f"{folder / 'a.txt'}: 8 items, 5 errors, 1 warning",
            f"{folder / 'b.txt'}: 37 items, 0 errors, 2 warnings",
            f"{folder / 'notes.md'}: skipped: quorum reads minutes (.txt, .pdf, .docx, .odt) "
            "and session files (.json, .toml)",
        ] == out.splitlines()

    def test_an_unreadable_file_gives_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text('{"format": "quorum-session/1", "agenda": [], "members": []}')
        empty = tmp_path / "empty"
        empty.mkdir()
        status = run(["check", str(bad), str(SESSION), str(empty)])
        out = capsys.readouterr().out.splitlines()

        assert 2 == status
        assert out[0].startswith(f"{bad}: cannot be read: ")
        assert "$.agenda: the agenda is empty" in out[0]
        assert f"{SESSION}: 37 items, 0 errors, 2 warnings" == out[1]
        assert out[2].startswith(f"{empty}: no session file or minutes in this folder (")
        assert out[2].endswith(": name the files to check, or the folder that holds them")

    def test_progress_on_a_terminal_only(self) -> None:
        out, err, quiet = io.StringIO(), Tty(), io.StringIO()
        run(["check", str(SESSION), str(BESANCON)], stdout=out, stderr=err)
        run(["check", str(SESSION), str(BESANCON)], stdout=io.StringIO(), stderr=quiet)

        assert f"\r[1/2] {SESSION}" in err.getvalue()
        assert f"\r[2/2] {BESANCON}" in err.getvalue()
        assert err.getvalue().endswith("\r")
        assert "" == quiet.getvalue()
        assert 2 == len(out.getvalue().splitlines())

    @pytest.mark.parametrize("extra", [["-o", "x.html"], ["--format", "html"]])
    def test_output_options_need_one_file(
        self, extra: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        status = run(["check", str(SESSION), str(BESANCON), *extra])
        captured = capsys.readouterr()

        assert 2 == status
        assert "" == captured.out
        assert captured.err.startswith("quorum check: with several files, each gets one summary")


def test_api_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/api_example.py prints item 19's sum and writes the HTML report."""
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(ROOT / "examples" / "api_example.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()

    assert [
        "item 19: 79 present + 21 proxies = 100",
        "quorum: 79 present, 62 required",
        "warning: PROXY_HOLDER_ABSENT at items 1-11",
        "warning: PROXY_HOLDER_ABSENT at items 1-5",
    ] == lines[:4]
    assert (
        "not counted at item 3: Claude VARET -> Laurence MULOT: the holder is absent: the "
        "giver's vote is lost"
    ) in lines
    assert (tmp_path / "besancon-report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_rules_lists_every_rule_set_with_sources_and_dates() -> None:
    """`quorum rules`: one block per rule set, its dates of force, its sources."""
    from quorum.rulesets import RULE_SETS

    out, err = io.StringIO(), io.StringIO()
    status = run(["rules"], stdout=out, stderr=err)
    text = out.getvalue()

    assert 0 == status
    heads = [line.split()[0] for line in text.splitlines() if not line.startswith(" ")]
    assert list(RULE_SETS) == heads
    # second legal review (corrections 2): the last period starts on 10 November 2021; the
    # names are wider now (fr-departement-cp-covid-p1), so the columns are matched by words
    assert "fr-municipal-covid-p7 from 2021-11-10 to 2022-07-31" in " ".join(text.split())
    assert "    - CGCT art. L2121-17: more than half of the members in office present" in text


def test_rules_json_and_unknown_name() -> None:
    out, err = io.StringIO(), io.StringIO()

    assert 0 == run(["rules", "fr-sa-age", "--format", "json"], stdout=out, stderr=err)
    doc = json.loads(out.getvalue())
    assert ["fr-sa-age"] == [r["name"] for r in doc]
    assert "2019-07-21" == doc[0]["valid_from"]
    assert 2 == run(["rules", "fr-copro"], stdout=out, stderr=err)
    assert "unknown rule set 'fr-copro'" in err.getvalue()


def test_the_version_is_the_installed_one() -> None:
    """quorum.__version__ is written in the package (no importlib.metadata at startup)."""
    from importlib.metadata import version

    assert version("quorum-minutes") == quorum.__version__


def test_import_quorum_loads_nothing_else() -> None:
    """`import quorum` and `quorum --version` load no other module of the package; the public
    names are imported on first use, and `quorum.audit` stays the function."""
    import subprocess
    import sys

    code = (
        "import sys, quorum\n"
        "print(sorted(m for m in sys.modules if m.startswith('quorum')))\n"
        "import quorum.cli\n"
        "from quorum.audit import Audit\n"
        "print(callable(quorum.audit), quorum.audit.__module__, quorum.Session.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ["['quorum']", "True quorum.audit Session"] == done.stdout.splitlines()


def test_version_loads_neither_the_engine_nor_argparse() -> None:
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from quorum.cli import run\n"
        "run(['--version'], stdout=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m.startswith('quorum') or m == 'argparse'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "['quorum', 'quorum.cli']\n" == done.stdout


def test_check_of_a_session_file_loads_only_what_it_needs() -> None:
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from quorum.cli import run\n"
        f"run(['check', {str(SESSION)!r}], stdout=io.StringIO())\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('quorum'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert {"quorum.audit", "quorum.io", "quorum.report", "quorum.sessionfile"} <= loaded
    assert set() == loaded & {
        "quorum.parse", "quorum.html", "quorum.markdown", "quorum.explain", "quorum.document"
    }  # fmt: skip
