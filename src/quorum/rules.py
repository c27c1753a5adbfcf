"""Rule sets as data: quorum, proxies, substitutes, conflicts of interest, majorities.

A :class:`RuleSet` is a frozen value made of small policies (:class:`QuorumRule`,
:class:`ProxyRule`, :class:`Majority`); the named rule sets, their legal sources and dates of force
are in :mod:`quorum.rulesets`. The arithmetic is exact: counts are ints, weights int or Decimal,
fractions :class:`fractions.Fraction`; never a float.
"""

from __future__ import annotations

import datetime
import enum
import math
import re
from collections.abc import Mapping
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Literal

import attrs

Number = int | Decimal
Basis = Literal["head", "weight"]
MajorityBase = Literal["expressed", "cast", "all"]

HALF = Fraction(1, 2)


def majority_of(members_in_office: int) -> int:
    """More than half: ``n // 2 + 1`` (123 -> 62, 11 -> 6; not ``ceil(n / 2 + 1)``, which gives 7
    for 11)."""
    return members_in_office // 2 + 1


def _exact(value: Number | Fraction) -> Fraction:
    return Fraction(value)


def to_number(value: Fraction) -> Number:
    """An exact Fraction as an int when whole, as an exact Decimal when it has a finite decimal
    expansion (4.2), else as a Decimal rounded to 6 places (a third of 100: 33.333333)."""
    if value.denominator == 1:
        return int(value)
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    with localcontext() as ctx:  # as many digits as the value needs (1e22 x 2/3 has 23)
        ctx.prec = len(str(abs(value.numerator))) + value.denominator.bit_length() + 8
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
        if den == 1:
            return quotient.normalize()  # not whole, so never written with an exponent
        return quotient.quantize(Decimal("0.000001"))


@attrs.frozen(kw_only=True)
class QuorumRule:
    """How many must be there when an item is taken up.

    Attributes:
        fraction: of the members in office (head) or of all voices (weight).
        strict: ``True`` for "more than" the fraction (``n // 2 + 1`` for one half), ``False``
            for "at least" it (``ceil(n / 3)`` for one third).
        basis: ``head`` counts members, ``weight`` counts their voices (shares, tantièmes).
        represented: whether members represented by a usable proxy count toward quorum.
        second_call: the fraction on a second convocation; ``None``: no quorum then.
        article: the text quorum comes from, cited in findings.
    """

    fraction: Fraction = HALF
    strict: bool = True
    basis: Basis = "head"
    represented: bool = False
    minimum: int = 0
    second_call: Fraction | None = None
    article: str

    def threshold(self, total: Number, convocation: int = 1) -> Fraction | None:
        """The fraction of ``total`` that must be there; ``None`` when no quorum is needed."""
        fraction = self.fraction if convocation < 2 else self.second_call
        return None if fraction is None else fraction * _exact(total)

    def required(self, total: Number, convocation: int = 1) -> Number | None:
        """The smallest count that reaches quorum (by head), or the threshold (by weight)."""
        threshold = self.threshold(total, convocation)
        if threshold is None:
            return None
        if self.basis == "head":
            need = math.floor(threshold) + 1 if self.strict else math.ceil(threshold)
            return max(need, self.minimum)
        return to_number(threshold)

    def reached(self, counted: Number, total: Number, convocation: int = 1) -> bool:
        """Whether ``counted`` reaches quorum."""
        threshold = self.threshold(total, convocation)
        if threshold is None:
            return True
        if self.basis == "head" and counted < self.minimum:
            return False
        got = _exact(counted)
        return got > threshold if self.strict else got >= threshold


@attrs.frozen(kw_only=True)
class ProxyRule:
    """Who may carry whose vote.

    Attributes:
        allowed: ``False`` where proxies are not allowed at all (each one is reported).
        per_holder: usable proxies one holder may carry at an item; ``None``: no limit.
        weight_exception: a holder may carry more than ``per_holder`` when his own voices plus
            his givers' are at most this share of all voices (copropriété art. 22).
        article: the text proxies come from.
    """

    allowed: bool = True
    per_holder: int | None = 1
    weight_exception: Fraction | None = None
    outsiders: bool = False
    """Whether a holder who is not a member may carry proxies (copropriété art. 22; a
    shareholder's representative, C. com. L225-106); elsewhere the holder must be a member."""
    article: str


@attrs.frozen(kw_only=True)
class Majority:
    """When a decision is adopted.

    ``pour`` must be more than (``strict``) or at least ``fraction`` of the ``base``:
    ``expressed`` = pour + contre (suffrages exprimés: abstentions, blank and null votes and
    "ne prend pas part au vote" excluded); ``cast`` = every voice present or represented;
    ``all`` = every voice in office (copropriété art. 25). ``heads``: also more than this
    fraction of all members by head must vote pour (art. 26). On a tie of pour and contre,
    ``casting_vote`` lets the president's vote decide, except in a secret ballot.

    ``unless_against``: adopted unless a majority votes against, so also when nobody votes at
    all (compte administratif, CGCT L1612-12 al. 2). ``null_ballots``: null (illegal) ballots
    count in the base of a ballot vote, blank ones do not (RONR 12th ed. 45:32-33).
    ``fallback``: when the majority fails but pour reaches this share of all voices (and, with
    ``fallback_heads``, at least this share of the members present or represented by head vote
    pour), an immediate second vote at the ``fallback_to`` majority is possible (copropriété
    art. 25-1, 26-1).
    """

    name: str
    fraction: Fraction = HALF
    strict: bool = True
    base: MajorityBase = "expressed"
    heads: Fraction | None = None
    casting_vote: bool = False
    fallback: Fraction | None = None
    fallback_heads: Fraction | None = None
    fallback_to: str | None = None
    unless_against: bool = False
    null_ballots: bool = False
    article: str

    def describe(self) -> str:
        """In words: ``more than 1/2 of the votes expressed (pour + contre)``."""
        base = {
            "expressed": "the votes expressed (pour + contre)",
            "cast": "the voices present or represented",
            "all": "all the voices",
        }[self.base]
        if self.null_ballots:
            base = "the votes cast (pour + contre + null ballots; blank ballots excluded)"
        words = "more than" if self.strict else "at least"
        extra = f" (and more than {self.heads} of all members by head)" if self.heads else ""
        if self.unless_against:
            return f"adopted unless more than {self.fraction} of {base} are contre"
        return f"{words} {self.fraction} of {base}{extra}"


@attrs.frozen(kw_only=True)
class RuleSet:
    """The parameters of one body of rules, with its sources and its dates of force."""

    name: str
    title: str
    body: str
    quorum: QuorumRule | None
    proxies: ProxyRule
    majorities: tuple[Majority, ...]
    substitutes: bool = False
    substitute_rule: str | None = None
    weighted: bool = False
    reduce_majority_owner: bool = False
    interest_rule: str = "CGCT art. L2131-11"
    representatives_leave_office: bool = False
    representatives_since: datetime.date | None = None
    """The date from which L1111-6 representatives leave the members in office (loi 3DS in
    force on 23 February 2022); ``None``: whenever ``representatives_leave_office``."""
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def quorum_rule(self) -> str:
        """The article quorum comes from (``no quorum`` when there is none)."""
        return self.quorum.article if self.quorum else "no quorum"

    @property
    def proxy_rule(self) -> str:
        """The article proxies come from."""
        return self.proxies.article

    def representatives_leave(self, date: datetime.date | None) -> bool:
        """Whether L1111-6 representatives who withdraw leave the members in office on this
        date (a session without a date: today's law)."""
        if not self.representatives_leave_office:
            return False
        since = self.representatives_since
        return since is None or date is None or date >= since

    @property
    def majority(self) -> Majority:
        """The default majority (the first)."""
        return self.majorities[0]

    def majority_named(self, name: str | None) -> Majority | None:
        """The majority of this name (the default for ``None``), or ``None`` if unknown."""
        if name is None:
            return self.majority
        return next((m for m in self.majorities if m.name == name), None)

    def in_force(self, date: datetime.date) -> bool:
        """Whether the rule set applies on this date."""
        after = self.valid_from is None or date >= self.valid_from
        return after and (self.valid_until is None or date <= self.valid_until)

    def dates(self) -> str:
        """``from 2021-11-11 to 2022-07-31``, ``since 2022-08-01``, ``always``."""
        if self.valid_from and self.valid_until:
            return f"from {self.valid_from} to {self.valid_until}"
        if self.valid_from:
            return f"since {self.valid_from}"
        if self.valid_until:
            return f"until {self.valid_until}"
        return "always"


class Outcome(enum.StrEnum):
    """What a vote gives: ``adopted`` or ``rejected`` (a ``str``: ``Outcome.ADOPTED ==
    "adopted"``, and JSON writes the word)."""

    ADOPTED = "adopted"
    REJECTED = "rejected"


@attrs.frozen
class Decision:
    """The outcome the counts give, and how."""

    outcome: Outcome | None
    reason: str
    tie: bool = False
    fallback_possible: bool = False


def decide(
    majority: Majority,
    counts: Mapping[str, Number | Fraction | None],
    *,
    cast: Number,
    total: Number,
    members: int,
    secret: bool,
    casting_vote: str | None,
    pour_members: int | None = None,
    voting_members: int | None = None,
) -> Decision:
    """Apply a majority to a tally.

    Args:
        counts: the reported tally (pour, contre, ...); ``None`` for what is not reported.
        cast: every voice present or represented at the item (the computed voters or weight).
        total: every voice in office (members in office, or all weights).
        members: members in office by head (for a double majority).
        casting_vote: ``"pour"`` or ``"contre"``: the president's vote, when known.
        pour_members: members by head voting pour (for a double majority).
        voting_members: members present or represented by head (for an art. 26-1 fallback).
    """
    pour = _exact(counts.get("pour") or 0)
    contre = _exact(counts.get("contre") or 0)
    expressed = pour + contre
    if majority.null_ballots:
        expressed += _exact(counts.get("null") or 0)
    base = {"expressed": expressed, "cast": _exact(cast), "all": _exact(total)}[majority.base]
    if majority.unless_against:
        against = contre > majority.fraction * base
        words = f"contre {to_number(contre)} of {to_number(base)} votes expressed: " + (
            "a majority against" if against else "no majority against"
        )
        if base == 0:
            words = "nobody voted contre (pour + contre = 0): no majority against"
        return Decision(Outcome.REJECTED if against else Outcome.ADOPTED, words)
    if majority.base == "expressed" and base == 0:
        return Decision(None, "nobody expressed a vote (pour + contre = 0): nothing is adopted")
    need = majority.fraction * base
    ok = pour > need if majority.strict else pour >= need
    limit = "more than" if majority.strict else "at least"
    words = (
        f"pour {to_number(pour)}; needed {majority.describe()}: {limit} "
        f"{majority.fraction} x {to_number(base)} = {to_number(need)}"
    )
    tie = (
        majority.base == "expressed" and majority.fraction == HALF and majority.strict
        and pour == contre
    )  # fmt: skip
    if tie:
        if not majority.casting_vote:
            return Decision(Outcome.REJECTED, f"tie ({words}): a tie loses", tie=True)
        if secret:
            return Decision(Outcome.REJECTED, "tie in a secret ballot: no casting vote", tie=True)
        if casting_vote in ("pour", "contre"):
            outcome = Outcome.ADOPTED if casting_vote == "pour" else Outcome.REJECTED
            return Decision(outcome, f"tie: the president's casting vote ({casting_vote})", True)
        return Decision(None, "tie: the president's casting vote decides; not reported", True)
    if ok and majority.heads is not None:
        if pour_members is None:
            return Decision(None, f"{words}; the head count of pour is not reported")
        ok = _exact(pour_members) > majority.heads * members
        words += f"; {pour_members} members pour of {members}"
    fallback = bool(
        not ok and majority.fallback is not None and pour >= majority.fallback * _exact(total)
    )
    if fallback and majority.fallback_heads is not None:
        fallback = (
            pour_members is not None
            and voting_members is not None
            and _exact(pour_members) >= majority.fallback_heads * voting_members
        )
    outcome = Outcome.ADOPTED if ok else Outcome.REJECTED
    return Decision(outcome, words, fallback_possible=fallback)


# --- the dict form of a rule set ----------------------------------------------------------------


def _fraction_text(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def _date_text(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def rule_set_to_dict(r: RuleSet) -> dict[str, Any]:
    """A rule set as JSON (the ``rules`` object of ``quorum-audit/1``, less ``chosen``):
    :func:`rule_set_from_dict` reads it back into an equal rule set.

    ``quorum`` and ``proxies`` are the articles they come from, ``in_force`` and each majority's
    ``rule`` are words for a reader: the policies themselves are ``quorum_policy`` and
    ``proxy_policy`` and each majority's other keys. Fractions are written ``"1/3"``, dates
    ``YYYY-MM-DD``.
    """
    quorum = r.quorum
    return {
        "name": r.name,
        "title": r.title,
        "body": r.body,
        "valid_from": _date_text(r.valid_from),
        "valid_until": _date_text(r.valid_until),
        "in_force": r.dates(),
        "quorum": r.quorum_rule,
        "proxies": r.proxy_rule,
        "majorities": [
            {
                "name": m.name,
                "rule": m.describe(),
                "article": m.article,
                "fraction": str(m.fraction),
                "strict": m.strict,
                "base": m.base,
                "heads": _fraction_text(m.heads),
                "casting_vote": m.casting_vote,
                "fallback": _fraction_text(m.fallback),
                "fallback_heads": _fraction_text(m.fallback_heads),
                "fallback_to": m.fallback_to,
                "unless_against": m.unless_against,
                "null_ballots": m.null_ballots,
            }
            for m in r.majorities
        ],
        "sources": list(r.sources),
        "notes": list(r.notes),
        "quorum_policy": None
        if quorum is None
        else {
            "fraction": str(quorum.fraction),
            "strict": quorum.strict,
            "basis": quorum.basis,
            "represented": quorum.represented,
            "minimum": quorum.minimum,
            "second_call": _fraction_text(quorum.second_call),
            "article": quorum.article,
        },
        "proxy_policy": {
            "allowed": r.proxies.allowed,
            "per_holder": r.proxies.per_holder,
            "weight_exception": _fraction_text(r.proxies.weight_exception),
            "outsiders": r.proxies.outsiders,
            "article": r.proxies.article,
        },
        "substitutes": r.substitutes,
        "substitute_rule": r.substitute_rule,
        "weighted": r.weighted,
        "reduce_majority_owner": r.reduce_majority_owner,
        "interest_rule": r.interest_rule,
        "representatives_leave_office": r.representatives_leave_office,
        "representatives_since": _date_text(r.representatives_since),
    }


_FRACTION = re.compile(r"-?[0-9]{1,40}(?:/[0-9]{1,40})?", re.ASCII)
"""A fraction as :func:`rule_set_to_dict` writes it (``str(Fraction)``): ``"1/3"``, ``"1"``."""


class _Fields:
    """Reads typed values out of one JSON object, naming the path of the first bad one."""

    def __init__(self, doc: object, path: str) -> None:
        if not isinstance(doc, Mapping):
            raise ValueError(f"{path}: expected an object, not {doc!r:.60}")
        self.doc, self.path = doc, path

    def get(self, key: str, kind: type | tuple[type, ...], *, null: bool = False) -> Any:
        if key not in self.doc:
            raise ValueError(f"{self.path}.{key}: required key is missing")
        value = self.doc[key]
        if value is None and null:
            return None
        want = _kind(kind) + (" or null" if null else "")
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise ValueError(f"{self.path}.{key}: expected {want}, not {value!r}")
        if not isinstance(value, kind):
            raise ValueError(f"{self.path}.{key}: expected {want}, not {value!r:.60}")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> Any:
        value = self.get(key, str)
        if value not in allowed:
            raise ValueError(f"{self.path}.{key}: expected one of {', '.join(allowed)}")
        return value

    def fraction(self, key: str, *, null: bool = False) -> Fraction | None:
        text = self.get(key, str, null=null)
        if text is None:
            return None
        try:
            if not _FRACTION.fullmatch(text):  # no "1e-99999999": a few digits over a few
                raise ValueError(text)
            return Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(
                f'{self.path}.{key}: not a fraction such as "1/3": {text!r:.60}'
            ) from None

    def date(self, key: str) -> datetime.date | None:
        text = self.get(key, str, null=True)
        if text is None:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{self.path}.{key}: expected a date YYYY-MM-DD, not {text!r:.60}"
            ) from None

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"{self.path}.{key}: expected a list of strings")
        return tuple(values)


def _kind(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    words = {bool: "true or false", str: "a string", int: "a whole number", list: "a list",
             Mapping: "an object"}  # fmt: skip
    return " or ".join(words.get(k, k.__name__) for k in kinds)


def rule_set_from_dict(doc: Mapping[str, Any], path: str = "$") -> RuleSet:
    """The rule set :func:`rule_set_to_dict` wrote (the ``rules`` object of a
    ``quorum-audit/1`` document; its words, ``in_force``, ``chosen`` and each majority's
    ``rule``, are not read).

    Raises:
        ValueError: a key is missing or a value has the wrong type, with its path.
    """
    f = _Fields(doc, path)
    majorities = f.get("majorities", list)
    if not majorities:
        raise ValueError(f"{path}.majorities: a rule set has at least one majority")
    read: list[Majority] = []
    for i, raw in enumerate(majorities):
        m = _Fields(raw, f"{path}.majorities[{i}]")
        read.append(
            Majority(
                name=m.get("name", str),
                fraction=m.fraction("fraction") or Fraction(0),
                strict=m.get("strict", bool),
                base=m.choice("base", ("expressed", "cast", "all")),
                heads=m.fraction("heads", null=True),
                casting_vote=m.get("casting_vote", bool),
                fallback=m.fraction("fallback", null=True),
                fallback_heads=m.fraction("fallback_heads", null=True),
                fallback_to=m.get("fallback_to", str, null=True),
                unless_against=m.get("unless_against", bool),
                null_ballots=m.get("null_ballots", bool),
                article=m.get("article", str),
            )
        )
    quorum = None
    if f.get("quorum_policy", Mapping, null=True) is not None:
        q = _Fields(doc["quorum_policy"], f"{path}.quorum_policy")
        quorum = QuorumRule(
            fraction=q.fraction("fraction") or Fraction(0),
            strict=q.get("strict", bool),
            basis=q.choice("basis", ("head", "weight")),
            represented=q.get("represented", bool),
            minimum=q.get("minimum", int),
            second_call=q.fraction("second_call", null=True),
            article=q.get("article", str),
        )
    p = _Fields(f.get("proxy_policy", Mapping), f"{path}.proxy_policy")
    proxies = ProxyRule(
        allowed=p.get("allowed", bool),
        per_holder=p.get("per_holder", int, null=True),
        weight_exception=p.fraction("weight_exception", null=True),
        outsiders=p.get("outsiders", bool),
        article=p.get("article", str),
    )
    return RuleSet(
        name=f.get("name", str),
        title=f.get("title", str),
        body=f.get("body", str),
        quorum=quorum,
        proxies=proxies,
        majorities=tuple(read),
        substitutes=f.get("substitutes", bool),
        substitute_rule=f.get("substitute_rule", str, null=True),
        weighted=f.get("weighted", bool),
        reduce_majority_owner=f.get("reduce_majority_owner", bool),
        interest_rule=f.get("interest_rule", str),
        representatives_leave_office=f.get("representatives_leave_office", bool),
        representatives_since=f.date("representatives_since"),
        valid_from=f.date("valid_from"),
        valid_until=f.date("valid_until"),
        sources=f.texts("sources"),
        notes=f.texts("notes"),
    )
