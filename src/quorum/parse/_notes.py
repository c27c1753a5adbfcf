"""The reader's notes about the attendance: one table of templates, one function that makes them.

Each code has a severity and an English template with named ``{params}``; :func:`reader_note` is
the only place that turns a code and its parameters into a :class:`~quorum.findings.Finding`
(the finding carries the template, marked ``N_`` for the catalogue, and the parameters).
Every code has a ``### CODE`` section in docs/parsing.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quorum.findings import N_, Finding, Severity, Source

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO

TEMPLATES: dict[str, tuple[Severity, str]] = {
    "UNREAD_TEXT": (W, N_("{why}: '{text}'")),
    "NAME_AMBIGUOUS": (
        W,
        N_("{what} '{name}' could be any of: {names}; nothing was assumed"),
    ),
    "NAME_UNRESOLVED": (W, N_("{what} '{name}' matches no listed member; the fact was dropped")),
    "NAME_UNREADABLE": (W, N_("'{text}' could not be read as a name")),
    "INTERESTED_NOT_NAMED": (
        W,
        N_(
            "an interested member takes no part in the vote, but is not named; no withdrawal "
            "was recorded"
        ),
    ),
    "SESSION_TOTALS_NOT_APPLIED": (
        W,
        N_(
            "the totals printed for the session were not given to the items: members arrive or "
            "leave (or proxies start or end) during the session, so they cannot hold for every "
            "item"
        ),
    ),
    "MEMBER_ADDED": (W, N_("'{name}' is named only as {what}; added as a member ({state})")),
    "MEMBER_ADDED_FROM_PROXY": (
        W,
        N_("'{name}' is named only as {what}; added as a member ({state})"),
    ),
    "TITULAR_ADDED": (
        W,
        N_("'{name}' is named only as {what}; added as a member ({state})"),
    ),
    "HOLDER_ADDED_FROM_PROXY": (
        W,
        N_(
            "'{name}' is named only as {what}, in no list of members present; added as a member "
            "({state})"
        ),
    ),
    "MEMBER_ADDED_FROM_CHAIR": (
        W,
        N_("'{name}' chairs the session but is in no list; counted as a present member"),
    ),
    "MEMBER_NAMED_IN_COUNT": (
        INFO,
        N_(
            "'{name}', named as {what} in minutes that give the attendance as counts, is read as "
            "one of the members counted present: a named member, and one less unnamed present"
        ),
    ),
    "PRESENT_AND_ABSENT": (W, N_("'{name}' is listed both present and absent")),
    "MEMBER_LISTED_TWICE": (W, N_("'{name}' is listed twice")),
    "MEMBERS_IN_OFFICE_INFERRED": (
        W,
        N_("the number of members in office is not printed; inferred as {seats} from {basis}"),
    ),
    "MOVE_NOT_PLACED": (
        W,
        N_(
            "an arrival or a departure is written with the attendance with no item and no time: "
            "'{text}' was not used; the member counts for the whole session"
        ),
    ),
    "CLOCK_TIME_NOT_PLACED": (
        W,
        N_(
            "a clock time cannot be placed on an item (the items carry no times): '{text}' was "
            "not used; the member counts for the whole session"
        ),
    ),
    "RANGE_ON_ABSENT": (W, N_("a range on an absent member was not used: '{text}'")),
    "PROXY_CODE_UNMATCHED": (
        W,
        N_("the mark '(Pr{mark})' does not pair one absent member with one present member"),
    ),
    "SECRETARY_NOT_MEMBER": (INFO, N_("the secretary '{name}' is not in the member lists")),
    "NO_PRESENT_LIST": (
        W,
        N_("no list of members present was read: the attendance could not be counted from names"),
    ),
    "FEWER_NAMED_THAN_IN_OFFICE": (
        W,
        N_(
            "the minutes print {in_office} members in office but the lists name only {named}: "
            "part of the attendance was not read"
        ),
    ),
    "TOTAL_DISAGREES": (
        W,
        N_("the minutes print {what} {printed}; the lists as read give {read}: check '{text}'"),
    ),
    "COUNTS_ONLY": (
        W,
        N_(
            "the minutes give the attendance as counts, not names ('{text}'): {present} present "
            "and {represented} represented are counted without names; the lists were not "
            "available"
        ),
    ),
    "SUBSTITUTE_UNPLACED": (
        INFO,
        N_(
            "'{name}' sits as a substitute without saying whom he replaces: he takes the seat of "
            "an absent titular and is not an extra seat"
        ),
    ),
    "NOT_DELIBERATIVE": (
        INFO,
        N_("'{name}' sits without a deliberative voice: not counted"),
    ),
    "NAME_FROM_PHRASE": (W, N_("'{text}' reads like a phrase, not a name: not used")),
    "SUSPECT_NAME": (
        W,
        N_(
            "'{name}' does not look like what it was read as ({why}): check the list it comes from"
        ),
    ),
    "ITEM_UNKNOWN": (
        W,
        N_("item '{label}' is not in the order of passage; the range that names it was not used"),
    ),
    "RANGE_EMPTY": (W, N_("present only 'before' the first item: ignored")),
    "PROXY_TO_SELF": (W, N_("a member gives a proxy to himself: ignored")),
    "RANGE_REVERSED": (W, N_("a proxy's range ends before it starts: ignored")),
}
"""code -> (severity, template): the notes about the attendance (those about items and votes
are in ``_item_notes``)."""

PHRASES = ("what", "why", "state", "basis")
"""Parameters that are phrases of the reader ("proxy holder", "no name could be read here"),
written in English and marked ``N_`` where they are made: a note carries them as a
:class:`~quorum.findings.Message` (``{"template": …, "params": {}}`` in JSON), rendered in the
report's language."""

READING_CODES = frozenset(
    {
        "UNREAD_TEXT",
        "NAME_AMBIGUOUS",
        "NAME_UNRESOLVED",
        "NAME_UNREADABLE",
        "MEMBER_ADDED",
        "HOLDER_ADDED_FROM_PROXY",
        "PRESENT_AND_ABSENT",
        "CLOCK_TIME_NOT_PLACED",
        "MOVE_NOT_PLACED",
        "RANGE_ON_ABSENT",
        "PROXY_CODE_UNMATCHED",
        "NO_PRESENT_LIST",
        "FEWER_NAMED_THAN_IN_OFFICE",
        "TOTAL_DISAGREES",
        "NAME_FROM_PHRASE",
        "SUSPECT_NAME",
        "ITEM_UNKNOWN",
        "RANGE_REVERSED",
        "RANGE_EMPTY",
        "PROXY_TO_SELF",
        # events inside the items that could not be used: the counts after them may be wrong
        "EVENT_WHO_UNKNOWN",
        "INTERESTED_NOT_NAMED",
        "EVENT_NOT_PLACED",
        "RETURN_WITHOUT_DEPARTURE",
        "CLOCK_TIME_BETWEEN_VOTES",
        "MOVE_NOT_READ",
    }
)
"""Notes that say part of the attendance was not understood: the reading is then incomplete."""


def reader_note(code: str, source: Source | None = None, **kw: Any) -> Finding:
    """The finding for ``code``: its template (marked ``N_``) and parameters, rendered in the
    report's language (the keywords of :func:`note_from`)."""
    return note_from(TEMPLATES, code, source, **kw)


def note_from(
    table: Mapping[str, tuple[Severity, str]],
    code: str,
    source: Source | None = None,
    *,
    members: tuple[str, ...] = (),
    items: tuple[str, ...] = (),
    rule: str | None = None,
    **params: Any,
) -> Finding:
    """The finding for ``code`` of a table of notes (code -> severity and template)."""
    severity, template = table[code]
    return Finding(
        code=code,
        severity=severity,
        template=template,
        params=params,
        items=items,
        members=members,
        rule=rule,
        source=source,
    )
