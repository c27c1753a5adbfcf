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


def read_counts(doc: Doc) -> Counted | None:
    """The first counts-only attendance sentence in the head of the minutes, if any."""
    head = doc.folded[:LIMIT]
    found = [m for pat in _PATTERNS if (m := pat.search(head))]
    if not found:
        return None
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
    no = doc.line_no(m.start())
    end = _NAMES_END.search(head, m.end(), m.end() + NAMES_AFTER)
    names = head[m.start() : end.end() if end else m.end() + NAMES_AFTER]
    src = Source(line=no, text=doc.line(no)[:200])
    return Counted(present, represented, absent, office, src, names)
