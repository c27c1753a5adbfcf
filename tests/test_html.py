"""The HTML report: self-contained, the per-item table, the presence timeline, linked findings."""

from __future__ import annotations

import random
import re
from pathlib import Path

import attrs
import pytest

import quorum
from dom import Element, parse, row_cells, span, timeline_rows
from helpers import ALL, session
from quorum import Finding, Member, Proxy, Reading, Session, Severity, Source, Stretch, Tally
from quorum.cli import run
from quorum.html import render_html
from quorum.markdown import render_markdown
from quorum.report import render_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
MINUTES = DATA / "grand-besancon-2026-01-29.txt"


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(quorum.audit(quorum.read_session(MINUTES)))


@pytest.fixture(scope="module")
def doc(html: str) -> Element:
    return parse(html)


def cells_of(doc: Element, name: str) -> list[tuple[str, str]]:
    """(class, title) of each run of cells of the member row named ``name``."""
    for tr in timeline_rows(doc):
        if tr.find("th", class_="n").text().startswith(name):
            return [(c.attrs.get("class", ""), c.attrs.get("title", "")) for c in row_cells(tr)]
    raise AssertionError(name)


def test_self_contained(html: str) -> None:
    """No script, stylesheet link, image, font or any URL: it opens offline."""
    assert re.search(r"<(script|link|img|iframe|object|embed|svg\s[^>]*href)\b", html) is None
    assert re.search(r"https?:|url\(|@import|@font-face", html) is None
    hrefs = re.findall(r'href="?([^" >]*)', html)
    assert hrefs
    assert all(h.startswith("#") for h in hrefs)
    assert "@page{size:A4 landscape" in html


def test_header_and_verdict(doc: Element) -> None:
    head = doc.find("header")

    assert (
        "Conseil de Communauté de Grand Besançon Métropole - 2026-01-29" == head.find("h1").text()
    )
    facts = {
        div.find("dt").text(): div.find("dd").text() for div in head.find("dl").find_all("div")
    }
    assert {
        "Body": "Conseil de Communauté de Grand Besançon Métropole",
        "Date": "2026-01-29",
        "Members in office": "123",
        "Quorum required": "62 present",
    }.items() <= facts.items()
    assert facts["Rule set"].startswith("fr-epci: ")
    verdict = doc.by_id("verdict")
    assert "Valid session" == verdict.text()
    assert {"verdict", "ok"} == verdict.classes()
    # the reader names no rule set: the one chosen from body and date is an info (issue 8.6)
    assert "37 items, 0 errors, 2 warnings, 1 info" == doc.by_id("summary").text()


def test_item_table(doc: Element) -> None:
    """One row per item; item 19 shows 100 voters and its reported tally next to it."""
    rows = doc.by_id("items").find("tbody").find_all("tr")
    row19 = [c.text() for c in doc.by_id("i19").find_all("td")]

    assert 37 == len(rows)
    assert [
        "19",
        "79",
        "21",
        "100",
        "79/62 ok",
        "pour 100 · contre 0 · abstention 0 · interested 0 (unanimous)",
        "100",
        "ok",
    ] == row19
    assert "w" in doc.by_id("i3").classes()
    badges = doc.by_id("i3").find_all("a", class_="badge")
    assert [("PROXY_HOLDER_ABSENT ×2", "#f2")] == [(a.text(), a.attrs["href"]) for a in badges]


def test_timeline_shape(doc: Element) -> None:
    """123 member rows grouped by commune, 37 item columns, every row covering 37 items."""
    table = doc.by_id("timeline")
    heads = table.find("thead").find_all("th")[2:]
    rows = timeline_rows(doc)

    assert [str(n) for n in range(1, 38)] == [h.text() for h in heads]
    assert 123 == len(rows)
    assert {37} == {sum(span(c) for c in row_cells(tr)) for tr in rows}
    groups = [th for body in table.find_all("tbody") for th in body.find_all("th", class_="g")]
    names = [th.text() for th in groups if th.text()]
    assert 67 == len(names) == len(set(names)) == len(table.find_all("tbody"))
    assert ("Audeux", "Avanne-Aveney", "Besançon") == tuple(names[:3])
    # no rowspan: the group label is in the first row of its group, so it lines up with it
    assert 123 == len(groups)
    assert not [th for th in groups if "rowspan" in th.attrs]
    besancon = table.find_all("tbody")[2].find_all("tr")
    assert 55 == len(besancon)
    assert ["Besançon"] + [""] * 54 == [tr.find("th", class_="g").text() for tr in besancon]


def test_timeline_cells(doc: Element) -> None:
    """Present, represented and by whom, substitutes, arrivals and departures."""
    assert [("r", "represented by André TERZO: items 1-37")] == cells_of(doc, "Hasni ALEM")
    assert [
        ("p", "present: items 1-18"),
        ("r", "represented by Guillaume BAILLY: items 19-37"),
    ] == cells_of(doc, "Myriam LEMERCIER")
    assert [
        ("x", "absent; proxy to Laurence MULOT not counted (PROXY_HOLDER_ABSENT): items 1-5"),
        ("r", "represented by Laurence MULOT: items 6-37"),
    ] == cells_of(doc, "Claude VARET")
    assert [("p", "present: items 1-35"), ("", "absent: items 36-37")] == cells_of(
        doc, "Hugues TRUDET"
    )
    assert [("s", "present (substitute): items 1-37")] == cells_of(
        doc, "Florence NUNNINGER-PARIZOT"
    )
    assert [("", "absent: items 1-37")] == cells_of(doc, "Thomas JAVAUX")


def test_findings_link_items_members_and_quote_the_source(doc: Element) -> None:
    items = doc.by_id("findings").find_all("li")
    werthe = items[1]  # items[0]: RULES_ASSUMED (the rule set chosen from body and date)
    links = [a.attrs["href"] for a in werthe.find_all("a")]

    assert ["f1", "f2", "f3"] == [li.attrs["id"] for li in items]
    assert links[:2] == ["#i1", "#i11"]
    for href in links:
        assert doc.find_all(id=href[1:]), href
    assert (
        "line 73: Mme Christne WERTHE a M. Pierre-Charles HENRY"
        == werthe.find("blockquote").text()
    )
    henry = doc.by_id(links[3][1:])
    assert henry.find("th", class_="n").text() == "Pierre-Charles HENRY"
    assert "x" in henry.find("th", class_="n").classes()


def test_mismatch_is_marked(tmp_path: Path) -> None:
    """Couthenans 2022: a tally that does not add up is red and links to its finding."""
    out = tmp_path / "r.html"
    status = run(
        ["check", str(DATA / "couthenans-cm-2022-10-07.txt"), "--format", "html", "-o", str(out)]
    )
    d = parse(out.read_text("utf-8"))
    row = d.by_id("i1")

    assert 1 == status
    assert "e" in row.classes()
    assert "13" == row.find("span", class_="bad").text()
    badge = row.find("a", class_="badge")
    assert "TALLY_MISMATCH" == badge.text()
    target = d.by_id(badge.attrs["href"][1:])
    assert "the tally of item 1 adds up to 13 (pour 13), not 11" in target.text()
    assert {"verdict", "e"} == d.by_id("verdict").classes()


def test_escaping_and_substitute_states() -> None:
    """Names are escaped; a titular whose substitute sits is shown as such."""
    s = session(
        2,
        {'<b>&"x': ALL, "s": ("2", "2")},
        absent=("t",),
        substitutes={"s": "t"},
        rules="fr-epci",
    )
    text = render_html(quorum.audit(s))
    d = parse(text)

    assert "<b>&" not in text
    assert "&lt;B&gt;&amp;&quot;X" in text
    assert [("", "absent: item 1"), ("b", "absent; substitute S sits: item 2")] == cells_of(d, "T")


def big_session(members: int, items: int, seed: int = 4) -> Session:
    """Arrivals, departures, returns and proxies over ``items`` items."""
    rnd = random.Random(seed)
    agenda = [str(i) for i in range(1, items + 1)]
    ms = [
        Member(id=f"m{i}", name=f"Member {i:04d}", group=f"C{i % 90:02d}") for i in range(members)
    ]
    attendance, proxies, absent = [], [], []
    for m in ms:
        if rnd.random() < 0.15:
            absent.append(m.id)
            continue
        a = rnd.randrange(items) if rnd.random() < 0.3 else 0
        b = rnd.randrange(a, items) if rnd.random() < 0.3 else items - 1
        attendance.append(Stretch(member=m.id, from_item=agenda[a], until_item=agenda[b]))
    holders = rnd.sample(sorted({st.member for st in attendance}), len(absent))
    proxies = [Proxy(giver=g, holder=h) for g, h in zip(absent, holders, strict=True)]
    tallies = [Tally(item=agenda[k], pour=members // 2) for k in range(0, items, 7)]
    return Session(
        agenda=agenda,
        members=ms,
        attendance=attendance,
        proxies=proxies,
        tallies=tallies,
        rules="fr-municipal",
    )


def test_600_members_1000_items_stay_compact() -> None:
    """Runs of equal cells keep 600 x 1,000 under 1 MiB (measured: about 0.5 MiB)."""
    result = quorum.audit(big_session(600, 1000))
    text = render_html(result)
    d = parse(text)
    rows = timeline_rows(d)

    assert len(text.encode()) < 2**20
    assert 600 == len(rows)
    assert {1000} == {sum(span(c) for c in row_cells(tr)) for tr in rows}
    assert 1000 == len(d.by_id("items").find("tbody").find_all("tr"))


def _incomplete() -> quorum.Audit:
    """A reading that did not understand a line, and a tally that does not add up."""
    note = Finding(
        code="UNREAD_TEXT",
        severity=Severity.WARNING,
        message="this line of the attendance was not understood",
        items=("1",),
        source=Source(line=12, text="M. DUPONT (pouvoir ?)"),
    )
    s = attrs.evolve(
        session(2, {"a": ALL, "b": ALL}, absent=("c",), tallies=(Tally(item="1", pour=3),)),
        reading=Reading(complete=False, uncertain_items=("1",)),
        notes=(note,),
    )
    return quorum.audit(s)


def test_incomplete_reading_quotes_the_lines_to_check_first() -> None:
    """The verdict says the reading is incomplete; the reader's notes come before the error."""
    result = _incomplete()
    d = parse(render_html(result, lang="en"))
    ol = d.by_id("findings")
    order = [(e.tag, e.text() if e.tag == "h3" else e.find("b").text()) for e in ol.children
             if isinstance(e, Element)]  # fmt: skip

    assert "TALLY_MISMATCH" == result.findings[0].code  # errors sort first in the audit
    assert "Not fully read: check these lines" == d.by_id("verdict").text()
    assert {"verdict", "u"} == d.by_id("verdict").classes()
    assert "Items whose counts may be wrong: 1" == d.by_id("uncertain").text()
    assert [
        ("h3", "Lines to check by hand (the reading is incomplete)"),
        ("li", "UNREAD_TEXT"),
        ("h3", "Other findings"),
        ("li", "TALLY_MISMATCH"),
        ("li", "OUTCOME_SAFE"),
    ] == order
    assert "line 12: M. DUPONT (pouvoir ?)" == ol.find("blockquote").text()
    assert (
        "Lecture incomplète : vérifier ces lignes"
        == parse(render_html(result, lang="fr")).by_id("verdict").text()
    )


def test_markdown_and_text_put_the_verdict_first() -> None:
    result = _incomplete()
    md_lines = render_markdown(result, lang="en").splitlines()
    text = render_text(result, lang="en")

    assert "**Not fully read: check these lines**" == md_lines[2]
    findings = [line for line in md_lines if line.startswith("- **")]
    assert findings[0].startswith("- **warning** `UNREAD_TEXT` (item 1): ")
    # at an item whose attendance was not fully read, a count-based error is not asserted
    assert findings[1].startswith("- **warning** `TALLY_MISMATCH`")
    assert "(not asserted: the attendance was not fully read at item 1;" in findings[1]
    assert text.startswith("Not fully read: check these lines\n")


def test_errors_verdict_counts_the_items_to_correct(tmp_path: Path) -> None:
    """Couthenans 2022: five items with an error finding."""
    result = quorum.audit(quorum.read_session(DATA / "couthenans-cm-2022-10-07.txt"))
    d = parse(render_html(result, lang="en"))

    assert "To correct: 5 points" == d.by_id("verdict").text()
    # the infos: the rule set chosen from body and date (issue 8.6), 4 OUTCOME_SAFE
    assert "8 items, 5 errors, 1 warning, 5 info" == d.by_id("summary").text()


def test_proxies_table_and_item_details(doc: Element) -> None:
    """Who holds each proxy and where it counts, without hovering; the lists of one item."""
    rows = {
        tr.find_all("td")[0].text(): [td.text() for td in tr.find_all("td")[1:]]
        for tr in doc.by_id("proxies").find("tbody").find_all("tr")
    }
    d3 = doc.by_id("d3")
    present, proxies, absent = d3.find_all("ul")

    assert 26 == len(rows)
    assert ["→ Guillaume BAILLY", "19-37", ""] == rows["Myriam LEMERCIER"]
    assert ["→ Laurence MULOT", "6-37", "PROXY_HOLDER_ABSENT 1-5"] == rows["Claude VARET"]
    assert "Item 3 69 present · 21 proxies · 90 voters · quorum 69/62 ok" in (
        d3.find("summary").text()
    )
    assert 69 == len(present.find_all("li"))
    assert 21 == len(proxies.find_all("li"))
    assert "Claude VARET → Laurence MULOT" not in [li.text() for li in proxies.find_all("li")]
    assert "Claude VARET" in [li.text() for li in absent.find_all("li")]
    assert 123 == 69 + 21 + len(absent.find_all("li"))
