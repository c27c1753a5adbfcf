"""What the reader makes of a folder of real minutes: one line per document, then totals.

Run: ``python benchmarks/corpus_report.py DIR [--details]`` (with quorum importable).

For each ``*.txt``/``*.pdf`` of DIR (``#`` header lines at the top are dropped):

- ``items``: items in the session read (its agenda);
- ``tallies``: items that got a tally (a count or an outcome);
- ``votes``: vote statements seen in the text *independently of the item headings*: every
  statement after the attendance lists that reports a count, unanimity or an outcome, a run of
  statements that can be one vote counting once (as the reader groups them). On real
  minutes ``items`` should be close to ``votes``: far fewer items means headings were missed;
- ``unread``: unread attendance lines (``UNREAD_TEXT``);
- ``reading``: other reading findings (warnings and errors from the reader);
- ``errors``: error findings of the audit against the minutes;
- ``refused``: the reader refused the document (its message).

The votes column is a heuristic measure, not a label: read the documents.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from quorum.audit import audit
from quorum.exceptions import QuorumError
from quorum.findings import Severity
from quorum.io import MINUTES_SUFFIXES, _read_bytes, _text, pdf_text
from quorum.parse import parse_minutes
from quorum.parse._items import group_votes, vote_statements
from quorum.parse._sections import read_lists
from quorum.parse._text import Doc


@dataclass
class Row:
    name: str
    items: int = 0
    tallies: int = 0
    votes: int = 0
    unread: int = 0
    reading: int = 0
    errors: int = 0
    refused: str | None = None
    details: list[str] = field(default_factory=list)


def load(path: Path) -> str:
    data = _read_bytes(path)
    text = pdf_text(data, path) if path.suffix.lower() == ".pdf" else _text(data, path)[0]
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def count_votes(text: str) -> int:
    """Votes in ``text`` after the attendance lists, whatever the headings: the statements that
    report a vote, those in a row that can be one vote counting once (as the reader groups
    them, but without knowing the headings)."""
    doc = Doc(text)
    try:
        lists = read_lists(doc)
        start = max(lists.ends) if lists.ends else 0
    except QuorumError:
        start = 0
    return len(group_votes(doc, vote_statements(doc, start), []))


def report(path: Path) -> Row:
    row = Row(path.name)
    try:
        text = load(path)
        session = parse_minutes(text)
    except QuorumError as err:
        row.refused = str(err)
        return row
    row.votes = count_votes(text)
    row.items = len(session.agenda)
    row.tallies = len(session.tallies)
    for n in session.notes:
        if n.code == "UNREAD_TEXT":
            row.unread += 1
        elif n.severity is not Severity.INFO:
            row.reading += 1
        row.details.append(f"    reader {n}")
    result = audit(session)
    notes = {id(n) for n in session.notes}
    for f in result.findings:
        if id(f) in notes or f in session.notes:
            continue
        if f.severity is Severity.ERROR:
            row.errors += 1
            row.details.append(f"    audit  {f}")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--details", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in MINUTES_SUFFIXES)
    rows = []
    print(f"{'document':<44} {'items':>5} {'tally':>5} {'votes':>5} {'unread':>6} "
          f"{'reading':>7} {'errors':>6}")  # fmt: skip
    for path in paths:
        row = report(path)
        rows.append(row)
        if row.refused:
            print(f"{row.name:<44} REFUSED: {row.refused}")
            continue
        flag = "" if abs(row.items - row.votes) <= max(1, row.votes // 10) else "  <- items/votes"
        print(
            f"{row.name:<44} {row.items:>5} {row.tallies:>5} {row.votes:>5} {row.unread:>6} "
            f"{row.reading:>7} {row.errors:>6}{flag}"
        )
        if args.details:
            print("\n".join(row.details))
    read = [r for r in rows if not r.refused]
    matching = sum(1 for r in read if abs(r.items - r.votes) <= max(1, r.votes // 10))
    unread = sum(r.unread for r in read)
    print(
        f"\ntotal: {len(rows)} documents, {len(rows) - len(read)} refused, "
        f"{sum(1 for r in read if r.errors)} with errors, "
        f"{sum(1 for r in read if r.unread)} with unread lines ({unread} lines), "
        f"items {sum(r.items for r in read)}, tallies {sum(r.tallies for r in read)}, "
        f"votes {sum(r.votes for r in read)}, items matching votes {matching}/{len(read)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
