"""Build the Word and LibreOffice test documents in tests/data/office/ from the text fixtures.

    .venv/bin/python tests/data/make_office.py

Each fixture becomes a .docx (python-docx) and an .odt (odfdo), a paragraph per line of its
text. Two more hold a real attendance table in place of the fixture's attendance lists (one row
per member, built from the fixture's lists by hand below): Lannion as a .docx with columns
Nom | Prénom | Présent | Absent | Excusé | Pouvoir à, Couthenans as an .odt with columns
Conseiller | Présence (P / E) | Pouvoir donné à. One more, Couthenans as a .docx and an .odt
whose roman item numbers are the word processor's automatic numbering, not text. Also: an
empty document of each kind.
The files are committed; run this again only to change them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
from odfdo import Document, Element, Paragraph, Table

HERE = Path(__file__).resolve().parent
OUT = HERE / "office"
PLAIN = ("couthenans-cm-2021-01-29", "lannion-cm-2021-07-05", "siaep-condom-caussens-2021-03-03")

Block = str | list[list[str]]

LANNION_PRESENT = (
    "Paul LE BIHAN", "Eric ROBERT", "Françoise LE MEN", "Cédric SEUREAU", "Bernadette CORVISIER",
    "Marc NEDELEC", "Trefina KERRAIN", "Patrice KERVAON", "Gwénaëlle LAIR", "Michel DIVERCHY",
    "Hervé LATIMIER", "Pierre GOUZI", "Yvon BRIAND", "Marie Christine BARAC'H", "Sonya NICOLAS",
    "Christian MEHEUST", "Marie-Annick GUILLOU", "Françoise BARBIER", "Anne-Claire EVEN",
    "Christine TANGUY", "Myriam DUBOURG", "Fabrice LOUEDEC", "Nolwenn HENRY", "Carine HUE",
    "Christophe KERGOAT", "Gaël CORNEC", "Louison NOËL", "Danielle MAREC", "Anne LE GUEN",
)  # fmt: skip
LANNION_ABSENT = ("Jean-Yves CALLAC",)
LANNION_PROXIES = {
    "Yves NEDELLEC": "Marie-Annick GUILLOU",
    "Fabien CANEVET": "Patrice KERVAON",
    "Catherine BRIDET": "Danielle MAREC",
}
COUTHENANS_PRESENT = (
    "Jean-Pierre", "Anne-Marie", "Nelly", "Agnès", "Maryline", "Jacques", "Mario", "Matthieu",
    "Patrick", "Yves",
)  # fmt: skip
COUTHENANS_EXCUSED = {
    "Marielle": "Agnès",
    "Adeline": "Maryline",
    "Hélène": "Jacques",
    "Marc": "",
    "David": "Jean-Pierre",
}


def split_name(name: str) -> tuple[str, str]:
    """("LE BIHAN", "Paul") from "Paul LE BIHAN": the surname is the words in capitals."""
    m = re.match(r"^(?P<first>.*?)\s+(?P<last>[A-ZÀ-Ý'\- ]+)$", name)
    assert m, name
    return m["last"], m["first"]


def lannion_table() -> list[list[str]]:
    rows = [["Nom", "Prénom", "Présent", "Absent", "Excusé", "Pouvoir à"]]
    rows += [[*split_name(n), "X", "", "", ""] for n in LANNION_PRESENT]
    rows += [[*split_name(n), "", "X", "", ""] for n in LANNION_ABSENT]
    rows += [[*split_name(g), "", "", "X", h] for g, h in LANNION_PROXIES.items()]
    return rows


def couthenans_table() -> list[list[str]]:
    rows = [["Conseiller", "Présence", "Pouvoir donné à"]]
    rows += [[n, "P", ""] for n in COUTHENANS_PRESENT]
    rows += [[g, "E", h] for g, h in COUTHENANS_EXCUSED.items()]
    return rows


def with_table(text: str, start: str, end: str, table: list[list[str]]) -> list[Block]:
    """The fixture's lines, the lines from ``start`` up to ``end`` replaced by ``table``."""
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith(start))
    j = next(n for n, line in enumerate(lines) if n > i and line.startswith(end))
    return [*lines[:i], table, *lines[j:]]


def write_docx(blocks: list[Block], path: Path) -> None:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for row, cells in zip(table.rows, block, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
    document.core_properties.author = "quorum tests"
    document.save(str(path))


def write_odt(blocks: list[Block], path: Path) -> None:
    document = Document("text")
    document.body.clear()
    for block in blocks:
        if isinstance(block, str):
            document.body.append(Paragraph(block))
        else:
            table = Table("Présences", width=len(block[0]), height=len(block))
            for y, cells in enumerate(block):
                for x, text in enumerate(cells):
                    if text:
                        table.set_value((x, y), text)
            document.body.append(table)
    document.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROMAN_LIST = (
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>'
)
ROMAN_NUMS = (
    f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>',
    f'<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="90"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
)


def write_numbered_docx(text: str, path: Path) -> None:
    """The fixture's lines; a line that is only a roman numeral becomes an empty paragraph that
    Word numbers itself (upper roman, no suffix): the agenda's list, then the headings' list,
    restarted at I ("Restart numbering"), as a clerk's Word document has them."""
    from lxml import etree

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, etree.fromstring(ROMAN_LIST))
    for num in ROMAN_NUMS:
        numbering.append(etree.fromstring(num))
    lists = 0
    for line in text.splitlines():
        roman = re.fullmatch(r"[IVX]+", line) is not None
        paragraph = document.add_paragraph("" if roman else line)
        if roman:
            lists += line == "I"
            num_id = "90" if lists == 1 else "91"
            paragraph._p.get_or_add_pPr().append(
                etree.fromstring(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/>'
                    "</w:numPr>"
                )
            )
    assert lists == 2
    document.save(str(path))


ODF_ROMAN_STYLE = (
    '<text:list-style style:name="Romain"><text:list-level-style-number text:level="1" '
    'style:num-format="I"><style:list-level-properties '
    'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
    'text:label-followed-by="nothing"/></style:list-level-properties>'
    "</text:list-level-style-number></text:list-style>"
)


def write_numbered_odt(text: str, path: Path) -> None:
    """The same as ``write_numbered_docx`` in LibreOffice: the agenda's numerals one list, each
    heading a one-item list continuing the previous one ("Continue previous numbering") from
    the first heading on, which restarts at I."""
    document = Document("text")
    document.body.clear()
    document.content.get_element("//office:automatic-styles").append(
        Element.from_tag(ODF_ROMAN_STYLE)
    )
    lists, current = 0, None
    for line in text.splitlines():
        if re.fullmatch(r"[IVX]+", line) is None:
            document.body.append(Paragraph(line))
            current = None
            continue
        if current is None:
            lists += line == "I"
            current = Element.from_tag('<text:list text:style-name="Romain"/>')
            if line != "I":
                current.set_attribute("text:continue-numbering", "true")
            document.body.append(current)
        item = Element.from_tag("<text:list-item/>")
        item.append(Paragraph(""))
        current.append(item)
    assert lists == 2
    document.save(path)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name in PLAIN:
        lines: list[Block] = list((HERE / f"{name}.txt").read_text("utf-8").splitlines())
        write_docx(lines, OUT / f"{name}.docx")
        write_odt(lines, OUT / f"{name}.odt")
    lannion = (HERE / "lannion-cm-2021-07-05.txt").read_text("utf-8")
    blocks = with_table(lannion, "Étaient présents", "Questions 1 et 2", lannion_table())
    write_docx(blocks, OUT / "lannion-cm-2021-07-05-table.docx")
    write_odt(blocks, OUT / "lannion-cm-2021-07-05-table.odt")
    couthenans = (HERE / "couthenans-cm-2021-01-29.txt").read_text("utf-8")
    blocks = with_table(couthenans, "+ Présents", "Ordre du jour", couthenans_table())
    write_docx(blocks, OUT / "couthenans-cm-2021-01-29-table.docx")
    write_odt(blocks, OUT / "couthenans-cm-2021-01-29-table.odt")
    write_numbered_docx(couthenans, OUT / "couthenans-cm-2021-01-29-numbered.docx")
    write_numbered_odt(couthenans, OUT / "couthenans-cm-2021-01-29-numbered.odt")
    write_docx([], OUT / "empty.docx")
    write_odt([], OUT / "empty.odt")
    print(f"written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
