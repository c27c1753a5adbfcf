"""A brute-force counter for the parser tests (the real one is quorum.audit)."""

from __future__ import annotations

import re

from quorum.model import Session


def present_at(session: Session, label: str) -> set[str]:
    p = session.position(label)
    out = set()
    for st in session.attendance:
        a = 1 if st.from_item is None else session.position(st.from_item)
        z = len(session.agenda) if st.until_item is None else session.position(st.until_item)
        if a <= p <= z:
            out.add(st.member)
    return out


def usable_proxies(session: Session, label: str) -> int:
    p = session.position(label)
    here = present_at(session, label)
    n = 0
    for px in session.proxies:
        a = 1 if px.from_item is None else session.position(px.from_item)
        z = len(session.agenda) if px.until_item is None else session.position(px.until_item)
        if a <= p <= z and px.giver not in here and px.holder in here:
            n += 1
    return n


def expected_labels(items: list[dict[str, object]]) -> list[str]:
    """'1/' -> '1', '1) Approbation…' -> '1', a second 'III (…)' -> 'III (2)'."""
    seen: dict[str, int] = {}
    out = []
    for it in items:
        m = re.match(r"[0-9]+|[IVXL]+", str(it["item"]))
        assert m, it
        label = m.group()
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out
