"""One dict form per format, symmetric: every dict the library writes reads back into an equal
object (issue 11, point 5).

Each converter has a property test over JSON text (what a file holds), and a test that bad
input gives a clear error with its path and nothing else. The finding's pair is tested in
tests/test_findings.py (``test_a_finding_dict_reads_back_into_an_equal_finding``).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quorum
from quorum import Session, Source, Tally
from quorum.exceptions import InvalidSessionError
from quorum.registry import RULE_SETS, Statutes, rules_from_dict
from quorum.rules import RuleSet, rule_set_from_dict, rule_set_to_dict
from quorum.sessionfile import (
    dumps,
    loads,
    session_from_dict,
    session_to_dict,
    source_from_dict,
    source_to_dict,
    tally_from_dict,
    tally_to_dict,
)
from record_strategies import full_tallies, rule_sets, sources_any, statutes, written_sessions


def through_json(value: Any) -> Any:
    """What a file gives back: JSON text written then read (exact decimals stay exact)."""
    return loads(dumps(value))


# --- rule sets ----------------------------------------------------------------------------------


@given(rule_sets())
def test_a_rule_set_dict_reads_back_into_an_equal_rule_set(r: RuleSet) -> None:
    assert r == rule_set_from_dict(through_json(rule_set_to_dict(r)))


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_every_named_rule_set_reads_back(name: str) -> None:
    """The 45 named rule sets, each one, not a sample."""
    r = RULE_SETS[name]

    assert r == rule_set_from_dict(through_json(rule_set_to_dict(r)))


def test_the_audit_document_rules_read_back_into_the_rule_set_audited() -> None:
    """The ``rules`` object of quorum-audit/1 is the rule set's dict plus ``chosen``."""
    s = Session(
        agenda=["1"],
        members=[quorum.Member(id="a", name="A")],
        rules={"base": "fr-copropriete", "majority": {"fraction": "2/3"}},
    )
    result = quorum.audit(s)
    doc = through_json(result.to_dict())

    assert result.rules == rule_set_from_dict(doc["rules"], "$.rules")
    assert "the session's own statutes" == doc["rules"]["chosen"]


def _named(**changes: Any) -> dict[str, Any]:
    doc = rule_set_to_dict(RULE_SETS["fr-copropriete"])
    doc.update(changes)
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "$: expected an object"),
        ({k: v for k, v in _named().items() if k != "body"}, "$.body: required key is missing"),
        (_named(weighted="yes"), "$.weighted: expected true or false, not 'yes'"),
        (_named(majorities=[]), "$.majorities: a rule set has at least one majority"),
        (_named(valid_from="2020-13-01"), "$.valid_from: expected a date YYYY-MM-DD"),
        (_named(sources=["a", 3]), "$.sources: expected a list of strings"),
        (_named(quorum_policy=3), "$.quorum_policy: expected an object or"),
        (
            _named(proxy_policy={**_named()["proxy_policy"], "per_holder": True}),
            "$.proxy_policy.per_holder: expected a whole number or null, not True",
        ),
        (
            _named(proxy_policy={**_named()["proxy_policy"], "weight_exception": "1e-99999999"}),
            '$.proxy_policy.weight_exception: not a fraction such as "1/3"',
        ),
        (
            _named(majorities=[{**_named()["majorities"][0], "base": "present"}]),
            "$.majorities[0].base: expected one of expressed, cast, all",
        ),
    ],
)
def test_a_bad_rule_set_dict_names_its_path(doc: Any, message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        rule_set_from_dict(doc)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@given(
    st.sampled_from(sorted(RULE_SETS)),
    st.sampled_from(sorted(rule_set_to_dict(RULE_SETS["plain"]))),
    _json,
)
def test_any_value_in_a_rule_set_dict_reads_or_raises_value_error(
    name: str, key: str, value: object
) -> None:
    """Bad input is normal input: whatever a key holds, the reader returns a rule set or
    raises ValueError naming the key, never anything else."""
    doc = {**rule_set_to_dict(RULE_SETS[name]), key: value}
    message = ""
    try:
        rule_set_from_dict(doc)
    except ValueError as err:
        message = str(err)

    assert message == "" or message.startswith(f"$.{key}")


# --- tallies ------------------------------------------------------------------------------------


@given(full_tallies())
def test_a_tally_dict_reads_back_into_an_equal_tally(t: Tally) -> None:
    back = tally_from_dict(through_json(tally_to_dict(t)))

    assert t == back
    assert (t.outcome, t.casting_vote) == (back.outcome, back.casting_vote)
    if t.source is not None and t.source.line is not None:  # a session file keeps the line
        assert (t.source.line, t.source.text) == (back.source.line, back.source.text)


@given(full_tallies())
def test_the_audit_shape_of_a_tally_reads_back_given_its_item(t: Tally) -> None:
    """The audit writes every key and no ``item``: the same reader reads it."""
    full = tally_to_dict(t, every_key=True)
    audit_shape = {k: v for k, v in full.items() if k not in ("item", "source")}

    assert t == tally_from_dict(through_json(audit_shape), item=t.item)


def test_the_two_tally_shapes_differ_only_by_keys_left_out() -> None:
    """The session file leaves out what is unset; the audit writes every key: where both write
    a key, they write the same value."""
    t = Tally(item="3", pour=Decimal("12.5"), contre=2, outcome="adopted", secret=True)
    sparse, full = tally_to_dict(t), tally_to_dict(t, every_key=True)

    assert {k: full[k] for k in sparse} == sparse
    assert {"null", "pour_members", "casting_vote", "majority"} == set(full) - set(sparse)
    assert "12.5" == sparse["pour"]
    assert "adopted" == sparse["outcome"]
    assert str is type(sparse["outcome"])  # a plain string, not the enum


@pytest.mark.parametrize(
    ("doc", "item", "path"),
    [
        ({"item": "1", "pour": 3, "colour": "red"}, None, "$.colour"),
        ({"pour": 3}, None, "$.item"),
        ({"item": "1", "outcome": "adopté"}, None, "$.outcome"),
        ({"casting_vote": "maybe"}, "1", "$.casting_vote"),
        ({"item": "1", "source": "line 3"}, None, "$.source"),
    ],
)
def test_a_bad_tally_dict_names_its_path(doc: Any, item: str | None, path: str) -> None:
    with pytest.raises(InvalidSessionError) as err:
        tally_from_dict(doc, item=item)

    assert [path] == [p.path for p in err.value.problems]


# --- sources ------------------------------------------------------------------------------------


@given(sources_any)
def test_a_source_dict_reads_back_into_an_equal_source(src: Source | None) -> None:
    assert src == source_from_dict(through_json(source_to_dict(src)))


def test_a_session_file_writes_a_source_less_its_path() -> None:
    """In a session file a record's path is its place in the file: the reader sets it."""
    doc = {
        "format": "quorum-session/1",
        "agenda": ["1"],
        "members": [{"id": "a", "name": "A", "source": {"line": 4, "text": "Mme A"}}],
    }
    session = session_from_dict(doc)

    assert Source(4, "Mme A", "$.members[0]") == session.members[0].source
    assert {"line": 4, "text": "Mme A"} == session_to_dict(session)["members"][0]["source"]


# --- statutes and sessions ----------------------------------------------------------------------


@given(statutes())
def test_statutes_read_back_as_written(spec: dict[str, object]) -> None:
    """Statutes keep the mapping as written ("0.1" stays "0.1") and make the rule set
    rules_from_dict makes."""
    frozen = Statutes(spec)

    assert spec == frozen.to_dict()
    assert list(spec) == list(frozen.to_dict())  # written back in the order given
    assert f"Statutes({spec!r})" == repr(frozen)
    assert frozen == Statutes(through_json(frozen.to_dict()))
    assert rules_from_dict(spec) == frozen.rule_set
    assert () == frozen.problems


@settings(max_examples=100)  # rich sessions are slow to draw; the other properties cover parts
@given(written_sessions())
def test_a_session_dict_reads_back_into_an_equal_session(session: Session) -> None:
    """Withdrawals, second convocations, every kind of tally, a name or statutes or none."""
    back = session_from_dict(through_json(session_to_dict(session)))

    assert session == back
    assert [(t.outcome, t.casting_vote) for t in session.tallies] == [
        (t.outcome, t.casting_vote) for t in back.tallies
    ]
    assert [w.reason for w in session.withdrawals] == [w.reason for w in back.withdrawals]
    assert session.notes == back.notes  # not part of a session's equality: checked apart
    if isinstance(session.rules, Statutes):
        assert isinstance(back.rules, Statutes)
        assert session.rules.rule_set == back.rules.rule_set


@settings(max_examples=40)  # an audit each: the tally's own property above is the thorough one
@given(written_sessions())
def test_the_audit_document_tallies_read_back(session: Session) -> None:
    """Each item's reported tally in quorum-audit/1 reads back into the session's tally."""
    doc = through_json(quorum.audit(session).to_dict())
    tallies = {t.item: t for t in session.tallies}

    for item in doc["items"]:
        reported = item["tally"]["reported"]
        if reported is None:
            assert item["item"] not in tallies
        else:
            assert tallies[item["item"]] == tally_from_dict(reported, item=item["item"])


def test_a_session_file_of_an_older_writer_loads_and_writes_back_the_same() -> None:
    """quorum-session/1 files already written still load: statutes written "0.1" come back
    "0.1", tallies and withdrawals as plain strings."""
    doc = {
        "format": "quorum-session/1",
        "body": None,
        "date": None,
        "rules": {"base": "fr-copropriete", "proxies": {"weight_exception": "0.1"}},
        "members_in_office": None,
        "agenda": ["1", "2"],
        "members": [
            {
                "id": "a",
                "name": "A",
                "group": None,
                "weight": 1,
                "role": "titular",
                "substitute_for": None,
            },
            {
                "id": "b",
                "name": "B",
                "group": None,
                "weight": "2.5",
                "role": "titular",
                "substitute_for": None,
            },
        ],
        "attendance": [{"member": "a", "from": None, "until": None}],
        "proxies": [],
        "tallies": [
            {
                "item": "1",
                "pour": 1,
                "contre": 0,
                "abstention": None,
                "npv": None,
                "blank": None,
                "interested": None,
                "present": None,
                "voters": None,
                "unanimous": False,
                "outcome": "adopted",
                "casting_vote": "pour",
                "majority": "art25",
            },
        ],
        "withdrawals": [{"member": "b", "from": "2", "until": "2", "reason": "interest"}],
    }
    written = through_json(session_to_dict(session_from_dict(doc)))

    assert doc == written


def test_a_written_session_is_plain_json() -> None:
    """No enum leaks into the dict: json.dumps with no help writes it."""
    s = attrs.evolve(
        session_from_dict(
            {"format": "quorum-session/1", "agenda": ["1"], "members": [{"id": "a"}]}
        ),
        tallies=[Tally(item="1", outcome="rejected", casting_vote="contre")],
        withdrawals=[quorum.Withdrawal(member="a", reason="representative")],
    )
    doc = session_to_dict(s)

    assert str is type(doc["tallies"][0]["outcome"])
    assert str is type(doc["withdrawals"][0]["reason"])
    assert json.loads(json.dumps(doc)) == doc
