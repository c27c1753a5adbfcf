"""Session totals printed before the items, and page furniture inside attendance sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from quorum.model import Session
from quorum.parse import parse_minutes

DATA = Path(__file__).parent.parent / "data"
TOP = "Conseil municipal\nOrdre de passage des rapports : 1, 2, 3\n\n"
ITEMS = (
    "Rapport n°1 - Budget\nADOPTÉ\n"
    "Rapport n°2 - Voirie\nPour : 1, Contre : 1\n"
    "Rapport n°3 - Écoles\nVotants : 3\nPour : 3\n"
)
PEOPLE = "Présents : M. Jean DUPONT, Mme Anne MARTIN\nAbsents : M. Paul DURAND\n\n"


def _parse(text: str) -> Session:
    return parse_minutes(text)


def _codes(s: Session, code: str) -> list[str]:
    return [f.code for f in s.notes if f.code == code]


# --- 3. session totals ---------------------------------------------------------------------------

TOTALS = [
    "Conseillers en exercice : 33 - Présents : 29 - Votants : 33\n\n",
    "Conseillers en exercice : 33\nPrésents : 29\nVotants : 33\n\n",
    "Nombre de conseillers en exercice : 33\nNombre de présents : 29\nNombre de votants : 33\n\n",
    "En exercice : 33, présents : 29, votants : 33\n\n",
]


@pytest.mark.parametrize("totals", TOTALS)
def test_session_totals_go_to_every_item_without_its_own(totals: str) -> None:
    s = _parse(TOP + totals + PEOPLE + ITEMS)
    assert 33 == s.members_in_office
    got = {t.item: (t.present, t.voters) for t in s.tallies}
    # item 3 prints its own voters; it still takes the session's present count
    assert {"1": (29, 33), "2": (29, 33), "3": (29, 3)} == got
    t1 = next(t for t in s.tallies if t.item == "1")
    assert "adopted" == t1.outcome
    assert not _codes(s, "UNREAD_TEXT")
    assert not _codes(s, "SESSION_TOTALS_NOT_APPLIED")


def test_session_totals_make_a_tally_for_an_item_without_one() -> None:
    s = _parse(
        TOP + TOTALS[0] + PEOPLE + "Rapport n°1 - Budget\nRapport n°2 - X\nRapport n°3 - Y\n"
    )
    assert [("1", 29, 33), ("2", 29, 33), ("3", 29, 33)] == [
        (t.item, t.present, t.voters) for t in s.tallies
    ]
    assert all(t.source is not None and 4 == t.source.line for t in s.tallies)


@pytest.mark.parametrize(
    "people",
    [
        "Présents : M. Jean DUPONT, Mme Anne MARTIN (à compter de la question n°2)\n\n",
        "Présents : M. Jean DUPONT, Mme Anne MARTIN (arrivée à 19 h 40)\n\n",
        "Présents : M. Jean DUPONT, Mme Anne MARTIN\n"
        "Pouvoirs : M. Paul DURAND à M. Jean DUPONT (jusqu'à la question n°2 incluse)\n\n",
    ],
)
def test_session_totals_with_arrivals_are_not_applied(people: str) -> None:
    s = _parse(TOP + TOTALS[0] + "Absents : M. Paul DURAND\n" + people + ITEMS)
    assert 33 == s.members_in_office
    assert {None} == {t.present for t in s.tallies}
    warn = [f for f in s.notes if f.code == "SESSION_TOTALS_NOT_APPLIED"]
    assert 1 == len(warn)
    assert warn[0].source is not None
    assert 4 == warn[0].source.line
    assert "Présents : 29" in (warn[0].source.text or "")


def test_session_totals_skip_an_item_with_a_withdrawal() -> None:
    items = ITEMS.replace(
        "Pour : 1, Contre : 1", "M. Jean DUPONT, intéressé, ne prend pas part au vote.\nPour : 1"
    )
    s = _parse(TOP + TOTALS[0] + PEOPLE + items)
    got = {t.item: (t.present, t.voters) for t in s.tallies}
    assert (None, None) == got["2"]
    assert (29, 33) == got["1"]


def test_per_range_block_totals_are_not_session_totals() -> None:
    """Lannion prints totals per range of items ("Questions 1 et 2 : 29 présents …")."""
    s = parse_minutes((DATA / "lannion-cm-2021-07-05.txt").read_text(encoding="utf-8"))
    assert {"1": (29, 32), "3": (30, 33)} == {
        t.item: (t.present, t.voters) for t in s.tallies if t.item in ("1", "3")
    }
    assert not _codes(s, "SESSION_TOTALS_NOT_APPLIED")


# --- 6. page furniture ---------------------------------------------------------------------------


def test_lannion_page_furniture_is_skipped_silently() -> None:
    s = parse_minutes((DATA / "lannion-cm-2021-07-05.txt").read_text(encoding="utf-8"))
    assert [] == _codes(s, "UNREAD_TEXT")
    t1 = next(t for t in s.tallies if t.item == "1")
    assert (29, 32) == (t1.present, t1.voters)


BREAK = "Présents : M. Jean DUPONT, Mme Anne MARTIN,\n{x}\nM. Luc ROUX\n\n"


@pytest.mark.parametrize(
    "furniture", ["Ville de Testville", "Conseil municipal du 5 juillet 2021", "2", "14"]
)
def test_repeated_header_or_page_number_inside_a_list(furniture: str) -> None:
    text = TOP + BREAK.format(x=furniture) + "Rapport n°1\nADOPTÉ\n\n" + furniture + "\n"
    s = _parse(text)
    assert [] == _codes(s, "UNREAD_TEXT")
    assert {"jean-dupont", "anne-martin", "luc-roux"} == {m.id for m in s.members}


def test_a_line_said_once_is_still_unread() -> None:
    s = _parse(TOP + BREAK.format(x="12 rue des Lilas") + "Rapport n°1\nADOPTÉ\n")
    assert ["UNREAD_TEXT"] == _codes(s, "UNREAD_TEXT")


def test_a_repeated_name_is_not_page_furniture() -> None:
    """A member on a line of his own, named again in the signatures, stays a member."""
    text = TOP + BREAK.format(x="Rose PETIT,") + "Rapport n°1\nADOPTÉ\n\nRose PETIT,\n"
    s = _parse(text)
    assert "rose-petit" in {m.id for m in s.members}
    text = TOP + BREAK.format(x="Rose PETIT") + "Rapport n°1\nADOPTÉ\n\nRose PETIT\n"
    assert "rose-petit" in {m.id for m in _parse(text).members}


def _surname(i: int) -> str:
    return "NOM" + "".join(chr(65 + int(d)) for d in str(i))


def test_new_phrasings_stay_linear() -> None:
    """Page numbers, repeated headers, totals and non-voters at scale: no quadratic pass."""
    people = "Présents : " + "".join(
        f"M. Jean {_surname(i)},\n7\nVille de X\n" for i in range(3000)
    )
    items = "".join(
        f"Rapport n°{i}\nM. Jean {_surname(i)}, intéressé, ne prend pas part au vote.\nPour : 2\n"
        for i in range(1, 3000)
    )
    text = TOP + "Présents : 29 - Votants : 33\n\n" + people + "\n\n" + items + "Ville de X\n"
    s = _parse(text * 3)  # its speed: benchmarks/parse_bench.py
    assert not _codes(s, "UNREAD_TEXT")
    assert 3000 == len(s.members)
