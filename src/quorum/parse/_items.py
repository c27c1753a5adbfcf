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
import re
from dataclasses import dataclass, field

from quorum.findings import Finding, Source
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._headings import (
    Heading,
    choose_headings,
    close,
    find_headings,
    norm,
    page_furniture,
    sub_points,
)
from quorum.parse._item_notes import item_note
from quorum.parse._text import Doc, fold
from quorum.parse._votes import (
    LESS,
    NotVoting,
    Vote,
    compatible,
    looks_named,
    merge,
    read_not_voting,
    read_tally,
)

MAX_STATEMENT = 1000
"""Longer statements are not searched for tallies (bounds the cost of every pattern)."""
GAP = 2
"""Statements of one vote are at most this many other non-empty lines apart."""
OUTCOME_GAP = 8
ANNOUNCE_GAP = 20
"""Under a heading, "Le Conseil, après en avoir délibéré," joins its result up to this many lines
below (the recitals between: "Vu …", "Considérant …")."""
"""A bare outcome ("Adopte le rapport …") joins the vote above it up to this many lines apart."""
TITLE_CHARS = 60
_LESS = {"contre", "abstention", "npv", LESS}
_NOT_CAST = {"abstention", "blank", "blank_only", "null", "npv", "interested", LESS}
"""Counts of those who cast no vote: with any of them printed, nothing is deduced."""
"""What "à l'unanimité" may be less of."""

_PROPER = {
    "pour",
    "contre",
    "abstention",
    "npv",
    "blank",
    "blank_only",
    "null",
    "interested",
    LESS,
}


@dataclass
class Event:
    """A member arriving or leaving, placed on the first item it affects."""

    kind: str  # "arrive" or "leave"
    item: str
    who: str
    source: Source
    holder: str | None = None
    """Whom a member leaving gives a proxy to ("quitte la séance et donne pouvoir à M. Y")."""


@dataclass
class Items:
    """What was read of the agenda and the votes."""

    agenda: list[str]
    heads: list[Heading]
    votes: list[Vote]
    events: list[Event]
    absts: list[NotVoting]
    notes: list[Finding] = field(default_factory=list)
    points: list[tuple[int, str]] = field(default_factory=list)
    """Where each item is decided (its vote, else the end of its text), sorted: clock-time
    events are placed against them."""
    snapshots: bool = False
    """No item was found: the agenda is snapshots of the attendance at clock times (``_clock``)."""


@dataclass
class _Stmt:
    pos: int
    line: int
    source: Source
    vote: Vote | None = None
    event: tuple[str, str, str | None] | None = None  # kind, who, "after:N"/"before:N"
    nv: NotVoting | None = None
    holder: str | None = None  # a leaving member's proxy holder, as written


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
    """Every statement after ``after`` that reports a vote, an event or a member not voting."""
    out: list[_Stmt] = []
    prev = (after, after)
    for a, b in statements(doc.text[after:], after):
        f = doc.folded[a:b].strip()
        if not f or len(f) > MAX_STATEMENT:
            continue
        before, prev = prev, (a, b)
        if (table := _table(doc, before, f)) is not None:
            out.append(table)  # "Pour | Contre | Abstention" / "14 | 0 | 0"
            continue
        split = _SPLIT_COUNT.match(f)
        if split and (joined := _joined(doc, before, (a, b))) is not None:
            out.append(joined)  # "… soit 19" / "pour, 1 contre et 3 abstentions :"
            continue
        lead = len(doc.folded[a:b]) - len(doc.folded[a:b].lstrip())
        raw = doc.text[a + lead : a + lead + len(f)]
        src = Source(line=doc.line_no(a), text=doc.text[a:b].strip()[:200])
        st = _Stmt(a + lead, src.line or 0, src)
        hm = V.LEAVE_PROXY_NEXT.match(f) or V.LEAVE_PROXY_LINE.match(f)
        if hm and (gone := _left_above(out, before)):
            gone.holder = raw[hm.start("holder") : hm.end("holder")].strip(" .,;")
            continue  # "M. X quitte la séance." / "Il donne pouvoir à M. Y."
        if nv := read_not_voting(f, raw, "", src):
            st.nv = nv
        elif ev := _event(f, raw) or _event_above(doc, before, f):
            st.event = ev
            hm = V.LEAVE_PROXY.search(f) or V.LEAVE_PROXY_ASIDE.search(f)
            if ev[0] in ("leave", "leave-one") and hm:
                st.holder = raw[hm.start("holder") : hm.end("holder")].strip(" .,;")
            out += _each_named(st)
            continue
        st.vote = _named_vote(f, raw, src, _next_line(doc, b)) or read_tally(f, "", src)
        if st.vote is not None or st.nv is not None:
            out.append(st)
    return out


def _each_named(st: _Stmt) -> list[_Stmt]:
    """The event of each member named in it: "Mme X et M. Y quittent la salle", "MM. X et Y
    se retirent" (a proxy is one member's: no holder is kept for several)."""
    assert st.event is not None
    kind, who, anchor = st.event
    parts = [p.strip(" .") for p in re.split(r",|\bet\b", who)]
    if len(parts) < 2 or not all(looks_named(p) for p in parts):
        return [st]
    lead = re.match(r"(?:mm|mmes|messieurs|mesdames)\.?\s+", parts[0], re.IGNORECASE)
    if lead:
        parts[0] = parts[0][lead.end() :]
    return [dataclasses.replace(st, event=(kind, p, anchor), holder=None) for p in parts]


def _next_line(doc: Doc, end: int) -> str:
    """The text of the line after the one ending at ``end``."""
    stop = doc.text.find("\n", end + 1)
    return doc.text[end + 1 : stop if stop >= 0 else len(doc.text)].strip()


def _named_vote(f: str, raw: str, src: Source, below: str) -> Vote | None:
    """ "Ont voté pour : M. A, Mme B et M. C": one side of a vote by name, its names counted;
    a part that is not a name ("Pour : le maintien du tarif"), a proxy told beside a name, or
    names going on to the next line are no count (a name missed would be a false mismatch)."""
    m = V.NAMED_VOTE.match(f)
    if m is None or V.PROXY_WORD.search(f):
        return None
    first = re.split(r",|;", below)[0].strip(" .")
    if below and not V.NAMED_VOTE.match(fold(below)) and looks_named(first):
        return None
    group = "abst" if m.group("abst") else "names"
    what = "abstention" if group == "abst" else m.group("what")
    parts = [p.strip(" .") for p in re.split(r",|;|\bet\b", raw[m.start(group) : m.end(group)])]
    if not parts or not all(looks_named(p) for p in parts):
        return None
    return read_tally(f"{what} : {len(parts)}", "", src)


def _left_above(out: list[_Stmt], above: tuple[int, int]) -> _Stmt | None:
    """The departure read on the line just above, with no proxy yet, if any."""
    last = out[-1] if out else None
    if (
        last is None
        or last.event is None
        or last.event[0] not in ("leave", "leave-one")
        or last.holder is not None
        or not above[0] <= last.pos < above[1]
    ):
        return None
    return last


_SPLIT_COUNT = re.compile(r"(?:voix\ +|votes?\ +)?pour\ *(?:,|et\b)")
"""A line that starts with "pour," (no count of its own): its count may end the line above."""


def _table(doc: Doc, above: tuple[int, int], f: str) -> _Stmt | None:
    """A vote table: its head row of categories on the line above, its counts on this one,
    cell by cell ("Pour | Contre | Abstention" / "14 | 0 | 0"); cells that do not pair up are
    no table."""
    row = V.TABLE_ROW.match(f)
    top = doc.folded[above[0] : above[1]].strip()
    head = V.TABLE_HEAD.match(top) if row else None
    if row is None or head is None:
        return None
    names = [c.strip(" |") for c in V.CELL_SEP.split(head.group("cells"))]
    names = [n for n in names if n]
    counts = re.findall(r"\d{1,4}", row.group("cells"))
    if len(names) != len(counts):
        return None
    stated = " - ".join(f"{n} : {c}" for n, c in zip(names, counts, strict=True))
    text = f"{doc.text[above[0] : above[1]].strip()} / {row.group().strip()}"
    src = Source(line=doc.line_no(above[0]), text=text[:200])
    vote = read_tally(stated, "", src)
    if vote is None:
        return None
    lead = len(doc.folded[above[0] : above[1]]) - len(doc.folded[above[0] : above[1]].lstrip())
    return _Stmt(above[0] + lead, src.line or 0, src, vote=vote)


def _joined(doc: Doc, above: tuple[int, int], here: tuple[int, int]) -> _Stmt | None:
    """The vote of two lines read as one, when the line above ends with the first count."""
    top = doc.folded[above[0] : above[1]].rstrip()
    if not re.search(r"\d{1,4}$", top) or len(top) > MAX_STATEMENT:
        return None
    f = f"{top} {doc.folded[here[0] : here[1]].strip()}"
    text = f"{doc.text[above[0] : above[1]].strip()} {doc.text[here[0] : here[1]].strip()}"
    src = Source(line=doc.line_no(above[0]), text=text[-200:])
    vote = read_tally(f, "", src)
    if vote is None or "pour" not in vote.counts:
        return None
    lead = len(doc.folded[above[0] : above[1]]) - len(doc.folded[above[0] : above[1]].lstrip())
    return _Stmt(above[0] + lead, src.line or 0, src, vote=vote)


def _event(f: str, raw: str) -> tuple[str, str, str | None] | None:
    """``(kind, who, anchor)`` of "Arrivée de X", "X quitte la salle", "X siège à nouveau"."""
    kind = who = None
    if m := V.EVENT_BEFORE.match(f):
        kinds = {"depart": "leave", "sortie": "leave", "retour": "return"}
        kind = kinds.get(m.group("kind"), "arrive")
        who = re.split(
            r"\s+(?:à|a)\s+\d|\s+\(|\s+(?:après|apres|avant)\s"
            r"|\s+(?:au|à\s+la|a\s+la|dès|des)\s+(?:point|question|rapport|dossier|affaire)",
            raw[m.start("who") :],
            flags=re.IGNORECASE,
        )[0]
        if kind == "arrive" and (at := V.EVENT_AT_ITEM.search(f, m.start("who"))):
            return kind, who.strip(" .,;"), f"before:{at.group('n')}"
    elif m := V.EVENT_ASKED.match(f):
        kind, who = "leave" if m.group("leave") else "return", raw[m.start("who") : m.end("who")]
        if kind == "leave" and V.FOR_THIS_ITEM.search(f, m.end()):
            kind = "leave-one"
    elif (m := V.ARRIVED_ASIDE.match(f)) and not P.DECISION.search(f[: m.start("who")]):
        kind, who = "arrive", raw[m.start("who") : m.end("who")]
    elif (m := V.EVENT_AFTER.match(f)) and not P.DECISION.search(f[: m.start("who")]):
        kind = "leave" if m.group("leave") else "return" if m.group("back") else "arrive"
        who = raw[m.start("who") : m.end("who")]
        aside = m.group("aside") or ""
        if kind == "leave" and (
            V.FOR_THIS_ITEM.search(f, m.end()) or V.INTERESTED_ASIDE.search(aside)
        ):
            kind = "leave-one"
    if kind is None or who is None:
        return None
    # "M. X indique que M. Y quitte la salle": the subject is after "que"
    who = re.split(r"\bqu(?:e\s+|['’])", who, flags=re.IGNORECASE)[-1]
    return kind, who.strip(" .,;"), _anchor(f)


def understood_move(line: str) -> bool:
    """Whether the statements of ``line`` read as an arrival, a departure or a member not
    voting (used or not: a return after a withdrawal for one item is no news)."""
    for a, b in statements(line, 0):
        raw = line[a:b].strip()
        f = fold(raw)
        src = Source(line=0, text=raw)
        if _event(f, raw) or read_not_voting(f, raw, "", src):
            return True
    return False


def _anchor(f: str) -> str | None:
    """The item an event names: "après le vote du point 12" -> "after:12", "au point 2" or "à
    partir du point 2" -> "before:2" (from that item on)."""
    if m := P.RANGE_AFTER.search(f):
        return f"after:{m.group('n')}"
    if m := P.RANGE_BEFORE.search(f):
        return f"before:{m.group('n')}"
    if m := V.EVENT_AT_ITEM.search(f):  # "X rejoint la séance au point 2": from item 2 on
        return f"before:{m.group('n')}"
    return None


def _event_above(doc: Doc, above: tuple[int, int], f: str) -> tuple[str, str, str | None] | None:
    """ "quitte la salle." whose subject is the line above ("Monsieur Luc ROUX")."""
    m = V.EVENT_VERB_FIRST.match(f)
    who = doc.text[above[0] : above[1]].strip()
    if (
        m is None
        or not who
        or len(who) > 60
        or not looks_named(who)
        or P.DECISION.search(fold(who))
        or V.HEADING.match(fold(who))  # a vote or a heading is no subject
    ):
        return None
    kind = "leave" if m.group("leave") else "return" if m.group("back") else "arrive"
    if kind == "leave" and V.FOR_THIS_ITEM.search(f, m.end()):
        kind = "leave-one"
    return kind, who.strip(" .,;"), _anchor(f)


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
            # a bare outcome joins the vote above from afar, but one with a subject of its own
            # ("Le compte-rendu ainsi amendé est adopté") only a vote without an outcome
            bare = v.rank == 0 and not v.unanimous and not v.expressed_only
            if bare and cur.outcome and not V.OPERATIVE.match(fold(st.source.text or "")):
                bare = False
            # a statement of counts joins another at most one line apart, and never one that
            # counts the same category (two tallies in a row are two votes)
            limit = OUTCOME_GAP if bare else 1 if max(cur.rank, v.rank) >= 2 else GAP
            if _announced(cur) and not _announced(v) and k > 0:  # "Après en avoir délibéré, Vu …"
                limit = ANNOUNCE_GAP
            again = bool(cur.counts.keys() & v.counts.keys() & {"pour", "contre", "abstention"})
            again = again or (_announced(cur) and _announced(v))  # two decisions announced
            if not again and compatible(cur, v) and close(doc, last_line, st.line, limit):
                merge(cur, v)
                last_line, last_pos = st.line, st.pos
                continue
        out.append((st.pos, dataclasses.replace(v, counts=dict(v.counts))))
        last_line, last_pos = st.line, st.pos
    return out


# --- headings ------------------------------------------------------------------------------------


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
        marked = bool(V.SUB_POINT.match(fold(text)))  # "a) Budget": one word is a title
        if len(words) < (1 if marked else 2) or len(text) > 150:  # stamp noise, a number
            continue
        if _event(fold(text), text) is not None:  # "M. X se retire.": a movement, no title
            continue
        if m := V.TITLE_LINE.match(fold(text)):  # "Objet : Voirie"
            text = text[m.end() :]
        first = first or text
        if was_blank and text[0].isupper() and text[-1] not in ".;:" and not _goes_on(doc, no):
            alone = text
    found = alone or first
    if found is None:
        return None
    found = found.rstrip(" ,;:.")
    return found if len(found) <= TITLE_CHARS else found[: TITLE_CHARS - 1].rstrip() + "…"


def _goes_on(doc: Doc, no: int) -> bool:
    """The sentence of line ``no`` goes on below (the next line starts in lower case): "Le compte
    rendu … est" / "validé à l'unanimité" is no title."""
    nxt = doc.line(no + 1) if no < len(doc.starts) else ""
    nxt = nxt.strip(" |*•")
    return bool(nxt) and nxt[0].islower()


def read_items(doc: Doc, passage: list[str], after: int) -> Items:
    """The agenda in its order of passage, the votes, events and members not voting."""
    stmts = vote_statements(doc, after)
    notes: list[Finding] = []
    if passage:
        heads = find_headings(doc, passage, after)
    else:
        heads = choose_headings(
            doc, after, lambda bounds: [p for p, _ in group_votes(doc, stmts, bounds)]
        )
    groups = group_votes(doc, stmts, sorted({h.pos for h in heads} | set(sub_points(doc, after))))
    furniture = page_furniture(doc)
    # (label, decision point, vote or None, start of its text) in document order
    slots: list[tuple[str, int, Vote | None, int]] = []
    used: set[str] = set(passage)
    first_head = heads[0].pos if heads else len(doc.text) + 1
    prev_end = after
    for pos, v in groups:
        if pos >= first_head or passage or _totals_only(v):
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
            if (note := _uncompared(slot_vote, label)) is not None:
                notes.append(note)
    events, absts = _events(stmts, slots, agenda, notes, doc.folded)
    points = sorted((p, label) for label, p, _, _ in slots)
    return Items(agenda, heads, votes, events, absts, notes, points)


def _announced(v: Vote) -> bool:
    """ "Le Conseil, après en avoir délibéré," with nothing decided yet: its result follows."""
    decided = v.unanimous or v.expressed_only or v.outcome or v.majority or v.election
    return v.deliberated and v.rank == 0 and not decided


def _totals_only(v: Vote) -> bool:
    """ "33 votants" alone before the first heading: the session's totals, not a vote."""
    decided = v.unanimous or v.expressed_only or v.outcome or v.majority or v.deliberated
    return v.rank <= 1 and not decided and not v.election


def _uncompared(vote: Vote, label: str) -> Finding | None:
    """Counts that are no pour/contre tally, dropped (never compared with the voters), and the
    note that says why: an election by candidate; unanimity less some votes (the pour is the
    rest); a vote with no pour count ("Anne-Marie : 11 votes / Blanc : 1 vote", "pour, 1 contre"
    with the pour count on the line above)."""
    proper = vote.counts.keys() & _PROPER
    if not vote.election and (note := _not_cast(vote, label)) is not None:
        return note
    if vote.election:
        code = "ELECTION_BY_CANDIDATE"
    elif not proper or "pour" in proper:
        return None
    elif vote.expressed_only and proper <= _LESS:
        code = "UNANIMITY_LESS"
    elif vote.majority and proper <= _LESS:  # "à la majorité (3 contre : MM. A, B, C)"
        code = "MAJORITY_LESS"
    else:
        code = "VOTE_COUNTS_UNREAD"
    counts = ", ".join(f"{key} {vote.counts[key]}" for key in sorted(proper))
    for key in proper:
        del vote.counts[key]
    return item_note(code, vote.source, items=(label,), item=label, counts=counts)


def _not_cast(vote: Vote, label: str) -> Finding | None:
    """ "Votants : 15 / Exprimés : 13 / Pour : 13": the votes not cast (abstentions, or blank and
    null ballots in a secret ballot) are the votants less the exprimés, both printed; without the
    votants, how many did not cast a vote is not written, so the pour and contre are dropped (a
    comparison with the voters would accuse right minutes)."""
    c = vote.counts
    expressed = c.get("expressed")
    if expressed is None or "pour" not in c or not _NOT_CAST.isdisjoint(c):
        return None
    if c["pour"] + c.get("contre", 0) != expressed:
        return None  # the minutes disagree with themselves: compared as printed
    voters = c.get("voters")
    if voters is not None and voters >= expressed:
        key = "blank" if vote.secret else "abstention"
        c[key] = voters - expressed
        return item_note("NOT_CAST_FROM_TOTALS", vote.source, items=(label,), item=label,
                         rest=voters - expressed, voters=voters, expressed=expressed)  # fmt: skip
    counts = ", ".join(f"{key} {c[key]}" for key in ("pour", "contre") if key in c)
    for key in ("pour", "contre"):
        c.pop(key, None)
    return item_note("NOT_CAST_UNKNOWN", vote.source, items=(label,), item=label,
                     counts=counts, expressed=expressed)  # fmt: skip


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
    folded: str = "",
) -> tuple[list[Event], list[NotVoting]]:
    """Events placed on the first item they affect; members not voting on the vote of their
    item they are written before (else the last). The chair who leaves during the compte
    administratif (``folded``: the document's folded text) leaves for its vote only
    (CGCT L2121-14): back at the next item, a return written or not."""
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
    back: set[str] = set()  # who left for one item only: a return written after it is no news
    for st in stmts:
        if st.nv is not None:
            k = bisect.bisect_right(starts, st.pos) - 1
            if k >= 0:
                here = sorted(segments[starts[k]])
                st.nv.item = next((lab for p, lab in here if p >= st.pos), here[-1][1])
                absts.append(st.nv)
                if st.nv.interest:  # withdrew for this item: a return written after is no news
                    back.update(_who_key(n) for n in st.nv.names)
        if st.event is None:
            continue
        kind, who, anchor = st.event
        item = _place(st.pos, anchor, points, at, index, agenda)
        if item is None:
            if anchor is not None:
                notes.append(item_note("EVENT_NOT_PLACED", st.source, who=who, anchor=anchor))
            continue
        key = _who_key(who)
        if kind == "leave" and V.CHAIR_WHO.search(fold(who)):
            k = bisect.bisect_right(starts, st.pos) - 1
            end = min(starts[k + 1] if k + 1 < len(starts) else len(folded), st.pos + 400)
            if k >= 0 and V.ACCOUNTS.search(folded, starts[k], end):
                kind = "leave-one"
        if kind == "return" and key in back and key not in gone:
            back.discard(key)  # back for the next item, as the departure said
            continue
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
            back.add(key)
            continue
        holder = st.holder if kind == "leave" else None
        events.append(Event(kind, item, who, st.source, holder))
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
        i = index.get(norm(n))
        if i is None:
            return None
        i += 1 if how == "after" else 0
        return agenda[i] if i < len(agenda) else None
    k = bisect.bisect_left(at, pos)
    return points[k][1] if k < len(points) else None
