"""The ``quorum`` command: ``check`` audits sessions, ``explain`` derives one item's numbers,
``parse`` reads minutes into a session file.

Exit status: 0 when no finding is an error, 1 when one is, 2 when an input cannot be read (with
several inputs, the worst of them). Results go to stdout (or the ``-o`` file), messages to stderr.
Colour only on a terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from quorum import __version__
from quorum.audit import Audit, audit
from quorum.document import rule_set_dict
from quorum.exceptions import QuorumError
from quorum.explain import explain, explanation_dict, finding_line, render_explanation
from quorum.html import render_html
from quorum.i18n import LANGUAGES, _, using
from quorum.io import MINUTES_SUFFIXES, SESSION_SUFFIXES, read_session
from quorum.markdown import render_markdown
from quorum.report import render_rules, render_text, summary_line
from quorum.rulesets import RULE_SETS, get_rules
from quorum.sessionfile import dumps, session_to_dict

CHECK_EXAMPLES = """\
examples:
  quorum check examples/grand-besancon-2026-01-29.session.json
  quorum check minutes.txt --format html -o report.html    (open report.html in a browser)
  quorum check minutes.txt --format markdown > report.md   (for a ticket or an e-mail)
  quorum check minutes.txt --format json > audit.json
  quorum check minutes/*.txt                               (one summary line per file)
  quorum check minutes/                                    (every .txt .pdf .json .toml in it)
"""

EXPLAIN_EXAMPLES = """\
examples:
  quorum explain examples/grand-besancon-2026-01-29.txt 19
  quorum explain session.json "12 bis" --format json
"""

RULES_EXAMPLES = """\
examples:
  quorum rules                      (every rule set: name, dates of force, title, sources)
  quorum rules fr-epci --format json
  quorum rules --brief              (one line each)
"""

PARSE_EXAMPLES = """\
examples:
  quorum parse minutes.txt > session.json   (then correct it and run quorum check on it)
  quorum parse minutes.pdf -o session.json
"""

RENDERERS: dict[str, Callable[[Audit], str]] = {
    "json": lambda a: dumps(a.to_dict()) + "\n",
    "html": render_html,
    "markdown": render_markdown,
}

SUFFIXES = MINUTES_SUFFIXES + SESSION_SUFFIXES

LANG_HELP = "language of the report's labels (default: French when the locale is French)"


def _sub(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    description: str,
    examples: str,
) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quorum",
        description="Audit the votes of deliberative assemblies: presence, proxies, quorum and "
        "tallies, item by item.",
        epilog=CHECK_EXAMPLES
        + EXPLAIN_EXAMPLES.split("\n", 1)[1]
        + PARSE_EXAMPLES.split("\n", 1)[1]
        + RULES_EXAMPLES.split("\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"quorum {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    check = _sub(
        sub,
        "check",
        "audit session files or minutes",
        "Audit every item of a session: presence, usable proxies, quorum, tally. With several "
        "files (or a folder), print one summary line per file. Exit status 0: no error; 1: an "
        "error finding; 2: an input cannot be read (the worst over all files).",
        CHECK_EXAMPLES,
    )
    check.add_argument(
        "file",
        nargs="+",
        help="a quorum-session/1 file (.json, .toml), minutes (.txt, .pdf), or a folder of them",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "html", "markdown"),
        default="text",
        help="output format (default: text); html is one self-contained page",
    )
    check.add_argument("--rules", help="audit under this rule set instead of the session's")
    check.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    check.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    check.add_argument(
        "--member-lists",
        action="store_true",
        help="json: also list, per item, the members present and the usable proxies (by "
        "default only their counts: the document grows with members + items)",
    )
    ex = _sub(
        sub,
        "explain",
        "why these numbers for one item",
        "Explain one item: the members counted present, each usable proxy (giver -> holder), "
        "each proxy not counted and why, the arithmetic of quorum and tally, the rules cited. "
        "Exit status 0: no error at this item; 1: an error finding; 2: unreadable input or "
        "unknown item.",
        EXPLAIN_EXAMPLES,
    )
    ex.add_argument("file", help="a session file or minutes")
    ex.add_argument("item", help="the item's label, as on the agenda ('19', '12 bis')")
    ex.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    ex.add_argument("--rules", help="explain under this rule set instead of the session's")
    ex.add_argument("-o", "--output", help="write the explanation to this file")
    ex.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    parse = _sub(
        sub,
        "parse",
        "read minutes and print the session as quorum-session/1 JSON",
        "Read minutes (.txt, .pdf) and print the session as quorum-session/1 JSON, for a clerk "
        "to correct by hand and check with 'quorum check'.",
        PARSE_EXAMPLES,
    )
    parse.add_argument("file", help="minutes (.txt, .pdf) or a session file")
    parse.add_argument("-o", "--output", help="write the session to this file instead of stdout")
    rules = _sub(
        sub,
        "rules",
        "list the rule sets, their sources and dates of force",
        "List the named rule sets: name, dates of force, title, the articles for quorum, "
        "proxies and majority, and the texts they encode. A session that names none is audited "
        "under the French rule in force for its body and date.",
        RULES_EXAMPLES,
    )
    rules.add_argument("name", nargs="*", help="only these rule sets")
    rules.add_argument("--brief", action="store_true", help="one line per rule set")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    return p


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    chosen = [get_rules(n) for n in args.name] if args.name else list(RULE_SETS.values())
    if args.format == "json":
        out.write(dumps([rule_set_dict(r) for r in chosen]) + "\n")
    else:
        out.write(render_rules(chosen, detail=not args.brief))
    return 0


def _emit(text: str, output: str | None, stdout: TextIO) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        stdout.write(text)


def _tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return _tty(stream) and not os.environ.get("NO_COLOR")


def _status(result: Audit) -> int:
    return 0 if result.ok else 1


def _read_error(exc: QuorumError, file: str) -> str:
    """The error in the language in use, naming the file."""
    msg = exc.render()
    return msg if msg.startswith(file) else f"{file}: {msg}"


def _short(exc: QuorumError, file: str) -> str:
    """A read error on one line: its first line and, for a list of problems, the first one."""
    lines = _read_error(exc, file).removeprefix(f"{file}: ").splitlines() or [""]
    head = lines[0].rstrip(":").rstrip()
    if len(lines) > 1:
        head += _(", the first: {problem}").format(problem=lines[1].strip())
    return head


def _inputs(names: Sequence[str]) -> list[tuple[str, bool]]:
    """The files to check, folders expanded (sorted), in the order given; ``(folder, True)`` for
    a folder holding no session file or minutes."""
    out: list[tuple[str, bool]] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            out += [(f, False) for f in found] or [(name, True)]
        else:
            out.append((name, False))
    return out


def _batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One summary line per file; the worst exit status."""
    if args.output or args.format != "text":
        err.write(
            _(
                "quorum check: with several files, each gets one summary line: -o and --format "
                "apply to one file at a time (run quorum check FILE --format html -o FILE.html)"
            )
            + "\n"
        )
        return 2
    inputs = _inputs(args.file)
    worst = 0
    progress = _tty(err)
    for n, (name, empty) in enumerate(inputs, 1):
        line = f"[{n}/{len(inputs)}] {name}"
        if progress:
            err.write(f"\r{line}")
            err.flush()
        if empty:
            text, status = _("no session file or minutes in this folder"), 2
        else:
            try:
                result = audit(read_session(name), args.rules)
                text, status = summary_line(result, lang=args.lang), _status(result)
            except QuorumError as exc:
                text = _("cannot be read: {reason}").format(reason=_short(exc, name))
                status = 2
        if progress:
            err.write("\r" + " " * len(line) + "\r")
            err.flush()
        out.write(f"{name}: {text}\n")
        out.flush()
        worst = max(worst, status)
    return worst


def _check(args: argparse.Namespace, out: TextIO) -> int:
    result = audit(read_session(args.file[0]), args.rules)
    with using(args.lang):
        if args.format == "text":
            text = render_text(result, color=not args.output and use_color(out))
        elif args.format == "json":
            text = dumps(result.to_dict(member_lists=args.member_lists)) + "\n"
        else:
            text = RENDERERS[args.format](result)
    _emit(text, args.output, out)
    return _status(result)


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    e = explain(audit(read_session(args.file), args.rules), args.item)
    with using(args.lang):
        text = (
            dumps(explanation_dict(e)) + "\n" if args.format == "json" else render_explanation(e)
        )
    _emit(text, args.output, out)
    return 1 if any(f.severity.value == "error" for f in e.item.findings) else 0


def run(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(err)
        return 2
    with using(getattr(args, "lang", None)):  # messages in the report's language
        return _dispatch(args, out, err)


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "rules":
        try:
            return _rules(args, out)
        except QuorumError as exc:
            err.write(f"quorum rules: {exc.render()}\n")
            return 2
    file = args.file[0] if args.command == "check" else args.file
    try:
        if args.command == "check":
            if len(args.file) > 1 or Path(file).is_dir():
                return _batch(args, out, err)
            return _check(args, out)
        if args.command == "explain":
            return _explain(args, out)
        session = read_session(file)
        for note in session.notes:
            err.write(f"{file}: {finding_line(note)}\n")
        _emit(dumps(session_to_dict(session)) + "\n", args.output, out)
        return 0
    except QuorumError as exc:
        err.write(_read_error(exc, str(file)) + "\n")
        return 2
    except OSError as exc:
        err.write(f"quorum: {exc.strerror or exc}: {exc.filename or args.output}\n")
        return 2


def main() -> None:
    """Entry point of the ``quorum`` console script."""
    sys.exit(run())
