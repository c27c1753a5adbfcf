"""Attendance as a grid of ticks (``parse/_grid.py``): generated grids, known answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.audit import Verdict, audit
from quorum.parse import parse_minutes

FIRST = ["Jean", "Marie", "Luc", "Anne", "Paul", "Eva", "Marc", "Julie", "Yves", "Odile", "Rémi"]
LAST = ["DUBOIS", "PERRET", "COLIN", "RIOU", "MASSE", "TISSOT", "VERDIER", "BRUNEL", "GALLET"]
HEADERS = [
    ("Conseillers", "Présent", "Absent", "Pouvoir à"),
    ("Nom Prénom", "Présents", "Excusés", "Procuration à"),
    ("Membres", "P", "A", "Représenté par"),
]


@st.composite
def grids(draw: st.DrawFn) -> tuple[str, int, int]:
    """A grid of 3 to 9 members, a majority present, the others absent, some with a proxy to a
    present member: right minutes, whose counts are known."""
    n = draw(st.integers(3, 9))
    names = [f"{LAST[i]} {FIRST[i]}" for i in range(n)]
    rest = draw(st.lists(st.sampled_from(["p", "a", "r"]), min_size=n - n // 2 - 1, max_size=n))
    states = draw(st.permutations(["p"] * (n // 2 + 1) + rest[: n - n // 2 - 1]))  # a quorum
    present = [nm for nm, s in zip(names, states, strict=True) if s == "p"]
    holders = iter(present)
    head = draw(st.sampled_from(HEADERS))
    mark = draw(st.sampled_from(["X", "x", "✓", "oui"]))
    rows, proxies = [], 0
    for nm, s in zip(names, states, strict=True):
        holder = next(holders, None) if s == "r" else None
        proxies += holder is not None
        rows.append(
            f"| {nm} | {mark if s == 'p' else ''} | {mark if s != 'p' else ''} | {holder or ''} |"
        )
    voters = len(present) + proxies
    text = (
        "COMMUNE DE TESTVILLE\nConseil municipal du 5 juillet 2021\n\n"
        f"| {' | '.join(head)} |\n|---|---|---|---|\n" + "\n".join(rows)
        + f"\n\n1. Budget\nPour : {voters} - Contre : 0 - Abstention : 0\n"
    )  # fmt: skip
    return text, len(present), proxies


@settings(max_examples=60, deadline=None)
@given(grids())
def test_generated_grids_are_read(grid: tuple[str, int, int]) -> None:
    text, present, proxies = grid
    result = audit(parse_minutes(text))
    item = result.items[0]
    assert (item.present_count, item.proxy_count) == (present, proxies)
    assert result.verdict is Verdict.VALID
