"""Counts-only minutes are audited on their counts, never refused, and no member is invented."""

from __future__ import annotations

import json

import pytest

from quorum.audit import audit
from quorum.exceptions import InvalidSessionError
from quorum.findings import Verdict
from quorum.model import Headcount, Session, Tally
from quorum.parse import parse_minutes
from quorum.sessionfile import session_from_dict, session_to_dict

BODY = (
    "\n\nRapport n°1 : Budget\nLe Conseil, à l'unanimité, adopte.\n"
    "\nRapport n°2 : Tarifs\nAdopté par 27 voix pour.\n"
)

PHRASINGS = [
    (
        "27 Conseillers étaient Présents ou Représentés (07 Procurations : M.L. CASTELLI, "
        "F. DEMUYNCK) et 02 conseillers étaient Absents : J.T. ALBERTINI, E. BAGHIONI.",
        (20, 7, 2),
        None,
    ),
    ("Conseillers en exercice 29, présents 20, votants 27", (20, 7, 2), 29),
    (
        "22 Conseillers étaient Présents et Représentés : (03 Procurations : A, B, C)",
        (19, 3, 0),
        None,
    ),
    ("20 présents, 7 représentés", (20, 7, 0), None),
    (  # a PDF's lines and blank lines inside the sentence: "étaient Absents :" is no heading
        "23 Conseillers étaient Présents et Représentés: (05 Procurations: M.L. CASTELLI,\n\n"
        "F. LUCIANI, A.J. NICOLINI, B.F. RUGGERI et M.C. RUIZ) et 06\nConseillers\n\n"
        "étaient Absents : J.T. ALBERTINI, E. BAGHIONI, M. BARRIELE, V. BORROMEÏ, N.\n\n"
        "PULICANI et M. SIMEONI.",
        (18, 5, 6),
        None,
    ),
    (  # every member present but those named, with the members in office printed
        "Conseillers en exercice : 15\nÉtaient présents : tous les conseillers en exercice sauf"
        " Paul PITEL (pouvoir à Jean DUPONT, adjoint), Anne MARTIN.",
        (13, 1, 1),
        15,
    ),
    (
        "Membres en exercice : 11\nTous les conseillers municipaux étaient présents.",
        (11, 0, 0),
        11,
    ),
    ("Présents : 12 - Absents : 3 - Pouvoirs : 2 - Votants : 14", (12, 2, 3), None),
]


@pytest.mark.parametrize(("line", "counts", "office"), PHRASINGS)
def test_counts_only_phrasings(
    line: str, counts: tuple[int, int, int], office: int | None
) -> None:
    s = parse_minutes("Conseil municipal de la ville\n\n" + line + BODY)
    assert s.members == ()
    assert [(h.present, h.represented, h.absent) for h in s.headcounts] == [counts]
    assert s.members_in_office == office
    assert "COUNTS_ONLY" in [n.code for n in s.notes]
    result = audit(s)
    assert (result.items[0].present_count, result.items[0].proxy_count) == counts[:2]
    assert result.session.in_office == sum(counts) if office is None else office


def test_counts_only_minutes_are_audited_and_the_tally_checked() -> None:
    s = parse_minutes(
        "Conseil municipal\n\n27 Conseillers étaient Présents ou Représentés "
        "(07 Procurations : A, B) et 02 conseillers étaient Absents.\n"
        "\nRapport n°1 : Budget\nAdopté par 28 voix pour.\n"
    )
    result = audit(s)
    assert result.items[0].voters == 27
    assert result.items[0].quorum.reached
    assert [f.code for f in result.errors] == ["TALLY_MISMATCH"]
    assert result.verdict is Verdict.ERRORS


def test_all_present_inside_a_vote_sentence_is_no_attendance() -> None:
    from quorum.exceptions import SessionFileError

    with pytest.raises(SessionFileError, match="no member list found"):
        parse_minutes(
            "Conseil municipal\nMembres en exercice : 11\n\nRapport n°1 : Budget\n"
            "Adopté à l'unanimité de tous les membres présents.\n"
        )


def test_all_present_without_the_members_in_office_is_refused_clearly() -> None:
    from quorum.exceptions import SessionFileError

    with pytest.raises(SessionFileError, match="no member list found"):
        parse_minutes("Conseil municipal\n\nTous les conseillers étaient présents.\n" + BODY)


def test_no_names_and_no_counts_is_still_refused_clearly() -> None:
    from quorum.exceptions import SessionFileError

    with pytest.raises(SessionFileError, match="no member list found"):
        parse_minutes("Conseil municipal\n\nLe maire ouvre la séance.\n" + BODY)


def test_headcounts_add_to_named_members_and_round_trip() -> None:
    s = Session(
        agenda=("1", "2"),
        members=(),
        headcounts=(Headcount(present=5, represented=2, absent=1, from_item="2"),),
        tallies=(Tally(item="2", pour=7),),
    )
    assert s.in_office == 8
    result = audit(s)
    assert [(i.present_count, i.proxy_count) for i in result.items] == [(0, 0), (5, 2)]
    assert not [f for f in result.errors if f.code == "TALLY_MISMATCH"]
    back = session_from_dict(json.loads(json.dumps(session_to_dict(s))))
    assert back.headcounts[0].present == 5
    assert back.headcounts[0].from_item == "2"
    assert [(i.present_count, i.proxy_count) for i in audit(back).items] == [(0, 0), (5, 2)]


def test_bad_headcounts_are_problems_with_their_path() -> None:
    doc = {
        "format": "quorum-session/1",
        "agenda": ["1"],
        "members": [],
        "headcounts": [{"present": -1, "represented": "x", "until": "9"}],
    }
    with pytest.raises(InvalidSessionError) as err:
        session_from_dict(doc)
    paths = sorted(p.path for p in err.value.problems)
    assert paths == [
        "$.headcounts[0].present",
        "$.headcounts[0].represented",
        "$.headcounts[0].until",
    ]


# --- a member the items name in counts-only minutes ----------------------------------------------

COUNTS = (
    "Conseil municipal\n\n27 Conseillers étaient Présents ou Représentés "
    "(07 Procurations : M.L. CASTELLI, F. DEMUYNCK) et 02 conseillers étaient Absents : "
    "J.T. ALBERTINI, E. BAGHIONI.\n"
)


def _counts(s: Session) -> list[tuple[int, int, int]]:
    return [(i.present_count, i.proxy_count, i.voters) for i in audit(s).items]


@pytest.mark.parametrize(
    "line",
    [
        "Le Conseil, Monsieur Philippe GHIONGA se retirant et ne prenant pas part au vote, à "
        "l'unanimité des membres présents et représentés, adopte.",
        "M. Philippe GHIONGA, intéressé, quitte la salle et ne prend pas part au vote.\n"
        "Adopté par 26 voix pour.",
        "Monsieur Philippe GHIONGA se retire et ne prend pas part au vote.\nAdopté à l'unanimité.",
    ],
)
def test_a_member_withdrawing_is_one_of_the_present_counted(line: str) -> None:
    s = parse_minutes(
        COUNTS + "\nRapport n°1 : Budget\nAdopté par 27 voix pour.\n"
        f"\nRapport n°2 : Mutuelle\n{line}\n"
        "\nRapport n°3 : Tarifs\nAdopté par 27 voix pour.\n"
    )
    # the member is named, not invented: one of the 20 present, the unnamed count drops by one
    assert ["philippe-ghionga"] == [m.id for m in s.members]
    assert [(19, 7, 2)] == [(h.present, h.represented, h.absent) for h in s.headcounts]
    assert [("philippe-ghionga", "2", "2")] == [
        (w.member, w.from_item, w.until_item) for w in s.withdrawals
    ]
    assert [(20, 7, 27), (19, 7, 26), (20, 7, 27)] == _counts(s)
    assert ["MEMBER_NAMED_IN_COUNT"] == [
        n.code for n in s.notes if n.code in ("MEMBER_NAMED_IN_COUNT", "NAME_UNRESOLVED")
    ]
    result = audit(s)
    assert result.session.in_office == 29
    assert result.verdict is Verdict.VALID


def test_a_member_leaving_is_one_of_the_present_counted() -> None:
    s = parse_minutes(
        COUNTS + "\nRapport n°1 : Budget\nAdopté par 27 voix pour.\n"
        "\nRapport n°2 : Mutuelle\nMadame Christiane FRANCESCHINI quitte la salle.\n"
        "Adopté par 26 voix pour.\n"
        "\nRapport n°3 : Tarifs\nAdopté par 26 voix pour.\n"
    )
    assert ["christiane-franceschini"] == [m.id for m in s.members]
    assert [(20, 7, 27), (19, 7, 26), (19, 7, 26)] == _counts(s)
    assert audit(s).verdict is Verdict.VALID


@pytest.mark.parametrize(
    "line",
    [
        # an absent member the counts sentence names: not one of the present
        "Monsieur Jean ALBERTINI se retirant et ne prenant pas part au vote, adopte.",
        # a surname alone is no full name
        "Monsieur GHIONGA se retirant et ne prenant pas part au vote, adopte.",
    ],
)
def test_a_name_that_cannot_be_of_the_present_counted_adds_no_member(line: str) -> None:
    s = parse_minutes(COUNTS + f"\nRapport n°1 : Budget\n{line}\n")
    assert s.members == ()
    assert [(20, 7, 2)] == [(h.present, h.represented, h.absent) for h in s.headcounts]
    assert "NAME_UNRESOLVED" in [n.code for n in s.notes]


def test_an_arrival_in_counts_only_minutes_adds_no_member() -> None:
    """The counts were taken at the start: one arriving later may or may not be in them."""
    s = parse_minutes(
        COUNTS + "\nRapport n°1 : Budget\nMonsieur Paul NOUVEAU rejoint la séance.\n"
        "Adopté par 27 voix pour.\n"
    )
    assert s.members == ()
    assert "EVENT_WHO_UNKNOWN" in [n.code for n in s.notes]
