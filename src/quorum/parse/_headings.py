"""Item headings: every line that opens with a reference is a candidate; candidates of one
shape make sequences; the sequence whose headings each hold one vote wins (see ``_items``).

Heading styles are data (``_itemwords.HEADING``): "Rapport n°19", "Point 1 :", "1 - Titre",
"1/", "1)", "III.", "2021-045", "25-04/031 —", "20220131 01", a number alone on its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from quorum.findings import Source
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._text import Doc

STEP = 3
"""A sequence of headings may skip this many numbers at most (a heading lost to OCR)."""
FURNITURE = 3
"""A line printed this many times is page furniture (a running header), never a heading."""

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_NUMBER_LINE = re.compile(r"[\d\s.,%€/:-]+$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class Heading:
    label: str
    pos: int
    source: Source
    numbered: bool = True
    """False for "Questions diverses": an item only when a vote is taken under it."""


@dataclass
class _Cand:
    style: str
    value: int
    label: str
    pos: int
    source: Source
    alone: bool


def roman(text: str) -> int | None:
    """The value of a roman numeral (I … L), or None."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def close(doc: Doc, line_a: int, line_b: int, limit: int) -> bool:
    """At most ``limit`` non-empty lines strictly between lines ``line_a`` and ``line_b``."""
    if line_b - line_a - 1 <= limit:
        return True
    n = 0
    for no in range(line_a + 1, line_b):
        if doc.line(no):
            n += 1
            if n > limit:
                return False
    return True


def page_furniture(doc: Doc) -> set[str]:
    counts = Counter(line.strip() for line in doc.text.split("\n") if line.strip())
    return {line for line, n in counts.items() if n >= FURNITURE}


def _candidates(doc: Doc, after: int) -> tuple[list[_Cand], list[Heading]]:
    """Numbered heading candidates, and the unnumbered headings ("Questions diverses")."""
    furniture = page_furniture(doc)
    cands: list[_Cand] = []
    plain: list[Heading] = []
    first = doc.line_no(after)
    lines = [doc.line(no) for no in range(1, len(doc.starts) + 1)]
    for no in range(first, len(lines) + 1):
        stripped = lines[no - 1]
        if not stripped or stripped in furniture:
            continue
        start = doc.starts[no - 1]
        lead = start + doc.text[start:].index(stripped[0])
        folded = doc.folded[lead : lead + len(stripped)]
        src = Source(line=no, text=stripped[:200])
        for im in P.HEAD_INLINE.finditer(stripped):
            if im.start() > 0 and lead + im.start() >= after:
                # "… unanimité. 2) Règlement intérieur" inside a long line
                text = stripped[im.start() : im.start() + 120].split(". ")[0]
                n = int(im.group("n"))
                cands.append(
                    _Cand(
                        "inline", n, str(n), lead + im.start(), Source(line=no, text=text), False
                    )
                )
        if lead < after or len(stripped) > 400:
            continue
        if um := V.UNNUMBERED.match(folded):
            title = stripped[um.start("title") : um.end("title")]
            plain.append(Heading(title[0].upper() + title[1:].lower(), lead, src, numbered=False))
        m = V.HEADING.match(folded)
        if m is None or (V.TABLE_ROW.match(folded) and re.search(r"[|\t]", folded)):
            # "12 | 2 | 0": a vote table's counts, no heading
            continue
        cand = _candidate(m, stripped, lines, no, furniture)
        if cand is not None:
            cand.pos, cand.source = lead, src
            cands.append(cand)
    return cands, plain


def _candidate(
    m: re.Match[str], raw: str, lines: list[str], no: int, furniture: set[str]
) -> _Cand | None:
    word, ref, sep, rest = m.group("word"), m.group("ref"), m.group("sep"), m.group("rest")
    raw_ref = raw[m.start("ref") : m.end("ref")]
    raw_rest = raw[m.start("rest") :]
    alone = not rest.strip()
    titled = bool(raw_rest[:1]) and (raw_rest[0].isupper() or raw_rest[0] in "«\"'")
    coded = bool(re.search(r"\d[ ./-]\d", ref))  # "2021 06 11 versement …": a code is enough
    if not (sep or alone or titled or (coded and rest[:1].isalpha())):
        return None
    if sep == "." and rest[:1].isdigit():
        return None
    if ref[0].isalpha() and ref[-1].isdigit() and not re.match(r"[A-Z]+-\d", raw_ref):
        return None  # a code before the number is in capitals ("CC-2024-045")
    if ref[0] in "ivxl" and not ref[-1].isdigit():
        if not raw_ref.isupper() or (word is None and not (sep or alone)):
            return None
        value = roman(raw_ref)
        if value is None:
            return None
        shape, label = "R", raw_ref
    else:
        parts = re.split(r"[-/. ]", ref)
        if not parts[-1].isdigit() and not re.match(r"\d+", parts[-1]):
            return None
        digits = re.match(r"\d+", parts[-1])
        assert digits is not None
        value = int(digits.group())
        if len(parts) == 2 and _YEAR.fullmatch(parts[-1]) and parts[0].isdigit():
            # "12/2023": the number, then the year
            return _finish(word, f"#/{parts[-1]}", int(parts[0]), raw_ref, sep, alone, lines, no,
                           furniture)  # fmt: skip
        if len(parts) == 1:
            shape = "#"
            tail = ref[len(digits.group()) :].strip()
            label = f"{value} {tail}" if tail else str(value)
        else:
            shape = re.sub(r"\d", "9", ref[: ref.rfind(parts[-1])]) + "#"
            label = raw_ref
        if word is None and len(parts) == 1 and value > 200:
            return None
    return _finish(word, shape, value, label, sep, alone, lines, no, furniture)


def _finish(
    word: str | None,
    shape: str,
    value: int,
    label: str,
    sep: str | None,
    alone: bool,
    lines: list[str],
    no: int,
    furniture: set[str],
) -> _Cand | None:
    """The candidate, unless a number alone on its line is a page number."""
    if alone and word is None:
        # a number alone on its line next to a running header is a page number
        near = [x for x in (_nearest(lines, no - 2, -1, 1), _nearest(lines, no, +1, 1)) if x]
        if any(x in furniture or _NUMBER_LINE.match(x) for x in near):
            return None  # beside a number alone too: a column of a flattened table
        # a bare number under a dated running header, across blank lines: a page number
        header = _nearest(lines, no - 2, -1, 3)
        if not sep and header in furniture and _YEAR.search(header):
            return None
    style = f"{word or ''}|{shape}|{sep or ''}"  # "1." alone on its line and "1. Titre" alike
    return _Cand(style, value, label, 0, Source(), alone)


def _nearest(lines: list[str], i: int, step: int, reach: int) -> str:
    """The first non-empty line from index ``i`` on, going by ``step`` (at most ``reach``)."""
    for k in range(i, i + reach * step, step):
        if 0 <= k < len(lines) and lines[k]:
            return lines[k]
    return ""


def _runs(cands: list[_Cand]) -> list[list[_Cand]]:
    """Sequences of increasing numbers within each style."""
    by_style: dict[str, list[_Cand]] = {}
    for c in cands:
        by_style.setdefault(c.style, []).append(c)
    runs: list[list[_Cand]] = []
    for group in by_style.values():
        open_runs: list[list[_Cand]] = []
        by_last: dict[int, list[list[_Cand]]] = {}  # the runs ending at a value
        for c in group:
            fits = [r for d in range(1, STEP + 1) for r in by_last.get(c.value - d, [])]
            if not fits and c.value <= STEP and (up := _outer(c.label)) is not None:
                # "2.1" after "1.2": the numbering starts again under the next part
                fits = [r for rs in by_last.values() for r in rs if _outer(r[-1].label) == up - 1]
            if fits:
                run = max(fits, key=len)
                by_last[run[-1].value].remove(run)
                run.append(c)
            else:
                run = [c]
                open_runs.append(run)
            by_last.setdefault(c.value, []).append(run)
        runs += open_runs
    return runs


def _outer(label: str) -> int | None:
    """The number of the part of a dotted sub-point ("2" of "2.1"), or None."""
    m = re.fullmatch(r"(\d{1,2})\.\d{1,2}", label)
    return int(m.group(1)) if m else None


def _score(run: list[_Cand], vote_pos: list[int], end: int) -> tuple[int, int, int]:
    """Two points per heading holding a vote, less one per further vote under a heading (an
    agenda list or page numbers swallow many); then the shape, then the length."""
    score = 0
    for i, c in enumerate(run):
        z = run[i + 1].pos if i + 1 < len(run) else end
        n = bisect.bisect_left(vote_pos, z) - bisect.bisect_left(vote_pos, c.pos)
        score += 2 + 1 - n if n else 0
    return score, 0 if run[0].alone else 1, len(run)


def choose_headings(
    doc: Doc, after: int, votes_between: Callable[[list[int]], list[int]]
) -> list[Heading]:
    """The numbered headings of the best sequence, with the unnumbered ones after its start.

    ``votes_between(bounds)`` gives where the votes start when no vote runs across a bound.
    """
    cands, plain = _candidates(doc, after)
    # votes as they would be if every candidate were a heading
    vote_pos = votes_between(sorted({c.pos for c in cands} | {h.pos for h in plain}))
    best: list[_Cand] = []
    best_score = (0, 0, 0)
    for run in _runs(cands):
        s = _score(run, vote_pos, len(doc.text))
        if s[0] > 0 and s > best_score:
            best, best_score = run, s
    ordered = sorted(cands, key=lambda c: c.pos)
    best = _extend(_fill_gaps(best, ordered), ordered, vote_pos, len(doc.text))
    heads = [Heading(c.label, c.pos, c.source) for c in best]
    if heads:
        taken = {h.pos for h in heads}
        seen = {h.label for h in heads}
        lines = sorted(h.source.line or 0 for h in heads)
        for h in plain:
            line = h.source.line or 0
            # "17." then "QUESTIONS DIVERSES" below it: the title of that heading
            k = bisect.bisect_left(lines, line)
            title = k > 0 and close(doc, lines[k - 1], line, 1)
            if h.pos >= heads[0].pos and h.pos not in taken and h.label not in seen and not title:
                heads.append(h)
                seen.add(h.label)
        heads.sort(key=lambda h: h.pos)
    return heads


def sub_points(doc: Doc, after: int) -> list[int]:
    """Where sub-points ("a)", "b.", "6.1") and titles without a number ("Objet : …") start:
    two votes are never one across them."""
    out = []
    for no in range(doc.line_no(after), len(doc.starts) + 1):
        start = doc.starts[no - 1]
        end = doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text)
        line = doc.folded[start:end]
        if end - start < 200 and (V.SUB_POINT.match(line) or V.TITLE_LINE.match(line)):
            out.append(start)
    return out


def _fill_gaps(run: list[_Cand], cands: list[_Cand]) -> list[_Cand]:
    """A heading missing between two of the sequence, written in another style ("3-Fête du
    lac" between "20230911 2-…" and "20230911 4-…", its prefix lost to OCR)."""
    if len(run) < 2:
        return run
    out = [run[0]]
    k = 0
    for a, b in itertools.pairwise(run):
        last = a
        while k < len(cands) and cands[k].pos <= a.pos:
            k += 1
        j = k
        while j < len(cands) and cands[j].pos < b.pos:
            c = cands[j]
            if last.value < c.value < b.value and c.value == last.value + 1:
                out.append(c)
                last = c
            j += 1
        out.append(b)
    return out


def _extend(run: list[_Cand], cands: list[_Cand], vote_pos: list[int], end: int) -> list[_Cand]:
    """The sequence continued in another style at either end ("1. Budget" before "Point 2 :",
    "Point 3 :"): the nearest candidate numbered one less before its first heading (one more
    after its last) that holds a vote before the next candidate."""
    if not run:
        return run
    starts = [c.pos for c in cands]

    def holds_vote(c: _Cand) -> bool:
        k = bisect.bisect_right(starts, c.pos)
        z = starts[k] if k < len(starts) else end
        return bisect.bisect_left(vote_pos, z) > bisect.bisect_left(vote_pos, c.pos)

    out = list(run)
    while True:
        head = out[0]
        before = [c for c in cands if c.pos < head.pos and c.value == head.value - 1]
        if not before or not holds_vote(before[-1]):
            break
        out.insert(0, before[-1])
    while True:
        tail = out[-1]
        after = [c for c in cands if c.pos > tail.pos and c.value == tail.value + 1]
        if not after or not holds_vote(after[0]):
            break
        out.append(after[0])
    return out


def find_headings(doc: Doc, agenda: list[str], after: int) -> list[Heading]:
    """Keyword headings ("Rapport n°19") that name an item of the printed order of passage."""
    known = set(agenda)
    out: list[Heading] = []
    for no in range(doc.line_no(after), len(doc.starts) + 1):
        stripped = doc.line(no)
        if not stripped:
            continue
        start = doc.starts[no - 1]
        lead = start + doc.text[start:].index(stripped[0])
        if lead < after:
            continue
        folded = doc.folded[lead : lead + len(stripped)]
        if m := P.HEAD_KEYWORD.match(folded):
            label = norm(m.group("n"))
            if label in known:
                out.append(Heading(label, lead, Source(line=no, text=stripped[:200])))
    return out


def norm(n: str) -> str:
    m = re.match(r"(\d+)\s*(bis|ter)?", n)
    if not m:
        return n
    return f"{int(m.group(1))} {m.group(2)}" if m.group(2) else str(int(m.group(1)))


# --- items ---------------------------------------------------------------------------------------
