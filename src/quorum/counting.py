"""Who counts at each item: presence, substitutes, withdrawals, usable proxies, and the sweep.

:class:`Counts` applies a rule set's presence and proxy rules to a session once, as span sets
over positions, then totals every item in one sweep over interval ends. Anything it does not
count is recorded as a :class:`Draft` finding, with the positions it concerns and a typed
:class:`~quorum.findings.Subject`.

Its results are typed: for each proxy, a :class:`ProxyStatuses` says at which positions it is
usable and why it is not anywhere else (one :class:`ProxyStatus` per proxy and position); for
each member, ``unseated`` says where he is listed present but not counted. A :class:`Counts` is
built once and not changed afterwards: its drafts are a tuple.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from functools import cached_property

import attrs

from quorum import timeline as tl
from quorum.findings import N_, Finding, Params, Severity, Source, Subject, params_of
from quorum.model import Proxy, Session
from quorum.rules import Number, RuleSet
from quorum.timeline import EMPTY, Spans

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen(cache_hash=True)
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
    subject: Subject | None = attrs.field(default=None, eq=False)
    """Whom it is about (a proxy, a member), passed on to the finding; not part of equality:
    the drafts about a proxy listed twice are one finding, about both."""

    def finding(self, items: tuple[str, ...], subject: Subject | None = None) -> Finding:
        """The finding of this draft at these items (a run of labels, or none), about
        ``subject`` (by default the draft's)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            template=self.template,
            params=self.params,
            items=items,
            members=self.members,
            rule=self.rule,
            source=self.source,
            subject=self.subject if subject is None else subject,
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
    *,
    subject: Subject | None = None,
    **params: object,
) -> Draft:
    """A draft of the message ``template`` (English, marked ``N_``) and its ``params`` (see
    :class:`Draft`), about ``subject``."""
    return Draft(code, severity, template, rule, tuple(members), spans, source, params, subject)


def concerning(*drafts: Draft) -> tuple[Draft, ...]:
    """The drafts that concern some position (a draft over no item is left out)."""
    return tuple(d for d in drafts if d.spans)


class Drafts:
    """The drafts one step collects (a local list, returned as a tuple): a draft over no
    position is neither made nor kept."""

    def __init__(self) -> None:
        self.kept: list[Draft] = []

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
        *,
        subject: Subject | None = None,
        **params: object,
    ) -> None:
        """Keep the draft of ``template`` and ``params`` (see :func:`draft`) if ``spans`` is
        not empty."""
        if spans:
            self.kept.append(
                draft(code, severity, template, rule, members, spans, source, subject=subject,
                      **params)
            )  # fmt: skip


class ProxyStatus(enum.Enum):
    """Where a proxy stands at one item: exactly one status per proxy and item.

    ``usable``: counted (its giver's voice is cast by the holder); ``not_in_force``: outside the
    items it was given for. Every other status is a reason it is not counted, and comes with the
    finding named in brackets: ``from_substitute`` (PROXY_FROM_SUBSTITUTE), ``giver_present``
    (PROXY_GIVER_PRESENT), ``substitute_sits`` (SUBSTITUTE_AND_PROXY), ``giver_withdrawn``
    (PROXY_GIVER_WITHDRAWN), ``holder_withdrawn`` (PROXY_HOLDER_WITHDRAWN), ``holder_absent``
    (PROXY_HOLDER_ABSENT), ``holder_not_member`` (PROXY_HOLDER_NOT_MEMBER), ``not_allowed``
    (PROXY_NOT_ALLOWED), ``giver_limit`` (GIVER_MULTIPLE_PROXIES: another proxy of the giver is
    counted), ``holder_limit`` (PROXY_LIMIT_EXCEEDED: the holder carries the proxies the rules
    allow). The first that applies, in this order, is the status.
    """

    USABLE = "usable"
    NOT_IN_FORCE = "not_in_force"
    FROM_SUBSTITUTE = "from_substitute"
    GIVER_PRESENT = "giver_present"
    SUBSTITUTE_SITS = "substitute_sits"
    GIVER_WITHDRAWN = "giver_withdrawn"
    HOLDER_WITHDRAWN = "holder_withdrawn"
    HOLDER_ABSENT = "holder_absent"
    HOLDER_NOT_MEMBER = "holder_not_member"
    NOT_ALLOWED = "not_allowed"
    GIVER_LIMIT = "giver_limit"
    HOLDER_LIMIT = "holder_limit"

    @property
    def code(self) -> str | None:
        """The code of the finding that says why a proxy with this status is not counted
        (``None`` for ``usable`` and ``not_in_force``, which have none)."""
        return STATUS_CODES.get(self)


STATUS_CODES = {
    ProxyStatus.FROM_SUBSTITUTE: "PROXY_FROM_SUBSTITUTE",
    ProxyStatus.GIVER_PRESENT: "PROXY_GIVER_PRESENT",
    ProxyStatus.SUBSTITUTE_SITS: "SUBSTITUTE_AND_PROXY",
    ProxyStatus.GIVER_WITHDRAWN: "PROXY_GIVER_WITHDRAWN",
    ProxyStatus.HOLDER_WITHDRAWN: "PROXY_HOLDER_WITHDRAWN",
    ProxyStatus.HOLDER_ABSENT: "PROXY_HOLDER_ABSENT",
    ProxyStatus.HOLDER_NOT_MEMBER: "PROXY_HOLDER_NOT_MEMBER",
    ProxyStatus.NOT_ALLOWED: "PROXY_NOT_ALLOWED",
    ProxyStatus.GIVER_LIMIT: "GIVER_MULTIPLE_PROXIES",
    ProxyStatus.HOLDER_LIMIT: "PROXY_LIMIT_EXCEEDED",
}
"""The finding each status that is a reason comes with (its drafts are made with that code)."""

_REASONS = tuple(STATUS_CODES)
"""The reasons a proxy in force is not counted, in the order the counting step applies them."""


def _contains(spans: Spans, position: int) -> bool:
    k = bisect_right(spans, position, key=lambda span: span[0])
    return k > 0 and spans[k - 1][0] <= position < spans[k - 1][1]


@attrs.frozen
class ProxyStatuses:
    """Where one proxy stands at every position (0-based): the span set of each status; they
    are disjoint and cover every position of the agenda (see :class:`ProxyStatus`)."""

    length: int
    """The number of items."""
    by_status: tuple[tuple[ProxyStatus, Spans], ...]
    """The statuses it has somewhere, each with its span set (``not_in_force`` included)."""

    def spans(self, status: ProxyStatus) -> Spans:
        """The positions where the proxy has this status."""
        return next((spans for st, spans in self.by_status if st is status), EMPTY)

    def at(self, position: int) -> ProxyStatus:
        """The proxy's status at a position (0-based)."""
        for status, spans in self.by_status:
            if _contains(spans, position):
                return status
        raise IndexError(f"position {position} is not in the agenda ({self.length} items)")

    def __iter__(self) -> Iterator[tuple[ProxyStatus, Spans]]:
        return iter(self.by_status)

    def as_dict(self) -> Mapping[ProxyStatus, Spans]:
        """Every status with its span set (empty where the proxy never has it)."""
        return {status: self.spans(status) for status in ProxyStatus}


class Counts:
    """Everything counted once for a session under a rule set (not changed once built)."""

    def __init__(self, session: Session, rules: RuleSet) -> None:
        self.session = session
        self.rules = rules
        n = self.length = len(session.agenda)
        self.index = {m.id: i for i, m in enumerate(session.members)}
        # a proxy holder who is not a member has no voices of his own (copropriété art. 22)
        self.weights: list[Number] = [0 if m.is_outsider else m.weight for m in session.members]
        owner = self._reduce_majority_owner()
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
        substitutes = self._substitutes()
        self.unseated: list[Spans] = [
            EMPTY if r is p else tl.subtract(r, p)  # only a substitute's presence is reduced
            for r, p in zip(self.raw, self.present, strict=True)
        ]
        """Where each member is listed present but not counted as sitting: a substitute whose
        titular sits, a second substitute for one seat, a substitute the rules do not provide
        for (the finding about him says which). Withdrawals are not in it."""
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
        self.counted: list[Spans]
        self._why: list[tuple[Spans, ...]]  # per proxy, where each of _REASONS applies
        self.counted, self._why, proxies = self._proxies()
        self._statuses: dict[int, ProxyStatuses] = {}  # made on first use
        self.drafts: tuple[Draft, ...] = (*owner, *substitutes, *proxies)
        """The findings of the counting step (presence, substitutes, proxies)."""
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

    def proxy_status(self, k: int) -> ProxyStatuses:
        """Where the proxy ``session.proxies[k]`` is usable, and why it is not elsewhere (made
        on first use from the span sets the counting step kept)."""
        known = self._statuses.get(k)
        if known is None:
            p = self.session.proxies[k]
            absent = tl.subtract(
                tl.span(None, None, self.length), self.range(p.from_item, p.until_item)
            )
            why = (
                *zip(_REASONS, self._why[k], strict=True),
                (ProxyStatus.USABLE, self.counted[k]),
                (ProxyStatus.NOT_IN_FORCE, absent),
            )
            known = ProxyStatuses(self.length, tuple(x for x in why if x[1]))
            self._statuses[k] = known
        return known

    def name(self, member_id: str) -> str:
        return self.session.member(member_id).name

    def _reduce_majority_owner(self) -> tuple[Draft, ...]:
        """Copropriété art. 22: an owner of more than half has the others' voices, no more."""
        if not self.rules.reduce_majority_owner:
            return ()
        total = sum(self.weights, start=0)
        out: list[Draft] = []
        for i, w in enumerate(self.weights):
            if w * 2 > total:
                self.weights[i] = total - w
                m = self.session.members[i]
                out.append(draft(
                    "MAJORITY_OWNER_REDUCED", INFO,
                    N_("{name} holds {weight} of {total} voices, more than half: his voices are "
                    "reduced to the sum of the others', {reduced}"), "loi 65-557 art. 22",
                    (m.id,), EMPTY, m.source, subject=Subject(member=m.id), name=m.name,
                    weight=w, total=total, reduced=total - w,
                ))  # fmt: skip
        return tuple(out)

    def _substitutes(self) -> tuple[Draft, ...]:
        """A substitute counts where his titular's seat is empty: not where the titular sits,
        nor where a substitute listed before him already sits for the same titular (a seat
        votes once)."""
        r = self.rules
        out = Drafts()
        sitting: dict[int, list[int]] = defaultdict(list)  # titular -> substitutes counted
        for i, m in enumerate(self.session.members):
            if not m.is_substitute or not self.raw[i]:
                continue
            him = Subject(member=m.id)
            if not r.substitutes:
                self.present[i] = EMPTY
                out.draft(
                    "SUBSTITUTE_NOT_ALLOWED", ERROR,
                    N_("{name} is listed as a substitute, which {rules} rules do not "
                    "provide for: not counted at {items}"), r.quorum_rule, [m.id],
                    self.raw[i], m.source, subject=him, name=m.name, rules=r.name,
                )  # fmt: skip
            elif m.substitute_for is not None:
                t = self.index[m.substitute_for]
                both = tl.intersect(self.raw[i], self.raw[t])
                out.draft(
                    "SUBSTITUTE_WITH_TITULAR", ERROR,
                    N_("{name} sits as substitute for {titular} while the titular is present at "
                    "{items}: only the titular is counted"), r.substitute_rule,
                    [m.substitute_for, m.id], both, m.source, subject=him,
                    name=m.name, titular=self.name(m.substitute_for),
                )  # fmt: skip
                alone = tl.subtract(self.raw[i], self.raw[t])
                for k in sitting[t]:  # an earlier substitute already holds the seat there
                    other = self.session.members[k]
                    out.draft(
                        "SECOND_SUBSTITUTE", ERROR,
                        N_("{name} and {first} both sit as substitutes for {titular} at {items}: "
                        "the seat votes once, only {first} (listed first) is counted"),
                        r.substitute_rule, [m.substitute_for, m.id, other.id],
                        tl.intersect(alone, self.present[k]), m.source, subject=him,
                        name=m.name, first=other.name, titular=self.name(m.substitute_for),
                    )  # fmt: skip
                    alone = tl.subtract(alone, self.present[k])
                self.present[i] = alone
                self.seat[t] = tl.union(self.seat[t] + alone)
                sitting[t].append(i)
        return tuple(out.kept)

    def _proxies(
        self,
    ) -> tuple[list[Spans], list[tuple[Spans, ...]], tuple[Draft, ...]]:
        """Where each proxy is usable, where it is not and why (each reason's span set), and
        the findings of those it is not."""
        r, s = self.rules, self.session
        rule = r.proxy_rule
        candidate: list[Spans] = []
        why: list[tuple[Spans, ...]] = []  # per proxy, where each of _REASONS[:-2] applies
        out = Drafts()
        for k, p in enumerate(s.proxies):
            g, h = self.index[p.giver], self.index[p.holder]
            in_force = self.range(p.from_item, p.until_item)
            giver, holder = s.members[g], s.members[h]
            who = [p.giver, p.holder]
            it = Subject(giver=p.giver, holder=p.holder, proxies=(k,))
            names = {"giver": giver.name, "holder": holder.name}
            if giver.is_substitute:
                why.append((in_force,))
                out.draft(
                    "PROXY_FROM_SUBSTITUTE", WARNING,
                    N_("{giver} is a substitute and cannot give a proxy (only the titular "
                    "can): the proxy to {holder} is not counted at {items}"),
                    rule, who, in_force, p.source, subject=it, **names,
                )  # fmt: skip
                candidate.append(EMPTY)
                continue
            present = tl.intersect(in_force, self.raw[g])
            out.draft(
                "PROXY_GIVER_PRESENT", WARNING,
                N_("{giver} is present at {items} while his proxy to {holder} is in "
                "force: his voice is cast once, by himself, and the proxy is not counted there"),
                rule, who, present, p.source, subject=it, **names,
            )  # fmt: skip
            replaced = tl.subtract(tl.intersect(in_force, self.seat[g]), self.raw[g])
            out.draft(
                "SUBSTITUTE_AND_PROXY", ERROR,
                N_("{giver}'s substitute sits at {items} while his proxy to {holder} "
                "is in force: the seat votes once, the proxy is not counted"),
                r.substitute_rule, who, replaced, p.source,
                subject=it, **names,
            )  # fmt: skip
            usable = tl.subtract(in_force, self.seat[g])
            gone = tl.intersect(usable, self.withdrawn[g])
            out.draft(
                "PROXY_GIVER_WITHDRAWN", WARNING,
                N_("{giver} takes no part in {items} (withdrawn): his proxy to "
                "{holder} cannot be used there either"), r.interest_rule, who,
                gone, p.source, subject=it, **names,
            )  # fmt: skip
            usable = tl.subtract(usable, self.withdrawn[g])
            # withdrawn where he sits: he takes no part; withdrawn where he is absent: absent
            sits_withdrawn = tl.intersect(self.seat[h], self.withdrawn[h])
            holder_gone = tl.intersect(usable, sits_withdrawn)
            out.draft(
                "PROXY_HOLDER_WITHDRAWN", WARNING,
                N_("{holder} takes no part in {items} (withdrawn), so he cannot cast "
                "{giver}'s vote there: the giver's vote is lost"), r.interest_rule, who,
                holder_gone, p.source, subject=it, **names,
            )  # fmt: skip
            absent = tl.subtract(tl.subtract(usable, self.present[h]), sits_withdrawn)
            out.draft(
                "PROXY_HOLDER_ABSENT", WARNING,
                N_("{giver}'s proxy to {holder} cannot be used at {items}: the holder "
                "is absent there, so the giver's vote is lost"), rule, who,
                absent, p.source, subject=it, **names,
            )  # fmt: skip
            usable = tl.intersect(usable, self.present[h])
            not_member = not_allowed = EMPTY
            # a sitting substitute may hold a proxy: « rien ne s'oppose » (RM JOAN QE 49337)
            if holder.is_outsider and not r.proxies.outsiders:
                not_member = usable
                out.draft(
                    "PROXY_HOLDER_NOT_MEMBER", WARNING,
                    N_("{giver}'s proxy to {holder} is not counted at {items}: {holder} is not a "
                    "member, and {rules} rules let only a member hold a proxy"), rule, who, usable,
                    p.source, subject=it, **names, rules=r.name,
                )  # fmt: skip
                usable = EMPTY
            if not r.proxies.allowed:
                not_allowed = usable
                out.draft(
                    "PROXY_NOT_ALLOWED", WARNING,
                    N_("{giver}'s proxy to {holder} is not counted at {items}: "
                    "{rules} rules allow no proxies"), rule, who, usable, p.source, subject=it,
                    **names, rules=r.name,
                )  # fmt: skip
                usable = EMPTY
            why.append((EMPTY, present, replaced, gone, holder_gone, absent, not_member,
                        not_allowed))  # fmt: skip
            candidate.append(usable)
        by_giver, giver_lost, giver_drafts = self._limit(candidate, "giver")
        counted, holder_lost, holder_drafts = self._limit(by_giver, "holder")
        reasons = [
            (*w, *(EMPTY,) * (len(_REASONS) - 2 - len(w)), giver_lost[k], holder_lost[k])
            for k, w in enumerate(why)
        ]
        return counted, reasons, (*out.kept, *giver_drafts, *holder_drafts)

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

    def _limit(
        self, spans: list[Spans], side: str
    ) -> tuple[list[Spans], list[Spans], tuple[Draft, ...]]:
        """Keep at most one proxy per giver, or the rule set's number per holder, at each item
        (the first given in the minutes wins). Returns what each proxy keeps, what it loses,
        and the findings of the losses."""
        proxies = self.session.proxies
        groups: dict[str, list[int]] = defaultdict(list)
        for k, p in enumerate(proxies):
            if spans[k]:
                groups[getattr(p, side)].append(k)
        out = list(spans)
        lost_by: list[Spans] = [EMPTY] * len(proxies)
        drafts: list[Draft] = []
        for who, ks in groups.items():
            limit = 1 if side == "giver" else self._cap(who)
            shares = tl.allocate([(k, spans[k]) for k in ks], limit)
            for k in ks:
                kept, lost = shares[k]
                out[k], lost_by[k] = kept, lost
                if lost:
                    others = [
                        proxies[j] for j in ks if j != k and tl.intersect(shares[j][0], lost)
                    ]
                    drafts.append(self._over_limit(k, side, lost, others))
        return out, lost_by, tuple(drafts)

    def _over_limit(self, k: int, side: str, lost: Spans, kept: list[Proxy]) -> Draft:
        p = self.session.proxies[k]
        giver, holder = self.name(p.giver), self.name(p.holder)
        others = [(self.name(q.giver), self.name(q.holder)) for q in kept]
        rule = self.rules.proxies
        it = Subject(giver=p.giver, holder=p.holder, proxies=(k,))
        if side == "giver":
            return draft(
                "GIVER_MULTIPLE_PROXIES", ERROR,
                N_("{giver} gives two proxies in force at {items}: the one to {holder} is not "
                "counted there (counted: {others}); a voice is cast once"), rule.article,
                [p.giver, p.holder, *(q.holder for q in kept)], lost, p.source, subject=it,
                giver=giver, holder=holder, others=others,
            )  # fmt: skip
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
        return draft(
            "PROXY_LIMIT_EXCEEDED", ERROR, template, rule.article,
            [p.holder, p.giver, *(q.giver for q in kept)], lost, p.source, subject=it,
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
