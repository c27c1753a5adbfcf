"""Who counts at each item: presence, substitutes, withdrawals, usable proxies, and the sweep.

:class:`Counts` applies a rule set's presence and proxy rules to a session once, as span sets
over positions, then totals every item in one sweep over interval ends. Anything it does not
count is recorded as a :class:`Draft` finding, with the positions it concerns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from functools import cached_property

import attrs

from quorum import timeline as tl
from quorum.findings import N_, Finding, Params, Severity, Source, params_of
from quorum.model import Proxy, Session
from quorum.rules import Number, RuleSet
from quorum.timeline import EMPTY, Spans

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen
class Draft:
    """A finding before its items are known.

    ``template`` is the English message template, marked :func:`~quorum.findings.N_` so that
    the catalogue translates it; ``params`` fill it when a report is written (``{items}`` is the
    finding's items in words). Names, labels and numbers are parameters, never part of the
    template, so a member named ``"{items} X"`` is printed as he is named.
    """

    code: str
    severity: Severity
    template: str
    rule: str | None
    members: tuple[str, ...]
    spans: Spans = attrs.field(eq=False)  # drafts differing only by their items are one finding
    source: Source | None = None
    params: Params = attrs.field(default=(), converter=params_of)

    def finding(self, items: tuple[str, ...]) -> Finding:
        """The finding of this draft at these items (a run of labels, or none)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            template=self.template,
            params=self.params,
            items=items,
            members=self.members,
            rule=self.rule,
            source=self.source,
        )


def draft(
    code: str,
    severity: Severity,
    template: str,
    rule: str | None,
    members: Iterable[str],
    spans: Spans,
    source: Source | None = None,
    /,
    **params: object,
) -> Draft:
    """A draft of the message ``template`` (English, marked ``N_``) and its ``params`` (see
    :class:`Draft`)."""
    return Draft(code, severity, template, rule, tuple(members), spans, source, params)


class Counts:
    """Everything counted once for a session under a rule set."""

    def __init__(self, session: Session, rules: RuleSet) -> None:
        self.session = session
        self.rules = rules
        self.drafts: list[Draft] = []
        n = self.length = len(session.agenda)
        self.index = {m.id: i for i, m in enumerate(session.members)}
        # a proxy holder who is not a member has no voices of his own (copropriété art. 22)
        self.weights: list[Number] = [0 if m.is_outsider else m.weight for m in session.members]
        self._reduce_majority_owner()
        self.total_weight: Number = sum(
            (w for m, w in zip(session.members, self.weights, strict=True) if m.holds_seat),
            start=0,
        )
        """All voices: the (reduced) weights of every member who holds a seat."""
        self.votes: list[Number] = [
            w if m.votes is None or m.is_outsider else m.votes
            for m, w in zip(session.members, self.weights, strict=True)
        ]
        """Votes (majorities): a member's ``votes`` when given (double voting rights, C. com.
        L225-123), else his weight; quorum counts weights (shares with voting rights)."""
        self.total_votes: Number = sum(
            (v for m, v in zip(session.members, self.votes, strict=True) if m.holds_seat),
            start=0,
        )
        raw: list[list[tuple[int, int]]] = [[] for _ in session.members]
        for st in session.attendance:
            raw[self.index[st.member]].extend(self.range(st.from_item, st.until_item))
        self.raw: list[Spans] = [tl.union(r) for r in raw]
        self.present: list[Spans] = list(self.raw)
        self.seat: list[Spans] = list(self.raw)
        self._substitutes()
        self.withdrawn: list[Spans] = [EMPTY] * len(session.members)
        representative: list[Spans] = [EMPTY] * len(session.members)
        for w in session.withdrawals:
            i = self.index[w.member]
            spans = self.range(w.from_item, w.until_item)
            self.withdrawn[i] = tl.union(self.withdrawn[i] + spans)
            if w.reason == "representative":
                representative[i] = tl.union(representative[i] + spans)
        sitting = list(self.present)
        self.present = [tl.subtract(p, w) for p, w in zip(sitting, self.withdrawn, strict=True)]
        self.counted: list[Spans] = self._proxies()
        # a proxy holder who is not a member is there only to carry proxies: in no head count
        self.members_present = [
            EMPTY if m.is_outsider else p
            for m, p in zip(session.members, self.present, strict=True)
        ]
        self.present_count, self.present_weight = tl.sweep(
            n, zip(self.members_present, self.weights, strict=True)
        )
        givers = (self.weights[self.index[p.giver]] for p in session.proxies)
        self.proxy_count, self.proxy_weight = tl.sweep(n, zip(self.counted, givers, strict=True))
        for h in session.headcounts:  # members counted but not named: one voice each
            self.total_weight += h.seats
            for pos in tl.positions(self.range(h.from_item, h.until_item)):
                self.present_count[pos] += h.present
                self.present_weight[pos] += h.present
                self.proxy_count[pos] += h.represented
                self.proxy_weight[pos] += h.represented
        self.present_votes, self.proxy_votes = self.present_weight, self.proxy_weight
        if any(m.votes is not None for m in session.members):  # double voting rights
            _, self.present_votes = tl.sweep(n, zip(self.members_present, self.votes, strict=True))
            giver_votes = (self.votes[self.index[p.giver]] for p in session.proxies)
            _, self.proxy_votes = tl.sweep(n, zip(self.counted, giver_votes, strict=True))
        withdrawn_here = (tl.intersect(s, w) for s, w in zip(sitting, self.withdrawn, strict=True))
        self.withdrawn_count, _ = tl.sweep(n, ((s, 1) for s in withdrawn_here))
        self.representatives, _ = tl.sweep(n, ((s, 1) for s in representative))

    def range(self, from_item: str | None, until_item: str | None) -> Spans:
        """The span set of an inclusive range of item labels (``None``: open end)."""
        at = self.session.position
        first = None if from_item is None else at(from_item) - 1
        last = None if until_item is None else at(until_item) - 1
        return tl.span(first, last, self.length)

    def draft(
        self,
        code: str,
        severity: Severity,
        template: str,
        rule: str | None,
        members: Iterable[str],
        spans: Spans,
        source: Source | None = None,
        /,
        **params: object,
    ) -> None:
        """Record a finding over some positions (nothing when ``spans`` is empty): its English
        ``template``, marked ``N_``, and its ``params`` (see :class:`Draft`)."""
        if spans:
            self.drafts.append(
                draft(code, severity, template, rule, members, spans, source, **params)
            )

    def name(self, member_id: str) -> str:
        return self.session.member(member_id).name

    def _reduce_majority_owner(self) -> None:
        """Copropriété art. 22: an owner of more than half has the others' voices, no more."""
        if not self.rules.reduce_majority_owner:
            return
        total = sum(self.weights, start=0)
        for i, w in enumerate(self.weights):
            if w * 2 > total:
                self.weights[i] = total - w
                m = self.session.members[i]
                self.drafts.append(draft(
                    "MAJORITY_OWNER_REDUCED", INFO,
                    N_("{name} holds {weight} of {total} voices, more than half: his voices are "
                    "reduced to the sum of the others', {reduced}"), "loi 65-557 art. 22",
                    (m.id,), EMPTY, m.source, name=m.name, weight=w, total=total,
                    reduced=total - w,
                ))  # fmt: skip

    def _substitutes(self) -> None:
        """A substitute counts where his titular's seat is empty: not where the titular sits,
        nor where a substitute listed before him already sits for the same titular (a seat
        votes once)."""
        r = self.rules
        sitting: dict[int, list[int]] = defaultdict(list)  # titular -> substitutes counted
        for i, m in enumerate(self.session.members):
            if not m.is_substitute or not self.raw[i]:
                continue
            if not r.substitutes:
                self.present[i] = EMPTY
                self.draft(
                    "SUBSTITUTE_NOT_ALLOWED", ERROR,
                    N_("{name} is listed as a substitute, which {rules} rules do not "
                    "provide for: not counted at {items}"), r.quorum_rule, [m.id],
                    self.raw[i], m.source, name=m.name, rules=r.name,
                )  # fmt: skip
            elif m.substitute_for is not None:
                t = self.index[m.substitute_for]
                both = tl.intersect(self.raw[i], self.raw[t])
                self.draft(
                    "SUBSTITUTE_WITH_TITULAR", ERROR,
                    N_("{name} sits as substitute for {titular} while the titular is present at "
                    "{items}: only the titular is counted"), r.substitute_rule,
                    [m.substitute_for, m.id], both, m.source,
                    name=m.name, titular=self.name(m.substitute_for),
                )  # fmt: skip
                alone = tl.subtract(self.raw[i], self.raw[t])
                for k in sitting[t]:  # an earlier substitute already holds the seat there
                    other = self.session.members[k]
                    self.draft(
                        "SECOND_SUBSTITUTE", ERROR,
                        N_("{name} and {first} both sit as substitutes for {titular} at {items}: "
                        "the seat votes once, only {first} (listed first) is counted"),
                        r.substitute_rule, [m.substitute_for, m.id, other.id],
                        tl.intersect(alone, self.present[k]), m.source,
                        name=m.name, first=other.name, titular=self.name(m.substitute_for),
                    )  # fmt: skip
                    alone = tl.subtract(alone, self.present[k])
                self.present[i] = alone
                self.seat[t] = tl.union(self.seat[t] + alone)
                sitting[t].append(i)

    def _proxies(self) -> list[Spans]:
        r, s = self.rules, self.session
        rule = r.proxy_rule
        candidate: list[Spans] = []
        for p in s.proxies:
            g, h = self.index[p.giver], self.index[p.holder]
            in_force = self.range(p.from_item, p.until_item)
            giver, holder = s.members[g], s.members[h]
            who = [p.giver, p.holder]
            names = {"giver": giver.name, "holder": holder.name}
            if giver.is_substitute:
                self.draft(
                    "PROXY_FROM_SUBSTITUTE", WARNING,
                    N_("{giver} is a substitute and cannot give a proxy (only the titular "
                    "can): the proxy to {holder} is not counted at {items}"),
                    rule, who, in_force, p.source, **names,
                )  # fmt: skip
                candidate.append(EMPTY)
                continue
            self.draft(
                "PROXY_GIVER_PRESENT", WARNING,
                N_("{giver} is present at {items} while his proxy to {holder} is in "
                "force: his voice is cast once, by himself, and the proxy is not counted there"),
                rule, who, tl.intersect(in_force, self.raw[g]), p.source, **names,
            )  # fmt: skip
            self.draft(
                "SUBSTITUTE_AND_PROXY", ERROR,
                N_("{giver}'s substitute sits at {items} while his proxy to {holder} "
                "is in force: the seat votes once, the proxy is not counted"),
                r.substitute_rule, who,
                tl.subtract(tl.intersect(in_force, self.seat[g]), self.raw[g]), p.source,
                **names,
            )  # fmt: skip
            usable = tl.subtract(in_force, self.seat[g])
            self.draft(
                "PROXY_GIVER_WITHDRAWN", WARNING,
                N_("{giver} takes no part in {items} (withdrawn): his proxy to "
                "{holder} cannot be used there either"), r.interest_rule, who,
                tl.intersect(usable, self.withdrawn[g]), p.source, **names,
            )  # fmt: skip
            usable = tl.subtract(usable, self.withdrawn[g])
            self.draft(
                "PROXY_HOLDER_WITHDRAWN", WARNING,
                N_("{holder} takes no part in {items} (withdrawn), so he cannot cast "
                "{giver}'s vote there: the giver's vote is lost"), r.interest_rule, who,
                tl.intersect(usable, tl.intersect(self.seat[h], self.withdrawn[h])), p.source,
                **names,
            )  # fmt: skip
            self.draft(
                "PROXY_HOLDER_ABSENT", WARNING,
                N_("{giver}'s proxy to {holder} cannot be used at {items}: the holder "
                "is absent there, so the giver's vote is lost"), rule, who,
                tl.subtract(
                    tl.subtract(usable, self.present[h]),
                    tl.intersect(self.seat[h], self.withdrawn[h]),  # said as HOLDER_WITHDRAWN
                ),
                p.source, **names,
            )  # fmt: skip
            usable = tl.intersect(usable, self.present[h])
            # a sitting substitute may hold a proxy: « rien ne s'oppose » (RM JOAN QE 49337)
            if holder.is_outsider and not r.proxies.outsiders:
                self.draft(
                    "PROXY_HOLDER_NOT_MEMBER", WARNING,
                    N_("{giver}'s proxy to {holder} is not counted at {items}: {holder} is not a "
                    "member, and {rules} rules let only a member hold a proxy"), rule, who, usable,
                    p.source, **names, rules=r.name,
                )  # fmt: skip
                usable = EMPTY
            if not r.proxies.allowed:
                self.draft(
                    "PROXY_NOT_ALLOWED", WARNING,
                    N_("{giver}'s proxy to {holder} is not counted at {items}: "
                    "{rules} rules allow no proxies"), rule, who, usable, p.source, **names,
                    rules=r.name,
                )  # fmt: skip
                usable = EMPTY
            candidate.append(usable)
        by_giver = self._limit(candidate, "giver")
        return self._limit(by_giver, "holder")

    def _cap(self, holder: str) -> int | tl.Limit[int] | None:
        """The holder's limit: a number, or a function of the proxies competing on a piece."""
        rule = self.rules.proxies
        if rule.per_holder is None or rule.weight_exception is None:
            return rule.per_holder
        share = rule.weight_exception * Fraction(self.total_weight)
        own = self.weights[self.index[holder]]
        proxies, index, weights = self.session.proxies, self.index, self.weights

        def limit(ks: list[int]) -> int | None:
            carried = own + sum((weights[index[proxies[k].giver]] for k in ks), start=0)
            return None if Fraction(carried) <= share else rule.per_holder

        return limit

    def _limit(self, spans: list[Spans], side: str) -> list[Spans]:
        """Keep at most one proxy per giver, or the rule set's number per holder, at each item
        (the first given in the minutes wins)."""
        proxies = self.session.proxies
        groups: dict[str, list[int]] = defaultdict(list)
        for k, p in enumerate(proxies):
            if spans[k]:
                groups[getattr(p, side)].append(k)
        out = list(spans)
        for who, ks in groups.items():
            limit = 1 if side == "giver" else self._cap(who)
            shares = tl.allocate([(k, spans[k]) for k in ks], limit)
            for k in ks:
                kept, lost = shares[k]
                out[k] = kept
                if lost:
                    others = [
                        proxies[j] for j in ks if j != k and tl.intersect(shares[j][0], lost)
                    ]
                    self._over_limit(proxies[k], side, lost, others)
        return out

    def _over_limit(self, p: Proxy, side: str, lost: Spans, kept: list[Proxy]) -> None:
        giver, holder = self.name(p.giver), self.name(p.holder)
        others = [(self.name(q.giver), self.name(q.holder)) for q in kept]
        rule = self.rules.proxies
        if side == "giver":
            self.draft(
                "GIVER_MULTIPLE_PROXIES", ERROR,
                N_("{giver} gives two proxies in force at {items}: the one to {holder} is not "
                "counted there (counted: {others}); a voice is cast once"), rule.article,
                [p.giver, p.holder, *(q.holder for q in kept)], lost, p.source,
                giver=giver, holder=holder, others=others,
            )  # fmt: skip
            return
        limit = rule.per_holder or 0
        if rule.weight_exception:
            template = (
                N_("{holder} would carry more than {limit} proxy and more than {share} of all "
                   "voices at {items}: {giver}'s proxy is not counted there (counted: {others})")
                if limit == 1 else
                N_("{holder} would carry more than {limit} proxies and more than {share} of all "
                   "voices at {items}: {giver}'s proxy is not counted there (counted: {others})")
            )  # fmt: skip
        else:
            template = (
                N_("{holder} would carry more than {limit} proxy at {items}: {giver}'s proxy "
                   "is not counted there (counted: {others})")
                if limit == 1 else
                N_("{holder} would carry more than {limit} proxies at {items}: {giver}'s proxy "
                   "is not counted there (counted: {others})")
            )  # fmt: skip
        self.draft(
            "PROXY_LIMIT_EXCEEDED", ERROR, template, rule.article,
            [p.holder, p.giver, *(q.giver for q in kept)], lost, p.source,
            giver=giver, holder=holder, others=others, limit=limit,
            share=rule.weight_exception,
        )  # fmt: skip

    @cached_property
    def present_index(self) -> tl.PointIndex:
        """Who is counted present at a position (an interval tree, built on first use)."""
        return tl.PointIndex(self.members_present)

    @cached_property
    def proxy_index(self) -> tl.PointIndex:
        """Which proxies are counted at a position."""
        return tl.PointIndex(self.counted)
