"""Items and votes: the headings that open each item, the votes reported under them, and the
events (a member leaving or coming back) written inside the items.

The reading is anchored on the votes. Every statement after the attendance lists that reports a
vote (a count, unanimity, an outcome) is found first, whatever the headings. Then the headings:
every line that opens with a reference ("Rapport n°19", "Point 1 :", "1 - Titre", "1/", "1)",
"III.", "2021-045", "25-04/031 —", "20220131 01", a number alone on its line) is a candidate;
candidates of one shape form sequences (increasing numbers, a return to a small number starts a
new sequence: a table of contents, sub-points); the sequence whose headings each hold one vote
wins. A vote with no heading above it since the last vote is an item of its own; a second vote
under one heading is item ``"<label> (2)"``. When the minutes print the order of passage, only
keyword headings ("Rapport n°…") that name a listed item are used to place the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from quorum.findings import Finding, Source
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._item_notes import item_note
from quorum.parse._text import Doc, fold
from quorum.parse._votes import NotVoting, Vote, compatible, merge, read_not_voting, read_tally

MAX_STATEMENT = 1000
"""Longer statements are not searched for tallies (bounds the cost of every pattern)."""
GAP = 2
"""Statements of one vote are at most this many other non-empty lines apart."""
OUTCOME_GAP = 8
"""A bare outcome ("Adopte le rapport …") joins the vote above it up to this many lines apart."""
STEP = 3
"""A sequence of headings may skip this many numbers at most (a heading lost to OCR)."""
FURNITURE = 3
"""A line printed this many times is page furniture (a running header), never a heading."""
TITLE_CHARS = 60

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_PROPER = {"pour", "contre", "abstention", "npv", "blank", "blank_only", "null", "interested"}
_NUMBER_LINE = re.compile(r"[\d\s.,%€/:-]+$")


@dataclass
class Heading:
    label: str
    pos: int
    source: Source
    numbered: bool = True
    """False for "Questions diverses": an item only when a vote is taken under it."""


@dataclass
class Event:
    """A member arriving or leaving, placed on the first item it affects."""

    kind: str  # "arrive" or "leave"
    item: str
    who: str
    source: Source


@dataclass
class Items:
    """What was read of the agenda and the votes."""

    agenda: list[str]
    heads: list[Heading]
    votes: list[Vote]
    events: list[Event]
    absts: list[NotVoting]
    notes: list[Finding] = field(default_factory=list)


@dataclass
class _Cand:
    style: str
    value: int
    label: str
    pos: int
    source: Source
    alone: bool


@dataclass
class _Stmt:
    pos: int
    line: int
    source: Source
    vote: Vote | None = None
    event: tuple[str, str, str | None] | None = None  # kind, who, "after:N"/"before:N"
    nv: NotVoting | None = None


def roman(text: str) -> int | None:
    """The value of a roman numeral (I … L), or None."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def statements(text: str, base: int) -> list[tuple[int, int]]:
    """Spans of the lines of ``text``; a long line is also cut at sentence ends."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 300:
            spans.append((base + pos, base + pos + len(line)))
        else:
            sub = 0
            for m in re.finditer(r"\. (?=\S)", line):
                spans.append((base + pos + sub, base + pos + m.end()))
                sub = m.end()
            spans.append((base + pos + sub, base + pos + len(line)))
        pos += len(line) + 1
    return spans


# --- statements ----------------------------------------------------------------------------------


def vote_statements(doc: Doc, after: int) -> list[_Stmt]:
    out: list[_Stmt] = []
    for a, b in statements(doc.text[after:], after):
        f = doc.folded[a:b].strip()
        if not f or len(f) > MAX_STATEMENT:
            continue
        lead = len(doc.folded[a:b]) - len(doc.folded[a:b].lstrip())
        raw = doc.text[a + lead : a + lead + len(f)]
        src = Source(line=doc.line_no(a), text=doc.text[a:b].strip()[:200])
        st = _Stmt(a + lead, src.line or 0, src)
        if nv := read_not_voting(f, raw, "", src):
            st.nv = nv
        elif ev := _event(f, raw):
            st.event = ev
            out.append(st)
            continue
        st.vote = read_tally(f, "", src)
        if st.vote is not None or st.nv is not None:
            out.append(st)
    return out


def _event(f: str, raw: str) -> tuple[str, str, str | None] | None:
    """``(kind, who, anchor)`` of "Arrivée de X", "X quitte la salle", "X siège à nouveau"."""
    kind = who = None
    if m := V.EVENT_BEFORE.match(f):
        kinds = {"depart": "leave", "sortie": "leave", "retour": "return"}
        kind = kinds.get(m.group("kind"), "arrive")
        who = re.split(r"\s+(?:à|a)\s+\d|\s+\(|\s+(?:après|apres|avant)\s", raw[m.start("who") :])[
            0
        ]
    elif (m := V.EVENT_AFTER.match(f)) and not P.DECISION.search(f[: m.start("who")]):
        kind = "leave" if m.group("leave") else "return" if m.group("back") else "arrive"
        who = raw[m.start("who") : m.end("who")]
        if kind == "leave" and V.FOR_THIS_ITEM.search(f, m.end()):
            kind = "leave-one"
    if kind is None or who is None:
        return None
    anchor = None
    if m := P.RANGE_AFTER.search(f):
        anchor = f"after:{m.group('n')}"
    elif m := P.RANGE_BEFORE.search(f):
        anchor = f"before:{m.group('n')}"
    return kind, who.strip(" .,;"), anchor


def _close(doc: Doc, line_a: int, line_b: int, limit: int) -> bool:
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


def group_votes(doc: Doc, stmts: list[_Stmt], bounds: list[int]) -> list[tuple[int, Vote]]:
    """Vote statements in a row that can be one vote, as ``(position of the first, vote)``;
    never across a heading (``bounds``: sorted heading offsets)."""
    out: list[tuple[int, Vote]] = []
    last_line = -10
    last_pos = -1
    k = 0
    for st in stmts:
        v = st.vote
        if v is None:
            continue
        crossed = False
        while k < len(bounds) and bounds[k] <= st.pos:
            crossed = crossed or bounds[k] > last_pos
            k += 1
        if out and not crossed:
            cur = out[-1][1]
            bare = v.rank == 0 and not v.unanimous and not v.expressed_only
            # a statement of counts joins another at most one line apart, and never one that
            # counts the same category (two tallies in a row are two votes)
            limit = OUTCOME_GAP if bare else 1 if max(cur.rank, v.rank) >= 2 else GAP
            again = cur.counts.keys() & v.counts.keys() & {"pour", "contre", "abstention"}
            if not again and compatible(cur, v) and _close(doc, last_line, st.line, limit):
                merge(cur, v)
                last_line, last_pos = st.line, st.pos
                continue
        out.append((st.pos, dataclasses.replace(v, counts=dict(v.counts))))
        last_line, last_pos = st.line, st.pos
    return out


# --- headings ------------------------------------------------------------------------------------


def _furniture(doc: Doc) -> set[str]:
    counts = Counter(line.strip() for line in doc.text.split("\n") if line.strip())
    return {line for line, n in counts.items() if n >= FURNITURE}


def _candidates(doc: Doc, after: int) -> tuple[list[_Cand], list[Heading]]:
    """Numbered heading candidates, and the unnumbered headings ("Questions diverses")."""
    furniture = _furniture(doc)
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
        if m is None:
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
    if ref[0] in "ivxl":
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
        if len(parts) == 1:
            shape = "#"
            tail = ref[len(digits.group()) :].strip()
            label = f"{value} {tail}" if tail else str(value)
        else:
            shape = re.sub(r"\d", "9", ref[: ref.rfind(parts[-1])]) + "#"
            label = raw_ref
        if word is None and len(parts) == 1 and value > 200:
            return None
    if alone and word is None:
        # a number alone on its line next to a running header is a page number
        near = [lines[i] for i in (no - 2, no) if 0 <= i < len(lines) and lines[i]]
        if any(x in furniture or _NUMBER_LINE.match(x) for x in near):
            return None  # beside a number alone too: a column of a flattened table
    style = f"{word or ''}|{shape}|{sep or ''}"  # "1." alone on its line and "1. Titre" alike
    return _Cand(style, value, label, 0, Source(), alone)


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


def _score(run: list[_Cand], vote_pos: list[int], end: int) -> tuple[int, int, int]:
    """Two points per heading holding a vote, less one per further vote under a heading (an
    agenda list or page numbers swallow many); then the shape, then the length."""
    score = 0
    for i, c in enumerate(run):
        z = run[i + 1].pos if i + 1 < len(run) else end
        n = bisect.bisect_left(vote_pos, z) - bisect.bisect_left(vote_pos, c.pos)
        score += 2 + 1 - n if n else 0
    return score, 0 if run[0].alone else 1, len(run)


def choose_headings(doc: Doc, after: int, stmts: list[_Stmt]) -> list[Heading]:
    """The numbered headings of the best sequence, with the unnumbered ones after its start."""
    cands, plain = _candidates(doc, after)
    # votes as they would be if every candidate were a heading
    bounds = sorted({c.pos for c in cands} | {h.pos for h in plain})
    vote_pos = [p for p, _ in group_votes(doc, stmts, bounds)]
    best: list[_Cand] = []
    best_score = (0, 0, 0)
    for run in _runs(cands):
        s = _score(run, vote_pos, len(doc.text))
        if s[0] > 0 and s > best_score:
            best, best_score = run, s
    best = _fill_gaps(best, sorted(cands, key=lambda c: c.pos))
    heads = [Heading(c.label, c.pos, c.source) for c in best]
    if heads:
        taken = {h.pos for h in heads}
        seen = {h.label for h in heads}
        lines = sorted(h.source.line or 0 for h in heads)
        for h in plain:
            line = h.source.line or 0
            # "17." then "QUESTIONS DIVERSES" below it: the title of that heading
            k = bisect.bisect_left(lines, line)
            title = k > 0 and _close(doc, lines[k - 1], line, 1)
            if h.pos >= heads[0].pos and h.pos not in taken and h.label not in seen and not title:
                heads.append(h)
                seen.add(h.label)
        heads.sort(key=lambda h: h.pos)
    return heads


def _sub_points(doc: Doc, after: int) -> list[int]:
    """Where sub-points start ("a)", "b.", "6.1"): two votes are never one across them."""
    out = []
    for no in range(doc.line_no(after), len(doc.starts) + 1):
        start = doc.starts[no - 1]
        end = doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text)
        if end - start < 200 and V.SUB_POINT.match(doc.folded[start:end]):
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
            label = _norm(m.group("n"))
            if label in known:
                out.append(Heading(label, lead, Source(line=no, text=stripped[:200])))
    return out


def _norm(n: str) -> str:
    m = re.match(r"(\d+)\s*(bis|ter)?", n)
    if not m:
        return n
    return f"{int(m.group(1))} {m.group(2)}" if m.group(2) else str(int(m.group(1)))


# --- items ---------------------------------------------------------------------------------------


def _title(doc: Doc, start: int, vote_pos: int, furniture: set[str]) -> str | None:
    """The title of an unnumbered item: the last line between ``start`` and its vote that
    stands alone (after a blank line, no final stop), else the first line."""
    first: str | None = None
    alone: str | None = None
    blank = True
    for no in range(doc.line_no(start), doc.line_no(vote_pos)):
        text = doc.line(no)
        if not text or text in furniture:
            blank = blank or not text
            continue
        if doc.starts[no - 1] < start:
            continue
        was_blank, blank = blank, False
        text = text.strip(" *•-–—")
        words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 2]
        if len(words) < 2 or len(text) > 150:  # stamp noise ("NNVNNVY"), a number
            continue
        first = first or text
        if was_blank and text[0].isupper() and text[-1] not in ".;:":
            alone = text
    found = alone or first
    if found is None:
        return None
    found = found.rstrip(" ,;:.")
    return found if len(found) <= TITLE_CHARS else found[: TITLE_CHARS - 1].rstrip() + "…"


def read_items(doc: Doc, passage: list[str], after: int) -> Items:
    """The agenda in its order of passage, the votes, events and members not voting."""
    stmts = vote_statements(doc, after)
    notes: list[Finding] = []
    heads = find_headings(doc, passage, after) if passage else choose_headings(doc, after, stmts)
    groups = group_votes(doc, stmts, sorted({h.pos for h in heads} | set(_sub_points(doc, after))))
    furniture = _furniture(doc)
    # (label, decision point, vote or None, start of its text) in document order
    slots: list[tuple[str, int, Vote | None, int]] = []
    used: set[str] = set(passage)
    first_head = heads[0].pos if heads else len(doc.text) + 1
    prev_end = after
    for pos, v in groups:
        if pos >= first_head or passage:
            continue
        title = _title(doc, prev_end, pos, furniture) or f"vote {len(slots) + 1}"
        label = _unique(title, used)
        slots.append((label, pos, v, prev_end))
        notes.append(item_note("ITEM_UNNUMBERED", v.source, items=(label,), label=label))
        prev_end = doc.starts[min(doc.line_no(pos), len(doc.starts) - 1)]
    starts = [p for p, _ in groups]
    for i, h in enumerate(heads):
        z = heads[i + 1].pos if i + 1 < len(heads) else len(doc.text) + 1
        mine = groups[bisect.bisect_left(starts, h.pos) : bisect.bisect_left(starts, z)]
        if not mine and not h.numbered:
            continue
        if not mine and h.numbered:
            slots.append((_unique(h.label, used) if not passage else h.label, z - 1, None, h.pos))
            continue
        base = h.label if passage else _unique(h.label, used)
        for k, (p, v) in enumerate(mine):
            label = base if k == 0 else _unique(f"{base} ({k + 1})", used)
            if k:
                notes.append(
                    item_note(
                        "SECOND_VOTE_IN_ITEM", v.source, items=(label,), item=base, label=label
                    )
                )
            slots.append((label, p, v, h.pos))
    agenda = _agenda(passage, slots)
    votes: list[Vote] = []
    for label, _, slot_vote, _ in slots:
        if slot_vote is not None:
            slot_vote.item = label
            votes.append(slot_vote)
            proper = slot_vote.counts.keys() & _PROPER
            if proper and "pour" not in proper:
                # "Anne-Marie : 11 votes / Blanc : 1 vote" (votes by candidate), "à l'unanimité
                # et une abstention", "pour, 1 contre" (the pour count on the line above)
                counts = ", ".join(f"{key} {slot_vote.counts[key]}" for key in sorted(proper))
                notes.append(item_note("VOTE_COUNTS_UNREAD", slot_vote.source, items=(label,),
                                       item=label, counts=counts))  # fmt: skip
                for key in proper:
                    del slot_vote.counts[key]
    events, absts = _events(stmts, slots, agenda, notes)
    return Items(agenda, heads, votes, events, absts, notes)


def _unique(label: str, used: set[str]) -> str:
    out, n = label, 2
    while out in used:
        out, n = f"{label} ({n})", n + 1
    used.add(out)
    return out


def _agenda(passage: list[str], slots: list[tuple[str, int, Vote | None, int]]) -> list[str]:
    if not passage:
        return [label for label, _, _, _ in slots]
    agenda = list(passage)
    for label, _, _, _ in slots:
        if label not in agenda:  # a further vote under a listed item goes after it
            base = label.rsplit(" (", 1)[0]
            prev = [x for x in agenda if x == base or x.startswith(f"{base} (")]
            agenda.insert(agenda.index(prev[-1]) + 1 if prev else len(agenda), label)
    return agenda


def _events(
    stmts: list[_Stmt],
    slots: list[tuple[str, int, Vote | None, int]],
    agenda: list[str],
    notes: list[Finding],
) -> tuple[list[Event], list[NotVoting]]:
    """Events placed on the first item they affect; members not voting on the vote of their
    item they are written before (else the last)."""
    points = sorted((p, label) for label, p, _, _ in slots)
    at = [p for p, _ in points]
    segments: dict[int, list[tuple[int, str]]] = {}
    for label, p, _, start in slots:
        segments.setdefault(start, []).append((p, label))
    starts = sorted(segments)
    index = {label: i for i, label in enumerate(agenda)}
    events: list[Event] = []
    absts: list[NotVoting] = []
    gone: set[str] = set()  # who left (as written), for the returns
    for st in stmts:
        if st.nv is not None:
            k = bisect.bisect_right(starts, st.pos) - 1
            if k >= 0:
                here = sorted(segments[starts[k]])
                st.nv.item = next((lab for p, lab in here if p >= st.pos), here[-1][1])
                absts.append(st.nv)
        if st.event is None:
            continue
        kind, who, anchor = st.event
        item = _place(st.pos, anchor, points, at, index, agenda)
        if item is None:
            if anchor is not None:
                notes.append(item_note("EVENT_NOT_PLACED", st.source, who=who, anchor=anchor))
            continue
        key = _who_key(who)
        if kind == "return":
            if key not in gone:
                notes.append(item_note("RETURN_WITHOUT_DEPARTURE", st.source, who=who))
                continue
            gone.discard(key)
            kind = "arrive"
        elif kind in ("leave", "leave-one"):
            gone.add(key)
        if kind == "leave-one":  # back for the next item
            events.append(Event("leave", item, who, st.source))
            i = index[item] + 1
            if i < len(agenda):
                events.append(Event("arrive", agenda[i], who, st.source))
            gone.discard(key)
            continue
        events.append(Event(kind, item, who, st.source))
    return events, absts


def _who_key(who: str) -> str:
    """The last word of a name as written, folded ("Monsieur Leroux" and "M. LEROUX" alike)."""
    words = fold(who).replace(".", " ").split()
    return words[-1] if words else ""


def _place(
    pos: int,
    anchor: str | None,
    points: list[tuple[int, str]],
    at: list[int],
    index: dict[str, int],
    agenda: list[str],
) -> str | None:
    """The first item an event affects: named ("après le vote du point 12"), or the first item
    decided after it."""
    if anchor is not None:
        how, _, n = anchor.partition(":")
        i = index.get(_norm(n))
        if i is None:
            return None
        i += 1 if how == "after" else 0
        return agenda[i] if i < len(agenda) else None
    k = bisect.bisect_left(at, pos)
    return points[k][1] if k < len(points) else None
