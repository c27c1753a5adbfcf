"""How much of the attendance was understood: sanity checks, the minutes' own totals as a
cross-check, and the :class:`~quorum.model.Reading` of the session.

The reading is complete when no note says part of the attendance was not understood (see
``_notes.READING_CODES``). When it is not, the totals the minutes print (présents, votants) that
disagree with the lists are reported as reading notes quoting their line, and the items whose
counts rest on the attendance are uncertain: the audit does not assert count-based errors there.
"""

from __future__ import annotations

import itertools

from quorum.findings import N_, Source
from quorum.model import Reading, Stretch
from quorum.parse._build import Builder
from quorum.parse._civilities import CIVILITIES
from quorum.parse._lists import Lists
from quorum.parse._names import Name
from quorum.parse._notes import READING_CODES
from quorum.parse._text import fold


def sanity(b: Builder, lists: Lists, in_office: int | None, counts_only: bool) -> None:
    """Notes for attendance that cannot be right as read (nothing is changed, only said)."""
    if counts_only:
        return
    if not any(e.status == "present" for e in lists.entries):
        b.say("NO_PRESENT_LIST", None)
    titulars = sum(1 for m in b.members if m.substitute_for is None)
    if in_office is not None and titulars < in_office:
        b.say("FEWER_NAMED_THAN_IN_OFFICE", None, in_office=in_office, named=titulars)
    for m in b.members:
        words = set(fold(m.name).replace(".", " ").split())
        if words & _NOT_IN_A_NAME:
            b.say("SUSPECT_NAME", m.source, members=(m.id,), name=m.name, why=_HOLDS_WORD)
        if m.group and _names_a_member(b, m.group):
            b.say("SUSPECT_NAME", m.source, members=(m.id,), name=m.group, why=_LABEL_NAMES)


_NOT_IN_A_NAME = frozenset(
    {c.form for c in CIVILITIES if not c.short}
    | {"present", "presents", "absent", "absents", "excuse", "excuses", "represente"}
    | {"representes", "pouvoir", "procuration", "donne", "donnent"}
)
"""Words that are never part of a person's name: a member "mesdames-anne-martin" or "absents-x"
was read from a heading or a civility, not from a name."""
_HOLDS_WORD = N_("it holds a civility or a word of an attendance heading")
_LABEL_NAMES = N_("a group label that holds a listed member's first name and surname")


def _names_a_member(b: Builder, label: str) -> bool:
    """A group's label that holds a listed member's first name and surname ("Yves GRANDIN
    Absents" read as a commune)."""
    words = [w.strip(".,;") for w in label.split()]
    return any(
        len(b.resolver.find(Name(first, last))) == 1
        for first, last in itertools.pairwise(words)
        if first[:1].isupper()
        and first[1:].replace("-", "").isalpha()
        and first[1:].replace("-", "").islower()
        and last[:1].isupper()
    )


def present_at_start(stretches: list[Stretch]) -> int:
    """Members present at the first item, as read."""
    return len({s.member for s in stretches if s.from_item is None})


def cross_check(
    b: Builder,
    stretches: list[Stretch],
    printed_present: int | None,
    printed_voters: int | None,
    source: Source | None,
) -> None:
    """The minutes' totals against the lists, when the reading is already incomplete (when it is
    complete, the audit compares them and a disagreement is a finding about the minutes)."""
    if not incomplete(b):
        return
    present = present_at_start(stretches)
    text = source.text if source and source.text else ""
    if printed_present is not None and printed_present != present:
        b.say("TOTAL_DISAGREES", source, what="présents", printed=printed_present, read=present,
              text=text)  # fmt: skip
    if printed_voters is not None:
        voters = present + sum(1 for p in b.proxies if p.from_item is None)
        if printed_voters != voters:
            b.say("TOTAL_DISAGREES", source, what="votants", printed=printed_voters, read=voters,
                  text=text)  # fmt: skip


def incomplete(b: Builder) -> bool:
    return any(n.code in READING_CODES for n in b.notes)


def reading(b: Builder, agenda: tuple[str, ...]) -> Reading:
    """Complete, or not with the items whose counts are uncertain (every item for a note about
    the attendance as a whole; the items a note names otherwise)."""
    notes = [n for n in b.notes if n.code in READING_CODES]
    if not notes:
        return Reading(complete=True)
    if any(not n.items for n in notes):
        return Reading(complete=False, uncertain_items=agenda)
    named = {i for n in notes for i in n.items}
    return Reading(complete=False, uncertain_items=tuple(a for a in agenda if a in named))
