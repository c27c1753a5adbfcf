"""Item-body phrasings, each a family: departures asked of a member or with the name on the line
above, elections by candidate, heading styles that change within a document, an adoption written
with the assembly as subject."""

from __future__ import annotations

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes

HEAD = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)


def _parse(body: str) -> Session:
    return parse_minutes(HEAD + body + "\n")


def _present(s: Session) -> list[int]:
    return [it.present_count for it in audit(s).items]


@pytest.mark.parametrize(
    "departure",
    [
        "Il est demandé à M. ROUX de quitter la salle.",
        "Monsieur le Maire demande à M. ROUX de bien vouloir quitter la salle.",
        "M. ROUX est invité à quitter la salle.",
        "M. ROUX se déporte.",
        "M. ROUX s'absente.",
        "M. ROUX sort de la séance.",
        "Monsieur Luc ROUX\nquitte la salle.",  # the name on the line above
        "M. Luc ROUX,\nse retire.",
    ],
)
def test_departures_in_an_item(departure: str) -> None:
    s = _parse(
        "1. Budget\nAdopté à l'unanimité.\n\n"
        f"2. Voirie\n{departure}\nAdopté à l'unanimité.\n\n3. Écoles\nAdopté à l'unanimité.\n"
    )
    assert _present(s) == [4, 3, 3]
    assert s.reading.complete


def test_a_departure_and_a_return_asked_after_a_clause() -> None:
    s = _parse(
        "1. Budget\nAdopté.\n\n2. Logo\nÀ l'issue de cette présentation, il est demandé à "
        "M. ROUX de quitter la salle pour l'examen de la convention.\nAdopté à l'unanimité.\n"
        "À la suite de la présente délibération, Monsieur le Maire demande à Monsieur Luc ROUX "
        "de bien vouloir rejoindre l'Assemblée.\n\n3. Écoles\nAdopté.\n"
    )
    assert _present(s) == [4, 3, 4]
    assert [n.code for n in s.notes if n.code.startswith(("RETURN", "EVENT", "NAME"))] == []


def test_a_departure_before_the_first_vote_counts_from_the_first_item() -> None:
    s = _parse(
        "1. Budget\nIl est demandé à M. ROUX de quitter la salle.\nAdopté à l'unanimité.\n\n"
        "2. Voirie\nM. ROUX regagne la salle.\nAdopté à l'unanimité.\n"
    )
    assert _present(s) == [3, 4]


def test_a_name_above_that_is_a_heading_is_no_subject() -> None:
    s = _parse("1. Budget\nAdopté à l'unanimité.\n\n2. VOIRIE\nquitte la salle.\nAdopté.\n")
    assert _present(s) == [4, 4]
    assert [n.code for n in s.notes if n.code.startswith(("NAME", "EVENT"))] == []


def test_a_withdrawal_with_se_deporter_is_a_conflict_of_interest() -> None:
    s = _parse(
        "1. Budget\nAdopté.\n\n2. Subvention\nMme PETIT se déporte et ne prend pas part au vote.\n"
        "Adopté à l'unanimité.\n\n3. Écoles\nAdopté.\n"
    )
    assert [(w.member, w.from_item, w.until_item) for w in s.withdrawals] == [
        ("rose-petit", "2", "2")
    ]


@pytest.mark.parametrize(
    "result",
    [
        "M. DUPONT : 3 voix, Mme MARTIN : 1 voix\nM. DUPONT est élu.",
        "Ont obtenu : M. Jean DUPONT : 3 voix ; Mme Anne MARTIN : 1 voix ; blancs : 0",
        "Mme MARTIN a obtenu 4 voix.\nMme MARTIN est élue au premier tour.",
        "Nombre de votants : 4\nBulletins blancs ou nuls : 1\nM. ROUX : 3 voix",
    ],
)
def test_an_election_by_candidate_is_no_pour_contre_tally(result: str) -> None:
    s = _parse(f"1. Élection du délégué\n{result}\n\n2. Voirie\nAdopté à l'unanimité.\n")
    assert s.agenda == ("1", "2")
    assert [
        n.code for n in s.notes if n.code in ("ELECTION_BY_CANDIDATE", "VOTE_COUNTS_UNREAD")
    ] == ["ELECTION_BY_CANDIDATE"]
    first = s.tallies[0]
    assert (first.item, first.pour, first.contre, first.blank) == ("1", None, None, None)
    assert not audit(s).errors


def test_prose_about_an_election_is_no_vote() -> None:
    s = _parse(
        "1. Sénatoriales\nLes sénateurs sont élus par les grands électeurs.\n"
        "Adopté à l'unanimité.\n"
    )
    assert [n.code for n in s.notes if n.code == "ELECTION_BY_CANDIDATE"] == []


def test_heading_styles_changing_within_the_document() -> None:
    s = _parse(
        "1. Budget primitif\nAdopté à l'unanimité.\n\nPoint 2 : Voirie communale\nAdopté.\n\n"
        "Point 3 : Écoles\nAdopté.\n\n4 - Divers\nAdopté à l'unanimité.\n"
    )
    assert s.agenda == ("1", "2", "3", "4")


@pytest.mark.parametrize(
    ("statement", "outcome"),
    [
        ("Le Conseil municipal, après en avoir délibéré, ADOPTE le budget.", "adopted"),
        ("Le conseil communautaire, après en avoir délibéré, approuve la convention.", "adopted"),
        ("Le Conseil municipal n'approuve pas la motion.", "rejected"),
        ("Vote : unanimité", "adopted"),
    ],
)
def test_an_adoption_without_figures(statement: str, outcome: str) -> None:
    s = _parse(f"1. Budget\n{statement}\n\n2. Voirie\nAdopté.\n")
    assert [t.outcome for t in s.tallies] == [outcome, "adopted"]


def test_result_of_the_vote_in_one_line() -> None:
    s = _parse("1. Budget\nRésultat du vote : pour 3 / contre 0 / abstention 1\n")
    assert [(t.pour, t.contre, t.abstention) for t in s.tallies] == [(3, 0, 1)]
    assert not audit(s).errors


def test_a_decided_vote_and_another_decision_further_down_are_two() -> None:
    """ "… à l'unanimité." then, lines below, "Le compte-rendu ainsi amendé est adopté": two
    decisions; "Le Conseil, à l'unanimité :" then "Approuve le projet" below: one."""
    two = _parse(
        "Le Conseil accepte l'inscription de ces sujets à l'unanimité.\nLe maire consulte.\n"
        "M. ROUX demande une précision.\nIl est répondu.\n"
        "Le compte rendu ainsi amendé est adopté.\n"
    )
    assert len(two.tallies) == 2
    one = _parse(
        "1. Emprunt\nLe Conseil Municipal, à l'unanimité\ndes votants :\n>\n>\n"
        "Approuve le projet présenté.\n\n2. Voirie\nAdopté.\n"
    )
    assert len(one.tallies) == 2


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("> Le Conseil, à Punanimité, affecte le résultat.", (None, True)),  # OCR of "l'u"
        ("à l'unanimité, avec 4 voix « Pour ».", (4, True)),
        ("à l'unanimité, avec 4 voix «Pour»,", (4, True)),
    ],
)
def test_ocr_and_quotes_in_a_vote(statement: str, expected: tuple[int | None, bool]) -> None:
    s = _parse(f"1. Budget\n{statement}\n\n2. Voirie\nAdopté.\n")
    assert (s.tallies[0].pour, s.tallies[0].unanimous) == expected


def test_candidates_listed_with_dashes_are_an_election() -> None:
    s = _parse(
        "1- Election du 3ème adjoint\nRésultat du vote :\n- Anne MARTIN : 3 votes,  Elue\n"
        "- Rose PETIT : 1 vote\n- Blanc : 0 vote\n2- Voirie\nAdopté.\n"
    )
    assert "ELECTION_BY_CANDIDATE" in [n.code for n in s.notes]
    assert "VOTE_COUNTS_UNREAD" not in [n.code for n in s.notes]


def test_page_numbers_beside_a_running_header_across_blank_lines_are_no_items() -> None:
    page = "\nConseil municipal du 3 mars 2023\n\n{n}\n\n"
    body = (
        "1 – Élection du maire\nM. Jean DUPONT est élu.\n"
        + page.format(n=2)
        + "Suite du débat.\n"
        + page.format(n=3)
        + "2 – Fixation du nombre d'adjoints\nADOPTE A L'UNANIMITE\n"
        + page.format(n=4)
        + "3 – Lecture de la charte\nLa charte est lue.\n"
        + page.format(n=5)
    )
    assert _parse("33 votants\n\n" + body).agenda == ("1", "2", "3")


def test_the_rule_of_an_election_is_no_vote() -> None:
    s = _parse(
        "1 – Élection du maire\nEn application de l'article L.2122-7, le maire est élu\n"
        "au scrutin secret et à la majorité absolue parmi les membres du conseil.\n\n"
        "2 – Budget\nAdopté.\n"
    )
    assert [t.item for t in s.tallies] == ["2"]


def test_a_line_that_is_one_count_is_a_vote() -> None:
    s = _parse(
        "1/ Présentation du budget :\nYves présente le budget.\nVote des comptes de gestion :\n"
        "4 pour.\nVote du budget primitif :\n4 pour\n\n"
        "2/ Travaux ONF :\nDevis de 2600€.\n4 pour\n\n"
        "3/ Contrat GRDF\nPas de vote.\n"
    )
    assert s.agenda == ("1", "1 (2)", "2", "3")
    assert [(t.item, t.pour) for t in s.tallies] == [("1", 4), ("1 (2)", 4), ("2", 4)]
    assert not audit(s).errors


def test_a_count_inside_a_sentence_is_no_lone_count() -> None:
    s = _parse("1/ Budget\nLe loyer passe de 10 pour cent.\nAdopté.\n")
    assert [t.pour for t in s.tallies] == [None]


@pytest.mark.parametrize(
    ("body", "agenda"),
    [
        (
            "Objet : Budget primitif\nAdopté à l'unanimité.\n\nObjet : Voirie\n"
            "Adopté à l'unanimité.\n\nObjet : Écoles\nAdopté par 3 voix pour et 1 contre.\n",
            ("Budget primitif", "Voirie", "Écoles"),
        ),
        (
            "N° 12/2023 : Budget\nAdopté à l'unanimité.\nN° 13/2023 : Voirie\nAdopté.\n",
            ("12/2023", "13/2023"),
        ),
        (
            "| 1 | Budget primitif | Unanimité |\n| 2 | Voirie | Unanimité |\n"
            "| 3 | Écoles | 3 pour, 1 contre |\n",
            ("1", "2", "3"),
        ),
        (
            "1°) Budget primitif\nAdopté à l'unanimité.\n2°) Voirie\nAdopté à l'unanimité.\n",
            ("1", "2"),
        ),
        (
            "DCM n° 2024-001 – Budget\nAdopté à l'unanimité.\nDCM n° 2024-002 – Voirie\n"
            "Adopté à l'unanimité.\n",
            ("2024-001", "2024-002"),
        ),
        (
            "Délib. n°3 : Budget\nAdopté à l'unanimité.\nDélib. n°4 : Voirie\nAdopté.\n",
            ("3", "4"),
        ),
        (
            "DÉLIBÉRATION N° 2023-012 – Budget primitif\nVotants : 4 Pour : 4 Contre : 0\n\n"
            "DÉLIBÉRATION N° 2023-013 – Voirie\nVotants : 4 Pour : 3 Contre : 1\n",
            ("2023-012", "2023-013"),
        ),
    ],
)
def test_item_layouts(body: str, agenda: tuple[str, ...]) -> None:
    s = _parse(body)
    assert s.agenda == agenda
    assert len(s.tallies) == len(agenda)
    assert not audit(s).errors


def test_a_decision_announced_then_its_result_after_the_recitals_is_one_vote() -> None:
    recitals = "".join(f"> Vu le texte n°{k} ;\n> Considérant le point {k} ;\n" for k in range(5))
    s = _parse(
        "25-07/070 — Carte scolaire\n> Le Conseil, après en avoir délibéré,\n"
        + recitals
        + "> A l'unanimité, Approuve la proposition.\n\n25-07/071 — PEDT\nAdopté à l'unanimité.\n"
    )
    assert s.agenda == ("25-07/070", "25-07/071")
    assert [t.unanimous for t in s.tallies] == [True, True]


def test_two_designations_announced_are_two_votes() -> None:
    s = _parse(
        "1. Budget\nAdopté.\n\n2. Délégués\nDÉLÉGUÉS AU SIAC\n"
        "Après en avoir délibéré, le conseil municipal désigne M. ROUX.\n\n"
        "DÉLÉGUÉS AU FOYER RURAL\n"
        "Après en avoir délibéré, le conseil municipal désigne Mme PETIT.\n"
    )
    assert s.agenda == ("1", "2", "2 (2)")


def test_sub_points_with_a_dash_separate_two_votes() -> None:
    s = _parse(
        "6 - Subventions\n6-1 Indemnisation des exploitants\n"
        "Après en avoir délibéré, le Conseil Municipal, à Funanimité des membres présents :\n"
        "Décide d'indemniser.\n6-2 Subvention au comité des fêtes\n"
        "Après en avoir délibéré, le conseil municipal, à l'unanimité des membres présents :\n"
        "Décide de verser 40 €.\n"
    )
    assert s.agenda == ("6-1", "6-2")
    assert [t.unanimous for t in s.tallies] == [True, True]


@pytest.mark.parametrize(
    "statement",
    [
        "M. ROUX ne participe pas au vote.",
        "M. ROUX ne prend pas part à la délibération ni au vote.",
        "M. ROUX ne participe ni au débat ni au vote.",
        "M. ROUX, ne prenant pas part au vote.",
    ],
)
def test_a_member_taking_no_part_is_counted_apart(statement: str) -> None:
    """Comparing "2 pour, 1 contre" with 4 voters would accuse right minutes."""
    s = _parse(f"1. Budget\nAdopté.\n2. Voirie\n{statement}\nAdopté (2 pour, 1 contre).\n")
    assert [(t.item, t.npv) for t in s.tallies] == [("1", None), ("2", 1)]
    assert not audit(s).errors


def test_an_interested_member_taking_no_part_withdraws() -> None:
    s = _parse(
        "1. Budget\nAdopté.\n2. Subvention\nMme PETIT, intéressée, ne participe ni au débat ni "
        "au vote.\nAdopté à l'unanimité.\n"
    )
    assert [(w.member, w.from_item) for w in s.withdrawals] == [("rose-petit", "2")]


def test_votes_not_cast_are_the_votants_less_the_exprimes() -> None:
    s = _parse(
        "1. Budget\nVotants : 4 / Exprimés : 3 / Pour : 3\n"
        "2. Voirie\nSuffrages exprimés : 3\nPour : 2\nContre : 1\n"
        "3. Écoles\nVotants : 4 / Exprimés : 3 / Pour : 2 / Contre : 1 / Abstention : 1\n"
    )
    assert [(t.pour, t.contre, t.abstention) for t in s.tallies] == [
        (3, None, 1),
        (None, None, None),
        (2, 1, 1),
    ]
    codes = [n.code for n in s.notes if n.code.startswith("NOT_CAST")]
    assert codes == ["NOT_CAST_FROM_TOTALS", "NOT_CAST_UNKNOWN"]
    assert not audit(s).errors


def test_exprimes_that_disagree_with_the_counts_are_compared_as_printed() -> None:
    s = _parse("1. Budget\nVotants : 4 / Exprimés : 3 / Pour : 2\n")
    assert [(t.pour, t.abstention) for t in s.tallies] == [(2, None)]
    assert "TALLY_MISMATCH" in [f.code for f in audit(s).errors]


@pytest.mark.parametrize(
    ("statement", "counts"),
    [
        ("Adopté par 3 voix contre 1.", (3, 1, "adopted")),
        ("Adopté par trois voix contre une.", (3, 1, "adopted")),
        ("La motion est rejetée par 3 voix contre 1.", (1, 3, "rejected")),
        ("Adopté par 3 voix pour, 1 voix contre.", (3, 1, "adopted")),
    ],
)
def test_the_majority_first_par_n_voix_contre_m(
    statement: str, counts: tuple[int, int, str]
) -> None:
    s = _parse(f"1. Budget\n{statement}\n")
    assert [(t.pour, t.contre, t.outcome) for t in s.tallies] == [counts]
    assert not audit(s).errors


@pytest.mark.parametrize(
    "statement",
    [
        "2 voix pour, 1 contre, 1 ne prenant pas part au vote.",
        "Pour : 2, Contre : 1, Abstention : 0, 1 conseiller ne prend pas part au vote",
        "Adopté par 2 voix pour et 1 contre, un élu ne prenant pas part au vote.",
    ],
)
def test_a_count_of_members_taking_no_part(statement: str) -> None:
    s = _parse(f"1. Budget\n{statement}\n")
    assert [t.npv for t in s.tallies] == [1]
    assert not audit(s).errors


@pytest.mark.parametrize(
    "move",
    [
        "M. Paul DURAND rejoint la séance au point 2.",
        "M. Paul DURAND arrive au point 2.",
        "M. Paul DURAND rejoint la séance à partir du point 2.",
        "M. Paul DURAND rejoint la séance à compter de la question n°2.",
        "Arrivée de M. Paul DURAND au point 2.",
    ],
)
def test_an_arrival_written_before_the_items_at_a_named_item(move: str) -> None:
    """Written before the first item, with the item it happens at: present from that item,
    not from the first (which silently counted him one item too early)."""
    s = _parse(
        f"{move}\n\n1. Taux\nAdopté à l'unanimité.\n\n2. Budget\nAdopté à l'unanimité.\n"
        "\n3. Tarifs\nAdopté à l'unanimité.\n"
    )

    assert _present(s) == [4, 5, 5]


def test_a_departure_at_a_named_item() -> None:
    s = _parse(
        "1. Taux\nAdopté à l'unanimité.\n\n2. Budget\nM. Luc ROUX quitte la séance au point 3.\n"
        "Adopté à l'unanimité.\n\n3. Tarifs\nAdopté à l'unanimité.\n"
    )

    assert _present(s) == [4, 4, 3]


@pytest.mark.parametrize(
    "move",
    [
        "M. Luc ROUX est sorti.",
        "A ce moment, M. Luc ROUX reprend part aux débats.",
        "M. Luc ROUX, empêché, sort de l'hémicycle.",
        "M. Luc ROUX rejoint les débats.",
    ],
)
def test_a_move_the_reader_does_not_know_is_said_and_accuses_no_one(move: str) -> None:
    """The safety net (parse/_move_net.py): a sentence naming someone with a verb of arriving
    or leaving that no reading used makes the items from there uncertain, so the minutes are
    not reported wrong for it (before the net: TALLY_MISMATCH at items 2 and 3)."""
    s = _parse(f"1. Taux\nPour : 4\n\n2. Budget\n{move}\nPour : 3\n\n3. Tarifs\nPour : 3\n")
    result = audit(s)

    assert not result.errors
    read_right = _present(s) == [4, 3, 3]
    said = [n for n in s.notes if n.code == "MOVE_NOT_READ"]
    assert read_right or (said and said[0].items == ("2", "3"))


def test_a_move_after_the_last_vote_changes_no_count_and_is_not_said() -> None:
    s = _parse("1. Taux\nPour : 4\n\nM. Luc ROUX est sorti.\n")

    assert "MOVE_NOT_READ" not in [n.code for n in s.notes]
