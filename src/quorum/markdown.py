"""The Markdown report, for a ticket or an e-mail: the verdict, the findings, the per-item table.

Findings come first (what needs doing), each quoting its source; then one table row per item.
Cells are escaped so that a ``|`` or a ``*`` in a name or a quoted line cannot break the table.
"""

from __future__ import annotations

import re

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding
from quorum.i18n import _, using
from quorum.report import (
    counts,
    info_words,
    items_words,
    quorum_cell,
    quorum_required,
    reading_findings,
    severity_word,
    summary_line,
    tally_word,
    title,
    verdict_sentence,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """Text escaped for a Markdown paragraph or table cell (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _items(labels: tuple[str, ...]) -> str:
    return f" ({md(items_words(labels))})" if labels else ""


def _finding(f: Finding) -> list[str]:
    lines = [f"- **{severity_word(f.severity)}** `{f.code}`{_items(f.items)}: {md(f.render())}"]
    if f.rule:
        lines.append("  - " + _("rule: {rule}").format(rule=md(f.rule)))
    if f.source is not None and f.source.describe():
        src = f.source
        if src.line is not None:
            quote = _("source, line {line}: {text}").format(line=src.line, text=md(src.text or ""))
            lines.append(f"  - {quote}".rstrip(": "))
        else:
            lines.append("  - " + _("source: {source}").format(source=f"`{src.path}`"))
    return lines


def _tally(it: AuditItem) -> str:
    t = it.tally.reported
    if t is None:
        return "–"
    c = t.counts()
    text = ", ".join(f"{tally_word(k)} {v}" for k, v in c.items())
    if it.tally.total is not None:
        text += f" = {it.tally.total}"
    totals = [
        f"{word} {v}"
        for k, word in (("present", _("present")), ("voters", _("voters")))
        if (v := getattr(t, k)) is not None
    ]
    text = "; ".join(x for x in (text, *totals) if x) or _("no counts")
    if it.tally.consistent is False:
        mismatch = _("MISMATCH")
        return f"**{text}: {mismatch}**"
    return text


def _status(it: AuditItem) -> str:
    if not it.findings:
        return _("ok")
    codes = dict.fromkeys(f.code for f in it.findings)
    return ", ".join(f"`{c}`" for c in codes)


def render_markdown(audit: Audit, *, lang: str | None = None) -> str:
    """The audit as GitHub-flavoured Markdown; ``lang`` is ``fr`` or ``en`` (default: the
    environment's locale)."""
    with using(lang):
        return _render(audit)


def _render(audit: Audit) -> str:
    s = audit.session
    *_counts, info = counts(audit)
    inferred = _(" (inferred: not printed)") if s.in_office_inferred else ""
    summary = summary_line(audit) + info_words(info)
    out = [
        f"# {md(title(audit))}",
        "",
        f"**{md(verdict_sentence(audit))}**",
        "",
        summary,
        "",
        "- "
        + _("rule set: {name} ({reason})").format(
            name=f"`{audit.rules.name}`", reason=md(audit.rules_why.render())
        ),
        "- " + _("members in office: {n}{inferred}").format(n=s.in_office, inferred=inferred),
        "- " + _("quorum: {required}").format(required=quorum_required(audit)),
        "",
        "## " + _("Findings"),
        "",
    ]
    reading = reading_findings(audit) if audit.verdict.value == "incomplete" else ()
    if audit.findings:
        for f in reading:
            out.extend(_finding(f))
        for f in audit.findings:
            if f not in reading:
                out.extend(_finding(f))
    else:
        out.append(_("No finding: every count adds up."))
    computed = _("weight computed") if audit.rules.weighted else _("voters computed")
    head = (
        _("item"),
        _("present"),
        _("proxies"),
        _("voters"),
        _("weight"),
        _("quorum"),
        _("reported tally"),
        computed,
        _("status"),
    )
    out += [
        "",
        "## " + _("Items"),
        "",
        "| " + " | ".join(head) + " |",
        "|---|--:|--:|--:|--:|---|---|--:|---|",
    ]
    not_reached = _("NOT REACHED")
    for it in audit.items:
        quorum = quorum_cell(it).replace(not_reached, f"**{not_reached}**")
        weight = it.vote_weight if audit.rules.weighted else it.voters
        out.append(
            f"| {md(it.item)} | {it.present_count} | {it.proxy_count} | {it.voters} | "
            f"{it.vote_weight} | {quorum} | {_tally(it)} | {weight} | {_status(it)} |"
        )
    return "\n".join(out) + "\n"
