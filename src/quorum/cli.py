"""The ``quorum`` command: ``quorum check FILE`` audits a session, ``quorum parse FILE`` reads
minutes into a session file.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from quorum import __version__
from quorum.audit import audit
from quorum.exceptions import QuorumError
from quorum.io import read_session
from quorum.report import render_text
from quorum.sessionfile import dumps, session_to_dict

EXAMPLES = """\
examples:
  quorum check examples/grand-besancon-2026-01-29.session.json
  quorum check minutes.txt --format json > audit.json
  quorum parse minutes.txt > session.json   (then correct it and run quorum check on it)
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quorum",
        description="Audit the votes of deliberative assemblies: presence, proxies, quorum and "
        "tallies, item by item.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"quorum {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help="audit a session file or minutes",
        description="Audit every item of a session: presence, usable proxies, quorum, tally. "
        "Exit status 0: no error; 1: an error finding; 2: the input cannot be read.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "file", help="a quorum-session/1 file (.json, .toml) or minutes (.txt, .pdf)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument("--rules", help="audit under this rule set instead of the session's")
    check.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    parse = sub.add_parser(
        "parse",
        help="read minutes and print the session as quorum-session/1 JSON",
        description="Read minutes (.txt, .pdf) and print the session as quorum-session/1 JSON, "
        "for a clerk to correct by hand and check with 'quorum check'.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("file", help="minutes (.txt, .pdf) or a session file")
    parse.add_argument("-o", "--output", help="write the session to this file instead of stdout")
    return p


def _emit(text: str, output: str | None, stdout: TextIO) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        stdout.write(text)


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
        parser.print_help(out)
        return 2
    try:
        session = read_session(args.file)
        if args.command == "parse":
            for note in session.notes:
                err.write(f"{args.file}: {note}\n")
            _emit(dumps(session_to_dict(session)) + "\n", args.output, out)
            return 0
        result = audit(session, args.rules)
        text = dumps(result.to_dict()) + "\n" if args.format == "json" else render_text(result)
        _emit(text, args.output, out)
    except QuorumError as exc:
        msg = str(exc)
        err.write(msg if msg.startswith(str(args.file)) else f"{args.file}: {msg}")
        err.write("\n")
        return 2
    except OSError as exc:
        err.write(f"quorum: {exc.strerror or exc}: {exc.filename or args.output}\n")
        return 2
    return 0 if result.ok else 1


def main() -> None:
    """Entry point of the ``quorum`` console script."""
    sys.exit(run())
