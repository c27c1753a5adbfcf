"""The audit on small sessions: each rule, each finding, the grouping of items."""

from __future__ import annotations

from decimal import Decimal

import pytest

import quorum
from helpers import ALL, session
from quorum import Member, Session, Stretch, Tally


def codes(
    result: quorum.Audit, *, quorum_too: bool = False
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(code, items, members) of each finding; QUORUM_NOT_REACHED only if asked for."""
    return [
        (f.code, f.items, f.members)
        for f in result.findings
        if quorum_too or f.code != "QUORUM_NOT_REACHED"
    ]


def counts(result: quorum.Audit) -> list[tuple[int, int, int]]:
    return [(i.present_count, i.proxy_count, i.voters) for i in result.items]


class TestPresence:
    def test_ranges_are_inclusive_positions_in_order_of_passage(self) -> None:
        """'from 3' and 'until 3' both include item 3; items are taken 1, 3, 2."""
        s = Session(
            agenda=["1", "3", "2"],
            members=[Member(id="a", name="A"), Member(id="b", name="B")],
            attendance=[
                Stretch(member="a", from_item="3"),
                Stretch(member="b", until_item="3"),
            ],
            rules="plain",
        )

        result = quorum.audit(s)

        assert [1, 2, 1] == [i.present_count for i in result.items]
        assert [("b",), ("a", "b"), ("a",)] == [
            tuple(m.id for m in i.present) for i in result.items
        ]
        assert [1, 2, 3] == [i.position for i in result.items]

    def test_leaving_and_coming_back(self) -> None:
        """Two stretches of one member: absent in between, never counted twice."""
        s = Session(
            agenda=["1", "2", "3", "4"],
            members=[Member(id="a", name="A")],
            attendance=[
                Stretch(member="a", until_item="1"),
                Stretch(member="a", from_item="3"),
                Stretch(member="a", from_item="4"),
            ],
            rules="plain",
        )

        assert [1, 0, 1, 1] == [i.present_count for i in quorum.audit(s).items]


class TestQuorum:
    @pytest.mark.parametrize(
        ("in_office", "required"),
        [(123, 62), (33, 17), (11, 6), (8, 5), (55, 28), (9, 5), (1, 1), (2, 2)],
    )
    def test_more_than_half(self, in_office: int, required: int) -> None:
        """n // 2 + 1 (legal-rules §1.2), not ceil(n/2 + 1), which gives 7 for 11."""
        assert required == quorum.get_rules("fr-municipal").quorum.required(in_office)  # type: ignore[union-attr]

    def test_not_reached_is_one_finding_per_run(self) -> None:
        """Items 1-2 and 4 lack quorum: two findings, 'items 1-2' and 'item 4'."""
        s = session(
            4,
            {"a": ALL, "b": ("3", "3")},
            absent=("c",),
            proxies=(("c", "a", None, None),),
        )

        result = quorum.audit(s)

        assert [
            ("QUORUM_NOT_REACHED", ("1", "2"), ()),
            ("QUORUM_NOT_REACHED", ("4",), ()),
        ] == codes(result, quorum_too=True)
        assert (
            "quorum not reached at items 1-2: 1 member present, 2 required (more than 1/2 of "
            "the 3 members in office; proxies do not count)"
        ) == result.findings[0].message
        assert "CGCT art. L2121-17" == result.findings[0].rule
        assert [False, False, True, False] == [i.quorum.reached for i in result.items]
        assert not result.ok

    def test_proxies_never_count_toward_quorum(self) -> None:
        """2 present + 2 proxies of 5 in office: quorum (3) not reached, 4 voters."""
        s = session(
            1,
            {"a": ALL, "b": ALL},
            absent=("c", "d", "e"),
            proxies=(("c", "a", None, None), ("d", "b", None, None)),
        )

        item = quorum.audit(s).items[0]

        assert (2, 2, 4, 3, False) == (
            item.present_count,
            item.proxy_count,
            item.voters,
            item.quorum.required,
            item.quorum.reached,
        )


class TestProxies:
    def test_holder_absent_and_giver_present_are_warnings(self) -> None:
        """A proxy whose holder arrives at item 3, and one whose giver comes at item 2."""
        s = session(
            3,
            {"h": ("3", None), "g2": ("2", None), "h2": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None), ("g2", "h2", None, None)),
        )

        result = quorum.audit(s)

        assert [
            ("PROXY_HOLDER_ABSENT", ("1", "2"), ("g", "h")),
            ("PROXY_GIVER_PRESENT", ("2", "3"), ("g2", "h2")),
        ] == codes(result)
        assert [(1, 1, 2), (2, 0, 2), (3, 1, 4)] == counts(result)
        holder_absent = next(f for f in result.findings if f.code == "PROXY_HOLDER_ABSENT")
        assert "the holder is absent there" in holder_absent.message

    def test_holder_with_two_proxies_fr(self) -> None:
        """L2121-20: one proxy per holder; the first given is counted, the second is an error."""
        s = session(
            3,
            {"h": ALL, "x": ALL},
            absent=("g1", "g2"),
            proxies=(("g1", "h", None, "2"), ("g2", "h", "2", None)),
            rules="fr-municipal",
        )

        result = quorum.audit(s)

        assert [("PROXY_LIMIT_EXCEEDED", ("2",), ("h", "g2", "g1"))] == codes(result)
        assert quorum.Severity.ERROR is result.findings[0].severity
        assert [1, 1, 1] == [i.proxy_count for i in result.items]
        assert [(("G1", "H"),), (("G1", "H"),), (("G2", "H"),)] == [
            tuple((g.name, h.name) for g, h in i.proxies) for i in result.items
        ]

    def test_plain_rules_allow_many_proxies_and_count_weights(self) -> None:
        """Under 'plain' both proxies count, and the vote weight adds the givers' weights."""
        s = Session(
            agenda=["1"],
            members=[
                Member(id="h", name="H", weight=10),
                Member(id="g1", name="G1", weight=Decimal("2.5")),
                Member(id="g2", name="G2", weight=3),
            ],
            attendance=[Stretch(member="h")],
            proxies=[quorum.Proxy(giver="g1", holder="h"), quorum.Proxy(giver="g2", holder="h")],
            rules="plain",
        )

        item = quorum.audit(s).items[0]

        assert (1, 2, 3, Decimal("15.5")) == (
            item.present_count,
            item.proxy_count,
            item.voters,
            item.vote_weight,
        )

    def test_giver_with_two_proxies_votes_once(self) -> None:
        """A giver's voice is cast once, even under plain rules."""
        s = session(
            2,
            {"h1": ALL, "h2": ALL},
            absent=("g",),
            proxies=(("g", "h1", None, None), ("g", "h2", None, None)),
            rules="plain",
        )

        result = quorum.audit(s)

        assert [("GIVER_MULTIPLE_PROXIES", ("1", "2"), ("g", "h2", "h1"))] == codes(result)
        assert [1, 1] == [i.proxy_count for i in result.items]

    def test_proxy_is_never_passed_on(self) -> None:
        """A gives to B, B (absent) gives to C: C carries B's proxy only."""
        s = session(
            1,
            {"c": ALL},
            absent=("a", "b"),
            proxies=(("a", "b", None, None), ("b", "c", None, None)),
        )

        result = quorum.audit(s)

        assert [(1, 1, 2)] == counts(result)
        assert [("PROXY_HOLDER_ABSENT", ("1",), ("a", "b"))] == codes(result)


class TestSubstitutes:
    def test_substitute_counts_in_place_of_absent_titular(self) -> None:
        """L5211-6: the substitute sits while the titular is away, never beside him."""
        s = session(3, {"t": ("3", None), "s": ALL}, substitutes={"s": "t"}, rules="fr-epci")

        result = quorum.audit(s)

        assert [1, 1, 1] == [i.present_count for i in result.items]
        assert [("SUBSTITUTE_WITH_TITULAR", ("3",), ("t", "s"))] == codes(result)
        assert ["s", "s", "t"] == [i.present[0].id for i in result.items]

    def test_substitute_sits_and_titular_gave_a_proxy(self) -> None:
        """The seat votes once: the titular's proxy is not counted while his substitute sits."""
        s = session(
            2,
            {"s": ALL, "h": ALL},
            absent=("t",),
            substitutes={"s": "t"},
            proxies=(("t", "h", None, None),),
            rules="fr-epci",
        )

        result = quorum.audit(s)

        assert [(2, 0, 2), (2, 0, 2)] == counts(result)
        assert [("SUBSTITUTE_AND_PROXY", ("1", "2"), ("t", "h"))] == codes(result)

    def test_substitute_cannot_give_a_proxy(self) -> None:
        """A substitute is not a member in office: his proxy is not counted."""
        s = session(
            1,
            {"h": ALL},
            absent=("t",),
            substitutes={"s": None},
            proxies=(("s", "h", None, None),),
            rules="fr-epci",
        )

        result = quorum.audit(s)

        assert [(1, 0, 1)] == counts(result)
        assert [("PROXY_FROM_SUBSTITUTE", ("1",), ("s", "h"))] == codes(result)

    def test_no_substitutes_in_a_municipal_council(self) -> None:
        """fr-municipal has no substitutes: one listed is an error and is not counted."""
        s = session(1, {"a": ALL, "s": ALL}, substitutes={"s": None}, rules="fr-municipal")

        result = quorum.audit(s)

        assert [(1, 0, 1)] == counts(result)
        assert [("SUBSTITUTE_NOT_ALLOWED", ("1",), ("s",))] == codes(result)


class TestTally:
    def run(self, tally: Tally, **kw: object) -> quorum.Audit:
        s = session(
            1,
            {"a": ALL, "b": ALL},
            absent=("c",),
            proxies=(("c", "a", None, None),),
            tallies=(tally,),
            rules="fr-municipal",
            **kw,
        )
        return quorum.audit(s)

    def test_consistent(self) -> None:
        """pour + contre + abstention + npv + interested = 2 present + 1 proxy."""
        result = self.run(Tally(item="1", pour=2, contre=0, abstention=0, npv=1, interested=0))

        assert (True, []) == (result.items[0].tally.consistent, codes(result))

    def test_mismatch(self) -> None:
        """A tally that adds up to 4 for 3 voters is an error quoting the arithmetic."""
        result = self.run(Tally(item="1", pour=3, abstention=1))

        assert [("TALLY_MISMATCH", ("1",), ()), ("OUTCOME_SAFE", ("1",), ())] == codes(result)
        assert result.items[0].tally.consistent is False
        assert (
            "the tally of item 1 adds up to 4 (pour 3 + abstention 1), not 3, the voters "
            "(2 present + 1 proxy)"
        ) == result.findings[0].message

    def test_reported_present_and_voters(self) -> None:
        """Printed totals ("Présents : 3 - Votants : 4") are checked like a tally."""
        result = self.run(Tally(item="1", present=3, voters=4))

        assert ["PRESENT_MISMATCH", "VOTERS_MISMATCH"] == [f.code for f in result.findings]
        assert result.items[0].tally.consistent is False

    def test_unanimity_with_contre(self) -> None:
        """'à l'unanimité' with a contre is a contradiction."""
        result = self.run(Tally(item="1", pour=2, contre=1, unanimous=True))

        assert ["UNANIMITY_WITH_CONTRE"] == [f.code for f in result.findings]


class TestSession:
    def test_members_in_office_mismatch(self) -> None:
        """Printing 5 in office but listing 3 seats is worth a look."""
        result = quorum.audit(session(1, {"a": ALL, "b": ALL, "c": ALL}, members_in_office=5))

        assert [("MEMBERS_IN_OFFICE_MISMATCH", (), ())] == [
            (f.code, f.items, f.members) for f in result.findings if f.severity.value == "warning"
        ]
        assert 3 == result.items[0].quorum.required

    def test_rules_assumed_is_said(self) -> None:
        """With no rule set named, the choice is an info finding and is in the document."""
        result = quorum.audit(session(1, {"a": ALL}, rules=None))

        assert "fr-municipal" == result.rules.name
        assert [("RULES_ASSUMED", "info")] == [(f.code, f.severity.value) for f in result.findings]
        assert "a municipal council is assumed" in str(result.to_dict()["rules"])

    def test_rules_argument_overrides(self) -> None:
        """audit(session, 'plain') uses plain whatever the session names."""
        assert "plain" == quorum.audit(session(1, {"a": ALL}, rules="fr-epci"), "plain").rules.name

    def test_unknown_rules(self) -> None:
        with pytest.raises(quorum.UnknownRuleSetError):
            quorum.audit(session(1, {"a": ALL}), "fr-copro")


class TestGrouping:
    def test_each_finding_keeps_its_own_source(self) -> None:
        """Two equal tally mismatches read from two lines stay two findings, each with its line."""
        s = session(
            3,
            {"a": ALL},
            tallies=(
                Tally(item="1", pour=3, source=quorum.Source(line=11, text="3 votes pour")),
                Tally(item="3", pour=3, source=quorum.Source(line=45, text="3 votes pour")),
            ),
            members_in_office=1,
        )

        result = quorum.audit(s)

        assert [(("1",), 11), (("3",), 45)] == [
            (f.items, f.source.line if f.source else None)
            for f in result.findings
            if f.code == "TALLY_MISMATCH"
        ]

    def test_consecutive_items_make_one_finding(self) -> None:
        """A proxy unusable at items 1-3 and 5 gives 'items 1-3' and 'item 5'."""
        s = session(
            5,
            {"h": ("4", "4"), "x": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None),),
            members_in_office=1,
        )

        result = quorum.audit(s)

        found = [f for f in result.findings if f.code == "PROXY_HOLDER_ABSENT"]

        assert [("1", "2", "3"), ("5",)] == [f.items for f in found]
        assert ["items 1-3", "item 5"] == [f.message.split(" at ")[1].split(":")[0] for f in found]
