"""Typed results (issue 11): each proxy's status at each item, the subject of a finding, and
checks that return their drafts, so that the order they run in does not matter."""

from __future__ import annotations

import contextlib
import random
from collections import Counter

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import quorum
from helpers import ALL, session
from quorum import Role, Session, Withdrawal
from quorum.audit import _checks, _findings, _item, resolve_rules
from quorum.counting import STATUS_CODES, Counts, ProxyStatus
from quorum.explain import explain
from quorum.findings import Source, Subject, finding_from_dict, finding_to_dict
from quorum.html import _Page, _states
from strategies import crowded_seats, rich_sessions, sessions

REASONS = frozenset(ProxyStatus) - {ProxyStatus.USABLE, ProxyStatus.NOT_IN_FORCE}
"""The statuses that say why a proxy in force is not counted."""


@st.composite
def audits(draw: st.DrawFn) -> quorum.Audit:
    """The audit of any session, with withdrawals, substitutes and proxies, sometimes under
    rules that allow no proxies or a proxy holder who is not a member."""
    s = draw(sessions() | rich_sessions() | crowded_seats())
    if s.members and draw(st.booleans()):  # a member who only carries proxies
        givers = {p.giver for p in s.proxies}
        titulars = {m.substitute_for for m in s.members}
        free = [
            i
            for i, m in enumerate(s.members)
            if m.id not in givers and m.id not in titulars and not m.is_substitute
        ]
        if free:
            i = draw(st.sampled_from(free))
            members = list(s.members)
            members[i] = attrs.evolve(members[i], role=Role.PROXY_HOLDER)
            with contextlib.suppress(quorum.InvalidSessionError):
                s = attrs.evolve(s, members=members)
    rules = draw(st.none() | st.sampled_from(["roberts-rules", "fr-municipal-covid-p1"]))
    return quorum.audit(s, rules)


def statuses(result: quorum.Audit) -> list[list[ProxyStatus]]:
    """Per item, the status of each proxy, read from the audit's typed results."""
    return [[st for _, st in it.proxy_statuses] for it in result.items]


@settings(max_examples=100)
@given(audits())
def test_the_statuses_of_a_proxy_partition_the_items(result: quorum.Audit) -> None:
    """Each proxy has exactly one status at each item; usable is where it is counted, so the
    voters are the members present plus the usable proxies."""
    counts: Counts = result.items[0]._counts
    n = len(result.session.agenda)
    for k in range(len(result.session.proxies)):
        spans = counts.proxy_status(k).as_dict()
        seen = [0] * n
        for status_spans in spans.values():
            for b, e in status_spans:
                for pos in range(b, e):
                    seen[pos] += 1
        assert [1] * n == seen, k
        assert counts.counted[k] == spans[ProxyStatus.USABLE]
    for it in result.items:
        usable = Counter(
            (p.giver, p.holder) for p, st in it.proxy_statuses if st is ProxyStatus.USABLE
        )
        assert usable == Counter((g.id, h.id) for g, h in it.proxies)
        assert it.voters == it.present_count + sum(usable.values())


@settings(max_examples=100)
@given(audits())
def test_every_reason_comes_with_its_finding_and_every_finding_with_its_reason(
    result: quorum.Audit,
) -> None:
    """Where a proxy in force is not counted, a finding at that item is about it (its subject)
    with the code of its status; a finding about proxies says what one of them has there."""
    s = result.session
    for it in result.items:
        for k, (_, status) in enumerate(it.proxy_statuses):
            about = [f for f in it.findings if f.subject and k in f.subject.proxies]
            if status in REASONS:
                assert status.code in {f.code for f in about}, (it.item, k, status)
            else:
                assert status.code is None
    for f in result.findings:
        if f.subject is None or not f.subject.proxies:
            continue
        proxies = [s.proxies[k] for k in f.subject.proxies]
        assert {(p.giver, p.holder) for p in proxies} == {(f.subject.giver, f.subject.holder)}
        for label in f.items:
            it = result.item(label)
            here = {it.proxy_statuses[k][1].code for k in f.subject.proxies}
            assert f.code in here, (f.code, label)


@settings(max_examples=60)
@given(audits())
def test_explain_agrees_with_the_statuses(result: quorum.Audit) -> None:
    """explain lists every proxy once: counted exactly where it is usable, with its status and
    the finding of that status; the members listed present but not counted are the unseated."""
    for it in result.items:
        e = explain(result, it.item)
        by_status = Counter(
            (p.giver, p.holder, st) for p, st in it.proxy_statuses
        )  # the lines follow the proxies, the counted first
        assert by_status == Counter((p.giver.id, p.holder.id, p.status) for p in e.proxies)
        for line in e.proxies:
            assert line.counted == (line.status is ProxyStatus.USABLE)
            assert (line.finding.code if line.finding else None) == line.status.code
            assert line.reason is None if line.counted else line.reason
        assert sorted(m.id for m, _ in e.not_counted) == sorted(m.id for m in it.unseated)


@settings(max_examples=50)
@given(audits())
def test_the_html_timeline_marks_the_proxies_not_counted(result: quorum.Audit) -> None:
    """A giver's cell is "proxy not counted" exactly where one of his proxies in force is not
    counted and nothing else is shown there (he is not present, represented or replaced)."""
    s = result.session
    states = _states(_Page(result))
    table = statuses(result)
    for m in s.members:
        refused = {
            pos
            for pos in range(len(s.agenda))
            for k, p in enumerate(s.proxies)
            if p.giver == m.id and table[pos][k] in REASONS
        }
        cells = states[m.id]
        marked = {pos for pos, (cls, _) in enumerate(cells) if cls == "x"}
        assert marked == {pos for pos in refused if cells[pos][0] in ("", "x")}


@settings(max_examples=60)
@given(audits(), st.randoms(use_true_random=False))
def test_the_audit_does_not_depend_on_the_order_of_the_checks(
    result: quorum.Audit, rnd: random.Random
) -> None:
    """The items checked in any order give the same results and drafts, and the drafts in any
    order give the same findings, in the same order."""
    s = result.session
    c: Counts = result.items[0]._counts
    tallies = {t.item: t for t in s.tallies}
    order = list(range(len(s.agenda)))
    rnd.shuffle(order)
    shuffled = {pos: _item(c, pos, s.agenda[pos], tallies.get(s.agenda[pos])) for pos in order}
    for pos, label in enumerate(s.agenda):
        check, drafts = _item(c, pos, label, tallies.get(label))
        assert (check, drafts) == shuffled[pos]
        assert [d.spans for d in drafts] == [d.spans for d in shuffled[pos][1]]
    _, drafts, _ = _checks(c, result.rules_reason, None, False)
    mixed = list(drafts)
    rnd.shuffle(mixed)
    assert _findings(drafts, s) == _findings(mixed, s)
    assert [f.subject for f, _ in _findings(drafts, s)] == [
        f.subject for f, _ in _findings(mixed, s)
    ]


def test_findings_that_tie_keep_the_order_of_their_proxies() -> None:
    """Two proxies of one giver to one holder, from two lines, not counted at the same items:
    two findings alike but for their source, in the order of the proxies, whatever the order
    of the drafts."""
    s = session(3, {"g": ALL, "h": ALL}, proxies=(("g", "h", None, None),) * 3)
    s = attrs.evolve(
        s,
        proxies=[attrs.evolve(p, source=Source(line=9 - k)) for k, p in enumerate(s.proxies)],
    )
    result = quorum.audit(s)
    c: Counts = result.items[0]._counts
    _, drafts, _ = _checks(c, result.rules_reason, None, False)

    assert [(0,), (1,), (2,)] == [f.subject.proxies for f in result.findings if f.subject]
    for order in ((2, 1, 0), (1, 2, 0), (0, 2, 1)):
        mixed = [drafts[k] for k in order]
        assert [f.source for f, _ in _findings(mixed, s)] == [
            Source(line=9),
            Source(line=8),
            Source(line=7),
        ]


@settings(max_examples=50)
@given(audits())
def test_the_audit_assembled_from_its_drafts_is_the_audit(result: quorum.Audit) -> None:
    """The drafts _checks returns are the audit's findings (when no other reading is weighed),
    and building the counts again changes nothing: nothing is left behind in a shared list."""
    s = result.session
    assume(not any(f.code == "RESULT_DEPENDS_ON_RULE" for f in result.findings))
    assume("under" not in result.rules_reason)
    rule_set, _ = resolve_rules(s, result.rules)
    c = Counts(s, rule_set)
    assumed = any(f.code == "RULES_ASSUMED" for f in result.findings)
    for _ in range(2):
        _, drafts, _ = _checks(c, result.rules_why, None, assumed)
        assert list(result.findings) == [f for f, _ in _findings(drafts, s)]


class TestStatuses:
    """Each status on a small session, with the finding it comes with."""

    def status(self, s: Session, label: str = "1", rules: str | None = None) -> list[str]:
        it = quorum.audit(s, rules).item(label)
        return [st.value for _, st in it.proxy_statuses]

    def test_usable_and_not_in_force(self) -> None:
        s = session(3, {"h": ALL}, absent=("g",), proxies=(("g", "h", "2", "3"),))

        assert (["not_in_force"], ["usable"]) == (self.status(s, "1"), self.status(s, "2"))

    def test_each_reason(self) -> None:
        s = session(
            1,
            {"g1": ALL, "h": ALL, "s2": ALL, "x": ALL},
            absent=("g2", "g3", "g4", "g5", "g6", "h2"),
            substitutes={"s2": "g2", "s7": None},
            proxies=(
                ("g1", "h", None, None),  # giver present
                ("g2", "h", None, None),  # his substitute sits
                ("g3", "h", None, None),  # withdrawn
                ("g4", "h2", None, None),  # holder absent
                ("g5", "x", None, None),  # usable
                ("g5", "h", None, None),  # the giver's second proxy
                ("g6", "x", None, None),  # the holder's second proxy
            ),
            withdrawals=[Withdrawal(member="g3")],
            rules="fr-epci",
        )

        assert [
            "giver_present",
            "substitute_sits",
            "giver_withdrawn",
            "holder_absent",
            "usable",
            "giver_limit",
            "holder_limit",
        ] == self.status(s)

    def test_a_status_names_its_finding(self) -> None:
        assert {
            "PROXY_FROM_SUBSTITUTE",
            "PROXY_GIVER_PRESENT",
            "SUBSTITUTE_AND_PROXY",
            "PROXY_GIVER_WITHDRAWN",
            "PROXY_HOLDER_WITHDRAWN",
            "PROXY_HOLDER_ABSENT",
            "PROXY_HOLDER_NOT_MEMBER",
            "PROXY_NOT_ALLOWED",
            "GIVER_MULTIPLE_PROXIES",
            "PROXY_LIMIT_EXCEEDED",
        } == set(STATUS_CODES.values())
        assert REASONS == set(STATUS_CODES)

    def test_not_allowed(self) -> None:
        s = session(1, {"h": ALL}, absent=("g",), proxies=(("g", "h", None, None),))

        assert ["not_allowed"] == self.status(s, rules="roberts-rules")

    def test_a_holder_withdrawn_where_he_is_absent_is_absent(self) -> None:
        """Behaviour changed on purpose: the proxy was lost there with no finding at all (the
        holder withdrawn but not sitting was neither "withdrawn" nor "absent")."""
        s = session(
            3,
            {"h": ("1", "1"), "x": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None),),
            withdrawals=[Withdrawal(member="h", from_item="2", until_item="2")],
        )
        result = quorum.audit(s)

        assert [["usable"], ["holder_absent"], ["holder_absent"]] == [
            [st.value for _, st in it.proxy_statuses] for it in result.items
        ]
        assert [("PROXY_HOLDER_ABSENT", ("2", "3"))] == [
            (f.code, f.items) for f in result.findings if f.code.startswith("PROXY")
        ]
        assert "the holder is absent: the giver's vote is lost" == (
            explain(result, "2").other_proxies[0].reason
        )

    def test_a_holder_withdrawn_where_he_sits_is_withdrawn(self) -> None:
        s = session(
            1,
            {"h": ALL, "x": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None),),
            withdrawals=[Withdrawal(member="h")],
        )

        assert ["holder_withdrawn"] == self.status(s)

    def test_at_a_position_outside_the_agenda(self) -> None:
        s = session(2, {"h": ALL}, absent=("g",), proxies=(("g", "h", None, None),))
        statuses = quorum.audit(s).items[0]._counts.proxy_status(0)

        assert ProxyStatus.USABLE is statuses.at(1)
        with pytest.raises(IndexError, match="position 2 is not in the agenda"):
            statuses.at(2)


class TestSubjects:
    """Whom a finding is about, without reading its code or the order of its members."""

    def test_a_proxy_finding_names_its_proxy(self) -> None:
        s = session(
            1,
            {"h": ALL},
            absent=("g1", "g2"),
            proxies=(("g1", "h", None, None), ("g2", "h", None, None)),
        )
        (f,) = [f for f in quorum.audit(s).findings if f.code != "QUORUM_NOT_REACHED"]

        assert ("PROXY_LIMIT_EXCEEDED", ("h", "g2", "g1")) == (f.code, f.members)
        assert Subject(giver="g2", holder="h", proxies=(1,)) == f.subject

    def test_a_proxy_listed_twice_is_one_finding_about_both(self) -> None:
        """As before: the findings of two equal proxies are one; its subject names both, and
        explain gives each its finding."""
        s = session(
            2, {"g": ALL, "h": ALL}, proxies=(("g", "h", None, "1"), ("g", "h", "2", None))
        )
        result = quorum.audit(s)
        (f,) = result.findings

        assert ("PROXY_GIVER_PRESENT", ("1", "2"), (0, 1)) == (
            f.code,
            f.items,
            f.subject.proxies if f.subject else None,
        )
        lines = explain(result, "2").proxies
        assert [("not_in_force", None), ("giver_present", f)] == [
            (p.status.value, p.finding) for p in lines
        ]

    def test_a_substitute_not_counted_is_the_subject(self) -> None:
        s = session(1, {"t": ALL, "s": ALL}, substitutes={"s": "t"}, rules="fr-epci")
        result = quorum.audit(s)
        (f,) = result.findings

        assert ("SUBSTITUTE_WITH_TITULAR", ("t", "s")) == (f.code, f.members)
        assert Subject(member="s") == f.subject
        assert ["s"] == [m.id for m in result.items[0].unseated]

    def test_the_subject_is_not_in_json_nor_in_equality(self) -> None:
        s = session(1, {"g": ALL, "h": ALL}, proxies=(("g", "h", None, None),))
        (f,) = quorum.audit(s).findings
        d = finding_to_dict(f)

        assert "subject" not in d
        assert f == finding_from_dict(d)
        assert finding_from_dict(d).subject is None
