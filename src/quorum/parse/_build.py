"""From what was read to a valid :class:`~quorum.model.Session`, with every doubt as a finding.

Name resolution happens here, in one place: each mention is matched to the one member it can be;
an ambiguous or unknown mention is reported, never guessed.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import attrs

from quorum.findings import N_, Finding, Message, Severity, Source
from quorum.model import Member, Proxy, Role, Stretch
from quorum.parse import _itemwords as V
from quorum.parse._lexicon import correct_place
from quorum.parse._lists import Bound, Entry, Lists, Mention
from quorum.parse._names import Name, Resolver, read_names
from quorum.parse._notes import PHRASES, reader_note
from quorum.parse._text import fold

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO


class Builder:
    """Collects members, attendance, proxies and findings, keeping every id and label valid."""

    def __init__(self, agenda: list[str]) -> None:
        self.agenda = agenda
        self.pos = {label: i for i, label in enumerate(agenda)}
        self.members: list[Member] = []
        self.by_id: dict[str, Member] = {}
        self.resolver = Resolver()
        self.notes: list[Finding] = []
        # member id -> list of (position, +1 arrive / -1 leave-after, source)
        self.moves: dict[str, list[tuple[int, int, Source | None]]] = {}
        self.initially: dict[str, Source | None] = {}
        self.proxies: list[Proxy] = []
        # counts-only minutes: the printed present count, its text, and the members the items
        # name who are of that count (see ``of_the_count``)
        self.counted_present: int | None = None
        self.counted_text = ""
        self.named_in_count: list[str] = []
        self.chair: str | None = None  # who "le Maire" stands for, when the minutes say

    # --- findings ---------------------------------------------------------------------------

    def say(self, code: str, source: Source | None = None, **kw: Any) -> None:
        """A note from the table of ``_notes`` (code, then ``reader_note``'s keywords). The
        parameters that are English phrases of the reader (``PHRASES``: marked ``N_`` where they
        are written) become :class:`~quorum.findings.Message` so that they are rendered in the
        report's language."""
        for key in PHRASES:
            if isinstance(kw.get(key), str):
                kw[key] = Message(kw[key])
        self.notes.append(reader_note(code, source, **kw))

    # --- members ----------------------------------------------------------------------------

    def add_member(
        self,
        name: Name,
        group: str | None,
        source: Source | None,
        *,
        substitute: bool = False,
        substitute_for: str | None = None,
    ) -> str:
        base = name.slug
        mid, n = base, 2
        while mid in self.by_id:
            mid, n = f"{base}-{n}", n + 1
        member = Member(
            id=mid,
            name=name.display,
            group=correct_place(group) if group else None,
            role=Role.SUBSTITUTE if substitute else Role.TITULAR,
            substitute_for=substitute_for,
            source=source,
        )
        self.members.append(member)
        self.by_id[mid] = member
        self.resolver.add(mid, name)
        return mid

    def resolve(self, mention: Mention, what: str) -> str | None:
        """The id of the one member a mention can be; a finding otherwise."""
        ids = self.resolver.find(mention.name)
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            self.say(
                "NAME_AMBIGUOUS",
                mention.source,
                members=tuple(ids),
                what=what,
                name=mention.name.display,
                names=", ".join(self.by_id[i].name for i in ids),
            )
        return None

    def chair_for(self, text: str) -> str | None:
        """The chair's id when ``text`` is only a chair's title ("Monsieur le Maire") and the
        minutes named the chair; ``None`` otherwise (the mention is then resolved as a name)."""
        if self.chair is not None and V.CHAIR.fullmatch(fold(text).strip(" .,;")):
            return self.chair
        return None

    def of_the_count(self, name: Name, source: Source | None, what: str) -> str | None:
        """Counts-only minutes: a member the items name as withdrawing or leaving sat, so he is
        one of the members counted present. He becomes a named member present from the start,
        and the headcount's present drops by one (``named_in_count``): no member is added to the
        count. ``None`` (the caller keeps its warning) with member lists, for a name that is not
        a full one, one the counts sentence names (an absent member, a proxy giver), or when
        every member counted present is already named."""
        if self.counted_present is None or not (name.first and name.last):
            return None
        if len(self.named_in_count) >= self.counted_present:
            return None
        if re.search(rf"\b{re.escape(fold(name.last))}\b", self.counted_text):
            return None
        mid = self.add_member(name, None, source)
        self.present_from_start(mid, source)
        self.named_in_count.append(mid)
        self.say("MEMBER_NAMED_IN_COUNT", source, members=(mid,), name=name.display, what=what)
        return mid

    def set_substitute(self, mid: str, titular: str) -> None:
        m = self.by_id[mid]
        if titular == mid or self.by_id[titular].role is not Role.TITULAR:
            return
        new = attrs.evolve(m, role=Role.SUBSTITUTE, substitute_for=titular)
        self.by_id[mid] = new
        self.members = [new if x.id == mid else x for x in self.members]

    # --- attendance -------------------------------------------------------------------------

    def label_pos(self, label: str, source: Source | None) -> int | None:
        if label in self.pos:
            return self.pos[label]
        self.say("ITEM_UNKNOWN", source, label=label)
        return None

    def present_from_start(self, mid: str, source: Source | None) -> None:
        self.initially.setdefault(mid, source)

    def move(self, mid: str, position: int, step: int, source: Source | None) -> None:
        self.moves.setdefault(mid, []).append((position, step, source))

    def bound(self, mid: str, b: Bound) -> None:
        """A range phrase on a list entry: the member's presence starts or ends there."""
        p = self.label_pos(b.label, b.source)
        if p is None:
            return
        if b.kind == "from":
            self.move(mid, p, +1, b.source)
        elif b.kind == "until" or b.kind == "after":
            self.move(mid, p, -1, b.source)
        elif b.kind == "before":
            if p == 0:
                self.say("RANGE_EMPTY", b.source, members=(mid,))
            else:
                self.move(mid, p - 1, -1, b.source)

    def stretches(self) -> list[Stretch]:
        """Stretches from the initial presence and the arrivals/departures, in member order."""
        out: list[Stretch] = []
        last = len(self.agenda) - 1
        for m in self.members:
            moves = sorted(self.moves.get(m.id, []), key=lambda t: (t[0], -t[1]))
            here = m.id in self.initially and not (moves and moves[0][1] > 0)
            start: int | None = 0 if here else None
            src = self.initially.get(m.id)
            for p, step, s in moves:
                if step > 0 and start is None:
                    start, src = p, s
                elif step < 0 and start is not None and p >= start:
                    out.append(self._stretch(m.id, start, p, src))
                    start = None
            if start is not None and start <= last:
                out.append(self._stretch(m.id, start, last, src))
        return out

    def _stretch(self, mid: str, a: int, b: int, src: Source | None) -> Stretch:
        last = len(self.agenda) - 1
        return Stretch(
            member=mid,
            from_item=None if a == 0 else self.agenda[a],
            until_item=None if b >= last else self.agenda[b],
            source=src,
        )

    # --- proxies ----------------------------------------------------------------------------

    def add_proxy(self, giver: str, holder: str, bounds: list[Bound], source: Source) -> None:
        if giver == holder:
            self.say("PROXY_TO_SELF", source, members=(giver,))
            return
        first: int | None = None
        last: int | None = None
        for b in bounds:
            p = self.label_pos(b.label, b.source)
            if p is None:
                continue
            kind = b.kind.removeprefix("proxy-")
            if kind == "from":
                first = p
            elif kind in ("until", "after"):
                last = p
            elif kind == "before" and p > 0:
                last = p - 1
        if first is not None and last is not None and first > last:
            self.say("RANGE_REVERSED", source, members=(giver, holder))
            return
        self.proxies.append(
            Proxy(
                giver=giver,
                holder=holder,
                from_item=None if not first else self.agenda[first],
                until_item=None
                if last is None or last >= len(self.agenda) - 1
                else self.agenda[last],
                source=source,
            )
        )


def mention_member(
    b: Builder, mention: Mention, what: str, *, present: bool, quiet: bool = False
) -> str | None:
    """Resolve a mention; someone named nowhere else becomes a member, with a warning."""
    ids = b.resolver.find(mention.name)
    if len(ids) > 1:
        return b.resolve(mention, what)
    if ids:
        return ids[0]
    if not (mention.name.first and mention.name.last):
        b.say("NAME_UNRESOLVED", mention.source, what=what, name=mention.name.display)
        return None
    mid = b.add_member(mention.name, mention.group, mention.source)
    if present:
        b.present_from_start(mid, mention.source)
    if quiet:
        return mid
    b.say(
        ("HOLDER_ADDED_FROM_PROXY" if present else "MEMBER_ADDED_FROM_PROXY")
        if "proxy" in what
        else "TITULAR_ADDED"
        if what == "titular replaced"
        else "MEMBER_ADDED",
        mention.source,
        members=(mid,),
        name=mention.name.display,
        what=what,
        state=N_("counted present") if present else N_("counted absent"),
    )
    return mid


def register_entries(b: Builder, entries: list[Entry]) -> dict[int, str]:
    """Members from the present/absent lists; returns entry index → member id."""
    ids: dict[int, str] = {}
    seen: dict[str, tuple[str, Entry]] = {}
    for k, e in enumerate(entries):
        key = e.who.name.display.casefold()
        if key in seen:
            mid, first = seen[key]
            ids[k] = mid
            if (first.status == "present") != (e.status == "present"):
                b.say(
                    "PRESENT_AND_ABSENT",
                    e.who.source,
                    members=(mid,),
                    rule="CGCT art. L2121-17",
                    name=e.who.name.display,
                )
            elif not (
                first.status != "present"
                and e.status != "present"
                and (first.proxy_to is None) != (e.proxy_to is None)
            ):  # an absent member named again with the proxy he gave is one absence, not two
                b.say("MEMBER_LISTED_TWICE", e.who.source, members=(mid,), name=e.who.name.display)
            continue
        mid = b.add_member(e.who.name, e.who.group, e.who.source, substitute=e.substitute)
        seen[key] = (mid, e)
        ids[k] = mid
    return ids


def apply_entries(b: Builder, lists: Lists, ids: dict[int, str]) -> None:
    """Presence, substitutions and proxies said in the lists."""
    codes: dict[str, list[tuple[str, Entry]]] = {}
    for k, e in enumerate(lists.entries):
        mid = ids[k]
        if e.status == "present" and e.replaced_by is None:
            b.present_from_start(mid, e.who.source)
        for bound in e.bounds:
            if bound.kind.startswith("proxy-"):
                continue
            if e.status == "present":
                b.bound(mid, bound)
            else:
                b.say(
                    "RANGE_ON_ABSENT",
                    bound.source,
                    members=(mid,),
                    text=bound.source.text or "",
                )
        if e.replaced_by is not None:
            sub = mention_member(b, e.replaced_by, N_("substitute"), present=True, quiet=True)
            if sub is not None:
                b.set_substitute(sub, mid)
                b.present_from_start(sub, e.replaced_by.source)
        if e.substitute_for is not None:
            tit = mention_member(b, e.substitute_for, N_("titular replaced"), present=False)
            if tit is not None:
                b.set_substitute(mid, tit)
        if e.proxy_to is not None:
            holder = mention_member(b, e.proxy_to, N_("proxy holder"), present=True)
            if holder is not None:
                b.add_proxy(
                    mid, holder, [x for x in e.bounds if x.kind.startswith("proxy-")], e.who.source
                )
        if e.code:
            codes.setdefault(e.code, []).append((mid, e))
    for code, pair in codes.items():
        holders = [m for m, e in pair if e.status == "present"]
        givers = [m for m, e in pair if e.status != "present"]
        if len(holders) == 1 and len(givers) == 1:
            b.add_proxy(givers[0], holders[0], [], pair[0][1].who.source)
        else:
            b.say(
                "PROXY_CODE_UNMATCHED",
                pair[0][1].who.source,
                members=tuple(m for m, _ in pair),
                mark=code,
            )


def apply_proxies(b: Builder, lists: Lists) -> None:
    for px in lists.proxies:
        giver = mention_member(b, px.giver, N_("proxy giver"), present=False)
        holder = mention_member(b, px.holder, N_("proxy holder"), present=True)
        if giver is not None and holder is not None:
            b.add_proxy(giver, holder, px.bounds, px.source)


def president(
    b: Builder, who: str, source: Source, *, deputy: bool = False, add: bool = True
) -> None:
    """The chair named in the opening sentence ("Sous la présidence de …") is present (a member
    named there only is added). Unless the sentence gives him a deputy's title or the session
    elects its mayor (``deputy``: "1er adjoint, représentant le Maire"), he is the one "le Maire"
    or "le Président" stands for in the items (``Builder.chair``). With ``add`` false (no
    civility: "sous la présidence de son Maire" reads no name) only a listed member is taken."""
    who = re.split(r"\s+[-–—]\s+|,|\s+(?=(?:maire|pr[ée]sidente?)\b)", who, flags=re.I)[0]
    names, bad = read_names(who)
    if bad or not names:
        return
    mention = Mention(names[0], source)
    if ids := b.resolver.find(mention.name):
        if len(ids) == 1 and not deputy:
            b.chair = ids[0]
        return
    if not add:
        return
    mid = b.add_member(mention.name, None, source)
    if not deputy:
        b.chair = mid
    b.present_from_start(mid, source)
    b.say("MEMBER_ADDED_FROM_CHAIR", source, members=(mid,), name=mention.name.display)


def make_date(day: str, month: int, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:
        return None
