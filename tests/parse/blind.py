"""What the blind tests of the item reader compare with their hand-made keys (one row per item),
and the check every blind document must pass: right minutes get no ERROR."""

from __future__ import annotations

from pathlib import Path

from quorum.audit import Audit, AuditItem, audit
from quorum.parse import parse_minutes

Row = tuple[str, int, int, int, tuple[int | None, int | None, int | None] | None]
"""(item, present, proxies, voters, (pour, contre, abstention) as printed, or None)."""


def row(it: AuditItem) -> Row:
    """The row of one item: its label, its counts and the tally the minutes print."""
    t = it.tally.reported
    tally = None if t is None else (t.pour, t.contre, t.abstention)
    return (it.item, it.present_count, it.proxy_count, it.voters, tally)


def errors_of(path: Path) -> list[str]:
    """The codes of the ERROR findings of the minutes at ``path``."""
    result: Audit = audit(parse_minutes(path.read_text(encoding="utf-8")))
    return [f.code for f in result.errors]
