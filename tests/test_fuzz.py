"""The fuzz suite (issue 10): mutated session files and minutes, through the API and the CLI.

Bounded so that CI stays fast (a few hundred inputs in all); ``benchmarks/fuzz.py`` runs the
same harness for as long as asked (see docs/maintainers.md). Each test asserts that the input
ends in the project's own errors or in an audit whose invariants hold, never in a crash; see
``tests/fuzzing.py`` for the mutations and the checks.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import (
    check_cli,
    check_document,
    check_minutes,
    check_session,
    document_text,
    fixture_documents,
    minutes_texts,
    mutate_document,
    mutate_minutes,
    random_document,
)
from quorum import Session
from quorum.audit import AuditItem
from quorum.sessionfile import session_from_dict, session_to_dict
from strategies import crowded_seats, sessions

FIXTURES = fixture_documents()
MINUTES = minutes_texts()

bounded = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

rnds = st.randoms(use_true_random=False)


@st.composite
def base_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document: a fixture, a hypothesis session, or a random one with withdrawals,
    weights and rule sets."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return dict(draw(st.sampled_from(FIXTURES)))
    if kind == 1:
        session: Session = draw(st.one_of(sessions(), crowded_seats()))
        return session_to_dict(session)
    return random_document(draw(rnds))


@bounded
@given(base_documents(), rnds)
def test_mutated_session_documents_through_the_api(
    doc: dict[str, Any], rnd: random.Random
) -> None:
    """Read, audit under several rule sets, the audit document, write then read: only
    QuorumError, and the invariants hold on whatever reads."""
    check_document(mutate_document(doc, rnd))


@bounded
@given(base_documents())
def test_valid_documents_read_and_hold_the_invariants(doc: dict[str, Any]) -> None:
    """The unmutated documents all read (the harness starts from valid ones)."""
    assert check_document(doc)


@bounded
@given(st.sampled_from(range(len(MINUTES))), rnds)
def test_mutated_minutes_through_the_api(which: int, rnd: random.Random) -> None:
    """Minutes with lines deleted, duplicated or swapped and characters damaged: the reader
    gives a session that audits, writes and reads back, or a QuorumError."""
    check_minutes(mutate_minutes(MINUTES[which], rnd))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(base_documents(), rnds)
def test_mutated_session_files_through_the_cli(
    tmp_path: Path, doc: dict[str, Any], rnd: random.Random
) -> None:
    """``quorum check|explain|parse`` in-process on a mutated JSON file: a documented exit
    status (0, 1, 2, 3), never an exception or the internal-error status."""
    check_cli(tmp_path / "s.json", document_text(mutate_document(doc, rnd)), rnd)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(range(len(MINUTES))), rnds)
def test_mutated_minutes_through_the_cli(tmp_path: Path, which: int, rnd: random.Random) -> None:
    """The same on mutated minutes files."""
    check_cli(tmp_path / "m.txt", mutate_minutes(MINUTES[which], rnd), rnd)


@pytest.mark.parametrize("index", range(len(FIXTURES)))
def test_every_fixture_holds_the_invariants(index: int) -> None:
    """The checks themselves on the real fixtures (Besançon: 123 members, 37 items)."""
    assert check_document(FIXTURES[index])


def test_the_checks_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that cannot fail is a defect: an audit counting someone twice is caught, and so
    is a document that does not read."""
    session = session_from_dict(FIXTURES[0])
    check_session(session)
    original: Any = AuditItem.present
    monkeypatch.setattr(AuditItem, "present", property(lambda it: original.fget(it) * 2))
    with pytest.raises(AssertionError):
        check_session(session)
    broken = dict(FIXTURES[0], members=[*FIXTURES[0]["members"], FIXTURES[0]["members"][0]])
    assert not check_document(broken)  # a duplicate id: refused, with its path
