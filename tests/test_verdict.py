"""The three-state verdict and the reading a session carries (the reader/engine contract)."""

from __future__ import annotations

import pytest

import quorum
from quorum import InvalidSessionError, Member, Reading, Session, Stretch, Tally, Verdict


def _session(reading: Reading | None, pour: int = 2) -> Session:
    return Session(
        agenda=("1", "2"),
        members=(Member(id="a", name="A"), Member(id="b", name="B"), Member(id="c", name="C")),
        attendance=(Stretch(member="a"), Stretch(member="b")),
        tallies=(Tally(item="1", pour=pour),),
        reading=reading,
    )


def test_valid_when_read_and_right() -> None:
    assert Verdict.VALID == quorum.audit(_session(None)).verdict
    assert Verdict.VALID == quorum.audit(_session(Reading())).verdict


def test_errors_when_read_fully_and_wrong() -> None:
    result = quorum.audit(_session(Reading(complete=True), pour=3))

    assert Verdict.ERRORS == result.verdict
    assert "errors" == result.to_dict()["verdict"]


def test_incomplete_reading_wins_over_errors() -> None:
    result = quorum.audit(_session(Reading(complete=False, uncertain_items=("1",)), pour=3))

    assert Verdict.INCOMPLETE == result.verdict
    doc = result.to_dict()
    assert "incomplete" == doc["verdict"]
    assert {"complete": False, "uncertain_items": ["1"]} == doc["session"]["reading"]


def test_reading_round_trips_through_the_session_file() -> None:
    s = _session(Reading(complete=False, uncertain_items=("2",)))

    again = quorum.session_from_dict(quorum.session_to_dict(s))

    assert s.reading == again.reading


def test_reading_names_known_items() -> None:
    with pytest.raises(InvalidSessionError, match=r"\$\.reading\.uncertain_items\[0\]"):
        _session(Reading(complete=False, uncertain_items=("9",)))


def test_reading_in_a_file_is_checked() -> None:
    doc = quorum.session_to_dict(_session(None))
    doc["reading"] = {"complete": True, "uncertain": []}

    with pytest.raises(InvalidSessionError, match=r"\$\.reading\.uncertain: unknown key"):
        quorum.session_from_dict(doc)
