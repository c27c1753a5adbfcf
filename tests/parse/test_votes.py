"""What is reported under an item: the line a tally comes from, the outcome, secret ballots, and
members who take no part in the vote (a table of phrasings, and the fixtures that have them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes

DATA = Path(__file__).parent.parent / "data"
FIXTURES = sorted(p.name.removesuffix(".txt") for p in DATA.glob("*.txt"))
HEAD = (
    "Conseil municipal\nOrdre de passage des rapports : 1, 2, 3\n\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)


def _parse(body: str, head: str = HEAD) -> Session:
    return parse_minutes(head + body + "\n")


def _fixture(name: str) -> Session:
    return parse_minutes((DATA / f"{name}.txt").read_text(encoding="utf-8"))


# --- 1. the source of a tally is the line holding its counts ------------------------------------


def test_besancon_tally_source_is_the_line_with_the_counts() -> None:
    t19 = next(t for t in _fixture("grand-besancon-2026-01-29").tallies if t.item == "19")
    assert t19.source is not None
    assert 229 == t19.source.line
    assert "Pour : 100 Contre : 0 Abstention* : 0 Conseiller intéressé : 0" == t19.source.text


@pytest.mark.parametrize("name", FIXTURES)
def test_every_tally_source_quotes_its_vote_counts(name: str) -> None:
    """Each count read under an item is a number of the line quoted as the tally's source."""
    for t in _fixture(name).tallies:
        assert t.source is not None
        assert t.source.text
        numbers = {int(n) for n in re.findall(r"\d+", t.source.text)}
        for key, value in t.counts().items():
            assert value in numbers, (name, t.item, key, t.source.text)


def test_secret_ballot_over_several_lines_quotes_the_pour_line() -> None:
    s = _parse(
        "Rapport n°1 - Élection\nVotants : 4\nBulletins blancs ou nuls : 1\n"
        "Suffrages exprimés : 3\nMajorité absolue : 2\nPour : 3\nContre : 0"
    )
    assert s.tallies[0].source is not None
    assert "Pour : 3" == s.tallies[0].source.text


# --- 2. the reported outcome --------------------------------------------------------------------

OUTCOMES = [
    ("Rapport adopté", "adopted", False),
    ("ADOPTÉ", "adopted", False),
    ("adopté à l'unanimité", "adopted", True),
    ("ADOPTÉ À L'UNANIMITÉ", "adopted", True),
    ("La délibération est adoptée", "adopted", False),
    ("Le procès-verbal est approuvé", "adopted", False),
    ("Adopté à l'unanimité des suffrages exprimés", "adopted", False),
    ("rejeté", "rejected", False),
    ("REJETÉ", "rejected", False),
    ("La délibération n'est pas adoptée", "rejected", False),
    ("Le rapport n'est pas adopté", "rejected", False),
    ("Rejeté à l'unanimité", "rejected", False),
]


@pytest.mark.parametrize(("line", "outcome", "unanimous"), OUTCOMES)
def test_outcome_phrasings(line: str, outcome: str, unanimous: bool) -> None:
    s = _parse(f"Rapport n°1 - Budget\n{line}")
    assert [(t.item, t.outcome, t.unanimous) for t in s.tallies] == [("1", outcome, unanimous)]


def test_no_outcome_from_a_recital() -> None:
    s = _parse("Rapport n°1 - Budget\nVu la délibération adoptée le 3 mars 2020,")
    assert () == s.tallies


def test_outcome_in_the_fixtures() -> None:
    besancon = _fixture("grand-besancon-2026-01-29")
    assert [("19", "adopted", True)] == [
        (t.item, t.outcome, t.unanimous) for t in besancon.tallies
    ]
    couthenans = _fixture("couthenans-cm-2021-01-29")
    assert {"adopted"} == {t.outcome for t in couthenans.tallies}
    assert ["adopted"] == [t.outcome for t in _fixture("siaep-condom-caussens-2021-03-03").tallies]


def test_adopted_then_rejected_are_two_votes() -> None:
    s = _parse("Rapport n°1 - Budget\nL'amendement est rejeté.\nLe rapport est adopté.")
    assert [("1", "rejected"), ("1 (2)", "adopted")] == [(t.item, t.outcome) for t in s.tallies]


# --- 4. secret ballots ---------------------------------------------------------------------------

SECRET = [
    "Votants : 33, Bulletins blancs ou nuls : 2, Suffrages exprimés : 31, Majorité absolue : 16,"
    " Pour : 20, Contre : 11",
    "Votants : 33\nBulletins blancs ou nuls : 2\nSuffrages exprimés : 31\nMajorité absolue : 16\n"
    "Pour : 20\nContre : 11",
    "Votants : 33 - Bulletins blancs : 1 - Bulletins nuls : 1 - Pour : 20 - Contre : 11",
]


@pytest.mark.parametrize("block", SECRET)
def test_secret_ballot_block(block: str) -> None:
    t = _parse(f"Rapport n°1 - Désignation\n{block}").tallies[0]
    assert (t.secret, t.blank, t.voters, t.pour, t.contre) == (True, 2, 33, 20, 11)


def test_scrutin_secret_in_a_sentence_is_not_a_secret_ballot() -> None:
    """Lannion item 10: "… décide à l'unanimité de ne pas procéder au scrutin secret …"."""
    s = _fixture("lannion-cm-2021-07-05")
    assert not any(t.secret for t in s.tallies)
    s = _parse(
        "Rapport n°1 - Commission\nLe conseil décide de ne pas procéder au scrutin secret.\n"
        "ADOPTÉ À L'UNANIMITÉ"
    )
    assert [(False, True)] == [(t.secret, t.unanimous) for t in s.tallies]


# --- 5. members who take no part in the vote ----------------------------------------------------

INTEREST = [
    "M. Luc ROUX, intéressé, ne prend pas part au vote.",
    "M. Luc ROUX quitte la salle et ne prend pas part au vote.",
    "M. Luc ROUX quitte la séance et ne prend pas part au vote.",
    "Monsieur ROUX, en tant qu'intéressé, ne prend pas part au vote.",
]


@pytest.mark.parametrize("line", INTEREST)
def test_interested_member_withdraws_for_the_item(line: str) -> None:
    s = _parse(f"Rapport n°1 - Budget\n{line}\nPour : 3 Contre : 0\nRapport n°2 - Voirie\nADOPTÉ")
    assert [(w.member, w.from_item, w.until_item, w.reason) for w in s.withdrawals] == [
        ("luc-roux", "1", "1", "interest")
    ]
    assert s.tallies[0].npv is None
    # he is not a departure: present again at item 2
    assert ("luc-roux", None, None) in [
        (x.member, x.from_item, x.until_item) for x in s.attendance
    ]
    checked = audit(s)
    assert 3 == checked.items[0].present_count
    assert checked.items[0].tally.consistent


def test_not_voting_counts_in_npv_when_no_npv_is_printed() -> None:
    s = _parse(
        "Rapport n°1 - Budget\nMadame Anne MARTIN ne prend pas part au vote.\n"
        "Pour : 3 Contre : 0 Abstention : 0\n"
        "Rapport n°2 - Voirie\nMme Anne MARTIN ne prend pas part au vote.\nPour : 3 NPPV : 1"
    )
    assert () == s.withdrawals
    assert [("1", 1), ("2", 1)] == [(t.item, t.npv) for t in s.tallies]
    assert all(it.tally.consistent for it in audit(s).items if it.item in ("1", "2"))


def test_not_voting_without_vote_counts_adds_no_npv() -> None:
    """ "Adopté à l'unanimité" has no count to add it to: an npv alone would not add up."""
    s = _parse("Rapport n°1 - Budget\nMme Anne MARTIN ne prend pas part au vote.\nADOPTÉ")
    assert [("1", None, "adopted")] == [(t.item, t.npv, t.outcome) for t in s.tallies]


def test_interested_homonym_is_an_error_not_a_guess() -> None:
    head = HEAD.replace("Mme Rose PETIT", "Mme Rose PETIT, M. Marc MARTIN")
    s = _parse("Rapport n°1 - Budget\nMme MARTIN, intéressée, ne prend pas part au vote.", head)
    assert () == s.withdrawals
    amb = [f for f in s.notes if f.code == "NAME_AMBIGUOUS"]
    assert [{"anne-martin", "marc-martin"}] == [set(f.members) for f in amb]
    assert amb[0].source is not None
    assert 8 == amb[0].source.line


def test_interested_unknown_member_is_a_warning() -> None:
    s = _parse("Rapport n°1 - Budget\nM. Yves LEGRAND, intéressé, ne prend pas part au vote.")
    assert () == s.withdrawals
    assert ["NAME_UNRESOLVED"] == [f.code for f in s.notes if f.code.startswith("NAME_")]
