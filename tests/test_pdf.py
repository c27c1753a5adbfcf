"""Minutes as PDF: the text layer is read through pypdf; a scan without one is refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from quorum.cli import run

LINES = [
    "Conseil municipal de Testville",
    "Seance du 3 mars 2024",
    "Conseillers en exercice : 5",
    "Etaient presents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND",
    "Absents : Mme Anne PETIT, M. Luc MOREAU",
    "Procurations : Mme Anne PETIT donne pouvoir a M. Jean DUPONT",
    "1/ Budget primitif",
    "Pour : 4 Contre : 0 Abstention : 0",
]


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (no other library needed)."""
    text = "BT /F1 11 Tf 14 TL 50 780 Td " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n".encode()
    return out + b"%%EOF\n"


def test_minutes_in_a_pdf_are_audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """3 present + 1 proxy = 4 voters = the reported 'Pour : 4'."""
    path = tmp_path / "pv.pdf"
    path.write_bytes(pdf(LINES))

    status = run(["check", str(path)])
    out = capsys.readouterr().out

    assert 0 == status
    row = next(line.split() for line in out.splitlines() if line.lstrip().startswith("1 "))
    assert ["1", "1", "3", "1", "4", "4", "3/3", "ok", "ok", "(4", "reported)"] == row[:11]


def test_a_scan_without_text_layer_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf([]))

    assert 2 == run(["check", str(path)])
    assert "no text layer: run OCR first" in capsys.readouterr().err


def test_a_damaged_pdf_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage \x00\x01")

    assert 2 == run(["check", str(path)])
    err = capsys.readouterr().err
    assert "broken.pdf" in err
    assert "Traceback" not in err
