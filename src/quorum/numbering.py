"""Automatic list numbering ("1)", "I.", "a -", "Point n°3 :") of Word and LibreOffice, as text.

An item heading numbered by a list holds no number in its text: the word processor draws it
from the list's definition. python-docx does not render them, nor does docx2python for numbering
set by a paragraph style (measured: docx2python 3.7 drops the numbers of "List Number"
paragraphs), nor odfdo; so this module does, for the common cases.

- Word (``WordNumbering``): a paragraph's own numbering or its style's (through ``basedOn``),
  lists sharing an abstract definition continuing one another, ``startOverride`` restarting
  them, deeper levels restarting under a shallower one, a definition linked to a numbering style.
- LibreOffice (``OdfLists``): ``text:list`` nesting for levels, the list style's format, prefix,
  suffix, start value and displayed levels, ``text:continue-numbering`` / ``text:continue-list``
  and an item's ``text:start-value``.

Formats: decimal, roman, letters; bullets give nothing, and so does anything not understood
(never a wrong number). Everything is read from the libraries' parsed XML; nothing is imported.
"""

from __future__ import annotations

import re
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 10


def _val(element: Any, name: str) -> str | None:
    """The ``w:val`` of a child ``w:name`` of ``element``, or None."""
    if element is None:
        return None
    child = element.find(f"{W}{name}")
    return None if child is None else child.get(f"{W}val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def roman(n: int) -> str:
    """1 -> "I", 14 -> "XIV" (n > 0)."""
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def number_text(fmt: str, n: int) -> str:
    """A counter in one of Word's formats (``w:numFmt``); unknown formats as decimal."""
    if n <= 0:
        return str(n)
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: A..Z, AA..ZZ
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class WordNumbering:
    """The numbering of one document, rendered paragraph by paragraph in document order."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        """``numbering``: the ``w:numbering`` element (or None); ``styles``: ``w:styles``."""
        # abstractNumId -> level -> (start, format, text, suffix)
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style it links to
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, restarts)
        for abstract in [] if numbering is None else numbering.iterfind(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId") or ""
            link = _val(abstract, "numStyleLink")
            if link:
                self.links[aid] = link
            self.levels[aid] = {
                _int(lvl.get(f"{W}ilvl"), 0): (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _val(lvl, "suff") or "tab",
                )
                for lvl in abstract.iterfind(f"{W}lvl")
            }
        for num in [] if numbering is None else numbering.iterfind(f"{W}num"):
            restarts = {
                _int(o.get(f"{W}ilvl"), 0): _int(_val(o, "startOverride"), 1)
                for o in num.iterfind(f"{W}lvlOverride")
                if _val(o, "startOverride") is not None
            }
            self.nums[num.get(f"{W}numId") or ""] = (_val(num, "abstractNumId") or "", restarts)
        # styleId -> (numId, ilvl, basedOn)
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.default_style: str | None = None
        for style in [] if styles is None else styles.iterfind(f"{W}style"):
            sid = style.get(f"{W}styleId") or ""
            pr = style.find(f"{W}pPr/{W}numPr")
            self.styles[sid] = (_val(pr, "numId"), _val(pr, "ilvl"), _val(style, "basedOn"))
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                self.default_style = sid
        self.counters: dict[str, list[int | None]] = {}
        self.restarted: set[str] = set()

    def _style_numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            num_id, ilvl, based_on = self.styles[sid]
            if num_id is not None:
                return num_id, ilvl
            sid = based_on
        return None, None

    def _abstract(self, aid: str) -> str:
        """An abstract definition that only links to a numbering style: the style's own."""
        if aid in self.links:
            num_id, _ = self._style_numbering(self.links[aid])
            if num_id in self.nums and self.nums[num_id][0] not in self.links:
                return self.nums[num_id][0]
        return aid

    def prefix(self, paragraph: Any) -> str:
        """The number Word draws before this ``w:p`` ("1)\\t"), or ""; counts it."""
        pr = paragraph.find(f"{W}pPr")
        own = None if pr is None else pr.find(f"{W}numPr")
        num_id, ilvl = _val(own, "numId"), _val(own, "ilvl")
        if num_id is None:
            style_num, style_ilvl = self._style_numbering(_val(pr, "pStyle") or self.default_style)
            num_id, ilvl = style_num, ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id not in self.nums:
            return ""  # numId 0 (numbering removed) is never defined
        aid, restarts = self.nums[num_id]
        aid = self._abstract(aid)
        levels = self.levels.get(aid, {})
        level = min(max(_int(ilvl, 0), 0), LEVELS - 1)
        if level not in levels:
            return ""
        counters = self.counters.setdefault(aid, [None] * LEVELS)
        if num_id not in self.restarted:
            self.restarted.add(num_id)
            for at, start in restarts.items():
                if 0 <= at < LEVELS:
                    counters[at] = start - 1
        start, fmt, text, suffix = levels[level]
        current = counters[level]
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        if fmt == "bullet":
            return ""

        def counter(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            start_at, fmt_at, _, _ = levels.get(at, (1, "decimal", "", ""))
            value = counters[at] if at < LEVELS and counters[at] is not None else start_at
            return "" if fmt_at == "none" else number_text(fmt_at, value or start_at)

        label = re.sub(r"%([1-9])", counter, text).strip()
        if not label:
            return ""
        return label + {"space": " ", "nothing": ""}.get(suffix, "\t")


ODF_FORMATS = {"1": "decimal", "I": "upperRoman", "i": "lowerRoman", "A": "upperLetter",
               "a": "lowerLetter"}  # fmt: skip
"""``style:num-format`` to the formats of ``number_text``; an empty format shows no number."""

OdfLevel = tuple[str, str, str, int, int, str]
"""A numbered level of a list style: format, prefix, suffix, start, levels shown, separator."""
ListContext = tuple[int, str | None, int]
"""Where a ``text:list`` is: the list it counts in, its style, its level (0 at the top)."""


class OdfLists:
    """The list numbering of one LibreOffice document, item by item in document order.

    Elements are odfdo elements (``tag``, ``children``, ``get_attribute_string``).
    """

    def __init__(self, list_styles: Any, paragraph_styles: Any) -> None:
        self.styles: dict[str, dict[int, OdfLevel | None]] = {}
        for style in list_styles:
            levels: dict[int, OdfLevel | None] = {}
            for spec in style.children:
                level = _int(spec.get_attribute_string("text:level"), 1) - 1
                fmt = spec.get_attribute_string("style:num-format")
                if spec.tag != "text:list-level-style-number" or fmt not in ODF_FORMATS:
                    levels[level] = None
                    continue
                align = spec.get_element(
                    "style:list-level-properties/style:list-level-label-alignment"
                )
                follow = align.get_attribute_string("text:label-followed-by") if align else None
                levels[level] = (
                    ODF_FORMATS[fmt],
                    spec.get_attribute_string("style:num-prefix") or "",
                    spec.get_attribute_string("style:num-suffix") or "",
                    _int(spec.get_attribute_string("text:start-value"), 1),
                    _int(spec.get_attribute_string("text:display-levels"), 1),
                    {"space": " ", "nothing": ""}.get(follow or "", "\t"),
                )
            self.styles[style.get_attribute_string("style:name") or ""] = levels
        self.paragraph_lists = {
            s.get_attribute_string("style:name") or "": s.get_attribute_string(
                "style:list-style-name"
            )
            for s in paragraph_styles
        }
        self.counters: dict[int, list[int | None]] = {}
        self.by_id: dict[str, int] = {}
        self.last_by_style: dict[str | None, int] = {}

    def open_list(self, element: Any, parent: ListContext | None) -> ListContext:
        """The context of a ``text:list``: nested in ``parent``, continuing a list, or new."""
        style = element.get_attribute_string("text:style-name")
        if parent is not None:
            return parent[0], style or parent[1], parent[2] + 1
        follows = element.get_attribute_string("text:continue-list")
        if follows in self.by_id:
            key = self.by_id[follows]
        elif element.get_attribute_string("text:continue-numbering") == "true" and (
            style in self.last_by_style
        ):
            key = self.last_by_style[style]
        else:
            key = len(self.counters)
            self.counters[key] = [None] * LEVELS
        own_id = element.get_attribute_string("xml:id")
        if own_id:
            self.by_id[own_id] = key
        self.last_by_style[style] = key
        return key, style, 0

    def item(self, element: Any, context: ListContext) -> str:
        """The number drawn before this ``text:list-item``'s first paragraph; counts it."""
        key, style, level = context
        if style is None:
            first = element.children[0] if element.children else None
            name = first.get_attribute_string("text:style-name") if first is not None else None
            style = self.paragraph_lists.get(name or "")
        levels = self.styles.get(style or "", {})
        level = min(level, LEVELS - 1)
        counters = self.counters[key]
        spec = levels.get(level)
        current = counters[level]
        given = element.get_attribute_string("text:start-value")
        if given is not None:
            counters[level] = _int(given, 1)
        else:
            counters[level] = (spec[3] if spec else 1) if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        if spec is None:
            return ""
        _, prefix, suffix, _, shown, follow = spec
        numbers = []
        for at in range(max(level - shown + 1, 0), level + 1):
            at_spec = levels.get(at)
            value = counters[at] if counters[at] is not None else at_spec[3] if at_spec else 1
            numbers.append(number_text(at_spec[0] if at_spec else "decimal", value or 1))
        return f"{prefix}{'.'.join(numbers)}{suffix}{follow}"
