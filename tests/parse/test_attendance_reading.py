"""The reading of the attendance: complete or not, uncertain items, and the audit not asserting
count-based errors where the attendance was not fully read."""

from __future__ import annotations

from quorum.audit import audit
from quorum.findings import Severity, Verdict
from quorum.model import Member, Reading, Session, Tally
from quorum.parse import parse_minutes

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1, 2\n\n"
BODY = "\nRapport n°1\nPour : 4 Contre : 0\n\nRapport n°2\nPour : 3 Contre : 0\n"


def test_a_complete_reading_asserts_a_wrong_tally() -> None:
    s = parse_minutes(HEAD + "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX\n" + BODY)
    assert s.reading == Reading(complete=True)
    result = audit(s)
    assert result.verdict is Verdict.ERRORS
    assert [f.items for f in result.errors if f.code == "TALLY_MISMATCH"] == [("1",)]


def test_an_unread_line_makes_the_reading_incomplete_and_the_error_a_warning() -> None:
    s = parse_minutes(
        HEAD + "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, 12 rue des Lilas\n" + BODY
    )
    assert s.reading is not None
    assert not s.reading.complete
    assert s.reading.uncertain_items == ("1", "2")
    result = audit(s)
    assert result.verdict is Verdict.INCOMPLETE
    assert not result.errors
    tally = [f for f in result.findings if f.code == "TALLY_MISMATCH"]
    assert [f.severity for f in tally] == [Severity.WARNING]
    assert "not asserted" in tally[0].message


def test_only_the_uncertain_items_are_downgraded() -> None:
    s = Session(
        agenda=("1", "2"),
        members=(Member(id="a", name="A"), Member(id="b", name="B")),
        tallies=(Tally(item="1", pour=5), Tally(item="2", pour=5)),
        reading=Reading(complete=False, uncertain_items=("2",)),
    )
    result = audit(s)
    by_item = {f.items: f.severity for f in result.findings if f.code == "TALLY_MISMATCH"}
    assert by_item == {("1",): Severity.ERROR, ("2",): Severity.WARNING}
    assert result.verdict is Verdict.INCOMPLETE


def test_a_hand_written_session_is_never_downgraded() -> None:
    s = Session(
        agenda=("1",),
        members=(Member(id="a", name="A"),),
        tallies=(Tally(item="1", pour=5),),
    )
    assert [f.severity for f in audit(s).findings if f.code == "TALLY_MISMATCH"] == [
        Severity.ERROR
    ]


def test_no_present_list_is_a_reading_note() -> None:
    s = parse_minutes(HEAD + "Absents : M. Jean DUPONT, Mme Anne MARTIN\n" + BODY)
    assert "NO_PRESENT_LIST" in [n.code for n in s.notes]
    assert s.reading is not None
    assert not s.reading.complete
    assert audit(s).verdict is Verdict.INCOMPLETE


def test_fewer_named_than_in_office() -> None:
    s = parse_minutes(
        HEAD
        + "Conseillers en exercice : 9\n\n"
        + "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX\n"
        + BODY
    )
    assert "FEWER_NAMED_THAN_IN_OFFICE" in [n.code for n in s.notes]
    assert audit(s).verdict is Verdict.INCOMPLETE
