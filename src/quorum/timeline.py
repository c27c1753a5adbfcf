"""Item positions as half-open intervals: span sets, sweeps over interval ends, interval trees.

Items are numbered by their *position* in the order of passage, from 0 here (the public API and
the JSON show ``position + 1``). An inclusive range of items ``first .. last`` is the half-open
span ``[pos(first), pos(last) + 1)``; :func:`span` is the one place that makes one. A *span set*
is a sorted tuple of disjoint, non-adjacent, non-empty spans.

This module knows nothing about rules. It is the only importer of :mod:`intervaltree`, which
serves where a tree is the right tool: looking up what covers one position (:class:`PointIndex`)
and cutting overlapping spans of one holder into pieces (:func:`allocate`). Per-item totals for
all items come from one sweep over interval ends (:func:`sweep`), not one query per item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from intervaltree import Interval, IntervalTree

Span = tuple[int, int]
Spans = tuple[Span, ...]
Weight = int | Decimal
EMPTY: Spans = ()
K = TypeVar("K", bound=Hashable)


def span(first: int | None, last: int | None, length: int) -> Spans:
    """The span set of an inclusive range of 0-based positions (``None``: open end)."""
    begin = 0 if first is None else first
    end = length if last is None else last + 1
    return ((begin, end),) if begin < end else EMPTY


def union(spans: Iterable[Span]) -> Spans:
    """Merge spans (in any order, overlapping or adjacent) into a span set."""
    out: list[list[int]] = []
    for b, e in sorted(s for s in spans if s[0] < s[1]):
        if out and b <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([b, e])
    return tuple((b, e) for b, e in out)


def intersect(a: Spans, b: Spans) -> Spans:
    """The positions in both span sets."""
    if not a or not b:
        return EMPTY
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def subtract(a: Spans, b: Spans) -> Spans:
    """The positions in ``a`` and not in ``b``."""
    if not a or not b:
        return a
    out: list[Span] = []
    j = 0
    for lo, hi in a:
        cur = lo
        while j < len(b) and b[j][1] <= cur:
            j += 1
        k = j
        while k < len(b) and b[k][0] < hi:
            if b[k][0] > cur:
                out.append((cur, b[k][0]))
            cur = max(cur, b[k][1])
            k += 1
        if cur < hi:
            out.append((cur, hi))
    return tuple(out)


def positions(spans: Spans) -> Iterable[int]:
    """Every position in a span set, in order."""
    for b, e in spans:
        yield from range(b, e)


def sweep(length: int, entries: Iterable[tuple[Spans, Weight]]) -> tuple[list[int], list[Weight]]:
    """Count, for every position, the entries covering it and the sum of their weights.

    One pass over interval ends: O(intervals + length), whatever the number of positions.
    """
    heads = [0] * (length + 1)
    weights: list[Weight] = [0] * (length + 1)
    for spans, weight in entries:
        for b, e in spans:
            heads[b] += 1
            heads[e] -= 1
            weights[b] += weight
            weights[e] -= weight
    count_out: list[int] = []
    weight_out: list[Weight] = []
    c: int = 0
    w: Weight = 0
    for i in range(length):
        c += heads[i]
        w += weights[i]
        count_out.append(c)
        weight_out.append(w)
    return count_out, weight_out


class PointIndex:
    """What covers a position: an interval tree over span sets, built on first use.

    ``entries[i]`` is the span set of the i-th thing (a member, a proxy); :meth:`at` returns the
    indexes of the things covering a position, in increasing order. Entries sharing a span share
    one interval (intervaltree hashes an interval by its ends only, so thousands of equal spans
    in one tree would make every query quadratic).
    """

    def __init__(self, entries: Sequence[Spans]) -> None:
        self._entries = entries
        self._tree: IntervalTree | None = None

    def at(self, position: int) -> list[int]:
        """Indexes of the entries covering ``position``; O(log n + m) once the tree is built."""
        if self._tree is None:
            same: dict[Span, list[int]] = defaultdict(list)
            for i, spans in enumerate(self._entries):
                for piece in spans:
                    same[piece].append(i)
            self._tree = IntervalTree(Interval(b, e, tuple(ix)) for (b, e), ix in same.items())
        return sorted(i for iv in self._tree.at(position) for i in iv.data)


Limit = Callable[[list[K]], int | None]
"""A limit that depends on which claims compete on a piece (``None``: no limit there)."""


def allocate(
    claims: Sequence[tuple[K, Spans]], limit: int | Limit[K] | None
) -> dict[K, tuple[Spans, Spans]]:
    """Share out positions among competing claims, at most ``limit`` claims per position.

    ``claims`` are in priority order (earlier wins). ``limit`` is a number, ``None`` (no limit)
    or a function of the keys competing on a piece. Returns, per claim key, the positions it
    keeps and the positions it loses. The overlaps are found with an interval tree cut at every
    claim's ends.
    """
    if limit is None or (isinstance(limit, int) and len(claims) <= limit):  # a limit of 0 too
        return {key: (spans, EMPTY) for key, spans in claims}
    tree = IntervalTree(
        Interval(b, e, rank) for rank, (_, spans) in enumerate(claims) for b, e in spans
    )
    tree.split_overlaps()
    pieces: dict[Span, list[int]] = defaultdict(list)
    for iv in tree:
        pieces[(iv.begin, iv.end)].append(iv.data)
    kept: dict[int, list[Span]] = defaultdict(list)
    lost: dict[int, list[Span]] = defaultdict(list)
    for piece, ranks in pieces.items():
        ranks.sort()
        cap = limit if isinstance(limit, int) else limit([claims[r][0] for r in ranks])
        for n, rank in enumerate(ranks):
            (kept if cap is None or n < cap else lost)[rank].append(piece)
    return {key: (union(kept[rank]), union(lost[rank])) for rank, (key, _) in enumerate(claims)}
