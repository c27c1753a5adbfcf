"""Text rendering of an audit for people: the verdict, a per-item table, then the findings.

Labels are in the language in use (:mod:`quorum.i18n`): French for a French locale or
``lang="fr"``, English with ``lang="en"``, and so are the findings' messages (rendered from
their templates and params); codes are the same in both languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from quorum.audit import Audit, AuditItem
from quorum.findings import Finding, Severity, Source, Verdict
from quorum.i18n import _, count, using
from quorum.registry import title_words
from quorum.rules import Majority, RuleSet
from quorum.rulesets import dates


def severity_word(severity: Severity) -> str:
    """``error``, ``warning``, ``info`` in the language in use."""
    if severity is Severity.ERROR:
        return _("error")
    if severity is Severity.WARNING:
        return _("warning")
    return _("info")


def tally_word(key: str) -> str:
    """The word for one count of a tally (``pour``, ``contre``, ``abstention``, ``npv``,
    ``blank``, ``interested``) in the language in use."""
    words = {
        "npv": _("npv"),
        "blank": _("blank"),
        "interested": _("interested"),
    }
    return words.get(key, key)


def _tally_cell(it: AuditItem) -> str:
    t = it.tally
    if t.reported is None:
        return "-"
    mark = _("ok") if t.consistent else _("MISMATCH")
    if t.total is None:
        return mark
    return _("{mark} ({total} reported)").format(mark=mark, total=t.total)


def items_words(labels: Sequence[str]) -> str:
    """``item 19``, ``items 1-5`` (``point 19``, ``points 1 à 5``), ``""`` for none."""
    if not labels:
        return ""
    if len(labels) == 1:
        return _("item {label}").format(label=labels[0])
    return _("items {first}-{last}").format(first=labels[0], last=labels[-1])


def source_words(source: Source | None) -> str:
    """``line 42: "…"`` (``ligne 42 : "…"``), the JSON path, or ``""``."""
    if source is None:
        return ""
    if source.line is not None:
        line = _("line {line}").format(line=source.line)
        return line + (_(': "{text}"').format(text=source.text) if source.text else "")
    return source.path or ""


def info_words(n: int) -> str:
    """``, 4 info`` after the counts, or ``""`` when there is none."""
    return ", " + count(n, "{n} info", "{n} info") if n else ""


def finding_lines(f: Finding, width: int = 8) -> list[str]:
    """A finding as the text report writes it: severity, code and message, then its rule and
    source indented, in the language in use."""
    lines = [f"{severity_word(f.severity).upper():{width}} {f.code}: {f.render()}"]
    indent = " " * (width + 1)
    if f.rule:
        lines.append(indent + _("rule: {rule}").format(rule=f.rule))
    if source_words(f.source):
        lines.append(indent + _("source: {source}").format(source=source_words(f.source)))
    return lines


def counts(audit: Audit) -> tuple[int, int, int]:
    """The number of findings by severity: errors, warnings, info."""
    by = Counter(f.severity for f in audit.findings)
    return by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO]


def summary_line(audit: Audit, *, lang: str | None = None) -> str:
    """The counts: ``37 items, 0 errors, 2 warnings`` (``37 points, 0 erreur, 2
    avertissements``)."""
    errors, warnings, _info = counts(audit)
    with using(lang):
        return ", ".join(
            (
                count(len(audit.items), "{n} item", "{n} items"),
                count(errors, "{n} error", "{n} errors"),
                count(warnings, "{n} warning", "{n} warnings"),
            )
        )


def items_to_correct(audit: Audit) -> int:
    """How many points the clerk must correct: the items with an error finding, plus one per
    error finding about no item."""
    labels = {label for f in audit.errors for label in f.items}
    return len(labels) + sum(1 for f in audit.errors if not f.items)


def verdict_sentence(audit: Audit, *, lang: str | None = None) -> str:
    """The verdict in one sentence: ``Séance valide``, ``À corriger : 3 points``, ``Lecture
    incomplète : vérifier ces lignes`` (English: ``Valid session``, ``To correct: 3 points``,
    ``Not fully read: check these lines``)."""
    with using(lang):
        if audit.verdict is Verdict.INCOMPLETE:
            return _("Not fully read: check these lines")
        if audit.verdict is Verdict.ERRORS:
            n = items_to_correct(audit)
            return count(n, "To correct: {n} point", "To correct: {n} points")
        return _("Valid session")


def reading_findings(audit: Audit) -> tuple[Finding, ...]:
    """The findings of the reader of the minutes (its notes), in the audit's order."""
    notes = {(n.code, n.message) for n in audit.session.notes}
    return tuple(f for f in audit.findings if (f.code, f.message) in notes)


def title(audit: Audit) -> str:
    """``body - date``, or ``Session`` when the session names neither."""
    s = audit.session
    return " - ".join(x for x in (s.body, s.date.isoformat() if s.date else None) if x) or _(
        "Session"
    )


def quorum_required(audit: Audit) -> str:
    """The quorum of the session in words: ``62 present``; ``60-62 present`` when it varies
    from item to item; ``none`` when no item needs one."""
    values = sorted({it.quorum.required for it in audit.items if it.quorum.required is not None})
    if not values:
        return _("none")
    heads = getattr(audit.items[0].quorum, "basis", "head") == "head"
    what = _("present") if heads else _("voices")
    if len(values) == 1:
        return f"{values[0]} {what}"
    return _("{low}-{high} {what}, by item").format(low=values[0], high=values[-1], what=what)


def quorum_cell(it: AuditItem) -> str:
    """``79/62 ok``, ``40/62 NOT REACHED``, or ``79/none`` when no quorum is needed."""
    q = it.quorum
    if q.required is None:
        return f"{q.counted}/" + _("none")
    if q.reached:
        return _("{counted}/{required} ok").format(counted=q.counted, required=q.required)
    return f"{q.counted}/{q.required} " + _("NOT REACHED")


def outcome_word(outcome: str) -> str:
    """``adopted``, ``rejected`` in the language in use (another word is shown as it is)."""
    if outcome == "adopted":
        return _("adopted")
    if outcome == "rejected":
        return _("rejected")
    return outcome


def outcome_cell(it: AuditItem) -> str:
    """``adopted``, ``rejected (reported adopted)``, or ``-`` when the tally gives none."""
    o = it.outcome
    if o.computed is None:
        if not o.reported:
            return "-"
        return "? " + _("(reported {outcome})").format(outcome=outcome_word(o.reported))
    computed = outcome_word(o.computed)
    if o.reported and o.reported != o.computed:
        return f"{computed} " + _("(reported {outcome})").format(outcome=outcome_word(o.reported))
    return computed


_COLORS = {"error": "31", "warning": "33", "not reached": "31", "mismatch": "31"}


def colorize(text: str) -> str:
    """ANSI colours for a terminal: errors and failures in red, warnings in yellow."""
    words = {
        _("error").upper(): _COLORS["error"],
        _("warning").upper(): _COLORS["warning"],
        _("NOT REACHED"): _COLORS["not reached"],
        _("MISMATCH"): _COLORS["mismatch"],
    }
    first = "|".join(re.escape(w) for w in list(words)[:2])
    rest = "|".join(re.escape(w) for w in list(words)[2:])
    pattern = re.compile(rf"^({first})(?!\w)|(?<!\w)({rest})(?!\w)", re.M)
    return pattern.sub(lambda m: f"\x1b[{words[m.group(0)]}m{m.group(0)}\x1b[0m", text)


def render_text(audit: Audit, *, color: bool = False, lang: str | None = None) -> str:
    """The audit as a plain-text report (verdict, header, per-item table, findings, counts).

    ``color`` adds ANSI colours (for a terminal that wants them; see ``NO_COLOR``); ``lang``
    is ``fr`` or ``en`` (default: the environment's locale, see :mod:`quorum.i18n`).
    """
    with using(lang):
        s = audit.session
        required = quorum_required(audit)
        inferred = _(" (inferred: not printed)") if s.in_office_inferred else ""
        head = [
            verdict_sentence(audit),
            title(audit),
            _("rules: {name} ({reason})").format(
                name=audit.rules.name, reason=audit.rules_why.render()
            ),
            _("members in office: {n}{inferred}; quorum: {required}").format(
                n=s.in_office, inferred=inferred, required=required
            ),
            "",
        ]
        rows = [
            (
                _("item"),
                _("pos"),
                _("present"),
                _("proxies"),
                _("voters"),
                _("weight"),
                _("quorum"),
                _("tally"),
                _("outcome"),
            )
        ]
        for it in audit.items:
            rows.append(
                (
                    it.item,
                    str(it.position),
                    str(it.present_count),
                    str(it.proxy_count),
                    str(it.voters),
                    str(it.vote_weight),
                    quorum_cell(it),
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
            out.append(_("Findings:"))
            width = max(8, *(len(severity_word(sev)) for sev in Severity))
            for f in audit.findings:
                out.extend(finding_lines(f, width))
            out.append("")
        out.append(summary_line(audit))
        text = "\n".join(out) + "\n"
        return colorize(text) if color else text


def _parameters(r: RuleSet) -> str:
    """The parameters of a rule set in words (quorum, proxies, L1111-6), in the language in
    use."""
    q = r.quorum
    if q is None:
        quorum = _("none")
    else:
        of = _("of the members in office") if q.basis == "head" else _("of all voices (shares)")
        who = _("present or represented") if q.represented else _("present")
        quorum = f"{_('more than') if q.strict else _('at least')} {q.fraction} {of} {who}"
        if q.second_call is not None:
            quorum += _(" ({second} on second call)").format(second=q.second_call)
    p = r.proxies
    if not p.allowed:
        proxies = _("not allowed")
    else:
        proxies = (
            _("any number") if p.per_holder is None else _("{n} per holder").format(n=p.per_holder)
        )
        if p.weight_exception is not None:
            proxies += _(" (more within {share} of all voices)").format(share=p.weight_exception)
        if p.outsiders:
            proxies += _("; a non-member may hold them")
    words = [
        _("quorum {quorum}").format(quorum=quorum),
        _("proxies {proxies}").format(proxies=proxies),
    ]
    if r.representatives_leave_office:
        since = (
            _(" from {date}").format(date=r.representatives_since)
            if r.representatives_since
            else ""
        )
        words.append(
            _("L1111-6 representatives leave the members in office{since}").format(since=since)
        )
    if q is not None and q.basis == "weight":
        words.append(_("majorities in votes, quorum in shares"))
    return _("; ").join(words)


def majority_words(m: Majority) -> str:
    """:meth:`Majority.describe` in the language in use: ``plus de 1/2 des suffrages exprimés
    (pour + contre)``."""
    base = {
        "expressed": _("of the votes expressed (pour + contre)"),
        "cast": _("of the voices present or represented"),
        "all": _("of all the voices"),
    }[m.base]
    if m.null_ballots:
        base = _("of the votes cast (pour + contre + null ballots; blank ballots excluded)")
    if m.unless_against:
        return _("adopted unless more than {fraction} {base} are contre").format(
            fraction=m.fraction, base=base
        )
    words = _("more than") if m.strict else _("at least")
    extra = (
        _(" (and more than {heads} of all members by head)").format(heads=m.heads)
        if m.heads
        else ""
    )
    return f"{words} {m.fraction} {base}{extra}"


def render_rules(rule_sets: Iterable[RuleSet], *, detail: bool = True) -> str:
    """The rule sets, one line each (name, dates of force, title), then their parameters,
    majorities, sources and notes (unsettled points): the labels, dates, titles, parameters and
    majorities in the language in use; the sources and notes in English."""
    rule_sets = list(rule_sets)
    width = max([24, *(len(r.name) for r in rule_sets)])
    out: list[str] = []
    for r in rule_sets:
        out.append(f"{r.name:{width}} {dates(r).render():28} {title_words(r)}")
        if detail:
            quorum = _("no quorum") if r.quorum is None else f"{r.quorum_rule}"
            out.append(
                "    "
                + _("quorum: {quorum}; proxies: {proxies}; majority: {majority}").format(
                    quorum=quorum, proxies=r.proxy_rule, majority=majority_words(r.majority)
                )
            )
            out.append("    " + _("parameters: {parameters}").format(parameters=_parameters(r)))
            out.extend(
                "    "
                + _("majority {name}: {rule} ({article})").format(
                    name=repr(m.name), rule=majority_words(m), article=m.article
                )
                for m in r.majorities[1:]
            )
            out.extend(f"{'':4}- {source}" for source in r.sources)
            out.extend("    " + _("note: {note}").format(note=note) for note in r.notes)
    return "\n".join(out) + "\n"
