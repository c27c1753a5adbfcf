"""Automatic list numbering rendered as text: formats, levels, restarts, styles; Word and
LibreOffice."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from odfdo import Document, Element, Paragraph

from quorum.numbering import number_text, roman
from quorum.office import office_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("fmt", "n", "text"),
    [
        ("decimal", 7, "7"),
        ("upperRoman", 14, "XIV"),
        ("lowerRoman", 1999, "mcmxcix"),
        ("upperLetter", 1, "A"),
        ("lowerLetter", 27, "aa"),
        ("decimalZero", 3, "03"),
        ("ordinal", 2, "2"),  # not rendered as a word: the number stays readable
        ("upperRoman", 0, "0"),
    ],
)
def test_number_formats(fmt: str, n: int, text: str) -> None:
    assert text == number_text(fmt, n)


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_read_back(n: int) -> None:
    """Read back with the subtractive rule, every numeral gives its number."""
    text = roman(n)
    values = [ROMAN_VALUES[c] for c in text]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    assert n == total
    assert "IIII" not in text
    assert "VV" not in text


def _document(abstract: str, *nums: str) -> docx.document.Document:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" {abstract}</w:abstractNum>')
    )
    for num in nums:
        numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" {num}</w:num>'))
    return document


def _numbered(document: docx.document.Document, text: str, num_id: str, ilvl: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        etree.fromstring(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _text(document: docx.document.Document) -> str:
    out = io.BytesIO()
    document.save(out)
    return office_text(out.getvalue(), Path("pv.docx"))


LEVELS = (
    'w:abstractNumId="80">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="Point n°%1 :"/><w:suff w:val="space"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%1.%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="o"/></w:lvl>'
)


def test_levels_restart_under_their_parent_and_lists_continue() -> None:
    document = _document(
        LEVELS,
        'w:numId="80"><w:abstractNumId w:val="80"/>',
        'w:numId="81"><w:abstractNumId w:val="80"/>',  # the same list, continued
        'w:numId="82"><w:abstractNumId w:val="80"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>',
    )
    _numbered(document, "Budget", "80")
    _numbered(document, "fonctionnement", "80", 1)
    _numbered(document, "investissement", "80", 1)
    _numbered(document, "détail", "80", 2)
    _numbered(document, "Voirie", "81")
    _numbered(document, "travaux", "81", 1)
    document.add_paragraph("sans numéro")
    _numbered(document, "numérotation retirée", "0")
    _numbered(document, "Personnel", "82")
    _numbered(document, "Divers", "82")

    assert (
        "Point n°1 : Budget\n1.a)\tfonctionnement\n1.b)\tinvestissement\ndétail\n"
        "Point n°2 : Voirie\n2.a)\ttravaux\nsans numéro\nnumérotation retirée\n"
        "Point n°5 : Personnel\nPoint n°6 : Divers\n"
    ) == _text(document)


def test_numbering_from_a_paragraph_style() -> None:
    """python-docx's default template numbers "List Number" through the style, as Word's
    headings often are; the style is read through basedOn."""
    document = docx.Document()
    for title in ("Budget", "Voirie"):
        document.add_paragraph(title, style="List Number")
    document.add_paragraph("• puce", style="List Bullet")
    document.add_paragraph("Divers", style="List Number")

    assert "1.\tBudget\n2.\tVoirie\n• puce\n3.\tDivers\n" == _text(document)


def test_a_list_linked_to_a_numbering_style() -> None:
    """An abstract list that only says "use the numbering style X" takes X's levels."""
    document = _document(
        'w:abstractNumId="70"><w:numStyleLink w:val="Deliberations"/>',
        'w:numId="70"><w:abstractNumId w:val="70"/>',
        'w:numId="71"><w:abstractNumId w:val="71"/>',
    )
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        etree.fromstring(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="71">'
            '<w:styleLink w:val="Deliberations"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1 -"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'
        ),
    )
    document.styles.element.append(
        etree.fromstring(
            f'<w:style xmlns:w="{W}" w:type="numbering" w:styleId="Deliberations">'
            '<w:name w:val="Deliberations"/><w:pPr><w:numPr><w:numId w:val="71"/></w:numPr>'
            "</w:pPr></w:style>"
        )
    )
    _numbered(document, "Budget", "70")
    _numbered(document, "Voirie", "70")

    assert "III - Budget\nIV - Voirie\n" == _text(document)


def test_broken_numbering_gives_no_number_and_no_error() -> None:
    document = _document(
        'w:abstractNumId="60">'
        '<w:lvl w:ilvl="0"><w:start w:val="x"/><w:lvlText w:val="%1)"/></w:lvl>',
        'w:numId="60"><w:abstractNumId w:val="60"/>',
        'w:numId="61"><w:abstractNumId w:val="404"/>',
    )
    _numbered(document, "un", "60")
    _numbered(document, "deux", "61")  # no such abstract list
    _numbered(document, "trois", "60", 7)  # no such level
    _numbered(document, "quatre", "999")  # no such list

    assert "1)\tun\ndeux\ntrois\nquatre\n" == _text(document)


ODF_STYLE = (
    '<text:list-style style:name="LR">'
    '<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix=".">'
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    '<style:list-level-label-alignment text:label-followed-by="space"/>'
    "</style:list-level-properties></text:list-level-style-number>"
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")" '
    'text:display-levels="2"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="•"/>'
    "</text:list-style>"
)


def _odt_list(items: str, attributes: str = 'text:style-name="LR"') -> Element:
    return Element.from_tag(f"<text:list {attributes}>{items}</text:list>")


def _item(text: str, attributes: str = "", nested: str = "") -> str:
    return f"<text:list-item {attributes}><text:p>{text}</text:p>{nested}</text:list-item>"


def test_libreoffice_lists() -> None:
    document = Document("text")
    document.body.clear()
    document.content.get_element("//office:automatic-styles").append(Element.from_tag(ODF_STYLE))
    bullets = _odt_list(_item("détail"), "").serialize()
    sub = _odt_list(_item("fonctionnement") + _item("investissement", nested=bullets), "")
    body = document.body
    body.append(_odt_list(_item("Budget", nested=sub.serialize()) + _item("Voirie"),
                          'text:style-name="LR" xml:id="l1"'))  # fmt: skip
    body.append(Paragraph("texte"))
    body.append(
        _odt_list(_item("Personnel"), 'text:style-name="LR" text:continue-numbering="true"')
    )
    body.append(_odt_list(_item("Divers")))  # a new list: restarts
    body.append(_odt_list(_item("Fin"), 'text:style-name="LR" text:continue-list="l1"'))
    body.append(_odt_list(_item("Sept", 'text:start-value="7"') + _item("Huit")))
    body.append(_odt_list(_item("sans style"), ""))
    out = io.BytesIO()
    document.save(out)

    assert (
        "I. Budget\nI.a)\tfonctionnement\nI.b)\tinvestissement\ndétail\nII. Voirie\ntexte\n"
        "III. Personnel\nI. Divers\nIV. Fin\nVII. Sept\nVIII. Huit\nsans style\n"
    ) == office_text(out.getvalue(), Path("pv.odt"))
