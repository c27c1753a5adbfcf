"""Generated minutes (tests/parse/grammar_items.py): the reader recovers every item and its
vote, whatever the heading style and the phrasing, and finds no error in minutes that are right."""

from __future__ import annotations

from grammar_items import Answer, minutes_items
from hypothesis import HealthCheck, given, settings

from quorum.audit import audit
from quorum.parse import parse_minutes

HEAD = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes_items(HEAD, voters=4))
def test_items_and_votes_are_recovered(case: tuple[str, list[str], list[Answer]]) -> None:
    text, agenda, answers = case
    session = parse_minutes(text)
    assert tuple(agenda) == session.agenda
    got = {t.item: Answer(t.pour, t.contre, t.abstention, t.unanimous) for t in session.tallies}
    assert dict(zip(agenda, answers, strict=True)) == got
    assert not audit(session).errors
