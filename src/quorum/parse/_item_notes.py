"""The reader's notes about items and votes: one table of templates, one function.

Every note of the item side is made by :func:`item_note` from ``TEMPLATES`` (code -> severity and
English template with named ``{params}``, marked ``N_`` for the catalogue); the finding carries
its template and parameters and is rendered in the report's language.
"""

from __future__ import annotations

from typing import Any

from quorum.findings import N_, Finding, Severity, Source
from quorum.parse._notes import note_from

W, INFO = Severity.WARNING, Severity.INFO

TEMPLATES: dict[str, tuple[Severity, str]] = {
    "ITEM_UNNUMBERED": (
        INFO,
        N_(
            "a vote with no item heading above it since the previous vote is read as an item of "
            "its own, '{label}'"
        ),
    ),
    "SECOND_VOTE_IN_ITEM": (
        INFO,
        N_("a further vote under item '{item}' is read as item '{label}'"),
    ),
    "VOTE_COUNTS_UNREAD": (
        W,
        N_(
            "the vote of item '{item}' gives no 'pour' count ({counts}): the rest was not read "
            "(votes by candidate, unanimity less abstentions, a count on another line), so its "
            "counts are not compared"
        ),
    ),
    "RETURN_WITHOUT_DEPARTURE": (
        W,
        N_(
            "'{who}' comes back, but no departure of theirs was read: the return was not used "
            "(the member counts as present before it too)"
        ),
    ),
    "EVENT_WHO_UNKNOWN": (
        W,
        N_(
            "'{who}', arriving or leaving, matches no listed member: the event was not used, "
            "and the counts from this item on are not asserted"
        ),
    ),
    "MOVE_NOT_READ": (
        W,
        N_(
            "this line seems to tell that someone arrives or leaves, and was not read: the "
            "counts from {items} on are not asserted; check '{text}'"
        ),
    ),
    "EVENT_NOT_A_PERSON": (
        INFO,
        N_("'{who}' reads like an arrival or a departure but names no one: not used"),
    ),
    "EVENT_NOT_PLACED": (
        W,
        N_(
            "'{who}' arrives or leaves at a point that names no item of the agenda ({anchor}); "
            "the event was not used"
        ),
    ),
    "NOT_CAST_FROM_TOTALS": (
        INFO,
        N_(
            "the vote of item '{item}' prints {voters} votants and {expressed} exprimés but not "
            "who cast no vote: {rest} counted as abstentions (or blank ballots)"
        ),
    ),
    "NOT_CAST_UNKNOWN": (
        INFO,
        N_(
            "the vote of item '{item}' prints {expressed} exprimés ({counts}) but not how many "
            "cast no vote: its counts are not compared with the voters"
        ),
    ),
    "UNANIMITY_LESS": (
        INFO,
        N_(
            "item '{item}' is adopted unanimously less {counts}: the pour count is the rest of "
            "the voters, so the tally has nothing to compare"
        ),
    ),
    "MAJORITY_LESS": (
        INFO,
        N_(
            "item '{item}' is adopted by a majority with only {counts} printed: the pour count "
            "is the rest of the voters, so the tally has nothing to compare"
        ),
    ),
    "ELECTION_BY_CANDIDATE": (
        INFO,
        N_(
            "the vote of item '{item}' is an election (votes by candidate): its counts are not a "
            "pour/contre tally and are not compared"
        ),
    ),
    "CLOCK_TIME_BETWEEN_VOTES": (
        W,
        N_(
            "'{text}': the times written in the minutes place this clock time during the debate "
            "of these items, before or after their vote is not written: their counts are not "
            "asserted"
        ),
    ),
    "ATTENDANCE_SNAPSHOTS": (
        INFO,
        N_(
            "no item heading and no vote were found, and the attendance changes at a clock "
            "time: it is read as snapshots, at the opening and from each such time ({labels})"
        ),
    ),
}


def item_note(
    code: str,
    source: Source | None,
    *,
    items: tuple[str, ...] = (),
    members: tuple[str, ...] = (),
    **params: Any,
) -> Finding:
    """The finding for ``code``: its template and ``params`` (the same making as the attendance
    notes, from this module's table)."""
    return note_from(TEMPLATES, code, source, items=items, members=members, **params)
