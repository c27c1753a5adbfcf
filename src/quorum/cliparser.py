"""The arguments of the ``quorum`` command and their help, in the user's language.

The help, the usage line and argparse's own messages ("the following arguments are required")
are written in the language of :mod:`quorum.i18n`: French in a French locale, English with
``--lang en``. argparse marks its messages for gettext in its own module; :func:`argparse_in`
lends it the quorum catalogue for the time a parser is built and used, so that its messages
(listed in :data:`ARGPARSE_MESSAGES` for the catalogue) come out in the same language as ours.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from quorum import __version__
from quorum.i18n import LANGUAGES, N_, _, from_environment, ngettext

#: argparse's messages that a user can see, marked for the catalogue (Python 3.11 to 3.13
#: spell them so; a message spelled otherwise by another version stays English)
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def language_of(argv: Sequence[str]) -> str:
    """The language the command line asks for (``--lang fr``, ``--lang=en``), else the
    environment's: the help must be in it before the arguments are parsed."""
    args = list(argv)
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return from_environment()


@contextmanager
def argparse_in() -> Iterator[None]:
    """argparse's messages in the language in use (:func:`quorum.i18n.using`) inside this block.

    argparse looks up its module-level ``_`` and ``ngettext`` when it writes a message: they
    are pointed at the quorum catalogue here and restored on the way out.
    """
    saved = argparse.__dict__.get("_"), argparse.__dict__.get("ngettext")
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _examples(text: str) -> str:
    return _("examples:") + "\n" + text


def _check_examples() -> str:
    return _examples(
        _(
            "  quorum check examples/grand-besancon-2026-01-29.session.json\n"
            "  quorum check minutes.txt -o report.html                  "
            "(open report.html in a browser)\n"
            "  quorum check minutes.txt --format markdown > report.md   "
            "(for a ticket or an e-mail)\n"
            "  quorum check minutes.txt --format json > audit.json\n"
            "  quorum check minutes/*.txt                               "
            "(one summary line per file)\n"
            "  quorum check minutes/ --jobs 2                           "
            "(every .txt .pdf .json .toml in it)\n"
        )
    )


def _explain_examples() -> str:
    return _examples(
        "  quorum explain examples/grand-besancon-2026-01-29.txt 19\n"
        '  quorum explain session.json "12 bis" --format json\n'
    )


def _rules_examples() -> str:
    return _examples(
        _(
            "  quorum rules                      (every rule set: name, dates of force, title, "
            "sources)\n"
            "  quorum rules fr-epci --format json\n"
            "  quorum rules --brief              (one line each)\n"
        )
    )


def _parse_examples() -> str:
    return _examples(
        _(
            "  quorum parse minutes.txt > session.json   "
            "(then correct it and run quorum check on it)\n"
            "  quorum parse minutes.pdf -o session.json\n"
        )
    )


def _debug_option() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("on an internal error, print the traceback (to report it)"),
    )
    return common


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
        parents=[_debug_option()],
    )


def jobs(text: str) -> int:
    """``--jobs N``: a number of processes, 0 for one per processor."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a number of processes: give 1, 2, … (0: one per processor)").format(
                text=text
            )
        )
    return value or os.cpu_count() or 1


def _lang_help() -> str:
    return _("language of the report's labels (default: French when the locale is French)")


def parser() -> argparse.ArgumentParser:
    """The parser of the ``quorum`` command, its help in the language in use (build it and use
    it inside :func:`argparse_in`)."""
    bodies = "".join(
        text.split("\n", 1)[1]
        for text in (_explain_examples(), _parse_examples(), _rules_examples())
    )
    p = argparse.ArgumentParser(
        prog="quorum",
        description=_(
            "Audit the votes of deliberative assemblies: presence, proxies, quorum and "
            "tallies, item by item. Exit status: 0 valid, 1 errors, 2 unreadable input or misuse, "
            "3 not fully read, 70 internal error."
        ),
        epilog=_check_examples() + bodies,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"quorum {__version__}",
        help=_("print the version and exit"),
    )
    p.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", prog="quorum")  # no formatter
    _check(sub)
    _explain(sub)
    parse = _sub(
        sub,
        "parse",
        _("read minutes and print the session as quorum-session/1 JSON"),
        _(
            "Read minutes (.txt, .pdf) and print the session as quorum-session/1 JSON, for a "
            "clerk to correct by hand and check with 'quorum check'. Exit status 0: read; 2: "
            "cannot be read; 3: not fully read (the session is written; correct it where stderr "
            "says); 70: internal error."
        ),
        _parse_examples(),
    )
    parse.add_argument("file", help=_("minutes (.txt, .pdf) or a session file"))
    parse.add_argument(
        "-o", "--output", help=_("write the session to this file instead of stdout")
    )
    rules = _sub(
        sub,
        "rules",
        _("list the rule sets, their sources and dates of force"),
        _(
            "List the named rule sets: name, dates of force, title, the articles for quorum, "
            "proxies and majority, and the texts they encode. A session that names none is "
            "audited under the French rule in force for its body and date."
        ),
        _rules_examples(),
    )
    rules.add_argument("name", nargs="*", help=_("only these rule sets"))
    rules.add_argument("--brief", action="store_true", help=_("one line per rule set"))
    rules.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format")
    )
    rules.add_argument("--lang", choices=LANGUAGES, help=_lang_help())
    return p


def _check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = _sub(
        sub,
        "check",
        _("audit session files or minutes"),
        _(
            "Audit every item of a session: presence, usable proxies, quorum, tally. With "
            "several files (or a folder), print one summary line per file. Exit status 0: valid; "
            "1: an error finding; 2: an input cannot be read; 3: the minutes were not fully read "
            "(check the quoted lines by hand); 70: internal error. With several files: the first "
            "of 70, 2, 1, 3, 0 that any file gives."
        ),
        _check_examples(),
    )
    check.add_argument(
        "file",
        nargs="+",
        help=_(
            "a quorum-session/1 file (.json, .toml), minutes (.txt, .pdf), or a folder of them"
        ),
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "html", "markdown"),
        help=_(
            "output format (default: from the -o file's extension .html .md .json .txt, "
            "else text); html is one self-contained page"
        ),
    )
    check.add_argument("--rules", help=_("audit under this rule set instead of the session's"))
    check.add_argument("-o", "--output", help=_("write the report to this file instead of stdout"))
    check.add_argument("--lang", choices=LANGUAGES, help=_lang_help())
    check.add_argument(
        "-j",
        "--jobs",
        type=jobs,
        default=1,
        metavar="N",
        help=_(
            "with several files, check N at a time in separate processes (0: one per "
            "processor); the lines keep the order of the files"
        ),
    )
    check.add_argument(
        "--member-lists",
        action="store_true",
        help=_(
            "json: also list, per item, the members present and the usable proxies (by "
            "default only their counts: the document grows with members + items)"
        ),
    )


def _explain(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ex = _sub(
        sub,
        "explain",
        _("why these numbers for one item"),
        _(
            "Explain one item: the members counted present, each usable proxy (giver -> "
            "holder), each proxy not counted and why, the arithmetic of quorum and tally, the "
            "rules cited. Exit status 0: no error at this item; 1: an error finding; 2: "
            "unreadable input or unknown item (the labels are listed); 3: the attendance of this "
            "item was not fully read; 70: internal error."
        ),
        _explain_examples(),
    )
    ex.add_argument("file", help=_("a session file or minutes"))
    ex.add_argument("item", help=_("the item's label, as on the agenda ('19', '12 bis')"))
    ex.add_argument(
        "--format",
        choices=("text", "json"),
        help=_("output format (default: from the -o file's extension, else text)"),
    )
    ex.add_argument("--rules", help=_("explain under this rule set instead of the session's"))
    ex.add_argument("-o", "--output", help=_("write the explanation to this file"))
    ex.add_argument("--lang", choices=LANGUAGES, help=_lang_help())
