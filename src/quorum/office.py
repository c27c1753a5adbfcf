"""Word (.docx) and LibreOffice (.odt) minutes, turned into the text the reader understands.

A document is read as blocks in their order: a paragraph is one line (with the number its list
draws, from ``numbering``), a table is rows of cells.
An *attendance table* (one row per member; columns such as présent / absent / excusé / pouvoir à)
becomes attendance lines built from its columns ("Présents : A, B", "Absents excusés : C (pouvoir
à D)"); any other table is kept as lines of cells joined by " | ", so nothing is lost. A row whose
marks cannot be read (none, or contradictory) is not guessed: the member is listed with a remark
the reader reports as not understood, so the reading is marked incomplete.

The vocabulary is data: ``HEADINGS`` (column headings) and ``MARKS`` (cell marks). python-docx and
odfdo (the ``office`` extra) are imported only when such a file is read.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from quorum.exceptions import SessionFileError

MAX_UNZIPPED = 512 * 2**20
"""A .docx or .odt is a zip: refuse one that would expand beyond this (a zip bomb)."""
MAX_XML = 100 * 2**20
"""Nor one with an XML part beyond this: parsed in memory, it would take gigabytes (the text of
a 100-page minutes is a few MiB)."""

Row = list[str]
Block = str | list[Row]
"""A paragraph (its text) or a table (its rows of cell texts, one cell per grid column)."""

# --- the vocabulary of attendance tables -----------------------------------------------------

NAME, FIRST_NAME, PRESENT, ABSENT, EXCUSED, STATUS, HOLDER, GIVER, REMARK, IGNORE = (
    "name",
    "first_name",
    "present",
    "absent",
    "excused",
    "status",
    "holder",
    "giver",
    "remark",
    "ignore",
)
STATUS_COLUMNS = (PRESENT, ABSENT, EXCUSED, STATUS)
REPRESENTED = "represented"

HEADINGS: dict[str, tuple[str, ...]] = {
    NAME: (
        "nom", "nom prénom", "nom et prénom", "nom - prénom", "prénom nom", "prénom et nom",
        "nom de l'élu", "nom du conseiller", "conseiller", "conseillère", "conseiller municipal",
        "conseillers municipaux", "conseiller communautaire", "conseillers communautaires",
        "élu", "élus", "membre", "membres", "délégué", "délégués", "délégué titulaire",
        "titulaire", "titulaires", "identité", "administrateur", "administrateurs",
    ),
    FIRST_NAME: ("prénom", "prénoms"),
    PRESENT: ("présent", "présente", "présents", "présentes", "p", "prés", "présence"),
    ABSENT: ("absent", "absente", "absents", "absentes", "a", "abs", "absent non excusé"),
    EXCUSED: (
        "excusé", "excusée", "excusés", "excusées", "e", "exc", "absent excusé",
        "absents excusés", "ae", "abs exc",
    ),
    STATUS: ("statut", "situation", "état", "position", "présent absent", "émargement"),
    HOLDER: (
        "pouvoir à", "pouvoir donné à", "pouvoirs donnés à", "procuration à",
        "procuration donnée à", "a donné pouvoir à", "donne pouvoir à", "représenté par",
        "représentée par", "représenté(e) par", "mandataire", "délégation de vote à", "pouvoir",
        "pouvoirs", "procuration", "procurations",
    ),
    GIVER: (
        "pouvoir de", "procuration de", "a reçu pouvoir de", "reçoit pouvoir de",
        "pouvoir reçu de", "mandant", "représente",
    ),
    REMARK: ("observation", "observations", "remarque", "remarques", "commentaire", "mention"),
    IGNORE: ("n°", "no", "numéro", "fonction", "qualité", "signature", "commune", "groupe"),
}  # fmt: skip
"""Column headings (compared folded: case, accents, punctuation and "(e)"/"(s)" ignored)."""

TOTALS = ("total", "totaux", "nombre", "sous")
"""First words of a row of totals, not a member ("Total", "Nombre de présents", "Sous-total")."""

CHECK = "check"
NO_MARK = "none"
MARKS: dict[str, tuple[str, ...]] = {
    CHECK: ("x", "oui", "1", "✓", "✔", "☑", "☒", "●", "•", "+", "*"),
    NO_MARK: ("", "-", "–", "—", "non", "0", "☐", "/"),
    PRESENT: ("p", "présent", "présente", "prés"),
    ABSENT: ("a", "absent", "absente", "abs", "absent non excusé", "absente non excusée"),
    EXCUSED: ("e", "exc", "excusé", "excusée", "ae", "absent excusé", "absente excusée"),
    REPRESENTED: ("pouvoir", "procuration", "représenté", "représentée", "mandat"),
}
"""Cell marks: a check mark says the column's own status; a word says a status itself.
``represented`` needs the holder's name in a ``pouvoir à`` column, else the row is not read."""


def _key(text: str) -> str:
    """Folded for comparison: lower case, no accents, no "(e)"/"(s)", no punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\((?:e|s|es|e\)\(s)\)", "", text)
    return " ".join(re.findall(r"[^\s.,:;()\[\]]+", text.replace("’", "'")))


@functools.cache
def _vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """HEADINGS and MARKS by folded spelling (built on first use: nothing at import)."""
    headings = {_key(h): kind for kind, heads in HEADINGS.items() for h in heads}
    return headings, {_key(m): kind for kind, marks in MARKS.items() for m in marks}


def _mark(cell: str) -> str | None:
    return _vocabulary()[1].get(_key(cell))


# --- a table to attendance lines -------------------------------------------------------------


def _columns(row: Row) -> list[str | None]:
    """The kind of each column of a heading row (None: unknown or no heading)."""
    return [_vocabulary()[0].get(_key(cell)) for cell in row]


def _is_heading(kinds: list[str | None]) -> bool:
    has_name = NAME in kinds or FIRST_NAME in kinds
    return has_name and any(k in (*STATUS_COLUMNS, HOLDER) for k in kinds)


_HOLDER_PREFIX = r"^(?:(?:a\s+)?(?:donné\s+)?(?:pouvoir|procuration)\s+(?:donnée?\s+)?)?(?:à|a)\s+"
""""à Paul MARTIN" or "pouvoir à Paul MARTIN" in a holder column: the name is what follows."""


def _filled(cell: str) -> bool:
    return _mark(cell) != NO_MARK


def _status(kind: str, cell: str) -> str | None:
    """What one status cell says: a status, None for no mark, "?" when it cannot be read."""
    mark = _mark(cell)
    if mark == NO_MARK:
        return None
    if mark == CHECK:
        return "?" if kind == STATUS else kind
    return mark if mark in (PRESENT, ABSENT, EXCUSED, REPRESENTED) else "?"


HEADING_ROWS = 5
"""The heading row is looked for among a table's first rows (titles may come before it)."""


def attendance_lines(rows: list[Row]) -> list[str] | None:
    """The attendance lines of a table, or None when it is not an attendance table."""
    at = next((n for n, row in enumerate(rows[:HEADING_ROWS]) if _is_heading(_columns(row))), None)
    if at is None:
        return None
    width = max(map(len, rows))
    heads = [*rows[at], *[""] * (width - len(rows[at]))]
    kinds = _columns(heads)
    start = at + 1
    if start < len(rows):  # a second heading row: "Présence" above "P | A | E"
        sub = _columns(rows[start])
        names = [n for n, k in enumerate(kinds[: len(sub)]) if k in (NAME, FIRST_NAME)]
        if not any(rows[start][n].strip() for n in names):
            found = [n for n, k in enumerate(sub) if k in (*STATUS_COLUMNS, HOLDER, GIVER)]
            for n in found:
                heads[n], kinds[n] = rows[start][n], sub[n]
            start += bool(found)
    lists: dict[str, list[str]] = {PRESENT: [], EXCUSED: [], ABSENT: []}
    given: list[str] = []
    leftover = [" | ".join(c for c in r if c.strip()) for r in rows[:at] if any(r)]
    only_present = [k for k in kinds if k in STATUS_COLUMNS] == [PRESENT]
    for row in rows[start:]:
        cells = [(k, h, c.strip()) for k, h, c in zip(kinds, heads, row, strict=False)]
        name = " ".join(c for k, _, c in cells if k in (NAME, FIRST_NAME) and c)
        if not name or (_key(name).split() or [""])[0] in TOTALS:
            if any(c for _, _, c in cells):
                leftover.append(" | ".join(c for _, _, c in cells if c))
            continue
        said = {s for k, _, c in cells if k in STATUS_COLUMNS and (s := _status(k, c))}
        holders = [
            re.sub(_HOLDER_PREFIX, "", c, flags=re.I)
            for k, _, c in cells
            if k == HOLDER and _filled(c)
        ]
        given += [f"{c} à {name}" for k, _, c in cells if k == GIVER and _filled(c)]
        remarks = [c for k, _, c in cells if k == REMARK and c]
        remarks += [
            f"{h.strip()} : {c}" if h.strip() else c for k, h, c in cells if k is None and c
        ]
        if not said and not holders and only_present:
            said = {ABSENT}
        if holders and said <= {ABSENT, EXCUSED, REPRESENTED} and len(holders) == 1:
            status = ABSENT if said == {ABSENT} else EXCUSED
            remarks.insert(0, f"pouvoir à {holders[0]}")
        elif len(said) == 1 and not holders and said <= {PRESENT, ABSENT, EXCUSED}:
            status = said.pop()
        elif said == {ABSENT, EXCUSED} and not holders:
            status = EXCUSED
        else:  # no mark, or contradictory ones: say so, never guess
            marks = " ; ".join(f"{h.strip()} = {c}" for k, h, c in cells if k != NAME and c)
            status = ABSENT
            remarks = [f"ligne du tableau non comprise : {marks or 'aucune case remplie'}"]
        lists[status].append(name + "".join(f" ({r})" for r in remarks))
    out = [
        f"{head} : {', '.join(lists[kind])}"
        for kind, head in (
            (PRESENT, "Présents"),
            (EXCUSED, "Absents excusés"),
            (ABSENT, "Absents"),
        )
        if lists[kind]
    ]
    if given:
        out.append(f"Pouvoirs : {', '.join(given)}")
    return leftover + out


def table_lines(rows: list[Row]) -> list[str]:
    """A table as lines: attendance lines, or one line per row with cells joined by " | "."""
    lines = attendance_lines(rows)
    if lines is not None:
        return lines
    return [
        " | ".join(c.strip() for c in row if c.strip()) for row in rows if any(map(str.strip, row))
    ]


def _flat(blocks: Iterable[Block]) -> str:
    """The blocks inside one table cell, on one line."""
    parts: list[str] = []
    for block in blocks:
        parts += [block] if isinstance(block, str) else table_lines(block)
    return " ".join(" ".join(parts).split())


def blocks_text(blocks: Iterable[Block]) -> str:
    """The text of a document's blocks: a paragraph per line, tables as ``table_lines``."""
    lines: list[str] = []
    for block in blocks:
        lines += [block] if isinstance(block, str) else table_lines(block)
    return "\n".join(lines) + "\n"


# --- reading the files -----------------------------------------------------------------------


def _damaged(path: Path, what: str, detail: str) -> SessionFileError:
    hint = ""
    if path.name.startswith("~$"):
        hint = " (a name starting with ~$ is the lock file Word leaves while a document is open)"
    return SessionFileError(
        f"is not a readable {what} ({detail}){hint}: open it in Word or LibreOffice and save it "
        "again, or export it as PDF",
        file=str(path),
    )


def _check_zip(data: bytes, path: Path, what: str, main: str) -> None:
    """The document is a zip holding ``main``, not encrypted, of a sane unzipped size."""
    import zipfile

    if data[:4] == b"\xd0\xcf\x11\xe0":  # an OLE file: Word 97-2003, or an encrypted document
        raise SessionFileError(
            f"is a Word 97-2003 file or a document protected by a password, not a {what}: open "
            "it in Word or LibreOffice, remove the password if there is one, and save it as "
            ".docx or .odt (or export it as PDF)",
            file=str(path),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if main not in names:
                raise _damaged(path, what, f"no {main} inside")
            xml = max((i.file_size for i in infos if i.filename.endswith(".xml")), default=0)
            if sum(i.file_size for i in infos) > MAX_UNZIPPED or xml > MAX_XML:
                raise SessionFileError(
                    f"would expand to more than {MAX_UNZIPPED // 2**20} MiB, or hold an XML part "
                    f"of more than {MAX_XML // 2**20} MiB, once unzipped: not read (a damaged or "
                    "forged file)",
                    file=str(path),
                )
            manifest = (
                archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            )
    except SessionFileError:
        raise
    except Exception as err:  # zipfile raises many kinds (BadZipFile, zlib.error, ...)
        raise _damaged(path, what, f"damaged, or another kind of file: {err}") from None
    if b"encryption-data" in manifest:
        raise SessionFileError(
            "is protected by a password: open it in LibreOffice and save it without a password",
            file=str(path),
        )


def _need(module: str, path: Path) -> SessionFileError:
    return SessionFileError(
        f"reading {path.suffix.lower()} needs {module}: pip install 'quorum-minutes[office]'",
        file=str(path),
    )


def office_text(data: bytes, path: str | Path) -> str:
    """The text of a Word (.docx) or LibreOffice (.odt) document, for ``parse_minutes``.

    Raises:
        SessionFileError: a .doc, a damaged or protected file, a missing library, no text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise SessionFileError(
            "is a Word 97-2003 document (.doc), which quorum cannot read: open it in Word or "
            "LibreOffice and save it as .docx (or .odt), or export it as PDF",
            file=str(path),
        )
    if suffix == ".docx":
        _check_zip(data, path, "Word document (.docx)", "[Content_Types].xml")
        blocks = _docx_blocks(data, path)
    else:
        _check_zip(data, path, "LibreOffice document (.odt)", "content.xml")
        blocks = _odt_blocks(data, path)
    text = blocks_text(blocks)
    if not text.strip():
        raise SessionFileError(
            "holds no text (an empty document, or scanned pages as images: run OCR first, or "
            "copy the text into a new document)",
            file=str(path),
        )
    return text


# Word: python-docx opens the package and parses the XML; the text of a paragraph is collected
# here rather than with ``Paragraph.text``, which drops tracked insertions (w:ins) and inline
# content controls (w:sdt): a name added with "track changes" on would be lost silently.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_SKIP = {
    f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",  # a text box twice
}  # fmt: skip
_W_SYMBOLS = {"F0FC": "✓", "F0FE": "☑", "F0FD": "☒", "F078": "☒", "F0A8": "☐", "F06F": "☐"}
"""Wingdings symbols (Insert > Symbol) used as marks; any other symbol reads as "\ufffd"."""


def _docx_para(element: Any) -> str:
    out: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _W_SKIP:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}sym":
                out.append(_W_SYMBOLS.get(str(child.get(f"{_W}char", "")).upper(), "\ufffd"))
            elif tag == f"{_W}p":  # a paragraph of a text box inside this one
                out.append("\n")
                walk(child)
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _docx_blocks(data: bytes, path: Path) -> list[Block]:
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.table import Table
    except ImportError:
        raise _need("python-docx", path) from None
    from quorum.numbering import WordNumbering

    def para(p: Any) -> str:
        return numbering.prefix(p) + _docx_para(p)

    def cell_text(cell: Any) -> str:
        if cell._tc not in cells_read:  # a cell merged down the rows is read (and counted) once
            parts: list[Block] = [*(para(p._p) for p in cell.paragraphs)]
            parts += map(table, cell.tables)
            cells_read[cell._tc] = _flat(parts)
        return cells_read[cell._tc]

    def table(t: Any) -> list[Row]:
        rows: list[Row] = []
        for row in t.rows:
            cells, seen = [], None
            for cell in row.cells:  # a merged cell comes once per grid column: keep the first
                cells.append("" if cell._tc is seen else cell_text(cell))
                seen = cell._tc
            rows.append(cells)
        return rows

    def blocks(parent: Any, document: Any) -> Iterator[Block]:
        for child in parent:
            if child.tag == f"{_W}p":
                yield para(child)
            elif child.tag == f"{_W}tbl":
                yield table(Table(child, document))
            elif child.tag == f"{_W}sdt":  # a content control: its content, unless a TOC
                gallery = child.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
                if gallery is None or "Contents" not in str(gallery.get(f"{_W}val")):
                    yield from blocks(child.iterfind(f"{_W}sdtContent/*"), document)
            elif child.tag == f"{_W}customXml":
                yield from blocks(child, document)

    cells_read: dict[Any, str] = {}
    try:
        document = docx.Document(io.BytesIO(data))
        try:
            part: Any = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
            numbering_xml = part.element
        except KeyError:
            numbering_xml = None
        numbering = WordNumbering(numbering_xml, document.styles.element)
        return list(blocks(document.element.body, document))
    except SessionFileError:
        raise
    except Exception as err:  # python-docx and lxml raise many kinds on damaged files
        raise _damaged(path, "Word document (.docx)", f"{type(err).__name__}: {err}") from None


# LibreOffice: odfdo opens and parses the document (lxml). odfpy was tried first and left: on
# a damaged content.xml its ``load`` prints the whole XML to standard output and returns a
# partial document without an error (measured with a truncated content.xml), which would
# turn a damaged file into a silent misreading. The walk below leaves comments out.

_ODT_SKIP = {
    "office:annotation", "office:annotation-end", "text:tracked-changes", "text:table-of-content",
    "text:alphabetical-index", "text:illustration-index", "text:sequence-decls",
    "text:variable-decls", "text:user-field-decls", "office:forms",
}  # fmt: skip
_MAX_REPEAT = 256
"""Cap on a repeated row or column (LibreOffice writes "repeat 1024" for trailing empties)."""


def _odt_text(element: Any) -> str:
    out: list[str] = [element.text or ""]
    for child in element.children:
        tag = child.tag
        if tag == "text:s":
            out.append(" " * (child.get_attribute_integer("text:c") or 1))
        elif tag == "text:tab":
            out.append("\t")
        elif tag == "text:line-break":
            out.append("\n")
        elif tag not in _ODT_SKIP:
            out.append(_odt_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _repeat(element: Any, attr: str) -> int:
    return min(max(element.get_attribute_integer(attr) or 1, 1), _MAX_REPEAT)


def _odt_table(element: Any, lists: Any) -> list[Row]:
    rows: list[Row] = []
    for child in element.children:
        if child.tag in ("table:table-header-rows", "table:table-rows", "table:table-row-group"):
            rows += _odt_table(child, lists)
        elif child.tag == "table:table-row":
            cells: Row = []
            for cell in child.children:
                text = _flat(_odt_blocks_of(cell, lists)) if cell.tag == "table:table-cell" else ""
                cells += [text] * _repeat(cell, "table:number-columns-repeated")
            rows += [cells] * _repeat(child, "table:number-rows-repeated")
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _odt_blocks_of(element: Any, lists: Any, context: Any = None) -> Iterator[Block]:
    """The blocks under an element; ``lists`` numbers list items (``numbering.OdfLists``),
    ``context`` is the enclosing list's."""
    for child in element.children:
        tag = child.tag
        if tag in ("text:p", "text:h"):
            yield _odt_text(child)
        elif tag == "table:table":
            yield _odt_table(child, lists)
        elif tag == "text:list":
            yield from _odt_blocks_of(child, lists, lists.open_list(child, context))
        elif tag == "text:list-item" and context is not None:
            number = lists.item(child, context)
            first = child.children[0].tag if child.children else ""
            for n, block in enumerate(_odt_blocks_of(child, lists, context)):
                numbered = n == 0 and first in ("text:p", "text:h") and isinstance(block, str)
                yield number + block if numbered else block
        elif tag not in _ODT_SKIP and tag.split(":")[0] in ("text", "table", "office"):
            yield from _odt_blocks_of(child, lists, context)  # sections, list headers


def _odt_blocks(data: bytes, path: Path) -> list[Block]:
    try:
        from odfdo import Document
    except ImportError:
        raise _need("odfdo", path) from None
    from quorum.numbering import OdfLists

    try:
        document = Document(io.BytesIO(data))
        parts = [document.content, document.styles]
        lists = OdfLists(
            [s for part in parts for s in part.get_elements("//text:list-style")],
            [
                s
                for part in parts
                for s in part.get_elements("//style:style[@style:list-style-name]")
            ],
        )
        return list(_odt_blocks_of(document.body, lists))
    except SessionFileError:
        raise
    except Exception as err:  # odfdo and lxml raise many kinds on damaged files
        raise _damaged(
            path, "LibreOffice document (.odt)", f"{type(err).__name__}: {err}"
        ) from None
