"""The Grand Besançon Métropole council of 29 January 2026, transcribed by hand (examples/).

Every count is checked against the hand-counted values of
tests/data/grand-besancon-2026-01-29.expected.json (a copy of the shared fixture).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quorum
from quorum.cli import run

ROOT = Path(__file__).resolve().parent.parent
SESSION = ROOT / "examples" / "grand-besancon-2026-01-29.session.json"
EXPECTED = json.loads(
    (ROOT / "tests" / "data" / "grand-besancon-2026-01-29.expected.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def result() -> quorum.Audit:
    return quorum.audit(quorum.read_session(SESSION))


def test_session_shape() -> None:
    """123 members: 82 present at some item (two of them substitutes), 41 absent, 26 proxies."""
    session = quorum.read_session(SESSION)
    present = {s.member for s in session.attendance}

    assert (123, 82, 41, 26) == (
        len(session.members),
        len(present),
        len(session.members) - len(present),
        len(session.proxies),
    )
    assert {"florence-nunninger-parizot", "dominique-lhomme"} == {
        m.id for m in session.members if m.is_substitute
    }
    assert 123 == session.in_office


@pytest.mark.parametrize("expected", EXPECTED["items"], ids=lambda e: f"item-{e['item']}")
def test_every_item_matches_hand_count(result: quorum.Audit, expected: dict[str, object]) -> None:
    """Present, usable proxies, voters and quorum as counted by hand, item by item."""
    item = result.item(str(expected["item"]))

    assert (
        expected["present"],
        expected["proxies_valid"],
        expected["voters"],
        expected["quorum_reached"],
        62,
    ) == (
        item.present_count,
        item.proxy_count,
        item.voters,
        item.quorum.reached,
        item.quorum.required,
    )
    assert len(item.present) == item.present_count
    assert len(item.proxies) == item.proxy_count
    assert expected["consistent"] == item.tally.consistent


def test_item_19_pour_100(result: quorum.Audit) -> None:
    """Item 19 reports "Pour : 100": 79 present + 21 usable proxies, consistent."""
    item = result.item("19")

    assert (19, 79, 21, 100, 100) == (
        item.position,
        item.present_count,
        item.proxy_count,
        item.voters,
        item.vote_weight,
    )
    assert item.tally.reported is not None
    assert 100 == item.tally.reported.pour
    assert item.tally.consistent is True
    holders = {holder.name for _, holder in item.proxies}
    assert "Guillaume BAILLY" in holders  # Myriam LEMERCIER's proxy, from item 19 on
    assert "Myriam LEMERCIER" not in {m.name for m in item.present}  # left after item 18


def test_two_late_holder_warnings_and_nothing_else(result: quorum.Audit) -> None:
    """The only findings: two proxies whose holders arrive late, one finding per run of items."""
    found = [
        (f.code, f.severity.value, f.items[0], f.items[-1], f.members) for f in result.findings
    ]

    assert [
        (
            "PROXY_HOLDER_ABSENT",
            "warning",
            "1",
            "11",
            ("christine-werthe", "pierre-charles-henry"),
        ),
        ("PROXY_HOLDER_ABSENT", "warning", "1", "5", ("claude-varet", "laurence-mulot")),
    ] == found
    assert result.ok
    varet = result.findings[1]
    assert "items 1-5" in varet.message
    assert varet.rule == "CGCT art. L2121-20 (through L5211-1)"
    assert varet.source is not None
    assert varet.source.path == "$.proxies[18]"
    assert (varet,) == tuple(
        f for f in result.item("3").findings if f.members[0] == "claude-varet"
    )


def test_json_document_gives_every_item(capsys: pytest.CaptureFixture[str]) -> None:
    """`quorum check --format json` gives the hand-counted values for all 37 items."""
    status = run(["check", str(SESSION), "--format", "json", "--member-lists"])
    doc = json.loads(capsys.readouterr().out)

    assert 0 == status
    assert "quorum-audit/1" == doc["format"]
    assert [
        (e["item"], e["present"], e["proxies_valid"], e["voters"], e["quorum_reached"])
        for e in EXPECTED["items"]
    ] == [
        (i["item"], i["present_count"], i["proxy_count"], i["voters"], i["quorum"]["reached"])
        for i in doc["items"]
    ]
    item19 = doc["items"][18]
    assert 79 == len(item19["present"])
    assert {"giver": "Myriam LEMERCIER", "holder": "Guillaume BAILLY"} in item19["proxies"]
    assert {
        "required": 62,
        "counted": 79,
        "reached": True,
        "basis": "head",
        "of": 123,
    } == item19["quorum"]
    assert {
        "computed": "adopted",
        "reported": "adopted",
        "majority": "absolute",
        "reason": "pour 100; needed more than 1/2 of the votes expressed (pour + contre): "
        "more than 1/2 x 100 = 50",
        "could_change": None,
    } == item19["outcome"]
    assert True is item19["tally"]["consistent"]
    assert 100 == item19["tally"]["reported"]["pour"]
    assert 2 == doc["summary"]["warnings"]
    assert [
        {"id": "claude-varet", "name": "Claude VARET"},
        {"id": "laurence-mulot", "name": "Laurence MULOT"},
    ] == doc["findings"][1]["members"]


def test_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The text report has one row per item and ends with the verdict line."""
    status = run(["check", str(SESSION)])
    out = capsys.readouterr().out

    assert 0 == status
    rows = [line.split() for line in out.splitlines() if line[:4].strip().isdigit()]
    assert 37 == len(rows)
    assert [
        "19",
        "19",
        "79",
        "21",
        "100",
        "100",
        "79/62",
        "ok",
        "ok",
        "(100",
        "reported)",
        "adopted",
    ] == rows[18]
    assert out.rstrip().endswith("37 items, 0 errors, 2 warnings")
