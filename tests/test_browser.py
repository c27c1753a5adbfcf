"""The HTML report in a real browser: headless Chromium renders it offline.

Skipped when Chromium is not installed, except in CI (``CI`` set), where it fails: ``.ci/run``
installs Debian's ``chromium``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import quorum
from dom import Element, parse, row_cells, span, timeline_rows
from quorum.html import render_html
from test_html import big_session

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FIXTURES = sorted(DATA.glob("*.txt"))
BESANCON = DATA / "grand-besancon-2026-01-29.txt"


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def headless(*args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium, offline, with a fresh profile."""
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )


def rendered(html: str, tmp_path: Path, name: str = "report.html") -> Element:
    page = tmp_path / name
    page.write_text(html, "utf-8")
    return parse(headless("--dump-dom", page.as_uri()).stdout)


@pytest.mark.parametrize("minutes", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_renders(minutes: Path, tmp_path: Path) -> None:
    """One timeline row per member, one column per item, every row covering every item."""
    result = quorum.audit(quorum.read_session(minutes))
    doc = rendered(render_html(result), tmp_path)
    rows = timeline_rows(doc)
    heads = doc.by_id("timeline").find("thead").find_all("th")[2:]

    assert len(result.session.members) == len(rows)
    assert list(result.session.agenda) == [h.text() for h in heads]
    assert {len(result.items)} == {sum(span(c) for c in row_cells(tr)) for tr in rows}
    assert len(result.findings) == len(doc.find_all("li", class_="e")) + len(
        doc.find_all("li", class_="w")
    ) + len(doc.find_all("li", class_="i"))
    assert not doc.find_all("script")


def test_besancon_dom_and_screenshot(tmp_path: Path) -> None:
    """123 member rows, 37 item columns, item 19 shows 100 voters; a screenshot is taken."""
    html = render_html(quorum.audit(quorum.read_session(BESANCON)))
    doc = rendered(html, tmp_path)
    shot = tmp_path / "report.png"
    headless(
        f"--screenshot={shot}", "--window-size=1600,1000", (tmp_path / "report.html").as_uri()
    )

    assert 123 == len(timeline_rows(doc))
    assert 37 == len(doc.by_id("timeline").find("thead").find_all("th")) - 2
    assert "100" == doc.by_id("i19").find("td", class_="v").text()
    # the reader names no rule set: the one chosen from body and date is an info (issue 8.6)
    assert "37 items, 0 errors, 2 warnings, 1 info" == doc.by_id("verdict").text()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (1600, 1000) == struct.unpack(">II", data[16:24])
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


def test_600_members_1000_items(tmp_path: Path) -> None:
    """The large report renders in Chromium within a minute (measured: a few seconds)."""
    html = render_html(quorum.audit(big_session(600, 1000)))
    start = time.perf_counter()
    doc = rendered(html, tmp_path)
    elapsed = time.perf_counter() - start

    assert 600 == len(timeline_rows(doc))
    assert 1000 == len(doc.by_id("items").find("tbody").find_all("tr"))
    assert elapsed < 60, elapsed
