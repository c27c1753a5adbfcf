"""Normalisation and segmentation: the document, its lines, and joined fragments.

Every folded string has the same length as its original, character for character, so a match
found in the folded text (lower case, no accents, straight apostrophes) points at the same place
in the original text. A :class:`Frag` joins several lines into one string (a list that runs over
line ends) and keeps a map back to the document offset, hence to the line number.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_SPECIAL = {
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\t": " ",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "œ": "o",
    "Œ": "o",
    "æ": "a",
    "Æ": "a",
    "ß": "s",
    "º": "°",
}


def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    if c < "\x80":
        return c.lower()
    base = unicodedata.normalize("NFD", c)[:1].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and dashes straightened; same length."""
    table = {ord(c): _fold_char(c) for c in set(text)}
    return text.translate(table)


def strip_accents(text: str) -> str:
    """Accents removed but case kept (used for ids and comparisons of display names)."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFD", c)[:1]
        out.append(base if base.isascii() else c)
    return "".join(out)


def clean(text: str) -> str:
    """Line ends unified, control characters (other than newline) turned into spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\t" in text:
        text = _TAB_ROW.sub(_tab_row, text)
    table = {i: " " for i in range(32) if i != 10}
    table[0x7F] = " "
    return text.translate(table)


_COLUMN_HEAD = re.compile(
    r"(?:etaient\ +|membres\ +|conseillers\ +)?(?:presents?|absents?(?:\ +excuses?)?|excuses?"
    r"|absents?\ +representes?|pouvoirs?|procurations?)\ *:?"
)
_GUTTER = re.compile(r"\ {3,}")


def uncolumn(text: str) -> str:
    """Two attendance lists side by side, as a PDF's text layer lays them ("Présents     Absents"
    on one line, then a name per line in each column): each column becomes its own list,
    "Présents : A, B, …" on the heading's line and "Absents : X, Y" two lines below, the other
    lines left blank (the count of lines, so every line number, is kept)."""
    lines = text.split("\n")
    no = 0
    while no < len(lines):
        heads = _GUTTER.split(lines[no].strip())
        if len(heads) != 2 or not all(_COLUMN_HEAD.fullmatch(fold(h)) for h in heads):
            no += 1
            continue
        col = lines[no].index(heads[1])
        left: list[str] = []
        right: list[str] = []
        end = no + 1
        while end < len(lines) and lines[end].strip():
            row = lines[end]
            cut = _GUTTER.search(row, 1) if row[:1] != " " else None
            if row[:col].strip() == "":
                right.append(row.strip())
            elif cut is None:
                left.append(row.strip())
            else:
                left.append(row[: cut.start()].strip())
                right.append(row[cut.end() :].strip())
            end += 1
        if end - no < 3 or not left or not right:
            no = end
            continue
        a, b = (h if h.endswith(":") else f"{h} :" for h in heads)
        block = [f"{a} {', '.join(left)}", "", f"{b} {', '.join(right)}"]
        lines[no:end] = block + [""] * (end - no - len(block))
        no = end
    return "\n".join(lines)


_TAB_ROW = re.compile(r"^[ ]*([^\t\n]+)\t+([^\t\n]+)\t+([^\t\n]+?)[ \t]*$", re.MULTILINE)
_TAB_HEADINGS = frozenset(
    {"nom", "noms", "prenom", "prenoms", "commune", "communes", "collectivite", "qualite"}
)
_TAB_SURNAME = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’ -]+")
_TAB_WORDS = re.compile(r"[A-ZÀ-Ý][\w'’ -]*")


def _tab_row(m: re.Match[str]) -> str:
    """A row of three tab-separated columns NOM / Prénom / Commune: "BARRAULT Alain (Ardon)", the
    commune in a parenthesis as a list writes it; the row of column headings, spaces only (a
    heading is no member). Any other row keeps its cells, the tabs made spaces."""
    cells = [c.strip() for c in m.groups()]
    if all(fold(c) in _TAB_HEADINGS for c in cells):
        return " " * len(m.group())
    surname, first, place = cells
    if (
        _TAB_SURNAME.fullmatch(surname)
        and _TAB_WORDS.fullmatch(first)
        and not first.isupper()
        and _TAB_WORDS.fullmatch(place)
    ):
        return f"{surname} {first} ({place})"
    return m.group()


_ROW = re.compile(r"^\|(?:[^|\n]*\|){2,}[ \t]*$", re.MULTILINE)
MIN_TABLE_ROWS = 5


def untable(text: str) -> str:
    """A Word table flattened into ``|cell|cell|`` rows (antiword): keep the body column (the one
    with the most text), blank the bars and the other cells (a sidebar repeated on every page).
    Same length, line for line, so every offset and line number still points at the source."""
    rows = list(_ROW.finditer(text))
    if len(rows) < MIN_TABLE_ROWS:
        return text
    widths: dict[int, int] = {}
    for m in rows:
        for k, cell in enumerate(m.group().strip().strip("|").split("|")):
            widths[k] = widths.get(k, 0) + len(cell.strip())
    body = max(widths, key=lambda k: widths[k])
    out = list(text)
    for m in rows:
        pos, k = m.start(), -1
        for c in m.group():
            if c == "|":
                k += 1
                out[pos] = " "
            elif k != body and c not in "\n":
                out[pos] = " "
            pos += 1
    return "".join(out)


class Doc:
    """The whole text, its folded twin and the offsets where lines start."""

    def __init__(self, text: str) -> None:
        self.text = untable(uncolumn(clean(text)))
        self.folded = fold(self.text)
        self.starts = [0]
        pos = self.text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)

    def line_no(self, pos: int) -> int:
        """1-based line number of a document offset."""
        return bisect.bisect_right(self.starts, pos)

    def line(self, no: int) -> str:
        """The stripped raw text of a 1-based line."""
        start = self.starts[no - 1]
        end = self.starts[no] - 1 if no < len(self.starts) else len(self.text)
        return self.text[start:end].strip()


class Frag:
    """Lines ``a..b`` of a document joined into one string, with a map back to the document.

    Lines are joined by a space, or by nothing when a line ends with a word and a hyphen
    (``Jean-`` / ``Emmanuel``): a name broken across lines. Blank lines are dropped, and so are
    the lines that start at an offset of ``skip`` (page furniture).
    """

    def __init__(self, doc: Doc, a: int, b: int, skip: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        parts: list[str] = []
        self._at: list[int] = []
        self._doc_at: list[int] = []
        length = 0
        pos = a
        for piece in doc.text[a:b].split("\n"):
            stripped = piece.strip()
            if stripped and pos not in skip:
                if parts:
                    prev = parts[-1]
                    glue = (
                        "" if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() else " "
                    )
                    parts.append(glue)
                    length += len(glue)
                lead = len(piece) - len(piece.lstrip())
                self._at.append(length)
                self._doc_at.append(pos + lead)
                parts.append(stripped)
                length += len(stripped)
            pos += len(piece) + 1
        self.text = "".join(parts)
        self.folded = fold(self.text)

    def doc_pos(self, i: int) -> int:
        """The document offset of fragment offset ``i``."""
        if not self._at:
            return 0
        k = max(bisect.bisect_right(self._at, i) - 1, 0)
        return self._doc_at[k] + max(i - self._at[k], 0)

    def line_no(self, i: int) -> int:
        """The 1-based line number of fragment offset ``i``."""
        return self.doc.line_no(self.doc_pos(i))


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance, or ``limit + 1`` as soon as it exceeds ``limit`` (short strings only)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(a) > 64 or len(b) > 64:
        return 0 if a == b else limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]
