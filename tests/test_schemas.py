"""The JSON Schemas of quorum-session/1 and quorum-audit/1 (docs/schemas.md).

Every document the library writes validates: the examples, the real minutes in tests/data read
and written back, hypothesis sessions, and the audit of each (with and without member lists).
On bad documents the schema agrees with the reader: what one refuses, the other refuses, at the
same place.
"""

from __future__ import annotations

import copy
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import quorum
from quorum import schemas, sessionfile
from quorum.cli import run
from quorum.exceptions import InvalidSessionError
from quorum.rulesets import RULE_SETS
from strategies import sessions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.session.json"))
SESSION_FILES = [*EXAMPLES, *sorted((ROOT / "tests" / "data").rglob("*.session.json"))]
MINUTES = [
    *sorted((ROOT / "tests" / "data").rglob("*.txt")),
    *sorted((ROOT / "examples").glob("*.txt")),
]

# Keys the reader branches add to quorum-session/1 (reader-lists: counts-only attendance and the
# reader's notes); the schema knows them already so that it stays right when they are merged.
ANTICIPATED = {"headcounts", "notes"}


def validator(fmt: str, schema: dict[str, Any] | None = None) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema if schema is not None else schemas.load(fmt),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


SESSION = validator("quorum-session/1")
AUDIT = validator("quorum-audit/1")


def closed(schema: Any) -> Any:
    """The schema with every object that names its keys closed to any other key: the audit
    schema leaves objects open (keys are only ever added within a version), this copy checks that
    it describes every key the library writes."""
    if isinstance(schema, dict):
        out = {k: closed(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [closed(v) for v in schema]
    return schema


AUDIT_CLOSED = validator("quorum-audit/1", closed(schemas.load("quorum-audit/1")))


def as_json(document: object) -> Any:
    """The document as another application decodes it: through JSON text, with plain floats."""
    return json.loads(json.dumps(document, ensure_ascii=False))


def errors(v: jsonschema.Draft202012Validator, document: object) -> list[str]:
    return [f"{e.json_path}: {e.message[:300]}" for e in v.iter_errors(document)]


def assert_audit_valid(session: quorum.Session) -> None:
    result = quorum.audit(session)
    for member_lists in (False, True):
        document = as_json(result.to_dict(member_lists=member_lists))
        assert [] == errors(AUDIT, document)
        assert [] == errors(AUDIT_CLOSED, document)


# --- the schemas themselves ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", schemas.FORMATS)
def test_schema_is_valid_draft_2020_12(fmt: str) -> None:
    schema = schemas.load(fmt)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert fmt == schema["title"] == schema["properties"]["format"]["const"]


@pytest.mark.parametrize("fmt", schemas.FORMATS)
def test_every_key_is_described(fmt: str) -> None:
    """Each key of each object says what it means."""
    missing: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                if isinstance(sub, dict) and "description" not in sub:
                    missing.append(f"{where}.{key}")
            for key, sub in node.items():
                if key not in ("if", "then", "else"):  # conditions, not keys
                    walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    walk(schemas.load(fmt), "#")
    assert [] == missing


def test_load_unknown_format_and_path() -> None:
    with pytest.raises(ValueError, match="no schema for 'quorum-session/2'"):
        schemas.load("quorum-session/2")
    assert schemas.path("quorum-audit/1").name == "quorum-audit-1.schema.json"
    assert schemas.load("quorum-session/1") is not schemas.load("quorum-session/1")


def test_rule_set_names_are_the_library_s() -> None:
    """The closed vocabulary of rule set names is exactly the rule sets the reader knows."""
    names = schemas.load("quorum-session/1")["$defs"]["ruleSetName"]["enum"]
    assert sorted(RULE_SETS) == sorted(names)


def test_session_keys_are_the_reader_s() -> None:
    """Each object of the session schema names exactly the keys the reader accepts (plus, until
    the reader branches are merged, the keys they add)."""
    schema = schemas.load("quorum-session/1")
    defs = schema["$defs"]
    pairs = [
        (schema, sessionfile._TOP, ANTICIPATED),
        (defs["member"], sessionfile._MEMBER, set()),
        (defs["stretch"], sessionfile._STRETCH, set()),
        (defs["proxy"], sessionfile._PROXY, set()),
        (defs["withdrawal"], sessionfile._WITHDRAWAL, set()),
        (defs["tally"], sessionfile._TALLY, set()),
        (schema["properties"]["reading"]["anyOf"][0], sessionfile._READING, set()),
    ]
    for node, reader_keys, extra in pairs:
        assert node["additionalProperties"] is False
        assert set(reader_keys) <= set(node["properties"])
        assert set(node["properties"]) - set(reader_keys) <= extra


# --- every document the library writes is valid -------------------------------------------------


@pytest.mark.parametrize("path", SESSION_FILES, ids=lambda p: p.name)
def test_session_files_are_valid(path: Path) -> None:
    text = path.read_text("utf-8")
    assert [] == errors(SESSION, json.loads(text))
    session = sessionfile.session_from_dict(sessionfile.loads(text))
    assert [] == errors(SESSION, as_json(sessionfile.session_to_dict(session)))
    assert_audit_valid(session)


@pytest.mark.parametrize("path", MINUTES, ids=lambda p: p.name)
def test_minutes_read_then_written_are_valid(path: Path) -> None:
    session = quorum.read_session(path)
    document = as_json(sessionfile.session_to_dict(session))
    assert [] == errors(SESSION, document)
    assert_audit_valid(session)


def test_the_documented_example_is_valid() -> None:
    """The complete example of docs/session-format.md."""
    text = (ROOT / "docs" / "session-format.md").read_text("utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    document = json.loads(block.group(1))
    assert [] == errors(SESSION, document)
    sessionfile.session_from_dict(document)


def test_the_command_line_audit_is_valid() -> None:
    """`quorum check --format json` prints a valid quorum-audit/1 document."""
    out = io.StringIO()
    run(["check", str(EXAMPLES[0]), "--format", "json"], stdout=out, stderr=io.StringIO())
    assert [] == errors(AUDIT_CLOSED, json.loads(out.getvalue()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_hypothesis_sessions_are_valid(session: quorum.Session) -> None:
    document = as_json(sessionfile.session_to_dict(session))
    assert [] == errors(SESSION, document)
    assert_audit_valid(session)


# --- on bad documents the schema and the reader agree -------------------------------------------


def base() -> dict[str, Any]:
    """A small valid session document using most keys."""
    return {
        "format": "quorum-session/1",
        "body": "Conseil municipal",
        "date": "2024-03-01",
        "rules": "fr-municipal",
        "members_in_office": 4,
        "agenda": ["1", "2", "3"],
        "members": [
            {"id": "ann", "name": "Ann A", "group": "X", "weight": 1, "role": "titular"},
            {"id": "bob", "name": "Bob B", "weight": "2.5", "votes": 5},
            {"id": "cy", "name": "Cy C"},
            {"id": "dee", "role": "substitute", "substitute_for": "cy"},
        ],
        "attendance": [
            {"member": "ann", "from": None, "until": None},
            {"member": "bob", "from": "2", "source": {"line": 3, "text": "Bob B"}},
            {"member": "dee"},
        ],
        "proxies": [{"giver": "cy", "holder": "ann", "from": "1", "until": "3"}],
        "tallies": [
            {
                "item": "1",
                "pour": 3,
                "contre": 0,
                "abstention": "0.5",
                "npv": None,
                "blank": 0,
                "null": 0,
                "interested": 0,
                "present": 3,
                "voters": 4,
                "unanimous": False,
                "secret": True,
                "outcome": "adopted",
                "casting_vote": "pour",
                "majority": None,
                "pour_members": 3,
            },
        ],
        "withdrawals": [{"member": "bob", "from": "3", "until": "3", "reason": "interest"}],
        "reading": {"complete": True, "uncertain_items": ["2"]},
        "financial_year_end": "02-29",
        "convocation": 1,
        "carried_over": [],
    }


def test_the_base_document_is_valid_for_both() -> None:
    document = base()
    assert [] == errors(SESSION, document)
    sessionfile.session_from_dict(document)


def _set(document: dict[str, Any], where: str, value: Any) -> None:
    """Set (or, with ``DELETE``, remove) the value at a path such as ``members.0.id``."""
    *parents, last = where.split(".")
    node: Any = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


DELETE = object()

BAD = [
    # unknown keys
    ("colour", "blue", "$"),
    ("members.0.email", "a@b", "$.members[0]"),
    ("attendance.0.note", "x", "$.attendance[0]"),
    ("proxies.0.signed", True, "$.proxies[0]"),
    ("tallies.0.against", 1, "$.tallies[0]"),
    ("withdrawals.0.why", "x", "$.withdrawals[0]"),
    ("reading.sure", True, "$.reading"),
    ("rules", {"base": "plain", "speed": 1}, "$.rules"),
    ("rules", {"quorum": {"fraction": "1/3", "people": 3}}, "$.rules"),
    # missing required keys
    ("format", DELETE, "$"),
    ("agenda", DELETE, "$"),
    ("members", DELETE, "$"),
    ("members.1.id", DELETE, "$.members[1]"),
    ("attendance.0.member", DELETE, "$.attendance[0]"),
    ("proxies.0.holder", DELETE, "$.proxies[0]"),
    ("tallies.0.item", DELETE, "$.tallies[0]"),
    ("withdrawals.0.member", DELETE, "$.withdrawals[0]"),
    # wrong types and values
    ("format", "quorum-session/2", "$.format"),
    ("agenda", "1, 2, 3", "$.agenda"),
    ("agenda", [], "$.agenda"),
    ("agenda", ["1", "1"], "$.agenda"),
    ("agenda.1", 2, "$.agenda[1]"),
    ("agenda.1", "  ", "$.agenda[1]"),
    ("members", [], "$.members"),
    ("members", {"ann": {}}, "$.members"),
    ("members.0", "ann", "$.members[0]"),
    ("members.0.id", "", "$.members[0].id"),
    ("members.0.name", None, "$.members[0].name"),
    ("members.0.group", 7, "$.members[0].group"),
    ("members.0.weight", True, "$.members[0].weight"),
    ("members.0.weight", -1, "$.members[0].weight"),
    ("members.0.weight", "-1", "$.members[0].weight"),
    ("members.0.weight", "much", "$.members[0].weight"),
    ("members.0.weight", 10**30, "$.members[0].weight"),
    ("members.0.weight", None, "$.members[0].weight"),
    ("members.1.votes", -2, "$.members[1].votes"),
    ("members.0.role", "mayor", "$.members[0].role"),
    ("members.0.substitute_for", "cy", "$.members[0]"),
    ("attendance", {"ann": "all"}, "$.attendance"),
    ("attendance.0.member", 1, "$.attendance[0].member"),
    ("attendance.1.from", 2, "$.attendance[1].from"),
    ("proxies.0.giver", 7, "$.proxies[0].giver"),
    ("tallies.0.pour", -1, "$.tallies[0].pour"),
    ("tallies.0.pour", "3 voix", "$.tallies[0].pour"),
    ("tallies.0.present", "3.5", "$.tallies[0].present"),
    ("tallies.0.voters", -4, "$.tallies[0].voters"),
    ("tallies.0.unanimous", "yes", "$.tallies[0].unanimous"),
    ("tallies.0.unanimous", None, "$.tallies[0].unanimous"),
    ("tallies.0.secret", 1, "$.tallies[0].secret"),
    ("tallies.0.outcome", "carried", "$.tallies[0].outcome"),
    ("tallies.0.casting_vote", "abstention", "$.tallies[0].casting_vote"),
    ("tallies.0.majority", 2, "$.tallies[0].majority"),
    ("withdrawals.0.reason", "bored", "$.withdrawals[0].reason"),
    ("withdrawals.0.reason", None, "$.withdrawals[0].reason"),
    ("body", 12, "$.body"),
    ("date", "01/03/2024", "$.date"),
    ("date", "2024-02-30", "$.date"),
    ("rules", "fr-mairie", "$.rules"),
    ("rules", 3, "$.rules"),
    ("rules", {"base": "nope"}, "$.rules"),
    ("rules", {"quorum": {"basis": "heads"}}, "$.rules"),
    ("rules", {"majority": {"base": "present"}}, "$.rules"),
    ("rules", {"proxies": {"per_holder": -1}}, "$.rules"),
    ("rules", {"quorum": {"fraction": 0.5}}, "$.rules"),
    ("rules", {"weighted": "yes"}, "$.rules"),
    ("members_in_office", 0, "$.members_in_office"),
    ("members_in_office", "29", "$.members_in_office"),
    ("members_in_office", True, "$.members_in_office"),
    ("convocation", 3, "$.convocation"),
    ("convocation", None, "$.convocation"),
    ("carried_over", "1", "$.carried_over"),
    ("withdrawals", None, "$.withdrawals"),
    ("financial_year_end", "02-30", "$.financial_year_end"),
    ("financial_year_end", "12/31", "$.financial_year_end"),
    ("financial_year_end", "4-30", "$.financial_year_end"),
    ("reading", "complete", "$.reading"),
    ("reading.complete", "yes", "$.reading.complete"),
    ("reading.uncertain_items", "2", "$.reading.uncertain_items"),
    ("attendance.1.source", "line 3", "$.attendance[1].source"),
]


@pytest.mark.parametrize(("where", "value", "at"), BAD, ids=[f"{w}={v!r}"[:50] for w, v, _ in BAD])
def test_schema_and_reader_refuse_the_same_document(where: str, value: Any, at: str) -> None:
    """A broken document is refused by the schema and by the reader, each at (or inside) the
    place the other names."""
    document = base()
    _set(document, where, value if value is DELETE else copy.deepcopy(value))
    schema_errors = list(SESSION.iter_errors(as_json(document)))
    assert schema_errors, "the schema accepts it"
    with pytest.raises(InvalidSessionError) as refused:
        sessionfile.session_from_dict(sessionfile.loads(json.dumps(document)))
    reader_paths = [p.path for p in refused.value.problems]
    schema_paths = [e.json_path for e in schema_errors]
    assert any(related(p, at) for p in reader_paths), reader_paths
    assert any(related(p, at) for p in schema_paths), schema_paths


def related(path: str, at: str) -> bool:
    """The path is the place ``at``, or inside it, or the object that holds it."""
    inner, outer = (path, at) if len(path) >= len(at) else (at, path)
    return inner == outer or inner.startswith((f"{outer}.", f"{outer}["))


GOOD = [
    ("members.0.weight", "12.5"),
    ("members.0.weight", "0.000000000000000000000000000001"),
    ("members.0.weight", 0),
    ("members.1.votes", None),
    ("members.0.role", "proxy_holder"),
    ("members.3.substitute_for", None),
    ("tallies.0.outcome", None),
    ("tallies.0.pour", "2.75"),
    ("rules", None),
    ("rules", {"base": "fr-copropriete", "quorum": None, "majority": {"fraction": "2/3"}}),
    ("rules", {"quorum": {"fraction": 1, "second_call": None}, "proxies": {"per_holder": None}}),
    ("date", None),
    ("body", None),
    ("members_in_office", None),
    ("reading", None),
    ("reading", {}),
    ("financial_year_end", None),
    ("convocation", 2),
    ("carried_over", ["2", "3"]),
    ("attendance.1.source", None),
]


@pytest.mark.parametrize(("where", "value"), GOOD, ids=[f"{w}={v!r}"[:50] for w, v in GOOD])
def test_schema_and_reader_accept_the_same_document(where: str, value: Any) -> None:
    document = base()
    _set(document, where, value if value is DELETE else copy.deepcopy(value))
    if where == "members.0.role":
        document["proxies"] = []  # a proxy holder who is not a member gives none, holds some
        document["proxies"].append({"giver": "cy", "holder": "ann"})
    assert [] == errors(SESSION, as_json(document))
    sessionfile.session_from_dict(sessionfile.loads(json.dumps(document)))


def test_a_fraction_in_json_is_read_exactly_and_valid() -> None:
    """A weight written as a JSON number with a fraction: the schema accepts the float another
    application decodes; quorum reads the same text exactly."""
    text = json.dumps(base()).replace('"weight": "2.5"', '"weight": 2.5')
    assert [] == errors(SESSION, json.loads(text))
    session = sessionfile.session_from_dict(sessionfile.loads(text))
    assert Decimal("2.5") == session.members[1].weight


def test_the_closed_audit_schema_can_fail() -> None:
    """The closed copy used above refuses a key the schema does not name; the open schema takes
    it (keys are only ever added within a version)."""
    session = sessionfile.session_from_dict(base())
    document = as_json(quorum.audit(session).to_dict())
    document["items"][0]["colour"] = "blue"
    assert [] == errors(AUDIT, document)
    assert errors(AUDIT_CLOSED, document)
    del document["items"][0]["colour"]
    document["summary"]["errors"] = -1
    assert errors(AUDIT, document)


def test_counts_only_attendance_and_reader_notes() -> None:
    """The keys the reader branches write (reader-lists): a counts-only session may list no
    members when its headcounts give the attendance; notes are findings as the audit writes them.
    Without headcounts, an empty member list is refused as the reader refuses it."""
    document = base()
    document["members"] = []
    for key in ("attendance", "proxies", "withdrawals"):
        document[key] = []
    document["headcounts"] = [
        {"present": 20, "represented": 7, "absent": 2, "from": None, "until": "2",
         "source": {"line": 4, "text": "27 Conseillers étaient Présents ou Représentés"}},
        {"present": 19, "represented": 7, "absent": 3, "from": "3"},
    ]  # fmt: skip
    document["notes"] = [
        {"code": "COUNTS_ONLY", "severity": "warning", "message": "…", "items": [],
         "members": [], "rule": None, "source": {"line": 4, "text": "27 Conseillers …"}},
        {"code": "NAME_UNREADABLE", "message": "…"},
    ]  # fmt: skip
    assert [] == errors(SESSION, document)
    for key, value in (
        ("headcounts", []),
        ("headcounts.0.present", -1),
        ("headcounts.0.present", "20"),
        ("headcounts.1.colour", "blue"),
        ("notes.1.message", DELETE),
        ("notes.0.severity", "fatal"),
        ("notes.0.members", "ann"),
    ):
        broken = copy.deepcopy(document)
        _set(broken, key, value)
        assert errors(SESSION, broken), key
