"""`quorum parse` then `quorum check` gives the same findings as `quorum check` on the text: the
reader's notes and its reading travel in the session file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quorum.audit import audit
from quorum.cli import run
from quorum.exceptions import InvalidSessionError
from quorum.parse import parse_minutes
from quorum.sessionfile import session_from_dict, session_to_dict

DATA = Path(__file__).resolve().parent.parent / "data"
TEXT = (
    "Conseil municipal\nOrdre de passage des rapports : 1, 2\n\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, 12 rue des Lilas\n"
    "\nRapport n°1\nPour : 4 Contre : 0\n\nRapport n°2\nPour : 3 Contre : 0\n"
)


def _findings(result):  # type: ignore[no-untyped-def]
    return [
        (f.code, f.severity, f.message, f.items, f.members, f.source and f.source.describe())
        for f in result.findings
    ]


@pytest.mark.parametrize(
    "text",
    [TEXT, (DATA / "lannion-cm-2021-07-05.txt").read_text(encoding="utf-8")],
    ids=["unread", "lannion"],
)
def test_round_trip_keeps_notes_and_reading(text: str) -> None:
    parsed = parse_minutes(text)
    assert parsed.notes
    back = session_from_dict(json.loads(json.dumps(session_to_dict(parsed))))
    assert back.notes == parsed.notes
    assert back.reading == parsed.reading
    assert _findings(audit(back)) == _findings(audit(parsed))
    assert audit(back).verdict is audit(parsed).verdict


def test_parse_then_check_exits_like_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    minutes = tmp_path / "m.txt"
    minutes.write_text(TEXT, encoding="utf-8")
    session = tmp_path / "m.session.json"
    direct = run(["check", str(minutes), "--format", "json"])
    first = json.loads(capsys.readouterr().out)
    assert run(["parse", str(minutes), "-o", str(session)]) == direct  # 3: not fully read
    capsys.readouterr()
    assert run(["check", str(session), "--format", "json"]) == direct
    second = json.loads(capsys.readouterr().out)
    strip = [{k: v for k, v in f.items() if k != "source"} for f in first["findings"]]
    assert [{k: v for k, v in f.items() if k != "source"} for f in second["findings"]] == strip
    assert second["verdict"] == first["verdict"] == "incomplete"


def test_a_bad_note_is_reported_with_its_path() -> None:
    doc = {
        "format": "quorum-session/1",
        "agenda": ["1"],
        "members": [{"id": "a"}],
        "notes": [{"code": "X", "message": "m", "severity": "fatal", "items": "1"}],
    }
    with pytest.raises(InvalidSessionError) as err:
        session_from_dict(doc)
    paths = [p.path for p in err.value.problems]
    assert sorted(paths) == ["$.notes[0].items", "$.notes[0].severity"]
