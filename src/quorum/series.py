"""Checks across several sessions of one body, when they are checked together.

CGCT art. L2121-20: « Sauf cas de maladie dûment constatée, [le pouvoir] ne peut être valable pour
plus de trois séances consécutives. » One session cannot show it; a folder of minutes can. The
sessions of one body (its name folded) are put in date order, and a proxy from the same giver to
the same holder in more than three consecutive sessions is a warning, never an error: the
illness exception, or a session missing from the batch, may explain it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from quorum.findings import N_, Finding, Severity
from quorum.model import Session
from quorum.rules import RuleSet

CONSECUTIVE_LIMIT = 3
"""Sessions a proxy may cover (CGCT art. L2121-20)."""

RULE = "CGCT art. L2121-20"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _runs(flags: Sequence[bool]) -> Iterable[tuple[int, int]]:
    """The (start, stop) of each run of True."""
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            yield start, i
            start = None


def proxy_series(sessions: Iterable[tuple[Session, RuleSet]]) -> list[Finding]:
    """A warning for each proxy from one giver to one holder found in more than three
    consecutive sessions of one body (among those given, in date order).

    Only sessions with a body and a date, audited under rules whose proxies come from
    L2121-20 (communes and EPCI), take part.
    """
    bodies: dict[str, list[Session]] = defaultdict(list)
    for session, rules in sessions:
        if session.body and session.date and "L2121-20" in rules.proxy_rule:
            bodies[_fold(session.body)].append(session)
    findings: list[Finding] = []
    for group in bodies.values():
        group.sort(key=lambda s: s.date or 0)
        pairs = sorted({(p.giver, p.holder) for s in group for p in s.proxies})
        for giver, holder in pairs:
            used = [any((p.giver, p.holder) == (giver, holder) for p in s.proxies) for s in group]
            for start, stop in _runs(used):
                if stop - start > CONSECUTIVE_LIMIT:
                    findings.append(_finding(group[start:stop], giver, holder))
    return findings


def _finding(run: Sequence[Session], giver: str, holder: str) -> Finding:
    last = run[-1]
    names = [last.member(m).name if last.has_member(m) else m for m in (giver, holder)]
    dates = ", ".join(str(s.date) for s in run)
    beyond = run[CONSECUTIVE_LIMIT].date
    return Finding(
        code="PROXY_SESSIONS_EXCEEDED",
        severity=Severity.WARNING,
        template=N_(
            "{giver} gave a proxy to {holder} at {count} consecutive sessions of {body} "
            "({dates}): a proxy is valid for at most three consecutive sessions, except in case "
            "of a duly certified illness (« sauf cas de maladie dûment constatée »): check the "
            "proxies from the session of {beyond} on"
        ),
        params={
            "giver": names[0],
            "holder": names[1],
            "count": len(run),
            "body": last.body or "",
            "dates": dates,
            "beyond": str(beyond),
        },
        items=(),
        members=(giver, holder),
        rule=RULE,
    )
