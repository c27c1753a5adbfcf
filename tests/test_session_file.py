"""Reading and writing quorum-session/1 files: every bad input is named with its JSON path."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import quorum
from quorum.cli import run


def doc(**changes: Any) -> dict[str, Any]:
    """A small valid document, with top-level keys replaced by ``changes``."""
    base: dict[str, Any] = {
        "format": "quorum-session/1",
        "body": "Conseil municipal",
        "date": "2024-03-01",
        "rules": "fr-municipal",
        "agenda": ["1", "2", "3"],
        "members": [
            {"id": "ann", "name": "Ann A"},
            {"id": "bob", "name": "Bob B"},
            {"id": "cy", "name": "Cy C"},
        ],
        "attendance": [{"member": "ann"}, {"member": "bob", "from": "2"}],
        "proxies": [{"giver": "cy", "holder": "ann"}],
        "tallies": [{"item": "2", "pour": 3}],
    }
    base.update(changes)
    return base


def write(tmp_path: Path, document: object, name: str = "s.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


BAD = [
    pytest.param(
        doc(attendance=[{"member": "zed"}]),
        ["$.attendance[0].member: unknown member id 'zed'"],
        id="unknown-member-in-attendance",
    ),
    pytest.param(
        doc(proxies=[{"giver": "cy", "holder": "zed"}]),
        ["$.proxies[0].holder: unknown member id 'zed'"],
        id="unknown-member-in-proxy",
    ),
    pytest.param(
        doc(
            members=[{"id": "ann", "name": "A"}, {"id": "ann", "name": "B"}],
            attendance=[],
            proxies=[],
        ),
        ["$.members[1].id: duplicate member id 'ann'"],
        id="duplicate-id",
    ),
    pytest.param(
        doc(attendance=[{"member": "ann", "from": "9"}]),
        ["$.attendance[0].from: unknown item label '9' (attendance of Ann A ('ann'))"],
        id="unknown-item-label",
    ),
    pytest.param(
        doc(tallies=[{"item": "4", "pour": 1}]),
        ["$.tallies[0].item: unknown item label '4'"],
        id="unknown-item-in-tally",
    ),
    pytest.param(
        doc(proxies=[{"giver": "cy", "holder": "ann", "from": "3", "until": "1"}]),
        [
            "$.proxies[0]: reversed range: item '3' is taken after item '1' "
            "(proxy from Cy C ('cy') to Ann A ('ann'))"
        ],
        id="reversed-range",
    ),
    pytest.param(
        doc(members=[{"id": "ann", "name": "A", "weight": -2}], attendance=[], proxies=[]),
        ["$.members[0].weight: a weight cannot be negative: -2 (member A ('ann'))"],
        id="negative-weight",
    ),
    pytest.param(
        doc(members_in_office="thirty"),
        ["$.members_in_office: must be a positive whole number, not 'thirty'"],
        id="wrong-type-in-office",
    ),
    pytest.param(
        doc(agenda=[1, 2]),
        [
            "$.agenda[0]: an item label must be a non-empty string, not 1",
            "$.agenda[1]: an item label must be a non-empty string, not 2",
            "$.attendance[1].from: unknown item label '2' (attendance of Bob B ('bob'))",
            "$.tallies[0].item: unknown item label '2'",
        ],
        id="wrong-type-agenda",
    ),
    pytest.param(
        doc(tallies=[{"item": "1", "pour": "douze"}]),
        [
            "$.tallies[0].pour: a count must be a whole number >= 0, not 'douze' "
            "(tally of item '1')"
        ],
        id="wrong-type-count",
    ),
    pytest.param(
        doc(members="ann, bob"),
        [
            "$.members: expected a list, not str",
            "$.members: no members: list every member, present or absent",
            "$.attendance[0].member: unknown member id 'ann'",
            "$.attendance[1].member: unknown member id 'bob'",
            "$.proxies[0].giver: unknown member id 'cy'",
            "$.proxies[0].holder: unknown member id 'ann'",
        ],
        id="wrong-type-members",
    ),
    pytest.param(
        doc(format="quorum-session/2"),
        ["$.format: unsupported format 'quorum-session/2'; this version reads 'quorum-session/1'"],
        id="unknown-format-version",
    ),
    pytest.param(
        {"agenda": ["1"], "members": [{"id": "a"}], "atendance": []},
        ["$.format: required key is missing", "$.atendance: unknown key 'atendance'"],
        id="missing-format-and-typo",
    ),
    pytest.param(
        doc(proxies=[{"giver": "cy", "holder": "cy"}]),
        ["$.proxies[0]: Cy C ('cy') gives a proxy to himself"],
        id="proxy-to-self",
    ),
    pytest.param(
        doc(members=[{"id": "ann", "name": "A", "weight": "NaN"}], attendance=[], proxies=[]),
        ["$.members[0].weight: a weight must be a finite number, not NaN (member A ('ann'))"],
        id="nan-weight",
    ),
    pytest.param(
        doc(members=[{"id": "ann", "name": "A", "weight": "heavy"}], attendance=[], proxies=[]),
        [
            "$.members[0].weight: a weight must be a whole or exact decimal number, not 'heavy' "
            "(member A ('ann'))"
        ],
        id="text-weight",
    ),
    pytest.param(
        doc(members=[{"id": "ann", "name": "A", "weight": True}], attendance=[], proxies=[]),
        [
            "$.members[0].weight: a weight must be a whole or exact decimal number, not True "
            "(member A ('ann'))"
        ],
        id="boolean-weight",
    ),
    pytest.param(
        doc(
            members=[{"id": "s", "name": "S", "role": "substitute", "substitute_for": "nobody"}],
            attendance=[],
            proxies=[],
        ),
        ["$.members[0].substitute_for: unknown member id 'nobody' (member S ('s'))"],
        id="substitute-for-unknown",
    ),
    pytest.param(
        doc(members=[{"id": "a", "name": "A", "role": "deputy"}], attendance=[], proxies=[]),
        [
            "$.members[0].role: role must be 'titular' or 'substitute', not 'deputy' "
            "(member A ('a'))"
        ],
        id="unknown-role",
    ),
    pytest.param(
        doc(date="29/01/2026"),
        ["$.date: expected a date as YYYY-MM-DD, not '29/01/2026'"],
        id="bad-date",
    ),
]


@pytest.mark.parametrize(("document", "problems"), BAD)
def test_bad_input_lists_every_problem(
    tmp_path: Path, document: object, problems: list[str]
) -> None:
    """The reader raises InvalidSessionError naming each problem with its JSON path."""
    path = write(tmp_path, document)

    with pytest.raises(quorum.InvalidSessionError) as err:
        quorum.read_session(path)

    assert problems == [str(p) for p in err.value.problems]
    assert str(path) in str(err.value)


@pytest.mark.parametrize(("document", "problems"), BAD)
def test_bad_input_exits_2_with_message(
    tmp_path: Path, document: object, problems: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`quorum check` exits 2 and prints every problem on stderr, no traceback."""
    path = write(tmp_path, document)

    status = run(["check", str(path)])
    captured = capsys.readouterr()

    assert 2 == status
    assert "" == captured.out
    for problem in problems:
        assert problem in captured.err
    assert "Traceback" not in captured.err


def test_all_problems_at_once(tmp_path: Path) -> None:
    """Several problems in one file are all reported, in document order."""
    path = write(
        tmp_path,
        doc(
            attendance=[{"member": "zed"}, {"member": "ann", "from": "3", "until": "2"}],
            proxies=[{"giver": "cy", "holder": "ann", "until": "7"}],
            members_in_office=0,
        ),
    )

    with pytest.raises(quorum.InvalidSessionError) as err:
        quorum.read_session(path)

    assert [
        "$.members_in_office",
        "$.attendance[0].member",
        "$.attendance[1]",
        "$.proxies[0].until",
    ] == [p.path for p in err.value.problems]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"{not json", "s.json", "is not valid JSON"),
        (b"\x00\x01\x02\xff\xfe" * 50, "s.json", "is not a text file"),
        (b"[1, 2]", "s.json", "a session file holds one JSON object"),
        (b"format = 'quorum-session/1'\nagenda = [", "s.toml", "is not valid TOML"),
    ],
)
def test_unreadable_files_exit_2(
    tmp_path: Path, content: bytes, name: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files that are not a session at all get a one-line reason and status 2."""
    path = tmp_path / name
    path.write_bytes(content)

    status = run(["check", str(path)])
    err = capsys.readouterr().err

    assert 2 == status
    assert message in err
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is named."""
    status = run(["check", str(tmp_path / "nope.json")])

    assert 2 == status
    assert f"{tmp_path / 'nope.json'}: no such file" in capsys.readouterr().err


def test_unknown_rule_set_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rule set that does not exist is a reading error, with the known names."""
    status = run(["check", str(write(tmp_path, doc(rules="fr-copro")))])

    assert 2 == status
    assert "$.rules: unknown rule set 'fr-copro' ('quorum rules' lists them)" in (
        capsys.readouterr().err
    )


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    """Writing then reading gives an equal session, exact decimal weights included."""
    document = doc(
        members=[
            {"id": "ann", "name": "Ann A", "weight": "12.345", "group": "Nord"},
            {"id": "bob", "name": "Bob B", "weight": 7},
            {"id": "cy", "name": "Cy C", "role": "substitute", "substitute_for": "bob"},
        ],
        members_in_office=2,
        tallies=[{"item": "2", "pour": 1, "contre": 1, "npv": 0, "voters": 2, "unanimous": False}],
    )
    session = quorum.read_session(write(tmp_path, document))
    out = tmp_path / "out.json"

    quorum.write_session(session, out)
    again = quorum.read_session(out)

    assert session == again
    assert Decimal("12.345") == again.member("ann").weight
    assert "12.345" == json.loads(out.read_text("utf-8"))["members"][0]["weight"]


def test_toml_reads_like_json(tmp_path: Path) -> None:
    """The same schema in TOML gives the same session as the JSON file."""
    toml = tmp_path / "s.toml"
    toml.write_text(
        """format = "quorum-session/1"
body = "Conseil municipal"
date = 2024-03-01
rules = "fr-municipal"
agenda = ["1", "2", "3"]
members = [{id = "ann", name = "Ann A"}, {id = "bob", name = "Bob B"}, {id = "cy", name = "Cy C"}]
attendance = [{member = "ann"}, {member = "bob", from = "2"}]
proxies = [{giver = "cy", holder = "ann"}]
tallies = [{item = "2", pour = 3}]
""",
        encoding="utf-8",
    )

    assert quorum.read_session(write(tmp_path, doc())) == quorum.read_session(toml)


def test_json_float_weight_is_exact(tmp_path: Path) -> None:
    """A weight written 0.1 is read as Decimal('0.1'), never as the float 0.1."""
    path = tmp_path / "w.json"
    path.write_text(
        json.dumps(
            doc(members=[{"id": "a", "name": "A"}], attendance=[], proxies=[], tallies=[])
        ).replace('"name": "A"', '"name": "A", "weight": 0.1'),
        encoding="utf-8",
    )

    assert Decimal("0.1") == quorum.read_session(path).member("a").weight


def test_members_in_office_defaults_to_seats() -> None:
    """A substitute of a listed titular shares his seat; one of an unnamed titular has one."""
    session = quorum.session_from_dict(
        doc(
            members=[
                {"id": "t", "name": "T"},
                {"id": "s", "name": "S", "role": "substitute", "substitute_for": "t"},
                {"id": "u", "name": "U", "role": "substitute"},
            ],
            attendance=[],
            proxies=[],
            tallies=[],
        )
    )

    assert (2, True) == (session.in_office, session.in_office_inferred)
