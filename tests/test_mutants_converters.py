# ruff: noqa: PT011, E501  (each message is asserted whole after the raise, on one line)
"""A rule set's dict form, without hypothesis: every named rule set reads back, and every key
is read with its type and its path. Fast and deterministic, for the mutation subset
(``[tool.mutmut]`` in pyproject.toml); the property tests are in test_converters.py."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from typing import Any

import pytest

from quorum.rules import Majority, ProxyRule, QuorumRule, RuleSet, rule_set_from_dict
from quorum.rules import rule_set_to_dict as to_dict
from quorum.rulesets import RULE_SETS

NAMES = sorted(RULE_SETS)


@pytest.mark.parametrize("name", NAMES)
def test_every_named_rule_set_reads_back_from_its_json(name: str) -> None:
    r = RULE_SETS[name]
    doc = json.loads(json.dumps(to_dict(r)))

    assert rule_set_from_dict(doc) == r
    assert to_dict(rule_set_from_dict(doc)) == doc


FULL = RuleSet(
    name="statuts",
    title="Statuts de l'association",
    body="association",
    quorum=QuorumRule(
        fraction=Fraction(1, 3),
        strict=False,
        basis="weight",
        represented=True,
        minimum=3,
        second_call=Fraction(1, 5),
        article="art. 9",
    ),
    proxies=ProxyRule(
        allowed=True, per_holder=2, weight_exception=Fraction(1, 10), outsiders=True,
        article="art. 10",
    ),
    majorities=(
        Majority(
            name="qualifiée", fraction=Fraction(2, 3), strict=False, base="all",
            heads=Fraction(1, 2), casting_vote=True, fallback=Fraction(1, 3),
            fallback_heads=Fraction(1, 4), fallback_to="simple", unless_against=True,
            null_ballots=True, article="art. 11",
        ),
        Majority(name="simple", article="art. 12"),
    ),
    substitutes=True,
    substitute_rule="art. 13",
    weighted=True,
    reduce_majority_owner=True,
    interest_rule="art. 14",
    representatives_leave_office=True,
    representatives_since=None,
    sources=("statuts, art. 9 à 14",),
    notes=("une note",),
)  # fmt: skip


def test_every_field_is_written_under_its_key() -> None:
    doc = to_dict(FULL)

    assert {k: v for k, v in doc.items() if k not in ("in_force", "majorities")} == {
        "name": "statuts",
        "title": "Statuts de l'association",
        "body": "association",
        "valid_from": None,
        "valid_until": None,
        "quorum": "art. 9",
        "proxies": "art. 10",
        "sources": ["statuts, art. 9 à 14"],
        "notes": ["une note"],
        "quorum_policy": {
            "fraction": "1/3",
            "strict": False,
            "basis": "weight",
            "represented": True,
            "minimum": 3,
            "second_call": "1/5",
            "article": "art. 9",
        },
        "proxy_policy": {
            "allowed": True,
            "per_holder": 2,
            "weight_exception": "1/10",
            "outsiders": True,
            "article": "art. 10",
        },
        "substitutes": True,
        "substitute_rule": "art. 13",
        "weighted": True,
        "reduce_majority_owner": True,
        "interest_rule": "art. 14",
        "representatives_leave_office": True,
        "representatives_since": None,
    }
    first = {k: v for k, v in doc["majorities"][0].items() if k != "rule"}
    assert first == {
        "name": "qualifiée",
        "article": "art. 11",
        "fraction": "2/3",
        "strict": False,
        "base": "all",
        "heads": "1/2",
        "casting_vote": True,
        "fallback": "1/3",
        "fallback_heads": "1/4",
        "fallback_to": "simple",
        "unless_against": True,
        "null_ballots": True,
    }
    assert rule_set_from_dict(doc) == FULL


def test_dates_are_written_as_iso_days() -> None:
    r = RULE_SETS["fr-municipal"]
    doc = to_dict(r)

    assert doc["valid_from"] == r.valid_from.isoformat()  # type: ignore[union-attr]
    assert doc["representatives_since"] == "2022-02-23"
    assert rule_set_from_dict(doc).representatives_since == r.representatives_since


def _without(doc: dict[str, Any], *path: str | int) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


def _with(doc: dict[str, Any], value: object, *path: str | int) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def _paths(doc: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Every key rule_set_from_dict reads: the words for a reader are not read."""
    skip = {"in_force", "quorum", "proxies", "rule"}
    out: list[tuple[str | int, ...]] = [(k,) for k in doc if k not in skip]
    out += [("quorum_policy", k) for k in doc["quorum_policy"]]
    out += [("proxy_policy", k) for k in doc["proxy_policy"]]
    out += [("majorities", 0, k) for k in doc["majorities"][0] if k not in skip]
    return out


def _where(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


@pytest.mark.parametrize("path", _paths(to_dict(FULL)), ids=_where)
def test_a_missing_key_is_named_with_its_path(path: tuple[str | int, ...]) -> None:
    with pytest.raises(ValueError) as err:
        rule_set_from_dict(_without(to_dict(FULL), *path))
    assert str(err.value) == f"{_where(path)}: required key is missing"


@pytest.mark.parametrize("path", _paths(to_dict(FULL)), ids=_where)
def test_a_value_of_the_wrong_type_is_named_with_its_path(path: tuple[str | int, ...]) -> None:
    doc = to_dict(FULL)
    value: Any = doc
    for key in path:
        value = value[key]
    wrong: object = {"x": 1} if not isinstance(value, dict) else "x"
    if isinstance(value, list):
        wrong = "x"
    with pytest.raises(ValueError) as err:
        rule_set_from_dict(_with(doc, wrong, *path))
    assert str(err.value).startswith(_where(path) + ": ")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "expected a whole number or null, not True"),
        ("2", "expected a whole number or null, not '2'"),
    ],
)
def test_the_expected_kind_is_said_in_words(value: object, words: str) -> None:
    doc = _with(to_dict(FULL), value, "proxy_policy", "per_holder")

    with pytest.raises(ValueError) as err:
        rule_set_from_dict(doc)
    assert str(err.value) == f"$.proxy_policy.per_holder: {words}"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("weighted",), 1, "$.weighted: expected true or false, not 1"),
        (("name",), 3, "$.name: expected a string, not 3"),
        (("quorum_policy",), [], "$.quorum_policy: expected an object or null, not []"),
        (("majorities",), [], "$.majorities: a rule set has at least one majority"),
        (("majorities", 0, "base"), "most", "$.majorities[0].base: expected one of expressed, cast, all"),
        (("quorum_policy", "basis"), "x", "$.quorum_policy.basis: expected one of head, weight"),
        (("quorum_policy", "fraction"), "1e-9", '$.quorum_policy.fraction: not a fraction such as "1/3": \'1e-9\''),
        (("quorum_policy", "fraction"), "1/0", '$.quorum_policy.fraction: not a fraction such as "1/3": \'1/0\''),
        (("valid_from",), "2024-13-01", "$.valid_from: expected a date YYYY-MM-DD, not '2024-13-01'"),
        (("sources",), ["a", 1], "$.sources: expected a list of strings"),
        (("majorities", 0), "x", "$.majorities[0]: expected an object, not 'x'"),
    ],
)  # fmt: skip
def test_bad_values_are_refused_with_their_path(
    path: tuple[str | int, ...], value: object, message: str
) -> None:
    with pytest.raises(ValueError) as err:
        rule_set_from_dict(_with(to_dict(FULL), value, *path))
    assert str(err.value) == message


def test_a_null_where_a_value_is_required_is_refused_and_allowed_where_optional() -> None:
    with pytest.raises(ValueError, match=r"^\$\.title: expected a string, not None$"):
        rule_set_from_dict(_with(to_dict(FULL), None, "title"))
    doc = _with(to_dict(FULL), None, "quorum_policy")

    assert rule_set_from_dict(doc).quorum is None
    assert (
        rule_set_from_dict(
            _with(to_dict(FULL), None, "proxy_policy", "per_holder")
        ).proxies.per_holder
        is None
    )


def test_a_document_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^\$: expected an object, not \[\]$"):
        rule_set_from_dict([])  # type: ignore[arg-type]
