"""The ``quorum`` command: ``check`` audits sessions, ``explain`` derives one item's numbers,
``parse`` reads minutes into a session file.

Exit status (docs/cli.md): 0 valid; 1 an error finding; 2 an input cannot be read, or misuse;
3 the minutes were not fully read (check the quoted lines by hand); 70 an internal error (a bug:
"internal error: please report it", the traceback only with ``--debug``). With several inputs,
the first of 70, 2, 1, 3, 0 that any file gives. Results go to stdout (or the ``-o`` file),
messages to stderr. Colour only on a terminal, and never when ``NO_COLOR`` is set.

The modules that audit and render are imported when a command needs them, so that
``quorum --version`` starts fast.
"""

from __future__ import annotations

import os
import sys

from quorum import __version__

TYPE_CHECKING = False  # typing, pathlib and the engine are imported only when needed
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence
    from typing import TextIO

    from quorum.audit import Audit
    from quorum.exceptions import QuorumError
    from quorum.model import Session
    from quorum.rules import RuleSet

OK, ERRORS, UNREADABLE, INCOMPLETE, INTERNAL = 0, 1, 2, 3, 70
#: the status of a batch: the first of these that any of its files gives
BATCH_ORDER = (INTERNAL, UNREADABLE, ERRORS, INCOMPLETE, OK)

#: the format ``-o FILE`` implies when ``--format`` is not given
FORMAT_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".txt": "text",
}

# C0 controls but tab and newline, DEL and C1: shown as \x1b in text output, never sent raw
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def visible(text: str) -> str:
    """Text safe for a terminal: control characters (ESC, BEL, CR…) shown as ``\\x1b``."""
    return text.translate(_CONTROLS)


def _encodable(text: str) -> str:
    """Text every UTF-8 stream can take: a lone surrogate becomes ``\\ud800``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _write(stream: TextIO, text: str) -> None:
    stream.write(_encodable(text))


LANGUAGES = ("fr", "en")  # quorum.i18n.LANGUAGES, without importing gettext for --version


def _dumps(doc: object) -> str:
    from quorum.sessionfile import dumps

    return dumps(doc) + "\n"


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    from quorum.report import render_rules
    from quorum.rulesets import RULE_SETS, get_rules

    chosen = [get_rules(n) for n in args.name] if args.name else list(RULE_SETS.values())
    if args.format == "json":
        from quorum.document import rule_set_dict

        _write(out, _dumps([rule_set_dict(r) for r in chosen]))
    else:
        _write(out, render_rules(chosen, detail=not args.brief))
    return OK


def _emit(text: str, output: str | None, stdout: TextIO) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            _write(fh, text)
    else:
        _write(stdout, text)


def _tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return _tty(stream) and not os.environ.get("NO_COLOR")


def _format(args: argparse.Namespace) -> str:
    """``--format``, else the one the ``-o`` file's extension names, else text."""
    if args.format:
        return str(args.format)
    if args.output:
        return FORMAT_BY_SUFFIX.get(os.path.splitext(args.output)[1].lower(), "text")
    return "text"


def status_of(result: Audit) -> int:
    """0 valid, 1 errors, 3 not fully read: the audit's verdict as an exit status."""
    from quorum.findings import Verdict

    return {Verdict.VALID: OK, Verdict.ERRORS: ERRORS, Verdict.INCOMPLETE: INCOMPLETE}[
        result.verdict
    ]


def batch_status(statuses: Sequence[int]) -> int:
    """The status of several files: the first of 70, 2, 1, 3, 0 that any of them gives."""
    return next((s for s in BATCH_ORDER if s in statuses), OK)


def _read_error(exc: QuorumError, file: str) -> str:
    """The error in the language in use, naming the file."""
    msg = exc.render()
    return msg if msg.startswith(file) else f"{file}: {msg}"


def _short(exc: QuorumError, file: str) -> str:
    """A read error on one line: its first line and, for a list of problems, the first one."""
    from quorum.i18n import _

    lines = _read_error(exc, file).removeprefix(f"{file}: ").splitlines() or [""]
    head = lines[0].rstrip(":").rstrip()
    if len(lines) > 1:
        head += _(", the first: {problem}").format(problem=lines[1].strip())
    return head


def _summary(exc: BaseException) -> str:
    """An exception on one line: its type and the first line of its message."""
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def internal_error_line(exc: BaseException, file: str | None) -> str:
    """What ``quorum`` prints for an uncaught exception: a bug, not a finding."""
    from quorum.i18n import _

    where = f"{file}: " if file else ""
    return where + _(
        "internal error: please report it to the quorum developers ({summary}); run the same "
        "command with --debug and attach its output"
    ).format(summary=_summary(exc))


def _traceback(exc: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(exc))


def _skipped(name: str, suffixes: tuple[str, ...]) -> str:
    """Why a file in a folder is skipped ("" if it is read), in the language in use."""
    from quorum.i18n import _

    if os.path.basename(name).startswith("~$"):
        return _("skipped: the lock file Word leaves while a document is open")
    if os.path.splitext(name)[1].lower() in suffixes:
        return ""
    return _(
        "skipped: quorum reads minutes (.txt, .pdf, .docx, .odt) and session files (.json, .toml)"
    )


def _inputs(names: Sequence[str]) -> list[tuple[str, bool | str]]:
    """The files to check, folders expanded (sorted), in the order given; ``(folder, True)`` for
    a folder holding no session file or minutes, ``(file, reason)`` for a file in it not read."""
    from quorum.io import MINUTES_SUFFIXES, SESSION_SUFFIXES

    suffixes = MINUTES_SUFFIXES + SESSION_SUFFIXES
    out: list[tuple[str, bool | str]] = []
    for name in names:
        if os.path.isdir(name):
            with os.scandir(name) as entries:
                files = sorted(os.path.join(name, e.name) for e in entries if e.is_file())
            why = {f: _skipped(f, suffixes) for f in files}
            out += [(f, False) for f in files if not why[f]] or [(name, True)]
            out += [(f, why[f]) for f in files if why[f]]
        else:
            out.append((name, False))
    return out


Result = tuple[str, int, str, "tuple[Session, RuleSet] | None"]
"""A file of a batch: its summary line, its status, the traceback of an internal error (or
``""``), and its session and rule set for the checks across sessions (or ``None``)."""


def check_one(
    name: str, rules: str | None, debug: bool = False, lang: str | None = None
) -> Result:
    """One file of a batch (see :data:`Result`). Never raises: a batch goes on."""
    from quorum.exceptions import QuorumError
    from quorum.i18n import _, using

    try:
        from quorum.audit import audit
        from quorum.io import read_session
        from quorum.report import summary_line

        result = audit(read_session(name), rules)
        status = status_of(result)
        text = summary_line(result, lang=lang)
        if status == INCOMPLETE:
            with using(lang):
                text += _(", not fully read: check the quoted lines by hand (quorum check FILE)")
        return text, status, "", (result.session, result.rules)
    except QuorumError as exc:
        with using(lang):
            text = _("cannot be read: {reason}").format(reason=_short(exc, name))
        return text, UNREADABLE, "", None
    except Exception as exc:
        return internal_error_line(exc, None), INTERNAL, _traceback(exc) if debug else "", None


def _results(
    inputs: list[tuple[str, bool | str]],
    rules: str | None,
    jobs: int,
    debug: bool,
    lang: str | None,
) -> Iterator[Result]:
    """The result of each input, in the order given; with ``jobs`` > 1 the files are checked
    in a pool of processes, and each result is yielded when its file is done."""
    from quorum.i18n import _

    empty = (
        _(
            "no session file or minutes in this folder (.txt .pdf .docx .odt .json .toml): name "
            "the files to check, or the folder that holds them"
        ),
        UNREADABLE,
        "",
        None,
    )
    if jobs <= 1 or len(inputs) <= 1:
        for name, is_empty in inputs:
            if isinstance(is_empty, str):
                yield is_empty, OK, "", None
            else:
                yield empty if is_empty else check_one(name, rules, debug, lang)
        return
    from concurrent.futures import ProcessPoolExecutor

    import quorum.audit
    import quorum.io
    import quorum.report  # noqa: F401  (imported once here, inherited by forked workers)

    with ProcessPoolExecutor(max_workers=min(jobs, len(inputs))) as pool:
        futures = [
            is_empty if is_empty else pool.submit(check_one, name, rules, debug, lang)
            for name, is_empty in inputs
        ]
        for future in futures:
            if isinstance(future, str):
                yield future, OK, "", None
                continue
            if future is True:
                yield empty
                continue
            try:
                yield future.result()
            except Exception as exc:  # the worker process died (killed, out of memory)
                trace = _traceback(exc) if debug else ""
                yield internal_error_line(exc, None), INTERNAL, trace, None


def _batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One summary line per file, in the order given; the status of the batch (batch_status)."""
    if args.output or args.format not in (None, "text"):
        from quorum.i18n import _

        _write(
            err,
            _(
                "quorum check: with several files, each gets one summary line: -o and --format "
                "apply to one file at a time (run quorum check FILE -o FILE.html)"
            )
            + "\n",
        )
        return UNREADABLE
    debug = bool(getattr(args, "debug", False))
    inputs = _inputs(args.file)
    statuses: list[int] = []
    progress = _tty(err)
    results = _results(inputs, args.rules, args.jobs, debug, args.lang)
    audited: list[tuple[Session, RuleSet]] = []  # for the checks across sessions (L2121-20)
    for n, (name, _kind) in enumerate(inputs, 1):
        line = visible(f"[{n}/{len(inputs)}] {name}")
        if progress:
            _write(err, f"\r{line}")
            err.flush()
        text, status, trace, done = next(results)
        if done is not None:
            audited.append(done)
        if progress:
            err.write("\r" + " " * len(line) + "\r")
            err.flush()
        _write(out, visible(f"{name}: {text}") + "\n")
        out.flush()
        if trace:
            _write(err, f"{name}:\n{trace}")
        statuses.append(status)
    from quorum.report import finding_lines
    from quorum.series import proxy_series

    for f in proxy_series(audited):
        _write(out, visible("\n".join(finding_lines(f))) + "\n")
    return batch_status(statuses)


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from quorum.audit import audit
    from quorum.io import read_session

    result = audit(read_session(args.file[0]), args.rules)
    from quorum.i18n import using

    fmt = _format(args)
    with using(args.lang):
        if fmt == "text":
            from quorum.report import colorize, render_text

            text = visible(render_text(result))
            if not args.output and use_color(out):
                text = colorize(text)
        elif fmt == "json":
            text = _dumps(result.to_dict(member_lists=args.member_lists))
        elif fmt == "html":
            from quorum.html import render_html

            text = render_html(result)
        else:
            from quorum.markdown import render_markdown

            text = visible(render_markdown(result))
    _emit(text, args.output, out)
    return status_of(result)


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    from quorum.audit import audit
    from quorum.explain import explain, explanation_dict, render_explanation
    from quorum.i18n import using
    from quorum.io import read_session

    result = audit(read_session(args.file), args.rules)
    e = explain(result, args.item)
    with using(args.lang):
        if _format(args) == "json":
            text = _dumps(explanation_dict(e))
        else:
            text = visible(render_explanation(e))
    _emit(text, args.output, out)
    reading = result.session.reading
    if reading is not None and not reading.complete:
        uncertain = reading.uncertain_items
        if not uncertain or e.item.item in uncertain:
            return INCOMPLETE
    return ERRORS if any(f.severity.value == "error" for f in e.item.findings) else OK


def _parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from quorum.io import read_session
    from quorum.sessionfile import session_to_dict

    session = read_session(args.file)
    from quorum.explain import finding_line

    for note in session.notes:
        _write(err, visible(f"{args.file}: {finding_line(note)}") + "\n")
    _emit(_dumps(session_to_dict(session)), args.output, out)
    reading = session.reading
    return INCOMPLETE if reading is not None and not reading.complete else OK


def _same_file(output: str, inputs: Sequence[str]) -> str | None:
    """The input that ``-o output`` would overwrite, if any."""
    for name in inputs:
        try:
            if os.path.realpath(output) == os.path.realpath(name) or (
                os.path.exists(output) and os.path.exists(name) and os.path.samefile(output, name)
            ):
                return name
        except OSError:
            continue
    return None


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "rules":
        return _rules(args, out)
    from quorum.i18n import _

    files = args.file if args.command == "check" else [args.file]
    output = getattr(args, "output", None)
    if output:
        overwritten = _same_file(output, files)
        if overwritten is not None:
            _write(
                err,
                visible(
                    _(
                        "quorum {command}: -o {output} would overwrite the input file {input}: "
                        "name another output file"
                    ).format(command=args.command, output=output, input=overwritten)
                )
                + "\n",
            )
            return UNREADABLE
    if args.command == "check":
        if len(args.file) > 1 or os.path.isdir(args.file[0]):
            return _batch(args, out, err)
        return _check(args, out)
    if args.command == "explain":
        return _explain(args, out)
    return _parse(args, out, err)


def run(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status (never raises but ``KeyboardInterrupt``)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        out.write(f"quorum {__version__}\n")  # argparse would load shutil to say it
        return OK
    from contextlib import redirect_stderr, redirect_stdout

    from quorum.cliparser import argparse_in, language_of, parser
    from quorum.i18n import using

    given = sys.argv[1:] if argv is None else argv
    with using(language_of(given)), argparse_in():
        p = parser()
        try:
            with redirect_stdout(out), redirect_stderr(err):  # argparse writes to sys.std*
                args = p.parse_args(given)
        except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
            return int(exc.code or 0)
        if args.command is None:
            p.print_help(err)
            return UNREADABLE
    file = getattr(args, "file", None)
    file = file[0] if isinstance(file, list) else file
    from quorum.i18n import _

    with using(getattr(args, "lang", None)):  # messages in the report's language
        try:
            return _dispatch(args, out, err)
        except BrokenPipeError:  # the reader went away (quorum check … | head): nothing to say
            return UNREADABLE
        except Exception as exc:
            from quorum.exceptions import QuorumError

            if isinstance(exc, QuorumError):
                from quorum.exceptions import InvalidSessionError

                where = str(file) if file is not None else f"quorum {args.command}"
                message = _read_error(exc, where)
                if isinstance(exc, InvalidSessionError):
                    message += "\n" + _(
                        "correct the session file at these places (its format: "
                        "docs/session-format.md), then run the command again"
                    )
                _write(err, visible(message) + "\n")
                return UNREADABLE
            if isinstance(exc, OSError) and (exc.filename is not None or args.output):
                name = exc.filename or args.output
                _write(
                    err,
                    visible(
                        _(
                            "quorum: {error}: {name}: check the folder exists and that you may "
                            "write there"
                        ).format(error=exc.strerror or exc, name=name)
                    )
                    + "\n",
                )
                return UNREADABLE
            _write(err, visible(internal_error_line(exc, file)) + "\n")
            if getattr(args, "debug", False):
                _write(err, _traceback(exc))
            return INTERNAL


def main() -> None:
    """Entry point of the ``quorum`` console script."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    status = run()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # do not let the interpreter complain again at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = status or UNREADABLE
    sys.exit(status)
