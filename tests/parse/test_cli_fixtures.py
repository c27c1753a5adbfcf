"""`quorum check MINUTES.txt --format json` on every real minutes fixture gives its hand counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from parse_counting import expected_labels

from quorum.cli import run

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = sorted(p.stem for p in DATA.glob("*.txt"))


def expected(name: str) -> dict[str, Any]:
    return json.loads((DATA / f"{name}.expected.json").read_text("utf-8"))


def test_there_are_five_fixtures() -> None:
    assert 5 == len(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_counts_and_tally_verdicts(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every expected item: present, usable proxies, voters, quorum, tally consistency."""
    exp = expected(name)
    status = run(["check", str(DATA / f"{name}.txt"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    items = doc["items"]
    by_label = {i["item"]: i for i in items}
    rows = []
    for label, e in zip(expected_labels(exp["items"]), exp["items"], strict=True):
        got = by_label[label]
        rows.append(
            (
                (e["present"], e["proxies_valid"], e["voters"], e["quorum_reached"]),
                (
                    got["present_count"],
                    got["proxy_count"],
                    got["voters"],
                    got["quorum"]["reached"],
                ),
                (e["consistent"], got["tally"]["consistent"]),
            )
        )

    assert [(r[0], r[2][0]) for r in rows] == [(r[1], r[2][1]) for r in rows]
    assert exp["members_in_office"] == doc["session"]["members_in_office"]
    if doc["rules"]["valid_until"] is None:  # the expected files count the common-law quorum
        assert exp["quorum_threshold"] == doc["session"]["quorum_required"]
    else:  # a temporary regime chosen from the date (health emergency: one third)
        assert exp["quorum_threshold"] >= doc["session"]["quorum_required"]
    inconsistent = any(e["consistent"] is False for e in exp["items"])
    assert (1 if inconsistent else 0) == status


def test_besancon_minutes_like_the_hand_transcription(capsys: pytest.CaptureFixture[str]) -> None:
    """The parsed minutes give the same findings as the session file, quoting the minutes."""
    run(["check", str(DATA / "grand-besancon-2026-01-29.txt"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)

    assert [
        ("PROXY_HOLDER_ABSENT", 11, 73, "Mme Christne WERTHE a M. Pierre-Charles HENRY"),
        ("PROXY_HOLDER_ABSENT", 5, 72, "Mme Claude VARET a Mme Laurence MULOT"),
    ] == [
        (f["code"], len(f["items"]), f["source"]["line"], f["source"]["text"])
        for f in doc["findings"]
        if f["code"] != "RULES_ASSUMED"  # the rule set is chosen from the body and the date
    ]
    assert "fr-epci" == doc["rules"]["name"]
    assert doc["session"]["members_in_office_inferred"] is False


def test_couthenans_2022_errors_quote_their_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """Every tally counts 13 votes for 11 present: an error per item, on its own line."""
    status = run(["check", str(DATA / "couthenans-cm-2022-10-07.txt"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    errors = [f for f in doc["findings"] if f["severity"] == "error"]

    assert 1 == status
    assert [["1"], ["2"], ["3"], ["5"], ["7"]] == [f["items"] for f in errors]
    assert 5 == len({f["source"]["line"] for f in errors})


def test_parse_prints_a_session_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quorum parse` writes a quorum-session/1 file that `quorum check` reads back."""
    out = tmp_path / "lannion.json"
    status = run(["parse", str(DATA / "lannion-cm-2021-07-05.txt"), "-o", str(out)])
    err = capsys.readouterr().err

    assert 0 == status
    assert "MEMBERS_IN_OFFICE_INFERRED" in err
    assert 0 == run(["check", str(out)])
    session = json.loads(out.read_text("utf-8"))
    assert "quorum-session/1" == session["format"]
    assert session["members"][0]["source"]["line"] > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "no member list found"), (b"Bonjour\n" * 3, "no member list found")],
)
def test_minutes_without_lists_exit_2(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(content)

    assert 2 == run(["check", str(path)])
    err = capsys.readouterr().err
    assert message in err or "empty" in err
    assert "Traceback" not in err
