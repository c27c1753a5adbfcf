"""A chair's title ("Monsieur le Maire", "le Président") stands for the session's chair when the
minutes name him ("sous la présidence de M. X"): for his arrivals and departures inside the items
and for his withdrawal from a vote. Unknown chair, a deputy chairing, or a session electing its
mayor: the title stands for no one and the warning stays."""

from __future__ import annotations

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes

LIST = (
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)
CHAIRED = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Le conseil s'est réuni sous la\nprésidence de Monsieur Jean DUPONT, Maire.\n" + LIST
)
UNCHAIRED = "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n" + LIST
DEPUTY = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Sous la présidence de M. Luc ROUX, premier adjoint, représentant le Maire.\n" + LIST
)
NO_CIVILITY = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Sous la présidence de Jean DUPONT, Maire.\n" + LIST
)


def _spans(s: Session, member: str) -> list[tuple[str | None, str | None]]:
    return [(x.from_item, x.until_item) for x in s.attendance if x.member == member]


def _unknown(s: Session) -> list[str]:
    return [str(dict(f.params)["who"]) for f in s.notes if f.code == "EVENT_WHO_UNKNOWN"]


@pytest.mark.parametrize(
    ("leave", "back"),
    [
        ("Monsieur le Maire quitte la séance.", "Monsieur le Maire rejoint la séance."),
        ("Le Maire se retire.", "Le Maire reprend sa place."),
        ("Monsieur le Maire quitte la salle.", "Retour de Monsieur le Maire."),
    ],
)
@pytest.mark.parametrize("head", [CHAIRED, NO_CIVILITY])
def test_the_mayor_leaving_and_coming_back_is_the_chair(leave: str, back: str, head: str) -> None:
    s = parse_minutes(
        head + "1 - Budget\nAdopté à l'unanimité.\n"
        f"2 - Subvention\n{leave}\nAdopté à l'unanimité.\n{back}\n"
        "3 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [] == _unknown(s)
    assert [(None, "1"), ("3", None)] == _spans(s, "jean-dupont")
    assert [4, 3, 4] == [i.present_count for i in audit(s).items]
    assert [m.id for m in s.members].count("jean-dupont") == 1


@pytest.mark.parametrize("head", [UNCHAIRED, DEPUTY])
def test_the_title_of_an_unknown_chair_stands_for_no_one(head: str) -> None:
    s = parse_minutes(
        head + "1 - Budget\nAdopté à l'unanimité.\n"
        "2 - Subvention\nMonsieur le Maire quitte la séance.\nAdopté à l'unanimité.\n"
        "3 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert ["le Maire"] == _unknown(s)
    assert all(x.from_item is None and x.until_item is None for x in s.attendance)


def test_a_session_electing_its_mayor_has_no_chair_for_the_title() -> None:
    s = parse_minutes(
        CHAIRED + "1 - Election du maire\nAdopté à l'unanimité.\n"
        "2 - Subvention\nMonsieur le Maire quitte la séance.\nAdopté à l'unanimité.\n"
    )
    assert ["le Maire"] == _unknown(s)


def test_a_deputy_title_is_not_the_chair() -> None:
    s = parse_minutes(
        CHAIRED + "1 - Budget\nAdopté à l'unanimité.\n"
        "2 - Subvention\nMonsieur le premier adjoint quitte la séance.\nAdopté à l'unanimité.\n"
    )
    assert _spans(s, "jean-dupont") == [(None, None)]


def test_the_mayor_withdrawing_from_a_vote_is_the_chair() -> None:
    s = parse_minutes(
        CHAIRED + "1 - Budget\nAdopté à l'unanimité.\n"
        "2 - Indemnités\nMonsieur le Maire quitte la salle et ne prend pas part au vote.\n"
        "Pour : 3 Contre : 0\n3 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [("jean-dupont", "2", "2", "interest")] == [
        (w.member, w.from_item, w.until_item, w.reason) for w in s.withdrawals
    ]
    checked = audit(s)
    assert [4, 3, 4] == [i.present_count for i in checked.items]
    assert checked.items[1].tally is not None
    assert checked.items[1].tally.consistent
    assert not [f for f in s.notes if f.code == "NAME_UNRESOLVED"]


def test_the_mayor_withdrawing_with_no_chair_known_is_a_warning() -> None:
    s = parse_minutes(
        UNCHAIRED + "1 - Indemnités\nLe Maire se retire et ne prend pas part au vote.\n"
        "Pour : 3 Contre : 0\n"
    )
    assert () == s.withdrawals
    assert ["NAME_UNRESOLVED"] == [f.code for f in s.notes if f.code == "NAME_UNRESOLVED"]
