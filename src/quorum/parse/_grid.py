"""Attendance given as a grid: a row a member, a column a state, the state ticked.

"| Conseillers | Présent | Absent | Pouvoir à |" then "| DUBOIS Jean | X | | |", "| RIOU Sandrine |
| X | DUBOIS Jean |" (a Word or spreadsheet table, as a PDF or a Markdown export gives it). The
header names the columns: a state column (présent, absent, excusé) is ticked with a mark, a proxy
column ("Pouvoir à", "Procuration à", "Représenté par") holds the holder's name. The headers are
data, one line each. A row that is ticked in no state column, or in two, is reported, never
guessed. Read only when no list of names was found.
"""

from __future__ import annotations

import re

from quorum.findings import N_, Source
from quorum.parse._lists import Entry, Lists, Mention, Unread
from quorum.parse._names import read_names
from quorum.parse._text import Doc, clean, fold

COLUMNS: tuple[tuple[str, str], ...] = (
    # (column kind, header over folded text)
    ("present", r"presente?s?|p"),
    ("absent", r"absente?s?(?:\ +excusee?s?)?|excusee?s?|a|e"),
    ("proxy", r"(?:pouvoirs?|procurations?)(?:\ +donnee?s?)?(?:\ +a)?|representee?s?\ +par"),
)
"""The column headers of an attendance grid."""
_COLUMNS = tuple((kind, re.compile(rf"(?:{phrase})\W*")) for kind, phrase in COLUMNS)
_MARK = re.compile(r"[xX✓✔•*]|oui|OUI|Oui")
"""A tick in a state column."""
_RULE = re.compile(r"[\s|:+-]*")
"""A row of dashes under the header ("|---|---|")."""


def _cells(line: str) -> list[str] | None:
    if line.count("|") < 3:
        return None
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _header(cells: list[str]) -> dict[int, str] | None:
    """The kind of each column, when the first names the members and the others are states."""
    kinds: dict[int, str] = {}
    for k, cell in enumerate(cells[1:], 1):
        for kind, pat in _COLUMNS:
            if pat.fullmatch(fold(cell)):
                kinds[k] = kind
                break
    values = set(kinds.values())
    return kinds if "present" in values and len(values) >= 2 else None


def read_grid(doc: Doc, text: str) -> Lists | None:
    """The attendance of the first grid in the minutes ``text`` (``doc`` is their reading, where
    tables are flattened to one column, offsets unchanged); None when there is none."""
    lines = clean(text).split("\n")
    if len(lines) != len(doc.starts):
        return None
    for no, line in enumerate(lines, 1):
        cells = _cells(line)
        kinds = _header(cells) if cells else None
        if kinds is not None:
            return _rows(doc, lines, no, kinds)
    return None


def _rows(doc: Doc, lines: list[str], head: int, kinds: dict[int, str]) -> Lists:
    out = Lists(first_header=doc.starts[head - 1])
    end = doc.starts[head - 1] + len(lines[head - 1])
    for no in range(head + 1, len(lines) + 1):
        line = lines[no - 1]
        cells = _cells(line)
        if cells is None:
            if line.strip():
                break
            continue
        end = doc.starts[no - 1] + len(line)
        if _RULE.fullmatch(line):
            continue
        src = Source(line=no, text=line.strip()[:200])
        names, bad = read_names(cells[0])
        ticked = {
            kinds[k]
            for k, c in enumerate(cells)
            if k in kinds and kinds[k] != "proxy" and _MARK.fullmatch(c)
        }
        holder_cells = [c for k, c in enumerate(cells) if kinds.get(k) == "proxy" and c]
        if len(names) != 1 or bad or len(ticked) != 1:
            out.unread.append(Unread(src, N_("a row of the attendance table not read")))
            continue
        entry = Entry(Mention(names[0], src), ticked.pop())
        if holder_cells:
            held, bad = read_names(holder_cells[0])
            if entry.status == "present" or len(held) != 1 or bad:
                out.unread.append(Unread(src, N_("the holder of this proxy could not be read")))
            else:
                entry.proxy_to = Mention(held[0], src)
        out.entries.append(entry)
    out.ends.append(end)
    out.sections.append((out.first_header or 0, end, "present"))
    return out
