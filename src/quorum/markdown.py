"""The Markdown report, for a ticket or an e-mail: the verdict, the findings, the per-item table.

Findings come first (what needs doing), each quoting its source; then one table row per item.
Cells are escaped so that a ``|`` or a ``*`` in a name or a quoted line cannot break the table.
"""

from __future__ import annotations

import re

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding, items_text
from quorum.report import counts, quorum_cell, quorum_required, summary_line, title

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """Text escaped for a Markdown paragraph or table cell (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _items(labels: tuple[str, ...]) -> str:
    return f" ({md(items_text(labels))})" if labels else ""


def _finding(f: Finding) -> list[str]:
    lines = [f"- **{f.severity.value}** `{f.code}`{_items(f.items)}: {md(f.message)}"]
    if f.rule:
        lines.append(f"  - rule: {md(f.rule)}")
    if f.source is not None and f.source.describe():
        src = f.source
        if src.line is not None:
            lines.append(f"  - source, line {src.line}: {md(src.text or '')}".rstrip(": "))
        else:
            lines.append(f"  - source: `{src.path}`")
    return lines


def _tally(it: AuditItem) -> str:
    t = it.tally.reported
    if t is None:
        return "–"
    c = t.counts()
    text = ", ".join(f"{k} {v}" for k, v in c.items())
    if it.tally.total is not None:
        text += f" = {it.tally.total}"
    totals = [f"{k} {v}" for k in ("present", "voters") if (v := getattr(t, k)) is not None]
    text = "; ".join(x for x in (text, *totals) if x) or "no counts"
    if it.tally.consistent is False:
        return f"**{text}: MISMATCH**"
    return text


def _status(it: AuditItem) -> str:
    if not it.findings:
        return "ok"
    codes = dict.fromkeys(f.code for f in it.findings)
    return ", ".join(f"`{c}`" for c in codes)


def render_markdown(audit: Audit) -> str:
    """The audit as GitHub-flavoured Markdown."""
    s = audit.session
    *_, info = counts(audit)
    inferred = " (inferred: not printed)" if s.in_office_inferred else ""
    verdict = summary_line(audit) + (f", {info} info" if info else "")
    out = [
        f"# {md(title(audit))}",
        "",
        f"**{verdict}**",
        "",
        f"- rule set: `{audit.rules.name}` ({md(audit.rules_reason)})",
        f"- members in office: {s.in_office}{inferred}",
        f"- quorum: {quorum_required(audit)}",
        "",
        "## Findings",
        "",
    ]
    if audit.findings:
        for f in audit.findings:
            out.extend(_finding(f))
    else:
        out.append("No finding: every count adds up.")
    basis = "weight" if audit.rules.weighted else "voters"
    out += [
        "",
        "## Items",
        "",
        f"| item | present | proxies | voters | weight | quorum | reported tally | {basis} "
        "computed | status |",
        "|---|--:|--:|--:|--:|---|---|--:|---|",
    ]
    for it in audit.items:
        quorum = quorum_cell(it).replace("NOT REACHED", "**NOT REACHED**")
        computed = it.vote_weight if audit.rules.weighted else it.voters
        out.append(
            f"| {md(it.item)} | {it.present_count} | {it.proxy_count} | {it.voters} | "
            f"{it.vote_weight} | {quorum} | {_tally(it)} | {computed} | {_status(it)} |"
        )
    return "\n".join(out) + "\n"
