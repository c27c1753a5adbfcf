"""The ``quorum-audit/1`` JSON document of an audit (documented in ``docs/audit-format.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from quorum.findings import Finding, Verdict, finding_to_dict
from quorum.model import Member, Session, Tally, json_number
from quorum.rules import Number, RuleSet, rule_set_to_dict
from quorum.sessionfile import TALLY_KEYS, source_to_dict, tally_to_dict

FORMAT = "quorum-audit/1"


# What the document reads of an audit. :mod:`quorum.audit` imports this module (for
# ``Audit.to_dict``), so this module names the shapes it reads instead of importing them back:
# imports go one way (tests/test_public_api.py fails on any cycle).


class QuorumLike(Protocol):
    """:class:`quorum.audit.QuorumCheck` as the document reads it."""

    @property
    def required(self) -> Number | None: ...
    @property
    def counted(self) -> Number: ...
    @property
    def reached(self) -> bool: ...
    @property
    def basis(self) -> str: ...
    @property
    def total(self) -> Number | None: ...


class TallyLike(Protocol):
    """:class:`quorum.audit.TallyCheck` as the document reads it."""

    @property
    def reported(self) -> Tally | None: ...
    @property
    def consistent(self) -> bool | None: ...


class OutcomeLike(Protocol):
    """:class:`quorum.audit.OutcomeCheck` as the document reads it."""

    @property
    def computed(self) -> str | None: ...
    @property
    def reported(self) -> str | None: ...
    @property
    def majority(self) -> str | None: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def could_change(self) -> bool | None: ...


class ItemLike(Protocol):
    """:class:`quorum.audit.AuditItem` as the document reads it."""

    @property
    def item(self) -> str: ...
    @property
    def position(self) -> int: ...
    @property
    def present(self) -> tuple[Member, ...]: ...
    @property
    def present_count(self) -> int: ...
    @property
    def proxies(self) -> tuple[tuple[Member, Member], ...]: ...
    @property
    def proxy_count(self) -> int: ...
    @property
    def voters(self) -> int: ...
    @property
    def vote_weight(self) -> Number: ...
    @property
    def withdrawn_count(self) -> int: ...
    @property
    def quorum(self) -> QuorumLike: ...
    @property
    def tally(self) -> TallyLike: ...
    @property
    def outcome(self) -> OutcomeLike: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...


class AuditLike(Protocol):
    """:class:`quorum.audit.Audit` as the document reads it."""

    @property
    def session(self) -> Session: ...
    @property
    def rules(self) -> RuleSet: ...
    @property
    def rules_reason(self) -> str: ...
    @property
    def items(self) -> Sequence[ItemLike]: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def verdict(self) -> Verdict: ...


number = json_number
"""An exact number as JSON: a whole number, or the exact decimal text."""


source_dict = source_to_dict
"""Where a fact came from, as JSON: the minutes' line and text, or the session file path
(:func:`~quorum.sessionfile.source_to_dict`, the one shape of a source)."""


def finding_dict(f: Finding, session: Session) -> dict[str, Any]:
    """A finding as JSON (:func:`~quorum.findings.finding_to_dict`: its English message, its
    template and params), members with their id and name (``finding_from_dict`` reads it back)."""
    return {
        **finding_to_dict(f),
        "members": [
            {"id": m, "name": session.member(m).name if session.has_member(m) else m}
            for m in f.members
        ],
    }


def tally_dict(t: Tally | None) -> dict[str, Any] | None:
    """A reported tally as JSON (``None`` where the minutes give none): the session file's
    shape (:func:`~quorum.sessionfile.tally_to_dict`) with every key, less ``item`` (the
    item's) and ``source`` (the findings quote it); ``tally_from_dict(d, item=...)`` reads it
    back."""
    if t is None:
        return None
    record = tally_to_dict(t, every_key=True)
    return {k: record[k] for k in TALLY_KEYS}


def item_dict(
    it: ItemLike, findings: dict[int, dict[str, Any]], member_lists: bool
) -> dict[str, Any]:
    """One item as JSON."""
    doc: dict[str, Any] = {"item": it.item, "position": it.position}
    if member_lists:
        doc["present"] = [m.name for m in it.present]
    doc["present_count"] = it.present_count
    if member_lists:
        doc["proxies"] = [{"giver": g.name, "holder": h.name} for g, h in it.proxies]
    doc.update(
        {
            "proxy_count": it.proxy_count,
            "voters": it.voters,
            "vote_weight": number(it.vote_weight),
            "withdrawn_count": it.withdrawn_count,
            "quorum": {
                "required": None if it.quorum.required is None else number(it.quorum.required),
                "counted": number(it.quorum.counted),
                "reached": it.quorum.reached,
                "basis": it.quorum.basis,
                "of": None if it.quorum.total is None else number(it.quorum.total),
            },
            "tally": {
                "reported": tally_dict(it.tally.reported),
                "consistent": it.tally.consistent,
            },
            "outcome": {
                "computed": it.outcome.computed,
                "reported": it.outcome.reported,
                "majority": it.outcome.majority,
                "reason": it.outcome.reason,
                "could_change": it.outcome.could_change,
            },
            "findings": [findings[id(f)] for f in it.findings],
        }
    )
    return doc


rule_set_dict = rule_set_to_dict
"""A rule set as JSON (:func:`~quorum.rules.rule_set_to_dict`; ``rule_set_from_dict`` reads it
back)."""


def audit_document(audit: AuditLike, *, member_lists: bool = False) -> dict[str, Any]:
    """The whole audit as a JSON-ready dict.

    ``member_lists``: also list, per item, the names of the members counted present and the
    usable proxies. Off by default: the document then grows with members + items, not
    members x items (100,000 members x 30 items would be hundreds of megabytes).
    """
    s = audit.session
    findings = {id(f): finding_dict(f, s) for f in audit.findings}
    values = {it.quorum.required for it in audit.items}
    required = values.pop() if len(values) == 1 else None  # null when it varies by item
    r = audit.rules
    return {
        "format": FORMAT,
        "verdict": audit.verdict.value,
        "session": {
            "body": s.body,
            "date": s.date.isoformat() if s.date else None,
            "rules": audit.rules.name,
            "members_in_office": s.in_office,
            "members_in_office_inferred": s.in_office_inferred,
            "quorum_required": None if required is None else number(required),
            "convocation": s.convocation,
            "reading": None
            if s.reading is None
            else {
                "complete": s.reading.complete,
                "uncertain_items": list(s.reading.uncertain_items),
            },
            "members": len(s.members),
            "items": len(s.agenda),
        },
        "rules": {**rule_set_dict(r), "chosen": audit.rules_reason},
        "items": [item_dict(it, findings, member_lists) for it in audit.items],
        "findings": list(findings.values()),
        "summary": {
            "items": len(audit.items),
            "errors": sum(f.severity.value == "error" for f in audit.findings),
            "warnings": sum(f.severity.value == "warning" for f in audit.findings),
            "info": sum(f.severity.value == "info" for f in audit.findings),
        },
    }
