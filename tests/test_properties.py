"""Property tests: the audit against an independent brute-force reference, and invariants.

The reference (:func:`reference`) is written from scratch with plain loops, item by item, over
members and proxies; it shares no code with :mod:`quorum.timeline` or :mod:`quorum.audit`. It
encodes the rules as the design states them:

* presence: a member is physically there at an item if one of his stretches covers it. Under
  ``fr-municipal`` a substitute is never counted; elsewhere a substitute sitting for ``T`` counts
  only where ``T`` is not there and no substitute listed before him for ``T`` is counted (a seat
  votes once; a substitute for nobody counts where he is);
* a titular's seat is occupied where he is there or one of his substitutes is counted;
* a proxy is a candidate at an item where it is in force, its giver is no substitute, the giver's
  seat is empty and the holder counted present; then one proxy per giver (earliest in the
  session's order), then at most one per holder under the ``fr-*`` rule sets (earliest first);
* quorum: ``in_office // 2 + 1`` present members, proxies not counted; where a tally counts
  interested members without naming them, they do not count toward quorum (legal rules §4).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

import quorum
from fuzzing import check_session
from quorum import Member, Proxy, Role, Session, Stretch, Tally, audit
from quorum import timeline as tl
from quorum.io import read_session, write_session
from quorum.model import TALLY_COUNTS
from quorum.rulesets import get_rules
from quorum.sessionfile import dumps, loads, session_from_dict, session_to_dict
from strategies import (
    LENGTH,
    RULE_NAMES,
    crowded_seats,
    decimal_weights,
    item_range,
    raw_spans,
    rich_sessions,
    sessions,
    span_sets,
    weighted_sessions,
)

# --- the brute-force reference ------------------------------------------------------------------

PER_HOLDER = {"fr-municipal": 1, "fr-epci": 1, "plain": None}
SUBSTITUTES_SIT = {"fr-municipal": False, "fr-epci": True, "plain": True}


@attrs.frozen
class RefItem:
    """What the reference computes for one item."""

    label: str
    present: tuple[str, ...]  # member ids, in the session's order of members
    proxies: tuple[tuple[str, str], ...]  # (giver, holder), in the session's order of proxies
    present_count: int
    proxy_count: int
    voters: int
    vote_weight: Any
    required: int
    quorum_counted: int  # present, less the interested members a tally counts without naming
    candidates: tuple[int, ...]  # proxy indexes usable before the per-giver/holder limits
    binding: bool  # a giver or holder has two candidates here (the tie-break matters)


def _covers(session: Session, first: str | None, last: str | None, item: int) -> bool:
    lo = 0 if first is None else list(session.agenda).index(first)
    hi = len(session.agenda) - 1 if last is None else list(session.agenda).index(last)
    return lo <= item <= hi


def reference(session: Session, rules: str) -> list[RefItem]:
    """Every item recomputed by brute force, from the design's wording alone."""
    in_office = session.members_in_office
    if in_office is None:
        in_office = 0
        for m in session.members:
            if not (m.role is Role.SUBSTITUTE and m.substitute_for is not None):
                in_office += 1
    required = in_office // 2 + 1
    weight = {m.id: m.weight for m in session.members}
    interested = {t.item: t.interested or 0 for t in session.tallies}
    out = []
    for item, label in enumerate(session.agenda):
        there = set()
        for st_ in session.attendance:
            if _covers(session, st_.from_item, st_.until_item, item):
                there.add(st_.member)
        present = []
        seat_held: set[str] = set()  # titulars one of whose substitutes is already counted
        for m in session.members:
            if m.id not in there:
                continue
            if m.role is Role.SUBSTITUTE:
                if not SUBSTITUTES_SIT[rules]:
                    continue
                if m.substitute_for is not None and m.substitute_for in there:
                    continue
                if m.substitute_for is not None and m.substitute_for in seat_held:
                    continue  # a second substitute for the same seat: the first listed counts
                if m.substitute_for is not None:
                    seat_held.add(m.substitute_for)
            present.append(m.id)

        candidates = []
        for k, p in enumerate(session.proxies):
            if not _covers(session, p.from_item, p.until_item, item):
                continue
            if session.member(p.giver).role is Role.SUBSTITUTE:
                continue
            seat_taken = p.giver in there  # the titular himself, or one of his substitutes
            for m in session.members:
                if m.substitute_for == p.giver and m.id in present:
                    seat_taken = True
            if seat_taken or p.holder not in present:
                continue
            candidates.append(k)
        givers_done: set[str] = set()
        after_giver = []
        for k in candidates:
            if session.proxies[k].giver not in givers_done:
                givers_done.add(session.proxies[k].giver)
                after_giver.append(k)
        carried: Counter[str] = Counter()
        counted = []
        limit = PER_HOLDER[rules]
        for k in after_giver:
            holder = session.proxies[k].holder
            if limit is None or carried[holder] < limit:
                carried[holder] += 1
                counted.append(k)
        givers = Counter(session.proxies[k].giver for k in candidates)
        holders = Counter(session.proxies[k].holder for k in candidates)
        binding = any(v > 1 for v in givers.values()) or (
            limit is not None and any(v > limit for v in holders.values())
        )
        total: Any = 0
        for mid in present:
            total += weight[mid]
        for k in counted:
            total += weight[session.proxies[k].giver]
        out.append(
            RefItem(
                label=label,
                present=tuple(present),
                proxies=tuple(
                    (session.proxies[k].giver, session.proxies[k].holder) for k in counted
                ),
                present_count=len(present),
                proxy_count=len(counted),
                voters=len(present) + len(counted),
                vote_weight=total,
                required=required,
                quorum_counted=max(0, len(present) - interested.get(label, 0)),
                candidates=tuple(candidates),
                binding=binding,
            )
        )
    return out


def counts(result: quorum.Audit) -> list[tuple[object, ...]]:
    """The per-item figures that must not depend on the order of the session's lists."""
    return [
        (
            i.item,
            i.present_count,
            i.proxy_count,
            i.voters,
            i.vote_weight,
            i.quorum.required,
            i.quorum.counted,
            i.quorum.reached,
            tuple(sorted(m.id for m in i.present)),
            tuple(sorted((g.id, h.id) for g, h in i.proxies)),
        )
        for i in result.items
    ]


rule_names = st.sampled_from(RULE_NAMES)
any_session = st.one_of(sessions(), crowded_seats())

# --- (a) the audit equals the reference ---------------------------------------------------------


@given(any_session)
def test_audit_matches_brute_force(session: Session) -> None:
    """(a) Per item and under each rule set, the audit's counts, weight, quorum and member lists
    equal the brute-force reference (on any session, and on small ones crowded with substitutes
    and proxies)."""
    for rules in RULE_NAMES:
        result = audit(session, rules)
        assert [i.item for i in result.items] == list(session.agenda)
        for got, want in zip(result.items, reference(session, rules), strict=True):
            note(f"{rules} item {want.label!r}: want {want}")
            assert got.present_count == want.present_count
            assert got.proxy_count == want.proxy_count
            assert got.voters == want.voters
            assert got.vote_weight == want.vote_weight
            assert got.quorum.required == want.required
            assert got.quorum.counted == want.quorum_counted
            assert got.quorum.reached == (want.quorum_counted >= want.required)
            assert tuple(m.id for m in got.present) == want.present
            assert tuple((g.id, h.id) for g, h in got.proxies) == want.proxies


@given(sessions())
def test_tally_check_matches_brute_force(session: Session) -> None:
    """(a) A reported tally is consistent exactly when its categories add up to the voters (the
    vote weight under ``plain``) and its ``present``, ``voters`` and ``unanimous`` fit."""
    for rules in RULE_NAMES:
        result = audit(session, rules)
        ref = {r.label: r for r in reference(session, rules)}
        for item in result.items:
            t = item.tally.reported
            if t is None:
                assert item.tally.consistent is None
                assert item.item not in {x.item for x in session.tallies}
                continue
            r = ref[item.item]
            reported = [getattr(t, k) for k in TALLY_COUNTS]
            given_counts = [v for v in reported if v is not None]
            basis = r.vote_weight if rules == "plain" else r.voters
            ok = not (given_counts and sum(given_counts) != basis)
            ok = ok and (t.present is None or t.present == r.present_count)
            ok = ok and (t.voters is None or t.voters == r.voters)
            ok = ok and not (t.unanimous and (t.contre or 0) > 0)
            assert item.tally.consistent is ok


@given(any_session, rule_names, st.booleans())
def test_a_tally_that_adds_up_is_consistent(session: Session, rules: str, off: bool) -> None:
    """(a) A tally whose ``pour`` equals the voters (the vote weight under ``plain``) is
    consistent; one off by one is not."""
    basis = {
        r.label: r.vote_weight if rules == "plain" else r.voters for r in reference(session, rules)
    }
    whole = [label for label, b in basis.items() if b == int(b)]
    assume(whole)
    tallies = [Tally(item=label, pour=int(basis[label]) + off) for label in whole]
    result = audit(attrs.evolve(session, tallies=tallies), rules)
    for label in whole:
        assert result.item(label).tally.consistent is (not off)


# --- (b), (c), (d) invariants -------------------------------------------------------------------


@given(any_session, rule_names)
def test_voters_are_present_plus_proxies(session: Session, rules: str) -> None:
    """(b) voters == present_count + proxy_count, and the counts agree with the member lists."""
    for item in audit(session, rules).items:
        assert item.voters == item.present_count + item.proxy_count
        assert item.present_count == len(item.present)
        assert item.proxy_count == len(item.proxies)
        assert item.quorum.counted <= item.present_count
        if item.tally.reported is None or not item.tally.reported.interested:
            assert item.quorum.counted == item.present_count


@given(any_session, rule_names)
def test_nobody_counted_twice(session: Session, rules: str) -> None:
    """(c) No member is present twice, no counted proxy's giver is present, a giver's voice is
    cast by at most one proxy, a titular and his substitute never both count, and under the
    ``fr-*`` rule sets a holder carries at most one proxy."""
    for item in audit(session, rules).items:
        present = [m.id for m in item.present]
        assert len(present) == len(set(present))
        givers = [g.id for g, _ in item.proxies]
        assert len(givers) == len(set(givers))
        assert not set(givers) & set(present)
        seats = [m.substitute_for for m in item.present if m.substitute_for is not None]
        assert len(seats) == len(set(seats))  # one substitute at most per titular
        for m in item.present:
            if m.substitute_for is not None:
                assert m.substitute_for not in present
                assert m.substitute_for not in givers
        if rules.startswith("fr-"):
            holders = [h.id for _, h in item.proxies]
            assert len(holders) == len(set(holders))
        if rules == "fr-municipal":
            assert not any(m.is_substitute for m in item.present)


@given(any_session, rule_names)
def test_no_proxy_where_giver_present_or_holder_absent(session: Session, rules: str) -> None:
    """(d) No proxy is counted where its giver is there (or his substitute sits), where its
    holder is not counted present, where it is not in force, or when its giver is a
    substitute."""
    there: dict[int, set[str]] = {}
    for pos in range(len(session.agenda)):
        there[pos] = {
            s.member
            for s in session.attendance
            if _covers(session, s.from_item, s.until_item, pos)
        }
    for pos, item in enumerate(audit(session, rules).items):
        present = {m.id for m in item.present}
        for giver, holder in item.proxies:
            assert not giver.is_substitute
            assert giver.id not in there[pos]
            assert holder.id in present
            assert not any(m.substitute_for == giver.id for m in item.present)
            assert any(
                p.giver == giver.id
                and p.holder == holder.id
                and _covers(session, p.from_item, p.until_item, pos)
                for p in session.proxies
            )


# --- (e) order independence ---------------------------------------------------------------------


@given(any_session, st.randoms(use_true_random=False))
def test_order_of_members_and_stretches_does_not_matter(
    session: Session, rnd: random.Random
) -> None:
    """(e) Shuffling the members and the attendance stretches changes no item's figures, as
    long as the substitutes of one titular keep their order (the first listed holds the seat
    when two sit at once)."""
    members = list(session.members)
    attendance = list(session.attendance)
    rnd.shuffle(members)
    for titular in {m.substitute_for for m in members} - {None}:
        slots = [i for i, m in enumerate(members) if m.substitute_for == titular]
        in_order = [m for m in session.members if m.substitute_for == titular]
        for i, m in zip(slots, in_order, strict=True):
            members[i] = m
    rnd.shuffle(attendance)
    shuffled = attrs.evolve(session, members=members, attendance=attendance)
    for rules in RULE_NAMES:
        assert counts(audit(shuffled, rules)) == counts(audit(session, rules))


@given(any_session, st.randoms(use_true_random=False))
def test_order_of_proxies_does_not_matter_when_no_limit_binds(
    session: Session, rnd: random.Random
) -> None:
    """(e) Shuffling the proxies changes nothing under a rule set where no giver and no holder
    has two candidate proxies at one item (where one has, the earliest wins by design)."""
    proxies = list(session.proxies)
    rnd.shuffle(proxies)
    shuffled = attrs.evolve(session, proxies=proxies)
    free = [r for r in RULE_NAMES if not any(i.binding for i in reference(session, r))]
    assume(free)
    for rules in free:
        assert counts(audit(shuffled, rules)) == counts(audit(session, rules))


@given(any_session, st.randoms(use_true_random=False))
def test_earliest_proxy_wins_ties(session: Session, rnd: random.Random) -> None:
    """(e) Where a limit binds the result follows the proxies' order, as the reference says, also
    after a shuffle."""
    proxies = list(session.proxies)
    rnd.shuffle(proxies)
    shuffled = attrs.evolve(session, proxies=proxies)
    for rules in RULE_NAMES:
        ref = reference(shuffled, rules)
        for got, want in zip(audit(shuffled, rules).items, ref, strict=True):
            assert got.proxy_count == want.proxy_count
            assert got.vote_weight == want.vote_weight
            assert tuple((g.id, h.id) for g, h in got.proxies) == want.proxies


# --- (f) round trip -----------------------------------------------------------------------------


@given(sessions())
def test_round_trip_through_json_text(session: Session) -> None:
    """(f) session_from_dict(loads(dumps(session_to_dict(s)))) == s, weights staying exact."""
    back = session_from_dict(loads(dumps(session_to_dict(session))))
    assert back == session
    for a, b in zip(back.members, session.members, strict=True):
        assert a.weight == b.weight
        assert not isinstance(a.weight, float)
    assert counts(audit(back, "plain")) == counts(audit(session, "plain"))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions())
def test_round_trip_through_a_file(session: Session, tmp_path: Path) -> None:
    """(f) write_session then read_session gives an equal session (the file is overwritten on
    every example)."""
    path = tmp_path / "s.session.json"
    write_session(session, path)
    assert read_session(path) == session


@given(rich_sessions())
def test_invariants_with_withdrawals_second_calls_and_weights(session: Session) -> None:
    """(c) and (f) where the reference does not reach: withdrawals, a second convocation,
    weighted rule sets and named majorities. Under the session's rules and four others, voters
    = present + proxies, nobody counted twice, and write then read gives an equal session (the
    fuzz harness' checks)."""
    note(f"withdrawals: {session.withdrawals}; rules: {session.rules}")
    check_session(session)
    assert audit(session).item(session.agenda[0]).withdrawn_count >= 0


# --- (g) timeline against set arithmetic --------------------------------------------------------


def _set(spans: tl.Spans) -> set[int]:
    return {p for b, e in spans for p in range(b, e)}


def _canonical(spans: tl.Spans) -> bool:
    """Sorted, disjoint, non-adjacent, non-empty spans."""
    if any(b >= e for b, e in spans):
        return False
    return all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1))


@given(raw_spans)
def test_union_is_set_union(spans: list[tuple[int, int]]) -> None:
    """(g) union() of any spans is the canonical span set of the positions they cover."""
    out = tl.union(spans)
    assert _canonical(out)
    assert _set(out) == {p for b, e in spans for p in range(b, e)}
    assert list(tl.positions(out)) == sorted(_set(out))


@given(span_sets(), span_sets())
def test_intersect_and_subtract_are_set_operations(a: tl.Spans, b: tl.Spans) -> None:
    """(g) intersect() and subtract() of span sets are set intersection and difference."""
    both, rest = tl.intersect(a, b), tl.subtract(a, b)
    assert _canonical(both)
    assert _canonical(rest)
    assert _set(both) == _set(a) & _set(b)
    assert _set(rest) == _set(a) - _set(b)
    assert tl.union(both + rest) == a


@given(st.none() | st.integers(0, LENGTH - 1), st.none() | st.integers(0, LENGTH - 1))
def test_span_of_inclusive_range(first: int | None, last: int | None) -> None:
    """(g) span() is the inclusive range first..last, open ends reaching the session's ends."""
    lo = 0 if first is None else first
    hi = LENGTH - 1 if last is None else last
    assert _set(tl.span(first, last, LENGTH)) == set(range(lo, hi + 1))


@given(st.lists(st.tuples(span_sets(), decimal_weights()), max_size=8))
def test_sweep_counts_and_weighs_every_position(
    entries: list[tuple[tl.Spans, int | Decimal]],
) -> None:
    """(g) sweep() gives, per position, the entries covering it and the sum of their weights."""
    n, w = tl.sweep(LENGTH, entries)
    assert len(n) == len(w) == LENGTH
    for p in range(LENGTH):
        covering = [weight for spans, weight in entries if p in _set(spans)]
        assert n[p] == len(covering)
        assert w[p] == sum(covering)


@given(st.lists(span_sets(), max_size=8), st.none() | st.integers(1, 3))
def test_allocate_keeps_the_earliest_claims(claims: list[tl.Spans], limit: int | None) -> None:
    """(g) allocate() keeps, at each position, the ``limit`` earliest claims covering it; the
    others lose it; kept and lost partition each claim."""
    shares = tl.allocate(list(enumerate(claims)), limit)
    assert set(shares) == set(range(len(claims)))
    for p in range(LENGTH):
        covering = [k for k, spans in enumerate(claims) if p in _set(spans)]
        winners = covering if limit is None else covering[:limit]
        for k in covering:
            kept, lost = shares[k]
            assert (p in _set(kept)) == (k in winners)
            assert (p in _set(lost)) == (k not in winners)
    for k, spans in enumerate(claims):
        kept, lost = shares[k]
        assert _canonical(kept)
        assert _canonical(lost)
        assert not _set(kept) & _set(lost)
        assert _set(kept) | _set(lost) == _set(spans)


@given(st.lists(span_sets(), max_size=8), st.integers(0, LENGTH - 1))
def test_point_index_finds_what_covers_a_position(claims: list[tl.Spans], p: int) -> None:
    """(g) PointIndex.at() lists, in order, the entries covering a position."""
    index = tl.PointIndex(claims)
    assert index.at(p) == [k for k, spans in enumerate(claims) if p in _set(spans)]


# --- (h) monotonicity ---------------------------------------------------------------------------


NEWCOMER = "\0newcomer"


@st.composite
def session_and_newcomer(draw: st.DrawFn) -> tuple[Session, Session]:
    """A session, and the same session with one more titular present over some range."""
    session = draw(sessions())
    newcomer = Member(id=NEWCOMER, name="N", weight=draw(decimal_weights()))
    first, last = draw(item_range(session.agenda))
    grown = attrs.evolve(
        session,
        members=(*session.members, newcomer),
        attendance=(
            *session.attendance,
            Stretch(member=newcomer.id, from_item=first, until_item=last),
        ),
    )
    return session, grown


@given(session_and_newcomer(), rule_names)
def test_a_newcomer_never_lowers_weight_or_loses_quorum(
    pair: tuple[Session, Session], rules: str
) -> None:
    """(h) Adding a member (a new seat) never lowers the voters or the vote weight, and never
    loses quorum where he is present, though his seat raises the quorum when it is inferred
    (where he is absent, the larger quorum may be lost: that is the law)."""
    before, after = (audit(s, rules) for s in pair)
    for a, b in zip(before.items, after.items, strict=True):
        assert b.voters >= a.voters
        assert b.vote_weight >= a.vote_weight
        assert b.present_count >= a.present_count
        if NEWCOMER in {m.id for m in b.present} or pair[0].members_in_office is not None:
            assert b.quorum.reached or not a.quorum.reached


@st.composite
def session_and_arrival(draw: st.DrawFn) -> tuple[Session, Session]:
    """A session, and the same session where a titular with no substitute is present over one
    more range (he may give or hold proxies)."""
    session = draw(sessions())
    sat_for = {m.substitute_for for m in session.members}
    titulars = [m.id for m in session.members if not m.is_substitute and m.id not in sat_for]
    assume(titulars)
    who = draw(st.sampled_from(titulars))
    first, last = draw(item_range(session.agenda))
    grown = attrs.evolve(
        session,
        attendance=(*session.attendance, Stretch(member=who, from_item=first, until_item=last)),
    )
    return session, grown


@given(session_and_arrival(), rule_names)
def test_an_arrival_never_loses_quorum(pair: tuple[Session, Session], rules: str) -> None:
    """(h) A titular (with no substitute) present at more items never lowers the present count
    nor loses quorum, under every rule set."""
    before, after = (audit(s, rules) for s in pair)
    for a, b in zip(before.items, after.items, strict=True):
        assert b.present_count >= a.present_count
        assert b.quorum.reached or not a.quorum.reached


@given(session_and_arrival())
def test_an_arrival_never_lowers_weight_without_holder_limit(
    pair: tuple[Session, Session],
) -> None:
    """(h) Under ``plain`` (no per-holder limit), a titular present at more items never lowers
    the voters or the vote weight: his own voice replaces his proxy, and proxies to him become
    usable."""
    before, after = (audit(s, "plain") for s in pair)
    for a, b in zip(before.items, after.items, strict=True):
        assert b.voters >= a.voters
        assert b.vote_weight >= a.vote_weight


def test_an_arrival_can_lower_weight_under_a_holder_limit() -> None:
    """(h) Under ``fr-*`` the giver rule is applied before the holder rule (as designed), so an
    arrival can lose a giver's voice: G's earliest proxy is to X; when X arrives it wins the
    giver rule over G's proxy to Y, then loses the holder rule to P's earlier proxy to X."""
    members = [
        Member(id=i, name=i, weight=w) for i, w in (("G", 10), ("P", 1), ("X", 1), ("Y", 1))
    ]
    proxies = [
        Proxy(giver="P", holder="X"),
        Proxy(giver="G", holder="X"),
        Proxy(giver="G", holder="Y"),
    ]
    base = Session(
        agenda=["1"], members=members, attendance=[Stretch(member="Y")], proxies=proxies
    )
    arrived = attrs.evolve(base, attendance=[Stretch(member="Y"), Stretch(member="X")])
    before, after = audit(base, "fr-municipal").item("1"), audit(arrived, "fr-municipal").item("1")
    assert (before.voters, before.vote_weight) == (2, 11)  # Y, and G's proxy to Y
    assert (after.voters, after.vote_weight) == (3, 3)  # Y, X, P's proxy to X: G's voice lost
    assert [(g.id, h.id) for g, h in after.proxies] == [("P", "X")]
    for rules in ("fr-municipal", "fr-epci"):
        for got, want in zip(audit(arrived, rules).items, reference(arrived, rules), strict=True):
            assert (got.voters, got.vote_weight) == (want.voters, want.vote_weight)


# --- examples the strategies must reach ---------------------------------------------------------


def test_two_substitutes_for_one_titular() -> None:
    """A titular with two substitutes sitting at different items: his seat is occupied wherever
    either sits, so his proxy is counted at neither (the reference and the audit agree)."""
    members = [
        Member(id="T", name="T"),
        Member(id="S1", name="S1", role=Role.SUBSTITUTE, substitute_for="T"),
        Member(id="S2", name="S2", role=Role.SUBSTITUTE, substitute_for="T"),
        Member(id="H", name="H"),
    ]
    session = Session(
        agenda=["1", "2"],
        members=members,
        attendance=[
            Stretch(member="S1", until_item="1"),
            Stretch(member="S2", from_item="2"),
            Stretch(member="H"),
        ],
        proxies=[Proxy(giver="T", holder="H")],
    )
    for rules in ("fr-epci", "plain"):
        ref = reference(session, rules)
        assert [r.proxy_count for r in ref] == [0, 0]
        assert [i.proxy_count for i in audit(session, rules).items] == [0, 0]


@pytest.mark.parametrize("rules", RULE_NAMES)
def test_reference_on_a_hand_checked_session(rules: str) -> None:
    """The reference itself, on a session worked out by hand: A gives to B (1-2), C gives to B
    (all), B is present throughout, A arrives at item 2, S sits for D at item 1."""
    members = [
        Member(id="A", name="A", weight=2),
        Member(id="B", name="B", weight=3),
        Member(id="C", name="C", weight=Decimal("0.5")),
        Member(id="D", name="D", weight=7),
        Member(id="S", name="S", role=Role.SUBSTITUTE, substitute_for="D", weight=1),
    ]
    session = Session(
        agenda=["1", "2", "3"],
        members=members,
        attendance=[
            Stretch(member="B"),
            Stretch(member="A", from_item="2"),
            Stretch(member="S", until_item="1"),
        ],
        proxies=[
            Proxy(giver="A", holder="B", until_item="2"),
            Proxy(giver="C", holder="B"),
            Proxy(giver="D", holder="B"),
        ],
    )
    ref = reference(session, rules)
    if rules == "fr-municipal":  # S not counted: D's seat is empty, B carries A only at 1
        assert [(r.present, r.proxies) for r in ref] == [
            (("B",), (("A", "B"),)),
            (("A", "B"), (("C", "B"),)),
            (("A", "B"), (("C", "B"),)),
        ]
        assert [r.vote_weight for r in ref] == [5, 5 + Decimal("0.5"), 5 + Decimal("0.5")]
    elif rules == "fr-epci":  # S sits for D at 1: D's proxy not counted there
        assert [r.present for r in ref] == [("B", "S"), ("A", "B"), ("A", "B")]
        assert [r.proxy_count for r in ref] == [1, 1, 1]
        assert [r.vote_weight for r in ref] == [6, 5 + Decimal("0.5"), 5 + Decimal("0.5")]
    else:  # no holder limit
        assert [r.proxies for r in ref] == [
            (("A", "B"), ("C", "B")),
            (("C", "B"), ("D", "B")),
            (("C", "B"), ("D", "B")),
        ]
        assert [r.vote_weight for r in ref] == [
            3 + 1 + 2 + Decimal("0.5"),
            5 + Decimal("0.5") + 7,
            5 + Decimal("0.5") + 7,
        ]
    assert all(r.required == 3 for r in ref)  # 4 seats (S shares D's)
    for got, want in zip(audit(session, rules).items, ref, strict=True):
        assert (got.voters, got.vote_weight) == (want.voters, want.vote_weight)


# --- (i) withdrawals, second calls and weighted rule sets against a brute force ----------------


@attrs.frozen
class FullItem:
    """What :func:`reference_full` computes for one item."""

    present: tuple[str, ...]
    proxies: tuple[tuple[str, str], ...]
    vote_weight: Any
    present_weight: Any
    withdrawn_count: int
    quorum: tuple[
        Any, Any, Any, bool
    ]  # required (as a Fraction, or None), counted, total, reached


def reference_full(session: Session, name: str) -> list[FullItem]:
    """Every item by brute force under any named rule set, read from its parameters: also
    withdrawals (out of the present count; a withdrawn giver's or holder's proxy unused;
    L1111-6 representatives out of the members in office from the rule set's date), a second
    convocation (its fraction for the items carried over, or all), the majority-owner reduction,
    proxy holders who are not members (no voices, in no head count), the per-holder limit and
    its weight exception, and a quorum of voices counting proxies."""
    r = get_rules(name)
    role = {m.id: m for m in session.members}
    weight: dict[str, Any] = {
        m.id: 0 if m.role is Role.PROXY_HOLDER else m.weight for m in session.members
    }
    if r.reduce_majority_owner:  # an owner of more than half: the others' voices, no more
        everything = sum(weight.values())
        for mid in list(weight):
            if 2 * weight[mid] > everything:
                weight[mid] = everything - weight[mid]
    votes = {
        m.id: weight[m.id] if m.votes is None or m.role is Role.PROXY_HOLDER else m.votes
        for m in session.members
    }
    seat_holders = [
        m.id
        for m in session.members
        if not (m.role is Role.SUBSTITUTE and m.substitute_for) and m.role is not Role.PROXY_HOLDER
    ]
    total_weight = sum((weight[i] for i in seat_holders), start=0)
    tallies = {t.item: t for t in session.tallies}
    out = []
    for item, label in enumerate(session.agenda):
        there = {
            s.member
            for s in session.attendance
            if _covers(session, s.from_item, s.until_item, item)
        }
        away = [
            w for w in session.withdrawals if _covers(session, w.from_item, w.until_item, item)
        ]
        withdrawn = {w.member for w in away}
        sitting = []  # counted before withdrawals: a substitute only in his titular's place
        held: set[str] = set()
        for m in session.members:
            if m.id not in there:
                continue
            if m.role is Role.SUBSTITUTE:
                if not r.substitutes:
                    continue
                if m.substitute_for is not None:
                    if m.substitute_for in there or m.substitute_for in held:
                        continue
                    held.add(m.substitute_for)
            sitting.append(m.id)
        present = [i for i in sitting if i not in withdrawn]
        heads = [i for i in present if role[i].role is not Role.PROXY_HOLDER]
        candidates = []
        for k, p in enumerate(session.proxies):
            if not _covers(session, p.from_item, p.until_item, item):
                continue
            if role[p.giver].role is Role.SUBSTITUTE:
                continue
            if p.giver in there or p.giver in held or p.giver in withdrawn:
                continue
            if p.holder not in present:
                continue
            if role[p.holder].role is Role.PROXY_HOLDER and not r.proxies.outsiders:
                continue
            if not r.proxies.allowed:
                continue
            candidates.append(k)
        givers_done: set[str] = set()
        by_holder: dict[str, list[int]] = {}
        for k in candidates:
            p = session.proxies[k]
            if p.giver not in givers_done:
                givers_done.add(p.giver)
                by_holder.setdefault(p.holder, []).append(k)
        counted = []
        for holder, ks in by_holder.items():
            cap = r.proxies.per_holder
            share = r.proxies.weight_exception
            if cap is not None and share is not None:
                carried = weight[holder] + sum(weight[session.proxies[k].giver] for k in ks)
                if Fraction(carried) <= share * Fraction(total_weight):
                    cap = None
            counted += ks if cap is None else ks[:cap]
        counted.sort()
        present_weight = sum((votes[i] for i in heads), start=0)
        proxy_weight = sum((weight[session.proxies[k].giver] for k in counted), start=0)
        tally = tallies.get(label)
        withdrawn_count = sum(1 for i in sitting if i in withdrawn)
        head_count = len(heads)
        if tally is not None and tally.interested and not withdrawn_count:
            head_count = max(0, head_count - tally.interested)
        q = r.quorum
        if q is None:
            quorum: tuple[Any, Any, Any, bool] = (None, head_count, None, True)
        else:
            in_office = session.in_office
            if r.representatives_leave(session.date):
                in_office -= len({w.member for w in away if w.reason == "representative"})
            second = session.convocation == 2 and (
                not session.carried_over or label in session.carried_over
            )
            fraction = q.second_call if second else q.fraction
            if q.basis == "weight":
                got: Any = sum((weight[i] for i in heads), start=0)
                got += proxy_weight if q.represented else 0
                total: Any = total_weight
            else:
                got = head_count + (len(counted) if q.represented else 0)
                total = in_office
            if fraction is None:
                quorum = (None, got, total, True)
            else:
                line = fraction * Fraction(total)
                if q.basis == "head":
                    need: Any = max(
                        math.floor(line) + 1 if q.strict else math.ceil(line), q.minimum
                    )
                    ok = got >= q.minimum and (got > line if q.strict else got >= line)
                else:
                    need = line
                    ok = Fraction(got) > line if q.strict else Fraction(got) >= line
                quorum = (Fraction(need), got, total, ok)
        out.append(
            FullItem(
                present=tuple(heads),
                proxies=tuple(
                    (session.proxies[k].giver, session.proxies[k].holder) for k in counted
                ),
                vote_weight=present_weight
                + sum((votes[session.proxies[k].giver] for k in counted), start=0),
                present_weight=present_weight,
                withdrawn_count=withdrawn_count,
                quorum=quorum,
            )
        )
    return out


def _assert_full(session: Session, name: str) -> None:
    result = audit(session, name)
    for got, want in zip(result.items, reference_full(session, name), strict=True):
        note(f"{name} item {got.item!r}: want {want}")
        assert tuple(m.id for m in got.present) == want.present
        assert tuple((g.id, h.id) for g, h in got.proxies) == want.proxies
        assert got.voters == got.present_count + got.proxy_count
        assert (got.present_count, got.proxy_count) == (len(want.present), len(want.proxies))
        assert got.vote_weight == want.vote_weight
        assert got.present_weight == want.present_weight
        assert got.withdrawn_count == want.withdrawn_count
        q = got.quorum
        required = None if q.required is None else Fraction(q.required)
        assert (required, q.counted, q.total, q.reached) == want.quorum


@given(rich_sessions())
def test_withdrawals_and_second_calls_match_brute_force(session: Session) -> None:
    """(i) With withdrawals, a second convocation and the weighted rule sets, the audit's
    members, proxies, weights, withdrawn count and quorum equal the brute force, under the
    session's rules and under co-ownership."""
    note(f"withdrawals: {session.withdrawals}; rules: {session.rules}")
    assert isinstance(session.rules, str)
    for name in {session.rules, "fr-copropriete"}:
        _assert_full(session, name)


@given(weighted_sessions())
def test_weighted_assemblies_match_brute_force(session: Session) -> None:
    """(i) Co-ownership and SA sessions drawn to make the weighted rules bind (an owner at about
    half, holders past 3 delegations near the weight threshold, holders who are not members):
    the audit equals the brute force."""
    assert isinstance(session.rules, str)
    _assert_full(session, session.rules)


PROXY_LOST = frozenset(
    {
        "PROXY_FROM_SUBSTITUTE",
        "PROXY_GIVER_PRESENT",
        "SUBSTITUTE_AND_PROXY",
        "PROXY_GIVER_WITHDRAWN",
        "PROXY_HOLDER_WITHDRAWN",
        "PROXY_HOLDER_ABSENT",
        "PROXY_HOLDER_NOT_MEMBER",
        "PROXY_NOT_ALLOWED",
        "GIVER_MULTIPLE_PROXIES",
        "PROXY_LIMIT_EXCEEDED",
    }
)


@given(st.one_of(rich_sessions(), weighted_sessions(), crowded_seats()))
def test_every_proxy_not_counted_is_explained(session: Session) -> None:
    """(i) Wherever a proxy is in force and not counted, a finding about it (its giver and its
    holder among the finding's members) covers that item: no vote is lost silently."""
    for name in {session.rules if isinstance(session.rules, str) else "plain", "fr-epci"}:
        result = audit(session, name)
        for pos, item in enumerate(result.items):
            used = {(g.id, h.id) for g, h in item.proxies}
            said = [set(f.members) for f in item.findings if f.code in PROXY_LOST]
            for p in session.proxies:
                if not _covers(session, p.from_item, p.until_item, pos):
                    continue
                if (p.giver, p.holder) in used:
                    continue
                note(f"{name}: {p} at {item.item!r}, findings {item.findings}")
                assert any({p.giver, p.holder} <= members for members in said)
