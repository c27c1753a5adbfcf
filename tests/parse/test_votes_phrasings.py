"""Tallies and events as phrased in real minutes: a table of vote statements with what they
report, events inside items placed by their vote, and the rule set chosen from body and date."""

from __future__ import annotations

import datetime

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes
from quorum.rulesets import rules_for

HEAD = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)


def _parse(body: str, head: str = HEAD) -> Session:
    return parse_minutes(head + body + "\n")


# statement -> (pour, contre, abstention, unanimous, outcome); None where nothing is reported
PHRASINGS = [
    ("DEUX voix POUR - ONZE voix CONTRE", (2, 11, None, False, None)),
    ("Adopté par trois voix pour et une abstention", (3, None, 1, False, "adopted")),
    ("Pour 3, Contre 0, Abstention 1", (3, 0, 1, False, None)),
    ("0 contre, 0 abstention, 4 pour", (4, 0, 0, False, None)),
    ("Adoption à 0 Contre, 0 abstention, 4 voix pour", (4, 0, 0, False, "adopted")),
    ("2 votes contre 1 abstention 1 votes pour", (1, 2, 1, False, None)),
    ("4 votes pour", (4, None, None, False, None)),
    (
        "Après en avoir délibéré, le Conseil municipal, à l'unanimité des membres présents et "
        "représentés :",
        (None, None, None, True, "adopted"),
    ),
    ("Le Conseil municipal, ainsi informé, à l'unanimité ;", (None, None, None, True, "adopted")),
    (
        "Le conseil municipal décide à l'unanimité de retenir l'offre",
        (None, None, None, True, "adopted"),
    ),
    (
        "Après en avoir délibéré, le Conseil municipal, à l'unanimité et une abstention :",
        (None, None, None, False, "adopted"),  # how many pour is not written: not compared
    ),
    (
        "Après en avoir délibéré, le conseil municipal, à la majorité :",
        (None, None, None, False, None),
    ),
    (
        "à la majorité (1 voix contre, 1 abstention et 2 pour) des membres présents",
        (2, 1, 1, False, None),
    ),
    (
        "N'adopte pas la proposition d'organiser une consultation",
        (None, None, None, False, "rejected"),
    ),
    ("Après en avoir délibéré, le Conseil municipal :", (None, None, None, False, None)),
    (
        "Après en délibéré, le conseil municipal décide, à l'unaminté :",
        (None, None, None, True, "adopted"),
    ),
    ("Vote : 4 pour / 0 contre / 0 abstention  adopté", (4, 0, 0, False, "adopted")),
    ("Pour le changement de prestataire : 4 votes", (4, None, None, False, None)),
    # each number after its label, no colon: "17 Contre" is not 17 contre
    ("VOTE : Pour 17 Contre 1 Abstention 0", (17, 1, 0, False, None)),
    ("Pour 12 Contre 2 Abstentions 1 - adopté", (12, 2, 1, False, "adopted")),
    ("Vote : 17 pour 1 contre 0 abstention", (17, 1, 0, False, None)),
]


@pytest.mark.parametrize(("statement", "want"), PHRASINGS)
def test_vote_phrasing(statement: str, want: tuple[object, ...]) -> None:
    s = _parse(f"1 - Budget\nLe maire présente le budget.\n{statement}\n")
    assert ("1",) == s.agenda
    assert 1 == len(s.tallies)
    t = s.tallies[0]
    assert want == (t.pour, t.contre, t.abstention, t.unanimous, t.outcome)


NOT_VOTES = [
    "Monsieur Mallard précise qu'il faut ouvrir des crédits à l'article 2031 pour pouvoir payer.",
    "Le sens du vote des élus ne prenant pas part au vote est considéré comme une abstention.",
    "Pour mémoire, le projet a déjà recueilli votre approbation à l'unanimité.",
    "Vu la délibération adoptée le 12 mars 2020,",
    "Les communes voisines ont délibéré en faveur de cette fusion.",
    "Concession 50 ans : 130 € pour 2 places",
    "Les communes souhaitent déposer une motion contre ce projet déjà voté à l'unanimité.",
    "« Dans le cas où le budget n'a pas été adopté avant le 1er janvier de l'exercice,",
]


@pytest.mark.parametrize("statement", NOT_VOTES)
def test_not_a_vote(statement: str) -> None:
    s = _parse(f"1 - Budget\n{statement}\nAdopté à l'unanimité.\n")
    assert [(None, None, None, True)] == [
        (t.pour, t.contre, t.abstention, t.unanimous) for t in s.tallies
    ]


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        # a majority with only the abstentions printed: the pour is the rest (an info)
        (
            "Après en avoir délibéré, à la majorité des voix et une abstention le Conseil ;",
            "MAJORITY_LESS",
        ),
        # the pour count on a line that is no vote
        ("pour, 1 contre et 3 abstentions :", "VOTE_COUNTS_UNREAD"),
    ],
)
def test_counts_without_pour_are_not_compared(statement: str, code: str) -> None:
    """Comparing "1 abstention" with the voters would accuse right minutes."""
    s = _parse(f"1 - Budget\n{statement}\n")
    said = [f.code for f in s.notes if f.code in ("VOTE_COUNTS_UNREAD", "MAJORITY_LESS")]
    assert said == [code]
    assert not audit(s).errors


@pytest.mark.parametrize(
    ("statement", "counts"),
    [
        ("Après en avoir délibéré, le conseil municipal, à l'unanimité et une abstention :",
         "abstention 1"),
        ("Adopté à l'unanimité moins une voix.", "contre ou abstention 1"),
        ("Adopté à l'unanimité moins deux abstentions.", "abstention 2"),
        ("Adopté à l'unanimité sauf 1 voix contre.", "contre 1"),
        ("Adopté à l'unanimité des suffrages exprimés (3 abstentions).", "abstention 3"),
    ],
)  # fmt: skip
def test_unanimity_less_some_votes_is_understood_and_not_compared(
    statement: str, counts: str
) -> None:
    """The pour count is the rest of the voters: nothing to compare, and never "unanimous"."""
    s = _parse(f"1 - Budget\n{statement}\n")
    notes = [
        (f.code, dict(f.params)["counts"]) for f in s.notes if f.code.startswith(("VOTE", "UNAN"))
    ]
    assert notes == [("UNANIMITY_LESS", counts)]
    assert [(t.unanimous, t.outcome, t.pour, t.contre) for t in s.tallies] == [
        (False, "adopted", None, None)
    ]
    assert not audit(s).errors


def test_a_count_at_the_end_of_the_line_above() -> None:
    s = _parse(
        "1 - Budget\nAprès en avoir délibéré, le Conseil municipal, à la majorité des présents "
        "et représentés, soit 2\npour, 1 contre et 1 abstention :\nApprouve le budget.\n"
    )
    assert [(2, 1, 1)] == [(t.pour, t.contre, t.abstention) for t in s.tallies]
    assert not audit(s).errors


def test_two_tallies_in_a_row_are_two_votes() -> None:
    s = _parse(
        "1 - Budget\nDM1 budget communal : Vote : 4 pour / 0 contre / 0 abstention adopté\n"
        "DM1 budget assainissement : Vote : 4 pour / 0 contre / 0 abstention adopté\n"
    )
    assert ("1", "1 (2)") == s.agenda


def test_secret_ballot_lines_are_one_vote() -> None:
    s = _parse(
        "1 - Élection du maire\nVotants : 4\nBulletins blancs ou nuls : 1\n"
        "Suffrages exprimés : 3\nMajorité absolue : 2\nPour : 3\nContre : 0\n"
    )
    assert ("1",) == s.agenda
    assert (3, 0, 1, 4) == (
        s.tallies[0].pour,
        s.tallies[0].contre,
        s.tallies[0].blank,
        s.tallies[0].voters,
    )


def test_an_election_by_candidate_is_not_compared() -> None:
    """Only "Blanc : 1 vote" is a count the reader knows: reading it as the whole tally would
    accuse right minutes."""
    s = _parse(
        "1- Election du 3ème adjoint\nRésultat du vote :\n- Anne MARTIN : 2 votes, Elue\n"
        "- Rose PETIT : 1 vote\n- Blanc : 1 vote\n"
    )
    codes = [f.code for f in s.notes if f.code in ("VOTE_COUNTS_UNREAD", "ELECTION_BY_CANDIDATE")]
    assert codes == ["ELECTION_BY_CANDIDATE"]
    assert not audit(s).errors


def test_majority_without_figures_is_never_a_mismatch() -> None:
    result = audit(_parse("1 - Budget\nLe conseil municipal adopte le budget à la majorité.\n"))
    assert not result.errors
    assert result.items[0].tally.total is None  # nothing to compare
    assert result.items[0].tally.consistent


def test_unanimity_with_an_abstention_adds_up() -> None:
    s = _parse("1 - Budget\nAdopté à l'unanimité et une abstention, soit 3 voix pour.\n")
    assert (3, 1, False) == (s.tallies[0].pour, s.tallies[0].abstention, s.tallies[0].unanimous)
    assert not audit(s).errors


# --- events inside the items --------------------------------------------------------------------


def _spans(s: Session) -> dict[str, list[tuple[str | None, str | None]]]:
    out: dict[str, list[tuple[str | None, str | None]]] = {}
    for x in s.attendance:
        out.setdefault(x.member, []).append((x.from_item, x.until_item))
    return out


def test_leaves_the_room_for_one_item_then_sits_again() -> None:
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\n"
        "2 - Subvention au club\nMme Anne MARTIN quitte la salle.\nAdopté à l'unanimité.\n"
        "Mme Anne MARTIN siège à nouveau.\n"
        "3 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [(None, "1"), ("3", None)] == _spans(s)["anne-martin"]
    assert [4, 3, 4] == [i.present_count for i in audit(s).items]


def test_a_return_without_a_departure_read_is_not_used() -> None:
    """The departure is broken across lines and not read: the return must not make the member
    absent before it."""
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\n2 - Logement\n"
        "Monsieur le Maire présente le dossier du\nlogement et quitte la salle.\n"
        "Adopté à l'unanimité.\nM. Luc ROUX siège à nouveau.\n"
        "3 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [(None, None)] == _spans(s)["luc-roux"]
    assert ["RETURN_WITHOUT_DEPARTURE"] == [
        f.code for f in s.notes if f.code == "RETURN_WITHOUT_DEPARTURE"
    ]


def test_leaving_for_the_time_of_one_item() -> None:
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\n2 - Subvention\nMadame Anne MARTIN quitte la séance "
        "le temps de l'examen de ce rapport.\nAdopté à l'unanimité.\n3 - Voirie\nAdopté.\n"
    )
    assert [(None, "1"), ("3", None)] == _spans(s)["anne-martin"]


def test_an_event_of_someone_not_listed_adds_no_member() -> None:
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\n2 - Subvention\nMadame Annick MACE quitte la séance "
        "le temps de l'examen de ce rapport.\nAdopté à l'unanimité.\n3 - Voirie\nAdopté.\n"
    )
    assert "annick-mace" not in {m.id for m in s.members}
    assert [4, 4, 4] == [i.present_count for i in audit(s).items]


def test_a_departure_after_the_vote_applies_from_the_next_item() -> None:
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\nM. Luc ROUX quitte la séance.\n"
        "2 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [(None, "1")] == _spans(s)["luc-roux"]


@pytest.mark.parametrize(
    "phrase",
    [
        "M. Paul DURAND rejoint la séance.",
        "Arrivée de M. Paul DURAND",
        "M. Paul DURAND arrive en cours de séance.",
    ],
)
def test_an_arrival_before_the_vote(phrase: str) -> None:
    s = _parse(f"1 - Budget\nAdopté à l'unanimité.\n2 - Voirie\n{phrase}\nAdopté à l'unanimité.\n")
    assert [("2", None)] == _spans(s)["paul-durand"]


def test_after_the_vote_of_a_named_item() -> None:
    s = _parse(
        "1 - Budget\nM. Luc ROUX quitte la séance après le vote du point 2.\n"
        "Adopté à l'unanimité.\n2 - Voirie\nAdopté à l'unanimité.\n3 - Écoles\nAdopté.\n"
    )
    assert [(None, "2")] == _spans(s)["luc-roux"]


def test_an_event_naming_an_unknown_item_is_a_warning_not_a_guess() -> None:
    s = _parse(
        "1 - Budget\nM. Luc ROUX quitte la séance après le vote du point 40.\n"
        "Adopté à l'unanimité.\n2 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert [(None, None)] == _spans(s)["luc-roux"]
    assert ["EVENT_NOT_PLACED"] == [f.code for f in s.notes if f.code == "EVENT_NOT_PLACED"]


def test_not_taking_part_goes_to_the_vote_it_is_written_next_to() -> None:
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\nSubvention au club\n"
        "M. Luc ROUX, intéressé, ne prend pas part au vote.\nPour : 3, Contre : 0\n"
        "2 - Voirie\nAdopté à l'unanimité.\n"
    )
    assert ("1", "1 (2)", "2") == s.agenda  # "Subvention au club" is no heading: a second vote
    assert [("luc-roux", "1 (2)")] == [(w.member, w.from_item) for w in s.withdrawals]
    assert not audit(s).errors


# --- the rule set (issue 8 point 6) -------------------------------------------------------------


def test_the_reader_never_pins_a_rule_set() -> None:
    """A municipal council of 21 January 2022 read from text gets the health-emergency rules."""
    s = _parse(
        "1 - Budget\nAdopté à l'unanimité.\n",
        head=HEAD.replace("3 mars 2023", "21 janvier 2022"),
    )
    assert s.rules is None
    assert datetime.date(2022, 1, 21) == s.date
    assert s.body is not None
    assert s.body.startswith("Conseil municipal")
    rules, _ = rules_for(s)
    assert rules.valid_until is not None
    assert "covid" in rules.name
    assert rules.name == audit(s).rules.name


@pytest.mark.parametrize(
    ("letterhead", "family"),
    [
        ("Comité syndical du SIAEP", "fr-epci"),
        ("SIAEP de la Vallée - Réunion", "fr-epci"),
        ("Conseil communautaire", "fr-epci"),
        ("Conseil départemental du Cantal", "fr-departement"),
        ("Conseil municipal", "fr-municipal"),
    ],
)
def test_the_body_chooses_the_family(letterhead: str, family: str) -> None:
    s = _parse("1 - Budget\nAdopté à l'unanimité.\n", head=HEAD.replace(
        "Conseil municipal de Trifouilly", letterhead))  # fmt: skip
    assert s.rules is None
    assert family == rules_for(s)[0].name


@pytest.mark.parametrize(
    ("statement", "npv"),
    [
        # a title stands for a member: the chair and one councillor are two
        ("Le Maire et Madame Anne MARTIN ne prennent pas part au vote.\nPour : 2", 2),
        ("M. le Président ne prend pas part au vote.\nPour : 3", 1),
        # the participle, and the "ne" lost to OCR
        ("Madame Anne MARTIN ne prenant pas part au vote, avec 3 voix pour, adopte.", 1),
        ("Le Maire prend pas part au vote.\nPour : 3", 1),
    ],
)
def test_members_who_take_no_part_count_in_npv(statement: str, npv: int) -> None:
    """Counted in npv (one per member named, a title naming one), so the tally adds up to the
    voters: 4 present, each of these votes 4 = pour + npv (Corte's comptes administratifs)."""
    s = _parse("Point n°1 : Compte administratif\n" + statement)
    result = audit(s)

    assert npv == s.tallies[0].npv
    assert result.item(s.agenda[0]).tally.consistent


def test_a_remark_on_members_not_voting_is_about_no_one() -> None:
    """Besançon's footnote: "*Le sens du vote des élus ne prenant pas part au vote est considéré
    comme une abstention." names no one, so it adds no npv."""
    s = _parse(
        "Point n°1 : Budget\nPour : 4 Contre : 0 Abstention* : 0\n*Le sens du vote des élus ne "
        "prenant pas part au vote est considéré comme une abstention."
    )

    assert s.tallies[0].npv is None
    assert audit(s).item(s.agenda[0]).tally.consistent


def test_an_event_that_cannot_be_placed_asserts_no_error() -> None:
    """The departure names an item not on the agenda: unused, so the reading is incomplete and
    the tally of item 2 (2 voters really, 3 as read) is a warning, never an error."""
    s = _parse(
        "Point n°1 : Budget\nPour : 4\n\nM. Luc ROUX quitte la séance avant le vote du point 9."
        "\n\nPoint n°2 : Voirie\nPour : 3\n"
    )
    result = audit(s)

    assert "EVENT_NOT_PLACED" in {f.code for f in result.findings}
    assert () == result.errors
    assert "incomplete" == result.verdict.value


@pytest.mark.parametrize(
    ("sentence", "code", "complete"),
    [
        ("M. Pierre NOUVEAU quitte la séance.", "EVENT_WHO_UNKNOWN", False),
        ("De fil en aiguille est arrivée cette proposition.", "EVENT_NOT_A_PERSON", True),
    ],
)
def test_an_arrival_of_someone_not_listed(sentence: str, code: str, complete: bool) -> None:
    """A person the lists do not know makes the counts from there uncertain; prose that only
    looks like an arrival changes nothing."""
    s = _parse(f"Point n°1 : Budget\n{sentence}\nPour : 4\n")

    assert code in {n.code for n in s.notes}
    assert s.reading is not None
    assert complete == s.reading.complete
