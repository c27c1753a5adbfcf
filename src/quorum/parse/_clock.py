"""Arrivals, departures and proxies given at a clock time, placed on items only when the minutes
time their items; without items, snapshots of the attendance.

The attendance side hands over what it read at a clock time as ``Lists.clock`` (a member and the
source whose text holds the time and the verb: "arrivé à 19 h 49"), as moves with a clock time
(``Lists.moves``, when its lists carry them: kind, member, ``at_time`` "20:50", source), and as
proxies whose text holds a clock time ("pouvoir à M. Y à partir de 10 H 50"). This module
turns them into :class:`ClockEvent` (kind, member, minutes since midnight) and places each:

- **timed items**: the times written in the text after the attendance ("à 10 h 35", "Il est
  21 heures", "10h35 :" opening a line), when they never go back, pin an event between two of
  them: it affects every vote after the later time and none before the earlier one; a vote
  between the two is unsure (``CLOCK_TIME_BETWEEN_VOTES``: its counts are not asserted);
- **no items at all** (an attendance snapshot only): the attendance at the opening is one
  snapshot and each clock time at which the attendance changes starts another, labelled "à
  partir de 10 h 50";
- otherwise (items without any time, times that go back): not placed, and
  ``CLOCK_TIME_NOT_PLACED`` says so (never a guess).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import attrs

from quorum.findings import Source
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._build import Builder
from quorum.parse._item_notes import item_note
from quorum.parse._lists import Lists, Mention
from quorum.parse._text import Doc, fold

AFTER_THE_LAST = ""
"""What :func:`place` gives for an event after every vote (it changes no item)."""
OPENING = "ouverture"
"""The label of the first snapshot (the attendance at the opening) in minutes without items."""


@dataclass(frozen=True)
class ClockEvent:
    """A member arriving (``"arrive"``), leaving (``"leave"``), or whose proxy to ``holder``
    starts (``"proxy-from"``: the giver, present until then, leaves) at ``at`` minutes."""

    kind: str
    who: Mention
    at: int
    source: Source
    holder: Mention | None = None


def clock_minutes(folded: str) -> int | None:
    """Minutes since midnight of the first clock time in a folded text ("10 h 50" -> 650)."""
    m = P.CLOCK.search(folded)
    if m is None:
        return None
    h, mm = int(m.group("h")), int(m.group("m") or 0)
    return h * 60 + mm if h <= 23 else None


def label(at: int) -> str:
    """The label of the snapshot that starts at ``at``: "à partir de 10 h 50"."""
    return f"à partir de {at // 60} h {at % 60:02d}"


def clock_events(lists: Lists) -> tuple[list[ClockEvent], list[tuple[Mention, Source]]]:
    """The clock-time facts of the lists as events, and those whose meaning was not read."""
    status = {id(e.who): e.status for e in lists.entries}
    events: list[ClockEvent] = []
    unread: list[tuple[Mention, Source]] = []
    for who, src in lists.clock:
        f = fold(src.text or "")
        at = clock_minutes(f)
        kind = None
        if V.CLOCK_LEAVE.search(f):
            kind = "leave"
        elif V.CLOCK_ARRIVE.search(f):
            kind = "arrive"
        elif (until := bool(V.CLOCK_UNTIL.search(f))) or V.CLOCK_FROM.search(f):
            # in the present list, "jusqu'à 11 h" is a departure and "à partir de 11 h" an
            # arrival; in an absent or represented list, the other way round
            present = status.get(id(who), "present") == "present"
            kind = "leave" if until == present else "arrive"
        if at is None or kind is None:
            unread.append((who, src))
        else:
            events.append(ClockEvent(kind, who, at, src))
    # the attendance side's moves with a clock time ("Départ de X à 20H50": kind, who,
    # at_time "20:50", source), when its lists carry them
    for mv in getattr(lists, "moves", ()):
        if mv.at_time is not None and mv.kind in ("arrive", "leave"):
            h, _, m = str(mv.at_time).partition(":")
            events.append(ClockEvent(mv.kind, mv.who, int(h) * 60 + int(m or 0), mv.source))
    proxies = [(e.who, e.proxy_to) for e in lists.entries if e.proxy_to is not None]
    proxies += [(px.giver, px.holder) for px in lists.proxies]
    for giver, holder in proxies:
        src = holder.source
        f = fold(src.text or "")
        if not P.CLOCK.search(f):
            continue
        at = clock_minutes(f)
        if at is not None and V.CLOCK_FROM.search(f) and not V.CLOCK_UNTIL.search(f):
            events.append(ClockEvent("proxy-from", giver, at, src, holder))
        else:
            unread.append((giver, src))
    return events, unread


def stamps(doc: Doc, after: int) -> list[tuple[int, int]]:
    """``(position, minutes)`` of the times written after ``after``; empty when they go back
    (a time that is not the session's: the items are then not timed)."""
    out: list[tuple[int, int]] = []
    for no in range(doc.line_no(after), len(doc.starts) + 1):
        a = doc.starts[no - 1]
        z = doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text)
        if z <= after or z - a > 2000:
            continue
        for m in V.TIME_STAMP.finditer(doc.folded, max(a, after), z):
            h, mm = int(m.group("h")), int(m.group("m") or 0)
            if h > 23 or V.TIME_RANGE_END.search(doc.folded, max(0, m.start() - 12), m.start()):
                continue
            at = h * 60 + mm
            if out and at < out[-1][1]:
                return []
            out.append((m.start(), at))
    return out


def place(
    at: int, times: list[tuple[int, int]], points: list[tuple[int, str]]
) -> tuple[str, tuple[str, ...]] | None:
    """Where an event at ``at`` falls among the votes: ``(first item it affects, items it may
    or may not affect)``; the first is ``AFTER_THE_LAST`` when no vote is surely after it. None
    when the minutes carry no time or no vote. ``times``: the stamps ``(position, minutes)``;
    ``points``: ``(position of its vote, label)``, both sorted by position.

    A vote is surely before the event when a time written after it is at most the event's, and
    surely after when a time written before it is at least the event's; the votes between are
    unsure (the event was during their debate: before or after their vote is not written)."""
    if not times or not points:
        return None
    values = [t for _, t in times]
    i = bisect.bisect_left(values, at)
    hi = times[i][0] if i < len(times) else None  # the first time at or after the event
    j = bisect.bisect_right(values, at)
    lo = times[j - 1][0] if j > 0 else -1  # the last time at or before it
    at_pos = [p for p, _ in points]
    before = bisect.bisect_left(at_pos, lo)  # votes before the last time at or before it
    after = len(points) if hi is None else bisect.bisect_left(at_pos, hi)
    first, last = min(before, after), max(before, after)
    unsure = tuple(lab for _, lab in points[first:last])
    return (points[last][1] if last < len(points) else AFTER_THE_LAST), unsure


def snapshots(events: list[ClockEvent]) -> list[str]:
    """The agenda of minutes without items: the opening, then one snapshot per clock time."""
    return [OPENING, *(label(at) for at in sorted({e.at for e in events}))]


def times_text(times: list[tuple[int, int]]) -> str:
    return ", ".join(f"{t // 60} h {t % 60:02d}" for _, t in times)


def apply_clock(b: Builder, lists: Lists, doc: Doc, after: int, points: list[tuple[int, str]],
                snapshot: bool) -> None:  # fmt: skip
    """Each clock-time fact of the lists placed (moves and proxy starts) or said not placed."""
    events, unread = clock_events(lists)
    times = [] if snapshot else stamps(doc, after)
    for ev in events:
        found = b.resolver.find(ev.who.name)
        where = (label(ev.at), ()) if snapshot else place(ev.at, times, points)
        if where is None or len(found) != 1:
            unread.append((ev.who, ev.source))
            continue
        lab, unsure = where
        if unsure:
            b.notes.append(item_note("CLOCK_TIME_BETWEEN_VOTES", ev.source, items=unsure,
                                     members=tuple(found), text=ev.source.text or ""))  # fmt: skip
        if lab == AFTER_THE_LAST:
            continue
        mid, p = found[0], b.pos[lab]
        if ev.kind == "arrive":
            b.move(mid, p, +1, ev.source)
            continue
        if p > 0 and (ev.kind == "leave" or mid in b.initially):
            b.move(mid, p - 1, -1, ev.source)  # gone from that item on
        if ev.kind == "proxy-from":
            for k, px in enumerate(b.proxies):
                if px.giver == mid and px.from_item is None and p > 0:
                    b.proxies[k] = attrs.evolve(px, from_item=lab)
    told: dict[Source, list[str]] = {}  # one note a sentence, naming everyone it moves
    for who, src in unread:
        told.setdefault(src, []).extend(b.resolver.find(who.name)[:1])
    for src, ids in told.items():
        b.say("CLOCK_TIME_NOT_PLACED", src, members=tuple(ids), text=src.text or "")
