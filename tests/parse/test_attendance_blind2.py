"""The second blind test of the attendance reader (issue 8): eleven small minutes in layouts and
phrasings the first round (tests/data/blind/) does not use, with their answers counted by hand
before the reader saw them: an EPCI of 42 with suppléants "avec voix délibérative", a comité
syndical with "Délégués titulaires / suppléants présents", a département naming members by surname
only, a CCAS with members "élus" and "nommés", two columns "Présents / Absents", "Excusés ayant
donné procuration :" with "pouvoir à" on the next line, names as "DUPONT J.", names in capitals,
a list cut by a page break, bullets, tab-separated columns. Each is either read right (present,
usable proxies and voters at every item, no error) or, for a layout the reader cannot know,
reported as not fully read, and never with an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from quorum.audit import Verdict, audit
from quorum.parse import parse_minutes

BLIND = Path(__file__).parent.parent / "data" / "blind2"

KEY: dict[str, tuple[int, list[tuple[int, int, int]]]] = {
    # name: (members in office, [(present, usable proxies, voters) per item]), by hand
    "01-cc42-titulaires-suppleants": (42, [(33, 4, 37)] * 2),
    "02-syndicat-delegues-titulaires-suppleants": (18, [(14, 1, 15)] * 2),
    "03-departement-majorite-noms-seuls": (34, [(28, 4, 32)] * 2),
    "04-ccas-elus-nommes": (17, [(14, 1, 15)] * 2),
    "05-cm15-deux-colonnes": (15, [(11, 2, 13)] * 2),
    "06-cm19-excuses-procuration-ligne-suivante": (19, [(16, 2, 18)] * 2),
    "07-cm15-initiales": (15, [(12, 1, 13)] * 2),
    "08-cm23-capitales": (23, [(18, 3, 21)] * 2),
    "09-cm27-saut-de-page": (27, [(22, 3, 25)] * 2),
    "10-cm15-puces-quorum-assistaient": (15, [(12, 1, 13), (13, 1, 14)]),
    "11-syndicat-tabulations": (10, [(7, 1, 8)] * 2),
}
"""The hand count of every document, read right or not."""

READ = {
    "01-cc42-titulaires-suppleants",
    "02-syndicat-delegues-titulaires-suppleants",
    "03-departement-majorite-noms-seuls",
    "04-ccas-elus-nommes",
    "05-cm15-deux-colonnes",
    "11-syndicat-tabulations",
    "07-cm15-initiales",
    "08-cm23-capitales",
    "09-cm27-saut-de-page",
    "06-cm19-excuses-procuration-ligne-suivante",
    "10-cm15-puces-quorum-assistaient",
}
"""Documents the reader reads right."""

NOT_READ = sorted(set(KEY) - READ)
"""Layouts read as not fully read: they must say so, and never accuse."""


def _text(name: str) -> str:
    return (BLIND / f"{name}.txt").read_text(encoding="utf-8")


def _counts(name: str) -> tuple[int, list[tuple[int, int, int]], Verdict, list[str]]:
    result = audit(parse_minutes(_text(name)))
    got = [(i.present_count, i.proxy_count, i.voters) for i in result.items]
    return result.items[0].quorum.total, got, result.verdict, [f.code for f in result.errors]


def test_every_document_has_a_key_and_a_fate() -> None:
    names = {p.stem for p in BLIND.glob("*.txt")}
    assert names == set(KEY)
    assert READ | set(NOT_READ) == names


@pytest.mark.parametrize("name", sorted(READ))
def test_read_right(name: str) -> None:
    office, got, verdict, errors = _counts(name)
    assert (office, got) == KEY[name]
    assert not errors
    assert verdict is Verdict.VALID


@pytest.mark.parametrize("name", NOT_READ)
def test_unknown_layout_says_so_and_never_accuses(name: str) -> None:
    result = audit(parse_minutes(_text(name)))
    assert not result.errors, [f.message for f in result.errors]
    got = [(i.present_count, i.proxy_count, i.voters) for i in result.items]
    if got != KEY[name][1]:
        assert result.verdict is Verdict.INCOMPLETE
        assert any(n.source is not None and n.source.text for n in result.session.notes)


def test_a_substitute_who_does_not_say_whom_he_replaces_is_not_counted() -> None:
    text = _text("02-syndicat-delegues-titulaires-suppleants")
    text = text.replace(", suppléant de M. Albert SCHMITT", "")
    result = audit(parse_minutes(text))
    assert [(i.present_count, i.voters) for i in result.items] == [(13, 14)] * 2
    assert not result.errors
    assert result.verdict is Verdict.INCOMPLETE
    assert any("ROLLAND" in (n.source.text or "") for n in result.session.notes if n.source)


def test_a_page_break_without_a_page_number_still_cuts_the_list() -> None:
    text = _text("09-cm27-saut-de-page").replace("Page 1/7\n", "")
    result = audit(parse_minutes(text))
    assert not result.errors
    assert result.verdict is Verdict.INCOMPLETE  # 10 named of 22 present: said


def test_two_columns_keep_every_line_number() -> None:
    from quorum.parse._text import uncolumn

    text = _text("05-cm15-deux-colonnes")
    flat = uncolumn(text)
    assert flat.count("\n") == text.count("\n")
    assert "Absents : Mme Claire DUVAL (pouvoir à M. Jean MARTIN), M. Luc FERRY" in flat
    # a layout with one heading only is left as it is
    one = "Présents\nM. Jean MARTIN       Mme Claire DUVAL\n"
    assert uncolumn(one) == one


def test_tab_columns_nom_prenom_commune() -> None:
    from quorum.parse._text import clean

    assert clean("NOM\tPrénom\tCommune\nBARRAULT\tAlain\tArdon\n").split("\n") == [
        " " * len("NOM\tPrénom\tCommune"),
        "BARRAULT Alain (Ardon)",
        "",
    ]
    # any other row of three cells keeps its words: a vote table, a first name in capitals
    assert clean("Pour\t12\tvoix") == "Pour 12 voix"
    assert clean("BARRAULT\tALAIN\tArdon") == "BARRAULT ALAIN Ardon"


def test_a_substitute_present_beside_his_titular_is_no_error() -> None:
    """Suppléants often attend beside their titular, without a vote: listed under "Délégués
    suppléants présents", that is right minutes, never a SUBSTITUTE_WITH_TITULAR error."""
    text = _text("02-syndicat-delegues-titulaires-suppleants")
    text = text.replace(
        "- Mme Rose PICARD (Faimbe)\n", "- Mme Rose PICARD (Faimbe)\n- M. Albert SCHMITT (Geney)\n"
    ).replace(
        "Le quorum étant atteint (14 délégués présents sur 18)", "Présents : 14 - Votants : 15"
    )
    result = audit(parse_minutes(text))
    assert [(i.present_count, i.voters) for i in result.items] == [(14, 15)] * 2
    assert not result.errors, [f.message for f in result.errors]
    assert any("ROLLAND" in (n.source.text or "") for n in result.session.notes if n.source)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        # the counts glued to the last name of the list by a PDF's text layer
        ("07-cm15-initiales", "FAURE A.\n", "FAURE A. Nombre de conseillers en exercice : 15\n"),
        ("09-cm27-saut-de-page", "YUNG\n", "YUNG Nombre de conseillers présents : 22\n"),
        # other page furniture
        ("09-cm27-saut-de-page", "Page 1/7", "- 1 -"),
        ("09-cm27-saut-de-page", "Page 1/7\n\n", "Page 2\n"),
        (
            "09-cm27-saut-de-page",
            "à M. Bruno ANDRE\n",
            "à M. Bruno ANDRE\n\n- 2 -\n\n",
        ),
        # an empty list in capitals
        (
            "08-cm23-capitales",
            "ABSENTS : MADAME",
            "ABSENTS EXCUSES : NEANT\n\nABSENTS NON EXCUSES : MADAME",
        ),
        ("07-cm15-initiales", "Absent : M. BOYER T.", "Absent : M. BOYER T.\nSecrétaire : X"),
    ],
)
def test_variants_read_the_same(name: str, old: str, new: str) -> None:
    text = _text(name)
    assert old in text
    result = audit(parse_minutes(text.replace(old, new, 1)))
    got = [(i.present_count, i.proxy_count, i.voters) for i in result.items]
    assert (result.items[0].quorum.total, got) == KEY[name]
    assert not result.errors, [f.message for f in result.errors]
