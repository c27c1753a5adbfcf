"""The HTML report: one self-contained file (inline CSS, no script, nothing from the network).

It holds a header with the verdict, the per-item table, the presence timeline (one row per member
grouped by group, one column per item in order of passage) and the findings, each linked to the
items and members it concerns. It prints on A4 landscape.

The timeline is written as runs: consecutive items where a member is in the same state make one
cell with a ``colspan``, so 600 members x 1,000 items stay a few hundred kilobytes, and an
arrival or a departure is where a run ends. Cell classes: ``p`` present, ``s`` a substitute
present, ``r`` represented by a usable proxy, ``b`` absent with his substitute sitting, ``x``
absent with a proxy that is not counted (a finding says why), none for absent. Every cell has a
``title``: the state, who holds the vote, and the items.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from quorum.audit import Audit, AuditItem
from quorum.explain import proxy_pair
from quorum.findings import Finding, Severity, items_text
from quorum.model import Member, Session
from quorum.report import counts, quorum_cell, quorum_required, summary_line, title

SEVERITY_CLASS = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}

CSS = """
@page{size:A4 landscape;margin:8mm}
*{box-sizing:border-box}
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
margin:16px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px}
dl.facts{display:flex;flex-wrap:wrap;gap:2px 18px;margin:4px 0}dl.facts div{display:flex;gap:4px}
dt{color:#555}dd{margin:0;font-weight:600}
.verdict{font-size:15px;font-weight:700;padding:6px 10px;border-radius:4px;display:inline-block}
.verdict.ok{background:#e3f4e6;color:#135d24}.verdict.w{background:#fff3cd;color:#6b4c00}
.verdict.e{background:#fbe0e0;color:#8a1111}
table{border-collapse:collapse}
.items th,.items td{border:1px solid #ccc;padding:2px 6px;text-align:right}
.items td:first-child,.items th{text-align:left}.items .st{text-align:left}
.items thead th{background:#f1f1f1;position:sticky;top:0}
tr.e td{background:#fde8e8}tr.w td{background:#fff8e1}
.bad{color:#a40000;font-weight:700}
.badge{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;font-weight:700;
color:#fff;background:#666}.badge.e{background:#b00020}.badge.w{background:#9a6b00}
.badge.i{background:#2f6690}
#timeline{table-layout:fixed;font-size:11px}
#timeline th,#timeline td{padding:0;height:15px;border:1px solid #fff}
#timeline col.c{width:22px}#timeline.dense col.c{width:8px}
#timeline col.gc{width:10em}#timeline col.nc{width:15em}
#timeline thead th{font-weight:400;vertical-align:bottom;position:sticky;top:0;background:#fff;
height:auto}
#timeline thead th a{writing-mode:vertical-rl;transform:rotate(180deg);color:#333;
text-decoration:none;display:inline-block;padding:2px 0;max-height:60px;overflow:hidden}
#timeline.dense thead th a{font-size:8px}
#timeline thead th.e a{color:#b00020;font-weight:700}#timeline thead th.w a{color:#9a6b00;
font-weight:700}
#timeline th.n{text-align:left;font-weight:400;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis;padding:0 6px 0 2px;background:#fff}
#timeline th.g{text-align:left;vertical-align:top;font-weight:700;background:#eef1f5;
padding:1px 4px;border:0;border-top:1px solid #c5ccd6;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis}
#timeline tbody tr:first-child>*{border-top:1px solid #c5ccd6}
#timeline td{background:#e6e6e6}
#timeline td.p{background:#2e7d32}
#timeline td.s{background:repeating-linear-gradient(135deg,#2e7d32 0 3px,#81c784 3px 6px)}
#timeline td.r{background:#64b5f6}
#timeline td.b{background:#e6e6e6;box-shadow:inset 0 0 0 2px #81c784}
#timeline td.x{background:repeating-linear-gradient(135deg,#f4c7c7 0 3px,#e6e6e6 3px 6px);
box-shadow:inset 0 0 0 1px #c62828}
#timeline tfoot td{background:none;text-align:center;font-size:9px;color:#333}
#timeline.dense tfoot td{writing-mode:vertical-rl;font-size:7px}
#timeline th.n.x{color:#8a1111;font-weight:700}
tr:target th.n,tr:target td{outline:2px solid #000}
.legend{display:flex;gap:14px;margin:4px 0 8px;font-size:12px}
.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;width:16px;height:12px;background:#e6e6e6}
.legend i.p{background:#2e7d32}.legend i.r{background:#64b5f6}
.legend i.s{background:repeating-linear-gradient(135deg,#2e7d32 0 3px,#81c784 3px 6px)}
.legend i.b{box-shadow:inset 0 0 0 2px #81c784}
.legend i.x{background:repeating-linear-gradient(135deg,#f4c7c7 0 3px,#e6e6e6 3px 6px);
box-shadow:inset 0 0 0 1px #c62828}
.scroll{overflow:auto;max-height:92vh}
#findings li{margin:0 0 10px}#findings li:target{background:#ffffb3}
blockquote{margin:2px 0 0 0;padding:2px 8px;border-left:3px solid #bbb;color:#333;
font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap}
.muted{color:#666}
@media print{body{margin:0;font-size:10px}.scroll{overflow:visible;max-height:none}
thead{display:table-header-group}tr{break-inside:avoid}
.items thead th,#timeline thead th,#timeline th.n{position:static}h2{break-after:avoid}
section{break-before:page}section:first-of-type{break-before:auto}}
"""

DENSE = 60
"""Above this many items the timeline uses narrow columns."""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


class _Page:
    """Ids and lookups shared by the parts of one report."""

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.session: Session = audit.session
        self.finding_id = {id(f): f"f{n}" for n, f in enumerate(audit.findings, 1)}
        self.row = {m.id: f"m{n}" for n, m in enumerate(self.session.members, 1)}
        self.member_finding: dict[str, str] = {}
        for f in audit.findings:
            for m in f.members:
                self.member_finding.setdefault(m, self.finding_id[id(f)])

    def item_link(self, label: str) -> str:
        pos = self.session.position(label)
        return f'<a href="#i{pos}">{_e(label)}</a>'

    def member_link(self, member_id: str) -> str:
        try:
            name = self.session.member(member_id).name
        except KeyError:
            return _e(member_id)
        return f'<a href="#{self.row[member_id]}">{_e(name)}</a>'


def _worst(findings: Sequence[Finding]) -> Severity | None:
    return min((f.severity for f in findings), key=lambda s: s.rank, default=None)


# --- header and items table ---------------------------------------------------------------------


def _header(page: _Page) -> str:
    a, s = page.audit, page.session
    errors, warnings, info = counts(a)
    cls = "e" if errors else "w" if warnings else "ok"
    inferred = " (inferred)" if s.in_office_inferred else ""
    facts = [
        ("Body", s.body or "—"),
        ("Date", s.date.isoformat() if s.date else "—"),
        ("Rule set", f"{a.rules.name}: {a.rules.title}"),
        ("Members in office", f"{s.in_office}{inferred}"),
        ("Quorum required", quorum_required(a)),
        ("Members listed", str(len(s.members))),
        ("Proxies", str(len(s.proxies))),
    ]
    dl = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    more = f", {info} info" if info else ""
    return (
        f"<header><h1>{_e(title(a))}</h1><dl class=facts>{dl}</dl>"
        f'<p class="verdict {cls}" id=verdict>{_e(summary_line(a))}{more}</p>'
        f"<p class=muted>Rule set chosen: {_e(a.rules_reason)}.</p></header>"
    )


def _reported(it: AuditItem) -> tuple[str, str]:
    t = it.tally.reported
    if t is None:
        return "—", ""
    c = t.counts()
    parts = " · ".join(
        [f"{k} {v}" for k, v in c.items()]
        + [f"{k} {v}" for k in ("present", "voters") if (v := getattr(t, k)) is not None]
    )
    total = str(sum(c.values())) if c else ""
    if t.unanimous:
        parts += " (unanimous)"
    return parts or "unanimous", total


def _badges(page: _Page, findings: Sequence[Finding]) -> str:
    """One badge per code, linked to the first finding with that code (``CODE x3``)."""
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    out = []
    for code, fs in by_code.items():
        times = f" ×{len(fs)}" if len(fs) > 1 else ""
        out.append(
            f'<a class="badge {SEVERITY_CLASS[fs[0].severity]}" '
            f'href="#{page.finding_id[id(fs[0])]}">{_e(code)}{times}</a>'
        )
    return " ".join(out)


def _items_table(page: _Page) -> str:
    a = page.audit
    weighted = a.rules.weighted
    rows = []
    for it in a.items:
        sev = _worst(it.findings)
        cls = (
            f' class="{SEVERITY_CLASS[sev]}"' if sev in (Severity.ERROR, Severity.WARNING) else ""
        )
        quorum = _e(quorum_cell(it)).replace("NOT REACHED", "<span class=bad>NOT REACHED</span>")
        parts, total = _reported(it)
        computed = it.vote_weight if weighted else it.voters
        if it.tally.consistent is False:
            total = f"<span class=bad>{_e(total)}</span>"
        status = _badges(page, it.findings) or "ok"
        rows.append(
            f"<tr id=i{it.position}{cls}><td>{_e(it.item)}</td><td>{it.present_count}</td>"
            f"<td>{it.proxy_count}</td><td class=v>{it.voters}</td><td>{_e(it.vote_weight)}</td>"
            f"<td>{quorum}</td><td class=st>{_e(parts)}</td><td>{total}</td>"
            f"<td>{_e(computed)}</td><td class=st>{status}</td></tr>"
        )
    basis = "weight" if weighted else "voters"
    head = (
        "<tr><th>Item</th><th>Present</th><th>Proxies</th><th>Voters</th><th>Weight</th>"
        "<th>Quorum</th><th>Reported tally</th><th>Reported total</th>"
        f"<th>Computed ({basis})</th><th>Status</th></tr>"
    )
    return (
        "<section><h2 id=items-h>Items, in order of passage</h2>"
        f"<table class=items id=items><thead>{head}</thead><tbody>{''.join(rows)}</tbody>"
        "</table></section>"
    )


# --- presence timeline --------------------------------------------------------------------------


def _states(page: _Page) -> dict[str, list[tuple[str, str]]]:
    """Per member id, per item: (class, who holds the vote or sits)."""
    s = page.session
    n = len(page.audit.items)
    out: dict[str, list[tuple[str, str]]] = {m.id: [("", "")] * n for m in s.members}
    substitutes: dict[str, list[Member]] = {}
    for m in s.members:
        if m.is_substitute and m.substitute_for:
            substitutes.setdefault(m.substitute_for, []).append(m)
    for k, it in enumerate(page.audit.items):
        present = {m.id for m in it.present}
        for mid in present:
            out[mid][k] = ("s" if s.member(mid).is_substitute else "p", "")
        for giver, holder in it.proxies:
            if giver.id not in present:
                out[giver.id][k] = ("r", holder.name)
        for titular, subs in substitutes.items():
            if titular not in present:
                sitting = [x.name for x in subs if x.id in present]
                if sitting:
                    out[titular][k] = ("b", ", ".join(sitting))
    for f in page.audit.findings:
        pair = proxy_pair(f)
        if pair is None or pair[0] not in out:
            continue
        row, to = out[pair[0]], s.member(pair[1]).name
        for label in f.items:
            k = s.position(label) - 1
            if row[k][0] == "":
                row[k] = ("x", f"{to} not counted ({f.code})")
    return out


WORDS = {
    "p": "present",
    "s": "present (substitute)",
    "r": "represented by {}",
    "b": "absent; substitute {} sits",
    "x": "absent; proxy to {}",
    "": "absent",
}


def _runs(states: list[tuple[str, str]], labels: Sequence[str]) -> Iterator[str]:
    start = 0
    for k in range(1, len(states) + 1):
        if k < len(states) and states[k] == states[start]:
            continue
        cls, who = states[start]
        span = k - start
        words = WORDS[cls].format(who)
        tip = f"{words}: {items_text(labels[start:k])}"
        attrs = (f" colspan={span}" if span > 1 else "") + (f" class={cls}" if cls else "")
        yield f'<td{attrs} title="{_e(tip)}"></td>'
        start = k


def _groups(members: Sequence[Member]) -> list[tuple[str, list[Member]]]:
    groups: dict[str, list[Member]] = {}
    for m in members:
        groups.setdefault(m.group or "(no group)", []).append(m)
    return list(groups.items())


def _timeline(page: _Page) -> str:
    a = page.audit
    labels = [it.item for it in a.items]
    n = len(labels)
    states = _states(page)
    heads = []
    for it in a.items:
        sev = _worst(it.findings)
        cls = f" class={SEVERITY_CLASS[sev]}" if sev else ""
        heads.append(f'<th scope=col{cls}><a href="#i{it.position}">{_e(it.item)}</a></th>')
    bodies = []
    for group, members in _groups(page.session.members):
        rows = []
        for k, m in enumerate(members):
            fid = page.member_finding.get(m.id)
            name = _e(m.name) + (" (substitute)" if m.is_substitute else "")
            if fid:
                name = f'<a href="#{fid}" title="see the finding">{name}</a>'
            cls = "n x" if fid else "n"
            grp = (
                f'<th scope=rowgroup class=g rowspan={len(members)} title="{_e(group)}">'
                f"{_e(group)}</th>"
                if k == 0
                else ""
            )
            rows.append(
                f'<tr id={page.row[m.id]}>{grp}<th scope=row class="{cls}">{name}</th>'
                + "".join(_runs(states[m.id], labels))
                + "</tr>"
            )
        bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    foot = "".join(
        f"<tr><th class=g></th><th class=n>{name}</th>"
        + "".join(f"<td>{getattr(it, attr)}</td>" for it in a.items)
        + "</tr>"
        for name, attr in (("present", "present_count"), ("voters", "voters"))
    )
    dense = " class=dense" if n > DENSE else ""
    legend = (
        "<div class=legend><span><i class=p></i>present</span>"
        "<span><i class=s></i>substitute present</span>"
        "<span><i class=r></i>represented (proxy counted; hover for the holder)</span>"
        "<span><i class=b></i>absent, his substitute sits</span>"
        "<span><i class=x></i>absent, his proxy not counted (see the findings)</span>"
        "<span><i></i>absent</span></div>"
    )
    return (
        "<section><h2 id=timeline-h>Presence, item by item</h2>"
        f"{legend}<div class=scroll><table id=timeline{dense}>"
        f"<colgroup><col class=gc><col class=nc><col span={n} class=c></colgroup>"
        f"<thead><tr><th class=g>Group</th><th class=n>Member</th>{''.join(heads)}</tr></thead>"
        f"{''.join(bodies)}<tfoot>{foot}</tfoot></table></div></section>"
    )


# --- findings -----------------------------------------------------------------------------------


def _finding(page: _Page, f: Finding) -> str:
    fid = page.finding_id[id(f)]
    sev = SEVERITY_CLASS[f.severity]
    parts = [
        f'<li id={fid} class={sev}><span class="badge {sev}">{_e(f.severity.value)}</span> '
        f"<b>{_e(f.code)}</b>: {_e(f.message)}"
    ]
    where = []
    if f.items:
        links = [page.item_link(f.items[0])]
        if len(f.items) > 1:
            links.append(page.item_link(f.items[-1]))
        where.append(("items " if len(f.items) > 1 else "item ") + "–".join(links))
    if f.members:
        where.append("members: " + ", ".join(page.member_link(m) for m in f.members))
    if f.rule:
        where.append(f"rule: {_e(f.rule)}")
    if where:
        parts.append(f"<div class=muted>{' · '.join(where)}</div>")
    if f.source is not None and f.source.describe():
        src = f.source
        if src.line is not None:
            quote = f"line {src.line}" + (f": {src.text}" if src.text else "")
        else:
            quote = src.path or ""
        parts.append(f"<blockquote>{_e(quote)}</blockquote>")
    return "".join(parts) + "</li>"


def _findings(page: _Page) -> str:
    fs = page.audit.findings
    body = (
        f"<ol id=findings>{''.join(_finding(page, f) for f in fs)}</ol>"
        if fs
        else "<p id=findings>No finding: every count adds up.</p>"
    )
    return f"<section><h2 id=findings-h>Findings ({len(fs)})</h2>{body}</section>"


def render_html(audit: Audit) -> str:
    """The audit as one self-contained HTML page."""
    page = _Page(audit)
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>{_e(title(audit))}: quorum audit</title><style>{CSS}</style></head><body>"
        + _header(page)
        + _items_table(page)
        + _timeline(page)
        + _findings(page)
        + "</body></html>\n"
    )
