"""The audit: per item, who counts, which proxies are usable, quorum, and the reported tally.

:func:`audit` applies a :class:`~quorum.rules.RuleSet` to a :class:`~quorum.model.Session`:

1. presence: each member's stretches become a span set over positions; a substitute counts in
   his titular's place, never beside him (L5211-6);
2. proxies: a proxy is usable where it is in force, its giver's seat is empty and its holder
   present; a giver's voice is cast once; a holder carries at most the rule set's number;
3. totals for every item in one sweep over interval ends;
4. quorum and tally checks; findings for every anomaly, one per run of consecutive items.

Member lists (who is present at an item, which proxies it uses) are computed only when asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property

import attrs

from quorum import timeline as tl
from quorum.findings import Finding, Severity, Source, plural
from quorum.model import Member, Proxy, Session, Tally
from quorum.rules import RuleSet, get_rules, rules_for
from quorum.timeline import EMPTY, Spans

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen
class QuorumCheck:
    """Quorum at one item: ``counted`` present members against ``required``."""

    required: int
    counted: int

    @property
    def reached(self) -> bool:
        """Whether enough members were present when the item was taken up."""
        return self.counted >= self.required


@attrs.frozen
class TallyCheck:
    """The reported tally of an item (or ``None``) and whether it fits the computed counts."""

    reported: Tally | None
    consistent: bool | None


@attrs.frozen
class _Draft:
    """A finding before its items are known: ``message`` holds ``{items}`` to fill in."""

    code: str
    severity: Severity
    message: str
    rule: str | None
    members: tuple[str, ...]
    spans: Spans
    source: Source | None = None


class _Counts:
    """Everything computed once for a session under a rule set."""

    def __init__(self, session: Session, rules: RuleSet) -> None:
        self.session = session
        self.rules = rules
        self.drafts: list[_Draft] = []
        n = self.length = len(session.agenda)
        self.index = {m.id: i for i, m in enumerate(session.members)}
        raw: list[list[tuple[int, int]]] = [[] for _ in session.members]
        for st in session.attendance:
            raw[self.index[st.member]].extend(self.range(st.from_item, st.until_item))
        self.raw: list[Spans] = [tl.union(r) for r in raw]
        self.present: list[Spans] = list(self.raw)
        self.seat: list[Spans] = list(self.raw)
        self._substitutes()
        self.counted: list[Spans] = [EMPTY] * len(session.proxies)
        self._proxies()
        weights = [m.weight for m in session.members]
        self.present_count, self.present_weight = tl.sweep(
            n, zip(self.present, weights, strict=True)
        )
        giver_weights = (weights[self.index[p.giver]] for p in session.proxies)
        self.proxy_count, self.proxy_weight = tl.sweep(
            n, zip(self.counted, giver_weights, strict=True)
        )

    def draft(
        self,
        code: str,
        severity: Severity,
        message: str,
        rule: str | None,
        members: Iterable[str],
        spans: Spans,
        source: Source | None = None,
    ) -> None:
        if spans:
            self.drafts.append(
                _Draft(code, severity, message, rule, tuple(members), spans, source)
            )

    def range(self, from_item: str | None, until_item: str | None) -> Spans:
        """The span set of an inclusive range of item labels (``None``: open end)."""
        at = self.session.position
        first = None if from_item is None else at(from_item) - 1
        last = None if until_item is None else at(until_item) - 1
        return tl.span(first, last, self.length)

    def name(self, member_id: str) -> str:
        return self.session.member(member_id).name

    def _substitutes(self) -> None:
        r = self.rules
        for i, m in enumerate(self.session.members):
            if not m.is_substitute or not self.raw[i]:
                continue
            if not r.substitutes:
                self.present[i] = EMPTY
                self.draft(
                    "SUBSTITUTE_NOT_ALLOWED",
                    ERROR,
                    f"{m.name} is listed as a substitute, which {r.name} rules do not "
                    "provide for: not counted at {items}",
                    r.quorum_rule,
                    [m.id],
                    self.raw[i],
                    m.source,
                )
            elif m.substitute_for is not None:
                t = self.index[m.substitute_for]
                both = tl.intersect(self.raw[i], self.raw[t])
                self.present[i] = tl.subtract(self.raw[i], self.raw[t])
                self.seat[t] = tl.union(self.seat[t] + self.present[i])
                self.draft(
                    "SUBSTITUTE_WITH_TITULAR",
                    ERROR,
                    f"{m.name} sits as substitute for {self.name(m.substitute_for)} while "
                    "the titular is present at {items}: only the titular is counted",
                    r.substitute_rule,
                    [m.substitute_for, m.id],
                    both,
                    m.source,
                )

    def _proxies(self) -> None:
        r, s = self.rules, self.session
        candidate: list[Spans] = []
        for p in s.proxies:
            g, h = self.index[p.giver], self.index[p.holder]
            in_force = self.range(p.from_item, p.until_item)
            giver, holder = s.members[g], s.members[h]
            if giver.is_substitute:
                self.draft(
                    "PROXY_FROM_SUBSTITUTE",
                    WARNING,
                    f"{giver.name} is a substitute and cannot give a proxy (only the "
                    f"titular can): the proxy to {holder.name} is not counted at {{items}}",
                    r.proxy_rule,
                    [p.giver, p.holder],
                    in_force,
                    p.source,
                )
                candidate.append(EMPTY)
                continue
            self.draft(
                "PROXY_GIVER_PRESENT",
                WARNING,
                f"{giver.name} is present at {{items}} while his proxy to {holder.name} "
                "is in force: his voice is cast once, by himself, and the proxy is not "
                "counted there",
                r.proxy_rule,
                [p.giver, p.holder],
                tl.intersect(in_force, self.raw[g]),
                p.source,
            )
            self.draft(
                "SUBSTITUTE_AND_PROXY",
                ERROR,
                f"{giver.name}'s substitute sits at {{items}} while his proxy to "
                f"{holder.name} is in force: the seat votes once, the proxy is not counted",
                r.substitute_rule,
                [p.giver, p.holder],
                tl.subtract(tl.intersect(in_force, self.seat[g]), self.raw[g]),
                p.source,
            )
            usable = tl.subtract(in_force, self.seat[g])
            self.draft(
                "PROXY_HOLDER_ABSENT",
                WARNING,
                f"{giver.name}'s proxy to {holder.name} cannot be used at {{items}}: the "
                "holder is absent there, so the giver's vote is lost",
                r.proxy_rule,
                [p.giver, p.holder],
                tl.subtract(usable, self.present[h]),
                p.source,
            )
            candidate.append(tl.intersect(usable, self.present[h]))
        by_giver = self._limit(candidate, "giver", 1)
        self.counted = self._limit(by_giver, "holder", r.proxies_per_holder)

    def _limit(self, spans: list[Spans], side: str, limit: int | None) -> list[Spans]:
        """Keep at most ``limit`` proxies per giver or holder at each item (first given wins)."""
        proxies = self.session.proxies
        groups: dict[str, list[int]] = defaultdict(list)
        for k, p in enumerate(proxies):
            if spans[k]:
                groups[getattr(p, side)].append(k)
        out = list(spans)
        for who, ks in groups.items():
            shares = tl.allocate([(k, spans[k]) for k in ks], limit)
            for k in ks:
                kept, lost = shares[k]
                out[k] = kept
                if lost:
                    self._over_limit(
                        proxies[k],
                        who,
                        side,
                        limit,
                        lost,
                        [proxies[j] for j in ks if j != k and tl.intersect(shares[j][0], lost)],
                    )
        return out

    def _over_limit(
        self, p: Proxy, who: str, side: str, limit: int | None, lost: Spans, kept: list[Proxy]
    ) -> None:
        giver, holder = self.name(p.giver), self.name(p.holder)
        others = ", ".join(f"{self.name(q.giver)} to {self.name(q.holder)}" for q in kept)
        if side == "giver":
            self.draft(
                "GIVER_MULTIPLE_PROXIES",
                ERROR,
                f"{giver} gives two proxies in force at {{items}}: the one to {holder} is "
                f"not counted there (counted: {others}); a voice is cast once",
                self.rules.proxy_rule,
                [p.giver, p.holder, *(q.holder for q in kept)],
                lost,
                p.source,
            )
        else:
            self.draft(
                "PROXY_LIMIT_EXCEEDED",
                ERROR,
                f"{holder} would carry more than {limit} prox{'y' if limit == 1 else 'ies'}"
                f" at {{items}}: {giver}'s proxy is not counted there (counted: {others})",
                self.rules.proxy_rule,
                [p.holder, p.giver, *(q.giver for q in kept)],
                lost,
                p.source,
            )

    @cached_property
    def present_index(self) -> tl.PointIndex:
        return tl.PointIndex(self.present)

    @cached_property
    def proxy_index(self) -> tl.PointIndex:
        return tl.PointIndex(self.counted)


@attrs.frozen(eq=False)
class AuditItem:
    """The audit of one agenda item."""

    item: str
    position: int
    present_count: int
    proxy_count: int
    vote_weight: tl.Weight
    quorum: QuorumCheck
    tally: TallyCheck
    findings: tuple[Finding, ...]
    _counts: _Counts = attrs.field(repr=False)

    @property
    def voters(self) -> int:
        """Members who can vote: present members plus usable proxies."""
        return self.present_count + self.proxy_count

    @property
    def present(self) -> tuple[Member, ...]:
        """The members counted present, in the session's order (computed on demand)."""
        members = self._counts.session.members
        return tuple(members[i] for i in self._counts.present_index.at(self.position - 1))

    @property
    def proxies(self) -> tuple[tuple[Member, Member], ...]:
        """The usable proxies as (giver, holder) pairs, in the session's order."""
        s = self._counts.session
        return tuple(
            (s.member(s.proxies[k].giver), s.member(s.proxies[k].holder))
            for k in self._counts.proxy_index.at(self.position - 1)
        )


@attrs.frozen(eq=False)
class Audit:
    """The audit of a session: items in order of passage and every finding."""

    session: Session
    rules: RuleSet
    rules_reason: str
    items: tuple[AuditItem, ...]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings whose severity is ``error``."""
        return tuple(f for f in self.findings if f.severity is ERROR)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors

    def item(self, label: str) -> AuditItem:
        """The audit of the item with this label."""
        return self.items[self.session.position(label) - 1]

    def to_dict(self, *, member_lists: bool = True) -> dict[str, object]:
        """The ``quorum-audit/1`` JSON document (see ``docs/audit-format.md``)."""
        from quorum.document import audit_document

        return audit_document(self, member_lists=member_lists)


def audit(session: Session, rules: RuleSet | str | None = None) -> Audit:
    """Audit every item of a session.

    Args:
        session: the session to audit.
        rules: a rule set or its name; by default the one the session names (or, if it names
            none, ``fr-epci`` when it has substitutes and ``fr-municipal`` otherwise).
    """
    if rules is None:
        rule_set, reason = rules_for(session)
    elif isinstance(rules, str):
        rule_set, reason = get_rules(rules), f"asked for ({rules!r})"
    else:
        rule_set, reason = rules, f"asked for ({rules.name!r})"
    c = _Counts(session, rule_set)
    required = rule_set.quorum(session.in_office)
    tallies = {t.item: t for t in session.tallies}
    checks: list[TallyCheck] = []
    for pos, label in enumerate(session.agenda):
        counted = c.present_count[pos]
        if counted < required:
            c.draft(
                "QUORUM_NOT_REACHED",
                ERROR,
                f"quorum not reached at {{items}}: {plural(counted, 'member')} present, "
                f"{required} required ({session.in_office} in office // 2 + 1; "
                "proxies do not count)",
                rule_set.quorum_rule,
                (),
                ((pos, pos + 1),),
            )
        checks.append(_check_tally(c, pos, tallies.get(label)))
    _session_drafts(c, required, reason)
    findings = _group(c.drafts, session) + list(session.notes)
    findings.sort(key=lambda f: _sort_key(f, session))
    per_item: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        for label in f.items:
            per_item[label].append(f)
    items = tuple(
        AuditItem(
            item=label,
            position=pos + 1,
            present_count=c.present_count[pos],
            proxy_count=c.proxy_count[pos],
            vote_weight=c.present_weight[pos] + c.proxy_weight[pos],
            quorum=QuorumCheck(required, c.present_count[pos]),
            tally=checks[pos],
            findings=tuple(per_item.get(label, ())),
            counts=c,
        )
        for pos, label in enumerate(session.agenda)
    )
    return Audit(session, rule_set, reason, items, tuple(findings))


def _check_tally(c: _Counts, pos: int, t: Tally | None) -> TallyCheck:
    if t is None:
        return TallyCheck(None, None)
    present, proxies = c.present_count[pos], c.proxy_count[pos]
    voters = present + proxies
    rule, here, ok = c.rules.proxy_rule, ((pos, pos + 1),), True
    counts = t.counts()
    if c.rules.weighted:
        basis, what = c.present_weight[pos] + c.proxy_weight[pos], "the vote weight"
    else:
        basis, what = (
            voters,
            f"the voters ({present} present + {plural(proxies, 'proxy', 'proxies')})",
        )
    if counts and sum(counts.values()) != basis:
        ok = False
        parts = " + ".join(f"{k} {v}" for k, v in counts.items())
        c.draft(
            "TALLY_MISMATCH",
            ERROR,
            f"the tally of {{items}} adds up to {sum(counts.values())} ({parts}), "
            f"not {basis}, {what}",
            rule,
            (),
            here,
            t.source,
        )
    if t.present is not None and t.present != present:
        ok = False
        c.draft(
            "PRESENT_MISMATCH",
            ERROR,
            f"the minutes report {t.present} present at {{items}}; the lists give {present}",
            c.rules.quorum_rule,
            (),
            here,
            t.source,
        )
    if t.voters is not None and t.voters != voters:
        ok = False
        c.draft(
            "VOTERS_MISMATCH",
            ERROR,
            f"the minutes report {t.voters} voters at {{items}}; the lists give {voters} "
            f"({present} present + {plural(proxies, 'proxy', 'proxies')})",
            rule,
            (),
            here,
            t.source,
        )
    if t.unanimous and (t.contre or 0) > 0:
        ok = False
        c.draft(
            "UNANIMITY_WITH_CONTRE",
            ERROR,
            f"{{items}} is reported unanimous but counts {t.contre} contre",
            rule,
            (),
            here,
            t.source,
        )
    return TallyCheck(t, ok)


def _session_drafts(c: _Counts, required: int, reason: str) -> None:
    s = c.session
    if s.members_in_office is not None and s.members_in_office != s.seats:
        c.drafts.append(
            _Draft(
                "MEMBERS_IN_OFFICE_MISMATCH",
                WARNING,
                f"the minutes give {s.members_in_office} members in office but list "
                f"{s.seats} seats: a member may be missing from the lists (or listed twice)",
                c.rules.quorum_rule,
                (),
                EMPTY,
            )
        )
    if not s.rules:
        c.drafts.append(_Draft("RULES_ASSUMED", INFO, f"rules: {reason}", None, (), EMPTY))


def _items_text(labels: list[str]) -> str:
    if len(labels) == 1:
        return f"item {labels[0]}"
    return f"items {labels[0]}-{labels[-1]}"


def _runs(spans: Spans) -> Iterator[range]:
    for b, e in spans:
        yield range(b, e)


def _group(drafts: list[_Draft], session: Session) -> list[Finding]:
    """One finding per run of consecutive items sharing a code, message, members and source."""
    merged: dict[_Draft, list[tuple[int, int]]] = {}
    for d in drafts:
        merged.setdefault(attrs.evolve(d, spans=EMPTY), []).extend(d.spans)
    out: list[Finding] = []
    for key, spans in merged.items():
        for run in list(_runs(tl.union(spans))) or [range(0)]:
            labels = [session.agenda[p] for p in run]
            message = (
                key.message.replace("{items}", _items_text(labels)) if labels else key.message
            )
            out.append(
                Finding(
                    code=key.code,
                    severity=key.severity,
                    message=message,
                    items=tuple(labels),
                    members=key.members,
                    rule=key.rule,
                    source=key.source,
                )
            )
    return out


def _sort_key(f: Finding, session: Session) -> tuple[int, int, str, tuple[str, ...]]:
    first = session.position(f.items[0]) if f.items else 0
    return first, f.severity.rank, f.code, f.members
