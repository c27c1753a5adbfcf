"""The attendance sections of the minutes: where each starts and stops, the page furniture caught
inside them, and which reader reads each (lists, proxies, secretary, order of passage, per-range
blocks).
"""

from __future__ import annotations

import itertools
import re

from quorum.findings import N_, Source
from quorum.parse import _patterns as P
from quorum.parse._attendance_vocab import SECTION, SECTION_LINE
from quorum.parse._civilities import civility
from quorum.parse._counts import ALL_PRESENT
from quorum.parse._headings import norm
from quorum.parse._lists import (
    _TOTAL_LINE,
    LIST_KINDS,
    MAX_ENTRY,
    MOVE_START,
    Block,
    Entry,
    Lists,
    Mention,
    Unread,
    _mention,
    _read_people,
    _read_proxies,
    _src,
    read_moves,
)
from quorum.parse._names import Name, read_names
from quorum.parse._text import Doc, Frag, fold

MAX_FURNITURE = 100
"""A running header or footer is a short line."""
_READ = (
    *LIST_KINDS,
    "seated_substitutes",
    "replacing_substitutes",
    "proxies",
    "secretary",
    "block",
)
_COUNT_LEAD = re.compile(r"\d{1,4}\b")
_CIVILITY_ANY = re.compile(rf"(?:^|[\s,(]){civility()}(?:\.|\s)")
INVERTED = re.compile(
    r"^[ \t+*\-•·>|]*(?P<who>[^\W\d_][^:\n\d]{1,59}?)(?<!\ )\ *:\ *"
    r"(?P<what>(?:etait\ +)?(?:absente?s?(?:\ +(?:non\ +)?excusee?s?)?|excusee?s?|presente?s?))"
    r"\ *\.?[ \t]*$",
    re.MULTILINE,
)
"""A line naming one member then his state ("Maryline : absente non excusée")."""
PROXY_OF = re.compile(
    r"^[ \t+*\-•·>|]*(?:pouvoir|procuration|delegation\ +de\ +vote)s?\ +(?:de\ +|d')"
    r"(?P<who>[^\n]{3,60}?)\ +(?:a|au)\ +(?P<holder>[^\n]{3,60}?)[ \t.;]*$",
    re.MULTILINE,
)
"""A line giving one proxy, the giver first ("Pouvoir de Mme Laure NEDELEC à M. Jean DUPONT")."""
_LABEL_WORDS = {"presents", "present", "votants", "absents", "absent", "excuses", "pouvoirs"}


def read_lists(doc: Doc) -> Lists:
    """Find every attendance section of the document and read it."""
    out = Lists()
    heads = [
        (m.start(), m.end(), (m.lastgroup or "").removesuffix("_inline"))
        for m in SECTION.finditer(doc.folded)
    ]
    heads = [h for h in heads if not _continues_a_sentence(doc, h[0])]
    starts = {h[0] for h in heads}
    heads += [
        (m.start(), m.end(), m.lastgroup or "")
        for m in SECTION_LINE.finditer(doc.folded)
        if m.start() not in starts
        and m.lastgroup not in ("passage", "block")
        and _own_line_heading(doc.text[m.start() : m.end()])
    ]
    heads.sort()
    forced: dict[int, int] = {}
    for m in INVERTED.finditer(doc.folded):
        names, bad = read_names(doc.text[m.start("who") : m.end("who")])
        if names and not bad and not any(a <= m.start() < b for a, b, _ in heads):
            kind = "present" if "present" in m.group("what") else "absent"
            heads.append((m.start(), m.start("who"), kind))
            forced[m.start()] = m.end("who")
    for m in PROXY_OF.finditer(doc.folded):
        giver, bad = read_names(doc.text[m.start("who") : m.end("who")])
        holder, bad2 = read_names(doc.text[m.start("holder") : m.end("holder")])
        taken = any(a <= m.start() < b for a, b, _ in heads)
        if len(giver) == len(holder) == 1 and not bad and not bad2 and not taken:
            heads.append((m.start(), m.start("who"), "proxies"))
            forced[m.start()] = m.end()
    heads.sort()
    blank = re.compile(r"\n[ \t]*\n")
    spans: list[tuple[int, int, int, str]] = []
    sidebar: set[int] = set()
    for i, (start, end, kind) in enumerate(heads):
        stop = heads[i + 1][0] if i + 1 < len(heads) else len(doc.text)
        if start in forced:
            stop = forced[start]
        elif kind != "block":
            gap = blank.search(doc.text, end, stop)
            while gap and kind in (*LIST_KINDS, "proxies"):
                if not doc.text[end : gap.start()].strip() or _continues(  # "Absents :", blank
                    doc, end, gap.start(), gap.end(), stop
                ):
                    gap = blank.search(doc.text, gap.end(), stop)
                    continue
                run = _sidebar(doc, end, gap.start(), gap.end(), stop) or _page_break(
                    doc, start, end, gap.start(), gap.end(), stop
                )
                if run is None:
                    break
                sidebar.update(run[1])  # a sidebar's lines inside the list: left out
                gap = blank.search(doc.text, run[0], stop)
            if gap:
                stop = gap.start()
            stop = _heading_stop(doc, end, stop)
            stop = _sentence_stop(doc, end, stop)
            if kind in LIST_KINDS:
                stop = _inline_prose_stop(doc, end, stop)
                if glued := _GLUED_COUNTS.search(doc.folded, end, stop):
                    stop = glued.start()  # "M. Jules DAVID Nombre de conseillers en exercice : 15"
        else:
            stop = min(stop, _nth_line_end(doc, end, 14))
        spans.append((start, end, stop, kind))
    out.sections = [(s, e, kind) for s, _, e, kind in spans if kind in _READ]
    skip = furniture(doc, [(s, e) for s, e, _ in out.sections]) | sidebar
    _between(doc, spans, skip, out)
    replacing: list[Entry] = []
    for start, end, stop, kind in spans:
        if out.first_header is None and kind in (*LIST_KINDS, "proxies"):
            out.first_header = start
        totals = _total_lines(doc, end, stop) if kind in LIST_KINDS else frozenset()
        names_stop = stop
        if kind in LIST_KINDS and (move := MOVE_START.search(doc.folded, end, stop)):
            # "…, Adeline. Départ de Maryline à 20H50.": a move, and no names after prose
            names_stop = _sentence_stop(doc, end, move.start(), keep_moves=False)
            read_moves(doc, move.start(), stop, out)
        frag = Frag(doc, end, names_stop, skip | totals)
        if kind == "secretary" and not _secretary(frag):
            continue  # "Secrétaire : responsable de service" in an item's table of posts
        if kind not in ("agenda", "passage"):
            out.ends.append(stop)
        if kind in (*LIST_KINDS, "proxies") and _count_only(frag):
            continue  # "Présents : 29 - Votants : 33": totals, read by _totals
        if kind == "present" and ALL_PRESENT.match(frag.folded):
            continue  # "tous les conseillers en exercice sauf X": counts, read by _counts
        if kind in LIST_KINDS:
            _read_people(frag, kind, out)
        elif kind == "seated_substitutes":
            first = len(out.entries)
            _read_people(frag, "present", out)
            for e in out.entries[first:]:
                e.substitute = True
        elif kind == "replacing_substitutes":
            first = len(out.entries)
            _read_people(frag, "present", out)
            replacing += out.entries[first:]
            for e in list(out.entries[first:]):
                e.substitute = True
                if e.substitute_for is None:  # a suppléant beside his titular has no vote
                    out.entries.remove(e)
                    out.unread.append(
                        Unread(
                            e.who.source,
                            N_("a substitute present who does not say whom he replaces"),
                        )
                    )
        elif kind == "proxies":
            _read_proxies(frag, out)
        elif kind == "secretary":
            names = _secretary(frag)
            out.secretary += [Mention(n, _src(frag, 0, len(frag.text))) for n in names[:1]]
        elif kind == "passage":
            out.passage += [
                (norm(m.group()), _src(frag, m.start(), m.end()))
                for m in P.PASSAGE_LABEL.finditer(frag.folded)
            ]
        elif kind == "block":
            _read_block(doc, start, frag, out)
    _beside_titular(replacing, out)
    return out


def _beside_titular(replacing: list[Entry], out: Lists) -> None:
    """A suppléant listed present whose titular is listed present too attends without a vote
    (CGCT art. L5211-6): not counted, and said (not an accusation: the minutes are right)."""
    present = {
        (fold(e.who.name.first), fold(e.who.name.last))
        for e in out.entries
        if e.status == "present" and not e.substitute
    }
    for e in replacing:
        titular = e.substitute_for
        if e in out.entries and titular is not None:
            key = (fold(titular.name.first), fold(titular.name.last))
            if key in present:
                out.entries.remove(e)
                out.unread.append(
                    Unread(
                        e.who.source,
                        N_("a substitute present beside his titular, without a vote: not counted"),
                    )
                )


_ATTENDANCE = (*LIST_KINDS, "proxies", "seated_substitutes", "replacing_substitutes")
MAX_BETWEEN = 4
"""Lines of text between two lists that still belong to the attendance; more is another part
of the minutes (a second extract with its own lists)."""
_ABOUT_PEOPLE = re.compile(
    r"\b(?:present|absent|excuse|pouvoir|procuration|represent|assist|supple|remplac|arriv"
    r"|depart|quitt|rejoin)"
)
"""Words that tell who attends: a line of prose with one of them is not narrative."""


def _about_someone(text: str, folded: str) -> bool:
    """A line that may name someone or tell who attends: a civility, a first name and SURNAME, a
    word in capitals, words all capitalised ("Nelly", "Jean-Pierre Gohin"), or an attendance word.
    Not "Le quorum est atteint."."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 1]
    return bool(
        _CIVILITY_ANY.search(folded + " ")
        or _NAME_PAIR.search(text)
        or re.search(r"\b[A-ZÀ-Ý]{3,}\b", text)
        or (words and all(w[:1].isupper() for w in words))
        or _ABOUT_PEOPLE.search(folded)
    )


def _between(
    doc: Doc, spans: list[tuple[int, int, int, str]], skip: frozenset[int], out: Lists
) -> None:
    """Lines between two attendance sections that belong to neither are reported (issue 8: every
    character of the attendance is used or reported), unless blank, page furniture, a total, or
    prose that says nothing of who attends ("Le quorum étant atteint, la séance est ouverte.")."""
    ordered = sorted(spans)
    for (_, _, stop, k1), (nxt, _, _, k2) in itertools.pairwise(ordered):
        if k1 not in _ATTENDANCE or k2 not in _ATTENDANCE or stop >= nxt:
            continue
        no = doc.line_no(stop) + 1
        lines = doc.text[doc.starts[no - 1] if no <= len(doc.starts) else nxt : nxt]
        if sum(1 for line in lines.split("\n") if line.strip()) > MAX_BETWEEN:
            continue
        while no <= len(doc.starts) and doc.starts[no - 1] < nxt:
            start = doc.starts[no - 1]
            end = min(doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text), nxt)
            text = doc.text[start:end].strip()
            folded = fold(text)
            no += 1
            if (
                not text
                or start in skip
                or P.LONE_NUMBER.fullmatch(text)
                or _TOTAL_LINE.match(folded)
                or (_prose(text) and not _ABOUT_PEOPLE.search(folded))
                or not _about_someone(text, folded)
            ):
                continue
            out.unread.append(
                Unread(
                    Source(line=no - 1, text=text[:200]),
                    N_("a line between two attendance sections, read as neither"),
                )
            )


def _secretary(frag: Frag) -> list[Name]:
    """The secretary's name; none when the text is no person's name: a name starts with a
    capital ("Secrétaire : responsable de service" is a post, and its section no attendance)."""
    names, _ = read_names(frag.text.split(",")[0][:MAX_ENTRY])
    return names if names and names[0].display[:1].isupper() else []


_SENTENCE_TAIL = re.compile(
    r"\b(?:et|ou|des|les|de|du)\s*$"
    r"|\b(?:unanimite|majorite|membres|voix|suffrages)\b[^.:;!?]*$"  # "… présents ef" (OCR)
)


_COUNT_TAIL = re.compile(r"\b\d{1,4}\s+(?:conseillers?|membres?|delegues?|elus?)(?:\s+\w+)?$")
"""The words before a heading that make it part of a sentence of counts ("06 Conseillers")."""


def _continues_a_sentence(doc: Doc, start: int) -> bool:
    """ "… à l'unanimité des membres présents et / représentés :" is the end of a sentence broken
    by a line end, not a heading."""
    no = doc.line_no(start)
    if doc.starts[no - 1] != start and doc.folded[doc.starts[no - 1] : start].strip():
        return False  # after ". " inside a line: a heading
    prev = doc.folded[doc.starts[no - 2] : doc.starts[no - 1]].rstrip() if no > 1 else ""
    if _SENTENCE_TAIL.search(prev):
        return True
    first = doc.text[start : start + 40].lstrip(" \t-•*>|")[:1]
    if first.islower() and prev and prev[-1:].isalpha():
        return True  # "Après avoir entendu / présents:": a sentence's words, not a heading
    k = no - 1  # "… et 06 / Conseillers / (blank) / étaient Absents :": a counts sentence
    while k > 1 and not doc.line(k).strip() and no - k < 3:
        k -= 1
    before = " ".join(fold(doc.line(j)) for j in range(max(k - 1, 1), k + 1))
    return bool(_COUNT_TAIL.search(before.rstrip()))


def _own_line_heading(raw: str) -> bool:
    """A heading alone on its line is not a sentence's last word ("présenté.", "Présente")."""
    text = raw.strip()
    return not text.endswith(".") and "senté" not in text.casefold() and text[:1].isupper()


def _total_lines(doc: Doc, end: int, stop: int) -> frozenset[int]:
    """Lines inside a section that are totals ("Soit 31 présents", "2 procurations"): not names.
    The cross-check reads the totals elsewhere."""
    found = set()
    no = doc.line_no(end) + 1
    while no <= len(doc.starts) and doc.starts[no - 1] < stop:
        start = doc.starts[no - 1]
        line = doc.line(no)
        if len(line) < 60 and _TOTAL_LINE.match(fold(line)):
            found.add(start)
        no += 1
    return frozenset(found)


def _count_only(frag: Frag) -> bool:
    """A section that holds a number and no name ("Présents : 29", "Pouvoirs : 3")."""
    if not _COUNT_LEAD.match(frag.folded) or len(frag.text) > MAX_ENTRY:
        return False
    if _CIVILITY_ANY.search(frag.folded):
        return False
    words = re.findall(r"[^\W\d_]{2,}", frag.text)
    return not any(w.isupper() and w.casefold() not in _LABEL_WORDS for w in words)


def furniture(doc: Doc, sections: list[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the lines, inside the sections, that are page furniture.

    Page furniture is a lone page number (1 to 3 digits), or a short line that appears verbatim
    again outside the sections (a running header: "Ville de Lannion", "Conseil Municipal du 5
    juillet 2021") and does not read as a member's name. Linear: one pass over the lines.
    """
    if not sections:
        return frozenset()
    bounds = sorted(sections)
    inside: dict[str, list[int]] = {}
    found: set[int] = set()
    outside_seen: set[str] = set()
    k = 0
    n_lines = len(doc.starts)
    for no in range(1, n_lines + 1):
        start = doc.starts[no - 1]
        end = doc.starts[no] - 1 if no < n_lines else len(doc.text)
        while k < len(bounds) and bounds[k][1] <= start:
            k += 1
        within = k < len(bounds) and bounds[k][0] <= start < bounds[k][1]
        if end - start > MAX_FURNITURE + 40:
            continue
        text = doc.text[start:end].strip()
        if not text or len(text) > MAX_FURNITURE:
            continue
        if not within:
            outside_seen.add(text)
        elif P.LONE_NUMBER.fullmatch(text):
            found.add(start)
        else:
            inside.setdefault(text, []).append(start)
    for text, starts in inside.items():
        if text in outside_seen and not _names_only(text):
            found.update(starts)
    return frozenset(found)


def _names_only(text: str) -> bool:
    """A line that is a list entry: a civility, or names with first name and SURNAME."""
    if _CIVILITY_ANY.match(text.casefold()):
        return True
    names, bad = read_names(text)
    return bool(names) and not bad and all(n.first and n.last for n in names)


def _heading_stop(doc: Doc, end: int, stop: int) -> int:
    """A section ends before the first item heading in it (minutes with no blank line between
    the lists and the first item, as a PDF's text layer often gives them)."""
    no = doc.line_no(end) + 1
    while no <= len(doc.starts) and doc.starts[no - 1] < stop:
        start = doc.starts[no - 1]
        line_end = doc.starts[no] - 1 if no < len(doc.starts) else len(doc.text)
        raw = doc.text[start:line_end]
        lead = start + len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if P.HEAD_NUMBER.match(stripped) or P.HEAD_KEYWORD.match(
            doc.folded[lead : lead + len(stripped)]
        ):
            return max(end, start - 1)
        no += 1
    return stop


_SENTENCE = re.compile(r"^\S+(?:\s+\S+)*?\s+[a-zà-ÿ][a-zà-ÿ'’]*\s+\S+\s+[a-zà-ÿ]")
"""A line of prose: after its first word, a lower-case word then another ("Mr le Maire demande",
"Madame Jeanne GUILLOUET est nommée")."""


_NAME_START = re.compile(rf"[A-ZÀ-Ý]|{civility()}\b", re.IGNORECASE)


def _continues(doc: Doc, end: int, before: int, after: int, stop: int) -> bool:
    """A list cut by a blank line (a page break in a PDF) goes on after it: the text before ends
    on a separator or a name, and the next line is more names, not a heading or prose."""
    if after >= stop:
        return False
    last = doc.text[end:before].rstrip()[-1:]
    no = doc.line_no(after)
    nxt = doc.line(no)
    if last not in ".:" and _GOES_ON.match(fold(nxt)):
        return True  # "…, Françoise DUARTE", a page break, "donne pouvoir à monsieur X"
    if not last or last in ".:" or not nxt or not _NAME_START.match(nxt):
        return False
    lead = (
        doc.starts[no - 1]
        + len(doc.text[doc.starts[no - 1] :])
        - len(doc.text[doc.starts[no - 1] :].lstrip())
    )
    if P.HEAD_NUMBER.match(nxt) or P.HEAD_KEYWORD.match(doc.folded[lead : lead + len(nxt)]):
        return False
    if SECTION.match(doc.folded, lead) or SECTION_LINE.match(doc.folded, lead):
        return False
    tail = doc.text[end:before].rstrip().rsplit("\n", 1)[-1].split()
    if _broken_name(tail, nxt):
        return True
    if _SENTENCE.match(nxt):
        return False
    dangling = (
        bool(tail)
        and len(tail) <= 2
        and not tail[-1].endswith(".")
        and not any(c.isdigit() for c in nxt)
        and len(nxt) < 80
    )
    return last in ",;-–—/" or "," in nxt[:60] or dangling


_DANGLING = re.compile(
    rf"(?:^|[\s,(])(?:{civility(prose=True)}\.?|a|&|au|aux|de|du|par|donne|donnent|et)$"
)
"""A line that ends on a civility or a connector ("…, Monsieur", "… donne pouvoir à"): the entry
goes on at the next line."""


_GOES_ON = re.compile(
    rf"(?:(?:a\ +|ont\ +)?donne(?:nt)?\ +(?:son\ +|sa\ +|leur\ +)?{P.PROXY_NOUN}\ +(?:a|&|au)"
    r"|represente(?:e|s|es)?\ +par)\ "
)
"""A line that starts inside a proxy ("donne pouvoir à Y"): the entry above goes on."""


_SIDE_MARK = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"  # a date: "06/06/2023"
    r"|[^:,]{1,30}:"  # a label with nothing after it: "Affichage le :", "convocation :"
    r"|[^A-Za-zÀ-ÿ]*(?:[A-Za-zÀ-ÿ]{1,2}[^A-Za-zÀ-ÿ]+)*[A-Za-zÀ-ÿ]{0,2}"  # no word: "| 2%"
)
"""A line of a sidebar or a margin note caught inside a list by a PDF's text layer."""
MAX_SIDEBAR = 6


def _sidebar(
    doc: Doc, end: int, before: int, after: int, stop: int
) -> tuple[int, set[int]] | None:
    """A list cut by a sidebar ("Monique" / "| 2%" / "Date de la" / "convocation :" /
    "06/06/2023" / "GUIBOUT, Yvette RUBAN, …"): a few short lines, one at least a date, a bare
    label or no word, then more names (a comma or a SURNAME first). The sidebar's line starts
    and where the names resume; None when it is not that."""
    last = doc.text[end:before].rstrip()[-1:]
    if not last or last in ".:":
        return None
    no = doc.line_no(after)
    side: set[int] = set()
    marked = False
    while no <= len(doc.starts) and doc.starts[no - 1] < stop and len(side) <= MAX_SIDEBAR:
        line = doc.line(no).strip()
        start = doc.starts[no - 1]
        no += 1
        if not line:
            continue
        if P.LONE_NUMBER.fullmatch(line) or P.HEAD_NUMBER.match(line):
            return None  # an item's number: the list is over
        if len(line) <= 30 and "," not in line and not SECTION_LINE.match(fold(line)):
            marked = marked or bool(_SIDE_MARK.fullmatch(line))
            side.add(start)
            continue
        first = line.split()[0].strip(",")
        dangling = bool(_DANGLING.search(fold(doc.text[max(end, before - 40) : before])))
        head = line.split(",")[0]
        read, bad = read_names(head[:MAX_ENTRY])
        names = (bool(read) and not bad) or bool(P.PROXY_SPLIT.search(fold(head)))
        names = names and ("," in line or (first.isupper() and len(first) > 1) or dangling)
        if marked and names and not _prose(line) and not SECTION.match(fold(line)):
            return start, side
        return None
    return None


_PAGE_MARK = re.compile(
    r"(?:page\ *)?\d{1,3}\ *(?:/|sur)\ *\d{1,3}|page\ +\d{1,3}|[-–—]\ *\d{1,3}\ *[-–—]",
    re.IGNORECASE,
)
"""A page's number in a PDF's footer or header: "Page 1/7", "2/7", "page 3 sur 7", "- 4 -"."""
MAX_PAGE_BREAK = 4


def _page_break(
    doc: Doc, head: int, end: int, before: int, after: int, stop: int
) -> tuple[int, set[int]] | None:
    """A list cut by a page break ("Page 1/7" / "Conseil municipal du 12 mars 2024", the running
    header seen above the list): a few lines, one at least a page's number, the others that or
    blank or a line printed verbatim above the section; then the names resume. Those lines'
    starts and where the names resume; None when it is not that."""
    last = doc.text[end:before].rstrip()[-1:]
    if not last or last in ".:":
        return None
    above = {line.strip() for line in doc.text[:head].split("\n") if line.strip()}
    no = doc.line_no(after)
    page: set[int] = set()
    marked = False
    while no <= len(doc.starts) and doc.starts[no - 1] < stop and len(page) <= MAX_PAGE_BREAK:
        line = doc.line(no).strip()
        start = doc.starts[no - 1]
        no += 1
        if not line:
            continue
        if _PAGE_MARK.fullmatch(line) or line in above:
            marked = marked or bool(_PAGE_MARK.fullmatch(line))
            page.add(start)
            continue
        if not marked or not _NAME_START.match(line) or _prose(line):
            return None
        folded = fold(line)
        if P.HEAD_NUMBER.match(line) or P.HEAD_KEYWORD.match(folded) or SECTION.match(folded):
            return None
        return start, page
    return None


def _broken_name(tail: list[str], nxt: str) -> bool:
    """The name goes on at the next line: the text before ends on a civility or a connector, or
    on a first name ("…, Jean-Pierre") when the next line starts with a SURNAME ("GOHIN et …")."""
    if not tail:
        return False
    if _DANGLING.search(fold(" ".join(tail[-2:]))):
        return True
    word = tail[-1]
    head = nxt.split()[:1]
    return (
        all(p[:1].isupper() and p[1:].isalpha() and p[1:].islower() for p in word.split("-"))
        and bool(head)
        and len(head[0].strip(",;.")) >= 2
        and head[0].strip(",;.").replace("-", "").isalpha()
        and head[0].strip(",;.").isupper()
    )


def _sentence_stop(doc: Doc, end: int, stop: int, *, keep_moves: bool = True) -> int:
    """A list ends before a line of prose ("Le secrétaire de mairie était présent également.",
    "Monsieur Mallard est nommé secrétaire de séance."). A line that tells of an arrival or a
    departure stays in the section (``keep_moves``), so that it is read (``read_moves``) or
    reported; the names stop before prose all the same (``keep_moves=False``, up to the move)."""
    no = doc.line_no(end)
    while no < len(doc.starts) and doc.starts[no] < stop:
        line = doc.line(no)
        nxt = doc.text[doc.starts[no] : max(stop, doc.starts[no])].split("\n", 1)[0].strip()
        last = line.rstrip(".").split()[-1:] if line.endswith(".") else []
        ended = (
            bool(last) and len(last[0]) > 2 and not _CIVILITY_ANY.match(last[0].casefold() + " ")
        )
        if _DANGLING.search(fold(line).rstrip()):
            no += 1  # "…, Monsieur" / "Ludovic BAECHLER donne pouvoir à …": the entry goes on
            continue
        if (_prose(nxt) or (ended and _SENTENCE.match(nxt) and "," not in nxt[:60])) and not (
            keep_moves and _MOVES.search(fold(nxt))
        ):
            return doc.starts[no] - 1
        no += 1
    return stop


_MOVES = re.compile(r"\b(?:arrivee?s?|arrive|depart|quitte|rejoint|sortie|retour|part)\b")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*")


_LIST_WORD = re.compile(
    rf"{civility(prose=True)}\.?|{P.PROXY_NOUN}|de|du|des|le|la|les|et|a|&|au|aux|par|sa|son|leur"
    r"|donne(?:e|s|es|nt)?|represente(?:e|s|es)?|suppleante?s?|remplacee?s?"
)
"""Words in lower case that belong to list entries ("monsieur", "donne pouvoir à"), not prose."""


def _prose(line: str) -> bool:
    """Words of a sentence: at least four lower-case words outside parentheses."""
    outside = re.sub(r"\([^)]*\)?", " ", line)
    words = [w for w in _LOWER_WORD.findall(outside) if not _LIST_WORD.fullmatch(fold(w))]
    bare = (w.strip(",;.:") for w in outside.split())  # "MALLARD," at the end of a line
    surnames = [w for w in bare if len(w) > 1 and w.isalpha() and w.isupper()]
    return len(words) >= 4 and len(surnames) <= 1 and bool(_SENTENCE.match(line))


_SENTENCE_START = re.compile(r"\.\ +(?=[A-ZÀ-Ý])")
_ABBREVIATION = re.compile(r"(?:^|(?<=[\s,;(]))(?:M|MM|Mme|Mmes|Mlle|Mr|Me|Dr)$", re.IGNORECASE)
"""A civility's abbreviation just before a dot ("M. ROQUES"): the dot ends no sentence."""


def _inline_prose_stop(doc: Doc, end: int, stop: int) -> int:
    """A list ends after a dot that starts a sentence of prose on the same line ("… M. Jean-Yves
    BONY. L'Assemblée prend les décisions suivantes …": minutes flattened to one line). Not when
    an arrival or a departure follows on that line (it is read as a move)."""
    for m in _SENTENCE_START.finditer(doc.text, end, stop):
        if _ABBREVIATION.search(doc.text, max(end, m.start() - 6), m.start()):
            continue  # "…, Mme PONS, M. ROQUES, formant …": a civility's dot, no sentence's end
        line_end = doc.text.find("\n", m.end())
        line_end = stop if line_end < 0 or line_end > stop else line_end
        nxt_dot = doc.text.find(". ", m.end(), line_end)
        last = min(nxt_dot + 1 if nxt_dot >= 0 else line_end, m.end() + 100)
        sentence = doc.text[m.end() : last]
        if (
            _prose(sentence)
            and not MOVE_START.search(doc.folded, m.end(), line_end)
            and len(_NAME_PAIR.findall(doc.text, m.end(), min(line_end, m.end() + 300))) < 2
        ):
            return m.start() + 1
    return stop


_GLUED_COUNTS = re.compile(
    r"(?:(?<=[a-z.])\ +|(?<=\n)\ *)"
    r"(?=nombre\ +(?:de|des)\ +(?:conseillers|membres|delegues|elus)\b"
    r"|(?:conseillers|membres|delegues|elus)\ +en\ +exercice\ *:?\ *\d)"
)
"""The counts glued to the last name of a list by a PDF's text layer, or on the line after it
("Nombre de conseillers en exercice : 15", "Conseillers en exercice : 15"): the list ends there."""


_NAME_PAIR = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+[A-ZÀ-Ý]{2,}\b")
"""A first name and a SURNAME: two after a sentence say the list goes on ("… adjoint au maire.
Luc ROUX, conseiller délégué aux sports, Anne MARTIN, Paul PITEL")."""


def _nth_line_end(doc: Doc, pos: int, n: int) -> int:
    for _ in range(n):
        nxt = doc.text.find("\n", pos + 1)
        if nxt < 0:
            return len(doc.text)
        pos = nxt
    return pos


def _read_block(doc: Doc, start: int, frag: Frag, out: Lists) -> None:
    head = doc.folded[start : doc.text.find(":", start)]
    nums = re.findall(r"\d{1,3}", head)
    first = str(int(nums[0])) if nums else "1"
    last = None if "fin" in head else (str(int(nums[-1])) if len(nums) > 1 else first)
    block = Block(
        first, last, None, None, Source(line=doc.line_no(start), text=doc.line(doc.line_no(start)))
    )
    for line_start, line_end in _frag_lines(frag):
        f = frag.folded[line_start:line_end].strip()
        src = _src(frag, line_start, line_end)
        if not f:
            continue
        if m := re.fullmatch(
            r"(\d{1,4}) +(presents?|votants?|procurations?|pouvoirs?|absents?"
            r"|excuses?|representes?)",
            f,
        ):
            if m.group(2).startswith("present"):
                block.present = int(m.group(1))
            elif m.group(2).startswith("votant"):
                block.voters = int(m.group(1))
            continue
        if m := P.EVENT.match(f):
            who = _mention(frag.text[line_start:line_end].strip()[m.start("who") :], src, None)
            if who is not None:
                (
                    block.departures if m.group("kind") in ("depart", "sortie") else block.arrivals
                ).append(who)
                continue
        out.unread.append(Unread(src, N_("line in a per-range block not understood")))
    out.blocks.append(block)


def _frag_lines(frag: Frag) -> list[tuple[int, int]]:
    """Spans of the fragment that came from distinct document lines."""
    spans = []
    prev = 0
    for k in range(1, len(frag._at)):
        spans.append((prev, frag._at[k]))
        prev = frag._at[k]
    spans.append((prev, len(frag.text)))
    return spans
