"""Small builders for sessions in tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quorum import Member, Proxy, Role, Session, Stretch, Tally


def session(
    items: int,
    present: dict[str, tuple[str | None, str | None]],
    absent: tuple[str, ...] = (),
    proxies: tuple[tuple[str, str, str | None, str | None], ...] = (),
    substitutes: dict[str, str | None] | None = None,
    tallies: tuple[Tally, ...] = (),
    rules: str | Mapping[str, Any] | None = "fr-municipal",
    **kw: Any,
) -> Session:
    """A session with items "1".."items"; ``present`` maps ids to (from, until)."""
    substitutes = substitutes or {}
    ids = list(dict.fromkeys([*present, *absent, *substitutes]))
    members = [
        Member(
            id=i,
            name=i.upper(),
            role=Role.SUBSTITUTE if i in substitutes else Role.TITULAR,
            substitute_for=substitutes.get(i),
        )
        for i in ids
    ]
    return Session(
        agenda=[str(n) for n in range(1, items + 1)],
        members=members,
        attendance=[Stretch(member=m, from_item=f, until_item=u) for m, (f, u) in present.items()],
        proxies=[Proxy(giver=g, holder=h, from_item=f, until_item=u) for g, h, f, u in proxies],
        tallies=tallies,
        rules=rules,
        **kw,
    )


ALL = (None, None)
