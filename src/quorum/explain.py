"""Why these numbers for one item: the derivation of presence, proxies, quorum and tally.

:func:`explain` gathers, for one agenda item, the members counted present, each usable proxy,
each proxy of the session that is *not* counted there and why, the arithmetic of quorum and of
the tally, and the rules cited. It reads the audit's public results (the item's present set, its
usable proxies, each proxy's status there, its findings) and does not recompute the engine: a
proxy's reason for not being counted is its status at the item
(:class:`~quorum.counting.ProxyStatus`), with the finding about it (found through the finding's
typed ``subject``, never through its code and the order of its members).

:func:`render_explanation` writes it as text; :func:`explanation_dict` as JSON-ready data.
"""

from __future__ import annotations

from typing import Any

import attrs

from quorum.audit import Audit, AuditItem
from quorum.counting import ProxyStatus
from quorum.document import finding_dict, number, source_dict, tally_dict
from quorum.findings import Finding, Message, Source
from quorum.i18n import N_, _, count, using
from quorum.model import Member, Proxy, Session, Weight
from quorum.rules import majority_of

TALLY_LABELS = {
    "pour": "Pour",
    "contre": "Contre",
    "abstention": "Abstention",
    "npv": "Ne prend pas part au vote",
    "blank": "Blancs et nuls",
    "null": "Nuls",
    "interested": "Conseiller intéressé",
}
"""The French words of the minutes for each count of a tally."""


@attrs.frozen(kw_only=True)
class ProxyLine:
    """One proxy of the session seen from one item."""

    giver: Member
    holder: Member
    counted: bool
    status: ProxyStatus = ProxyStatus.USABLE
    """Its status at the item: usable, not in force, or why it is not counted."""
    reason: str | None = None
    """Why it is not counted, in English (``None`` when it is)."""
    reason_message: Message | None = None
    """The same reason as a template and its parameters, for the text in the language in use."""
    finding: Finding | None = None
    """The finding that says so, when one does."""
    source: Source | None = None


@attrs.frozen(kw_only=True)
class Explanation:
    """The derivation of the numbers of one item."""

    audit: Audit
    item: AuditItem
    present: tuple[Member, ...]
    not_counted: tuple[tuple[Member, Finding], ...]
    """Members listed present but not counted, with the finding that says why."""
    proxies: tuple[ProxyLine, ...]
    """Every proxy of the session: the counted ones first, then the others with a reason."""
    rules: tuple[str, ...]

    @property
    def counted_proxies(self) -> tuple[ProxyLine, ...]:
        """The usable proxies."""
        return tuple(p for p in self.proxies if p.counted)

    @property
    def other_proxies(self) -> tuple[ProxyLine, ...]:
        """The proxies not counted at this item."""
        return tuple(p for p in self.proxies if not p.counted)


def _range_message(p: Proxy) -> Message:
    if p.from_item is None and p.until_item is None:
        return Message(N_("the whole session"))
    if p.until_item is None:
        return Message(N_("from item {item}"), {"item": p.from_item})
    if p.from_item is None:
        return Message(N_("until item {item}"), {"item": p.until_item})
    return Message(N_("items {first}-{last}"), {"first": p.from_item, "last": p.until_item})


REASONS = {
    ProxyStatus.FROM_SUBSTITUTE: N_("the giver is a substitute: only a titular can give a proxy"),
    ProxyStatus.GIVER_PRESENT: N_("the giver is present: he votes himself, once"),
    ProxyStatus.SUBSTITUTE_SITS: N_("the giver's substitute sits: the seat votes once"),
    ProxyStatus.HOLDER_ABSENT: N_("the holder is absent: the giver's vote is lost"),
    ProxyStatus.GIVER_WITHDRAWN: N_(
        "the giver takes no part in this item (withdrawn): his proxy cannot be used either"
    ),
    ProxyStatus.HOLDER_WITHDRAWN: N_(
        "the holder takes no part in this item (withdrawn): he cannot cast the giver's vote, "
        "which is lost"
    ),
    ProxyStatus.HOLDER_NOT_MEMBER: N_(
        "the holder is not a member, and the rules let only a member hold a proxy"
    ),
    ProxyStatus.NOT_ALLOWED: N_("the rules allow no proxies"),
}
"""The reason a proxy is not counted, by its status (the two limits name the proxies that are
counted instead, read from the item's usable proxies; ``not_in_force`` names its range): English
templates, rendered in the language of the text."""


def reason_message(status: ProxyStatus, p: Proxy, it: AuditItem) -> Message:
    """Why a proxy is not counted at the item, as a template and its parameters, from its status
    and the item's usable proxies (the ones counted in its place)."""
    if status is ProxyStatus.GIVER_LIMIT:
        others = ", ".join(h.name for g, h in it.proxies if g.id == p.giver)
        return Message(
            N_("the giver's other proxy (to {others}) is counted: a voice is cast once"),
            {"others": others},
        )
    if status is ProxyStatus.HOLDER_LIMIT:
        others = ", ".join(g.name for g, h in it.proxies if h.id == p.holder)
        return Message(
            N_("the holder already carries the proxies the rules allow (from {others})"),
            {"others": others},
        )
    if status is ProxyStatus.NOT_IN_FORCE:
        return Message(
            N_("not in force at this item (in force {range})"), {"range": _range_message(p)}
        )
    return Message(REASONS[status])


def _proxy_lines(s: Session, it: AuditItem) -> tuple[ProxyLine, ...]:
    about: dict[int, list[Finding]] = {}  # the findings at the item about each proxy
    for f in it.findings:
        for k in () if f.subject is None else f.subject.proxies:
            about.setdefault(k, []).append(f)
    counted: list[ProxyLine] = []
    others: list[ProxyLine] = []
    for k, (p, status) in enumerate(it.proxy_statuses):
        giver, holder = s.member(p.giver), s.member(p.holder)
        if status is ProxyStatus.USABLE:
            counted.append(ProxyLine(giver=giver, holder=holder, counted=True, source=p.source))
            continue
        # the finding of its status (another, about a twin of it listed twice, has another code)
        found = next((f for f in about.get(k, ()) if f.code == status.code), None)
        why = reason_message(status, p, it)
        others.append(
            ProxyLine(
                giver=giver,
                holder=holder,
                counted=False,
                status=status,
                reason=why.render("en"),
                reason_message=why,
                finding=found,
                source=p.source,
            )
        )
    return tuple(counted + others)


def explain(audit: Audit, label: str) -> Explanation:
    """The derivation of the numbers of the item with this label.

    Raises:
        UnknownItemError: no item has this label.
    """
    s = audit.session
    it = audit.item(label)
    unseated = {m.id for m in it.unseated}
    not_counted = [
        (s.member(f.subject.member), f)
        for f in it.findings
        if f.subject is not None and f.subject.member in unseated
    ]
    r = audit.rules
    rules = [r.quorum_rule, r.proxy_rule]
    if r.substitute_rule and any(m.is_substitute for m in s.members):
        rules.append(r.substitute_rule)
    rules += [f.rule for f in it.findings if f.rule]
    return Explanation(
        audit=audit,
        item=it,
        present=it.present,
        not_counted=tuple(not_counted),
        proxies=_proxy_lines(s, it),
        rules=tuple(dict.fromkeys(rules)),
    )


# --- arithmetic ---------------------------------------------------------------------------------


def quorum_lines(e: Explanation) -> list[str]:
    """The arithmetic of quorum, one line each, in the language in use."""
    s, it, q = e.audit.session, e.item, e.item.quorum
    n = s.in_office
    rules = e.audit.rules.name
    inferred = _(" (not printed: inferred from the lists)") if s.in_office_inferred else ""
    if q.required is None:
        return [_("no quorum is required at this item under {rules}").format(rules=rules)]
    head = q.basis == "head"
    total = q.total if q.total is not None else n
    less = _(" less {n} withdrawn (L1111-6)").format(n=n - total) if head and total != n else ""
    if head and q.required == majority_of(int(total)):
        how = _(
            "more than half of the {n} members in office{inferred}{less}: "
            "{total} // 2 + 1 = {required}"
        ).format(n=n, inferred=inferred, less=less, total=total, required=q.required)
    elif head:
        how = _("{required} under {rules} ({n} members in office{inferred}{less})").format(
            required=q.required, rules=rules, n=n, inferred=inferred, less=less
        )
    else:
        how = _("{required} voices of {total} under {rules}").format(
            required=number(q.required), total=number(total), rules=rules
        )
    verdict = _("reached") if q.reached else _("NOT reached")
    sign = ">=" if q.reached else "<"
    if q.counted == it.present_count:
        what = _("present") + (_(" (proxies do not count)") if it.proxy_count else "")
    else:
        what = _("counted ({n} present)").format(n=it.present_count)
    return [
        _("required: {how}").format(how=how),
        _("counted: {counted} {what} {sign} {required}: {verdict}").format(
            counted=q.counted, what=what, sign=sign, required=q.required, verdict=verdict
        ),
    ]


def _weight_text(w: Weight) -> str:
    return str(number(w))


def _source_text(source: Source) -> str:
    from quorum.report import source_words  # the report imports this module

    return source_words(source)


def tally_lines(e: Explanation) -> list[str]:
    """The arithmetic of the tally, one line each, in the language in use."""
    it, r = e.item, e.audit.rules
    present, proxies = it.present_count, it.proxy_count
    lines = [
        _("voters: {present} present + {proxies} = {voters}").format(
            present=present,
            proxies=count(proxies, "{n} usable proxy", "{n} usable proxies"),
            voters=it.voters,
        )
    ]
    if r.weighted:
        pw = it.present_weight
        gw = it.vote_weight - it.present_weight
        lines.append(
            _(
                "vote weight: {present} (present) + {givers} (givers of usable proxies) = {total}"
            ).format(
                present=_weight_text(pw),
                givers=_weight_text(gw),
                total=_weight_text(it.vote_weight),
            )
        )
    t = it.tally.reported
    if t is None:
        lines.append(_("reported tally: none in the minutes, nothing to compare"))
        return lines
    counts = t.counts()
    if it.withdrawn_count:  # withdrawn conseillers intéressés are not voters
        counts.pop("interested", None)
    basis = it.tally.expected if it.tally.expected is not None else it.voters
    left = _weight_text(basis) if r.weighted else f"{present} + {proxies} = {it.voters}"
    if counts and it.tally.total is not None:
        total = it.tally.total
        ok = total == basis
        shown = {k: v for k, v in counts.items() if v} or counts
        rest = ", ".join(f"{TALLY_LABELS[k]} : {v}" for k, v in counts.items() if k not in shown)
        reported = (
            " + ".join(f'"{TALLY_LABELS[k]} : {v}"' for k, v in shown.items())
            + (f" = {total}" if len(shown) > 1 else "")
            + (f" ({rest})" if rest else "")
        )
        if ok:
            line = _("{left} = the reported {reported}: consistent")
        else:
            line = _("{left} != the reported {reported}: does NOT add up")
        lines.append(line.format(left=left, reported=reported))
    else:
        lines.append(_("reported tally: no counts"))
    if t.source is not None and _source_text(t.source):
        lines.append(_("source: {source}").format(source=_source_text(t.source)))
    if t.unanimous:
        lines.append(
            _("reported unanimous, with {n} contre").format(n=t.contre)
            if t.contre
            else _("reported unanimous")
        )
    if t.present is not None:
        lines.append(
            _("reported present: {reported}; the lists give {present}").format(
                reported=t.present, present=present
            )
        )
    if t.voters is not None:
        lines.append(
            _("reported voters: {reported}; the lists give {voters}").format(
                reported=t.voters, voters=it.voters
            )
        )
    return lines


# --- renderings ---------------------------------------------------------------------------------


def _member_text(m: Member, s: Session) -> str:
    extra = []
    if m.group:
        extra.append(m.group)
    if m.is_substitute:
        extra.append(
            _("substitute for {name}").format(name=s.member(m.substitute_for).name)
            if m.substitute_for
            else _("substitute")
        )
    return m.name + (f" ({', '.join(extra)})" if extra else "")


def render_explanation(e: Explanation, *, lang: str | None = None) -> str:
    """The explanation as plain text; ``lang`` is ``fr`` or ``en`` for the headings (default:
    the environment's locale): the headings, the reasons, the arithmetic and the findings'
    messages (``--format json`` keeps the reasons and the arithmetic in English)."""
    with using(lang):
        return _render(e)


def _render(e: Explanation) -> str:
    s, it = e.audit.session, e.item
    head = _("Item {item} (position {position} of {total} in the order of passage)")
    out = [
        head.format(item=it.item, position=it.position, total=len(s.agenda)),
        _("rules: {name} ({reason})").format(
            name=e.audit.rules.name, reason=e.audit.rules_why.render()
        ),
        "",
        _("Present: {n}").format(n=it.present_count),
    ]
    out += [f"  {_member_text(m, s)}" for m in e.present]
    if e.not_counted:
        out.append(_("Listed present but not counted: {n}").format(n=len(e.not_counted)))
        out += [
            "  " + _("{name}: {code}").format(name=m.name, code=f.code) for m, f in e.not_counted
        ]
    out += ["", _("Usable proxies: {n}").format(n=it.proxy_count)]
    out += [f"  {p.giver.name} -> {p.holder.name}" for p in e.counted_proxies]
    if e.other_proxies:
        out.append(_("Proxies not counted at this item: {n}").format(n=len(e.other_proxies)))
        for p in e.other_proxies:
            code = f" [{p.finding.code}]" if p.finding else ""
            why = p.reason_message.render() if p.reason_message else p.reason
            line = _("{giver} -> {holder}: {reason}").format(
                giver=p.giver.name, holder=p.holder.name, reason=why
            )
            out.append(f"  {line}{code}")
    out += ["", _("Quorum ({rule})").format(rule=e.audit.rules.quorum_rule)]
    out += [f"  {line}" for line in quorum_lines(e)]
    out += ["", _("Tally ({rule})").format(rule=e.audit.rules.proxy_rule)]
    out += [f"  {line}" for line in tally_lines(e)]
    if it.findings:
        out += ["", _("Findings:")]
        out += [f"  {finding_line(f)}" for f in it.findings]
    out += ["", _("Rules cited:")]
    out += [f"  {r}" for r in e.rules]
    return "\n".join(out) + "\n"


def finding_line(f: Finding) -> str:
    """``error: CODE: message (rule) [line 42: "…"]`` in the language in use."""
    from quorum.report import source_words

    where = f" [{source_words(f.source)}]" if source_words(f.source) else ""
    rule = f" ({f.rule})" if f.rule else ""
    return f"{_(f.severity.value)}: {f.code}: {f.render()}{rule}{where}"


def _member_dict(m: Member) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "group": m.group,
        "substitute": m.is_substitute,
        "weight": number(m.weight),
    }


def explanation_dict(e: Explanation) -> dict[str, Any]:
    """The explanation as JSON-ready data (``quorum explain --format json``): a format for
    programs, its reasons and arithmetic in English whatever the language in use."""
    with using("en"):
        return _explanation_dict(e)


def _explanation_dict(e: Explanation) -> dict[str, Any]:
    s, it = e.audit.session, e.item
    return {
        "format": "quorum-explain/1",
        "item": it.item,
        "position": it.position,
        "rules": e.audit.rules.name,
        "present_count": it.present_count,
        "present": [_member_dict(m) for m in e.present],
        "not_counted": [
            {"member": _member_dict(m), "code": f.code, "message": f.message}
            for m, f in e.not_counted
        ],
        "proxy_count": it.proxy_count,
        "proxies": [
            {
                "giver": _member_dict(p.giver),
                "holder": _member_dict(p.holder),
                "counted": p.counted,
                "status": p.status.value,
                "reason": p.reason,
                "code": p.finding.code if p.finding else None,
                "source": source_dict(p.source),
            }
            for p in e.proxies
        ],
        "voters": it.voters,
        "vote_weight": number(it.vote_weight),
        "quorum": {
            "members_in_office": s.in_office,
            "required": None if it.quorum.required is None else number(it.quorum.required),
            "counted": number(it.quorum.counted),
            "reached": it.quorum.reached,
            "arithmetic": quorum_lines(e),
        },
        "tally": {
            "reported": tally_dict(it.tally.reported),
            "consistent": it.tally.consistent,
            "arithmetic": tally_lines(e),
        },
        "findings": [finding_dict(f, s) for f in it.findings],
        "rules_cited": list(e.rules),
    }
