"""One phrasing per case, each in a tiny set of minutes (a table, as in dateutil's tests)."""

from __future__ import annotations

import pytest

from quorum.model import Role
from quorum.parse import parse_minutes

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1, 2, 3, 4, 5\n\n"


def _parse(body: str):  # type: ignore[no-untyped-def]
    return parse_minutes(HEAD + body + "\n")


PROXIES = [
    ("Pouvoirs : M. Paul DURAND à M. Jean DUPONT", "where: a list of 'X à Y'"),
    ("Procurations : M. Paul DURAND donne pouvoir à M. Jean DUPONT", "donne pouvoir à"),
    ("Procurations : M. Paul DURAND a donné pouvoir à M. Jean DUPONT", "a donné pouvoir à"),
    ("Procurations : M. Paul DURAND donne procuration à M. Jean DUPONT", "donne procuration"),
    ("Représentés : M. Paul DURAND par M. Jean DUPONT", "Représentés : X par Y"),
    ("Procurations : M. Paul DURAND représenté par M. Jean DUPONT", "représenté par"),
    ("Procurations : M. Paul DURAND (procuration à M. Jean DUPONT)", "(procuration à Y)"),
    ("Procurations : M. Paul DURAND (pouvoir donné à M. Jean DUPONT)", "(pouvoir donné à Y)"),
    ("Procurations : M. Paul DURAND & M. Jean DUPONT", "OCR '&' for 'à'"),
]


@pytest.mark.parametrize(("line", "why"), PROXIES)
def test_proxy_phrasings(line: str, why: str) -> None:
    s = _parse("Présents : M. Jean DUPONT, Mme Anne MARTIN\nAbsents : M. Paul DURAND\n\n" + line)
    assert [(p.giver, p.holder) for p in s.proxies] == [("paul-durand", "jean-dupont")], why


def test_absent_with_proxy_in_parentheses() -> None:
    s = _parse(
        "Présents : M. Jean DUPONT\nAbsents excusés : M. Paul DURAND (pouvoir à "
        "M. Jean DUPONT), Mme Rose PETIT (pas de pouvoir donné)"
    )
    assert [(p.giver, p.holder) for p in s.proxies] == [("paul-durand", "jean-dupont")]


RANGES = [
    ("(à compter de la question n°3)", "3", None),
    ("(a compter de la question n°3)", "3", None),
    ("(à partir de la délibération n°3)", "3", None),
    ("(arrivée à la question 3)", "3", None),
    ("(jusqu'à la question n°3 incluse)", None, "3"),
    ("(quitte la séance après la question 3)", None, "3"),
    ("(avant le vote de la question 3)", None, "2"),
]


@pytest.mark.parametrize(("note", "first", "last"), RANGES)
def test_ranges_on_the_present_list(note: str, first: str | None, last: str | None) -> None:
    s = _parse(f"Présents : M. Jean DUPONT {note}, Mme Anne MARTIN")
    st = next(x for x in s.attendance if x.member == "jean-dupont")
    assert (st.from_item, st.until_item) == (first, last)


def test_clock_time_is_kept_with_a_warning() -> None:
    s = _parse("Présents : M. Jean DUPONT (arrivé à 19 h 49), Mme Anne MARTIN")
    assert any(f.code == "CLOCK_TIME_NOT_PLACED" for f in s.notes)
    assert any(x.member == "jean-dupont" for x in s.attendance)


def test_substitutes() -> None:
    s = _parse(
        "Présents : Mme Rose PETIT (suppléante), M. Luc ROUX (remplace M. Paul DURAND),"
        " Mme Anne MARTIN (suppléante de M. Marc BLANC)\nAbsents : M. Paul DURAND, "
        "M. Marc BLANC"
    )
    by_id = {m.id: m for m in s.members}
    assert by_id["rose-petit"].role is Role.SUBSTITUTE
    assert by_id["luc-roux"].substitute_for == "paul-durand"
    assert by_id["anne-martin"].substitute_for == "marc-blanc"


def test_arrival_and_departure_under_headings() -> None:
    text = (
        "Conseil municipal\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n"
        "Absents : M. Paul DURAND\n\n1 - Budget\nADOPTÉ à l'unanimité\n"
        "2 - Voirie\nArrivée de M. Paul DURAND\nADOPTÉ à l'unanimité\n"
        "3 - Écoles\nDépart de Mme Anne MARTIN\n11 votes pour / 1 abstention / 2 contre\n"
    )
    s = parse_minutes(text)
    assert s.agenda == ("1", "2", "3")
    spans = {x.member: (x.from_item, x.until_item) for x in s.attendance}
    assert spans["paul-durand"] == ("2", None)
    assert spans["anne-martin"] == (None, "2")
    t3 = next(t for t in s.tallies if t.item == "3")
    assert (t3.pour, t3.abstention, t3.contre) == (11, 1, 2)


def test_homonyms_are_an_error_not_a_guess() -> None:
    s = _parse(
        "Présents : M. Jean BAILLY, M. Luc BAILLY\nAbsents : M. Paul DURAND\n\n"
        "Pouvoirs : M. Paul DURAND à M. BAILLY"
    )
    assert s.proxies == ()
    amb = [f for f in s.notes if f.code == "NAME_AMBIGUOUS"]
    assert len(amb) == 1
    assert set(amb[0].members) == {"jean-bailly", "luc-bailly"}


def test_present_and_absent_is_an_error() -> None:
    s = _parse("Présents : M. Jean DUPONT, Mme Anne MARTIN\nAbsents : M. Jean DUPONT")
    assert [f.code for f in s.notes if f.code == "PRESENT_AND_ABSENT"] == ["PRESENT_AND_ABSENT"]


def test_unread_text_in_a_list_is_a_warning_with_its_line() -> None:
    s = _parse("Présents : M. Jean DUPONT, 12 rue des Lilas, Mme Anne MARTIN")
    unread = [f for f in s.notes if f.code == "UNREAD_TEXT"]
    assert len(unread) == 1
    assert unread[0].source is not None
    assert unread[0].source.line == 4


def test_in_office_variants() -> None:
    for line, n in (
        ("Conseillers en exercice : 33", 33),
        ("En exercice ----- 29", 29),
        ("Nombre de membres en exercice : 15", 15),
    ):
        s = _parse(f"{line}\nPrésents : M. Jean DUPONT")
        assert s.members_in_office == n, line


def test_session_totals_and_secret_ballot_counts() -> None:
    s = _parse(
        "Présents : M. Jean DUPONT, Mme Anne MARTIN\n\nRapport n°1 - Budget\n"
        "Votants : 2\nPour : 1 Contre : 1\n"
    )
    t = s.tallies[0]
    assert (t.voters, t.pour, t.contre) == (2, 1, 1)


def test_every_finding_code_is_documented() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent.parent
    src = "".join(p.read_text(encoding="utf-8") for p in (root / "src/quorum/parse").glob("*.py"))
    emitted = set(re.findall(r'"([A-Z][A-Z_]{5,})", (?:W|E|INFO)\b', src))
    emitted |= set(re.findall(r'code="([A-Z][A-Z_]{5,})"', src))
    documented = set(
        re.findall(
            r"^### ([A-Z_]+)", (root / "docs/parsing.md").read_text(encoding="utf-8"), re.MULTILINE
        )
    )
    assert emitted
    assert emitted <= documented
