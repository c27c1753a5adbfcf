"""The audit: per item, who counts, which proxies are usable, quorum, the tally and the outcome.

:func:`audit` applies a :class:`~quorum.rules.RuleSet` to a :class:`~quorum.model.Session`:

1. presence and proxies as span sets over positions, totals in one sweep
   (:class:`quorum.counting.Counts`);
2. quorum at each item, when it is taken up: members in office (less the L1111-6
   representatives who withdraw), a second convocation, present or represented members;
3. the reported tally against the computed voters, and the outcome the majority gives against
   the one reported;
4. findings for every anomaly, one per run of consecutive items.

Each check is a function of the counts that returns its result and its drafts (findings before
their items are known); nothing appends to a shared list, and the findings are sorted on their
content, so the order in which the checks run does not change the audit.

Member lists (who is present at an item, which proxies it uses) are computed only when asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import localcontext
from fractions import Fraction
from functools import cached_property

import attrs

from quorum import timeline as tl
from quorum.counting import ERROR, INFO, WARNING, Counts, Draft, ProxyStatus, concerning, draft
from quorum.exceptions import UnknownItemError
from quorum.findings import N_, Finding, Message, Subject, Verdict
from quorum.model import Member, Proxy, Session, Tally
from quorum.rules import Decision, Number, RuleSet, decide, to_number
from quorum.rulesets import assumption_for, choice_for, get_rules
from quorum.shortfall import unused_proxies
from quorum.timeline import EMPTY, Spans


@attrs.frozen
class QuorumCheck:
    """Quorum at one item: ``counted`` against ``required`` (``None``: no quorum needed)."""

    required: Number | None
    counted: Number
    reached: bool
    basis: str = "head"
    total: Number | None = None
    """What quorum is a fraction of at this item: members in office (less L1111-6
    representatives who withdraw) or all voices."""


@attrs.frozen
class TallyCheck:
    """The reported tally of an item (or ``None``) and whether it fits the computed counts.

    ``total`` is the sum of the reported counts that is compared (``None`` when the tally has
    no counts) and ``expected`` what it is compared with: the voters, or the vote weight under a
    weighted rule set (conseillers intéressés recorded as withdrawn are in neither).
    """

    reported: Tally | None
    consistent: bool | None
    total: Number | None = None
    expected: Number | None = None


@attrs.frozen
class OutcomeCheck:
    """The outcome the majority gives, the one the minutes report, and how it was decided."""

    computed: str | None
    reported: str | None
    majority: str | None
    reason: str | None
    could_change: bool | None = None


NO_OUTCOME = OutcomeCheck(None, None, None, None)


class _FindingIndex:
    """Which findings concern a position: each finding covers one run of items (or none), so
    an interval tree over the runs answers without a per-item list of every finding."""

    def __init__(self, findings: list[Finding], runs: list[Spans]) -> None:
        self.findings = findings
        self.runs = runs

    @cached_property
    def _tree(self) -> tl.PointIndex:
        return tl.PointIndex(self.runs)

    def at(self, position: int) -> tuple[Finding, ...]:
        return tuple(self.findings[i] for i in self._tree.at(position))


@attrs.frozen(eq=False)
class AuditItem:
    """The audit of one agenda item."""

    item: str
    position: int
    present_count: int
    proxy_count: int
    vote_weight: Number
    present_weight: Number
    quorum: QuorumCheck
    tally: TallyCheck
    outcome: OutcomeCheck
    withdrawn_count: int
    _counts: Counts = attrs.field(repr=False)
    _index: _FindingIndex = attrs.field(repr=False)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings that concern this item, in the audit's order (looked up on demand)."""
        return self._index.at(self.position - 1)

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

    @property
    def proxy_statuses(self) -> tuple[tuple[Proxy, ProxyStatus], ...]:
        """Every proxy of the session, in its order, with its status at this item: usable, not
        in force, or the reason it is not counted (:class:`~quorum.counting.ProxyStatus`)."""
        c, at = self._counts, self.position - 1
        return tuple((p, c.proxy_status(k).at(at)) for k, p in enumerate(c.session.proxies))

    @property
    def unseated(self) -> tuple[Member, ...]:
        """The members listed present at this item but not counted as sitting (a substitute
        whose titular sits, a second substitute, a substitute the rules do not provide for),
        in the session's order; the finding about each names him as its ``subject.member``."""
        c, at = self._counts, self.position - 1
        return tuple(
            m for m, spans in zip(c.session.members, c.unseated, strict=True)
            if any(b <= at < e for b, e in spans)
        )  # fmt: skip


@attrs.frozen(eq=False)
class Audit:
    """The audit of a session: items in order of passage and every finding."""

    session: Session
    rules: RuleSet
    rules_why: Message
    """Why this rule set was chosen, rendered in a report's language (``rules_why.render()``)."""
    items: tuple[AuditItem, ...]
    findings: tuple[Finding, ...]

    @property
    def rules_reason(self) -> str:
        """Why this rule set was chosen, in English (the JSON's ``rules.chosen``)."""
        return self.rules_why.render("en")

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings whose severity is ``error``."""
        return tuple(f for f in self.findings if f.severity is ERROR)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors

    @property
    def verdict(self) -> Verdict:
        """``incomplete`` when the reader did not understand part of the attendance, else
        ``errors`` when a finding is an error, else ``valid``."""
        reading = self.session.reading
        if reading is not None and not reading.complete:
            return Verdict.INCOMPLETE
        return Verdict.ERRORS if self.errors else Verdict.VALID

    def item(self, label: str | int) -> AuditItem:
        """The audit of the item with this label; an int is the label written in digits
        (``item(19)`` is ``item("19")``; by position: ``items[position - 1]``).

        Raises:
            UnknownItemError: no item has this label (the error lists the agenda's labels).
        """
        text = label if isinstance(label, str) else str(label)
        try:
            return self.items[self.session.position(text) - 1]
        except UnknownItemError:
            raise UnknownItemError(str(label), self.session.agenda) from None

    def to_dict(self, *, member_lists: bool = False) -> dict[str, object]:
        """The ``quorum-audit/1`` JSON document (see ``docs/audit-format.md``); with
        ``member_lists``, each item also lists who is present and the usable proxies."""
        from quorum.document import audit_document  # only when asked: quorum check loads less

        return audit_document(self, member_lists=member_lists)


def resolve_rules(session: Session, rules: RuleSet | str | None) -> tuple[RuleSet, Message]:
    """The rule set to audit under, and why (rendered in a report's language)."""
    if rules is None:
        return choice_for(session)
    if isinstance(rules, str):
        return get_rules(rules), Message(N_("asked for ({name!r})"), {"name": rules})
    return rules, Message(N_("asked for ({name!r})"), {"name": rules.name})


def audit(session: Session, rules: RuleSet | str | None = None) -> Audit:
    """Audit every item of a session.

    Args:
        session: the session to audit.
        rules: a rule set or its name; by default the one the session names, else the French
            rule in force for its body and date.

    When that choice rests on an assumption (a disputed start of a health-emergency period, a
    société anonyme's financial year end not given), the session is also audited under the
    other reading: ``RULES_ASSUMED`` says whether the result depends on it,
    ``RESULT_DEPENDS_ON_RULE`` marks the items where it does, and an error only the assumed
    reading finds is reported as a warning.
    """
    with localcontext() as ctx:  # sums of weights and counts stay exact (see model.LIMIT)
        ctx.prec = EXACT_DIGITS
        return _choose_and_audit(session, rules)


EXACT_DIGITS = 100
"""Decimal digits of the audit's arithmetic: weights and counts have at most 60 (below 10^30,
at most 30 decimal places), so sums of up to 10^40 of them are exact."""


def _choose_and_audit(session: Session, rules: RuleSet | str | None) -> Audit:
    rule_set, reason = resolve_rules(session, rules)
    # chosen by body and date (the minutes may name only the kind of body): say so
    named = session.rules if isinstance(session.rules, str) else rule_set.name
    assumed = rules is None and (session.rules is None or rule_set.name != named)
    other = assumption_for(session) if rules is None else None
    if other is None:
        return _audit(session, rule_set, reason, assumed=assumed)
    # the rule set rests on a disputed boundary or a missing financial year end: audit under
    # the other reading too, say whether the result depends on it, and assert no error that
    # only the assumption makes (legal-rules, corrections 2 and 5)
    against = (_audit(session, other[0], reason), other[1], other[2])
    return _audit(session, rule_set, reason, against, assumed=assumed)


def _audit(
    session: Session,
    rule_set: RuleSet,
    reason: Message,
    against: tuple[Audit, Message, str] | None = None,
    *,
    assumed: bool = False,
) -> Audit:
    c = Counts(session, rule_set)
    checks, drafts, reason = _checks(c, reason, against, assumed)
    runs = _findings(drafts, session)
    findings = [f for f, _ in runs]
    index = _FindingIndex(findings, [r for _, r in runs])
    items: list[AuditItem] = []
    for pos, label in enumerate(session.agenda):
        quorum, tally_check, outcome = checks[pos]
        items.append(
            AuditItem(
                item=label,
                position=pos + 1,
                present_count=c.present_count[pos],
                proxy_count=c.proxy_count[pos],
                vote_weight=c.present_votes[pos] + c.proxy_votes[pos],
                present_weight=c.present_votes[pos],
                quorum=quorum,
                tally=tally_check,
                outcome=outcome,
                withdrawn_count=c.withdrawn_count[pos],
                counts=c,
                index=index,
            )
        )
    return Audit(session, rule_set, reason, tuple(items), tuple(findings))


Checks = tuple["QuorumCheck", "TallyCheck", "OutcomeCheck"]
"""The results of one item: quorum, tally, outcome."""


def _checks(
    c: Counts, reason: Message, against: tuple[Audit, Message, str] | None, assumed: bool
) -> tuple[list[Checks], tuple[Draft, ...], Message]:
    """Every item's checks, every draft (the counting step's, the items', the comparison with
    the other reading's, the session's; then those not asserted where the reading is unsure),
    and the reason for the rule set."""
    session = c.session
    tallies = {t.item: t for t in session.tallies}
    checked = [
        _item(c, pos, label, tallies.get(label)) for pos, label in enumerate(session.agenda)
    ]
    checks = [check for check, _ in checked]
    drafts: tuple[Draft, ...] = (*c.drafts, *(d for _, ds in checked for d in ds))
    if against is not None:
        reason, drafts = _weigh_assumption(c, checks, drafts, *against, reason)
    drafts = (*drafts, *_session_drafts(c, reason, assumed))
    drafts = _not_asserted(tuple(unused_proxies(drafts, c.rules.weighted)), session)
    return checks, drafts, reason


def _item(
    c: Counts, pos: int, label: str, tally: Tally | None
) -> tuple[Checks, tuple[Draft, ...]]:
    """The checks of the item at ``pos`` and their drafts: quorum, then the tally, then the
    outcome the tally gives."""
    quorum, at_quorum = _quorum(c, pos, label, tally)
    tally_check, at_tally = _tally(c, pos, tally)
    outcome, at_outcome = _outcome(c, pos, tally, tally_check)
    return (quorum, tally_check, outcome), (*at_quorum, *at_tally, *at_outcome)


def _findings(drafts: Iterable[Draft], session: Session) -> list[tuple[Finding, Spans]]:
    """The findings of the drafts (one per run of items) and the reader's notes, each with its
    run, sorted on their content alone (first item, severity, code, members, then the rest), so
    that the order the drafts come in does not matter."""
    order = {label: i for i, label in enumerate(session.agenda)}
    runs = [(f, r, 0) for f, r in _group(drafts, session)]
    runs += [(f, _note_run(f, order), n) for n, f in enumerate(session.notes, 1)]
    runs.sort(key=lambda fr: _sort_key(*fr))
    return [(f, r) for f, r, _ in runs]


def _sort_key(f: Finding, run: Spans, note: int) -> tuple[object, ...]:
    """Where a finding goes: its first item, the worst first, by code and members; a reader's
    note after the audit's findings that tie with it, in the order of the notes; then the
    proxies it is about, and its text (two findings never tie)."""
    first = run[0][0] if run else -1
    proxies = () if f.subject is None else f.subject.proxies
    return (first, f.severity.rank, f.code, f.members, note, proxies, _Text(f))


class _Text:
    """The last part of a finding's sort key, its template, params, rule, source and text:
    made only when two findings tie on everything before it (they rarely do)."""

    __slots__ = ("finding",)

    def __init__(self, finding: Finding) -> None:
        self.finding = finding

    def key(self) -> tuple[str, str, str, str, str]:
        f = self.finding
        source = None if f.source is None else (f.source.line or 0, f.source.text or "",
                                               f.source.path or "")  # fmt: skip
        return (f.template or "", repr(f.params), f.rule or "", repr(source), f.text or "")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Text) and self.key() == other.key()

    def __lt__(self, other: _Text) -> bool:
        return self.key() < other.key()

    __hash__ = None  # type: ignore[assignment]


def _weigh_assumption(
    c: Counts,
    checks: list[Checks],
    drafts: tuple[Draft, ...],
    other: Audit,
    assumption: Message,
    article: str,
    reason: Message,
) -> tuple[Message, tuple[Draft, ...]]:
    """Compare with the audit under the other reading: a warning at the items whose result
    differs; an error the other reading does not find becomes a warning. Returns the reason
    that names the chosen rule set, with the outcome of the comparison, and the drafts."""
    order = {label: i for i, label in enumerate(c.session.agenda)}
    theirs: dict[str, list[tuple[int, int]]] = {}
    for f in other.errors:
        theirs.setdefault(f.code, []).extend((order[i], order[i] + 1) for i in f.items)
    differ: list[tuple[int, int]] = []
    depends: list[Draft] = []
    for pos, ((q, t, o), it) in enumerate(zip(checks, other.items, strict=True)):
        words: list[Message] = []
        if q.reached != it.quorum.reached:
            words.append(
                Message(N_("quorum reached") if it.quorum.reached else N_("quorum not reached"))
            )
        if o.computed != it.outcome.computed:
            words.append(Message(N_("outcome {outcome}"), {"outcome": it.outcome.computed or "?"}))
        if t.consistent != it.tally.consistent:
            words.append(
                Message(
                    N_("tally consistent") if it.tally.consistent else N_("tally not consistent")
                )
            )
        if words:
            differ.append((pos, pos + 1))
            depends.append(draft(
                "RESULT_DEPENDS_ON_RULE", WARNING,
                N_("{items}: the result depends on the rule assumed ({assumption}); under "
                   "{other}: {differences}"), article, (), _here(pos), None,
                assumption=assumption, other=other.rules.name, differences=words,
            ))  # fmt: skip
    out: list[Draft] = []
    for d in (*drafts, *depends):
        if d.severity is not ERROR or not d.spans:
            out.append(d)
            continue
        shared = tl.union(theirs.get(d.code, []))
        keep, only = tl.intersect(d.spans, shared), tl.subtract(d.spans, shared)
        if keep:
            out.append(attrs.evolve(d, spans=keep))
        if only:
            out.append(
                attrs.evolve(
                    d,
                    severity=WARNING,
                    template=N_(
                        "{message} (only under {rules}, which is assumed: not an error under "
                        "{other})"
                    ),
                    params={
                        "message": Message(d.template, d.params),
                        "rules": c.rules.name,
                        "other": other.rules.name,
                    },
                    spans=only,
                )
            )
    said = {"reason": reason, "other": other.rules.name}
    if not differ:
        return Message(
            N_("{reason}; under {other} the audit gives the same results"), said
        ), tuple(out)
    labels = [c.session.agenda[b] for b, _ in differ]
    where = (
        Message(N_("item {label}"), {"label": labels[0]})
        if len(labels) == 1
        else Message(N_("items {first}-{last}"), {"first": labels[0], "last": labels[-1]})
    )  # as items_text writes them
    return Message(
        N_("{reason}; under {other} the result differs at {where}"), {**said, "where": where}
    ), tuple(out)


_COUNT_BASED = frozenset(
    {
        "QUORUM_NOT_REACHED",
        "TALLY_MISMATCH",
        "INTERESTED_MISMATCH",
        "PRESENT_MISMATCH",
        "VOTERS_MISMATCH",
        "OUTCOME_MISMATCH",
        "OUTCOME_AT_RISK",
        "GIVER_MULTIPLE_PROXIES",
        "PROXY_LIMIT_EXCEEDED",
        "SUBSTITUTE_WITH_TITULAR",
        "SUBSTITUTE_AND_PROXY",
        "SUBSTITUTE_NOT_ALLOWED",
    }
)
"""Errors that rest on who was present or represented: not asserted where the reading is unsure."""
_NOT_ASSERTED = N_(
    "{message} (not asserted: the attendance was not fully read at {items}; check the lines the "
    "reading notes quote)"
)


def _not_asserted(drafts: tuple[Draft, ...], session: Session) -> tuple[Draft, ...]:
    """At the items whose attendance was not fully read (``Session.reading``), count-based errors
    become warnings that say so (docs/reading-contract.md)."""
    reading = session.reading
    if reading is None or reading.complete:
        return drafts
    unsure = tl.union((p - 1, p) for p in (session.position(x) for x in reading.uncertain_items))
    out: list[Draft] = []
    for d in drafts:
        if d.severity is not ERROR or d.code not in _COUNT_BASED:
            out.append(d)
            continue
        doubtful = tl.intersect(d.spans, unsure) if d.spans else EMPTY
        sure = tl.subtract(d.spans, unsure) if d.spans else EMPTY
        if sure:
            out.append(attrs.evolve(d, spans=sure))
        if doubtful or not d.spans:
            out.append(
                attrs.evolve(
                    d,
                    severity=WARNING,
                    spans=doubtful,
                    template=_NOT_ASSERTED,
                    params={"message": Message(d.template, d.params)},
                )
            )
    return tuple(out)


def _here(pos: int) -> Spans:
    return ((pos, pos + 1),)


def _quorum(
    c: Counts, pos: int, label: str, tally: Tally | None
) -> tuple[QuorumCheck, tuple[Draft, ...]]:
    """Quorum at the item at ``pos`` (``label``), when it is taken up."""
    s, r = c.session, c.rules
    q = r.quorum
    counted_heads = c.present_count[pos]
    if tally is not None and tally.interested and not c.withdrawn_count[pos]:
        # the minutes count interested members without naming them: not present for quorum
        counted_heads = max(0, counted_heads - int(tally.interested))
    if q is None:
        return QuorumCheck(None, counted_heads, True), ()
    in_office = s.in_office
    if r.representatives_leave(s.date):  # L1111-6, from loi 3DS (23 Feb 2022) on
        in_office -= c.representatives[pos]
    second = s.convocation == 2 and (not s.carried_over or label in s.carried_over)
    convocation = 2 if second else 1
    if q.basis == "weight":
        counted: Number = c.present_weight[pos] + (c.proxy_weight[pos] if q.represented else 0)
        total: Number = c.total_weight
    else:
        counted = counted_heads + (c.proxy_count[pos] if q.represented else 0)
        total = in_office
    required = q.required(total, convocation)
    reached = q.reached(counted, total, convocation)
    check = QuorumCheck(required, counted, reached, q.basis, total)
    if reached:
        return check, ()
    share = q.fraction if convocation == 1 else q.second_call
    return check, (draft(
        "QUORUM_NOT_REACHED", ERROR, _quorum_template(q.basis, q.represented, q.strict, counted),
        q.article, (), _here(pos), counted=counted, required=required, share=share, total=total,
    ),)  # fmt: skip


def _quorum_template(basis: str, represented: bool, strict: bool, counted: Number) -> str:
    """The message of QUORUM_NOT_REACHED: what is counted, and of what quorum is a fraction."""
    one = basis == "head" and counted == 1
    templates = {  # (basis, represented, strict, one member)
        ("head", False, True, True): N_(
            "quorum not reached at {items}: {counted} member present, {required} required "
            "(more than {share} of the {total} members in office; proxies do not count)"),
        ("head", False, True, False): N_(
            "quorum not reached at {items}: {counted} members present, {required} required "
            "(more than {share} of the {total} members in office; proxies do not count)"),
        ("head", False, False, True): N_(
            "quorum not reached at {items}: {counted} member present, {required} required "
            "(at least {share} of the {total} members in office; proxies do not count)"),
        ("head", False, False, False): N_(
            "quorum not reached at {items}: {counted} members present, {required} required "
            "(at least {share} of the {total} members in office; proxies do not count)"),
        ("head", True, True, True): N_(
            "quorum not reached at {items}: {counted} member present or represented, "
            "{required} required (more than {share} of the {total} members in office)"),
        ("head", True, True, False): N_(
            "quorum not reached at {items}: {counted} members present or represented, "
            "{required} required (more than {share} of the {total} members in office)"),
        ("head", True, False, True): N_(
            "quorum not reached at {items}: {counted} member present or represented, "
            "{required} required (at least {share} of the {total} members in office)"),
        ("head", True, False, False): N_(
            "quorum not reached at {items}: {counted} members present or represented, "
            "{required} required (at least {share} of the {total} members in office)"),
        ("weight", False, True, False): N_(
            "quorum not reached at {items}: {counted} voices present, {required} required "
            "(more than {share} of all {total} voices; proxies do not count)"),
        ("weight", False, False, False): N_(
            "quorum not reached at {items}: {counted} voices present, {required} required "
            "(at least {share} of all {total} voices; proxies do not count)"),
        ("weight", True, True, False): N_(
            "quorum not reached at {items}: {counted} voices present or represented, "
            "{required} required (more than {share} of all {total} voices)"),
        ("weight", True, False, False): N_(
            "quorum not reached at {items}: {counted} voices present or represented, "
            "{required} required (at least {share} of all {total} voices)"),
    }  # fmt: skip
    return templates[basis if basis == "weight" else "head", represented, strict, one]


def _tally(c: Counts, pos: int, t: Tally | None) -> tuple[TallyCheck, tuple[Draft, ...]]:
    """The reported tally of the item at ``pos`` against the computed voters."""
    if t is None:
        return TallyCheck(None, None), ()
    out: list[Draft] = []
    present, proxies = c.present_count[pos], c.proxy_count[pos]
    voters = present + proxies
    withdrawn = c.withdrawn_count[pos]
    rule, here, ok = c.rules.proxy_rule, _here(pos), True
    counts = t.counts()
    voting = {k: v for k, v in counts.items() if k != "interested"}
    reported: Number = sum(voting.values(), start=0)
    interested: Number = counts.get("interested") or 0
    if not withdrawn:
        reported += interested
    if c.rules.weighted:  # in votes (majorities), not shares (quorum): C. com. L225-96, L225-123
        basis: Number = c.present_votes[pos] + c.proxy_votes[pos]
        mismatch = N_(
            "the tally of {items} adds up to {reported} ({parts}), not {basis}, the vote weight"
        )
    else:
        basis = voters
        mismatch = (
            N_(
                "the tally of {items} adds up to {reported} ({parts}), not {basis}, the voters "
                "({present} present + {proxies} proxy)"
            )
            if proxies == 1
            else N_(
                "the tally of {items} adds up to {reported} ({parts}), not {basis}, the voters "
                "({present} present + {proxies} proxies)"
            )
        )
    compared = bool(voting) or (bool(counts) and not withdrawn)
    if compared and reported != basis:
        ok = False
        parts = [[k, v] for k, v in (voting if withdrawn else counts).items()]
        out.append(draft(
            "TALLY_MISMATCH", ERROR, mismatch, rule, (), here, t.source, reported=reported,
            parts=parts, basis=basis, present=present, proxies=proxies,
        ))  # fmt: skip
    if withdrawn and t.interested is not None and t.interested != withdrawn:
        ok = False
        out.append(draft(
            "INTERESTED_MISMATCH", ERROR,
            N_("the minutes count {interested} interested members at {items}; {withdrawn} "
               "member withdrew") if withdrawn == 1 else
            N_("the minutes count {interested} interested members at {items}; {withdrawn} "
               "members withdrew"),
            c.rules.interest_rule, (), here, t.source, interested=t.interested,
            withdrawn=withdrawn,
        ))  # fmt: skip
    if t.present is not None and t.present != present:
        ok = False
        out.append(draft(
            "PRESENT_MISMATCH", ERROR,
            N_("the minutes report {reported} present at {items}; the lists give {present}"),
            c.rules.quorum_rule, (), here, t.source, reported=t.present, present=present,
        ))  # fmt: skip
    if t.voters is not None and t.voters != voters:
        ok = False
        out.append(draft(
            "VOTERS_MISMATCH", ERROR,
            N_("the minutes report {reported} voters at {items}; the lists give {voters} "
               "({present} present + {proxies} proxy)") if proxies == 1 else
            N_("the minutes report {reported} voters at {items}; the lists give {voters} "
               "({present} present + {proxies} proxies)"),
            rule, (), here, t.source, reported=t.voters, voters=voters, present=present,
            proxies=proxies,
        ))  # fmt: skip
    if t.unanimous and (t.contre or 0) > 0:
        ok = False
        out.append(draft(
            "UNANIMITY_WITH_CONTRE", ERROR,
            N_("{items} is reported unanimous but counts {contre} contre"), rule, (), here,
            t.source, contre=t.contre,
        ))  # fmt: skip
    return TallyCheck(t, ok, reported if compared else None, basis), tuple(out)


def _decide(
    c: Counts, pos: int, t: Tally, pour: Number | Fraction, contre: Number | Fraction
) -> Decision | None:
    majority = c.rules.majority_named(t.majority)
    if majority is None:
        return None
    counts = {**t.counts(), "pour": pour, "contre": contre}
    cast: Number = (
        c.present_votes[pos] + c.proxy_votes[pos]
        if c.rules.weighted
        else c.present_count[pos] + c.proxy_count[pos]
    )
    total: Number = c.total_votes if c.rules.weighted else c.session.in_office
    return decide(
        majority, counts, cast=cast, total=total, members=c.session.in_office,
        secret=t.secret, casting_vote=t.casting_vote, pour_members=t.pour_members,
        voting_members=c.present_count[pos] + c.proxy_count[pos],
    )  # fmt: skip


def _gap(check: TallyCheck) -> Fraction:
    """How far the reported tally is from what it is compared with (0 when it adds up)."""
    if check.total is None or check.expected is None:
        return Fraction(0)
    return abs(Fraction(check.total) - Fraction(check.expected))


def _outcome(
    c: Counts, pos: int, t: Tally | None, tally: TallyCheck
) -> tuple[OutcomeCheck, tuple[Draft, ...]]:
    """The outcome the majority gives, compared with the one reported (``tally``: how far the
    reported counts are off, which may or may not change it)."""
    if t is None:
        return NO_OUTCOME, ()
    reported = t.outcome or ("adopted" if t.unanimous else None)
    majority = c.rules.majority_named(t.majority)
    here = _here(pos)
    if majority is None:
        return OutcomeCheck(None, reported, t.majority, None), (draft(
            "MAJORITY_UNKNOWN", WARNING,
            N_("the tally of {items} names the majority {majority!r}, which {rules} "
            "does not have ({known})"), None, (), here, t.source, majority=t.majority,
            rules=c.rules.name, known=[m.name for m in c.rules.majorities],
        ),)  # fmt: skip
    if t.pour is None and t.contre is None:
        return OutcomeCheck(None, reported, majority.name, None), ()
    out: list[Draft] = []
    pour, contre = t.pour or 0, t.contre or 0
    d = _decide(c, pos, t, pour, contre)
    assert d is not None
    if d.tie and d.outcome is None:
        out.append(draft(
            "TIE_CASTING_VOTE_UNKNOWN", WARNING,
            N_("{items}: pour and contre are tied ({pour} each); the president's casting vote "
            "decides, and the minutes do not say how he voted"), majority.article, (), here,
            t.source, pour=pour,
        ))  # fmt: skip
    elif d.outcome is None and majority.base == "expressed":
        out.append(draft(
            "NO_VOTE_EXPRESSED", WARNING,
            N_("{items}: nobody voted pour or contre, so nothing is adopted"), majority.article,
            (), here, t.source,
        ))  # fmt: skip
    if d.fallback_possible:
        out.append(draft(
            "FALLBACK_VOTE_POSSIBLE", INFO,
            N_("{items}: {majority} not reached, but pour reaches {fallback} of all voices, "
               "with half of the members present or represented: an immediate second vote at "
               "the {fallback_to} majority was possible") if majority.fallback_heads else
            N_("{items}: {majority} not reached, but pour reaches {fallback} of all voices: an "
               "immediate second vote at the {fallback_to} majority was possible"),
            majority.article, (), here, t.source, majority=majority.name,
            fallback=majority.fallback, fallback_to=majority.fallback_to,
        ))  # fmt: skip
    could_change = None
    gap = _gap(tally)
    if gap:
        fp, fc = Fraction(pour), Fraction(contre)
        flips = {
            x.outcome
            for p_, c_ in ((fp + gap, fc), (max(fp - gap, Fraction(0)), fc),
                           (fp, fc + gap), (fp, max(fc - gap, Fraction(0))))
            if (x := _decide(c, pos, t, p_, c_)) is not None
        }  # fmt: skip
        could_change = bool(flips - {d.outcome})
        out.append(draft(
            "OUTCOME_AT_RISK" if could_change else "OUTCOME_SAFE",
            ERROR if could_change else INFO,
            N_("{items}: the tally is off by {gap}: that could change the outcome")
            if could_change else
            N_("{items}: the tally is off by {gap}, which cannot change the outcome ({outcome})"),
            majority.article, (), here, t.source, gap=to_number(gap), outcome=d.outcome,
        ))  # fmt: skip
    if reported and d.outcome and reported != d.outcome:
        out.append(draft(
            "OUTCOME_MISMATCH", ERROR,
            N_("{items} is reported {reported_outcome}, but the tally gives {outcome}: {reason}"),
            majority.article, (), here, t.source, reported_outcome=reported, outcome=d.outcome,
            reason=d.reason,
        ))  # fmt: skip
    return OutcomeCheck(d.outcome, reported, majority.name, d.reason, could_change), tuple(out)


def _session_drafts(c: Counts, reason: Message, assumed: bool) -> tuple[Draft, ...]:
    """The drafts about the whole session: members in office, the rule set assumed, the L1111-6
    representatives before loi 3DS, a second convocation."""
    s = c.session
    out: list[Draft] = []
    if s.members_in_office is not None and s.members_in_office != s.seats:
        out.append(
            draft(
                "MEMBERS_IN_OFFICE_MISMATCH", WARNING,
                N_("the minutes give {in_office} members in office but list "
                "{seats} seats: a member may be missing from the lists (or listed twice)"),
                c.rules.quorum_rule, (), EMPTY, in_office=s.members_in_office, seats=s.seats,
            )
        )  # fmt: skip
    if assumed:
        out.append(draft("RULES_ASSUMED", INFO, N_("rules: {reason}"), None, (), EMPTY,
                              reason=reason))  # fmt: skip
    r = c.rules
    if r.representatives_leave_office and not r.representatives_leave(s.date):
        spans = tl.union(
            span for w in s.withdrawals if w.reason == "representative"
            for span in c.range(w.from_item, w.until_item)
        )  # fmt: skip
        out.extend(concerning(draft(
            "REPRESENTATIVES_STAY_IN_OFFICE", INFO,
            N_("{items}: the session ({date}) precedes loi 3DS (in force on "
               "{since}): the L1111-6 representatives who withdraw leave the "
               "present count but stay among the members in office"), "CGCT art. L1111-6",
            (), spans, date=str(s.date), since=str(r.representatives_since),
        )))  # fmt: skip
    if s.convocation == 2:
        out.append(
            draft(
                "SECOND_CONVOCATION", INFO,
                N_("second convocation: quorum rules of a second call apply to {carried_over}")
                if s.carried_over else
                N_("second convocation: quorum rules of a second call apply to every item"),
                c.rules.quorum_rule, (), EMPTY, carried_over=list(s.carried_over),
            )
        )  # fmt: skip
    return tuple(out)


def _runs(spans: Spans) -> Iterator[range]:
    for b, e in spans:
        yield range(b, e)


def _note_run(f: Finding, order: dict[str, int]) -> Spans:
    """The positions a reader's note concerns, as a span set (its items may not be a run)."""
    return tl.union((order[i], order[i] + 1) for i in f.items if i in order)


def _group(drafts: Iterable[Draft], session: Session) -> list[tuple[Finding, Spans]]:
    """One finding per run of consecutive items sharing a code, message, members and source
    (equal drafts about a proxy listed twice are one, about both: see ``Draft.subject``)."""
    merged: dict[Draft, tuple[list[tuple[int, int]], list[Subject | None]]] = {}
    for d in drafts:
        spans, about = merged.setdefault(d, ([], [d.subject]))
        spans.extend(d.spans)
        about[0] = _both(about[0], d.subject)
    out: list[tuple[Finding, Spans]] = []
    for key, (runs, (whom,)) in merged.items():
        for run in list(_runs(tl.union(runs))) or [range(0)]:
            labels = session.agenda[run.start : run.stop]
            finding = key.finding(labels, whom)
            out.append((finding, ((run.start, run.stop),) if labels else EMPTY))
    return out


def _both(a: Subject | None, b: Subject | None) -> Subject | None:
    """The subject of two equal drafts: the proxies of both."""
    if a is None or b is None or a.proxies == b.proxies:
        return a or b
    return attrs.evolve(a, proxies=tuple(sorted({*a.proxies, *b.proxies})))
