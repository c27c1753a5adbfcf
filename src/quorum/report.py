"""Text rendering of an audit for people: a per-item table, then the findings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding, Severity, plural
from quorum.rules import RuleSet


def _tally_cell(it: AuditItem) -> str:
    t = it.tally
    if t.reported is None:
        return "-"
    mark = "ok" if t.consistent else "MISMATCH"
    return f"{mark} ({t.total} reported)" if t.total is not None else mark


def _finding_lines(f: Finding) -> list[str]:
    lines = [f"{f.severity.value.upper():8} {f.code}: {f.message}"]
    if f.rule:
        lines.append(f"{'':9}rule: {f.rule}")
    if f.source is not None and f.source.describe():
        lines.append(f"{'':9}source: {f.source.describe()}")
    return lines


def counts(audit: Audit) -> tuple[int, int, int]:
    """The number of findings by severity: errors, warnings, info."""
    by = Counter(f.severity for f in audit.findings)
    return by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO]


def summary_line(audit: Audit) -> str:
    """The verdict: ``37 items, 0 errors, 2 warnings``."""
    errors, warnings, _ = counts(audit)
    return (
        f"{plural(len(audit.items), 'item')}, {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}"
    )


def title(audit: Audit) -> str:
    """``body - date``, or ``Session`` when the session names neither."""
    s = audit.session
    return (
        " - ".join(x for x in (s.body, s.date.isoformat() if s.date else None) if x) or "Session"
    )


def quorum_required(audit: Audit) -> str:
    """The quorum of the session in words: ``62 present``; ``60-62 present`` when it varies
    from item to item; ``none`` when no item needs one."""
    values = sorted({it.quorum.required for it in audit.items if it.quorum.required is not None})
    if not values:
        return "none"
    what = "present" if getattr(audit.items[0].quorum, "basis", "head") == "head" else "voices"
    if len(values) == 1:
        return f"{values[0]} {what}"
    return f"{values[0]}-{values[-1]} {what}, by item"


def quorum_cell(it: AuditItem) -> str:
    """``79/62 ok``, ``40/62 NOT REACHED``, or ``79/none`` when no quorum is needed."""
    q = it.quorum
    if q.required is None:
        return f"{q.counted}/none"
    return f"{q.counted}/{q.required} {'ok' if q.reached else 'NOT REACHED'}"


def outcome_cell(it: AuditItem) -> str:
    """``adopted``, ``rejected (reported adopted)``, or ``-`` when the tally gives none."""
    o = it.outcome
    if o.computed is None:
        return f"? (reported {o.reported})" if o.reported else "-"
    if o.reported and o.reported != o.computed:
        return f"{o.computed} (reported {o.reported})"
    return o.computed


_COLORS = {"ERROR": "31", "WARNING": "33", "NOT REACHED": "31", "MISMATCH": "31"}
_COLOR_RE = re.compile(r"^(ERROR|WARNING)\b|\b(NOT REACHED|MISMATCH)\b", re.M)


def colorize(text: str) -> str:
    """ANSI colours for a terminal: errors and failures in red, warnings in yellow."""
    return _COLOR_RE.sub(lambda m: f"\x1b[{_COLORS[m.group(0)]}m{m.group(0)}\x1b[0m", text)


def render_text(audit: Audit, *, color: bool = False) -> str:
    """The audit as a plain-text report (header, per-item table, findings, summary).

    ``color`` adds ANSI colours (for a terminal that wants them; see ``NO_COLOR``).
    """
    s = audit.session
    required = quorum_required(audit)
    inferred = " (inferred: not printed)" if s.in_office_inferred else ""
    head = [
        title(audit),
        f"rules: {audit.rules.name} ({audit.rules_reason})",
        f"members in office: {s.in_office}{inferred}; quorum: {required}",
        "",
    ]
    rows = [
        ("item", "pos", "present", "proxies", "voters", "weight", "quorum", "tally", "outcome")
    ]
    for it in audit.items:
        q = quorum_cell(it)
        rows.append(
            (
                it.item,
                str(it.position),
                str(it.present_count),
                str(it.proxy_count),
                str(it.voters),
                str(it.vote_weight),
                q,
                _tally_cell(it),
                outcome_cell(it),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = [
        "  ".join(
            c.rjust(w) if i < 6 else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    out = head + table + [""]
    if audit.findings:
        out.append("Findings:")
        for f in audit.findings:
            out.extend(_finding_lines(f))
        out.append("")
    out.append(summary_line(audit))
    text = "\n".join(out) + "\n"
    return colorize(text) if color else text


def _parameters(r: RuleSet) -> str:
    """The parameters of a rule set in words (quorum, proxies, L1111-6)."""
    q = r.quorum
    if q is None:
        quorum = "none"
    else:
        of = "of the members in office" if q.basis == "head" else "of all voices (shares)"
        who = "present or represented" if q.represented else "present"
        quorum = f"{'more than' if q.strict else 'at least'} {q.fraction} {of} {who}"
        if q.second_call is not None:
            quorum += f" ({q.second_call} on second call)"
    p = r.proxies
    if not p.allowed:
        proxies = "not allowed"
    else:
        proxies = "any number" if p.per_holder is None else f"{p.per_holder} per holder"
        if p.weight_exception is not None:
            proxies += f" (more within {p.weight_exception} of all voices)"
        if p.outsiders:
            proxies += "; a non-member may hold them"
    words = [f"quorum {quorum}", f"proxies {proxies}"]
    if r.representatives_leave_office:
        since = f" from {r.representatives_since}" if r.representatives_since else ""
        words.append(f"L1111-6 representatives leave the members in office{since}")
    if q is not None and q.basis == "weight":
        words.append("majorities in votes, quorum in shares")
    return "; ".join(words)


def render_rules(rule_sets: Iterable[RuleSet], *, detail: bool = True) -> str:
    """The rule sets, one line each (name, dates of force, title), then their parameters,
    majorities, sources and notes (unsettled points)."""
    rule_sets = list(rule_sets)
    width = max([24, *(len(r.name) for r in rule_sets)])
    out: list[str] = []
    for r in rule_sets:
        out.append(f"{r.name:{width}} {r.dates():28} {r.title}")
        if detail:
            quorum = "no quorum" if r.quorum is None else f"{r.quorum_rule}"
            out.append(
                f"{'':4}quorum: {quorum}; proxies: {r.proxy_rule}; majority: "
                f"{r.majority.describe()}"
            )
            out.append(f"{'':4}parameters: {_parameters(r)}")
            out.extend(
                f"{'':4}majority {m.name!r}: {m.describe()} ({m.article})"
                for m in r.majorities[1:]
            )
            out.extend(f"{'':4}- {source}" for source in r.sources)
            out.extend(f"{'':4}note: {note}" for note in r.notes)
    return "\n".join(out) + "\n"
