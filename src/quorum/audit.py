"""The audit: per item, who counts, which proxies are usable, quorum, the tally and the outcome.

:func:`audit` applies a :class:`~quorum.rules.RuleSet` to a :class:`~quorum.model.Session`:

1. presence and proxies as span sets over positions, totals in one sweep
   (:class:`quorum.counting.Counts`);
2. quorum at each item, when it is taken up: members in office (less the L1111-6
   representatives who withdraw), a second convocation, present or represented members;
3. the reported tally against the computed voters, and the outcome the majority gives against
   the one reported;
4. findings for every anomaly, one per run of consecutive items.

Member lists (who is present at an item, which proxies it uses) are computed only when asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from functools import cached_property

import attrs

from quorum import timeline as tl
from quorum.counting import ERROR, INFO, WARNING, Counts, Draft
from quorum.findings import Finding, Verdict, items_text, plural
from quorum.model import Member, Session, Tally
from quorum.rules import Decision, Number, RuleSet, decide, to_number
from quorum.rulesets import get_rules, rules_for
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

    @property
    def verdict(self) -> Verdict:
        """``incomplete`` when the reader did not understand part of the attendance, else
        ``errors`` when a finding is an error, else ``valid``."""
        reading = self.session.reading
        if reading is not None and not reading.complete:
            return Verdict.INCOMPLETE
        return Verdict.ERRORS if self.errors else Verdict.VALID

    def item(self, label: str) -> AuditItem:
        """The audit of the item with this label."""
        return self.items[self.session.position(label) - 1]

    def to_dict(self, *, member_lists: bool = True) -> dict[str, object]:
        """The ``quorum-audit/1`` JSON document (see ``docs/audit-format.md``)."""
        from quorum.document import audit_document

        return audit_document(self, member_lists=member_lists)


def resolve_rules(session: Session, rules: RuleSet | str | None) -> tuple[RuleSet, str]:
    """The rule set to audit under, and why."""
    if rules is None:
        return rules_for(session)
    if isinstance(rules, str):
        return get_rules(rules), f"asked for ({rules!r})"
    return rules, f"asked for ({rules.name!r})"


def audit(session: Session, rules: RuleSet | str | None = None) -> Audit:
    """Audit every item of a session.

    Args:
        session: the session to audit.
        rules: a rule set or its name; by default the one the session names, else the French
            rule in force for its body and date.
    """
    rule_set, reason = resolve_rules(session, rules)
    c = Counts(session, rule_set)
    tallies = {t.item: t for t in session.tallies}
    items: list[AuditItem] = []
    checks = []
    for pos, label in enumerate(session.agenda):
        tally = tallies.get(label)
        quorum = _quorum(c, pos, label, tally)
        tally_check, outcome = _tally(c, pos, tally)
        checks.append((quorum, tally_check, outcome))
    _session_drafts(c, reason)
    c.drafts[:] = _not_asserted(c.drafts, session)
    order = {label: i for i, label in enumerate(session.agenda)}
    runs = _group(c.drafts, session) + [(f, _note_run(f, order)) for f in session.notes]
    runs.sort(key=lambda fr: (fr[1][0][0] if fr[1] else -1, fr[0].severity.rank, fr[0].code,
                              fr[0].members))  # fmt: skip
    findings = [f for f, _ in runs]
    index = _FindingIndex(findings, [r for _, r in runs])
    for pos, label in enumerate(session.agenda):
        quorum, tally_check, outcome = checks[pos]
        items.append(
            AuditItem(
                item=label,
                position=pos + 1,
                present_count=c.present_count[pos],
                proxy_count=c.proxy_count[pos],
                vote_weight=c.present_weight[pos] + c.proxy_weight[pos],
                present_weight=c.present_weight[pos],
                quorum=quorum,
                tally=tally_check,
                outcome=outcome,
                withdrawn_count=c.withdrawn_count[pos],
                counts=c,
                index=index,
            )
        )
    return Audit(session, rule_set, reason, tuple(items), tuple(findings))


_COUNT_BASED = frozenset(
    {
        "QUORUM_NOT_REACHED",
        "TALLY_MISMATCH",
        "INTERESTED_MISMATCH",
        "PRESENT_MISMATCH",
        "VOTERS_MISMATCH",
        "OUTCOME_MISMATCH",
        "GIVER_MULTIPLE_PROXIES",
        "PROXY_LIMIT_EXCEEDED",
        "SUBSTITUTE_WITH_TITULAR",
        "SUBSTITUTE_AND_PROXY",
        "SUBSTITUTE_NOT_ALLOWED",
    }
)
"""Errors that rest on who was present or represented: not asserted where the reading is unsure."""
_NOT_ASSERTED = (
    " (not asserted: the attendance was not fully read at {items}; check the lines the reading "
    "notes quote)"
)


def _not_asserted(drafts: list[Draft], session: Session) -> list[Draft]:
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
                    d, severity=WARNING, spans=doubtful, message=d.message + _NOT_ASSERTED
                )
            )
    return out


def _here(pos: int) -> Spans:
    return ((pos, pos + 1),)


def _quorum(c: Counts, pos: int, label: str, tally: Tally | None) -> QuorumCheck:
    s, r = c.session, c.rules
    q = r.quorum
    counted_heads = c.present_count[pos]
    if tally is not None and tally.interested and not c.withdrawn_count[pos]:
        # the minutes count interested members without naming them: not present for quorum
        counted_heads = max(0, counted_heads - int(tally.interested))
    if q is None:
        return QuorumCheck(None, counted_heads, True)
    in_office = s.in_office
    if r.representatives_leave_office:
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
    if not reached:
        who = "present or represented" if q.represented else "present"
        fraction = "more than" if q.strict else "at least"
        share = q.fraction if convocation == 1 else q.second_call
        of = f"the {total} members in office" if q.basis == "head" else f"all {total} voices"
        counted_text = (
            f"{counted} voices" if q.basis == "weight" else plural(int(counted), "member")
        )
        c.draft(
            "QUORUM_NOT_REACHED", ERROR,
            f"quorum not reached at {{items}}: {counted_text} {who}, {required} required "
            f"({fraction} {share} of {of}" + ("" if q.represented else "; proxies do not count")
            + ")", q.article, (), _here(pos),
        )  # fmt: skip
    return QuorumCheck(required, counted, reached, q.basis, total)


def _tally(c: Counts, pos: int, t: Tally | None) -> tuple[TallyCheck, OutcomeCheck]:
    if t is None:
        return TallyCheck(None, None), NO_OUTCOME
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
    if c.rules.weighted:
        basis: Number = c.present_weight[pos] + c.proxy_weight[pos]
        what = "the vote weight"
    else:
        basis = voters
        what = f"the voters ({present} present + {plural(proxies, 'proxy', 'proxies')})"
    gap = Fraction(0)
    compared = bool(voting) or (bool(counts) and not withdrawn)
    if compared and reported != basis:
        ok, gap = False, abs(Fraction(reported) - Fraction(basis))
        parts = " + ".join(f"{k} {v}" for k, v in (voting if withdrawn else counts).items())
        c.draft(
            "TALLY_MISMATCH", ERROR,
            f"the tally of {{items}} adds up to {reported} ({parts}), not {basis}, {what}",
            rule, (), here, t.source,
        )  # fmt: skip
    if withdrawn and t.interested is not None and t.interested != withdrawn:
        ok = False
        c.draft(
            "INTERESTED_MISMATCH", ERROR,
            f"the minutes count {t.interested} interested members at {{items}}; "
            f"{plural(withdrawn, 'member')} withdrew", c.rules.interest_rule, (), here, t.source,
        )  # fmt: skip
    if t.present is not None and t.present != present:
        ok = False
        c.draft(
            "PRESENT_MISMATCH", ERROR,
            f"the minutes report {t.present} present at {{items}}; the lists give {present}",
            c.rules.quorum_rule, (), here, t.source,
        )  # fmt: skip
    if t.voters is not None and t.voters != voters:
        ok = False
        c.draft(
            "VOTERS_MISMATCH", ERROR,
            f"the minutes report {t.voters} voters at {{items}}; the lists give {voters} "
            f"({present} present + {plural(proxies, 'proxy', 'proxies')})", rule, (), here,
            t.source,
        )  # fmt: skip
    if t.unanimous and (t.contre or 0) > 0:
        ok = False
        c.draft(
            "UNANIMITY_WITH_CONTRE", ERROR,
            f"{{items}} is reported unanimous but counts {t.contre} contre", rule, (), here,
            t.source,
        )  # fmt: skip
    check = TallyCheck(t, ok, reported if compared else None, basis)
    return check, _outcome(c, pos, t, gap)


def _decide(
    c: Counts, pos: int, t: Tally, pour: Number | Fraction, contre: Number | Fraction
) -> Decision | None:
    majority = c.rules.majority_named(t.majority)
    if majority is None:
        return None
    counts = {**t.counts(), "pour": pour, "contre": contre}
    cast: Number = (
        c.present_weight[pos] + c.proxy_weight[pos]
        if c.rules.weighted
        else c.present_count[pos] + c.proxy_count[pos]
    )
    total: Number = c.total_weight if c.rules.weighted else c.session.in_office
    return decide(
        majority, counts, cast=cast, total=total, members=c.session.in_office,
        secret=t.secret, casting_vote=t.casting_vote, pour_members=t.pour_members,
    )  # fmt: skip


def _outcome(c: Counts, pos: int, t: Tally, gap: Fraction) -> OutcomeCheck:
    """The outcome the majority gives, compared with the one reported."""
    reported = t.outcome or ("adopted" if t.unanimous else None)
    majority = c.rules.majority_named(t.majority)
    here = _here(pos)
    if majority is None:
        c.draft(
            "MAJORITY_UNKNOWN", WARNING,
            f"the tally of {{items}} names the majority {t.majority!r}, which {c.rules.name} "
            f"does not have ({', '.join(m.name for m in c.rules.majorities)})", None, (), here,
            t.source,
        )  # fmt: skip
        return OutcomeCheck(None, reported, t.majority, None)
    if t.pour is None and t.contre is None:
        return OutcomeCheck(None, reported, majority.name, None)
    pour, contre = t.pour or 0, t.contre or 0
    d = _decide(c, pos, t, pour, contre)
    assert d is not None
    if d.tie and d.outcome is None:
        c.draft(
            "TIE_CASTING_VOTE_UNKNOWN", WARNING,
            f"{{items}}: pour and contre are tied ({pour} each); the president's casting vote "
            "decides, and the minutes do not say how he voted", majority.article, (), here,
            t.source,
        )  # fmt: skip
    elif d.outcome is None and majority.base == "expressed":
        c.draft(
            "NO_VOTE_EXPRESSED", WARNING,
            "{items}: nobody voted pour or contre, so nothing is adopted", majority.article,
            (), here, t.source,
        )  # fmt: skip
    if d.fallback_possible:
        c.draft(
            "FALLBACK_VOTE_POSSIBLE", INFO,
            f"{{items}}: {majority.name} not reached, but pour reaches {majority.fallback} of all "
            "voices: an immediate second vote at the art. 24 majority was possible",
            majority.article, (), here, t.source,
        )  # fmt: skip
    could_change = None
    if gap:
        fp, fc = Fraction(pour), Fraction(contre)
        flips = {
            x.outcome
            for p_, c_ in ((fp + gap, fc), (max(fp - gap, Fraction(0)), fc),
                           (fp, fc + gap), (fp, max(fc - gap, Fraction(0))))
            if (x := _decide(c, pos, t, p_, c_)) is not None
        }  # fmt: skip
        could_change = bool(flips - {d.outcome})
        c.draft(
            "OUTCOME_AT_RISK" if could_change else "OUTCOME_SAFE",
            ERROR if could_change else INFO,
            f"{{items}}: the tally is off by {to_number(gap)}"
            + (": that could change the outcome" if could_change
               else f", which cannot change the outcome ({d.outcome})"),
            majority.article, (), here, t.source,
        )  # fmt: skip
    if reported and d.outcome and reported != d.outcome:
        c.draft(
            "OUTCOME_MISMATCH", ERROR,
            f"{{items}} is reported {reported}, but the tally gives {d.outcome}: {d.reason}",
            majority.article, (), here, t.source,
        )  # fmt: skip
    return OutcomeCheck(d.outcome, reported, majority.name, d.reason, could_change)


def _session_drafts(c: Counts, reason: str) -> None:
    s = c.session
    if s.members_in_office is not None and s.members_in_office != s.seats:
        c.drafts.append(
            Draft(
                "MEMBERS_IN_OFFICE_MISMATCH", WARNING,
                f"the minutes give {s.members_in_office} members in office but list "
                f"{s.seats} seats: a member may be missing from the lists (or listed twice)",
                c.rules.quorum_rule, (), EMPTY,
            )
        )  # fmt: skip
    if s.rules is None:
        c.drafts.append(Draft("RULES_ASSUMED", INFO, f"rules: {reason}", None, (), EMPTY))
    if s.convocation == 2:
        which = ", ".join(s.carried_over) if s.carried_over else "every item"
        c.drafts.append(
            Draft(
                "SECOND_CONVOCATION", INFO,
                f"second convocation: quorum rules of a second call apply to {which}",
                c.rules.quorum_rule, (), EMPTY,
            )
        )  # fmt: skip


def _runs(spans: Spans) -> Iterator[range]:
    for b, e in spans:
        yield range(b, e)


def _note_run(f: Finding, order: dict[str, int]) -> Spans:
    """The positions a reader's note concerns, as a span set (its items may not be a run)."""
    return tl.union((order[i], order[i] + 1) for i in f.items if i in order)


def _group(drafts: list[Draft], session: Session) -> list[tuple[Finding, Spans]]:
    """One finding per run of consecutive items sharing a code, message, members and source."""
    merged: dict[Draft, list[tuple[int, int]]] = {}
    for d in drafts:
        merged.setdefault(d, []).extend(d.spans)
    out: list[tuple[Finding, Spans]] = []
    for key, spans in merged.items():
        for run in list(_runs(tl.union(spans))) or [range(0)]:
            labels = session.agenda[run.start : run.stop]
            text = items_text(labels) or "the session"
            message = key.message.replace("{items}", text)
            if key.message.startswith("{items}"):
                message = message[0].upper() + message[1:]
            finding = Finding(
                code=key.code,
                severity=key.severity,
                message=message,
                items=labels,
                members=key.members,
                rule=key.rule,
                source=key.source,
            )
            out.append((finding, ((run.start, run.stop),) if labels else EMPTY))
    return out
