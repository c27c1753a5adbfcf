"""The HTML report: one self-contained file (inline CSS, no script, nothing from the network).

In the order a clerk reads it: the verdict in one sentence (``Séance valide``, ``À corriger :
N points``, ``Lecture incomplète : vérifier ces lignes``) and the counts; the findings, each
linked to its items and members (the reader's notes first when the reading is incomplete); the
per-item table; the proxies, giver -> holder, with the items where each is counted or not; one
``<details>`` per item with its present members, its usable proxies and its counts, readable
without hovering; the presence timeline (one row per member under a row per group, one column per
item in order of passage; the names stay in view when it scrolls sideways). It is usable at
800 px (the wide tables scroll, nothing is cut) and prints on A4 landscape: the per-item
details are left off paper (the timeline and the proxies table carry the same facts).

The timeline is written as runs: consecutive items where a member is in the same state make one
cell with a ``colspan``, so 600 members x 1,000 items stay a few hundred kilobytes, and an
arrival or a departure is where a run ends. Cell classes: ``p`` present, ``s`` a substitute
present, ``r`` represented by a usable proxy, ``b`` absent with his substitute sitting, ``x``
absent with a proxy that is not counted (a finding says why), none for absent. Every cell has a
``title``: the state, who holds the vote, and the items.

Labels and findings' messages are in the report's language (:mod:`quorum.i18n`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding, Severity, Verdict
from quorum.i18n import _, count, language, pgettext, using
from quorum.model import Member, Session
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

SEVERITY_CLASS = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}
VERDICT_CLASS = {Verdict.VALID: "ok", Verdict.ERRORS: "e", Verdict.INCOMPLETE: "u"}

CSS = """
@page{size:A4 landscape;margin:8mm}
*{box-sizing:border-box}
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
margin:16px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:18px;margin:0 0 6px;overflow-wrap:anywhere}h2{font-size:16px;margin:20px 0 6px}
h3{font-size:13px;margin:6px 0 2px}
dl.facts{display:flex;flex-wrap:wrap;gap:2px 18px;margin:6px 0}dl.facts div{display:flex;gap:4px}
dt{color:#555}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.verdict{font-size:22px;font-weight:700;padding:8px 14px;border-radius:6px;margin:4px 0;
border-left:8px solid}
.verdict.ok{background:#e3f4e6;color:#135d24}.verdict.e{background:#fbe0e0;color:#8a1111}
.verdict.u{background:#fff3cd;color:#6b4c00}
#summary{font-size:14px;margin:2px 0 6px}
table{border-collapse:collapse}
.wide{overflow-x:auto;max-width:100%}
.items th,.items td{border:1px solid #ccc;padding:2px 6px;text-align:right}
.items td:first-child,.items th{text-align:left}.items .st{text-align:left}
.items td.q{white-space:nowrap}
.items thead th{background:#f1f1f1;position:sticky;top:0}
tr.e td{background:#fde8e8}tr.w td{background:#fff8e1}
.bad{color:#a40000;font-weight:700}
.badge{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;font-weight:700;
color:#fff;background:#666;margin:1px 0}
.badge.e{background:#b00020}.badge.w{background:#9a6b00}.badge.i{background:#2f6690}
#proxies td,#proxies th{border:1px solid #ccc;padding:1px 6px;text-align:left;vertical-align:top}
#proxies thead th{background:#f1f1f1}
details.item{border:1px solid #ddd;border-radius:4px;margin:3px 0;padding:2px 8px}
details.item[open]{background:#fafafa}
details.item>summary{cursor:pointer}details.item>summary b{display:inline-block;min-width:4em}
details.item .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16em,1fr));
gap:4px 16px}
ul.names{margin:0;padding:0 0 0 1.2em;columns:15em;column-gap:16px;font-size:12px}
ul.names li{break-inside:avoid}
#timeline{--gc:9em;--nc:14em;--c:22px;table-layout:fixed;font-size:11px;
width:calc(var(--gc) + var(--nc) + var(--n) * var(--c))}#timeline.dense{--c:8px}
#timeline th,#timeline td{padding:0;height:15px;border:1px solid #fff}
#timeline col.c{width:var(--c)}#timeline col.gc{width:var(--gc)}#timeline col.nc{width:var(--nc)}
#timeline thead th{font-weight:400;vertical-align:bottom;position:sticky;top:0;background:#fff;
height:auto;z-index:2}
#timeline thead th.g,#timeline thead th.n{z-index:3;text-align:left}
#timeline thead th a{writing-mode:vertical-rl;transform:rotate(180deg);color:#333;
text-decoration:none;display:inline-block;padding:2px 0;max-height:60px;overflow:hidden}
#timeline.dense thead th a{font-size:8px}
#timeline thead th.e a{color:#b00020;font-weight:700}#timeline thead th.w a{color:#9a6b00;
font-weight:700}
#timeline th.g,#timeline th.n{position:sticky;text-align:left;line-height:1.1;
overflow-wrap:anywhere}
#timeline th.g{left:0;z-index:1;font-weight:700;background:#eef1f5;padding:0 4px}
#timeline th.n{left:var(--gc);z-index:1;font-weight:400;padding:0 6px 0 2px;background:#fff}
#timeline tbody tr:first-child>*{border-top:2px solid #9aa6b5}
#timeline td{background:#e6e6e6}
#timeline td.p{background:#2e7d32}
#timeline td.s{background:repeating-linear-gradient(135deg,#2e7d32 0 3px,#81c784 3px 6px)}
#timeline td.r{background:#64b5f6}
#timeline td.b{background:#e6e6e6;box-shadow:inset 0 0 0 2px #81c784}
#timeline td.x{background:repeating-linear-gradient(135deg,#f4c7c7 0 3px,#e6e6e6 3px 6px);
box-shadow:inset 0 0 0 1px #c62828}
#timeline tfoot td{background:none;text-align:center;font-size:9px;color:#333}
#timeline tfoot th{background:#fff}
#timeline.dense tfoot td{writing-mode:vertical-rl;font-size:7px}
#timeline th.n.x{color:#8a1111;font-weight:700}
tr:target th.n,tr:target td{outline:2px solid #000}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0 8px;font-size:12px}
.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;width:16px;height:12px;background:#e6e6e6;flex:none}
.legend i.p{background:#2e7d32}.legend i.r{background:#64b5f6}
.legend i.s{background:repeating-linear-gradient(135deg,#2e7d32 0 3px,#81c784 3px 6px)}
.legend i.b{box-shadow:inset 0 0 0 2px #81c784}
.legend i.x{background:repeating-linear-gradient(135deg,#f4c7c7 0 3px,#e6e6e6 3px 6px);
box-shadow:inset 0 0 0 1px #c62828}
.scroll{overflow:auto;max-height:92vh;max-width:100%}
#findings{padding-left:1.6em}#findings li{margin:0 0 8px}#findings li:target{background:#ffffb3}
#findings h3{margin:8px 0 4px -1.6em}
blockquote{margin:2px 0 0 0;padding:2px 8px;border-left:3px solid #bbb;color:#333;
font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap;
overflow-wrap:anywhere}
.muted{color:#666}
@media (max-width:900px){body{margin:8px}.items th,.items td{padding:2px 3px}.items td.rt{
min-width:8em;max-width:12em}
#timeline{--gc:7em;--nc:11em}.verdict{font-size:19px}}
@media print{body{margin:0;font-size:9px}.scroll,.wide{overflow:visible;max-height:none}
#detail{display:none}.verdict{font-size:16px;padding:4px 10px}h2{font-size:13px;margin:10px 0 4px}
thead{display:table-header-group}tr{break-inside:avoid}
.items th,.items td,#proxies th,#proxies td{padding:0 4px}
.items thead th,#timeline thead th,#timeline th.n,#timeline th.g{position:static}
h2,.legend{break-after:avoid}#timeline th,#timeline td{height:11px}
#timeline{--gc:8em;--nc:15em;font-size:9px}
#findings li{margin:0 0 4px;break-inside:avoid}blockquote{font-size:9px}
}
"""

DENSE = 60
"""Above this many items the timeline uses narrow columns."""

DETAIL_LIMIT = 60_000
"""Above this many names (members x items) the per-item details give the counts and the proxies
but not the list of the members present (the timeline shows them)."""


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


def _code(code: str) -> str:
    """A finding code that a narrow screen may break after its underscores, not inside a word."""
    return "_<wbr>".join(_e(part) for part in code.split("_"))


def _worst(findings: Sequence[Finding]) -> Severity | None:
    return min((f.severity for f in findings), key=lambda s: s.rank, default=None)


def _runs_text(labels: Sequence[str], positions: Sequence[int]) -> str:
    """``1-5, 12, 20-37``: item labels in runs of consecutive positions (1-based)."""
    out: list[str] = []
    start = prev = -1
    for p in [*sorted(positions), -2]:
        if p == prev + 1:
            prev = p
            continue
        if start >= 0:
            first, last = labels[start - 1], labels[prev - 1]
            out.append(first if start == prev else f"{first}-{last}")
        start = prev = p
    return ", ".join(out)


# --- header: the verdict ------------------------------------------------------------------------


def _header(page: _Page) -> str:
    a, s = page.audit, page.session
    *_counts, info = counts(a)
    inferred = _(" (inferred: not printed)") if s.in_office_inferred else ""
    facts = [
        (_("Body"), s.body or "—"),
        (_("Date"), s.date.isoformat() if s.date else "—"),
        (_("Rule set"), f"{a.rules.name}: {a.rules.title}"),
        (_("Members in office"), f"{s.in_office}{inferred}"),
        (_("Quorum required"), quorum_required(a)),
        (_("Members listed"), str(len(s.members))),
        (_("Proxies"), str(len(s.proxies))),
    ]
    dl = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    more = info_words(info)
    uncertain = ""
    if a.verdict is Verdict.INCOMPLETE and s.reading is not None and s.reading.uncertain_items:
        links = ", ".join(page.item_link(x) for x in s.reading.uncertain_items)
        words = _e(_("Items whose counts may be wrong:"))
        uncertain = f"<p id=uncertain>{words} {links}</p>"
    chosen = _e(_("Rule set chosen: {reason}.").format(reason=a.rules_why.render()))
    return (
        f"<header><h1>{_e(title(a))}</h1>"
        f'<p class="verdict {VERDICT_CLASS[a.verdict]}" id=verdict>'
        f"{_e(verdict_sentence(a))}</p>"
        f"<p id=summary>{_e(summary_line(a))}{_e(more)}</p>{uncertain}"
        f"<dl class=facts>{dl}</dl>"
        f"<p class=muted>{chosen}"
        "</p></header>"
    )


# --- findings -----------------------------------------------------------------------------------


def _finding(page: _Page, f: Finding) -> str:
    fid = page.finding_id[id(f)]
    sev = SEVERITY_CLASS[f.severity]
    # a message the catalogue does not translate stays English: a screen reader reads it so
    text = f.render()
    english = language() != "en" and text == f.message
    message = f"<span lang=en>{_e(text)}</span>" if english else _e(text)
    parts = [
        f'<li id={fid} class={sev}><span class="badge {sev}">{_e(severity_word(f.severity))}'
        f"</span> <b>{_e(f.code)}</b>: {message}"
    ]
    where = []
    if f.items:
        links = [page.item_link(f.items[0])]
        if len(f.items) > 1:
            links.append(page.item_link(f.items[-1]))
        word = _("items") if len(f.items) > 1 else _("item")
        where.append(f"{_e(word)} " + "–".join(links))
    if f.members:
        where.append(_e(_("members:")) + " " + ", ".join(page.member_link(m) for m in f.members))
    if f.rule:
        where.append(_e(_("rule: {rule}").format(rule=f.rule)))
    if where:
        parts.append(f"<div class=muted>{' · '.join(where)}</div>")
    if f.source is not None and f.source.describe():
        src = f.source
        if src.line is not None:
            quote = _("line {line}").format(line=src.line)
            if src.text:
                quote = _("{where}: {text}").format(where=quote, text=src.text)
        else:
            quote = src.path or ""
        parts.append(f"<blockquote>{_e(quote)}</blockquote>")
    return "".join(parts) + "</li>"


def _findings(page: _Page) -> str:
    a = page.audit
    fs = a.findings
    if not fs:
        none = _e(_("No finding: every count adds up."))
        body = f"<p id=findings>{none}</p>"
    else:
        first = reading_findings(a) if a.verdict is Verdict.INCOMPLETE else ()
        rest = [f for f in fs if f not in first]
        items = []
        if first:
            check = _e(_("Lines to check by hand (the reading is incomplete)"))
            items.append(f"<h3>{check}</h3>")
            items += [_finding(page, f) for f in first]
            if rest:
                other = _e(_("Other findings"))
                items.append(f"<h3>{other}</h3>")
        items += [_finding(page, f) for f in rest]
        body = f"<ol id=findings>{''.join(items)}</ol>"
    heading = _("Findings ({n})").format(n=len(fs))
    return f"<section id=findings-s><h2 id=findings-h>{_e(heading)}</h2>{body}</section>"


# --- items table --------------------------------------------------------------------------------


def _reported(it: AuditItem) -> tuple[str, str]:
    t = it.tally.reported
    if t is None:
        return "—", ""
    c = t.counts()
    parts = " · ".join(
        [f"{tally_word(k)} {v}" for k, v in c.items()]
        + [
            f"{word} {v}"
            for k, word in (("present", _("present")), ("voters", _("voters")))
            if (v := getattr(t, k)) is not None
        ]
    )
    total = str(sum(c.values())) if c else ""
    if t.unanimous:
        parts += " " + _("(unanimous)")
    return parts or _("unanimous"), total


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
            f'href="#{page.finding_id[id(fs[0])]}">{_code(code)}{times}</a>'
        )
    return " ".join(out)


def _quorum_html(it: AuditItem) -> str:
    not_reached = _("NOT REACHED")
    return _e(quorum_cell(it)).replace(
        _e(not_reached), f"<span class=bad>{_e(not_reached)}</span>"
    )


def _items_table(page: _Page) -> str:
    a = page.audit
    weighted = a.rules.weighted
    rows = []
    for it in a.items:
        sev = _worst(it.findings)
        cls = (
            f' class="{SEVERITY_CLASS[sev]}"' if sev in (Severity.ERROR, Severity.WARNING) else ""
        )
        parts, total = _reported(it)
        if it.tally.consistent is False:
            total = f"<span class=bad>{_e(total)}</span>"
        status = _badges(page, it.findings) or _e(_("ok"))
        weight = f"<td>{_e(it.vote_weight)}</td>" if weighted else ""
        rows.append(
            f'<tr id=i{it.position}{cls}><td><a href="#d{it.position}">{_e(it.item)}</a></td>'
            f"<td>{it.present_count}</td><td>{it.proxy_count}</td><td class=v>{it.voters}</td>"
            f"{weight}<td class=q>{_quorum_html(it)}</td><td class='st rt'>{_e(parts)}</td>"
            f"<td>{total}</td><td class=st>{status}</td></tr>"
        )
    heads = [_("Item"), _("Present"), _("Proxies"), _("Voters")]
    heads += [_("Weight")] if weighted else []
    heads += [_("Quorum"), _("Reported tally"), _("Reported total"), _("Status")]
    head = "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>"
    heading = _e(_("Items, in order of passage"))
    return (
        f"<section id=items-s><h2 id=items-h>{heading}</h2>"
        f"<div class=wide><table class=items id=items><thead>{head}</thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


# --- proxies ------------------------------------------------------------------------------------


def _proxies_table(page: _Page) -> str:
    """Every proxy, giver -> holder, with the items where it is counted and where it is not
    (with the finding that says why): who holds each vote, readable on paper."""
    a, s = page.audit, page.session
    if not s.proxies:
        return ""
    labels = [it.item for it in a.items]
    counted: dict[tuple[str, str], list[int]] = {}
    for it in a.items:
        for g, h in it.proxies:
            counted.setdefault((g.id, h.id), []).append(it.position)
    refused: dict[tuple[str, str], list[Finding]] = {}
    for f in a.findings:  # the findings about a proxy say where and why it is not counted
        for pair in _pairs(s, f):
            refused.setdefault(pair, []).append(f)
    rows = []
    seen: set[tuple[str, str]] = set()
    for p in s.proxies:
        key = (p.giver, p.holder)
        if key in seen:
            continue
        seen.add(key)
        giver, holder = page.member_link(p.giver), page.member_link(p.holder)
        where = _runs_text(labels, counted.get(key, ())) or "—"
        why = "; ".join(
            f'<a href="#{page.finding_id[id(f)]}">{_e(f.code)}</a> '
            + _e(_runs_text(labels, [s.position(x) for x in f.items]))
            for f in refused.get(key, ())
        )
        rows.append(
            f"<tr><td>{giver}</td><td>→ {holder}</td><td>{_e(where)}</td><td>{why}</td></tr>"
        )
    heads = (_("Giver"), _("Holder"), _("Counted at items"), _("Not counted"))
    head = "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>"
    heading = _("Proxies ({n}): who holds each vote").format(n=len(s.proxies))
    return (
        f"<section id=proxies-s><h2>{_e(heading)}</h2><div class=wide><table id=proxies>"
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


# --- per-item details ---------------------------------------------------------------------------


def _names(members: Sequence[Member]) -> str:
    return f"<ul class=names>{''.join(f'<li>{_e(m.name)}</li>' for m in members)}</ul>"


def _item_details(page: _Page, it: AuditItem) -> str:
    summary = " · ".join(
        (
            count(it.present_count, "{n} present", "{n} present"),
            count(it.proxy_count, "{n} proxy", "{n} proxies"),
            count(it.voters, "{n} voter", "{n} voters"),
            _("quorum {cell}").format(cell=quorum_cell(it)),
        )
    )
    present = it.present
    present_ids = {m.id for m in present}
    represented = {g.id for g, _h in it.proxies}
    absent = [
        m for m in page.session.members if m.id not in present_ids and m.id not in represented
    ]
    proxies = "".join(f"<li>{_e(g.name)} → {_e(h.name)}</li>" for g, h in it.proxies)
    h_present = _e(_("Present ({n})").format(n=len(present)))
    h_proxies = _e(_("Proxies ({n})").format(n=len(it.proxies)))
    h_absent = _e(_("Absent, not represented ({n})").format(n=len(absent)))
    word = _e(_("Item"))
    cols = (
        f"<div><h3>{h_present}</h3>{_names(present)}</div>"
        f"<div><h3>{h_proxies}</h3><ul class=proxies>{proxies}</ul>"
        f"<h3>{h_absent}</h3>{_names(absent)}</div>"
    )
    return (
        f"<details class=item id=d{it.position}><summary><b>{word} {_e(it.item)}</b> "
        f"{_e(summary)} {_badges(page, it.findings)}</summary><div class=cols>{cols}</div>"
        "</details>"
    )


def _details(page: _Page) -> str:
    """A ``<details>`` per item; above :data:`DETAIL_LIMIT` names, a note instead (the table
    gives the counts and the timeline who is present)."""
    a = page.audit
    if len(a.items) * len(page.session.members) <= DETAIL_LIMIT:
        body = "".join(_item_details(page, it) for it in a.items)
    else:
        note = _(
            "Too many members and items to repeat the lists at each item: the timeline below "
            "shows who is present, and quorum explain FILE ITEM lists them for one item."
        )
        body = f"<p class=muted>{_e(note)}</p>"
    heading = _e(_("Who, at each item"))
    return f"<section id=detail><h2>{heading}</h2>{body}</section>"


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
    not_counted = _("{name} not counted ({code})")
    for f in page.audit.findings:
        for giver_id, holder_id in _pairs(s, f):
            row, to = out[giver_id], s.member(holder_id).name
            for label in f.items:
                k = s.position(label) - 1
                if row[k][0] == "":
                    row[k] = ("x", not_counted.format(name=to, code=f.code))
    return out


def _pairs(s: Session, f: Finding) -> list[tuple[str, str]]:
    """The (giver, holder) ids of the proxies a finding is about (its typed subject)."""
    proxies = () if f.subject is None else f.subject.proxies
    return list(dict.fromkeys((s.proxies[k].giver, s.proxies[k].holder) for k in proxies))


def _words() -> dict[str, str]:
    return {
        "p": pgettext("state", "present"),
        "s": _("present (substitute)"),
        "r": _("represented by {}"),
        "b": _("absent; substitute {} sits"),
        "x": _("absent; proxy to {}"),
        "": _("absent"),
    }


def _runs(
    states: list[tuple[str, str]], labels: Sequence[str], words: dict[str, str]
) -> Iterator[str]:
    start = 0
    for k in range(1, len(states) + 1):
        if k < len(states) and states[k] == states[start]:
            continue
        cls, who = states[start]
        span = k - start
        where = items_words(labels[start:k])
        tip = f"{words[cls].format(who)}: {where}"
        attrs = (f" colspan={span}" if span > 1 else "") + (f" class={cls}" if cls else "")
        yield f'<td{attrs} title="{_e(tip)}"></td>'
        start = k


def _groups(members: Sequence[Member]) -> list[tuple[str, list[Member]]]:
    groups: dict[str, list[Member]] = {}
    for m in members:
        groups.setdefault(m.group or _("(no group)"), []).append(m)
    return list(groups.items())


def _legend() -> str:
    entries = (
        ("p", pgettext("state", "present")),
        ("s", _("substitute present")),
        ("r", _("represented (proxy counted: the holder is in the proxies table)")),
        ("b", _("absent, his substitute sits")),
        ("x", _("absent, his proxy not counted (see the findings)")),
        ("", _("absent")),
    )
    spans = "".join(
        f"<span><i{f' class={cls}' if cls else ''}></i>{_e(text)}</span>" for cls, text in entries
    )
    return f"<div class=legend>{spans}</div>"


def _timeline(page: _Page) -> str:
    a = page.audit
    labels = [it.item for it in a.items]
    n = len(labels)
    states = _states(page)
    words = _words()
    heads = []
    for it in a.items:
        sev = _worst(it.findings)
        cls = f" class={SEVERITY_CLASS[sev]}" if sev else ""
        heads.append(f'<th scope=col{cls}><a href="#d{it.position}">{_e(it.item)}</a></th>')
    substitute = _(" (substitute)")
    see = _e(_("see the finding"))
    bodies = []
    for group, members in _groups(page.session.members):
        rows = []
        for k, m in enumerate(members):
            fid = page.member_finding.get(m.id)
            name = _e(m.name) + (_e(substitute) if m.is_substitute else "")
            if fid:
                name = f'<a href="#{fid}" title="{see}">{name}</a>'
            cls = "n x" if fid else "n"
            grp = (
                f'<th class=g title="{_e(group)}">{_e(group)}</th>'
                if k == 0
                else "<th class=g></th>"
            )
            rows.append(
                f'<tr id={page.row[m.id]}>{grp}<th scope=row class="{cls}">{name}</th>'
                + "".join(_runs(states[m.id], labels, words))
                + "</tr>"
            )
        bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    foot = "".join(
        f"<tr><th class=g></th><th class=n>{_e(name)}</th>"
        + "".join(f"<td>{getattr(it, attr)}</td>" for it in a.items)
        + "</tr>"
        for name, attr in ((_("present"), "present_count"), (_("voters"), "voters"))
    )
    dense = " class=dense" if n > DENSE else ""
    heading = _e(_("Presence, item by item"))
    group_word, member_word = _e(_("Group")), _e(_("Member"))
    return (
        f"<section id=timeline-s><h2 id=timeline-h>{heading}</h2>"
        f'{_legend()}<div class=scroll><table id=timeline{dense} style="--n:{n}">'
        f"<colgroup><col class=gc><col class=nc><col span={n} class=c></colgroup>"
        f"<thead><tr><th class=g>{group_word}</th><th class=n>{member_word}</th>"
        f"{''.join(heads)}</tr></thead>"
        f"{''.join(bodies)}<tfoot>{foot}</tfoot></table></div></section>"
    )


def render_html(audit: Audit, *, lang: str | None = None) -> str:
    """The audit as one self-contained HTML page; ``lang`` is ``fr`` or ``en`` (default: the
    environment's locale, see :mod:`quorum.i18n`)."""
    with using(lang):
        page = _Page(audit)
        suffix = _e(_("quorum audit"))
        return (
            f"<!DOCTYPE html>\n<html lang={language()}><head><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width,initial-scale=1">'
            f"<title>{_e(title(audit))}: {suffix}</title><style>{CSS}</style>"
            "</head><body>"
            + _header(page)
            + _findings(page)
            + _items_table(page)
            + _proxies_table(page)
            + _details(page)
            + _timeline(page)
            + "</body></html>\n"
        )
