"""Hypothesis strategies for valid sessions (and for span sets, for the timeline).

Every session is built through :class:`quorum.Session`, which checks itself: a strategy that drew
an invalid session would fail loudly, not silently test nothing. Sessions are small (1-12 items,
1-15 members, 0-15 proxies) so that a brute-force reference can recompute every item.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from quorum import Member, Proxy, Role, Session, Stretch, Tally, Withdrawal
from quorum.model import TALLY_COUNTS

RULE_NAMES = ("fr-municipal", "fr-epci", "plain")

# Labels and ids: mostly short and readable, sometimes any text a file could hold.
_plain_label = st.builds(
    lambda n, suffix: f"{n}{suffix}",
    st.integers(1, 40),
    st.sampled_from(["", " bis", " ter", "a"]),
)
_any_text = st.text(min_size=1, max_size=5).filter(str.strip)
labels = st.one_of(_plain_label, _any_text)
member_ids = st.one_of(st.from_regex(r"[a-z]{1,3}", fullmatch=True), _any_text)

weights = st.one_of(
    st.just(1),
    st.integers(0, 1000),
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    # more digits than a float holds (still exact in Decimal's 28-digit context when summed)
    st.decimals(min_value=0, max_value=1000, places=20, allow_nan=False, allow_infinity=False),
)


@st.composite
def item_range(draw: st.DrawFn, agenda: tuple[str, ...]) -> tuple[str | None, str | None]:
    """An inclusive range of item labels, never reversed; ``None`` for an open end."""
    n = len(agenda)
    first = draw(st.none() | st.integers(0, n - 1))
    last = draw(st.none() | st.integers(0, n - 1))
    if first is not None and last is not None and first > last:
        first, last = last, first
    return (
        None if first is None else agenda[first],
        None if last is None else agenda[last],
    )


@st.composite
def members_of(
    draw: st.DrawFn, *, min_size: int = 1, max_size: int = 15, substitutes: float = 0.2
) -> list[Member]:
    """Members with unique ids; a share ``substitutes`` of them substitutes, most of them sitting
    for a titular, often the same one or two."""
    ids = draw(st.lists(member_ids, min_size=min_size, max_size=max_size, unique=True))
    uniform = draw(st.booleans())  # half the sessions count heads only
    roles = [
        Role.SUBSTITUTE if draw(st.integers(0, 99)) < 100 * substitutes else Role.TITULAR
        for _ in ids
    ]
    titulars = [i for i, r in zip(ids, roles, strict=True) if r is Role.TITULAR]
    out = []
    for member_id, role in zip(ids, roles, strict=True):
        sub_for = None
        if role is Role.SUBSTITUTE and titulars:
            # often the same one or two titulars: a seat with two substitutes
            sub_for = draw(st.none() | st.sampled_from(titulars[:2]) | st.sampled_from(titulars))
        out.append(
            Member(
                id=member_id,
                name=draw(st.text(max_size=8)),
                group=draw(st.none() | st.sampled_from(["A", "B", "Groupe é"])),
                weight=1 if uniform else draw(weights),
                role=role,
                substitute_for=sub_for,
            )
        )
    return out


@st.composite
def stretches_for(
    draw: st.DrawFn, agenda: tuple[str, ...], members: list[Member], max_per_member: int = 3
) -> list[Stretch]:
    """0 to ``max_per_member`` stretches per member, possibly overlapping, in shuffled order."""
    out = []
    for m in members:
        for _ in range(draw(st.integers(0, max_per_member))):
            first, last = draw(item_range(agenda))
            out.append(Stretch(member=m.id, from_item=first, until_item=last))
    return list(draw(st.permutations(out)))


@st.composite
def proxies_for(
    draw: st.DrawFn, agenda: tuple[str, ...], members: list[Member], max_size: int = 15
) -> list[Proxy]:
    """Proxies between distinct members over random (never reversed) ranges."""
    if len(members) < 2:
        return []
    ids = [m.id for m in members]
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        giver = draw(st.sampled_from(ids))
        holder = draw(st.sampled_from([i for i in ids if i != giver]))
        first, last = draw(item_range(agenda))
        out.append(Proxy(giver=giver, holder=holder, from_item=first, until_item=last))
    return out


_count = st.none() | st.integers(0, 20)


@st.composite
def tallies_for(draw: st.DrawFn, agenda: tuple[str, ...]) -> list[Tally]:
    """A reported tally for some items; every count optional."""
    items = draw(st.lists(st.sampled_from(agenda), unique=True, max_size=len(agenda)))
    return [
        Tally(
            item=item,
            **{k: draw(_count) for k in (*TALLY_COUNTS, "present", "voters")},
            unanimous=draw(st.booleans()),
        )
        for item in items
    ]


@st.composite
def sessions(
    draw: st.DrawFn,
    *,
    max_items: int = 12,
    max_members: int = 15,
    max_proxies: int = 15,
    substitutes: float = 0.2,
    tallies: bool = True,
) -> Session:
    """A valid session: 1-12 items, 1-15 members, 0-3 stretches each, 0-15 proxies.

    ``substitutes`` is the share of members drawn as substitutes; ``crowded_seats()`` raises it
    and shrinks the assembly so that titulars with several substitutes and proxies are common.
    """
    agenda = tuple(draw(st.lists(labels, min_size=1, max_size=max_items, unique=True)))
    members = draw(members_of(max_size=max_members, substitutes=substitutes))
    return Session(
        agenda=agenda,
        members=members,
        attendance=draw(stretches_for(agenda, members)),
        proxies=draw(proxies_for(agenda, members, max_proxies)),
        tallies=draw(tallies_for(agenda)) if tallies else (),
        body=draw(st.none() | st.text(max_size=12)),
        date=draw(
            st.none()
            | st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 1, 1))
        ),
        rules=draw(st.none() | st.sampled_from(RULE_NAMES)),
        members_in_office=draw(st.none() | st.integers(1, 20)),
    )


def crowded_seats() -> st.SearchStrategy[Session]:
    """Small sessions, half substitutes, many proxies: where seats, substitutes and proxies
    interact (a titular with two substitutes, a substitute holding proxies...)."""
    return sessions(max_items=6, max_members=7, max_proxies=12, substitutes=0.5, tallies=False)


# --- span sets, for quorum.timeline -------------------------------------------------------------

LENGTH = 30
"""Positions 0..LENGTH-1 for timeline strategies."""

raw_spans = st.lists(st.tuples(st.integers(0, LENGTH), st.integers(0, LENGTH)), max_size=8)
"""Any spans: empty, reversed, overlapping, adjacent, in any order."""


@st.composite
def span_sets(draw: st.DrawFn, length: int = LENGTH) -> tuple[tuple[int, int], ...]:
    """A canonical span set: sorted, disjoint, non-adjacent, non-empty spans within ``length``."""
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=10)))
    if len(cuts) % 2:
        cuts = cuts[:-1]
    return tuple((cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2))


def decimal_weights() -> st.SearchStrategy[int | Decimal]:
    """Weights as ints or exact Decimals (for sweeps)."""
    return weights


# --- richer sessions: withdrawals, second convocations, weighted rule sets ----------------------

WEIGHTED_RULES = ("fr-copropriete", "fr-sa-ago", "fr-sa-age")


@st.composite
def rich_sessions(draw: st.DrawFn) -> Session:
    """A valid session with what :func:`sessions` never draws: withdrawals (interest or
    L1111-6 representatives), a second convocation with items carried over, weighted rule
    sets with majorities named in the tallies and the head count of pour."""
    base = draw(sessions(max_items=6, max_members=8, max_proxies=8))
    agenda, ids = base.agenda, [m.id for m in base.members]
    withdrawals = []
    for _ in range(draw(st.integers(0, 3))):
        first, last = draw(item_range(agenda))
        withdrawals.append(
            Withdrawal(
                member=draw(st.sampled_from(ids)),
                from_item=first,
                until_item=last,
                reason=draw(st.sampled_from(["interest", "representative"])),
            )
        )
    convocation = draw(st.sampled_from([1, 2]))
    carried = draw(st.lists(st.sampled_from(agenda), unique=True)) if convocation == 2 else []
    rules = draw(st.sampled_from((*RULE_NAMES, *WEIGHTED_RULES)))
    majorities = {"fr-copropriete": ["art24", "art25", "art26"]}.get(rules, [None])
    tallies = [
        attrs.evolve(
            t,
            majority=draw(st.sampled_from(majorities)),
            pour_members=draw(st.none() | st.integers(0, len(ids))),
            outcome=draw(st.none() | st.sampled_from(["adopted", "rejected"])),
        )
        for t in base.tallies
    ]
    return attrs.evolve(
        base,
        withdrawals=withdrawals,
        convocation=convocation,
        carried_over=carried,
        rules=rules,
        tallies=tallies,
    )


# --- weighted assemblies: co-ownership and sociétés anonymes ------------------------------------

WEIGHTED_RULE_SETS = ("fr-copropriete", "fr-copropriete-2019", "fr-sa-ago", "fr-sa-age", "plain")
"""Weighted rule sets: the majority-owner reduction, the 3-proxy limit with its 10 % (5 %)
weight exception, a quorum of voices with proxies and a second call; ``plain`` for no limit."""


@st.composite
def weighted_sessions(draw: st.DrawFn) -> Session:
    """A small weighted assembly (1-5 items, 2-9 owners or shareholders) where the weighted rules
    bind: sometimes an owner of about half of all voices (at, above or below it), proxy holders
    who are not members, many proxies to one or two holders (past 3 delegations, around the
    weight threshold), withdrawals and a second call with items carried over."""
    agenda = tuple(f"{n}" for n in range(1, draw(st.integers(1, 5)) + 1))
    ids = [f"m{k}" for k in range(draw(st.integers(2, 9)))]
    small = st.one_of(
        st.integers(1, 40),
        st.decimals(min_value=1, max_value=40, places=2, allow_nan=False, allow_infinity=False),
    )
    owned: list[int | Decimal] = [draw(small) for _ in ids]
    if draw(st.booleans()):  # one owner near half of all voices: exactly, one above, one below
        others = sum(owned[1:], start=Decimal(0))
        owned[0] = others + draw(st.sampled_from([-1, 0, 1, 0]))
        if owned[0] <= 0:
            owned[0] = others
    members = [Member(id=i, name=i.upper(), weight=w) for i, w in zip(ids, owned, strict=True)]
    outsiders = [f"x{k}" for k in range(draw(st.integers(0, 2)))]
    members += [
        Member(id=x, name=x.upper(), weight=draw(st.integers(0, 50)), role=Role.PROXY_HOLDER)
        for x in outsiders
    ]
    everyone = ids + outsiders
    attendance = []
    for m in everyone:
        for _ in range(draw(st.integers(0, 2))):
            first, last = draw(item_range(agenda))
            attendance.append(Stretch(member=m, from_item=first, until_item=last))
    proxies = []
    holders = [*ids[:2], *outsiders]
    for _ in range(draw(st.integers(0, 8))):
        giver = draw(st.sampled_from(ids))
        holder = draw(st.sampled_from([h for h in holders if h != giver] or [ids[0]]))
        if holder == giver:
            continue
        first, last = draw(item_range(agenda))
        proxies.append(Proxy(giver=giver, holder=holder, from_item=first, until_item=last))
    withdrawals = []
    for _ in range(draw(st.integers(0, 2))):
        first, last = draw(item_range(agenda))
        withdrawals.append(
            Withdrawal(member=draw(st.sampled_from(ids)), from_item=first, until_item=last)
        )
    convocation = draw(st.sampled_from([1, 2]))
    carried = draw(st.lists(st.sampled_from(agenda), unique=True)) if convocation == 2 else []
    return Session(
        agenda=agenda,
        members=members,
        attendance=attendance,
        proxies=proxies,
        withdrawals=withdrawals,
        convocation=convocation,
        carried_over=carried,
        rules=draw(st.sampled_from(WEIGHTED_RULE_SETS)),
    )
