"""From the votes read under the headings to tallies and withdrawals: second votes under one
heading, per-range blocks, members who take no part in a vote, and the session totals printed
before the items ("Conseillers en exercice : 33 - Présents : 29 - Votants : 33").
"""

from __future__ import annotations

from dataclasses import dataclass

from quorum.findings import N_, Source
from quorum.model import Tally, Withdrawal
from quorum.parse import _patterns as P
from quorum.parse._build import Builder
from quorum.parse._item_notes import item_note
from quorum.parse._lists import Lists, Mention
from quorum.parse._names import read_names
from quorum.parse._text import Doc
from quorum.parse._votes import NotVoting, Vote, blank

HEAD_LIMIT = 20_000
"""Without item headings, session totals are looked for in this many first characters."""
_COUNTED = ("pour", "contre", "abstention", "blank", "blank_only", "null")


@dataclass
class Totals:
    """Totals printed for the whole session, before the items."""

    present: int | None = None
    voters: int | None = None
    source: Source | None = None


def read_totals(doc: Doc, lists: Lists, limit: int) -> Totals:
    """The first "Présents : n" and "Votants : n" before ``limit``, outside per-range blocks."""
    out = Totals()
    blocks = [(a, z) for a, z, kind in lists.sections if kind == "block"]
    for m in P.TOTALS.finditer(doc.folded, 0, min(limit, len(doc.folded))):
        if any(a <= m.start() < z for a, z in blocks):
            continue
        key = "present" if m.group("what").startswith("present") else "voters"
        if getattr(out, key) is None:
            setattr(out, key, int(m.group("n")))
            if out.source is None:
                no = doc.line_no(m.start())
                out.source = Source(line=no, text=doc.line(no)[:200])
    return out


def build_tallies(
    b: Builder, votes: list[Vote], lists: Lists, absts: list[NotVoting], totals: Totals
) -> tuple[list[Tally], list[Withdrawal]]:
    """Tallies in the order of passage, and the withdrawals of interested members."""
    recs: dict[str, Vote] = {}
    later: dict[str, int] = {}  # item -> the n of its last "(n)" label (linear, not a search)
    for v in votes:
        label = v.item
        n = later.get(v.item, 1) + 1 if label in recs else 2
        if label in recs:
            label = f"{v.item} ({n})"
            later[v.item] = n
            n += 1
        if label != v.item:
            b.agenda.insert(b.agenda.index(v.item if n == 3 else f"{v.item} ({n - 2})") + 1, label)
            b.notes.append(
                item_note(
                    "SECOND_VOTE_IN_ITEM", v.source, items=(label,), item=v.item, label=label
                )
            )
        recs[label] = v
    b.pos = {lab: i for i, lab in enumerate(b.agenda)}
    for blk in lists.blocks:
        first = b.pos.get(blk.first)
        if first is None:
            continue
        last = len(b.agenda) - 1 if blk.last is None else b.pos.get(blk.last, first)
        for label in b.agenda[first : last + 1]:
            _give(recs.setdefault(label, Vote(label, blk.source)), blk.present, blk.voters)
    withdrawals = _not_voting(b, recs, absts)
    _apply_totals(b, recs, lists, totals, {w.from_item for w in withdrawals})
    rank = {lab: i for i, lab in enumerate(b.agenda)}
    return [tally(lab, recs[lab]) for lab in sorted(recs, key=lambda x: rank[x])], withdrawals


def _not_voting(b: Builder, recs: dict[str, Vote], absts: list[NotVoting]) -> list[Withdrawal]:
    """Interested members withdraw for the item; the others count in npv when none is printed."""
    out: list[Withdrawal] = []
    seen: set[tuple[str, str]] = set()
    mere: dict[str, int] = {}
    for nv in absts:
        if not nv.interest:
            mere[nv.item] = mere.get(nv.item, 0) + max(len(nv.names), 1)
            continue
        if not nv.names:
            b.say("INTERESTED_NOT_NAMED", nv.source)
        for text in nv.names:
            mid = _resolve(b, text, nv.source)
            if mid is not None and (mid, nv.item) not in seen:
                seen.add((mid, nv.item))
                out.append(
                    Withdrawal(
                        member=mid,
                        from_item=nv.item,
                        until_item=nv.item,
                        reason="interest",
                        source=nv.source,
                    )
                )
    for item, n in mere.items():
        v = recs.get(item)
        if v is not None and "npv" not in v.counts and any(k in v.counts for k in _COUNTED):
            v.counts["npv"] = n
    return out


def _resolve(b: Builder, text: str, source: Source) -> str | None:
    if (chair := b.chair_for(text)) is not None:
        return chair
    names, bad = read_names(text)
    if bad or not names:
        b.say("NAME_UNREADABLE", source, text=text)
        return None
    mention = Mention(names[0], source)
    if not b.resolver.find(mention.name):
        if (
            mid := b.of_the_count(mention.name, source, N_("withdrawing from a vote"))
        ) is not None:
            return mid
        b.say("NAME_UNRESOLVED", source, what=N_("member not voting"), name=mention.name.display)
        return None
    return b.resolve(mention, N_("member not voting"))


def _apply_totals(
    b: Builder, recs: dict[str, Vote], lists: Lists, totals: Totals, withdrawn: set[str | None]
) -> None:
    """Session totals give present/voters to every item without its own (see docs/parsing.md)."""
    if totals.present is None and totals.voters is None:
        return
    needing = [
        lab
        for lab in b.agenda
        if lab not in withdrawn
        and (
            lab not in recs
            or (totals.present is not None and "present" not in recs[lab].counts)
            or (totals.voters is not None and "voters" not in recs[lab].counts)
        )
    ]
    if not needing:
        return
    ranged = any(p.from_item is not None or p.until_item is not None for p in b.proxies)
    if b.moves or lists.clock or ranged:
        b.say("SESSION_TOTALS_NOT_APPLIED", totals.source)
        return
    assert totals.source is not None
    for lab in needing:
        _give(recs.setdefault(lab, Vote(lab, totals.source)), totals.present, totals.voters)


def _give(v: Vote, present: int | None, voters: int | None) -> None:
    """Present and voters counts printed for a range or the session, where the vote has none."""
    if present is not None:
        v.counts.setdefault("present", present)
    if voters is not None:
        v.counts.setdefault("voters", voters)


def tally(item: str, v: Vote) -> Tally:
    c = v.counts
    return Tally(
        item=item,
        pour=c.get("pour"),
        contre=c.get("contre"),
        abstention=c.get("abstention"),
        npv=c.get("npv"),
        interested=c.get("interested"),
        blank=blank(c),
        present=c.get("present"),
        voters=c.get("voters"),
        unanimous=v.unanimous,
        secret=v.secret,
        outcome=v.outcome,
        source=v.source,
    )
