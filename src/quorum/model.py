"""The session model: members, agenda in order of passage, attendance, proxies, reported tallies.

Every record is a frozen attrs class. Item ranges are written with item *labels* (``"6"``,
``"12 bis"``) and resolved to *positions* in the order of passage (1-based) by
:meth:`Session.position`. A range ``from_item .. until_item`` is inclusive at both ends; ``None``
means the start or the end of the session.

A :class:`Session` checks itself when it is built and raises
:class:`~quorum.exceptions.InvalidSessionError` listing every problem at once, each with a JSON
path such as ``$.proxies[3].giver``: the same paths a session file uses.
"""

from __future__ import annotations

import datetime
import enum
import reprlib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from quorum.exceptions import InvalidSessionError, Problem, UnknownItemError
from quorum.findings import N_, Finding, Message, Source
from quorum.registry import RULE_SETS, Statutes
from quorum.rules import Outcome

Weight = int | Decimal
"""A vote weight: exact, never a float (a head count is 1; tantièmes or shares may be larger)."""
Count = int | Decimal
"""A reported count: heads (int) or voices (int or exact Decimal)."""


def json_number(value: int | Decimal) -> int | str:
    """An exact number for JSON: a whole number, or the exact decimal text (JSON floats are
    not exact)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else format(value, "f")
    return value


class Role(enum.Enum):
    """Whether a member holds the seat or sits in the place of an absent titular (L5211-6)."""

    TITULAR = "titular"
    SUBSTITUTE = "substitute"
    PROXY_HOLDER = "proxy_holder"
    """Not a member: only carries proxies where the rules allow it (copropriété art. 22); he
    counts in no head count and has no voices of his own."""


class WithdrawalReason(enum.StrEnum):
    """Why a member takes no part in an item (a ``str``: ``WithdrawalReason.INTEREST ==
    "interest"``)."""

    INTEREST = "interest"
    """Conseiller intéressé (CGCT L2131-11): out of the present count for quorum, no vote."""
    REPRESENTATIVE = "representative"
    """A representative who must withdraw under L1111-6: also out of the members in office."""


class CastingVote(enum.StrEnum):
    """How the president voted, when his vote decides a tie (a ``str``)."""

    POUR = "pour"
    CONTRE = "contre"


def _value_of(kind: type[enum.Enum], value: object) -> Any:
    """``value`` as a member of ``kind`` (``"adopted"`` -> ``Outcome.ADOPTED``); ``None`` and a
    value that is not one of ``kind``'s are kept as they are, for the session's check to report
    at their path (a record never raises when it is built: the session does)."""
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        return value


def _role(value: Role | str) -> Role:
    result: Role = _value_of(Role, value)
    return result


def _reason(value: WithdrawalReason | str) -> WithdrawalReason:
    result: WithdrawalReason = _value_of(WithdrawalReason, value)
    return result


def _outcome(value: Outcome | str | None) -> Outcome | None:
    result: Outcome | None = _value_of(Outcome, value)
    return result


def _casting_vote(value: CastingVote | str | None) -> CastingVote | None:
    result: CastingVote | None = _value_of(CastingVote, value)
    return result


def _rules(value: str | Mapping[str, Any] | Statutes | None) -> str | Statutes | None:
    """A session's rules as it keeps them: a name, or inline statutes frozen (a mapping given
    is copied into :class:`~quorum.registry.Statutes`, so changing it afterwards changes
    nothing). Whether they are valid is the session's check."""
    return Statutes(value) if isinstance(value, Mapping) else value


class _NotAList(tuple[Any, ...]):
    """What a list field holds when it is given something else (a string, a number, None):
    empty, remembering what was given, so that the session's check reports it at its path."""

    given: object = None


def _tuple(value: Any) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        wrong = _NotAList()
        wrong.given = value
        return wrong
    return tuple(value)


LIST_FIELDS = ("agenda", "members", "attendance", "proxies", "tallies", "carried_over",
               "withdrawals", "notes")  # fmt: skip


@attrs.frozen(kw_only=True)
class Member:
    """A member of the assembly (or a substitute who may sit for a titular)."""

    id: str
    name: str
    group: str | None = None
    weight: Weight = 1
    role: Role = attrs.field(default=Role.TITULAR, converter=_role)
    substitute_for: str | None = None
    votes: Weight | None = None
    """Votes when they differ from ``weight`` (shares with voting rights, L225-96/98): double
    voting rights (L225-123). Quorum counts ``weight``, majorities count ``votes``."""
    source: Source | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_substitute(self) -> bool:
        """True for a substitute (suppléant)."""
        return self.role is Role.SUBSTITUTE

    @property
    def holds_seat(self) -> bool:
        """False for the substitute of a listed titular: the two share the titular's seat."""
        return not (self.is_substitute and self.substitute_for) and not self.is_outsider

    @property
    def is_outsider(self) -> bool:
        """True for a proxy holder who is not a member (role ``proxy_holder``)."""
        return self.role is Role.PROXY_HOLDER

    @property
    def vote_weight(self) -> Weight:
        """The votes a member carries: ``votes`` when given, else ``weight``."""
        return self.weight if self.votes is None else self.votes


@attrs.frozen(kw_only=True)
class Stretch:
    """A member present from ``from_item`` until ``until_item`` (inclusive; ``None`` = open)."""

    member: str
    from_item: str | None = None
    until_item: str | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Proxy:
    """A written proxy (pouvoir): ``giver`` lets ``holder`` vote in his name over a range."""

    giver: str
    holder: str
    from_item: str | None = None
    until_item: str | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Withdrawal:
    """A member who takes no part in items ``from_item .. until_item`` (inclusive).

    ``reason`` is ``"interest"`` (conseiller intéressé, CGCT L2131-11: out of the present count
    for quorum, no vote) or ``"representative"`` (a representative who must withdraw under
    L1111-6: also out of the members in office for those items).
    """

    member: str
    from_item: str | None = None
    until_item: str | None = None
    reason: WithdrawalReason = attrs.field(default=WithdrawalReason.INTEREST, converter=_reason)
    source: Source | None = attrs.field(default=None, eq=False, repr=False)


WITHDRAWAL_REASONS = tuple(r.value for r in WithdrawalReason)

TALLY_COUNTS = ("pour", "contre", "abstention", "npv", "blank", "null", "interested")
"""The vote categories whose sum must equal the voters (``blank``: blank ballots, and null ones
when the minutes do not count them apart; ``null``: null ballots counted apart)."""

OUTCOMES = tuple(o.value for o in Outcome)


@attrs.frozen(kw_only=True)
class Tally:
    """The tally the minutes report for one item; every count is optional."""

    item: str
    pour: Count | None = None
    contre: Count | None = None
    abstention: Count | None = None
    npv: Count | None = None
    interested: Count | None = None
    blank: Count | None = None
    null: Count | None = None
    present: int | None = None
    voters: int | None = None
    unanimous: bool = False
    secret: bool = False
    outcome: Outcome | None = attrs.field(default=None, converter=_outcome)
    casting_vote: CastingVote | None = attrs.field(default=None, converter=_casting_vote)
    majority: str | None = None
    """The name of a majority of the rule set other than its default (``"art25"``): not a
    closed vocabulary, since the rule set may be chosen when the session is audited; a name
    the rule set does not have is the audit's ``MAJORITY_UNKNOWN``."""
    pour_members: int | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)

    def counts(self) -> dict[str, Count]:
        """The vote categories that are reported, by name."""
        return {k: v for k in TALLY_COUNTS if (v := getattr(self, k)) is not None}


@attrs.frozen(kw_only=True)
class Reading:
    """What the reader of minutes understood (``Session.reading``; ``None`` on a session written
    by hand, which is complete by definition).

    ``complete``: every character of every attendance section was used, every name resolved and
    the minutes' own totals agree with the lists. ``uncertain_items``: the labels of the items
    whose present or proxy counts may be wrong because part of the attendance was not understood.
    """

    complete: bool = True
    uncertain_items: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class Headcount:
    """Members the minutes count but do not name, over a range of items (``None``: open end).

    Minutes that print only counts ("27 Conseillers étaient Présents ou Représentés
    (07 Procurations …)") are audited on them: ``present`` members sit, ``represented`` absent
    members gave a usable proxy, ``absent`` ones did neither. They are never turned into members.
    """

    present: int = 0
    represented: int = 0
    absent: int = 0
    from_item: str | None = None
    until_item: str | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    """Where it was read (not part of its value, as for every record: a session file's reader
    sets its path)."""

    @property
    def seats(self) -> int:
        return self.present + self.represented + self.absent


@attrs.frozen(kw_only=True)
class Session:
    """One sitting of an assembly, as the minutes describe it.

    Args:
        agenda: item labels in their order of passage.
        members: every member, present or not; a member with no stretch is absent all session.
        members_in_office: as printed; ``None`` means the number of seats (see
            :attr:`in_office`).
    """

    agenda: tuple[str, ...] = attrs.field(converter=_tuple)
    members: tuple[Member, ...] = attrs.field(converter=_tuple)
    attendance: tuple[Stretch, ...] = attrs.field(default=(), converter=_tuple)
    proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=_tuple)
    tallies: tuple[Tally, ...] = attrs.field(default=(), converter=_tuple)
    body: str | None = None
    date: datetime.date | None = None
    rules: str | Statutes | None = attrs.field(default=None, hash=False, converter=_rules)
    """The name of a rule set (``"fr-epci"``, checked when the session is built), the body's
    own statutes (a mapping, frozen into :class:`~quorum.registry.Statutes`), or ``None``: the
    audit chooses by body and date."""
    members_in_office: int | None = None
    convocation: int = 1
    carried_over: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    withdrawals: tuple[Withdrawal, ...] = attrs.field(default=(), converter=_tuple)
    headcounts: tuple[Headcount, ...] = attrs.field(default=(), converter=_tuple)
    """Members counted but not named (counts-only minutes); added to the counts of the items."""
    reading: Reading | None = None
    """What the reader of the minutes understood; ``None`` for a session written by hand."""
    financial_year_end: str | None = None
    """A company's financial year end as ``MM-DD`` (``"12-31"``): it decides which counting of
    votes a société anonyme's meeting of 2019-2020 follows (loi 2019-744 art. 16 II)."""
    notes: tuple[Finding, ...] = attrs.field(default=(), converter=_tuple, eq=False, repr=False)
    """What the reader of the minutes could not read or had to infer (not part of the file)."""
    _positions: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    _by_id: dict[str, Member] = attrs.field(init=False, eq=False, repr=False)
    _seats: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = list(_problems(self))
        if problems:
            raise InvalidSessionError(problems)
        object.__setattr__(self, "_positions", {lab: i for i, lab in enumerate(self.agenda, 1)})
        object.__setattr__(self, "_by_id", {m.id: m for m in self.members})
        seats = sum(1 for m in self.members if m.holds_seat)
        seats += max((h.seats for h in self.headcounts), default=0)
        object.__setattr__(self, "_seats", seats)

    def position(self, label: str) -> int:
        """The 1-based position of an item in the order of passage."""
        try:
            return self._positions[label]
        except KeyError:
            raise UnknownItemError(label) from None

    def member(self, member_id: str) -> Member:
        """The member with this id."""
        return self._by_id[member_id]

    def has_member(self, member_id: str) -> bool:
        """Whether a member has this id."""
        return member_id in self._by_id

    @property
    def seats(self) -> int:
        """Members less the substitutes of listed titulars (a titular and his substitute share
        one seat)."""
        return self._seats

    @property
    def in_office(self) -> int:
        """Members in office: as printed, else the number of seats."""
        return self.members_in_office if self.members_in_office is not None else self.seats

    @property
    def in_office_inferred(self) -> bool:
        """True when the minutes did not print the number of members in office."""
        return self.members_in_office is None


# --- checks -------------------------------------------------------------------------------------


LIMIT = 10**30
"""Weights and counts are below this, with at most ``PLACES`` decimal places: every sum of them
stays exact in the audit's decimal context, and every value a file holds reads back."""
PLACES = 30


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < LIMIT


def _sane(value: Decimal) -> bool:
    """A finite decimal of a size a vote can have (no 1e999999999 that exact sums choke on, no
    1e30 written as a whole number that reading back refuses)."""
    return (
        value.is_finite()
        and value.adjusted() < 30  # below LIMIT, without arithmetic that could overflow
        and int(value.as_tuple().exponent) >= -PLACES  # finite, so an int
    )


def _label(value: object) -> str | Message:
    """A label or id as a message shows it: a string quoted, anything else with its type (a
    message, in the language of the report)."""
    if isinstance(value, str):
        return repr(value)
    return Message(N_("{value} (not a string)"), {"value": repr(value)})


def _short(value: object) -> str:
    """A value as a problem quotes it, cut to 60 characters."""
    return f"{value!r:.60}"


def _problems(s: Session) -> Iterator[Problem]:
    """Every problem of a session, in file order. Robust to values of any type."""
    labels: set[str] = set()
    order: dict[str, int] = {}
    for field in LIST_FIELDS:
        if isinstance(value := getattr(s, field), _NotAList):
            yield Problem(
                f"$.{field}", N_("expected a list, not {value}"), {"value": _short(value.given)}
            )
    if isinstance(s.reading, Reading) and isinstance(s.reading.uncertain_items, _NotAList):
        given = s.reading.uncertain_items.given
        yield Problem(
            "$.reading.uncertain_items",
            N_("expected a list, not {value}"),
            {"value": _short(given)},
        )
    if not s.agenda:
        yield Problem(
            "$.agenda", N_("the agenda is empty: list the items in their order of passage")
        )
    for i, label in enumerate(s.agenda):
        if not isinstance(label, str) or not label.strip():
            yield Problem(
                f"$.agenda[{i}]",
                N_("an item label must be a non-empty string, not {label}"),
                {"label": repr(label)},
            )
        elif label in labels:
            yield Problem(
                f"$.agenda[{i}]", N_("item {label} is listed twice"), {"label": repr(label)}
            )
        else:
            labels.add(label)
            order[label] = i
    yield from _member_problems(s.members, counted=bool(s.headcounts))
    yield from _headcount_problems(s, labels)
    names = {
        m.id: m.name
        for m in s.members
        if isinstance(m, Member) and isinstance(m.id, str) and isinstance(m.name, str)
    }

    def who(value: object) -> str | Message:
        """A member as a message names him: his name and id (``Jean Dupont ('jd')``)."""
        if isinstance(value, str) and value in names and names[value] not in ("", value):
            return f"{names[value]} ({value!r})"
        return _label(value)

    def ref(path: str, value: object, what: str) -> Iterator[Problem]:
        if not isinstance(value, str):
            yield Problem(path, what, {"value": repr(value)})
        elif value not in names:
            yield Problem(path, N_("unknown member id {id}"), {"id": repr(value)})

    def span(path: str, first: object, last: object, whose: Message) -> Iterator[Problem]:
        for key, value in (("from", first), ("until", last)):
            if value is not None and not (isinstance(value, str) and value in labels):
                yield Problem(
                    f"{path}.{key}",
                    N_("unknown item label {label} ({whose})"),
                    {"label": _label(value), "whose": whose},
                )
        if (
            isinstance(first, str)
            and isinstance(last, str)
            and first in order
            and last in order
            and order[first] > order[last]
        ):
            yield Problem(
                path,
                N_("reversed range: item {first} is taken after item {last} ({whose})"),
                {"first": repr(first), "last": repr(last), "whose": whose},
            )

    for i, st in enumerate(s.attendance):
        path = f"$.attendance[{i}]"
        if not isinstance(st, Stretch):
            yield Problem(
                path, N_("expected an attendance stretch, not {type}"), {"type": type(st).__name__}
            )
            continue
        yield from ref(f"{path}.member", st.member, _MEMBER)
        whose = Message(N_("attendance of {who}"), {"who": who(st.member)})
        yield from span(path, st.from_item, st.until_item, whose)
    for i, px in enumerate(s.proxies):
        path = f"$.proxies[{i}]"
        if not isinstance(px, Proxy):
            yield Problem(path, N_("expected a proxy, not {type}"), {"type": type(px).__name__})
            continue
        yield from ref(f"{path}.giver", px.giver, _GIVER)
        yield from ref(f"{path}.holder", px.holder, _HOLDER)
        if isinstance(px.giver, str) and px.giver == px.holder:
            yield Problem(path, N_("{who} gives a proxy to himself"), {"who": who(px.giver)})
        whose = Message(
            N_("proxy from {giver} to {holder}"),
            {"giver": who(px.giver), "holder": who(px.holder)},
        )
        yield from span(path, px.from_item, px.until_item, whose)
    for i, w in enumerate(s.withdrawals):
        path = f"$.withdrawals[{i}]"
        if not isinstance(w, Withdrawal):
            yield Problem(
                path, N_("expected a withdrawal, not {type}"), {"type": type(w).__name__}
            )
            continue
        yield from ref(f"{path}.member", w.member, _MEMBER)
        whose = Message(N_("withdrawal of {who}"), {"who": who(w.member)})
        yield from span(path, w.from_item, w.until_item, whose)
        if not isinstance(w.reason, WithdrawalReason):
            yield Problem(
                f"{path}.reason",
                N_("must be 'interest' or 'representative', not {value} ({whose})"),
                {"value": repr(w.reason), "whose": whose},
            )
    for i, label in enumerate(s.carried_over):
        if not (isinstance(label, str) and label in labels):
            yield Problem(
                f"$.carried_over[{i}]", N_("unknown item label {label}"), {"label": _label(label)}
            )
    if not _is_int(s.convocation) or s.convocation not in (1, 2):
        yield Problem(
            "$.convocation", N_("must be 1 or 2, not {value}"), {"value": repr(s.convocation)}
        )
    yield from _tally_problems(s.tallies, labels)
    if s.members_in_office is not None and (
        not _is_int(s.members_in_office) or s.members_in_office < 1
    ):
        yield Problem(
            "$.members_in_office",
            N_("must be a positive whole number, not {value}"),
            {"value": repr(s.members_in_office)},
        )
    if isinstance(s.date, datetime.datetime):
        yield Problem(
            "$.date",
            N_(
                "expected a date (YYYY-MM-DD), not a date and time ({given}): write {day} if "
                "that is the day of the session"
            ),
            {"given": s.date.isoformat(), "day": s.date.date().isoformat()},
        )
    elif s.date is not None and not isinstance(s.date, datetime.date):
        yield Problem(
            "$.date", N_("expected a date (YYYY-MM-DD), not {value}"), {"value": repr(s.date)}
        )
    if s.body is not None and not isinstance(s.body, str):
        yield Problem("$.body", N_("expected a string, not {value}"), {"value": repr(s.body)})
    if s.reading is not None:
        if not isinstance(s.reading, Reading):
            yield Problem(
                "$.reading",
                N_("expected a reading, not {type}"),
                {"type": type(s.reading).__name__},
            )
        else:
            if not isinstance(s.reading.complete, bool):
                yield Problem(
                    "$.reading.complete",
                    N_("must be true or false, not {value}"),
                    {"value": repr(s.reading.complete)},
                )
            for i, label in enumerate(s.reading.uncertain_items):
                if not (isinstance(label, str) and label in labels):
                    yield Problem(
                        f"$.reading.uncertain_items[{i}]",
                        N_("unknown item label {label}"),
                        {"label": _label(label)},
                    )
    if s.financial_year_end is not None and month_day(s.financial_year_end) is None:
        yield Problem(
            "$.financial_year_end",
            N_("expected a month and day as MM-DD (12-31), not {value}"),
            {"value": repr(s.financial_year_end)},
        )
    yield from _outsider_problems(s)
    if isinstance(s.rules, str):
        if s.rules not in RULE_SETS:
            yield Problem(
                "$.rules",
                N_("unknown rule set {name} ('quorum rules' lists them)"),
                {"name": repr(s.rules)},
            )
    elif isinstance(s.rules, Statutes):
        yield from s.rules.problems
    elif s.rules is not None:
        given = reprlib.repr(s.rules)
        yield Problem(
            "$.rules", N_("expected a rule set name or statutes, not {value}"), {"value": given}
        )


def month_day(text: object) -> tuple[int, int] | None:
    """``"12-31"`` as (12, 31); ``None`` when it is not a day of the year (02-29 is one)."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != "-":
        return None
    try:
        day = datetime.date.fromisoformat(f"2000-{text}")
    except ValueError:
        return None
    return day.month, day.day


def _outsider_problems(s: Session) -> Iterator[Problem]:
    """A proxy holder who is not a member gives no proxy and sits for nobody."""
    outsiders = {
        m.id
        for m in s.members
        if isinstance(m, Member) and isinstance(m.id, str) and m.role is Role.PROXY_HOLDER
    }
    for i, px in enumerate(s.proxies):
        if isinstance(px, Proxy) and isinstance(px.giver, str) and px.giver in outsiders:
            yield Problem(
                f"$.proxies[{i}].giver",
                N_("{id} is a proxy holder who is not a member: he has no vote to give"),
                {"id": repr(px.giver)},
            )


_MEMBER = N_("member must be a member id (a string), not {value}")
_GIVER = N_("giver must be a member id (a string), not {value}")
_HOLDER = N_("holder must be a member id (a string), not {value}")


def _whose(m: Member) -> Message:
    """A member as a problem names him: ``member Ann A ('ann')``, or his id alone."""
    if isinstance(m.name, str) and m.name not in ("", m.id):
        return Message(N_("member {name} ({id})"), {"name": m.name, "id": _label(m.id)})
    return Message(N_("member {id}"), {"id": _label(m.id)})


def _record_problems(m: Member, path: str) -> Iterator[Problem]:
    """The problems of one member's own values (not of his id, nor of his titular), each
    naming him (``(member Ann A ('ann'))``)."""
    whose = _whose(m)

    def problem(key: str, template: str, **params: object) -> Problem:
        return Problem(f"{path}.{key}", template, {**params, "whose": whose})

    if not isinstance(m.name, str):
        yield problem(
            "name", N_("a name must be a string, not {value} ({whose})"), value=repr(m.name)
        )
    if m.group is not None and not isinstance(m.group, str):
        yield problem(
            "group", N_("a group must be a string, not {value} ({whose})"), value=repr(m.group)
        )
    if isinstance(m.weight, Decimal) and m.weight.is_finite() and not _sane(m.weight):
        yield problem(
            "weight",
            N_(
                "a weight out of range: {value} (below 10^30, at most {places} decimals) ({whose})"
            ),
            value=str(m.weight),
            places=PLACES,
        )
    elif not (_is_int(m.weight) or isinstance(m.weight, Decimal)):
        yield problem(
            "weight",
            N_("a weight must be a whole or exact decimal number, not {value} ({whose})"),
            value=repr(m.weight),
        )
    elif isinstance(m.weight, Decimal) and not m.weight.is_finite():
        yield problem(
            "weight",
            N_("a weight must be a finite number, not {value} ({whose})"),
            value=str(m.weight),
        )
    elif m.weight < 0:
        yield problem(
            "weight", N_("a weight cannot be negative: {value} ({whose})"), value=str(m.weight)
        )
    if not isinstance(m.role, Role):
        yield problem(
            "role",
            N_("role must be 'titular', 'substitute' or 'proxy_holder', not {value} ({whose})"),
            value=repr(m.role),
        )
    if m.votes is not None and not (
        (_is_int(m.votes) or (isinstance(m.votes, Decimal) and _sane(m.votes))) and m.votes >= 0
    ):
        yield problem(
            "votes", N_("votes must be a number >= 0, not {value} ({whose})"), value=repr(m.votes)
        )


def _headcount_problems(s: Session, labels: set[str]) -> Iterator[Problem]:
    for i, h in enumerate(s.headcounts):
        path = f"$.headcounts[{i}]"
        if not isinstance(h, Headcount):
            yield Problem(path, N_("expected a headcount, not {type}"), {"type": type(h).__name__})
            continue
        for key in ("present", "represented", "absent"):
            value = getattr(h, key)
            if not _is_int(value) or value < 0:
                yield Problem(
                    f"{path}.{key}",
                    N_("must be a whole number >= 0, not {value}"),
                    {"value": repr(value)},
                )
        for key, label in (("from", h.from_item), ("until", h.until_item)):
            if label is not None and not (isinstance(label, str) and label in labels):
                yield Problem(
                    f"{path}.{key}", N_("unknown item label {label}"), {"label": repr(label)}
                )


def _member_problems(members: tuple[Member, ...], *, counted: bool = False) -> Iterator[Problem]:
    seen: set[str] = set()
    roles: dict[str, Role] = {}
    if not members and not counted:
        yield Problem("$.members", N_("no members: list every member, present or absent"))
    for i, m in enumerate(members):
        path = f"$.members[{i}]"
        if not isinstance(m, Member):
            yield Problem(path, N_("expected a member, not {type}"), {"type": type(m).__name__})
            continue
        if not isinstance(m.id, str) or not m.id.strip():
            yield Problem(
                f"{path}.id",
                N_("an id must be a non-empty string, not {value}"),
                {"value": repr(m.id)},
            )
        elif m.id in seen:
            yield Problem(f"{path}.id", N_("duplicate member id {id}"), {"id": repr(m.id)})
        else:
            seen.add(m.id)
            roles[m.id] = m.role
        yield from _record_problems(m, path)
    for i, m in enumerate(members):
        if not isinstance(m, Member) or m.substitute_for is None:
            continue
        path = f"$.members[{i}].substitute_for"
        whose = _whose(m)
        if m.role is not Role.SUBSTITUTE:
            yield Problem(
                path,
                N_("only a substitute sits for a titular (set role to 'substitute') ({whose})"),
                {"whose": whose},
            )
        elif not isinstance(m.substitute_for, str) or m.substitute_for not in roles:
            yield Problem(
                path,
                N_("unknown member id {id} ({whose})"),
                {"id": _label(m.substitute_for), "whose": whose},
            )
        elif m.substitute_for == m.id or roles[m.substitute_for] is not Role.TITULAR:
            yield Problem(
                path,
                N_("{id} is not a titular ({whose})"),
                {"id": repr(m.substitute_for), "whose": whose},
            )


def _tally_problems(tallies: tuple[Tally, ...], labels: set[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, t in enumerate(tallies):
        path = f"$.tallies[{i}]"
        if not isinstance(t, Tally):
            yield Problem(path, N_("expected a tally, not {type}"), {"type": type(t).__name__})
            continue
        if not (isinstance(t.item, str) and t.item in labels):
            yield Problem(
                f"{path}.item", N_("unknown item label {label}"), {"label": _label(t.item)}
            )
        elif t.item in seen:
            yield Problem(
                f"{path}.item", N_("a second tally for item {label}"), {"label": repr(t.item)}
            )
        else:
            seen.add(t.item)
        whose = Message(N_("tally of item {label}"), {"label": _label(t.item)})
        for key in (*TALLY_COUNTS, "present", "voters", "pour_members"):
            value = getattr(t, key)
            exact = key in TALLY_COUNTS and isinstance(value, Decimal) and _sane(value)
            if value is not None and (not (_is_int(value) or exact) or value < 0):
                yield Problem(
                    f"{path}.{key}",
                    N_("a count must be a whole number >= 0, not {value} ({whose})"),
                    {"value": repr(value), "whose": whose},
                )
        for key in ("unanimous", "secret"):
            if not isinstance(getattr(t, key), bool):
                yield Problem(
                    f"{path}.{key}",
                    N_("must be true or false, not {value} ({whose})"),
                    {"value": repr(getattr(t, key)), "whose": whose},
                )
        for key, kind in (("outcome", Outcome), ("casting_vote", CastingVote)):
            value = getattr(t, key)
            if value is not None and not isinstance(value, kind):
                allowed = [v.value for v in kind]
                yield Problem(
                    f"{path}.{key}",
                    N_("must be {first} or {second}, not {value} ({whose})"),
                    {
                        "first": repr(allowed[0]),
                        "second": repr(allowed[1]),
                        "value": repr(value),
                        "whose": whose,
                    },
                )
        if t.majority is not None and not isinstance(t.majority, str):
            yield Problem(
                f"{path}.majority",
                N_("expected a majority name, not {value} ({whose})"),
                {"value": repr(t.majority), "whose": whose},
            )
