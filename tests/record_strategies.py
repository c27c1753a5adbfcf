"""Hypothesis strategies for the dict forms (tests/test_converters.py): sources, tallies with
every field, rule sets with every policy drawn, inline statutes, and sessions with everything a
session file can hold. Kept apart from strategies.py, which they build on."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

from quorum import Finding, Headcount, Reading, Session, Severity, Source, Tally
from quorum.model import TALLY_COUNTS, CastingVote
from quorum.registry import RULE_SETS
from quorum.rules import Majority, Outcome, ProxyRule, QuorumRule, RuleSet
from strategies import item_range, labels, rich_sessions

_count = st.none() | st.integers(0, 20)


_line_text = st.none() | st.text(max_size=20)
sources_any = st.none() | st.builds(
    Source, line=st.none() | st.integers(1, 10**6), text=_line_text, path=_line_text
)
"""Any source, or none."""

_exact_count = st.one_of(
    st.none(),
    st.integers(0, 10**6),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
)


@st.composite
def full_tallies(draw: st.DrawFn, item: str | None = None) -> Tally:
    """A tally with any of its fields set: exact counts, flags, outcome, casting vote, majority,
    the head count of pour, the line it was read from."""
    return Tally(
        item=item if item is not None else draw(labels),
        **{k: draw(_exact_count) for k in TALLY_COUNTS},
        present=draw(_count),
        voters=draw(_count),
        pour_members=draw(_count),
        unanimous=draw(st.booleans()),
        secret=draw(st.booleans()),
        outcome=draw(st.none() | st.sampled_from(Outcome)),
        casting_vote=draw(st.none() | st.sampled_from(CastingVote)),
        majority=draw(st.none() | st.sampled_from(["art24", "art25", "absolute", "x y"])),
        source=draw(sources_any),
    )


_fraction = st.builds(Fraction, st.integers(0, 12), st.integers(1, 12)).filter(lambda f: f <= 1)
_article = st.text(max_size=15)
_dates = st.none() | st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1))


@st.composite
def rule_sets(draw: st.DrawFn) -> RuleSet:
    """A named rule set, or one with every policy drawn at random."""
    if draw(st.booleans()):
        return draw(st.sampled_from(list(RULE_SETS.values())))
    quorum = QuorumRule(
        fraction=draw(_fraction),
        strict=draw(st.booleans()),
        basis=draw(st.sampled_from(["head", "weight"])),
        represented=draw(st.booleans()),
        minimum=draw(st.integers(0, 50)),
        second_call=draw(st.none() | _fraction),
        article=draw(_article),
    )
    majorities = [
        Majority(
            name=draw(st.text(min_size=1, max_size=8)),
            fraction=draw(_fraction),
            strict=draw(st.booleans()),
            base=draw(st.sampled_from(["expressed", "cast", "all"])),
            heads=draw(st.none() | _fraction),
            casting_vote=draw(st.booleans()),
            fallback=draw(st.none() | _fraction),
            fallback_heads=draw(st.none() | _fraction),
            fallback_to=draw(st.none() | _article),
            unless_against=draw(st.booleans()),
            null_ballots=draw(st.booleans()),
            article=draw(_article),
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    return RuleSet(
        name=draw(st.text(min_size=1, max_size=10)),
        title=draw(_article),
        body=draw(st.sampled_from(["municipal", "epci", "copropriete", "sa", "assembly"])),
        quorum=draw(st.none() | st.just(quorum)),
        proxies=ProxyRule(
            allowed=draw(st.booleans()),
            per_holder=draw(st.none() | st.integers(0, 5)),
            weight_exception=draw(st.none() | _fraction),
            outsiders=draw(st.booleans()),
            article=draw(_article),
        ),
        majorities=tuple(majorities),
        substitutes=draw(st.booleans()),
        substitute_rule=draw(st.none() | _article),
        weighted=draw(st.booleans()),
        reduce_majority_owner=draw(st.booleans()),
        interest_rule=draw(_article),
        representatives_leave_office=draw(st.booleans()),
        representatives_since=draw(_dates),
        valid_from=draw(_dates),
        valid_until=draw(_dates),
        sources=tuple(draw(st.lists(_article, max_size=3))),
        notes=tuple(draw(st.lists(_article, max_size=2))),
    )


_statute_fraction = st.sampled_from(["1/3", "1/2", "2/3", "0.1", "1/4", "1", "0"])


@st.composite
def statutes(draw: st.DrawFn) -> dict[str, object]:
    """Valid inline statutes: a base, and some of the keys a session file may give."""
    spec: dict[str, object] = {}
    if draw(st.booleans()):
        spec["base"] = draw(st.sampled_from(sorted(RULE_SETS)))
    if draw(st.booleans()):
        spec["title"] = draw(st.text(max_size=10))
    for key in ("substitutes", "weighted", "representatives_leave_office"):
        if draw(st.booleans()):
            spec[key] = draw(st.booleans())
    if draw(st.booleans()):
        spec["quorum"] = draw(
            st.none()
            | st.fixed_dictionaries(
                {},
                optional={
                    "fraction": _statute_fraction,
                    "strict": st.booleans(),
                    "basis": st.sampled_from(["head", "weight"]),
                    "represented": st.booleans(),
                    "minimum": st.integers(0, 9),
                    "second_call": st.none() | _statute_fraction,
                },
            )
        )
    if draw(st.booleans()):
        spec["proxies"] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "allowed": st.booleans(),
                    "per_holder": st.none() | st.integers(0, 4),
                    "weight_exception": st.none() | _statute_fraction,
                },
            )
        )
    if draw(st.booleans()):
        spec["majority"] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "fraction": _statute_fraction,
                    "strict": st.booleans(),
                    "base": st.sampled_from(["expressed", "cast", "all"]),
                    "heads": st.none() | _statute_fraction,
                    "casting_vote": st.booleans(),
                },
            )
        )
    return spec


@st.composite
def reader_notes(draw: st.DrawFn, agenda: tuple[str, ...]) -> Finding:
    """A note of the reader of minutes, as a session file holds it: a template and params, or
    a finished message; its source a line of the minutes, or none."""
    common: dict[str, Any] = {
        "code": draw(st.from_regex(r"[A-Z]{1,8}(_[A-Z]{1,8}){0,2}", fullmatch=True)),
        "severity": draw(st.sampled_from(Severity)),
        "items": draw(st.lists(st.sampled_from(agenda), unique=True, max_size=3)),
        "members": draw(st.lists(st.text(max_size=5), max_size=2)),
        "rule": draw(st.none() | st.text(max_size=10)),
        "source": draw(
            st.none()
            | st.builds(Source, line=st.integers(1, 10**5), text=st.none() | st.text(max_size=9))
        ),
    }
    if draw(st.booleans()):
        params = draw(
            st.dictionaries(
                st.sampled_from(["name", "count", "line"]),
                st.text(max_size=8) | st.integers(-5, 5) | st.booleans() | st.none(),
            )
        )
        return Finding(template=draw(st.text(max_size=20)), params=params, **common)
    return Finding(message=draw(st.text(max_size=20)), **common)


@st.composite
def written_sessions(draw: st.DrawFn) -> Session:
    """A session with everything its file can hold: withdrawals, a second convocation, any
    tally (outcome, casting vote, exact counts, pour by head), a rule set name, inline statutes
    or none, members counted but not named, what the reader understood and his notes, a
    financial year end."""
    base = draw(rich_sessions())
    agenda = base.agenda
    tallies = [draw(full_tallies(t.item)) for t in base.tallies]
    rules = draw(st.none() | st.sampled_from(sorted(RULE_SETS)) | statutes())
    headcounts = []
    for _ in range(draw(st.integers(0, 2))):
        first, last = draw(item_range(agenda))
        headcounts.append(
            Headcount(
                present=draw(st.integers(0, 30)),
                represented=draw(st.integers(0, 10)),
                absent=draw(st.integers(0, 10)),
                from_item=first,
                until_item=last,
            )
        )
    reading = draw(
        st.none()
        | st.builds(
            Reading,
            complete=st.booleans(),
            uncertain_items=st.lists(st.sampled_from(agenda), unique=True),
        )
    )
    return attrs.evolve(
        base,
        tallies=tallies,
        rules=rules,
        headcounts=headcounts,
        reading=reading,
        notes=draw(st.lists(reader_notes(agenda), max_size=3)),
        financial_year_end=draw(st.none() | st.sampled_from(["12-31", "06-30", "02-29"])),
    )
