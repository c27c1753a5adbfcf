"""The ``quorum-session/1`` file format: a session as JSON (or TOML for hand-written files).

:func:`session_from_dict` reports every problem of a document at once, each with its JSON path;
:func:`session_to_dict` writes the document back, so that writing then reading gives an equal
session. The format is documented in ``docs/session-format.md``.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from quorum.exceptions import InvalidSessionError, Problem
from quorum.findings import N_, Finding, Severity, Source, finding_to_dict
from quorum.model import (
    TALLY_COUNTS,
    CastingVote,
    Headcount,
    Member,
    Proxy,
    Reading,
    Role,
    Session,
    Stretch,
    Tally,
    Withdrawal,
    json_number,
)
from quorum.registry import Statutes
from quorum.rules import Outcome

FORMAT = "quorum-session/1"

_TOP = {
    "format",
    "body",
    "date",
    "rules",
    "members_in_office",
    "agenda",
    "members",
    "attendance",
    "proxies",
    "tallies",
    "convocation",
    "carried_over",
    "withdrawals",
    "reading",
    "financial_year_end",
    "notes",
    "headcounts",
}
_HEADCOUNT = {"present", "represented", "absent", "from", "until", "source"}
_READING = {"complete", "uncertain_items"}
_NOTE = {"code", "severity", "message", "template", "params", "items", "members", "rule", "source"}
_MEMBER = {"id", "name", "group", "weight", "votes", "role", "substitute_for", "source"}
_STRETCH = {"member", "from", "until", "source"}
_PROXY = {"giver", "holder", "from", "until", "source"}
_WITHDRAWAL = {"member", "from", "until", "reason", "source"}
_TALLY_MORE = ("present", "voters", "pour_members")
_TALLY_FLAGS = ("unanimous", "secret", "outcome", "casting_vote", "majority")
_TALLY = {"item", *TALLY_COUNTS, *_TALLY_MORE, *_TALLY_FLAGS, "source"}


def _exact_text(value: Any) -> Any:
    """A decimal written as a string ("12.5") becomes a Decimal; anything else is kept."""
    if isinstance(value, str):
        with contextlib.suppress(ArithmeticError):  # the model check reports it
            return Decimal(value.strip())
    return value


class _Reader:
    """Turns a decoded document into model records, collecting shape problems on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, template: str, **params: object) -> None:
        """A problem at ``path``: ``template`` is marked ``N_``, filled from ``params``."""
        self.problems.append(Problem(path, template, params))

    def keys(
        self, path: str, obj: Mapping[str, Any], allowed: set[str], required: tuple[str, ...]
    ) -> None:
        for key in obj:
            if key not in allowed:
                self.fail(f"{path}.{key}", N_("unknown key {key}"), key=repr(key))
        for key in required:
            if key not in obj:
                self.fail(f"{path}.{key}", N_("required key is missing"))

    def records(
        self,
        doc: Mapping[str, Any],
        key: str,
        allowed: set[str],
        required: tuple[str, ...],
        build: Callable[[str, Mapping[str, Any]], Any],
    ) -> Iterator[Any]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            self.fail(f"$.{key}", N_("expected a list, not {type}"), type=type(value).__name__)
            return
        for i, obj in enumerate(value):
            path = f"$.{key}[{i}]"
            if not isinstance(obj, Mapping):
                self.fail(path, N_("expected an object, not {type}"), type=type(obj).__name__)
                continue
            self.keys(path, obj, allowed, required)
            yield build(path, obj)

    def source(self, path: str, obj: Mapping[str, Any]) -> Source:
        raw = obj.get("source")
        if isinstance(raw, Mapping):
            src = source_from_dict({k: v for k, v in raw.items() if k != "path"}, path)
            assert src is not None
            return src
        if raw is not None:
            self.fail(f"{path}.source", N_("expected an object with 'line' and 'text'"))
        return Source(path=path)

    def member(self, path: str, obj: Mapping[str, Any]) -> Member:
        weight = _exact_text(obj.get("weight", 1))
        role = obj.get("role", "titular")
        with contextlib.suppress(ValueError):  # the model check reports it with its path
            role = Role(role)
        return Member(
            id=obj.get("id", ""),
            name=obj.get("name", obj.get("id", "")),
            group=obj.get("group"),
            weight=weight,
            role=role,
            substitute_for=obj.get("substitute_for"),
            votes=_exact_text(obj.get("votes")),
            source=self.source(path, obj),
        )

    def stretch(self, path: str, obj: Mapping[str, Any]) -> Stretch:
        return Stretch(
            member=obj.get("member", ""),
            from_item=obj.get("from"),
            until_item=obj.get("until"),
            source=self.source(path, obj),
        )

    def proxy(self, path: str, obj: Mapping[str, Any]) -> Proxy:
        return Proxy(
            giver=obj.get("giver", ""),
            holder=obj.get("holder", ""),
            from_item=obj.get("from"),
            until_item=obj.get("until"),
            source=self.source(path, obj),
        )

    def withdrawal(self, path: str, obj: Mapping[str, Any]) -> Withdrawal:
        return Withdrawal(
            member=obj.get("member", ""),
            from_item=obj.get("from"),
            until_item=obj.get("until"),
            reason=obj.get("reason", "interest"),
            source=self.source(path, obj),
        )

    def headcount(self, path: str, obj: Mapping[str, Any]) -> Headcount:
        return Headcount(
            present=obj.get("present", 0),
            represented=obj.get("represented", 0),
            absent=obj.get("absent", 0),
            from_item=obj.get("from"),
            until_item=obj.get("until"),
            source=self.source(path, obj),
        )

    def tally(self, path: str, obj: Mapping[str, Any]) -> Tally:
        counts: dict[str, Any] = {k: _exact_text(obj.get(k)) for k in TALLY_COUNTS}
        more: dict[str, Any] = {k: obj.get(k) for k in _TALLY_MORE}
        flags: dict[str, Any] = {k: obj[k] for k in _TALLY_FLAGS if k in obj}
        return Tally(
            item=obj.get("item", ""), source=self.source(path, obj), **counts, **more, **flags
        )

    def reading(self, value: Any) -> Reading | None:
        """``{"complete": bool, "uncertain_items": [labels]}``, or null."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.fail(
                "$.reading", N_("expected an object or null, not {value}"), value=repr(value)
            )
            return None
        self.keys("$.reading", value, _READING, ())
        items = value.get("uncertain_items", [])
        if not isinstance(items, list):
            self.fail(
                "$.reading.uncertain_items",
                N_("expected a list of labels, not {value}"),
                value=repr(items),
            )
            items = []
        return Reading(complete=value.get("complete", True), uncertain_items=items)

    def note(self, path: str, obj: Mapping[str, Any]) -> Finding:
        """A reader's note: a finding as ``quorum-audit/1`` writes it (its source a line of the
        minutes, not a path of this file)."""
        raw = obj.get("severity", "warning")
        try:
            severity = Severity(raw)
        except ValueError:
            self.fail(
                f"{path}.severity",
                N_("expected error, warning or info, not {value}"),
                value=repr(raw),
            )
            severity = Severity.WARNING
        texts: dict[str, Any] = {}
        for key in ("code", "message"):
            texts[key] = obj.get(key, "")
            if not isinstance(texts[key], str):
                self.fail(
                    f"{path}.{key}", N_("expected a string, not {value}"), value=repr(texts[key])
                )
                texts[key] = ""
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("items", "members"):
            value = obj.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.fail(
                    f"{path}.{key}",
                    N_("expected a list of strings, not {value}"),
                    value=repr(value),
                )
                value = []
            lists[key] = tuple(value)
        rule = obj.get("rule")
        if rule is not None and not isinstance(rule, str):
            self.fail(
                f"{path}.rule", N_("expected a string or null, not {value}"), value=repr(rule)
            )
            rule = None
        src = self.source(path, obj) if obj.get("source") is not None else None
        template, params = obj.get("template"), obj.get("params") or {}
        if template is not None and not isinstance(template, str):
            self.fail(
                f"{path}.template",
                N_("expected a string or null, not {value}"),
                value=repr(template),
            )
            template = None
        if not isinstance(params, Mapping) or not all(isinstance(k, str) for k in params):
            self.fail(f"{path}.params", N_("expected an object, not {type}"), type=repr(params))
            params = {}
        return Finding(
            code=texts["code"],
            severity=severity,
            template=template,
            params=dict(params) if template is not None else {},
            message=None if template is not None else texts["message"],
            items=lists["items"],
            members=lists["members"],
            rule=rule,
            source=Source(line=src.line, text=src.text) if src else None,
        )


def session_from_dict(doc: object) -> Session:
    """Build a session from a decoded ``quorum-session/1`` document.

    Raises:
        InvalidSessionError: listing every problem, each with its JSON path.
    """
    if not isinstance(doc, Mapping):
        raise InvalidSessionError([Problem("$", N_("a session file holds one JSON object"))])
    r = _Reader()
    r.keys("$", doc, _TOP, ("format", "agenda", "members"))
    fmt = doc.get("format")
    if "format" in doc and fmt != FORMAT:
        r.fail(
            "$.format",
            N_("unsupported format {given}; this version reads {format}"),
            given=repr(fmt),
            format=repr(FORMAT),
        )
    agenda = doc.get("agenda", [])
    if not isinstance(agenda, list):
        r.fail(
            "$.agenda",
            N_("expected a list of item labels, not {value}"),
            value=type(agenda).__name__,
        )
        agenda = []
    members = list(r.records(doc, "members", _MEMBER, ("id",), r.member))
    attendance = list(r.records(doc, "attendance", _STRETCH, ("member",), r.stretch))
    proxies = list(r.records(doc, "proxies", _PROXY, ("giver", "holder"), r.proxy))
    tallies = list(r.records(doc, "tallies", _TALLY, ("item",), r.tally))
    withdrawals = list(r.records(doc, "withdrawals", _WITHDRAWAL, ("member",), r.withdrawal))
    carried_over = doc.get("carried_over", [])
    if not isinstance(carried_over, list):
        r.fail(
            "$.carried_over",
            N_("expected a list of item labels, not {value}"),
            value=repr(carried_over),
        )
        carried_over = []
    reading = r.reading(doc.get("reading"))
    notes = list(r.records(doc, "notes", _NOTE, ("code", "message"), r.note))
    headcounts = list(r.records(doc, "headcounts", _HEADCOUNT, (), r.headcount))
    date = doc.get("date")
    if isinstance(date, str):
        try:
            date = datetime.date.fromisoformat(date)
        except ValueError:
            r.fail("$.date", N_("expected a date as YYYY-MM-DD, not {value}"), value=repr(date))
            date = None
    try:
        session = Session(
            agenda=agenda,
            members=members,
            attendance=attendance,
            proxies=proxies,
            tallies=tallies,
            body=doc.get("body"),
            date=date,
            rules=doc.get("rules"),
            members_in_office=doc.get("members_in_office"),
            convocation=doc.get("convocation", 1),
            carried_over=carried_over,
            withdrawals=withdrawals,
            reading=reading,
            financial_year_end=doc.get("financial_year_end"),
            notes=notes,
            headcounts=headcounts,
        )
    except InvalidSessionError as err:
        raise InvalidSessionError(_in_order(r.problems + list(err.problems))) from None
    if r.problems:
        raise InvalidSessionError(_in_order(r.problems))
    return session


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by where they are in the document, duplicates removed."""
    order = [
        "$.format",
        "$.date",
        "$.body",
        "$.financial_year_end",
        "$.rules",
        "$.members_in_office",
        "$.agenda",
        "$.members",
        "$.attendance",
        "$.proxies",
        "$.convocation",
        "$.carried_over",
        "$.withdrawals",
        "$.tallies",
        "$.reading",
        "$.notes",
        "$.headcounts",
    ]

    def key(p: Problem) -> tuple[int, str]:
        rank = next((i for i, o in enumerate(order) if p.path.startswith(o)), len(order))
        return rank, p.path

    return sorted(dict.fromkeys(problems), key=key)


def _note_dict(note: Finding) -> dict[str, Any]:
    """A reader's note as ``quorum-audit/1`` writes a finding."""
    doc: dict[str, Any] = {
        "code": note.code,
        "severity": note.severity.value,
        "message": note.message,
        "items": list(note.items),
        "members": list(note.members),
        "rule": note.rule,
    }
    if note.template is not None:  # rendered again in the report's language
        doc["template"] = note.template
        doc["params"] = finding_to_dict(note)["params"]
    src = _source_dict(note.source)
    if src is not None:
        doc["source"] = src
    return doc


def source_to_dict(source: Source | None) -> dict[str, Any] | None:
    """Where a fact came from, as JSON: ``{"line", "text", "path"}`` (the minutes' line and its
    text, or a path in a session file), ``None`` for none. The one shape of a source: the audit
    writes it whole; a session file writes a record's source less its ``path`` (the record's
    place in the file, which the reader sets) and only when it has a line.
    :func:`source_from_dict` reads it back."""
    if source is None:
        return None
    return {"line": source.line, "text": source.text, "path": source.path}


def source_from_dict(doc: Mapping[str, Any] | None, path: str | None = None) -> Source | None:
    """The source :func:`source_to_dict` wrote (``path``: where it is, for a session file's
    record, whose source has no ``path`` key). Values of the wrong type are read as ``None``."""
    if doc is None:
        return None
    line, text, where = doc.get("line"), doc.get("text"), doc.get("path", path)
    return Source(
        line=line if isinstance(line, int) and not isinstance(line, bool) else None,
        text=text if isinstance(text, str) else None,
        path=where if isinstance(where, str) else path,
    )


def _source_dict(source: Source | None) -> dict[str, Any] | None:
    """A record's source in a session file: :func:`source_to_dict` less its path."""
    src = source_to_dict(source)
    if src is None or src["line"] is None:
        return None
    return {"line": src["line"], "text": src["text"]}


TALLY_KEYS = (*TALLY_COUNTS, *_TALLY_MORE, "unanimous", "secret", "outcome", "casting_vote",
              "majority")  # fmt: skip
"""The keys of a tally's dict besides ``item`` and ``source``, in the audit's order."""


def tally_to_dict(t: Tally, *, every_key: bool = False) -> dict[str, Any]:
    """A tally as JSON, the one shape of a tally: ``item``, the counts (``null`` when not
    reported), ``present``, ``voters``, ``unanimous``, then ``pour_members``, ``secret``,
    ``outcome``, ``casting_vote``, ``majority`` and ``source`` when set (``null`` is counted
    apart from ``blank`` only when given). ``every_key``: every key of :data:`TALLY_KEYS`,
    ``null`` or ``false`` when unset (the audit writes a reported tally so, less ``item``).
    :func:`tally_from_dict` reads either back into an equal tally."""
    record: dict[str, Any] = {"item": t.item}
    for key in (*TALLY_COUNTS, "present", "voters", "unanimous", "pour_members"):
        value = getattr(t, key)
        if key == "unanimous":
            record[key] = value
        elif value is not None or every_key or key not in ("null", "pour_members"):
            record[key] = None if value is None else json_number(value)
    if t.secret or every_key:
        record["secret"] = t.secret
    for key in ("outcome", "casting_vote"):
        value = getattr(t, key)
        if value is not None or every_key:
            record[key] = None if value is None else str(value)
    if t.majority is not None or every_key:
        record["majority"] = t.majority
    src = _source_dict(t.source)
    if src is not None:
        record["source"] = src
    if every_key:  # in the audit's order
        return {"item": t.item, **{k: record[k] for k in TALLY_KEYS},
                **({"source": src} if src is not None else {})}  # fmt: skip
    return record


def tally_from_dict(doc: Mapping[str, Any], *, item: str | None = None, path: str = "$") -> Tally:
    """The tally :func:`tally_to_dict` wrote; ``item``: its item, when the dict has none (the
    audit's ``reported`` tally is under its item).

    Raises:
        InvalidSessionError: an unknown key, a missing item or a value of the wrong kind, with
            its path (a count's range is the session's check).
    """
    r = _Reader()
    if not isinstance(doc, Mapping):
        raise InvalidSessionError(
            [Problem(path, N_("expected an object, not {type}"), {"type": f"{doc!r:.60}"})]
        )
    r.keys(path, doc, _TALLY, () if item is not None else ("item",))
    t = r.tally(path, doc if item is None else {**doc, "item": item})
    for key, kind in (("outcome", Outcome), ("casting_vote", CastingVote)):
        value = getattr(t, key)
        if value is not None and not isinstance(value, kind):
            r.fail(
                f"{path}.{key}",
                N_("expected one of {words}, not {value}"),
                words=", ".join(kind),
                value=f"{value!r:.60}",
            )
    if r.problems:
        raise InvalidSessionError(r.problems)
    return t


def session_to_dict(session: Session) -> dict[str, Any]:
    """The ``quorum-session/1`` document of a session (weights stay exact)."""

    def with_source(record: dict[str, Any], source: Source | None) -> dict[str, Any]:
        src = _source_dict(source)
        if src is not None:
            record["source"] = src
        return record

    doc: dict[str, Any] = {
        "format": FORMAT,
        "body": session.body,
        "date": session.date.isoformat() if session.date else None,
        "rules": session.rules.to_dict() if isinstance(session.rules, Statutes) else session.rules,
        "members_in_office": session.members_in_office,
        "agenda": list(session.agenda),
        "members": [
            with_source(
                {
                    "id": m.id,
                    "name": m.name,
                    "group": m.group,
                    "weight": json_number(m.weight),
                    "role": m.role.value,
                    "substitute_for": m.substitute_for,
                    **({"votes": json_number(m.votes)} if m.votes is not None else {}),
                },
                m.source,
            )
            for m in session.members
        ],
        "attendance": [
            with_source({"member": s.member, "from": s.from_item, "until": s.until_item}, s.source)
            for s in session.attendance
        ],
        "proxies": [
            with_source(
                {
                    "giver": p.giver,
                    "holder": p.holder,
                    "from": p.from_item,
                    "until": p.until_item,
                },
                p.source,
            )
            for p in session.proxies
        ],
        "tallies": [tally_to_dict(t) for t in session.tallies],
    }
    if session.convocation != 1:
        doc["convocation"] = session.convocation
    if session.financial_year_end is not None:
        doc["financial_year_end"] = session.financial_year_end
    if session.carried_over:
        doc["carried_over"] = list(session.carried_over)
    if session.reading is not None:
        doc["reading"] = {
            "complete": session.reading.complete,
            "uncertain_items": list(session.reading.uncertain_items),
        }
    if session.headcounts:
        doc["headcounts"] = [
            with_source(
                {"present": h.present, "represented": h.represented, "absent": h.absent,
                 "from": h.from_item, "until": h.until_item},
                h.source,
            )
            for h in session.headcounts
        ]  # fmt: skip
    if session.notes:
        doc["notes"] = [_note_dict(n) for n in session.notes]
    if session.withdrawals:
        doc["withdrawals"] = [
            with_source(
                {"member": w.member, "from": w.from_item, "until": w.until_item,
                 "reason": w.reason.value},
                w.source,
            )
            for w in session.withdrawals
        ]  # fmt: skip
    return doc


def dumps(document: Any, *, indent: int | None = 2) -> str:
    """JSON text of a document (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(document, indent=indent, ensure_ascii=False)


def loads(text: str) -> Any:
    """Decode JSON text, reading numbers with a fraction as exact Decimals."""
    return json.loads(text, parse_float=Decimal)
