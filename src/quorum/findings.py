"""Findings (what is wrong or worth a look, with where and why) and the sources they point to.

Findings are data, not exceptions. Each has a stable ``code`` (listed in ``docs/findings.md``), a
``severity``, the items and members it concerns (member ids), a message a clerk understands, the
rule it rests on (with its article) and the source of the fact at fault when there is one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs


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


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the audit (or the reader of the minutes) found."""

    code: str
    severity: Severity
    message: str
    items: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    members: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    rule: str | None = None
    source: Source | None = None

    def __str__(self) -> str:
        where = f" [{self.source.describe()}]" if self.source and self.source.describe() else ""
        rule = f" ({self.rule})" if self.rule else ""
        return f"{self.severity.value}: {self.code}: {self.message}{rule}{where}"
