"""Findings are a code and parameters: rendered in the report's language, and a dict form that
round-trips."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum import Finding, Member, Proxy, Session, Severity, Source, Stretch, audit
from quorum.cli import run
from quorum.findings import N_, Message, Param, finding_from_dict, finding_to_dict
from quorum.i18n import using
from strategies import sessions

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "quorum" / "locale" / "fr" / "LC_MESSAGES" / "quorum.po"
BESANCON = ROOT / "tests" / "data" / "grand-besancon-2026-01-29.txt"

# --- the dict form ------------------------------------------------------------------------------

_text = st.text(max_size=12)
_scalars: st.SearchStrategy[Param] = st.one_of(
    _text, st.integers(-(10**30), 10**30), st.booleans(), st.none()
)


def _nested(inner: st.SearchStrategy[Param]) -> st.SearchStrategy[Param]:
    """Lists of parameters, and messages inside the message."""
    messages = st.builds(Message, _text, st.dictionaries(st.sampled_from(["a", "b"]), inner))
    return st.lists(inner, max_size=3).map(tuple) | messages


_params = st.dictionaries(
    st.from_regex(r"[a-z_]{1,10}", fullmatch=True).filter(lambda k: k != "items"),
    st.recursive(_scalars, _nested, max_leaves=6),
    max_size=4,
)
_sources = st.none() | st.builds(
    Source, st.none() | st.integers(1, 10**6), st.none() | _text, st.none() | _text
)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    """Any finding: a template (any text, placeholders or not) and params, or the old way, a
    finished message."""
    common = {
        "code": draw(st.from_regex(r"[A-Z_]{1,20}", fullmatch=True)),
        "severity": draw(st.sampled_from(Severity)),
        "items": draw(st.lists(_text, max_size=3)),
        "members": draw(st.lists(_text, max_size=3)),
        "rule": draw(st.none() | _text),
        "source": draw(_sources),
    }
    if draw(st.booleans()):
        return Finding(template=draw(_text), params=draw(_params), **common)
    return Finding(message=draw(_text), **common)


@given(findings())
def test_a_finding_dict_reads_back_into_an_equal_finding(f: Finding) -> None:
    d = finding_to_dict(f)

    assert f == finding_from_dict(d)
    assert f == finding_from_dict(json.loads(json.dumps(d)))
    assert d["message"] == f.message


@settings(max_examples=60, deadline=None)
@given(sessions())
def test_the_audit_json_findings_read_back_into_the_audit_findings(session: Session) -> None:
    """The ``quorum-audit/1`` findings (members with their names) read back into the very
    findings of the audit, and each message there is the English rendering."""
    result = audit(session)
    document = json.loads(json.dumps(result.to_dict()))

    assert list(result.findings) == [finding_from_dict(d) for d in document["findings"]]
    assert [f.message for f in result.findings] == [d["message"] for d in document["findings"]]


def test_a_dict_that_is_not_a_finding_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a finding"):
        finding_from_dict({"severity": "error"})
    with pytest.raises(ValueError, match="not a finding: 'fatal'"):
        finding_from_dict({"code": "X", "severity": "fatal"})


def test_params_are_json_safe_and_items_is_not_a_param() -> None:
    from decimal import Decimal
    from fractions import Fraction

    f = Finding(
        code="X",
        severity=Severity.INFO,
        template="{a} {b} {c}",
        params={"a": Decimal("12.50"), "b": Fraction(1, 3), "c": ["x", 2]},
    )
    assert {"a": "12.50", "b": "1/3", "c": ("x", 2)} == f.arguments
    assert "12.50 1/3 x, 2" == f.message
    with pytest.raises(ValueError, match="items"):
        Finding(code="X", severity=Severity.INFO, template="{items}", params={"items": "1"})


# --- rendering ----------------------------------------------------------------------------------

NAMES = ["{items} X", "{0}", "%s", "%(name)s", "{", "}{giver.name}", "{items!r:>99}"]


def _holder_absent(name: str) -> Finding:
    session = Session(
        agenda=["1", "2"],
        members=[Member(id="a", name=name), Member(id="b", name="B"), Member(id="c", name="C")],
        attendance=[Stretch(member="c")],
        proxies=[Proxy(giver="a", holder="b")],
        rules="fr-municipal",
    )
    return next(f for f in audit(session).findings if f.code == "PROXY_HOLDER_ABSENT")


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_printed_as_written_in_both_languages(name: str) -> None:
    f = _holder_absent(name)

    assert (
        f.render("en")
        == f.message
        == (
            f"{name}'s proxy to B cannot be used at items 1-2: the holder is absent there, so the "
            "giver's vote is lost"
        )
    )
    assert f.render("fr") == (
        f"Points 1 à 2 : le pouvoir de {name} à B ne peut pas être utilisé : le mandataire est "
        "absent, la voix du mandant est perdue"
    )
    assert {"giver": name, "holder": "B"} == f.arguments


def test_message_is_english_and_render_follows_the_language_in_use() -> None:
    f = _holder_absent("A")
    with using("fr"):
        assert f.message.startswith("A's proxy to B")
        assert f.render().startswith("Points 1 à 2 : le pouvoir de A à B")
        assert f.render("en").startswith("A's proxy to B")
    assert "PROXY_HOLDER_ABSENT" == f.code
    assert "warning: PROXY_HOLDER_ABSENT: A's proxy to B" in str(f)


def test_a_finding_made_the_old_way_keeps_its_message() -> None:
    f = Finding(code="OLD", severity=Severity.WARNING, message="a {name} of 100%s")

    assert "a {name} of 100%s" == f.message == f.render("fr") == f.render("en")
    assert f.template is None


def test_a_missing_parameter_never_raises() -> None:
    f = Finding(code="X", severity=Severity.INFO, template="{x} and {items}")
    assert "{x} and {items}" == f.render("fr") == f.message


def test_lists_of_pairs_and_words_in_the_language() -> None:
    f = Finding(
        code="X",
        severity=Severity.INFO,
        template=N_(
            "{items}: the tally is off by {gap}, which cannot change the outcome ({outcome})"
        ),
        params={"gap": 1, "outcome": "adopted"},
        items=("3",),
    )
    assert "Item 3: the tally is off by 1, which cannot change the outcome (adopted)" == (
        f.render("en")
    )
    assert f.render("fr").endswith("ne peut pas changer le résultat (adopté)")
    g = Finding(
        code="X",
        severity=Severity.INFO,
        template="{others} / {parts}",
        params={"others": [["A", "B"], ["C", "D"]], "parts": [["pour", 3], ["interested", 1]]},
    )
    assert "A to B, C to D / pour 3 + interested 1" == g.render("en")
    assert "A à B, C à D / pour 3 + conseillers intéressés 1" == g.render("fr")


# --- the catalogue ------------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_every_translation_has_the_fields_of_its_msgid() -> None:
    """A French template that dropped or renamed a parameter would lose a name or a number."""
    with PO.open("rb") as fh:
        catalogue = read_po(fh, locale="fr", domain="quorum")
    wrong = [
        m.id
        for m in catalogue
        if m.id and isinstance(m.id, str) and _fields(m.id) != _fields(str(m.string))
    ]
    assert [] == wrong


# --- the reports --------------------------------------------------------------------------------

HOLDER_ABSENT_FR = (
    "PROXY_HOLDER_ABSENT: Points 1 à 11 : le pouvoir de Christine WERTHE à Pierre-Charles HENRY "
    "ne peut pas être utilisé : le mandataire est absent, la voix du mandant est perdue"
)
HOLDER_ABSENT_EN = (
    "PROXY_HOLDER_ABSENT: Christine WERTHE's proxy to Pierre-Charles HENRY cannot be used at "
    "items 1-11: the holder is absent there, so the giver's vote is lost"
)


def test_besancon_findings_in_french_in_text_and_markdown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(["check", str(BESANCON), "--lang", "fr"])
    text = capsys.readouterr().out
    run(["check", str(BESANCON), "--lang", "fr", "--format", "markdown"])
    markdown = capsys.readouterr().out

    assert f"AVERTISSEMENT {HOLDER_ABSENT_FR}" in text
    assert (
        "- **avertissement** `PROXY_HOLDER_ABSENT` (points 1 à 11): Points 1 à 11 : le pouvoir "
        "de Christine WERTHE à Pierre-Charles HENRY ne peut pas être utilisé"
    ) in markdown
    assert "cannot be used" not in text + markdown


def test_besancon_findings_in_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", str(BESANCON), "--lang", "en"])
    text = capsys.readouterr().out
    run(["check", str(BESANCON), "--lang", "fr", "--format", "json"])
    document = json.loads(capsys.readouterr().out)

    assert f"WARNING  {HOLDER_ABSENT_EN}" in text
    first = next(f for f in document["findings"] if f["code"] == "PROXY_HOLDER_ABSENT")
    assert HOLDER_ABSENT_EN == f"{first['code']}: {first['message']}"  # JSON stays English
    assert {"giver": "Christine WERTHE", "holder": "Pierre-Charles HENRY"} == first["params"]
    assert first["template"].startswith("{giver}'s proxy to {holder}")


def test_a_message_inside_a_message_is_rendered_in_the_same_language() -> None:
    """How a finding quotes another's message (e.g. an error downgraded to a warning under an
    assumed rule set): a :class:`Message` parameter, in JSON ``{"template", "params"}``."""
    inner = Message(
        N_("{giver}'s proxy to {holder} cannot be used at {items}: the holder is absent there, "
           "so the giver's vote is lost"),
        {"giver": "{0} A", "holder": "B"},
    )  # fmt: skip
    f = Finding(
        code="X",
        severity=Severity.WARNING,
        template="{message} ({rules})",
        params={"message": inner, "rules": "fr-epci"},
        items=("1", "2"),
    )

    assert f.message == (
        "{0} A's proxy to B cannot be used at items 1-2: the holder is absent there, so the "
        "giver's vote is lost (fr-epci)"
    )
    assert f.render("fr").startswith("Points 1 à 2 : le pouvoir de {0} A à B ne peut pas")
    d = json.loads(json.dumps(finding_to_dict(f)))
    assert d["params"]["message"] == {
        "template": inner.template,
        "params": {"giver": "{0} A", "holder": "B"},
    }
    assert f == finding_from_dict(d)
