"""Word (.docx) and LibreOffice (.odt) minutes: the same audit as the text, attendance tables,
damaged and unreadable files.

The documents in tests/data/office/ were built from the text fixtures by
tests/data/make_office.py with python-docx and odfpy.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from odfdo import Document, Element, Paragraph

from quorum.audit import Audit, audit
from quorum.cli import run
from quorum.exceptions import SessionFileError
from quorum.io import read_session
from quorum.office import attendance_lines, blocks_text, office_text, table_lines
from quorum.parse import parse_minutes

DATA = Path(__file__).resolve().parent / "data"
OFFICE = DATA / "office"
PLAIN = ("couthenans-cm-2021-01-29", "lannion-cm-2021-07-05", "siaep-condom-caussens-2021-03-03")
TABLES = ("couthenans-cm-2021-01-29", "lannion-cm-2021-07-05")


def _words(name: str) -> tuple[str, ...]:
    """A name as its sorted words: "LE BIHAN Paul" and "Paul LE BIHAN" are one person."""
    return tuple(sorted(name.split()))


def _per_item(result: Audit) -> list[tuple[object, ...]]:
    return [
        (
            i.item,
            i.present_count,
            i.proxy_count,
            i.voters,
            i.quorum.required,
            i.quorum.reached,
            i.tally.consistent,
            sorted(_words(m.name) for m in i.present),
            sorted((_words(g.name), _words(h.name)) for g, h in i.proxies),
        )
        for i in result.items
    ]


def _findings(result: Audit, drop: tuple[str, ...] = ()) -> list[tuple[object, ...]]:
    return sorted(
        (f.code, f.severity.value, f.items) for f in result.findings if f.code not in drop
    )


def _text_audit(name: str) -> Audit:
    return audit(read_session(DATA / f"{name}.txt"))


# --- the same audit as the text --------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
@pytest.mark.parametrize("name", PLAIN)
def test_a_document_reads_as_its_text(name: str, suffix: str) -> None:
    """A paragraph per line: the document's text is the fixture's text, line for line."""
    path = OFFICE / f"{name}{suffix}"
    assert (DATA / f"{name}.txt").read_text("utf-8") == office_text(path.read_bytes(), path)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
@pytest.mark.parametrize("name", PLAIN)
def test_a_document_gives_the_audit_of_its_text(name: str, suffix: str) -> None:
    text, document = _text_audit(name), audit(read_session(OFFICE / f"{name}{suffix}"))

    assert _per_item(text) == _per_item(document)
    assert _findings(text) == _findings(document)
    assert text.verdict == document.verdict
    assert text.to_dict()["items"] == document.to_dict()["items"]


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_list_numbering_is_read_as_the_text_it_shows(suffix: str) -> None:
    """Couthenans with its roman numerals drawn by the word processor's automatic numbering
    (the paragraphs hold no text): the numerals are rendered, the text and the audit are the
    fixture's."""
    name = "couthenans-cm-2021-01-29"
    path = OFFICE / f"{name}-numbered{suffix}"
    if suffix == ".docx":
        assert "" == docx.Document(str(path)).paragraphs[10].text  # no "I" in the paragraph
    else:
        assert (
            ""
            == Document(str(path)).body.get_elements("//text:list-item")[0].text_recursive.strip()
        )
    assert (DATA / f"{name}.txt").read_text("utf-8") == office_text(path.read_bytes(), path)
    text, document = _text_audit(name), audit(read_session(path))
    assert _per_item(text) == _per_item(document)
    assert _findings(text) == _findings(document)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
@pytest.mark.parametrize("name", TABLES)
def test_an_attendance_table_is_read_right(name: str, suffix: str) -> None:
    """The attendance lists replaced by a table (a row per member, columns présent / absent /
    excusé / pouvoir à): the same present members, proxies and voters at every item. The text
    names three givers only in its proxy list (MEMBER_ADDED_FROM_PROXY); the table names them."""
    text = _text_audit(name)
    document = audit(read_session(OFFICE / f"{name}-table{suffix}"))

    assert _per_item(text) == _per_item(document)
    added = ("MEMBER_ADDED_FROM_PROXY",)
    assert _findings(text, added) == _findings(document, added)
    assert not [f for f in document.findings if f.code in added]
    assert text.verdict == document.verdict
    assert len(text.session.members) == len(document.session.members)


def test_the_lannion_table_becomes_attendance_lines() -> None:
    path = OFFICE / "lannion-cm-2021-07-05-table.docx"
    lines = office_text(path.read_bytes(), path).splitlines()

    present = next(line for line in lines if line.startswith("Présents : "))
    assert present.startswith("Présents : LE BIHAN Paul, ROBERT Eric, ")
    assert 29 == present.count(",") + 1
    assert "Absents : CALLAC Jean-Yves" in lines
    assert (
        "Absents excusés : NEDELLEC Yves (pouvoir à Marie-Annick GUILLOU), CANEVET Fabien "
        "(pouvoir à Patrice KERVAON), BRIDET Catherine (pouvoir à Danielle MAREC)"
    ) in lines
    assert not any("|" in line for line in lines)


def test_the_cli_checks_a_document_as_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    name = "lannion-cm-2021-07-05"
    assert 0 == run(["check", str(DATA / f"{name}.txt")])
    text = capsys.readouterr().out
    assert 0 == run(["check", str(OFFICE / f"{name}.docx")])
    assert text == capsys.readouterr().out


def _summary(name: str) -> str:
    """The batch line of a text fixture, after its name."""
    out = io.StringIO()
    text = str(DATA / f"{name}.txt")
    run(["check", text, text], stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()[0].split(": ", 1)[1]


def test_a_folder_includes_documents_and_lists_what_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("lannion-cm-2021-07-05.docx", "couthenans-cm-2021-01-29-table.odt"):
        (tmp_path / name).write_bytes((OFFICE / name).read_bytes())
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "~$ncien.docx").write_bytes(b"\x05Paul" + bytes(157))
    (tmp_path / "ancien.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))

    status = run(["check", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()

    assert 2 == status  # the .doc cannot be read
    assert 5 == len(out)
    assert out[0].startswith(f"{tmp_path / 'ancien.doc'}: ")
    assert "is a Word 97-2003 document (.doc)" in out[0]
    assert "save it as .docx" in out[0]
    couthenans = _summary("couthenans-cm-2021-01-29")
    assert f"{tmp_path / 'couthenans-cm-2021-01-29-table.odt'}: {couthenans}" == out[1]
    assert (
        f"{tmp_path / 'lannion-cm-2021-07-05.docx'}: {_summary('lannion-cm-2021-07-05')}" == out[2]
    )
    assert out[3] == f"{tmp_path / 'budget.xlsx'}: skipped: quorum reads minutes (.txt, .pdf, " \
        ".docx, .odt) and session files (.json, .toml)"  # fmt: skip
    assert out[4] == f"{tmp_path / '~$ncien.docx'}: skipped: the lock file Word leaves while " \
        "a document is open"  # fmt: skip


def test_a_folder_of_other_files_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    assert 2 == run(["check", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{tmp_path}: no session file or minutes in this folder")
    assert out[1].startswith(f"{tmp_path / 'photo.jpg'}: skipped: ")


# --- what a document holds -------------------------------------------------------------------


def _docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt_bytes(*paragraphs: Element) -> bytes:
    document = Document("text")
    document.body.clear()
    for paragraph in paragraphs:
        document.body.append(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_keeps_tracked_insertions_and_drops_deletions() -> None:
    """python-docx's Paragraph.text would drop the inserted name: the reason office.py collects
    a paragraph's text itself."""
    document = docx.Document()
    paragraph = document.add_paragraph("Présents : Paul MARTIN, ")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph._p.append(
        _xml(
            f'<w:ins xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:t>Anne DURAND</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        _xml(
            f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>, Luc PETIT'
            "</w:delText></w:r></w:del>"
        )
    )
    run_ = paragraph.add_run("\tfin")
    run_.add_break()
    paragraph.add_run("suite")
    path = Path("pv.docx")

    assert "Anne DURAND" not in paragraph.text  # the library alone loses the insertion
    assert "Présents : Paul MARTIN, Anne DURAND\tfin\nsuite\n" == office_text(
        _docx_bytes(document), path
    )


def _xml(text: str) -> Any:
    from lxml import etree

    return etree.fromstring(text)


def test_docx_runs_as_word_writes_them() -> None:
    """Word splits a line into many runs, with spelling marks, bookmarks, hyperlinks, fields
    (their result, not their code), smart tags and inline content controls."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    body = (
        "<w:r><w:t xml:space='preserve'>Prés</w:t></w:r><w:proofErr w:type='spellStart'/>"
        "<w:r><w:t xml:space='preserve'>ents : </w:t></w:r><w:bookmarkStart w:id='0' w:name='a'/>"
        "<w:hyperlink r:id='rId99'><w:r><w:t>Paul MARTIN</w:t></w:r></w:hyperlink>"
        "<w:bookmarkEnd w:id='0'/><w:r><w:t xml:space='preserve'>, </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> MERGEFIELD nom "
        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        "<w:r><w:t>Anne DURAND</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:smartTag w:uri='u' w:element='e'><w:r><w:t>, Luc</w:t></w:r></w:smartTag>"
        "<w:sdt><w:sdtContent><w:r><w:t xml:space='preserve'> PETIT</w:t></w:r></w:sdtContent>"
        "</w:sdt><w:fldSimple w:instr=' PAGE '><w:r><w:t> (p. 1)</w:t></w:r></w:fldSimple>"
    )
    document = docx.Document()
    paragraph = document.add_paragraph()
    for element in list(_xml(f"<w:p xmlns:w='{w}' xmlns:r='{r}'>{body}</w:p>")):
        paragraph._p.append(element)

    text = office_text(_docx_bytes(document), Path("pv.docx"))

    assert "Présents : Paul MARTIN, Anne DURAND, Luc PETIT (p. 1)\n" == text


def test_docx_reads_paragraphs_and_tables_in_order_with_merged_cells() -> None:
    document = docx.Document()
    document.add_paragraph("avant")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Titre fusionné"
    for cell, text in zip(table.rows[1].cells, ("1", "Budget", "adopté"), strict=True):
        cell.text = text
    document.add_paragraph("après")

    text = office_text(_docx_bytes(document), Path("pv.docx"))

    assert "avant\nTitre fusionné\n1 | Budget | adopté\naprès\n" == text


def test_odt_spaces_breaks_spans_lists_and_no_comments() -> None:
    paragraph = Element.from_tag(
        '<text:p>Présents :<text:s text:c="3"/><text:span>Paul MARTIN</text:span>'
        "<office:annotation><text:p>commentaire de relecture</text:p></office:annotation>"
        "<text:line-break/>Anne DURAND<text:tab/>fin</text:p>"
    )
    items = Element.from_tag(
        "<text:list><text:list-item><text:p>1 - Budget</text:p></text:list-item>"
        "<text:list-item><text:p>2 - Voirie</text:p></text:list-item></text:list>"
    )

    text = office_text(_odt_bytes(paragraph, items), Path("pv.odt"))

    assert "Présents :   Paul MARTIN\nAnne DURAND\tfin\n1 - Budget\n2 - Voirie\n" == text


# --- attendance tables -----------------------------------------------------------------------


def test_a_status_column_with_letters() -> None:
    rows = [
        ["Liste des présences", "", ""],
        ["Conseiller", "Présence", "Représenté par"],
        ["Paul MARTIN", "P", ""],
        ["Anne DURAND", "E", "Paul MARTIN"],
        ["Luc PETIT", "A", ""],
        ["Marie BLANC", "E", ""],
    ]
    assert [
        "Liste des présences",
        "Présents : Paul MARTIN",
        "Absents excusés : Anne DURAND (pouvoir à Paul MARTIN), Marie BLANC",
        "Absents : Luc PETIT",
    ] == attendance_lines(rows)


def test_a_presence_column_alone_unticked_means_absent() -> None:
    rows = [["NOM", "Prénom", "Présent(e)", "Pouvoir donné à"]]
    rows += [["MARTIN", "Paul", "✓", ""], ["DURAND", "Anne", "", "Paul MARTIN"]]
    rows += [["PETIT", "Luc", "", ""]]
    assert [
        "Présents : MARTIN Paul",
        "Absents excusés : DURAND Anne (pouvoir à Paul MARTIN)",
        "Absents : PETIT Luc",
    ] == attendance_lines(rows)


@pytest.mark.parametrize(
    ("marks", "remark"),
    [
        (["", "", ""], "aucune case remplie"),
        (["X", "X", ""], "Présent = X ; Absent = X"),
        (["X", "", "Paul MARTIN"], "Présent = X ; Pouvoir à = Paul MARTIN"),
        (["?", "", ""], "Présent = ?"),
    ],
)
def test_a_row_that_cannot_be_read_is_not_guessed(marks: list[str], remark: str) -> None:
    """No mark or contradictory marks: the member is named with a remark the reader does not
    understand, so the reading says it is incomplete instead of counting a guess."""
    rows = [["Nom", "Présent", "Absent", "Pouvoir à"], ["Paul MARTIN", "X", "", ""]]
    rows.append(["Anne DURAND", *marks])
    lines = attendance_lines(rows)
    assert lines is not None
    assert f"Absents : Anne DURAND (ligne du tableau non comprise : {remark})" == lines[-1]
    session = parse_minutes(_minutes(lines))
    unread = [n for n in session.notes if n.code == "UNREAD_TEXT"]
    assert unread
    assert "ligne du tableau non comprise" in unread[0].message


def test_other_columns_are_kept_as_remarks_and_received_proxies_as_a_list() -> None:
    rows = [
        ["Nom", "Présent", "A reçu pouvoir de", "Observations", "Téléphone", "Fonction"],
        ["Paul MARTIN", "X", "Anne DURAND", "", "", "Maire"],
        ["Luc PETIT", "X", "", "arrivé à la question 2", "06 00", "Adjoint"],
        ["Anne DURAND", "", "", "", "", ""],
        ["Total", "2", "1", "", "", ""],
    ]
    lines = attendance_lines(rows)
    assert [
        "Total | 2 | 1",
        "Présents : Paul MARTIN, Luc PETIT (arrivé à la question 2) (Téléphone : 06 00)",
        "Absents : Anne DURAND",
        "Pouvoirs : Anne DURAND à Paul MARTIN",
    ] == lines
    session = parse_minutes(_minutes(lines[1:]))
    assert [("anne-durand", "paul-martin")] == [(p.giver, p.holder) for p in session.proxies]


def test_a_heading_on_two_rows_and_a_mark_under_no_heading() -> None:
    """ "Présence" merged above "P | A | E"; a cross in a column without a heading is kept as a
    remark (the reader reports it), not dropped."""
    rows = [
        ["Nom", "Présence", "", "", "Pouvoir à"],
        ["", "P", "A", "E", ""],
        ["Paul MARTIN", "X", "", "", ""],
        ["Anne DURAND", "", "", "X", "Paul MARTIN"],
        ["Luc PETIT", "", "X", "", "", "X"],
    ]
    assert [
        "Présents : Paul MARTIN",
        "Absents excusés : Anne DURAND (pouvoir à Paul MARTIN)",
        "Absents : Luc PETIT (X)",
    ] == attendance_lines(rows)


def test_a_represented_mark_needs_the_holder() -> None:
    rows = [
        ["Élu", "Statut", "Représenté par"],
        ["Paul MARTIN", "Présent", ""],
        ["Anne DURAND", "Pouvoir", "à M. Paul MARTIN"],
        ["Luc PETIT", "Procuration", ""],
    ]
    assert [
        "Présents : Paul MARTIN",
        "Absents excusés : Anne DURAND (pouvoir à M. Paul MARTIN)",
        "Absents : Luc PETIT (ligne du tableau non comprise : Statut = Procuration)",
    ] == attendance_lines(rows)


def test_docx_wingdings_marks_and_text_boxes_once() -> None:
    """A check mark inserted as a Wingdings symbol is a mark; an unknown symbol is not taken
    for one; a text box (written twice by Word, once as a fallback) is read once."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Nom", "Présent"), strict=True):
        cell.text = text
    for row, (name, char) in zip(
        table.rows[1:], (("Paul MARTIN", "F0FC"), ("Anne DURAND", "F04A")), strict=True
    ):
        row.cells[0].text = name
        row.cells[1].paragraphs[0]._p.append(
            _xml(f'<w:r xmlns:w="{w}"><w:sym w:font="Wingdings" w:char="{char}"/></w:r>')
        )
    paragraph = document.add_paragraph("Titre")
    paragraph._p.append(
        _xml(
            f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent><mc:Choice Requires="wps">'
            "<w:p><w:r><w:t>dans la boîte</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r>"
            "<w:t>dans la boîte</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )

    text = office_text(_docx_bytes(document), Path("pv.docx"))

    assert text.startswith("Présents : Paul MARTIN\nAbsents : Anne DURAND (ligne du tableau")
    assert text.endswith("Titre\ndans la boîte\n")


def test_a_table_that_is_not_attendance_is_kept_as_lines() -> None:
    rows = [["n°", "Objet", ""], ["1", "Budget primitif", ""], ["", "", ""], ["2", "Voirie", "x"]]
    assert attendance_lines(rows) is None
    assert ["n° | Objet", "1 | Budget primitif", "2 | Voirie | x"] == table_lines(rows)
    assert "avant\nn° | Objet\n1 | Budget primitif\n2 | Voirie | x\n" == blocks_text(
        ["avant", rows]
    )


CELLS = st.one_of(
    st.sampled_from(
        ["Nom", "Prénom", "Présent", "Absent", "Excusé", "Présence", "Statut", "Pouvoir à",
         "A reçu pouvoir de", "Observations", "Fonction", "Total", "X", "P", "A", "E", "Pouvoir",
         "", " ", ".", "-", "(e)", "Paul MARTIN", "à Anne DURAND", "☐", "\ufffd"]
    ),
    st.text(st.characters(exclude_characters="\n\r"), max_size=12),
)  # fmt: skip


@given(st.lists(st.lists(CELLS, max_size=7), max_size=8))
@example([["Nom", "Présent"], [".", "X"]])  # a name of punctuation only
def test_any_table_gives_lines_without_an_error(rows: list[list[str]]) -> None:
    """Whatever a table holds, it becomes one-line strings without an exception; a table that
    is not an attendance table keeps every non-blank cell; the reader takes the result."""
    lines = table_lines(rows)
    assert all("\n" not in line for line in lines)
    if attendance_lines(rows) is None:
        kept = "\n".join(lines)
        assert all(cell.strip() in kept for row in rows for cell in row)
    with contextlib.suppress(SessionFileError):  # no member list: a clear error, not a crash
        parse_minutes(_minutes(lines))


NAMES = (
    "Paul MARTIN", "Anne DURAND", "Luc PETIT", "Marie BLANC", "Jean ROUX", "Claire FAURE",
    "Louis GIRARD", "Sophie MOREL", "Henri LEROY", "Julie ROUSSEL", "Marc FONTAINE",
    "Alice CHEVALIER",
)  # fmt: skip
STATUS = st.sampled_from(["present", "absent", "excused"])


def _minutes(lines: list[str]) -> str:
    return (
        "Conseil municipal de TRUC, séance du 3 mars 2023\n"
        + "\n".join(lines)
        + "\n\n1 - Budget\nAdopté à l'unanimité.\n"
    )


@given(
    statuses=st.lists(STATUS, min_size=2, max_size=len(NAMES)),
    layout=st.sampled_from(["columns", "status", "presence-only"]),
    mark=st.sampled_from(["X", "x", "✓", "oui"]),
    holder_heading=st.sampled_from(["Pouvoir à", "Procuration donnée à", "Représenté(e) par"]),
    name_heading=st.sampled_from(["Nom", "NOM Prénom", "Conseillers municipaux", "Élu(e)"]),
    proxies=st.lists(st.booleans(), min_size=len(NAMES), max_size=len(NAMES)),
)
def test_any_attendance_table_is_read_as_written(
    statuses: list[str],
    layout: str,
    mark: str,
    holder_heading: str,
    name_heading: str,
    proxies: list[bool],
) -> None:
    """Whatever the layout, headings and marks, the reader finds the members, who is present
    and who gave a proxy to whom, exactly as the table says."""
    statuses[0] = "present"  # someone to hold the proxies
    if layout == "presence-only":
        statuses = ["present" if s == "present" else "excused" for s in statuses]
    names = NAMES[: len(statuses)]
    present = [n for n, s in zip(names, statuses, strict=True) if s == "present"]
    given_to = {
        n: present[k % len(present)]
        for k, (n, s) in enumerate(zip(names, statuses, strict=True))
        if s == "excused" and proxies[k]
    }
    if layout == "columns":
        rows = [[name_heading, "Présent", "Absent", "Excusé", holder_heading]]
        for n, s in zip(names, statuses, strict=True):
            cols = ["present", "absent", "excused"]
            rows.append([n, *(mark if s == c else "" for c in cols), given_to.get(n, "")])
    elif layout == "status":
        letters = {"present": "P", "absent": "A", "excused": "E"}
        rows = [[name_heading, "Statut", holder_heading]]
        rows += [
            [n, letters[s], given_to.get(n, "")] for n, s in zip(names, statuses, strict=True)
        ]
    else:
        rows = [[name_heading, "Présent", holder_heading]]
        rows += [
            [n, mark if s == "present" else "", given_to.get(n, "")]
            for n, s in zip(names, statuses, strict=True)
        ]
    lines = attendance_lines(rows)
    assert lines is not None

    session = parse_minutes(_minutes(lines))
    by_id = {m.id: m.name for m in session.members}

    assert sorted(names) == sorted(by_id.values())
    assert sorted(present) == sorted(by_id[s.member] for s in session.attendance)
    assert sorted(given_to.items()) == sorted(
        (by_id[p.giver], by_id[p.holder]) for p in session.proxies
    )
    assert not [n for n in session.notes if n.code == "UNREAD_TEXT"]


# --- files that cannot be read ---------------------------------------------------------------


def _error(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SessionFileError) as info:
        read_session(path)
    return str(info.value)


@pytest.mark.parametrize("name", ["pv.docx", "pv.odt"])
def test_a_damaged_document(tmp_path: Path, name: str) -> None:
    good = (OFFICE / f"lannion-cm-2021-07-05{Path(name).suffix}").read_bytes()
    message = _error(tmp_path, name, good[: len(good) // 2])
    assert "is not a readable" in message
    assert "open it in Word or LibreOffice and save it again, or export it as PDF" in message


@pytest.mark.parametrize("name", ["pv.docx", "pv.odt"])
def test_a_zip_that_is_not_such_a_document(tmp_path: Path, name: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "bonjour")
    message = _error(tmp_path, name, out.getvalue())
    assert "no [Content_Types].xml inside" in message or "no content.xml inside" in message


@pytest.mark.parametrize("name", ["pv.docx", "pv.odt"])
def test_a_zip_holding_broken_xml(tmp_path: Path, name: str) -> None:
    source = (OFFICE / f"siaep-condom-caussens-2021-03-03{Path(name).suffix}").read_bytes()
    main = "word/document.xml" if name.endswith(".docx") else "content.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == main else data)
    assert "is not a readable" in _error(tmp_path, name, out.getvalue())


SMALL = {
    s: (OFFICE / f"siaep-condom-caussens-2021-03-03{s}").read_bytes() for s in (".docx", ".odt")
}


@settings(max_examples=60)
@given(
    suffix=st.sampled_from([".docx", ".odt"]),
    at=st.floats(min_value=0, max_value=1, exclude_max=True),
    junk=st.binary(min_size=1, max_size=64),
)
def test_damage_anywhere_gives_text_or_a_clear_error(suffix: str, at: float, junk: bytes) -> None:
    """Bytes overwritten anywhere in a document (a zip entry, its compressed data, the central
    directory): the text, or a SessionFileError; never another exception."""
    data = bytearray(SMALL[suffix])
    start = int(at * len(data))
    data[start : start + len(junk)] = junk
    message = ""
    try:
        office_text(bytes(data), Path(f"pv{suffix}"))
    except SessionFileError as err:
        message = str(err)
    assert not message or message.startswith(f"pv{suffix}: ")


def test_random_bytes_and_a_word_lock_file(tmp_path: Path) -> None:
    message = _error(tmp_path, "pv.odt.docx", b"\x00" * 50)
    assert "is not a readable Word document (.docx) (damaged, or another kind of file" in message
    message = _error(tmp_path, "~$pv.docx", b"\x05Paul" + b"\x00" * 157)
    assert "the lock file Word leaves while a document is open" in message


@pytest.mark.parametrize("name", ["pv.docx", "pv.odt", "pv.doc"])
def test_an_old_word_file_or_a_password(tmp_path: Path, name: str) -> None:
    message = _error(tmp_path, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "Word 97-2003" in message
    assert "save it as .docx" in message


def test_an_odt_protected_by_a_password(tmp_path: Path) -> None:
    source = (OFFICE / "siaep-condom-caussens-2021-03-03.odt").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b"</manifest:manifest>", b"<encryption-data/></manifest:manifest>"
                )
            dst.writestr(item, data)
    assert "protected by a password" in _error(tmp_path, "pv.odt", out.getvalue())


@pytest.mark.parametrize("limit", ["MAX_UNZIPPED", "MAX_XML"])
def test_a_zip_bomb_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    source = (OFFICE / "siaep-condom-caussens-2021-03-03.docx").read_bytes()
    assert "siaep" in office_text(source, Path("pv.docx")).lower()
    monkeypatch.setattr(f"quorum.office.{limit}", 30_000)
    assert "would expand to more than" in _error(tmp_path, "pv.docx", source)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_an_empty_document_and_one_without_text(tmp_path: Path, suffix: str) -> None:
    assert "holds no text" in _error(
        tmp_path, f"a{suffix}", (OFFICE / f"empty{suffix}").read_bytes()
    )
    if suffix == ".docx":
        document = docx.Document()
        for _ in range(3):
            document.add_paragraph("   ")
        data = _docx_bytes(document)
    else:
        data = _odt_bytes(Paragraph(" \t "), Paragraph(""))
    assert "holds no text" in _error(tmp_path, f"b{suffix}", data)


def test_a_document_without_minutes_says_so(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Liste des courses : pain, lait.")
    message = _error(tmp_path, "courses.docx", _docx_bytes(document))
    assert "member" in message or "minutes" in message


@pytest.mark.parametrize("name", ["pv.docx", "pv.odt", "pv.doc"])
def test_the_cli_exits_2_with_a_message_and_no_traceback(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert 2 == run(["check", str(path)])
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ")
    assert "Traceback" not in err
    assert "save it" in err


def test_a_missing_library_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.setitem(sys.modules, "odfdo", None)
    for suffix in (".docx", ".odt"):
        data = (OFFICE / f"siaep-condom-caussens-2021-03-03{suffix}").read_bytes()
        message = _error(tmp_path, f"pv{suffix}", data)
        assert "pip install 'quorum-minutes[office]'" in message


def test_the_libraries_are_imported_only_to_read_such_a_file() -> None:
    code = (
        "import sys, quorum.io, quorum.cli; "
        "print(sorted(m for m in ('docx', 'odfdo', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "[]\n" == out
