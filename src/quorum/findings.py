"""Findings (what is wrong or worth a look, with where and why) and the sources they point to.

Findings are data, not exceptions. Each has a stable ``code`` (listed in ``docs/findings.md``), a
``severity``, the items and members it concerns (member ids), a message a clerk understands, the
rule it rests on (with its article) and the source of the fact at fault when there is one.

A finding carries no text: its message is rendered from its ``template`` (English, the msgid of
the gettext catalogue) and its ``params`` when a report is written, in the report's language.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from quorum.i18n import N_ as N_  # findings' templates are marked with it
from quorum.i18n import _, using


@attrs.frozen
class Source:
    """Where a fact came from: a line of minutes (``line``, ``text``) or a session file path."""

    line: int | None = None
    text: str | None = None
    path: str | None = None

    def describe(self) -> str:
        """A short human reference: ``line 42: "…"`` or the JSON path."""
        if self.line is not None:
            return f"line {self.line}" + (f': "{self.text}"' if self.text else "")
        return self.path or ""


class Severity(enum.Enum):
    """How bad a finding is.

    ``error``: the vote or the minutes are wrong; ``warning``: a clerk should look at it;
    ``info``: worth knowing.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: sorts the worst first."""
        return ("error", "warning", "info").index(self.value)


class Verdict(enum.Enum):
    """The answer to "can these minutes be trusted?", for a clerk, in one of three words.

    ``valid``: everything was read and checked, and nothing is wrong; ``errors``: the minutes
    (or the vote) are wrong, and the reading they rest on is complete; ``incomplete``: the reader
    did not understand part of the attendance, so the counts cannot be asserted: check the lines
    it quotes by hand (errors, if any, are listed but not asserted).
    """

    VALID = "valid"
    ERRORS = "errors"
    INCOMPLETE = "incomplete"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 proxy``, ``2 proxies``: a count and its noun."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def items_text(labels: Sequence[str]) -> str:
    """``item 19``, ``items 1-5`` (a run of items in order of passage), ``""`` for none."""
    if not labels:
        return ""
    return f"item {labels[0]}" if len(labels) == 1 else f"items {labels[0]}-{labels[-1]}"


def items_words(labels: Sequence[str]) -> str:
    """``item 19``, ``items 1-5`` in the language in use (``point 19``, ``points 1 à 5``), ``""``
    for none."""
    if not labels:
        return ""
    if len(labels) == 1:
        return _("item {label}").format(label=labels[0])
    return _("items {first}-{last}").format(first=labels[0], last=labels[-1])


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


Param = typing.Union[str, int, bool, None, "Message", tuple["Param", ...]]
"""A parameter of a finding's message: JSON-safe (an exact decimal is its text; a list is a
tuple), or a :class:`Message` inside the message."""

Params = tuple[tuple[str, Param], ...]


def param(value: object) -> Param:
    """A value as a message parameter: ``str``, ``int``, ``bool`` and ``None`` as they are, a
    list or tuple as a tuple of parameters, a :class:`Message` (or its dict form, with a
    ``template`` key) as a message, anything else (an exact ``Decimal`` or ``Fraction``) as its
    text, which is how a message prints it."""
    if value is None or isinstance(value, (str, int, Message)):  # bool is an int
        return value
    if isinstance(value, list | tuple):
        return tuple(param(v) for v in value)
    if isinstance(value, Mapping) and isinstance(value.get("template"), str):
        return Message(value["template"], value.get("params") or {})
    return str(value)


class _Made(tuple[tuple[str, Param], ...]):
    """Parameters already made by :func:`params_of` (a draft's, passed on to its finding): not
    made again. A plain tuple to everything else."""

    __slots__ = ()


def params_of(values: Mapping[str, object] | Iterable[tuple[str, object]]) -> Params:
    """Parameters as a finding holds them: ``(name, value)`` pairs sorted by name, each value
    made by :func:`param`."""
    if type(values) is _Made:
        return values
    pairs = values.items() if isinstance(values, Mapping) else values
    out = sorted((str(k), param(v)) for k, v in pairs)
    if any(k == "items" for k, _value in out):
        raise ValueError("'items' is not a parameter: the renderer writes a finding's items")
    return _Made(out)


@attrs.frozen
class Message:
    """A message inside a finding's message (a clause that is itself a template, such as the
    message of another finding), rendered in the same language with the same ``{items}``.
    In JSON: ``{"template": ..., "params": {...}}``."""

    template: str
    params: Params = attrs.field(default=(), converter=params_of)

    def render(self, lang: str | None = None) -> str:
        """The message alone in ``lang`` (by default the language in use); English: its text
        for programs and logs."""
        with using(lang):
            return _fill(self.template, self.params, _("the session"))


def _fill(template: str, params: Params, where: str) -> str:
    """``template`` in the language in use, filled from ``params`` (``{items}``: ``where``);
    a broken translation falls back to the English template, then to the raw one."""
    values = {k: _words(k, v, where) for k, v in params}
    for text in (_(template), template):
        try:
            out = text.format_map({**values, "items": where})
        except (KeyError, IndexError, ValueError, AttributeError):
            continue
        return out[0].upper() + out[1:] if text.startswith("{items}") and out else out
    return template


@attrs.frozen
class Subject:
    """Whom a finding is about, as typed data (``Finding.members`` stays the JSON's list of ids,
    whose order is a convention of each code).

    A finding about a proxy names its ``giver`` and ``holder`` ids and ``proxies``, its index
    in ``Session.proxies`` (0-based, as the session file's path ``$.proxies[k]``): several when
    the session lists the same proxy more than once and the findings about them are one. A
    finding about one member listed present but not counted names that ``member``. ``quorum
    explain`` and the HTML report find the finding about a proxy or a member through it, never
    through the code and the order of ``members``.
    """

    member: str | None = None
    giver: str | None = None
    holder: str | None = None
    proxies: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the audit (or the reader of the minutes) found.

    Its message is not stored: it is rendered, in a language, from ``template`` (an English
    ``str.format`` template marked :func:`N_`, which is also its msgid in the gettext catalogue)
    and ``params`` (names, labels and numbers; ``{items}`` is the finding's items in words). A
    finding made the old way, with a finished ``message=`` and no template, keeps that text
    (translated only when the catalogue holds it whole).
    """

    code: str
    severity: Severity
    template: str | None = None
    params: Params = attrs.field(default=(), converter=params_of)
    items: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    members: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    rule: str | None = None
    source: Source | None = None
    text: str | None = attrs.field(default=None, alias="message")
    """The finished message of a finding made without a template (``Finding(message=...)``)."""
    subject: Subject | None = attrs.field(default=None, eq=False, repr=False)
    """Whom it is about, typed (:class:`Subject`), when the audit knows: not written in JSON,
    and not part of equality (a finding read back from JSON equals the audit's)."""

    @property
    def message(self) -> str:
        """The message in English."""
        return self.render("en")

    @property
    def arguments(self) -> dict[str, Param]:
        """``params`` as a dict."""
        return dict(self.params)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``fr``, ``en``; by default the language in use, see
        :mod:`quorum.i18n`). Names and labels are printed as they are written, whatever
        braces or percent signs they hold."""
        with using(lang):
            if self.template is None:
                return _(self.text) if self.text else ""
            return _fill(self.template, self.params, items_words(self.items) or _("the session"))

    def __str__(self) -> str:
        where = f" [{self.source.describe()}]" if self.source and self.source.describe() else ""
        rule = f" ({self.rule})" if self.rule else ""
        return f"{self.severity.value}: {self.code}: {self.message}{rule}{where}"


WORDS = frozenset({"outcome", "reported_outcome"})
"""Parameters whose value is a word of a closed vocabulary (``adopted``, ``rejected``),
written in the language of the report."""


def _words(key: str, value: Param, where: str) -> str | int | bool | None:
    """A parameter as a message prints it, in the language in use: a :class:`Message`
    rendered; ``parts`` (pairs of a tally word and its count) as ``pour 3 + abstention 1``;
    other pairs (giver, holder) as ``giver to holder``; any other list joined with commas; an
    outcome as its word."""
    if isinstance(value, Message):
        return _fill(value.template, value.params, where)
    if isinstance(value, str) and key in WORDS:
        return _(value)
    if not isinstance(value, tuple):
        return value
    pairs = [tuple(str(x) for x in v) for v in value if isinstance(v, tuple) and len(v) == 2]
    if value and len(pairs) == len(value):
        if key == "parts":
            return " + ".join(f"{_(word)} {n}" for word, n in pairs)
        return ", ".join(_("{0} to {1}").format(*p) for p in pairs)
    return ", ".join(str(_words("", v, where)) for v in value)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data, without the session (members are ids): ``message`` is the
    English text; :func:`finding_from_dict` reads it back into an equal finding."""
    return {
        "code": f.code,
        "severity": f.severity.value,
        "items": list(f.items),
        "members": list(f.members),
        "message": f.message,
        "template": f.template,
        "params": {k: _json(v) for k, v in f.params},
        "rule": f.rule,
        "source": None
        if f.source is None
        else {"line": f.source.line, "text": f.source.text, "path": f.source.path},
    }


def _json(value: Param) -> object:
    if isinstance(value, Message):
        return {"template": value.template, "params": {k: _json(v) for k, v in value.params}}
    return [_json(v) for v in value] if isinstance(value, tuple) else value


def finding_from_dict(d: Mapping[str, Any]) -> Finding:
    """The finding :func:`finding_to_dict` wrote (``template`` null: ``message`` is its text).

    Raises:
        ValueError: a key is missing or a value has the wrong type.
    """
    try:
        template = d.get("template")
        src = d.get("source")
        return Finding(
            code=str(d["code"]),
            severity=Severity(d["severity"]),
            template=template,
            params=dict(d.get("params") or {}),
            items=tuple(d.get("items") or ()),
            members=tuple(
                m["id"] if isinstance(m, Mapping) else m for m in d.get("members") or ()
            ),
            rule=d.get("rule"),
            source=None if src is None else Source(src["line"], src["text"], src["path"]),
            message=None if template is not None else d.get("message"),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        raise ValueError(f"not a finding: {e}") from e
