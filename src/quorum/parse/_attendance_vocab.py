"""The vocabulary of attendance headings, as data: one line per phrasing.

Every phrase is written over *folded* text (lower case, no accents; see ``_text.fold``). A
heading is at a line start (after a bullet or a table bar) or after ". " / ", ", may be preceded by
a subject ("Étaient", "Sont", "Membres", "Délégués", "Conseillers") and is followed by a colon
(possibly after a stray dot or space: "Absents. :"). Add a phrasing here, with a test; the code
that reads the sections does not change.
"""

from __future__ import annotations

import re

from quorum.parse._patterns import PROXY_NOUN

_S = r"(?:\ ?\([a-z/]{1,6}\)[a-z]{0,2})?"
"""A gender/number mark: "présent(e)s", "absent(s/es)"."""
_PRESENT = rf"presente?s?{_S}"
_ABSENT = rf"absente?s?{_S}"
_EXCUSED = rf"excusee?s?{_S}"
_REPRESENTED = rf"representee?s?{_S}"
_GAVE = (  # "avant" is "ayant" as OCR reads it
    r"(?:ayant\ +|avant\ +|qui\ +ont\ +|ont\ +)?(?:donne|remis|confie)\ +(?:une\ +|leur\ +|un\ +)?"
    + PROXY_NOUN
)

HEADINGS: tuple[tuple[str, str], ...] = (
    # (kind, phrase) -- the first phrase that matches at a place wins: longer ones first.
    ("represented", rf"{_ABSENT}\ +(?:{_EXCUSED}\ +)?{_GAVE}"),
    ("represented", rf"{_EXCUSED}\ +(?:et\ +)?{_GAVE}"),
    ("represented", rf"{_ABSENT}\ ?(?:-\ ?)?(?:et\ +)?{_REPRESENTED}(?:\ +par\ +\w+)?"),
    ("represented", rf"{_ABSENT}\ +{_EXCUSED}\ +(?:et\ +)?{_REPRESENTED}"),
    ("represented", rf"{_EXCUSED}\ +(?:et\ +)?{_REPRESENTED}"),
    ("represented", rf"{_REPRESENTED}(?:\ +par\ +(?:pouvoir|procuration)s?)?"),
    ("represented", _GAVE),
    (
        "substituted",
        r"supplee(?:e|s|es)?|remplacee?s?(?:\ +par\ +(?:leur|un|une)\ +suppleante?s?)?",
    ),
    ("absent", rf"{_ABSENT}(?:,?\ ?(?:-\ ?)?(?:et\ +)?(?:non\ +)?{_EXCUSED})?"),
    ("absent", rf"{_EXCUSED}(?:\ +(?:et\ +)?{_ABSENT})?"),
    (
        "seated_substitutes",
        rf"suppleante?s?(?:\ +{_PRESENT})?\ +avec\ +voix\ +deliberatives?",
    ),
    # "Délégués suppléants présents :": a vote only for one who says whom he replaces
    ("replacing_substitutes", rf"suppleante?s?\ +{_PRESENT}"),
    ("present", rf"{_PRESENT}(?:\ +(?:a\ +la\ +seance|en\ +seance))?"),
    # "Assistaient à la séance :" lists the members; "Assistaient également" is the staff below
    ("present", r"(?:assistai(?:en)?t|ont\ +assiste)\ +a\ +la\ +seance"),
    ("proxies", r"procurations?(?:\ +de\ +vote)?|pouvoirs?|delegations?\ +de\ +vote"),
    (
        "secretary",
        r"(?:designation\ +du\ +)?secretaire\ +de\ +(?:la\ +)?seance|secretaire",
    ),
    (
        "staff",
        r"(?:(?:assistai(?:en)?t|assiste(?:nt)?)(?:\ +egalement)?(?:\ +a\ +la\ +seance)?\ +)?"
        r"(?:sans\ +voix\ +deliberatives?|avec\ +voix\ +consultatives?)"
        r"|assistai(?:en)?t(?:\ +egalement)?|egalement\ +presents?",
    ),
    ("agenda", r"ordre\ +du\ +jour"),
    ("passage", r"ordre\ +de\ +passage(?:\ +des\ +(?:rapports|questions|points|dossiers))?"),
    (
        "block",
        r"questions?\ +(?:n\ ?°\ ?)?\d{1,3}\ +(?:et|a|&|au)\ +(?:la\ +fin|\d{1,3})"
        r"(?:\ +incluse?)?",
    ),
)
"""Attendance headings: (section kind, phrase over folded text)."""

SUBJECTS: tuple[str, ...] = (
    r"etai(?:en)?ts?",
    r"sont",
    r"est",
    # "Membres élus par le conseil municipal présents", "Membres nommés par le Maire présents"
    r"membres?(?:\ +(?:elue?s?|nommee?s?)(?:\ +par\ +(?:le|la|l')\ *[a-z]+(?:\ +municipal)?)?)?",
    r"delegues?(?:\ +titulaires?)?",
    r"conseillers?(?:\ +(?:municipaux|communautaires|syndicaux))?",
    r"titulaires?",
    r"elus?",
    r"avai(?:en)?t",
    r"personnes?",
)
"""Words that may open a heading: "Étaient présents", "Sont excusés", "Délégués représentés"."""


TAIL = (
    r"(?:\ +(?:mesdames|messieurs|mmes|mm)\.?(?:\ +et\ +(?:mesdames|messieurs|mmes|mm)\.?)?)?"
    r"(?:\ +(?:les\ +)?(?:conseillers?|membres?|delegues?|elus?)"
    r"(?:\ +(?:municipaux|communautaires|syndicaux|departementaux|regionaux|titulaires))?)?"
)
"""What may follow a heading's words before its colon: "Étaient présents Mesdames et Messieurs
les conseillers municipaux :"."""


def _compile(*, own_line: bool = False) -> re.Pattern[str]:
    groups: dict[str, list[str]] = {}
    for kind, phrase in HEADINGS:
        groups.setdefault(kind, []).append(phrase)
    subject = "(?:(?:" + "|".join(SUBJECTS) + r")\ +){0,2}"
    body = "|".join(
        f"(?P<{kind}>{subject}(?:{'|'.join(phrases)}){TAIL})" for kind, phrases in groups.items()
    )
    subjects = "(?:" + "|".join(SUBJECTS[:3]) + ")"
    if own_line:  # a heading alone on its line, without a colon: "Sont présents", then names
        return re.compile(rf"^[\ +*\-•·>|]*(?:{body})[\ .]*$", re.VERBOSE | re.MULTILINE)
    return re.compile(
        rf"""
        (?:(?<=\ )(?P<agenda_inline>ordre\ +du\ +jour)      # the agenda may follow a name
        |
        (?:^(?P<bol>)[ +*\-•·>|]*|(?<=[.,;]\ )|(?<=\d\ )(?={subjects}\ ))  # line start, ". "
        (?:{body}))
        (?:\ *\(\d{{1,4}}\))?   # a count: "Présents (12) :"
        [\ .]*(?(bol)[:;]|:)   # at a line start, ";" for ":" ("Personne ayant donné pouvoir ; X")
        """,
        re.VERBOSE | re.MULTILINE,
    )


SECTION = _compile()
"""Every attendance heading; the name of the group that matched is the section's kind."""
SECTION_LINE = _compile(own_line=True)
"""The same headings alone on their line with no colon ("Assistent sans voix délibératives")."""
ROLES = re.compile(
    r"(?:les\ +)?(?:vices?[\ -]+presidente?s?|presidente?s?(?:\ +de\ +(?:la\ +)?commission)?"
    r"|membres?\ +de\ +la\ +commission(?:\ +permanente)?"
    r"|(?:\d{1,2}\ ?(?:er|ere|e|eme)\ +|(?:premier|premiere|deuxieme|troisieme)\ +)?"
    r"adjointe?s?(?:\ +au\ +maire)?"
    r"|conseill(?:er|ere)s?(?:\ +(?:municipa(?:l|le|ux|les)|regiona(?:l|le|ux|les)"
    r"|departementa(?:l|le|ux|les)|communautaires?|delegue(?:e|s|es)?))*|maire|secretaire"
    r"|delegue(?:e|s|es)?(?:\ +(?:titulaires?|suppleante?s?))?"
    r"|membres?\ +(?:elue?s?|nommee?s?|de\ +droit))\W*"
)
"""A role written after names in a list ("…, Vices présidents"): a label, not a person."""
