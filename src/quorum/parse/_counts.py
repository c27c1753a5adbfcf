"""Minutes that give the attendance as counts, not names.

"27 Conseillers étaient Présents ou Représentés (07 Procurations : …) et 02 conseillers étaient
Absents", "en exercice 29, présents 20, votants 27". The counts become a
:class:`~quorum.model.Headcount` (members counted but never named): the audit checks quorum and
tallies against them, and no member is invented. The phrasings are data: one line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quorum.findings import Source
from quorum.parse import _patterns as P
from quorum.parse._text import Doc

_N = r"(?P<{}>\d{{1,4}})"
_WHO = r"(?:conseillers?(?:\ +municipaux)?|membres?|delegues?|elus?)"
_WERE = r"(?:(?:etaient|sont|etant|furent)\ +)?"

PHRASES: tuple[str, ...] = (
    # 27 Conseillers étaient Présents ou Représentés (07 Procurations : …)
    _N.format("total")
    + rf"\ +{_WHO}\ +{_WERE}presents?\ +(?:ou|et)\ +representes?\W{{0,8}}(?:dont\ +)?"
    + _N.format("represented")
    + r"\ +(?:procurations?|pouvoirs?)",
    # en exercice 29, présents 20, votants 27
    r"en\ +exercice\W{0,8}"
    + _N.format("office")
    + r"\W{1,8}presents?\W{0,8}"
    + _N.format("present")
    + r"\W{1,8}votants?\W{0,8}"
    + _N.format("voters"),
    # Présents : 12 - Absents : 3 - Pouvoirs : 2 - Votants : 14 (labels first, on one line)
    r"presents?\ *:?\ *"
    + _N.format("present")
    + r"\b[^\n]{0,80}?votants?\ *:?\ *"
    + _N.format("voters")
    + r"\b",
    # 20 présents, 7 représentés
    _N.format("present")
    + rf"\ +(?:{_WHO}\ +)?{_WERE}presents?\W{{1,8}}(?:et\ +)?"
    + _N.format("represented")
    + rf"\ +(?:{_WHO}\ +)?{_WERE}representes?",
)
"""Counts-only attendance sentences over folded text (named groups: total present + represented,
present, represented, voters, office)."""
ABSENT = re.compile(
    r"(?P<absent>\d{1,4})\s+(?:" + _WHO + r"\s+)?" + _WERE.replace("\\ +", "\\s+") + r"absents?\b"
)
"""The absent count that may follow ("et 02 conseillers étaient Absents"; across line ends and
blank lines: "et 06 / Conseillers / (blank) / étaient Absents")."""
_PATTERNS = tuple(re.compile(p) for p in PHRASES)
_ABSENT_LABEL = re.compile(r"absents?\ *:?\ *(\d{1,4})\b")
NAMES_AFTER = 600
"""The names of proxy givers and absent members are looked for this far after the counts, up to
the end of the sentence (``_NAMES_END``: a stop after a word that ends a line, "… E.
BAGHIONI.", not after an initial, "N.", nor at a blank line: lists run across them). Reading too
far only keeps a warning; too short could take an absent member for a present one."""
_NAMES_END = re.compile(r"[a-z]{2}\.[\ \t]*(?:\n|$)")
LIMIT = 20_000
"""Counts are looked for in the head of the minutes only."""


@dataclass
class Counted:
    present: int
    represented: int
    absent: int
    office: int | None
    source: Source
    names: str = ""
    """The folded text of the counts sentence and what follows it (the proxy givers and absent
    members it names): a member it names is not one of the present."""


ALL_PRESENT = re.compile(
    r"(?:presents?\ *:\ *)?tous\ +les\ +(?:membres|conseillers|delegues|elus)"
    r"(?:\ +(?:municipaux|communautaires|syndicaux|titulaires))?(?:\ +en\ +exercice)?"
    r"(?:\ +(?:sont|etaient|etant))?(?:\ +presents?)?"
    r"(?:\ *,?\ *(?:sauf|a\ +l'exception\ +d[eu]|excepte(?:e|s|es)?|hormis)\ +"
    r"(?P<names>[^.\n]{1,300}))?"
)
"""Every member present but those named: "Tous les conseillers municipaux étaient présents",
"Étaient présents : tous les conseillers en exercice sauf X (pouvoir à Y)". Counted only when
the minutes print the members in office."""
_EXCEPT_SPLIT = re.compile(r",|\ et\ |;")


def _all_present(doc: Doc, head: str) -> Counted | None:
    for m in ALL_PRESENT.finditer(head):
        if (
            "present" not in m.group(0).split(" sauf")[0]
            and "present" not in head[max(m.start() - 30, 0) : m.start()]
        ):
            continue  # "tous les conseillers" in another sentence
        line_start = head.rfind("\n", 0, m.start()) + 1
        if head[line_start : m.start()].strip(" -•*") and not m.group(0).startswith("present"):
            continue  # "… à l'unanimité de tous les membres présents": a vote, not the attendance
        office = P.IN_OFFICE.search(head)
        if office is None:
            return None
        n_office = int(office.group("n") or office.group("m"))
        names = m.group("names") or ""
        outside = re.sub(r"\([^)]*\)", lambda x: x.group(0).replace(",", " "), names)
        excepted = [x for x in _EXCEPT_SPLIT.split(outside) if x.strip()]
        represented = sum(1 for x in excepted if re.search(rf"{P.PROXY_NOUN}", x))
        present = n_office - len(excepted)
        if present < 0:
            return None
        no = doc.line_no(m.start())
        src = Source(line=no, text=doc.line(no)[:200])
        absent = len(excepted) - represented
        return Counted(present, represented, absent, n_office, src, head[m.start() : m.end()])
    return None


def read_counts(doc: Doc) -> Counted | None:
    """The first counts-only attendance sentence in the head of the minutes, if any."""
    head = doc.folded[:LIMIT]
    found = [m for pat in _PATTERNS if (m := pat.search(head))]
    if not found:
        return _all_present(doc, head)
    m = min(found, key=lambda x: x.start())
    g = {k: int(v) for k, v in m.groupdict().items() if v is not None}
    if "total" in g:
        present, represented = g["total"] - g["represented"], g["represented"]
    elif "voters" in g:
        present, represented = g["present"], g["voters"] - g["present"]
    else:
        present, represented = g["present"], g["represented"]
    if present < 0 or represented < 0:
        return None
    office = g.get("office")
    absent = 0
    if office is not None:
        absent = max(office - present - represented, 0)
    elif a := ABSENT.search(head, m.end(), m.end() + 600):
        absent = int(a.group("absent"))
    elif a := _ABSENT_LABEL.search(head, m.start(), m.end()):
        absent = int(a.group(1))
    no = doc.line_no(m.start())
    end = _NAMES_END.search(head, m.end(), m.end() + NAMES_AFTER)
    names = head[m.start() : end.end() if end else m.end() + NAMES_AFTER]
    src = Source(line=no, text=doc.line(no)[:200])
    return Counted(present, represented, absent, office, src, names)


_NOT_COUNTS = re.compile(r"\b(?:pour|contre|abstentions?|unanimite|adopte|approuve|rejete)\b")


def count_lines_end(doc: Doc, pos: int) -> int:
    """Past the lines of printed totals that follow the member lists at ``pos`` ("Conseillers en
    exercice : 26 - Présents : 22 - Représentés : 3 - Votants : 25", blank lines between): they
    are attendance, not a vote. A line with a tally word ("Pour : 19") stops it: that is a vote."""
    end = pos
    no = doc.line_no(pos - 1) + 1 if pos else 1
    while no <= len(doc.starts):
        start = doc.starts[no - 1]
        line = doc.folded[start : start + len(doc.line(no))]
        if line.strip() and (not P.TOTALS.search(line) or _NOT_COUNTS.search(line)):
            break
        if line.strip():
            end = start + len(line)
        no += 1
    return end
