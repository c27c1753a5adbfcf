"""Text rendering of an audit for people: a per-item table, then the findings."""

from __future__ import annotations

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding, plural


def _tally_cell(it: AuditItem) -> str:
    t = it.tally
    if t.reported is None:
        return "-"
    counts = t.reported.counts()
    total = sum(counts.values()) if counts else None
    mark = "ok" if t.consistent else "MISMATCH"
    return f"{mark} ({total} reported)" if total is not None else mark


def _finding_lines(f: Finding) -> list[str]:
    lines = [f"{f.severity.value.upper():8} {f.code}: {f.message}"]
    if f.rule:
        lines.append(f"{'':9}rule: {f.rule}")
    if f.source is not None and f.source.describe():
        lines.append(f"{'':9}source: {f.source.describe()}")
    return lines


def render_text(audit: Audit) -> str:
    """The audit as a plain-text report (header, per-item table, findings, summary)."""
    s = audit.session
    required = audit.rules.quorum(s.in_office)
    inferred = " (inferred: not printed)" if s.in_office_inferred else ""
    head = [
        " - ".join(x for x in (s.body, s.date.isoformat() if s.date else None) if x) or "Session",
        f"rules: {audit.rules.name} ({audit.rules_reason})",
        f"members in office: {s.in_office}{inferred}; quorum: {required} present",
        "",
    ]
    rows = [("item", "pos", "present", "proxies", "voters", "weight", "quorum", "tally")]
    for it in audit.items:
        reached = "ok" if it.quorum.reached else "NOT REACHED"
        q = f"{it.quorum.counted}/{it.quorum.required} {reached}"
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
    errors = len(audit.errors)
    warnings = sum(f.severity.value == "warning" for f in audit.findings)
    if audit.findings:
        out.append("Findings:")
        for f in audit.findings:
            out.extend(_finding_lines(f))
        out.append("")
    out.append(
        f"{plural(len(audit.items), 'item')}, {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}"
    )
    return "\n".join(out) + "\n"
