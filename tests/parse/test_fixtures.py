"""Every real minutes fixture parses to the counts its expected file gives."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from parse_counting import expected_labels, present_at, usable_proxies

from quorum.audit import audit
from quorum.findings import Severity
from quorum.model import Reading, Role
from quorum.parse import parse_minutes
from quorum.rulesets import rules_for
from quorum.sessionfile import session_from_dict

DATA = Path(__file__).parent.parent / "data"
FIXTURES = sorted(p.name.removesuffix(".txt") for p in DATA.glob("*.txt"))


def _parse(name: str):  # type: ignore[no-untyped-def]
    return parse_minutes((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def _expected(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_every_fixture_has_its_expected_file() -> None:
    """However many fixtures there are: at least one (or the tests below test nothing), and
    each with the expected file they compare with."""
    assert FIXTURES
    assert [] == [n for n in FIXTURES if not (DATA / f"{n}.expected.json").is_file()]


@pytest.mark.parametrize("name", FIXTURES)
def test_counts_per_item(name: str) -> None:
    session = _parse(name)
    exp = _expected(name)
    assert session.in_office == exp["members_in_office"]
    for label, item in zip(expected_labels(exp["items"]), exp["items"], strict=True):
        present = len(present_at(session, label))
        proxies = usable_proxies(session, label)
        assert (present, proxies, present + proxies) == (
            item["present"],
            item["proxies_valid"],
            item["voters"],
        ), label


@pytest.mark.parametrize("name", FIXTURES)
def test_reported_tallies(name: str) -> None:
    session = _parse(name)
    exp = _expected(name)
    tallies = {t.item: t for t in session.tallies}
    checked = audit(session)
    errors = {it.item for it in checked.items if it.tally.consistent is False}
    for label, item in zip(expected_labels(exp["items"]), exp["items"], strict=True):
        rep = item["reported"]
        if rep is None:
            assert label not in tallies
            continue
        t = tallies[label]
        assert t.unanimous == rep["unanimite"], label
        for key in ("pour", "contre", "abstention", "npv"):
            if rep[key] is not None:
                assert getattr(t, key) == rep[key], (label, key)
        if item["consistent"] is False:
            assert label in errors, label
        else:
            assert label not in errors, label


@pytest.mark.parametrize("name", FIXTURES)
def test_in_office_inferred_is_a_warning(name: str) -> None:
    session = _parse(name)
    inferred = [f for f in session.notes if f.code == "MEMBERS_IN_OFFICE_INFERRED"]
    assert bool(inferred) == (session.members_in_office is None)
    assert all(f.severity is Severity.WARNING for f in inferred)


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fact_keeps_its_source(name: str) -> None:
    session = _parse(name)
    for fact in (*session.members, *session.attendance, *session.proxies, *session.tallies):
        assert fact.source is not None, fact
        assert fact.source.line, fact
        assert fact.source.text, fact
    for finding in session.notes:
        if finding.code != "MEMBERS_IN_OFFICE_INFERRED" and finding.code != "AGENDA_NOT_FOUND":
            assert finding.source is not None, finding
            assert finding.source.line, finding


def test_besancon_equals_the_hand_transcription() -> None:
    session = _parse("grand-besancon-2026-01-29")
    ref = session_from_dict(
        json.loads((DATA / "grand-besancon-2026-01-29.session.json").read_text(encoding="utf-8"))
    )
    assert session.agenda == ref.agenda
    assert session.members == ref.members
    assert session.attendance == ref.attendance
    assert session.proxies == ref.proxies
    assert [t.outcome for t in session.tallies] == ["adopted"]  # "Rapport adopté"
    assert session.tallies == ref.tallies
    assert session.rules is None  # chosen from the body and the date (issue 8 point 6)
    assert session.reading == Reading(complete=True)
    assert attrs.evolve(session, rules=ref.rules, reading=None) == ref


def test_besancon_findings() -> None:
    session = _parse("grand-besancon-2026-01-29")
    codes = [f.code for f in session.notes]
    late = [f for f in audit(session).findings if f.code == "PROXY_HOLDER_ABSENT"]
    assert sorted(f.members for f in late) == [
        ("christine-werthe", "pierre-charles-henry"),
        ("claude-varet", "laurence-mulot"),
    ]
    assert "NAME_UNRESOLVED" not in codes
    assert "NAME_AMBIGUOUS" not in codes
    assert "UNREAD_TEXT" not in codes
    subs = [m.id for m in session.members if m.role is Role.SUBSTITUTE]
    assert subs == ["florence-nunninger-parizot", "dominique-lhomme"]
    t19 = next(t for t in session.tallies if t.item == "19")
    assert (
        sum(t19.counts().values())
        == len(present_at(session, "19")) + usable_proxies(session, "19")
        == 100
    )


def test_lannion_names_and_proxies() -> None:
    session = _parse("lannion-cm-2021-07-05")
    exp = _expected("lannion-cm-2021-07-05")
    names = {m.id: m.name for m in session.members}
    assert sorted(names[i] for i in present_at(session, "1")) == sorted(
        exp["present_names_first_item"]
    )
    assert [(names[p.giver], names[p.holder]) for p in session.proxies] == [
        (p["from"], p["to"]) for p in exp["proxies"]
    ]
    added = [f for f in session.notes if f.code == "MEMBER_ADDED_FROM_PROXY"]
    assert len(added) == 3


def test_siaep_substitute_and_chair() -> None:
    session = _parse("siaep-condom-caussens-2021-03-03")
    sub = next(m for m in session.members if m.role is Role.SUBSTITUTE)
    assert (sub.name, sub.substitute_for) == ("Christelle CASTAING", "veronique-allaer")
    names = {m.name for m in session.members}
    assert {
        "Patrick GIACOSA",
        "Philippe BRET",
        "Marie-Thérèse BROCA-LANNAUD",
        "Jean-Claude BAYZE",
        "Claude CLAVERIE",
    } <= names
    assert session.rules is None  # chosen from the body and the date (issue 8 point 6)
    assert rules_for(session)[0].name.startswith("fr-epci")


def test_couthenans_2021_proxies_by_asterisks() -> None:
    session = _parse("couthenans-cm-2021-01-29")
    exp = _expected("couthenans-cm-2021-01-29")
    names = {m.id: m.name for m in session.members}
    assert sorted((names[p.giver], names[p.holder]) for p in session.proxies) == sorted(
        (p["from"], p["to"]) for p in exp["proxies"]
    )


def test_couthenans_2022_no_proxy_from_pas_de_pouvoir() -> None:
    session = _parse("couthenans-cm-2022-10-07")
    assert session.proxies == ()
    assert [t.item for t in session.tallies] == ["1", "2", "3", "5", "7"]
    checked = audit(session)
    assert [it.item for it in checked.items if it.tally.consistent is False] == [
        "1",
        "2",
        "3",
        "5",
        "7",
    ]
    assert {i for f in checked.errors for i in f.items} == {"1", "2", "3", "5", "7"}
    assert all(f.severity is Severity.ERROR for f in checked.errors)
