"""Regressions found in review: each test names the defect it guards against."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import quorum
from helpers import ALL, session
from quorum import Member, Proxy, Session, Stretch, Tally, Withdrawal
from quorum.cli import run
from quorum.explain import explain, explanation_dict, render_explanation
from quorum.rulesets import RULE_SETS, rules_for


def test_l1111_6_is_not_applied_to_departements() -> None:
    """The members-in-office reduction is written for the conseil municipal only (§4.2)."""
    s = session(
        1,
        {f"m{i}": ALL for i in range(5)},
        absent=tuple(f"a{i}" for i in range(5)),
        rules="fr-departement",
        withdrawals=[Withdrawal(member="m0", reason="representative")],
    )

    item = quorum.audit(s).items[0]

    assert (6, 4, False, 10) == (
        item.quorum.required,
        item.quorum.counted,
        item.quorum.reached,
        item.quorum.total,
    )


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Conseil municipal, séance extraordinaire", "fr-municipal"),
        ("Communauté d'agglomération de la Région Nazairienne", "fr-epci"),
        ("Syndicat intercommunal de la région de Morteau", "fr-epci"),
        ("Conseil départemental du Doubs", "fr-departement"),
    ],
)
def test_body_words_that_belong_to_other_families(body: str, name: str) -> None:
    s = session(1, {"a": ALL}, rules=None, body=body, date=datetime.date(2024, 1, 5))

    assert name == rules_for(s)[0].name


def test_articles_cited_exist() -> None:
    """The proxy article of départements and régions is the delegation article."""
    assert [
        "CGCT art. L3121-16",
        "CGCT art. L3121-16",
        "CGCT art. L4132-15",
        "CGCT art. L4132-15",
    ] == [
        RULE_SETS[n].proxy_rule
        for n in ("fr-departement", "fr-departement-cp", "fr-region", "fr-region-cp")
    ]


def test_statutes_keep_the_base_s_other_majorities() -> None:
    """Statutes changing the default majority of fr-copropriete keep art25 and art26."""
    s = Session(
        agenda=["1"],
        members=[Member(id="a", name="A", weight=600), Member(id="b", name="B", weight=400)],
        attendance=[Stretch(member="a"), Stretch(member="b")],
        tallies=[Tally(item="1", pour=600, contre=400, majority="art25")],
        rules={"base": "fr-copropriete", "majority": {"fraction": "2/3"}},
    )

    result = quorum.audit(s)

    assert ["art24", "art25", "art26"] == [m.name for m in result.rules.majorities]
    assert "MAJORITY_UNKNOWN" not in [f.code for f in result.findings]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"rules": {"quorum": {"fraction": "1/0"}}}', "$.rules.quorum.fraction: not a fraction"),
        ('{"members": [{"id": "a", "weight": "1e999999999"}]}', "a weight out of range"),
        ('{"tallies": [{"item": "1", "pour": "1e99999"}]}', "a count must be a whole number"),
    ],
)
def test_absurd_numbers_exit_2(
    tmp_path: Path, document: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"format": "quorum-session/1", "agenda": ["1"], "members": [{"id": "a"}]}
    base.update(json.loads(document))
    path = tmp_path / "s.json"
    path.write_text(json.dumps(base), encoding="utf-8")

    assert 2 == run(["check", str(path)])
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_deeply_nested_json_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    assert 2 == run(["check", str(path)])
    assert "nested too deeply" in capsys.readouterr().err


def test_a_tally_with_only_interested_members_is_not_a_mismatch() -> None:
    """'Conseiller intéressé : 1' alone, with the member recorded as withdrawn."""
    s = session(
        1,
        {"a": ALL, "b": ALL, "c": ALL},
        tallies=(Tally(item="1", interested=1, unanimous=True),),
        withdrawals=[Withdrawal(member="c")],
    )

    result = quorum.audit(s)

    assert (True, None) == (result.items[0].tally.consistent, result.items[0].tally.total)
    assert [] == [f.code for f in result.findings]


def test_a_substitute_holding_a_proxy_is_counted_without_a_warning() -> None:
    """legal-rules §3.3 (5), changed by the second legal review (corrections 4, RM JOAN QE
    49337: « rien ne s'oppose »): allowed and counted, now without a warning."""
    s = session(
        1,
        {"s": ALL, "h": ALL},
        absent=("t", "g"),
        substitutes={"s": "t"},
        proxies=(("g", "s", None, None),),
        rules="fr-epci",
    )

    result = quorum.audit(s)

    assert 1 == result.items[0].proxy_count
    assert [] == [f.code for f in result.findings if f.code != "QUORUM_NOT_REACHED"]


def test_explain_agrees_with_the_audit_on_interested_members() -> None:
    s = Session(
        agenda=["1"],
        members=[Member(id=x, name=x.upper()) for x in ("a", "b", "c", "g")],
        attendance=[Stretch(member=x) for x in ("a", "b", "c")],
        proxies=[Proxy(giver="g", holder="c")],
        withdrawals=[Withdrawal(member="c")],
        tallies=[Tally(item="1", pour=2, interested=1, blank=0)],
        rules="fr-municipal",
    )

    e = explain(quorum.audit(s), "1")
    text = render_explanation(e)

    assert "consistent" in text
    assert "does NOT add up" not in text
    assert "PROXY_HOLDER_WITHDRAWN" in text


def test_explain_json_with_exact_weights() -> None:
    """A weighted session's explanation is JSON-serialisable (Decimal thresholds)."""
    s = Session(
        agenda=["1"],
        members=[Member(id=f"s{i}", name=f"S{i}", weight=7) for i in range(3)],
        attendance=[Stretch(member="s0")],
        rules="fr-sa-ago",
    )

    doc = explanation_dict(explain(quorum.audit(s), "1"))

    assert "4.2" == json.loads(json.dumps(doc))["quorum"]["required"]
