"""Issue 10's command-line reproducers: hostile names and files, the output layer, and the exit
statuses (0 valid, 1 errors, 2 unreadable, 3 not fully read, 70 internal error)."""

from __future__ import annotations

import importlib
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quorum
from quorum.cli import run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SESSION = ROOT / "examples" / "grand-besancon-2026-01-29.session.json"
BESANCON = DATA / "grand-besancon-2026-01-29.txt"
COUTHENANS = DATA / "couthenans-cm-2022-10-07.txt"


def strict_stream() -> io.TextIOWrapper:
    """A UTF-8 stream that fails on what UTF-8 cannot encode, as a real stdout does."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")


def stream_text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def besancon_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SESSION.read_text("utf-8"))
    return doc


def rename(doc: dict[str, Any], old: str, new: str) -> None:
    """Give a member of the Besançon session another name (WERTHE is named by a warning)."""
    (member,) = [m for m in doc["members"] if m["name"] == old]
    member["name"] = new


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=True), "utf-8")
    return path


class TestOutputLayer:
    """Reproducers 2 and 10: names are data; the output never crashes and never drives the
    terminal."""

    @pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
    def test_a_lone_surrogate_does_not_crash_the_output(self, tmp_path: Path, fmt: str) -> None:
        doc = besancon_doc()
        rename(doc, "Christine WERTHE", "Christine \ud800WERTHE")
        path = write(tmp_path / "s.json", doc)
        out, err = strict_stream(), strict_stream()

        status = run(["check", str(path), "--format", fmt], stdout=out, stderr=err)

        assert 0 == status
        assert "\\ud800WERTHE" in stream_text(out)

    def test_a_lone_surrogate_in_a_file_and_in_a_batch(self, tmp_path: Path) -> None:
        doc = besancon_doc()
        rename(doc, "Christine WERTHE", "Christine \udcffWERTHE")
        path = write(tmp_path / "s.json", doc)
        report = tmp_path / "r.html"
        out, err = strict_stream(), strict_stream()

        assert 0 == run(["check", str(path), "-o", str(report)], stdout=out, stderr=err)
        assert "\\udcffWERTHE" in report.read_text("utf-8")
        assert 0 == run(["explain", str(path), "3"], stdout=out, stderr=err)
        assert "\\udcffWERTHE" in stream_text(out)

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_terminal_escapes_are_made_visible(self, tmp_path: Path, fmt: str) -> None:
        doc = besancon_doc()
        rename(doc, "Christine WERTHE", "Christine \x1b[2J\x1b]0;pwned\x07WERTHE")
        path = write(tmp_path / "s.json", doc)
        out, err = io.StringIO(), io.StringIO()

        assert 0 == run(["check", str(path), "--format", fmt], stdout=out, stderr=err)
        text = out.getvalue()
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "Christine \\x1b" in text
        assert "pwned\\x07WERTHE" in text

    def test_terminal_escapes_in_labels_explain_and_batch(self, tmp_path: Path) -> None:
        doc = besancon_doc()
        rename(doc, "Christine WERTHE", "Christine \x1bcWERTHE")
        path = write(tmp_path / "s\x07.json", doc)
        out, err = io.StringIO(), io.StringIO()

        assert 0 == run(["explain", str(path), "3"], stdout=out, stderr=err)
        assert 0 == run(["check", str(path), str(SESSION)], stdout=out, stderr=err)
        assert 2 == run(["explain", str(path), "3\x1b[31m"], stdout=out, stderr=err)
        text = out.getvalue() + err.getvalue()
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "Christine \\x1bcWERTHE" in text
        assert "s\\x07.json: 37 items" in text
        assert "item '3\\x1b[31m' is not on the agenda" in text

    def test_colour_is_still_added_after_the_escapes_are_shown(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("NO_COLOR", raising=False)

        class Tty(io.StringIO):
            def isatty(self) -> bool:
                return True

        out = Tty()
        run(["check", str(COUTHENANS)], stdout=out, stderr=io.StringIO())
        assert "\x1b[31mERROR\x1b[0m" in out.getvalue()
        assert "\\x1b" not in out.getvalue()


class TestHostileFiles:
    def test_toml_nested_600_deep_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Reproducer 4: tomllib recursed until RecursionError."""
        path = tmp_path / "deep.toml"
        path.write_text("a = " + "[" * 600 + "]" * 600 + "\n", "utf-8")
        status = run(["check", str(path)])
        err = capsys.readouterr().err

        assert 2 == status
        assert f"{path}: is not valid TOML: nested too deeply" in err

    def test_toml_nested_tables_600_deep_exit_2(self, tmp_path: Path) -> None:
        path = tmp_path / "deep.toml"
        path.write_text("a = " + "{b = " * 600 + "1" + "}" * 600 + "\n", "utf-8")

        assert 2 == run(["check", str(path)], stdout=io.StringIO(), stderr=io.StringIO())

    @pytest.mark.parametrize(
        "argv",
        [
            ["check", "{input}", "--format", "json", "-o", "{input}"],
            ["check", "{input}", "-o", "{alias}"],
            ["parse", "{minutes}", "-o", "{minutes}"],
            ["explain", "{input}", "19", "-o", "{link}"],
        ],
    )
    def test_output_never_overwrites_the_input(self, tmp_path: Path, argv: list[str]) -> None:
        """Reproducer 11."""
        session = tmp_path / "s.json"
        session.write_bytes(SESSION.read_bytes())
        minutes = tmp_path / "m.txt"
        minutes.write_bytes(BESANCON.read_bytes())
        link = tmp_path / "link.json"
        link.symlink_to(session)
        names = {
            "input": str(session),
            "alias": str(tmp_path / "." / "s.json"),
            "minutes": str(minutes),
            "link": str(link),
        }
        out, err = io.StringIO(), io.StringIO()

        status = run([a.format(**names) for a in argv], stdout=out, stderr=err)

        assert 2 == status
        assert "would overwrite the input file" in err.getvalue()
        assert "name another output file" in err.getvalue()
        assert SESSION.read_bytes() == session.read_bytes()
        assert BESANCON.read_bytes() == minutes.read_bytes()

    @staticmethod
    def _limited() -> None:  # pragma: no cover - runs in the child process
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    def _quorum(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``python -m quorum`` in a child with 1 GiB of memory and 60 s at most."""
        return subprocess.run(
            [sys.executable, "-m", "quorum", *args],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=self._limited,
            check=False,
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_dev_zero_is_refused_without_reading_it(self) -> None:
        """Reproducer 12: /dev/zero was read without bound."""
        done = self._quorum("check", "/dev/zero")

        assert 2 == done.returncode
        assert done.stderr.startswith("/dev/zero: is not a regular file")

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    def test_a_fifo_is_refused_without_opening_it(self, tmp_path: Path) -> None:
        """Reproducer 12: opening a FIFO blocked forever."""
        fifo = tmp_path / "minutes.txt"
        os.mkfifo(fifo)
        done = self._quorum("check", str(fifo))

        assert 2 == done.returncode
        assert f"{fifo}: is not a regular file (a device, a pipe or a socket)" in done.stderr

    def test_a_file_over_the_limit_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("quorum.io.MAX_BYTES", 1000)
        big = tmp_path / "big.txt"
        big.write_bytes(BESANCON.read_bytes())

        with pytest.raises(quorum.SessionFileError, match="is larger than"):
            quorum.read_session(big)


class TestEncodings:
    """Reproducer 13: one stray byte must not turn a whole UTF-8 file into mojibake."""

    def test_a_stray_latin1_byte_is_repaired_on_its_line_with_a_warning(
        self, tmp_path: Path
    ) -> None:
        data = BESANCON.read_bytes()
        lines = data.split(b"\n")
        n = next(i for i, line in enumerate(lines) if "é".encode() in line and b"M." in line)
        lines[n] = lines[n].replace("é".encode(), b"\xe9", 1)
        damaged = tmp_path / "besancon.txt"
        damaged.write_bytes(b"\n".join(lines))

        good = quorum.audit(quorum.read_session(BESANCON))
        repaired = quorum.audit(quorum.read_session(damaged))

        notes = [f for f in repaired.findings if f.code == "TEXT_ENCODING_REPAIRED"]
        assert 1 == len(notes)
        assert notes[0].severity is quorum.Severity.WARNING
        assert notes[0].source is not None
        assert n + 1 == notes[0].source.line
        assert f"line {n + 1} is not UTF-8" in notes[0].message
        assert [(i.present_count, i.proxy_count, i.voters) for i in good.items] == [
            (i.present_count, i.proxy_count, i.voters) for i in repaired.items
        ]
        assert [f.code for f in good.findings] == [
            f.code for f in repaired.findings if f.code != "TEXT_ENCODING_REPAIRED"
        ]

    def test_the_warning_reaches_the_report(self, tmp_path: Path) -> None:
        damaged = tmp_path / "besancon.txt"
        damaged.write_bytes(BESANCON.read_bytes().replace("é".encode(), b"\xe9", 1))
        out = io.StringIO()

        assert 0 == run(["check", str(damaged)], stdout=out, stderr=io.StringIO())
        assert "WARNING  TEXT_ENCODING_REPAIRED: line " in out.getvalue()

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
    def test_text_with_a_bom_is_text(self, tmp_path: Path, encoding: str) -> None:
        text = BESANCON.read_text("utf-8")
        path = tmp_path / "besancon.txt"
        bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
        path.write_bytes((bom + text).encode(encoding))

        result = quorum.audit(quorum.read_session(path))
        assert 100 == result.item("19").voters
        assert "TEXT_ENCODING_REPAIRED" not in {f.code for f in result.findings}

    def test_a_windows_1252_file_is_read_whole_without_warning(self, tmp_path: Path) -> None:
        path = tmp_path / "besancon.txt"
        path.write_bytes(BESANCON.read_text("utf-8").encode("cp1252", errors="replace"))

        result = quorum.audit(quorum.read_session(path))
        assert 100 == result.item("19").voters
        assert "TEXT_ENCODING_REPAIRED" not in {f.code for f in result.findings}

    def test_binary_without_a_bom_is_not_text_and_says_what_to_do(self, tmp_path: Path) -> None:
        path = tmp_path / "minutes.txt"
        path.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe" * 10)

        with pytest.raises(quorum.SessionFileError, match="is not a text file: save the"):
            quorum.read_session(path)


def incomplete(tmp_path: Path, uncertain: list[str]) -> Path:
    doc = besancon_doc()
    doc["reading"] = {"complete": False, "uncertain_items": uncertain}
    return write(tmp_path / "incomplete.json", doc)


class TestStatus:
    def test_a_session_not_fully_read_exits_3(self, tmp_path: Path) -> None:
        path = incomplete(tmp_path, ["3"])
        out, err = io.StringIO(), io.StringIO()

        assert 3 == run(["check", str(path)], stdout=out, stderr=err)
        assert 3 == run(["check", str(path), "--format", "json"], stdout=out, stderr=err)
        assert 3 == run(["explain", str(path), "3"], stdout=out, stderr=err)
        assert 0 == run(["explain", str(path), "19"], stdout=out, stderr=err)
        assert 3 == run(["parse", str(path)], stdout=out, stderr=err)
        assert 0 == run(["parse", str(SESSION)], stdout=out, stderr=err)

    def test_explain_without_uncertain_items_is_3_everywhere(self, tmp_path: Path) -> None:
        path = incomplete(tmp_path, [])

        assert 3 == run(["explain", str(path), "19"], stdout=io.StringIO(), stderr=io.StringIO())

    def test_the_status_of_a_batch(self, tmp_path: Path) -> None:
        """70 before 2 before 1 before 3 before 0."""
        from quorum.cli import batch_status

        path = incomplete(tmp_path, ["3"])
        out = io.StringIO()

        assert 3 == run(["check", str(path), str(SESSION)], stdout=out, stderr=io.StringIO())
        assert 1 == run(["check", str(path), str(COUTHENANS)], stdout=out, stderr=io.StringIO())
        assert f"{path}: 37 items, 0 errors, 2 warnings, not fully read" in out.getvalue()
        assert 70 == batch_status([0, 3, 1, 2, 70, 0])
        assert 2 == batch_status([0, 3, 1, 2])
        assert 1 == batch_status([3, 1, 0])
        assert 3 == batch_status([0, 3])
        assert 0 == batch_status([0, 0])
        assert 0 == batch_status([])


def boom(*args: object, **kwargs: object) -> object:
    raise ZeroDivisionError("division by zero\nsecond line")


class TestInternalError:
    """An internal error is not a finding: status 70, one line, the traceback with --debug."""

    def test_one_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(importlib.import_module("quorum.audit"), "audit", boom)
        out, err = io.StringIO(), io.StringIO()

        assert 70 == run(["check", str(SESSION)], stdout=out, stderr=err)
        assert "" == out.getvalue()
        assert [
            f"{SESSION}: internal error: please report it to the quorum developers "
            "(ZeroDivisionError: division by zero); run the same command with --debug and "
            "attach its output"
        ] == err.getvalue().splitlines()

    @pytest.mark.parametrize("where", [["--debug", "check", "{f}"], ["check", "{f}", "--debug"]])
    def test_the_traceback_with_debug(
        self, monkeypatch: pytest.MonkeyPatch, where: list[str]
    ) -> None:
        monkeypatch.setattr(importlib.import_module("quorum.audit"), "audit", boom)
        err = io.StringIO()

        status = run([w.format(f=SESSION) for w in where], stdout=io.StringIO(), stderr=err)
        assert 70 == status
        assert "internal error: please report it" in err.getvalue()
        assert "Traceback (most recent call last):" in err.getvalue()
        assert "ZeroDivisionError: division by zero" in err.getvalue()

    @pytest.mark.parametrize("command", [["explain", "{f}", "19"], ["parse", "{f}"]])
    def test_explain_and_parse(self, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
        monkeypatch.setattr("quorum.io.read_session", boom)
        err = io.StringIO()

        argv = [c.format(f=SESSION) for c in command]
        assert 70 == run(argv, stdout=io.StringIO(), stderr=err)
        assert f"{SESSION}: internal error: please report it" in err.getvalue()

    def test_a_batch_goes_on(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = quorum.read_session

        def fragile(path: str | Path) -> quorum.Session:
            if Path(path) == COUTHENANS:
                raise RecursionError("maximum recursion depth exceeded")
            return real(path)

        monkeypatch.setattr("quorum.io.read_session", fragile)
        out, err = io.StringIO(), io.StringIO()

        status = run(["check", str(COUTHENANS), str(SESSION)], stdout=out, stderr=err)
        assert 70 == status
        assert [
            f"{COUTHENANS}: internal error: please report it to the quorum developers "
            "(RecursionError: maximum recursion depth exceeded); run the same command with "
            "--debug and attach its output",
            f"{SESSION}: 37 items, 0 errors, 2 warnings",
        ] == out.getvalue().splitlines()
        assert "" == err.getvalue()


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="the workers inherit the patched reader only when forked",
)
def test_an_internal_error_in_a_worker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With --jobs, a crash in one worker is that file's line; the others are checked."""
    real = quorum.read_session

    def fragile(path: str | Path) -> quorum.Session:
        if Path(path).name == "b.txt":
            raise KeyError("boom")
        return real(path)

    monkeypatch.setattr("quorum.io.read_session", fragile)
    for name in ("a.json", "b.txt", "c.json"):
        (tmp_path / name).write_bytes(SESSION.read_bytes())
    out, err = io.StringIO(), io.StringIO()

    status = run(["check", str(tmp_path), "--jobs", "2", "--debug"], stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert 70 == status
    assert f"{tmp_path / 'a.json'}: 37 items, 0 errors, 2 warnings" == lines[0]
    assert lines[1].startswith(f"{tmp_path / 'b.txt'}: internal error: please report it")
    assert "(KeyError: 'boom')" in lines[1]
    assert f"{tmp_path / 'c.json'}: 37 items, 0 errors, 2 warnings" == lines[2]
    assert "Traceback (most recent call last):" in err.getvalue()


class TestConventions:
    """Issue 12, point 4."""

    @pytest.mark.parametrize(
        ("name", "start"),
        [
            ("r.html", "<!DOCTYPE html>"),
            ("r.HTM", "<!DOCTYPE html>"),
            ("r.md", "# "),
            ("r.json", "{"),
            ("r.txt", "Valid session\nConseil de Communauté"),
            ("r.out", "Valid session\nConseil de Communauté"),
        ],
    )
    def test_the_output_format_follows_the_extension(
        self, tmp_path: Path, name: str, start: str
    ) -> None:
        path = tmp_path / name
        assert 0 == run(["check", str(SESSION), "-o", str(path)], stdout=io.StringIO())
        assert path.read_text("utf-8").startswith(start)

    def test_format_wins_over_the_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "r.html"
        assert 0 == run(["check", str(SESSION), "--format", "json", "-o", str(path)])
        assert json.loads(path.read_text("utf-8"))["format"] == "quorum-audit/1"

    def test_explain_to_json_by_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "e.json"
        assert 0 == run(["explain", str(SESSION), "19", "-o", str(path)])
        assert json.loads(path.read_text("utf-8"))["format"] == "quorum-explain/1"

    def test_audit_item_takes_an_int(self) -> None:
        result = quorum.audit(quorum.read_session(SESSION))
        assert result.item(19) is result.item("19")
        with pytest.raises(quorum.UnknownItemError, match="give one of its labels: 1, 2, 3") as e:
            result.item(38)
        assert "38" == e.value.label
        assert 37 == len(e.value.labels)

    @pytest.mark.parametrize("label", ["n°19", "N° 19", "Point 19", "#19", "no 19"])
    def test_explain_guesses_the_label_a_clerk_meant(self, label: str) -> None:
        err = io.StringIO()

        assert 2 == run(["explain", str(SESSION), label], stdout=io.StringIO(), stderr=err)
        assert f"item {label!r} is not on the agenda: did you mean '19'? Its labels: 1, 2, 3" in (
            err.getvalue()
        )

    def test_no_guess_for_another_label(self) -> None:
        result = quorum.audit(quorum.read_session(SESSION))
        for label in ("19 bis", "nord", "n°", "no"):
            with pytest.raises(quorum.UnknownItemError, match="; give one of its labels"):
                result.item(label)

    def test_messages_about_files_say_what_to_do(self, tmp_path: Path) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("Compte rendu\nrien\n", "utf-8")
        err = io.StringIO()
        run(["check", str(empty)], stdout=io.StringIO(), stderr=err)
        run(["check", str(tmp_path / "missing.txt")], stdout=io.StringIO(), stderr=err)
        run(["explain", str(tmp_path), "1"], stdout=io.StringIO(), stderr=err)
        bad = tmp_path / "bad.json"
        bad.write_text('{"format": "quorum-session/1", "agenda": [], "members": []}', "utf-8")
        run(["check", str(bad)], stdout=io.StringIO(), stderr=err)
        lines = err.getvalue().splitlines()

        assert lines[-1] == (
            "correct the session file at these places (its format: docs/session-format.md), "
            "then run the command again"
        )
        lines = lines[:3]
        assert "no member list found" in lines[0]
        assert "the reader needs the list of members present" in lines[0]
        assert lines[1].endswith("no such file: check the name and the folder it is in")
        assert lines[2].endswith("is a folder, not a file: name a file in it, or run quorum "
                                 "check on the folder")  # fmt: skip


class TestJobs:
    def test_jobs_keep_the_order_and_the_status(self, tmp_path: Path) -> None:
        folder = tmp_path / "minutes"
        folder.mkdir()
        for name, source in [("a.txt", COUTHENANS), ("b.txt", BESANCON), ("c.json", SESSION)]:
            (folder / name).write_bytes(source.read_bytes())
        (folder / "d.json").write_text("{", "utf-8")
        one, two = io.StringIO(), io.StringIO()

        assert 2 == run(["check", str(folder)], stdout=one, stderr=io.StringIO())
        assert 2 == run(["check", str(folder), "-j", "2"], stdout=two, stderr=io.StringIO())
        assert one.getvalue() == two.getvalue()
        assert [f"{folder / n}" for n in ("a.txt", "b.txt", "c.json", "d.json")] == [
            line.split(": ")[0] for line in two.getvalue().splitlines()
        ]

    @pytest.mark.parametrize("value", ["-1", "two"])
    def test_a_bad_number_of_jobs_is_a_usage_error(
        self, value: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 2 == run(["check", str(SESSION), "--jobs", value])
        assert "is not a number of processes" in capsys.readouterr().err


class Closed(io.StringIO):
    """A pipe whose reader went away (quorum check … | head)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_is_not_an_internal_error() -> None:
    err = io.StringIO()

    assert 2 == run(["check", str(SESSION)], stdout=Closed(), stderr=err)
    assert "" == err.getvalue()


def test_a_terminal_that_cannot_write_accents_gets_escapes() -> None:
    """A console in ASCII (or any encoding without é) never crashes the output."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "quorum", "check", str(SESSION)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert 0 == done.returncode, done.stderr
    assert b"Conseil de Communaut\\xe9 de Grand Besan\\xe7on" in done.stdout
