"""Items and votes: the headings that open each item, and what is reported under them.

Headings come in styles ("Rapport n°19", "1 - Titre", "1/ Titre", "1) Titre" inside a long line,
"I" alone on a line). Each style is read as a sequence (1, 2, 3 … possibly restarting at 1 after a
table of contents); the style with the longest sequence wins. When the minutes print the order of
passage, only explicit headings ("Rapport n°…", "Question n°…") are used to place the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quorum.findings import Source
from quorum.parse import _patterns as P
from quorum.parse._text import Doc
from quorum.parse._votes import NotVoting, Vote, compatible, merge, read_not_voting, read_tally

MAX_STATEMENT = 1000
"""Longer statements are not searched for tallies (bounds the cost of every pattern)."""

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass
class Heading:
    label: str
    pos: int
    source: Source


@dataclass
class Event:
    """ "Arrivée de X" / "Départ de X" / "Retour de X" under an item heading."""

    kind: str  # "arrive" or "leave"
    item: str
    who: str
    source: Source


def roman(text: str) -> int | None:
    """The value of a roman numeral (I … L), or None."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def find_headings(doc: Doc, agenda: list[str], after: int) -> list[Heading]:
    """The headings of the chosen style, in document order (only past offset ``after``)."""
    styles: dict[str, list[Heading]] = {"keyword": [], "number": [], "inline": [], "roman": []}
    for no in range(doc.line_no(after), len(doc.starts) + 1):
        start = doc.starts[no - 1]
        end = doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text)
        raw = doc.text[start:end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = start + len(raw) - len(raw.lstrip())
        src = Source(line=no, text=stripped[:200])
        folded = doc.folded[lead : lead + len(stripped)]
        if m := P.HEAD_KEYWORD.match(folded):
            styles["keyword"].append(Heading(_norm(m.group("n")), lead, src))
        if agenda:
            continue
        if m := P.HEAD_NUMBER.match(stripped):
            styles["number"].append(Heading(str(int(m.group("n"))), lead, src))
        if m := P.HEAD_ROMAN.match(stripped):
            styles["roman"].append(Heading(m.group("n"), lead, src))
        for m in P.HEAD_INLINE.finditer(stripped[:200_000]):
            if lead + m.start() >= after:
                text = stripped[m.start() : m.start() + 120].split(". ")[0]
                styles["inline"].append(
                    Heading(str(int(m.group("n"))), lead + m.start(), Source(line=no, text=text))
                )
    if agenda:
        known = set(agenda)
        return [h for h in styles["keyword"] if h.label in known]
    best: list[Heading] = []
    for name in ("keyword", "number", "inline", "roman"):
        seq = _sequence(styles[name], roman_numerals=name == "roman")
        if len({h.label for h in seq}) > len({h.label for h in best}):
            best = seq
    return best


def _norm(n: str) -> str:
    m = re.match(r"(\d+)\s*(bis|ter)?", n)
    if not m:
        return n
    return f"{int(m.group(1))} {m.group(2)}" if m.group(2) else str(int(m.group(1)))


def _sequence(heads: list[Heading], *, roman_numerals: bool) -> list[Heading]:
    """Headings that continue the sequence 1, 2, 3 … (a return to 1 starts it again)."""
    kept: list[Heading] = []
    expected = 1
    for h in heads:
        value = roman(h.label) if roman_numerals else _int(h.label)
        if value is None:
            continue
        if value == expected or (value == 1 and kept):
            kept.append(h)
            expected = value + 1
    return kept


def _int(label: str) -> int | None:
    return int(label) if label.isdigit() else None


def statements(text: str, base: int) -> list[tuple[int, int]]:
    """Spans of the lines of ``text``; a long line is also cut at sentence ends."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 300:
            spans.append((base + pos, base + pos + len(line)))
        else:
            sub = 0
            for m in re.finditer(r"\. (?=\S)", line):
                spans.append((base + pos + sub, base + pos + m.end()))
                sub = m.end()
            spans.append((base + pos + sub, base + pos + len(line)))
        pos += len(line) + 1
    return spans


def read_votes(doc: Doc, heads: list[Heading]) -> tuple[list[Vote], list[Event], list[NotVoting]]:
    """The votes, arrivals/departures and members not voting reported under each heading."""
    votes: list[Vote] = []
    events: list[Event] = []
    absts: list[NotVoting] = []
    for i, h in enumerate(heads):
        end = heads[i + 1].pos if i + 1 < len(heads) else len(doc.text)
        current: Vote | None = None
        for a, b in statements(doc.text[h.pos : end], h.pos):
            f = doc.folded[a:b].strip()
            if not f or len(f) > MAX_STATEMENT:
                continue
            src = Source(line=doc.line_no(a), text=doc.text[a:b].strip()[:200])
            lead = len(doc.folded[a:b]) - len(doc.folded[a:b].lstrip())
            raw = doc.text[a + lead : a + lead + len(f)]
            if nv := read_not_voting(f, raw, h.label, src):
                absts.append(nv)
            elif ev := _event(f, raw, h.label, src):
                events.append(ev)
                continue
            got = read_tally(f, h.label, src)
            if got is None:
                continue
            if current is not None and compatible(current, got):
                merge(current, got)
            else:
                current = got
                votes.append(got)
    return votes, events, absts


def _event(f: str, raw: str, item: str, src: Source) -> Event | None:
    if m := P.EVENT.match(f):
        kind = "leave" if m.group("kind") in ("depart", "sortie") else "arrive"
        who = raw[m.start("who") :]
        return Event(kind, item, re.split(r"\s+(?:à|a)\s+\d", who)[0], src)
    if m := re.match(r"^(?P<who>.{3,80}?) (?:quitte|a quitte) la seance\b", f):
        return Event("leave", item, raw[: m.end("who")], src)
    return None
