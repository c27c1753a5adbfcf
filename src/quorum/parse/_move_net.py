"""The safety net under the reading of arrivals and departures.

A sentence after the attendance lists that names someone with a verb of arriving or leaving
("M. X quitte la salle", "Mme Y rejoint la séance") changes the counts of the items after it.
When no reading of the item side used it (its phrasing is not in the vocabulary), the counts from
there on may be wrong through no fault of the minutes: the sentence is said (``MOVE_NOT_READ``)
and those items are uncertain, so that a count-based error there is not asserted. The verbs are
a table (:data:`MOVE_VERBS`); a phrasing the reader learns to read is no longer caught here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import attrs

from quorum.findings import Finding, Source
from quorum.parse._item_notes import item_note
from quorum.parse._items import understood_move
from quorum.parse._text import Doc
from quorum.parse._votes import looks_named

MOVE_VERBS: tuple[str, ...] = (
    r"quitt(?:e|ent)\ +(?:la\ +(?:salle|seance|reunion|seance\ +du\ +conseil)|l'assemblee"
    r"|le\ +conseil|l'hemicycle)",
    r"sort(?:ent)?\ +de\ +(?:la\ +salle|la\ +seance|l'hemicycle)",
    r"se\ +retir(?:e|ent)",
    r"s'absent(?:e|ent)",
    r"rejoin(?:t|nent)\ +(?:la\ +seance|la\ +salle|l'assemblee|le\ +conseil|les\ +debats)",
    r"regagn(?:e|ent)\ +(?:la\ +salle|la\ +seance|sa\ +place|son\ +siege)",
    r"rentr(?:e|ent)\ +(?:dans\ +la\ +salle|en\ +seance)",
    r"reprend(?:nent)?\ +(?:sa\ +place|son\ +siege|place|part\ +(?:a\ +la\ +seance|aux\ +debats))",
    r"(?:entre|arrive)(?:nt)?\ +en\ +(?:cours\ +de\ +)?seance",
    r"(?:est|sont)\ +(?:arrivee?s?|partie?s?|sortie?s?)\b",
)
"""Verbs of arriving or leaving, folded (one line per phrasing): a sentence with one of them and
a name was meant to move someone."""

_MOVE = re.compile(r"(?<![a-z])(?:" + "|".join(MOVE_VERBS) + ")", re.VERBOSE)


def _lines(source: Source) -> range:
    """The lines a statement spans (its first line and the line breaks of its text)."""
    first = source.line or 0
    return range(first, first + (source.text or "").count("\n") + 1)


def unread_moves(
    doc: Doc,
    after: int,
    read: Iterable[Source],
    points: list[tuple[int, str]],
    agenda: list[str],
) -> list[Finding]:
    """A ``MOVE_NOT_READ`` note for each sentence after ``after`` (the end of the attendance)
    naming someone with a verb of :data:`MOVE_VERBS` on a line no reading used (``read``: the
    sources of the events, withdrawals and moves read), with the items from the next vote on.
    ``points``: where each item is decided, sorted."""
    used = {line for src in read for line in _lines(src)}
    at = [p for p, _ in points]
    index = {label: i for i, label in enumerate(agenda)}
    out: list[Finding] = []
    seen: set[int] = set()
    for m in _MOVE.finditer(doc.folded, after):
        line = doc.line_no(m.start())
        if line in used or line in seen:
            continue
        start = doc.starts[line - 1]
        before = doc.text[max(start, m.start() - 80) : m.start()]
        who = re.split(r"[.;:!?]\s", before)[-1].strip(" ,")
        if not looks_named(who):
            continue
        k = bisect.bisect_left(at, m.start())
        if k >= len(points) or points[k][1] not in index:
            continue  # after the last vote: no count depends on it
        end = doc.text.find("\n", m.start())
        text = doc.text[start : end if end >= 0 else len(doc.text)].strip()[:200]
        if understood_move(text):  # read, and used or left on purpose ("no news")
            continue
        seen.add(line)
        note = item_note("MOVE_NOT_READ", Source(line=line, text=text), text=text)
        out.append(attrs.evolve(note, items=tuple(agenda[index[points[k][1]] :])))
    return out
