"""The reading, end to end: sections, agenda, members, attendance, proxies, tallies, checks."""

from __future__ import annotations

import datetime
import re

import attrs

from quorum.exceptions import SessionFileError
from quorum.findings import N_, Finding, Message, Source
from quorum.model import Headcount, Proxy, Session
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._build import (
    Builder,
    W,
    apply_entries,
    apply_proxies,
    make_date,
    mention_member,
    president,
    register_entries,
)
from quorum.parse._clock import apply_clock, clock_events, snapshots
from quorum.parse._counts import count_lines_end, read_counts
from quorum.parse._grid import read_grid
from quorum.parse._item_notes import item_note
from quorum.parse._items import Event, Items, read_items
from quorum.parse._lexicon import correct_place
from quorum.parse._lists import Lists, Mention
from quorum.parse._move_net import unread_moves
from quorum.parse._names import read_names
from quorum.parse._reading import cross_check, reading, sanity
from quorum.parse._sections import read_lists
from quorum.parse._tallies import HEAD_LIMIT, build_tallies, read_totals
from quorum.parse._text import Doc
from quorum.parse._votes import looks_named

_HEADERS = "'Etaient présents', 'Présents', 'Etaient absents', 'Absents excusés'"


def build_session(text: str) -> Session:
    doc = Doc(text)
    if not doc.text.strip():
        raise SessionFileError("the minutes are empty")
    lists = read_lists(doc)
    if not lists.entries and (grid := read_grid(doc, text)) is not None:
        lists = grid  # a table of ticks: "| Conseillers | Présent | Absent | Pouvoir à |"
    counted = None if lists.entries else read_counts(doc)
    if not lists.entries and counted is None:
        raise SessionFileError(
            f"no member list found (looked for {_HEADERS}, ...) and no counts of the "
            "members present ('27 conseillers étaient présents ou représentés (07 procurations)')"
        )
    head_end = count_lines_end(doc, max(lists.ends)) if lists.ends else 0
    if counted is not None and counted.source.line is not None:
        head_end = max(head_end, doc.starts[min(counted.source.line, len(doc.starts) - 1)])
    read, agenda_notes = _agenda(doc, lists, head_end)
    heads = read.heads
    b = Builder(read.agenda)
    b.notes += agenda_notes
    if counted is not None:
        b.counted_present, b.counted_text = counted.present, counted.names
    ids = register_entries(b, lists.entries)
    if counted is None and (m := P.PRESIDENCY.search(doc.folded[: lists.first_header or 0])):
        said = re.split(r"[.:;]", doc.folded[m.end("who") : m.end("who") + 80])[0]
        president(
            b,
            doc.text[m.start("who") : m.end("who")],
            Source(line=doc.line_no(m.start()), text=doc.text[m.start() : m.end()]),
            deputy=bool(
                V.DEPUTY.search(doc.folded[m.start("who") : m.end("who")] + said)
                or V.CHAIR_ELECTED.search(doc.folded)
            ),
            add=m.group("civ") is not None,
        )
    apply_entries(b, lists, ids)
    apply_proxies(b, lists)
    for sec in lists.secretary:
        if not b.resolver.find(sec.name):
            b.say("SECRETARY_NOT_MEMBER", sec.source, name=sec.name.display)
    apply_clock(b, lists, doc, head_end, read.points, snapshot=read.snapshots)
    told: dict[Source, list[str]] = {}  # one note a sentence, naming everyone it moves
    for mv in lists.moves:
        found = b.resolver.find(mv.who.name)
        if mv.item is not None and len(found) == 1 and mv.item in b.pos:
            b.move(found[0], b.pos[mv.item], +1, mv.source)  # "Arrivée de X au point 2."
            continue
        if not mv.at_time:  # a move at a clock time is placed (or said) by apply_clock
            told.setdefault(mv.source, []).extend(found[:1])
    for src, mids in told.items():
        b.say("MOVE_NOT_PLACED", src, members=tuple(mids), text=src.text or "")
    for u in lists.unread:
        b.say("UNREAD_TEXT", u.source, why=u.why, text=u.source.text or "")
    votes, events, absts = read.votes, read.events, read.absts
    _blocks_and_events(b, lists, events)
    moved = [
        *(ev.source for ev in events),
        *(nv.source for nv in absts),
        *(mv.source for mv in lists.moves),
        *(src for _, src in lists.clock),
        *(w.source for blk in lists.blocks for w in (*blk.arrivals, *blk.departures)),
    ]
    b.notes += unread_moves(doc, head_end, moved, read.points, b.agenda)
    totals = read_totals(doc, lists, heads[0].pos if heads else HEAD_LIMIT)
    tallies, withdrawals = build_tallies(b, votes, lists, absts, totals)
    stretches = b.stretches()
    in_office = _in_office(doc)
    sanity(b, lists, in_office, counts_only=counted is not None)
    headcounts: tuple[Headcount, ...] = ()
    if counted is not None:
        headcounts = (
            Headcount(
                present=counted.present - len(b.named_in_count),
                represented=counted.represented,
                absent=counted.absent,
                source=counted.source,
            ),
        )
        in_office = in_office or counted.office
        b.say(
            "COUNTS_ONLY",
            counted.source,
            text=counted.source.text or "",
            present=counted.present,
            represented=counted.represented,
        )
    cross_check(b, stretches, totals.present, totals.voters, totals.source)
    session = Session(
        agenda=tuple(b.agenda),
        members=tuple(b.members),
        attendance=tuple(stretches),
        proxies=tuple(b.proxies),
        tallies=tuple(tallies),
        body=_body(doc),
        date=_date(doc),
        rules=None,  # chosen from the body and the date, as for a session file
        members_in_office=in_office,
        withdrawals=tuple(withdrawals),
        headcounts=headcounts,
        notes=(),
    )
    if in_office is None:
        basis = (
            Message(N_("the counts printed (present + represented + absent)"))
            if counted is not None
            else Message(
                N_(
                    "the {count} named members (a titular and the substitute sitting for him "
                    "share one seat)"
                ),
                {"count": len(b.members)},
            )
        )
        b.say("MEMBERS_IN_OFFICE_INFERRED", None, seats=session.seats, basis=basis)
    return attrs.evolve(
        session,
        members_in_office=in_office,
        notes=tuple(b.notes),
        reading=reading(b, session.agenda),
    )


def _agenda(doc: Doc, lists: Lists, after: int) -> tuple[Items, list[Finding]]:
    notes: list[Finding] = []
    passage: list[str] = []
    for label, src in lists.passage:
        if label in passage:
            notes.append(
                Finding(
                    code="ITEM_LISTED_TWICE",
                    severity=W,
                    source=src,
                    template=N_("item '{label}' appears twice in the order of passage"),
                    params={"label": label},
                )
            )
        else:
            passage.append(label)
    read = read_items(doc, passage, after)
    notes += read.notes
    clock, _ = clock_events(lists)
    if not read.agenda and clock:
        read.agenda, read.snapshots = snapshots(clock), True
        labels = ", ".join(f"'{x}'" for x in read.agenda)
        notes.append(item_note("ATTENDANCE_SNAPSHOTS", None, labels=labels))
    if not read.agenda:
        read.agenda = ["1"]
        notes.append(
            Finding(
                code="AGENDA_NOT_FOUND",
                severity=W,
                template=N_(
                    "no item heading, no vote and no order of passage were found: the session is "
                    "read as one item '1'"
                ),
            )
        )
    return read, notes


def _blocks_and_events(b: Builder, lists: Lists, events: list[Event]) -> None:
    for blk in lists.blocks:
        p = b.label_pos(blk.first, blk.source)
        if p is None:
            continue
        for who in blk.arrivals:
            mid = mention_member(b, who, N_("arriving member"), present=False)
            if mid is not None:
                b.move(mid, p, +1, who.source)
        for who in blk.departures:
            mid = mention_member(b, who, N_("leaving member"), present=False)
            if mid is not None and p > 0:
                b.move(mid, p - 1, -1, who.source)
    for ev in events:
        if (chair := b.chair_for(ev.who)) is not None:
            _move(b, ev, chair)
            _proxy_on_leaving(b, ev, chair)
            continue
        names, bad = read_names(ev.who)
        if bad or not names:
            b.say("NAME_UNREADABLE", ev.source, text=ev.who)
            continue
        # an event inside an item adds no member; in counts-only minutes, one who leaves is one
        # of the members counted present
        if not b.resolver.find(names[0]) and not (
            ev.kind == "leave" and b.of_the_count(names[0], ev.source, N_("leaving"))
        ):
            if looks_named(ev.who):  # a person the lists do not know: the counts may be wrong
                after = b.agenda[b.pos[ev.item] :] if ev.item in b.pos else b.agenda
                note = item_note("EVENT_WHO_UNKNOWN", ev.source, who=names[0].display)
                b.notes.append(attrs.evolve(note, items=tuple(after)))
            else:  # prose that only looks like an arrival ("… est arrivée cette proposition")
                b.notes.append(item_note("EVENT_NOT_A_PERSON", ev.source, who=ev.who))
            continue
        mid = mention_member(
            b,
            Mention(names[0], ev.source),
            N_("arriving member") if ev.kind == "arrive" else N_("leaving member"),
            present=False,
        )
        if mid is not None:
            _move(b, ev, mid)
            _proxy_on_leaving(b, ev, mid)


def _proxy_on_leaving(b: Builder, ev: Event, giver: str) -> None:
    """ "M. X quitte la séance et donne pouvoir à M. Y": a proxy from the item he leaves at; a
    holder not found makes the items from there uncertain (their counts are not asserted)."""
    if ev.holder is None or ev.item not in b.pos:
        return
    holder = b.chair_for(ev.holder)
    if holder is None:
        names, bad = read_names(ev.holder)
        found = b.resolver.find(names[0]) if names and not bad else []
        holder = found[0] if len(found) == 1 else None
    if holder is None or holder == giver:
        after = b.agenda[b.pos[ev.item] :]
        note = item_note("EVENT_WHO_UNKNOWN", ev.source, who=ev.holder)
        b.notes.append(attrs.evolve(note, items=tuple(after)))
        return
    b.proxies.append(Proxy(giver=giver, holder=holder, from_item=ev.item, source=ev.source))


def _move(b: Builder, ev: Event, mid: str) -> None:
    """A member's arrival or departure read inside an item."""
    p = b.pos[ev.item]
    if ev.kind == "arrive":
        if not any(x[0] == p and x[1] > 0 for x in b.moves.get(mid, [])):
            b.move(mid, p, +1, ev.source)
    elif p > 0:
        b.move(mid, p - 1, -1, ev.source)
    else:  # gone before the first vote: not present from the start
        b.initially.pop(mid, None)


def _in_office(doc: Doc) -> int | None:
    m = P.IN_OFFICE.search(doc.folded[:20_000])
    if not m:
        return None
    value = int(m.group("n") or m.group("m"))
    return value if value > 0 else None


def _date(doc: Doc) -> datetime.date | None:
    head = doc.folded[:20_000]
    found = [(m.start(), m) for m in P.DATE.finditer(head)]
    found.sort(key=lambda t: (t[1].group("wd") is None, t[0]))
    for _, m in found:
        d = make_date(m.group("d"), P.MONTHS.index(m.group("m")) + 1, m.group("y"))
        if d:
            return d
    return None


def _body(doc: Doc) -> str | None:
    head = doc.folded[:5_000]
    m = V.BODY.search(head)
    if not m:
        a = V.ACRONYM.search(head)
        return f"{V.BODY_ACRONYMS[a.group('a')]} ({doc.text[a.start() : a.end()]})" if a else None
    body = doc.text[m.start() : m.end()]
    body = body[0].upper() + body[1:]
    for pat in (
        r"president(?:e)? (?:de|du) (?P<x>[^\n,.]{3,60})",
        r"(?:commune|ville) de (?P<x>[^\n,.(]{2,40})",
    ):
        x = next(
            (x for x in re.finditer(pat, head) if not V.NOT_A_PLACE.match(x.group("x"))), None
        )
        if x:
            place = doc.text[x.start("x") : x.end("x")].strip()
            words = [correct_place(w) for w in V.place_words(place.split(" "))]
            return f"{body} de {' '.join(words)}"
    return body
