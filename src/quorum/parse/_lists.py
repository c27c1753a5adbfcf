"""The attendance part of the minutes: lists of present, absent and represented members,
proxies, the secretary, per-range blocks ("Questions 1 et 2 : 29 présents …").

This layer reads *mentions* (a name as written, where it was written, what was said about it);
the builder turns them into members, stretches and proxies.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quorum.findings import N_, Source
from quorum.parse import _patterns as P
from quorum.parse._attendance_vocab import ROLES
from quorum.parse._civilities import civility
from quorum.parse._headings import norm as _label
from quorum.parse._names import Name, read_names
from quorum.parse._text import Doc, Frag, fold

MAX_ENTRY = 400
"""Longer list entries are not read (reported as unread): bounds the cost of every pattern."""
LIST_KINDS = ("present", "absent", "represented", "substituted")
_SUBSTITUTED_BY = re.compile(
    r"\ (?:(?:remplacee?|supplee?e?)\ +)?par\ +(?:(?:sa|son)\ +suppl[ea]ante?\ +)?"
)
"""In an "Étaient suppléés :" list: "X par Y" (titular X, substitute Y)."""


@dataclass
class Mention:
    """A name as written at one place."""

    name: Name
    source: Source
    group: str | None = None


@dataclass
class Bound:
    """A range phrase: ``kind`` is from, until, before (until the previous item) or after."""

    kind: str
    label: str
    source: Source


@dataclass
class Entry:
    """A person in a present, absent or represented list, with what the list says about them."""

    who: Mention
    status: str
    bounds: list[Bound] = field(default_factory=list)
    substitute: bool = False
    substitute_for: Mention | None = None
    replaced_by: Mention | None = None
    proxy_to: Mention | None = None
    code: str | None = None


@dataclass
class ProxyFact:
    giver: Mention
    holder: Mention
    bounds: list[Bound]
    source: Source


@dataclass
class Block:
    """A per-range block: items ``first..last`` (``None`` = to the end) and what it counts."""

    first: str
    last: str | None
    present: int | None
    voters: int | None
    source: Source
    arrivals: list[Mention] = field(default_factory=list)
    departures: list[Mention] = field(default_factory=list)


@dataclass
class Move:
    """An arrival or a departure written with the attendance ("Départ de X à 20H50", "Départ de
    X en cours de séance"): no item is named. ``at_time`` is the clock time ("20:50") when the
    text gives one, for the item side to place on timed items; else None."""

    kind: str  # "arrive" or "leave"
    who: Mention
    at_time: str | None
    source: Source
    item: str | None = None
    """The item an arrival is placed at ("Arrivée de X au point 2"), else None."""


@dataclass
class Unread:
    """Text in an attendance section that matched nothing (becomes an UNREAD_TEXT warning)."""

    source: Source
    why: str


@dataclass
class Lists:
    entries: list[Entry] = field(default_factory=list)
    proxies: list[ProxyFact] = field(default_factory=list)
    secretary: list[Mention] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    passage: list[tuple[str, Source]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    clock: list[tuple[Mention, Source]] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    first_header: int | None = None
    ends: list[int] = field(default_factory=list)
    sections: list[tuple[int, int, str]] = field(default_factory=list)
    """Where the attendance sections that are read start and stop (offsets), and their kind."""


def _src(frag: Frag, a: int, b: int) -> Source:
    return Source(line=frag.line_no(a), text=frag.text[a:b].strip()[:200] or None)


_SEP_CHARS = ",;•·▪■►|"
_DASHES = "–—"
_CIVILITY_WORD = re.compile(civility(prose=True) + r"\b")
_TOTAL_LINE = re.compile(
    r"^\W*(?:soit\ +)?(?:\d{1,4})\ +(?:conseillers?\ +|membres?\ +|delegues?\ +)?"
    r"(?:presents?|procurations?|pouvoirs?|votants?|absents?|excuses?|representes?)\W*$"
)
"""A count inside a list ("Soit 31 présents", "2 procurations"): a total, not a name."""
_QUORUM_TAIL = re.compile(
    r"^\W*(?:(?:lesquels|qui)\ +)?(?:formant|forment|formaient|constituant)\ +(?:ainsi\ +)?"
    r"(?:la\ +majorite(?:\ +absolue)?(?:\ +des\ +membres(?:\ +en\ +exercice)?)?"
    r"|le\ +quorum)\W*$"
)
"""The close of a list of members present: "formant la majorité des membres en exercice"."""


def _outside(text: str) -> Iterator[tuple[int, str]]:
    """Each character outside parentheses, with its offset (the parentheses left out)."""
    depth = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield i, c


_BULLET_LINE = re.compile(r"[ \t]*[-–—•*·][ \t]")


def _chunks(frag: Frag, *, amp: bool = False) -> list[tuple[int, int]]:
    """List entries, whatever the separator: "," ";" bullets, "/" (not in a date), en and em
    dashes, " et " before a name, and a spaced hyphen when the list has no comma (a hyphen inside
    a name, "Jean-Pierre", "Jean - Claude" in a comma list, is not a separator). Only outside
    parentheses. With ``amp`` (a list of members present), " & " before a name is " et " too; in
    a list of absents it may be "à" as OCR reads it ("X & Y": a proxy), and is left to the proxy
    reader."""
    text, folded = frag.text, frag.folded
    cuts: list[tuple[int, int]] = []  # (start, end) of each separator
    spaced: list[tuple[int, int]] = []
    commas = 0
    for i, c in _outside(text):
        if c in _SEP_CHARS:
            cuts.append((i, i + 1))
            commas += c in ",;"
        elif c == "\n" and _BULLET_LINE.match(text, i + 1):
            cuts.append((i, i + 1))  # a line that opens on a bullet is a new entry
        elif c in _DASHES or (
            c == "/" and not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
        ):
            cuts.append((i, i + 1))
        elif c == " " and folded.startswith(" et ", i) and _starts_a_name(text, folded, i + 4):
            cuts.append((i, i + 4))
        elif (
            amp
            and c == " "
            and folded.startswith(" & ", i)
            and _starts_a_name(text, folded, i + 3)
        ):
            cuts.append((i, i + 3))
        elif c == "." and _sentence_cut(text, folded, i):
            cuts.append((i, i + 1))  # "… à Mme Hélène MAUGER. Monsieur Jean GOHIN donne …"
        elif c == " " and text.startswith(" - ", i) and not _compound(text, i):
            spaced.append((i, i + 3))
        elif (
            c == " "
            and _MID_CIVILITY.match(folded, i)
            and cuts_since(cuts, i)
            and folded[max(i - 12, 0) : i].split()[-1:] != []
            and folded[max(i - 12, 0) : i].split()[-1] not in _CONNECTORS
            and not folded[max(i - 12, 0) : i].rstrip().endswith(":")
        ):
            cuts.append((i, i + 1))  # "… Vices présidents Madame Mélanie FORTIER": a new person
    if commas < 2 or len(spaced) > commas:
        cuts += spaced
    cuts += [m.span() for m in _WIDE_GAP.finditer(text)]  # columns: "M. A      Mme B", tabs
    if not commas:  # one entry a line, no separator at all ("X donne pouvoir à Y" / "Z …")
        bounds = [*frag._at, len(text)]
        cuts += [
            (at - 1, at)
            for at, end in itertools.pairwise(bounds[1:])
            if _line_is_entry(text, folded, at, end)
        ]
    for k, at in enumerate(frag._at[1:], 2):  # a line "Procuration de X à Y" is an entry
        if _PROXY_OF.match(folded, at) or "|" in text:  # a table's row ends its last cell
            cuts.append((at - 1, at))
        elif text[at - 1] == " " and _line_group(
            text[at : frag._at[k] if k < len(frag._at) else len(text)]
        ):  # not after a hyphen that joins the line above ("Roset-" / "Fluans : …")
            cuts.append((at - 1, at))  # a line "Commune : X, Y" starts the commune's entries
    cuts = sorted(c for c in cuts if not _PROXY_GOES_ON.match(folded, c[1]))
    spans: list[tuple[int, int]] = []
    begin = 0
    for a, b in cuts:
        if a < begin:
            continue
        spans.append((begin, a))
        begin = b
    spans.append((begin, len(text)))
    return spans


def _line_is_entry(text: str, folded: str, at: int, end: int) -> bool:
    """The line at ``at`` (to ``end``) starts an entry of its own: the line before ends on a
    word (no separator, no connector, no civility: "… donne pouvoir à" / "M. X" goes on), and
    this one starts with a name of two words at least before any separator ("Lucas HOARAU
    donne …"; a surname alone, "DURAND - Paul MARTIN", ends a name cut by the line break)."""
    before = folded[max(at - 40, 0) : at].split()[-1:]
    if not before or before[-1][-1:] in _SEP_CHARS + _DASHES + "-/" or before[-1] in _CONNECTORS:
        return False
    if _CIVILITY_WORD.fullmatch(before[-1].rstrip(".")):
        return False
    if not _starts_a_name(text, folded, at):
        return False
    head = re.split(r"\s[-–—/]\s|[,;(]", text[at:end])[0]
    return len(head.split()) >= 2


_PROXY_GOES_ON = re.compile(
    rf"\ *(?:(?:qui\ +)?(?:a\ +|ayant\ +)?donne\ +)?(?:son\ +|sa\ +)?{P.PROXY_NOUN}"
    r"(?:\ +donnee?)?\ +(?:a|&|au)\ |\ *represente(?:e)?\ +par\ "
)
"""A separator before a proxy phrase ("Paul NOIR, pouvoir à Luc ROUX", "X – procuration à Y")
does not end the entry: the proxy is the giver's."""
_WIDE_GAP = re.compile(r"(?<=\S)(?:\ {3,}|\t+\ *)(?=\S)")
"""Three spaces or more, or a tab, between two words: two columns, two entries."""


_PLURAL_CIVILITY = re.compile(civility(singular=False) + r"\.?")
"""A plural civility alone ("MM.", "Mesdames") heads the names that follow: not a person."""
_CONNECTORS = frozenset(
    {"a", "&", "au", "aux", "par", "de", "du", "des", "donne", "donnent", "pouvoir", "et", "ou"}
)
"""Words after which a civility continues a phrase ("… à Mr Y") instead of starting a person."""
_MID_CIVILITY = re.compile(rf"\ {civility(plural=False, short='dotted')}\.?\ +(?=\w)")


def cuts_since(cuts: list[tuple[int, int]], i: int) -> bool:
    """The text since the last separator holds a word of its own (a civility after a civility,
    "Mesdames Mme X", is not a new person)."""
    return not cuts or i - cuts[-1][1] > 3


def _sentence_cut(text: str, folded: str, i: int) -> bool:
    """A dot at ``i`` ends an entry: a word of three letters or more (no initial, no civility)
    before it, a civility after it ("MAUGER. Monsieur X")."""
    before = text[max(i - 40, 0) : i].split()[-1:]
    return (
        text[i + 1 : i + 2] == " "
        and bool(_CIVILITY_WORD.match(folded, i + 2))
        and bool(before)
        and len(before[0]) >= 3
        and before[0].isalpha()
        and not _CIVILITY_WORD.fullmatch(fold(before[0]))
    )


def _compound(text: str, i: int) -> bool:
    """ " - " between two SURNAMES ("ROUVIER - COROUGE", "BROCA - LANNAUD"): one name."""
    before = text[max(i - 30, 0) : i].split()[-1:]
    after = text[i + 3 : i + 33].split()[:1]
    return bool(before and after) and all(
        len(w) > 1 and w.isupper() for w in (before[0], after[0])
    )


def _starts_a_name(text: str, folded: str, i: int) -> bool:
    """A name starts at ``i``: a civility or a capital, and no group label (":") before the next
    comma (a commune "Chemaudin et Vaux :" is not two entries)."""
    nxt = text[i : i + 1]
    if not (nxt.isupper() or _CIVILITY_WORD.match(folded, i)):
        return False
    stop = min((k for k in (text.find(",", i), text.find(";", i)) if k >= 0), default=len(text))
    return ":" not in text[i:stop]


_ATTENDANCE_WORD = re.compile(
    rf"\b(?:presente?s?|absente?s?|excusee?s?|representee?s?|{P.PROXY_NOUN}|suppleante?s?)\b"
)
"""A word of an attendance heading: a label that holds one ("… Absents excusés représentés :",
a heading the table does not know) is no commune, and the entry is reported, not misread."""


_PROXY_OF = re.compile(rf"\W*{P.PROXY_NOUN}\ +(?:de\ +|du\ +|d')")


_NOUN_AT_END = re.compile(rf"[\s,;–—-]*{P.PROXY_NOUN}(?:\ +donnee?)?\s*$")


def _before_proxy_noun(text: str) -> str:
    """The giver of "X, pouvoir à Y" / "X – procuration à Y": what is before the proxy word."""
    m = _NOUN_AT_END.search(fold(text))
    return text[: m.start()] if m else text


def _after_proxy_of(text: str) -> str:
    """The giver of "procuration de X à Y": what follows "procuration de"."""
    m = _PROXY_OF.match(fold(text))
    return text[m.end() :] if m else text


def _line_group(line: str) -> bool:
    """A line that opens on a commune and its colon ("Brinon : M. Francis DELAGE"); not the end
    of an entry before the next commune ("ROSET, Chemaudin et Vaux : …")."""
    label, _ = _group_prefix(line)
    return label is not None and not any(c in label for c in _SEP_CHARS)


def _group_prefix(text: str) -> tuple[str | None, int]:
    """A commune or group prefix ("Besançon : …"), and where the rest starts."""
    for i, c in _outside(text):
        if c == ":":
            left = text[:i].strip()
            if (
                left
                and len(left) <= 60
                and len(left.split()) <= 6
                and not _CIVILITY_WORD.match(left.casefold())
                and not _ATTENDANCE_WORD.search(fold(left))
            ):
                return left, i + 1
            return None, 0
    return None, 0


def _parens(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text outside parentheses (blanked inside, same length) and the inner spans."""
    out = list(text)
    spans: list[tuple[int, int]] = []
    depth = 0
    begin = 0
    for i, c in enumerate(text):
        if c == "(":
            if depth == 0:
                begin = i + 1
            depth += 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((begin, i))
        if depth or c == ")":
            out[i] = " "
    if depth:
        spans.append((begin, len(text)))
    return "".join(out), spans


_LINE_CIVILITY = re.compile(civility(plural=False, short="dotted") + r"\.?\s")
_FROM_PLACE = re.compile(r"\s+(?:de|d')\s*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý' /-]{2,40})$")


def _line_entries(frag: Frag) -> list[tuple[int, int, str | None]] | None:
    """One person a line, communes on lines of their own (a two-column table flattened):
    when most lines start with a civility and hold no comma. Entries with their group."""
    bounds = [*frag._at, len(frag.text)]
    lines = [(bounds[k], bounds[k + 1]) for k in range(len(frag._at))]
    if len(lines) < 4:
        return None
    civ = sum(1 for a, _ in lines if _LINE_CIVILITY.match(frag.folded, a))
    if civ * 2 < len(lines) or frag.text.count(",") * 4 > len(lines):
        return None
    out: list[tuple[int, int, str | None]] = []
    group: str | None = None
    label: list[str] = []
    for a, b in lines:
        line = frag.text[a:b].strip()
        before = frag.text[out[-1][0] : a] if out else ""
        if out and (
            line[:1] in "(" or line[:1].islower() or before.count("(") > before.count(")")
        ):
            out[-1] = (out[-1][0], b, out[-1][2])  # a remark or a name wrapped on the next line
        elif _LINE_CIVILITY.match(frag.folded, a):
            if label:
                group, label = " ".join(label), []
            out.append((a, b, group))
        elif line.upper() == line and any(c.isalpha() for c in line):
            label.append(line)  # a commune, alone on its line
        else:
            out.append((a, b, group))  # anything else is read, and reported if not a name
    return out


def _header_rows(frag: Frag, out: Lists) -> list[tuple[int, int]]:
    """Rows of a flattened table whose cells are all single words in capitals ("BESANCON |
    THISE | PUGEY"): column headings (communes?), not members. Reported, and left out."""
    rows = []
    bounds = [*frag._at, len(frag.text)]
    for a, b in itertools.pairwise(bounds):
        cells = [c.strip() for c in frag.text[a:b].split("|")]
        cells = [c for c in cells if c]
        if len(cells) >= 2 and all(_CAPS_CELL.fullmatch(c) for c in cells):
            rows.append((a, b))
            out.unread.append(Unread(_src(frag, a, b), N_("a row of column headings, not names")))
    return rows


_CAPS_CELL = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+")


def _read_people(frag: Frag, status: str, out: Lists) -> None:
    group: str | None = None
    by_line = _line_entries(frag)
    groups = {(a, b): g for a, b, g in by_line} if by_line else {}
    spans = [(a, b) for a, b, _ in by_line] if by_line else _chunks(frag, amp=status == "present")
    if "|" in frag.text and (headers := _header_rows(frag, out)):
        spans = [(a, b) for a, b in spans if not any(x <= a < y for x, y in headers)]
    read: list[tuple[int, int, int]] = []  # (chunk end, first entry, entries after) per chunk
    for a, b in spans:
        if (a, b) in groups:
            group = groups[(a, b)]
            if m := _FROM_PLACE.search(frag.text, a, b):  # "M. DELAERE Hubert de JOUARRE"
                group, b = m.group("place").strip(), m.start()
        raw = frag.text[a:b]
        if not raw.strip() or re.fullmatch(r"\W*(?:neant|aucun|-)\W*", frag.folded[a:b]):
            continue
        if (
            _TOTAL_LINE.match(frag.folded[a:b].strip())
            or _QUORUM_TAIL.match(frag.folded[a:b].strip())
            or ROLES.fullmatch(frag.folded[a:b].strip())
            or _PLURAL_CIVILITY.fullmatch(frag.folded[a:b].strip())
        ):
            continue  # "Soit 31 présents": a total; "Vices présidents": a role, not a person
        role = _TRAILING_ROLE.search(frag.folded, a, b) if (a, b) in groups else None
        if role and ROLES.fullmatch(role.group("role").strip()):
            b = role.start()  # "M. Bruno ANDRE, Maire" on its line: the role is no name
        if b - a > MAX_ENTRY:
            out.unread.append(Unread(_src(frag, a, b), N_("entry too long to be a name")))
            continue
        lead = len(raw) - len(raw.lstrip(" -–—•*·"))
        a, raw = a + lead, raw[lead:]
        mine = out.entries[read[0][1] :] if read else []
        if mine and P.SUBSTITUTE_OF.match(frag.folded[a:b].strip(" -–—\n")):
            end = a + len(frag.text[a:b].rstrip(" -–—\n"))
            _annotation(frag, a, end, mine[-1], out)  # "M. X (Geney), suppléant de M. Y"
            continue
        prefix, skip = _group_prefix(raw)
        if prefix is not None:
            group = prefix
        if prefix is not None and not raw[skip:].strip(" ,;"):
            continue  # a label alone ("Affichage le :"): nothing to read
        first = len(out.entries)
        tail = _TRAILING_ROLE.search(frag.folded, a + skip, b) if (a, b) in groups else None
        if tail and P.SUBSTITUTE_OF.match(tail.group("role").strip()):
            _read_entry(frag, a + skip, tail.start(), status, group, out)
            if len(out.entries) > first:  # "M. X (Geney), suppléant de M. Y" on its line
                _annotation(frag, tail.start() + 1, b, out.entries[-1], out)
        else:
            _read_entry(frag, a + skip, b, status, group, out)
        read.append((b, first, len(out.entries)))
    _shared_holders(frag, read, out)
    _cut_at_the_end(read, out)


_TRAILING_ROLE = re.compile(r",(?P<role>[^,()\n]+)$")
"""The last part of a line after a comma ("M. Bruno ANDRE, Maire"): a role, when ROLES says so."""


def _cut_at_the_end(read: list[tuple[int, int, int]], out: Lists) -> None:
    """A list whose names have first name and SURNAME but ends on a lone word ("…, Monique")
    was cut (a page break, a column): the rest of it is somewhere the reader did not look."""
    mine = out.entries[read[0][1] :] if read else []
    if len(mine) < 3:
        return
    full = sum(1 for e in mine if e.who.name.first and e.who.name.last)
    last = mine[-1]
    if full * 4 >= len(mine) * 3 and not (last.who.name.first and last.who.name.last):
        out.entries.remove(last)
        out.unread.append(
            Unread(last.who.source, N_("the list ends on a name without its surname: cut here?"))
        )


def _shared_holders(frag: Frag, read: list[tuple[int, int, int]], out: Lists) -> None:
    """ "A et B donnent pouvoir à C": an absent entry with no proxy, joined by "et" to the next
    entry that has one, gives his proxy to the same holder."""
    for k in range(len(read) - 2, -1, -1):
        end, first, after = read[k]
        nxt_start = read[k + 1][1]
        if after == first or nxt_start >= len(out.entries):
            continue
        giver, nxt = out.entries[after - 1], out.entries[nxt_start]
        gap = frag.folded[end : end + 4]
        if (
            gap == " et "
            and giver.proxy_to is None
            and nxt.proxy_to is not None
            and giver.status != "present"
            and not giver.replaced_by
        ):
            giver.proxy_to = nxt.proxy_to


def _read_entry(frag: Frag, a: int, b: int, status: str, group: str | None, out: Lists) -> None:
    text, folded = frag.text[a:b], frag.folded[a:b]
    outside, inner = _parens(text)
    src = _src(frag, a, b)
    fold_out = _blank_like(folded, outside)
    substitute_of: Mention | None = None
    replaced: Mention | None = None
    holder: Mention | None = None
    m = P.REPLACED_BY.search(fold_out)
    if status == "substituted":
        status = "absent"
        m = m or _SUBSTITUTED_BY.search(fold_out)
    if m:
        replaced = _mention(text[m.end() :].split("(")[0], src, group)
        outside = outside[: m.start()]
    elif status != "present":
        px = P.PROXY_SPLIT.search(fold_out.replace("\n", " "))  # "donnent / pouvoir à"
        if px:
            holder = _mention(outside[px.end() :], src, group)
            outside = _before_proxy_noun(_after_proxy_of(outside[: px.start()]))
            if holder is None:
                out.unread.append(Unread(src, N_("the holder of this proxy could not be read")))
    names, bad = read_names(outside)
    if bad or not names:
        out.unread.append(Unread(src, N_("no name could be read here")))
        return
    if any(_phrase_like(n) for n in names):
        out.unread.append(Unread(src, N_("this reads like a phrase, not a name")))
        return
    entries = [Entry(Mention(n, src, group), status) for n in names]
    last = entries[-1]
    last.replaced_by, last.proxy_to = replaced, holder
    for ia, ib in inner:
        _annotation(frag, a + ia, a + ib, last, out)
    last.substitute_for = last.substitute_for or substitute_of
    out.entries += entries


_PARTICLES = frozenset({"de", "du", "des", "le", "la", "d'", "van", "von", "di", "da", "del"})


def _phrase_like(name: Name) -> bool:
    """ "Formant la majorité des membres en exercice": words of a sentence, not a name."""
    words = f"{name.first} {name.last}".split()
    lower = [w for w in words if w[:1].islower() and w.casefold() not in _PARTICLES]
    return len(lower) >= 2 or len(words) > 6


def _blank_like(folded: str, outside: str) -> str:
    pairs = zip(folded, outside, strict=True)
    return "".join(f if o != " " or f == " " else " " for f, o in pairs)


_UNTIL_ARRIVAL = re.compile(
    r"[\s,]+(?:jusqu'?\ ?(?:a|&)|avant)\ +(?:son|sa|leur)\ +(?:arrivee|retour)\b.*$"
)
""""X donne pouvoir à Y jusqu'à son arrivée": a proxy is usable only while its giver is
absent, so the phrase adds nothing to read (his arrival is read where it is written)."""


def _mention(text: str, src: Source, group: str | None) -> Mention | None:
    """The one person ``text`` names; None when it names none, or several (a list joined to the
    next entry: reported by the caller, never a first name kept and the rest dropped). A scrap
    of a letter or two after it is OCR's ("Serge DRUGEO N"), not a second person."""
    if m := _UNTIL_ARRIVAL.search(fold(text)):
        text = text[: m.start()]  # the proxy holds while the giver is absent: that is the rule
    names, bad = read_names(text[:MAX_ENTRY])
    scraps = all(not (n.first and n.last) and len(n.first + n.last) <= 2 for n in names[1:])
    return Mention(names[0], src, group) if names and scraps and not bad else None


def _annotation(frag: Frag, a: int, b: int, entry: Entry, out: Lists) -> None:
    """What a parenthesis after a name says: a range, a substitution, a proxy, a code."""
    f = frag.folded[a:b].strip()
    src = _src(frag, a, b)
    raw = frag.text[a:b].strip()
    if not f or P.NO_PROXY.match(f) or ROLES.fullmatch(f):
        return  # "(pas de pouvoir)"; "(Maire)", "(membre élu)": a role, nothing on attendance
    if m := P.PROXY_CODE.match(f):
        entry.code = m.group("stars")
        return
    if P.SUBSTITUTE.match(f):
        entry.substitute = True
        return
    if m := P.SUBSTITUTE_OF.match(f):
        entry.substitute = True
        entry.substitute_for = _mention(raw[m.start("who") :], src, entry.who.group)
        return
    if (m := P.REPLACED_BY.match(f)) and m.start() == 0:
        entry.replaced_by = _mention(raw[m.end() :], src, entry.who.group)
        return
    if P.CLOCK.search(f):  # "arrivé à 19 h 49", "(pouvoir à Y à partir de 10 H 50)"
        out.clock.append((entry.who, src))
        if not P.PROXY_TO.match(f):
            return
    bounds = read_bounds(f, src)
    for pat in (P.PROXY_TO, P.REPRESENTED_BY, _HOLDER_LABEL):
        if m := pat.match(f):
            who = raw[m.start("who") :]
            cut = _first_bound_at(f[m.start("who") :])
            entry.proxy_to = _mention(who[:cut], src, entry.who.group)
            entry.bounds += [Bound("proxy-" + bd.kind, bd.label, bd.source) for bd in bounds]
            return
    if (m := _PROXY_FROM.match(f)) and entry.status == "present":
        # "X (pouvoir de Y)": Y is the giver, X in front of it the holder
        who = raw[m.start("who") :]
        giver = _mention(who[: _first_bound_at(f[m.start("who") :])], src, entry.who.group)
        if giver is not None:
            proxy_bounds = [Bound("proxy-" + bd.kind, bd.label, bd.source) for bd in bounds]
            out.proxies.append(ProxyFact(giver, entry.who, proxy_bounds, src))
            return
    if bounds:
        entry.bounds += bounds
        return
    if _commune(raw, f) and entry.who.group is None:
        entry.who.group = raw  # "M. Paul NICOLAS (Cerdon)": his commune
        return
    out.unread.append(Unread(src, N_("this remark on a member was not understood")))


def _commune(raw: str, folded: str) -> bool:
    """A parenthesis that holds only a place's name: no civility, role or attendance word."""
    return bool(
        _PLACE.fullmatch(raw)
        and not _CIVILITY_WORD.match(folded)
        and not ROLES.fullmatch(folded)
        and not _ATTENDANCE_WORD.search(folded)
    )


_PLACE = re.compile(
    r"[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý'’]+(?:(?:-|\ |-sur-|-en-|-le-|-la-)[A-Za-zà-ÿÀ-Ý'’]+){0,4}"
)
"""A commune's name alone in a parenthesis ("Cerdon", "Sainte-Montaine", "AUBIGNY")."""


_HOLDER_LABEL = re.compile(r"^(?:mandataire|porteur\ +du\ +pouvoir)\ *:?\ *(?P<who>.+)$")
"""The holder named by his role: "(mandataire : M. Y)"."""


_AT_CLOCK = re.compile(
    r"(?:a\ +partir\ +d[eu]|a\ +compter\ +d[eu]|des|jusqu'?\ ?a|avant|apres|a|&)\ +"
    + P.CLOCK.pattern,
    re.VERBOSE,
)
"""A clock time after a name: "à partir de 10 H 50", "à 20H50" (not part of the name)."""


_PROXY_FROM = re.compile(
    rf"{P.PROXY_NOUN}(?:\ +donnee?|\ +recue?)?\ +(?:de\ +|du\ +|d'\ *|par\ +)(?P<who>.+)$"
)
"""A proxy named by its giver, after its holder's name: "(pouvoir de Y)", "(procuration donnée
par Y)"."""


def _first_bound_at(f: str) -> int:
    hits = [
        m.start()
        for pat in (P.RANGE_FROM, P.RANGE_UNTIL, P.RANGE_BEFORE, P.RANGE_AFTER, _AT_CLOCK)
        if (m := pat.search(f))
    ]
    return min(hits) if hits else len(f)


def read_bounds(f: str, src: Source) -> list[Bound]:
    """Range phrases in a short folded text."""
    found: list[Bound] = []
    for kind, pat in (
        ("from", P.RANGE_FROM),
        ("until", P.RANGE_UNTIL),
        ("before", P.RANGE_BEFORE),
        ("after", P.RANGE_AFTER),
    ):
        for m in pat.finditer(f[:MAX_ENTRY]):
            found.append(Bound(kind, _label(m.group("n")), src))
    return found


def _chained(frag: Frag, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "A donne procuration à B C donne procuration à D" (one proxy a line, no comma): cut
    before the name that follows each holder's (a SURNAME then a new first name or civility)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        hits = list(P.PROXY_SPLIT.finditer(frag.folded, a, b))
        if len(hits) < 2 or "(" in frag.text[a:b]:
            out.append((a, b))
            continue
        begin = a
        for h, nxt in itertools.pairwise(hits):
            cut = _next_name_start(frag.text, h.end(), nxt.start())
            if cut is not None:
                out.append((begin, cut))
                begin = cut
        out.append((begin, b))
    return out


def _next_name_start(text: str, a: int, b: int) -> int | None:
    """Where a second name starts in ``text[a:b]`` ("Michel VAILLIES Patricia MICHOT")."""
    seen_upper = False
    for m in re.finditer(r"\S+", text[a:b]):
        word = m.group()
        upper = sum(c.isupper() for c in word) >= 2 and word.upper() == word
        if upper:
            seen_upper = True
        elif seen_upper and word[:1].isupper():
            return a + m.start()
    return None


def _read_proxies(frag: Frag, out: Lists) -> None:
    group: str | None = None
    waiting: list[Mention] = []
    for a, b in _chained(frag, _chunks(frag)):
        raw = frag.text[a:b]
        if not raw.strip() or re.fullmatch(r"\W*(?:neant|aucun|aucune)?\W*", frag.folded[a:b]):
            continue
        src = _src(frag, a, b)
        if b - a > MAX_ENTRY:
            out.unread.append(Unread(src, N_("entry too long to be a proxy")))
            continue
        prefix, skip = _group_prefix(raw)
        if prefix is not None:
            group = prefix
        text, folded = raw[skip:], frag.folded[a + skip : b]
        outside, inner = _parens(text)
        m = P.PROXY_SPLIT.search(_blank_like(folded, outside))
        giver = _mention(
            _before_proxy_noun(_after_proxy_of(outside[: m.start()] if m else outside)), src, group
        )
        holder = _mention(outside[m.end() :], src, None) if m else None
        bounds: list[Bound] = []
        for ia, ib in inner:
            f = folded[ia:ib].strip()
            got = read_bounds(f, _src(frag, a + skip + ia, a + skip + ib))
            if holder is None and (h := P.PROXY_TO.match(f) or P.REPRESENTED_BY.match(f)):
                who = text[ia:ib].strip()[h.start("who") :]
                holder = _mention(who[: _first_bound_at(f[h.start("who") :])], src, None)
            elif (
                not got
                and not P.NO_PROXY.match(f)
                and not ROLES.fullmatch(f)  # "(membre élu)": a role
                and not _commune(text[ia:ib].strip(), f)  # "(Jouy)": the giver's commune
            ):
                out.unread.append(
                    Unread(
                        _src(frag, a + skip + ia, a + skip + ib),
                        N_("this remark on a proxy was not understood"),
                    )
                )
            bounds += got
        if giver is not None and holder is None and frag.folded[b : b + 4] == " et ":
            waiting.append(giver)  # "A et B donnent pouvoir à C"
            continue
        if giver is None or holder is None:
            out.unread.append(Unread(src, N_("not read as 'giver à holder'")))
            continue
        for g in waiting:
            out.proxies.append(ProxyFact(g, holder, bounds, src))
        waiting.clear()
        out.proxies.append(ProxyFact(giver, holder, bounds, src))
    for g in waiting:
        out.unread.append(Unread(g.source, N_("a proxy giver whose holder is not named")))


MOVE_START = re.compile(
    r"(?:^[\ \t\-•*]*|(?<=[.;]\ ))(?P<kind>depart|departs|arrivee|arrivees|arrive|sortie|retour)"
    r"\ +(?:de\ +|d')",
    re.MULTILINE,
)
"""An arrival or a departure told in a sentence of its own inside the attendance."""
_MOVE_KINDS = {"depart": "leave", "departs": "leave", "sortie": "leave"}
_MOVE_WHO_END = re.compile(
    r"\ +(?:a|&|des|vers)\ +\d|\ +(?:a\ +partir|en\ +cours|lors|pendant|apres|avant|au\ +cours)\b"
    r"|\ *[(.;:]|\n\s*\n|\ +(?:au|a\ +la|a\ +l')\ *(?:point|question|rapport|dossier)\b"
)
_MOVE_ITEM = re.compile(
    r"^\ +(?:au|a\ +la|a\ +l')\ *(?:point|question|rapport|dossier)\ *(?:n\ ?°\ ?)?"
    r"(?P<n>\d{1,3}(?:\ ?bis)?)\b\ *\.?\ *$"
)
"""The item of an arrival, when the sentence says no more ("Arrivée de X au point 2.")."""


def read_moves(doc: Doc, a: int, b: int, out: Lists) -> None:
    """The arrivals and departures of a move sentence ("Départ de Maryline et Nelly à 20H50."),
    from ``a`` (where :data:`MOVE_START` matched) to ``b``: one :class:`Move` a person named,
    with the clock time if any; what is not a name is reported."""
    folded, text = doc.folded[a:b], doc.text[a:b]
    m = MOVE_START.match(folded)
    if m is None:
        return
    kind = _MOVE_KINDS.get(m.group("kind"), "arrive")
    rest = folded[m.end() :]
    stop = _MOVE_WHO_END.search(rest)
    who_end = m.end() + (stop.start() if stop else len(rest))
    dot = folded.find(".", who_end)
    sentence = text[: dot + 1 if dot >= 0 else len(text)]
    src = Source(line=doc.line_no(a), text=" ".join(sentence.split())[:200])
    clock = P.CLOCK.search(folded, m.end(), len(sentence))
    at_time = f"{int(clock.group('h')):02d}:{clock.group('m') or '00'}" if clock else None
    placed = _MOVE_ITEM.match(fold(sentence[who_end:])) if kind == "arrive" else None
    item = _label(placed.group("n")) if placed and at_time is None else None
    for part in re.split(r",|\ et\ |\ &\ ", text[m.end() : who_end]):
        if not part.strip():
            continue
        who = _mention(part, src, None)
        if who is None:
            out.unread.append(Unread(src, N_("not read as the name of who arrives or leaves")))
            continue
        out.moves.append(Move(kind, who, at_time, src, item))


_GIVES = re.compile(rf"\bdonne(?:nt)?\ +(?:son\ +|sa\ +|leur\ +)?{P.PROXY_NOUN}\ +(?:a|&|au)\ +")
_HOLDER_END = re.compile(r"[.;,(]|\s(?:pour|jusqu|à\s+partir|a\s+partir|avant|apr[eè]s)\b")


def proxy_given_in(sentence: str, src: Source) -> tuple[bool, Mention | None]:
    """A proxy given in a sentence of the items ("M. X quitte la séance et donne pouvoir à Mme
    Y."): whether the sentence gives one, and its holder (None when he cannot be read)."""
    m = _GIVES.search(fold(sentence))
    if not m:
        return False, None
    return True, _mention(_HOLDER_END.split(sentence[m.end() :])[0], src, None)
