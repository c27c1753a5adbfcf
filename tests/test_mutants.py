"""Tests that kill the engine's mutants (issue 11, point 6; docs/mutation.md).

Each class is one family of mutants that survived the earlier suite: withdrawals, the
co-ownership majority-owner reduction at exactly half, the proxy weight exception at its
boundary, a weighted quorum with proxies, the direction of each mismatch check, second
convocations. Every figure is worked out by hand in the test's docstring or comment, and each
boundary is tested on both sides (at it, one above, one below). Written against the public API
(``quorum.audit``, ``Audit``, ``AuditItem``, finding codes), not the engine's helpers.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

import quorum
from helpers import ALL, session
from quorum import Member, Proxy, Role, Session, Severity, Stretch, Tally, Withdrawal
from quorum import timeline as tl
from quorum.model import Headcount, Reading


def found(result: quorum.Audit, code: str) -> list[quorum.Finding]:
    return [f for f in result.findings if f.code == code]


def only(result: quorum.Audit, code: str) -> quorum.Finding:
    (f,) = found(result, code)
    return f


def weighted(
    weights: dict[str, int | Decimal],
    present: tuple[str, ...],
    proxies: tuple[tuple[str, str], ...] = (),
    items: int = 1,
    **kw: Any,
) -> Session:
    """A session of members with these weights; ``present`` sit all session, ``proxies``
    (giver, holder) are in force all session."""
    return Session(
        agenda=[str(n) for n in range(1, items + 1)],
        members=[Member(id=i, name=i.upper(), weight=w) for i, w in weights.items()],
        attendance=[Stretch(member=i) for i in present],
        proxies=[Proxy(giver=g, holder=h) for g, h in proxies],
        **kw,
    )


# --- withdrawals ---------------------------------------------------------------------------------


class TestWithdrawals:
    def test_a_withdrawn_givers_proxy_is_not_usable(self) -> None:
        """a (absent) gives b a proxy for the whole session and is recorded as withdrawn from
        items 2-3 (conflict of interest): the proxy counts at 1 and 4 only."""
        s = session(
            4,
            {"b": ALL, "c": ALL},
            absent=("a",),
            proxies=(("a", "b", None, None),),
            withdrawals=[Withdrawal(member="a", from_item="2", until_item="3")],
        )

        result = quorum.audit(s)

        assert [1, 0, 0, 1] == [i.proxy_count for i in result.items]
        assert [3, 2, 2, 3] == [i.voters for i in result.items]
        f = only(result, "PROXY_GIVER_WITHDRAWN")
        assert (("2", "3"), ("a", "b")) == (f.items, f.members)
        assert f.rule == "CGCT art. L2131-11"
        assert not found(result, "PROXY_HOLDER_WITHDRAWN")
        assert not found(result, "PROXY_HOLDER_ABSENT")
        # the giver was not sitting: nobody present withdrew
        assert [0, 0, 0, 0] == [i.withdrawn_count for i in result.items]

    def test_a_withdrawn_holder_cannot_cast_the_proxy(self) -> None:
        """b holds a's proxy and withdraws from item 2: b leaves the present count there, the
        proxy is lost there (PROXY_HOLDER_WITHDRAWN, not PROXY_HOLDER_ABSENT)."""
        s = session(
            3,
            {"b": ALL, "c": ALL},
            absent=("a",),
            proxies=(("a", "b", None, None),),
            withdrawals=[Withdrawal(member="b", from_item="2", until_item="2")],
        )

        result = quorum.audit(s)

        assert [2, 1, 2] == [i.present_count for i in result.items]
        assert [1, 0, 1] == [i.proxy_count for i in result.items]
        assert [0, 1, 0] == [i.withdrawn_count for i in result.items]
        assert [2, 1, 2] == [i.quorum.counted for i in result.items]
        f = only(result, "PROXY_HOLDER_WITHDRAWN")
        assert (("2",), ("a", "b")) == (f.items, f.members)
        assert not found(result, "PROXY_HOLDER_ABSENT")
        assert not found(result, "PROXY_GIVER_WITHDRAWN")
        assert ["c"] == [m.id for m in result.item("2").present]
        assert () == result.item("2").proxies

    def test_a_holder_absent_where_withdrawn_is_not_said_twice(self) -> None:
        """b is withdrawn from 2 but not sitting at all at 2 (he left after 1): the proxy is
        lost at 2 and 3 because he is absent, and his withdrawal changes nothing."""
        s = session(
            3,
            {"b": ("1", "1"), "c": ALL},
            absent=("a",),
            proxies=(("a", "b", None, None),),
            withdrawals=[Withdrawal(member="b", from_item="2", until_item="2")],
        )

        result = quorum.audit(s)

        assert [1, 0, 0] == [i.proxy_count for i in result.items]
        assert [0, 0, 0] == [i.withdrawn_count for i in result.items]
        assert ("2", "3") == only(result, "PROXY_HOLDER_ABSENT").items
        assert not found(result, "PROXY_HOLDER_WITHDRAWN")

    def test_a_present_giver_withdrawn_is_not_a_withdrawn_proxy(self) -> None:
        """a sits and withdraws from 2: his proxy to b is unused because he is there (giver
        present), never because he withdrew."""
        s = session(
            2,
            {"a": ALL, "b": ALL},
            proxies=(("a", "b", None, None),),
            withdrawals=[Withdrawal(member="a", from_item="2", until_item="2")],
        )

        result = quorum.audit(s)

        assert [0, 0] == [i.proxy_count for i in result.items]
        assert [2, 1] == [i.present_count for i in result.items]
        assert ("1", "2") == only(result, "PROXY_GIVER_PRESENT").items
        assert not found(result, "PROXY_GIVER_WITHDRAWN")

    @pytest.mark.parametrize(
        ("date", "in_office", "stays"),
        [
            (datetime.date(2023, 5, 1), [4, 3], False),  # loi 3DS: out of the members in office
            (datetime.date(2022, 2, 23), [4, 3], False),  # its first day
            (datetime.date(2022, 2, 22), [4, 4], True),  # the day before: they stay
            (None, [4, 3], False),  # no date: today's law
        ],
    )
    def test_a_representative_leaves_the_members_in_office_from_loi_3ds(
        self, date: datetime.date | None, in_office: list[int], stays: bool
    ) -> None:
        """4 members, a representative (L1111-6) withdraws from item 2: from 23 February 2022
        the members in office are 3 there, so 2 present reach quorum (3 // 2 + 1 = 2);
        before, 4 in office need 3."""
        s = session(
            2,
            {"a": ALL, "b": ALL, "c": ALL},
            absent=("d",),
            withdrawals=[Withdrawal(member="c", from_item="2", reason="representative")],
            date=date,
        )

        result = quorum.audit(s)

        assert in_office == [i.quorum.total for i in result.items]
        assert [3, 2] == [i.quorum.counted for i in result.items]
        assert [True, not stays] == [i.quorum.reached for i in result.items]
        stay = found(result, "REPRESENTATIVES_STAY_IN_OFFICE")
        assert [("2",)] == [f.items for f in stay] if stays else [] == stay

    def test_an_interested_member_stays_in_office(self) -> None:
        """A conseiller intéressé leaves the present count, never the members in office."""
        s = session(
            1,
            {"a": ALL, "b": ALL, "c": ALL},
            absent=("d",),
            withdrawals=[Withdrawal(member="c")],
            date=datetime.date(2024, 1, 1),
        )

        item = quorum.audit(s).items[0]

        assert (4, 2, False, 1) == (
            item.quorum.total,
            item.quorum.counted,
            item.quorum.reached,
            item.withdrawn_count,
        )

    def test_two_withdrawals_of_one_member_add_up(self) -> None:
        """Two withdrawals of one member (1 and 3) are both kept: he counts at 2 only."""
        s = session(
            3,
            {"a": ALL, "b": ALL},
            withdrawals=[
                Withdrawal(member="a", until_item="1"),
                Withdrawal(member="a", from_item="3"),
            ],
        )

        result = quorum.audit(s)

        assert [1, 2, 1] == [i.present_count for i in result.items]
        assert [1, 0, 1] == [i.withdrawn_count for i in result.items]


# --- interested members and the tally ----------------------------------------------------------


class TestInterested:
    @pytest.mark.parametrize(("interested", "mismatch"), [(0, True), (1, False), (2, True)])
    def test_interested_count_against_the_withdrawals(
        self, interested: int, mismatch: bool
    ) -> None:
        """One member withdrew at item 1: a tally counting 1 interested member fits, 0 or 2
        do not (INTERESTED_MISMATCH both ways). The interested are in neither the tally nor
        the voters: 2 pour = 2 voters."""
        s = session(
            1,
            {"a": ALL, "b": ALL, "c": ALL},
            withdrawals=[Withdrawal(member="c")],
            tallies=(Tally(item="1", pour=2, interested=interested),),
        )

        result = quorum.audit(s)
        tally = result.items[0].tally

        assert (2, 2) == (tally.total, tally.expected)
        assert tally.consistent is (not mismatch)
        assert mismatch == bool(found(result, "INTERESTED_MISMATCH"))
        assert not found(result, "TALLY_MISMATCH")

    def test_interested_without_a_withdrawal_are_in_the_tally_and_out_of_quorum(self) -> None:
        """The minutes count 1 interested member without naming him: he is one of the 3
        present, so the tally 2 pour + 1 interested = 3 voters adds up, and quorum counts
        3 - 1 = 2."""
        s = session(
            1,
            {"a": ALL, "b": ALL, "c": ALL},
            absent=("d",),
            tallies=(Tally(item="1", pour=2, interested=1),),
        )

        item = quorum.audit(s).items[0]

        assert (3, 3, True) == (item.tally.total, item.tally.expected, item.tally.consistent)
        assert (2, 3, False) == (item.quorum.counted, item.quorum.required, item.quorum.reached)

    def test_more_interested_than_present_counts_zero(self) -> None:
        """5 interested members of 3 present leave nobody for quorum, never a negative count."""
        s = session(1, {"a": ALL, "b": ALL, "c": ALL}, tallies=(Tally(item="1", interested=5),))

        assert 0 == quorum.audit(s).items[0].quorum.counted


# --- co-ownership: the majority owner -----------------------------------------------------------


class TestMajorityOwner:
    def test_more_than_half_is_reduced_to_the_others(self) -> None:
        """51 of 100 tantièmes: reduced to 49, so all voices are 98 (loi 65-557 art. 22)."""
        s = weighted({"a": 51, "b": 49}, ("a", "b"), tallies=(Tally(item="1", pour=98),))

        result = quorum.audit(s, "fr-copropriete")

        assert 98 == result.items[0].vote_weight
        assert result.items[0].tally.consistent is True
        f = only(result, "MAJORITY_OWNER_REDUCED")
        assert ("a",) == f.members
        assert "A holds 51 of 100 voices, more than half: his voices are reduced to the sum of " \
            "the others', 49" == f.message  # fmt: skip
        assert "loi 65-557 art. 22" == f.rule

    @pytest.mark.parametrize("weights", [{"a": 50, "b": 50}, {"a": 50, "b": 30, "c": 20}])
    def test_exactly_half_is_not_reduced(self, weights: dict[str, int | Decimal]) -> None:
        """An owner of exactly half keeps his voices, and nothing is said."""
        s = weighted(weights, tuple(weights))

        result = quorum.audit(s, "fr-copropriete")

        assert 100 == result.items[0].vote_weight
        assert not found(result, "MAJORITY_OWNER_REDUCED")

    def test_a_reduced_owner_weighs_the_reduced_voices_in_a_majority(self) -> None:
        """60 of 100, reduced to 40: all voices are 80; 41 pour is more than half of them
        (art. 25), 40 is not."""
        for pour, outcome in ((41, "adopted"), (40, "rejected")):
            s = weighted(
                {"a": 60, "b": 25, "c": 15},
                ("a", "b", "c"),
                tallies=(Tally(item="1", pour=pour, contre=80 - pour, majority="art25"),),
            )
            result = quorum.audit(s, "fr-copropriete")
            assert outcome == result.items[0].outcome.computed
            assert 80 == result.items[0].vote_weight

    def test_no_reduction_where_the_rules_have_none(self) -> None:
        """Under plain rules 60 of 100 stays 60."""
        s = weighted({"a": 60, "b": 40}, ("a", "b"))

        result = quorum.audit(s, "plain")

        assert 100 == result.items[0].vote_weight
        assert not found(result, "MAJORITY_OWNER_REDUCED")

    def test_an_outsider_holder_has_no_voices(self) -> None:
        """A proxy holder who is not a copropriétaire (weight given 500) carries his givers'
        voices, has none of his own and is in no head count: all voices are 100, so b's 70 is
        more than half and reduced to 30 (with x's 500 in the total it would not be)."""
        s = Session(
            agenda=["1"],
            members=[
                Member(id="a", name="A", weight=30),
                Member(id="b", name="B", weight=70),
                Member(id="x", name="X", weight=500, role=Role.PROXY_HOLDER),
            ],
            attendance=[Stretch(member="x"), Stretch(member="a")],
            proxies=[Proxy(giver="b", holder="x")],
        )

        result = quorum.audit(s, "fr-copropriete")
        item = result.items[0]

        assert (1, 1, 2) == (item.present_count, item.proxy_count, item.voters)
        assert (30, 60) == (item.present_weight, item.vote_weight)
        assert ("b",) == only(result, "MAJORITY_OWNER_REDUCED").members


# --- co-ownership: the proxy weight exception ---------------------------------------------------


def _copro(last: int, share_of: int = 1000) -> Session:
    """h (10, present) holds four proxies (20, 20, 20 and ``last``); two others make the total
    ``share_of``. h carries 10 + 60 + last."""
    weights: dict[str, int | Decimal] = {"h": 10, "g1": 20, "g2": 20, "g3": 20, "g4": last}
    rest = share_of - sum(weights.values())
    for k in range(rest // 400 + 1):  # fillers of at most 400: nobody owns more than half
        weights[f"f{k}"] = min(400, rest - 400 * k)
    return weighted(
        weights,
        ("h", "f0"),
        tuple((g, "h") for g in ("g1", "g2", "g3", "g4")),
        items=2,
    )


class TestWeightException:
    @pytest.mark.parametrize(("last", "usable"), [(29, 4), (30, 4), (31, 3)])
    def test_ten_percent_boundary(self, last: int, usable: int) -> None:
        """Art. 22: more than 3 delegations when the holder's voices and his givers' are at most
        10 % of all: 10 + 60 + 30 = 100 of 1000 is exactly 10 %, all four count; 101 is over,
        the fourth is not counted."""
        result = quorum.audit(_copro(last), "fr-copropriete")

        assert [usable, usable] == [i.proxy_count for i in result.items]
        over = found(result, "PROXY_LIMIT_EXCEEDED")
        if usable == 4:
            assert [] == over
            return
        (f,) = over
        assert (("1", "2"), ("h", "g4", "g1", "g2", "g3")) == (f.items, f.members)
        assert (
            "H would carry more than 3 proxies and more than 1/10 of all voices at items 1-2: "
            "G4's proxy is not counted there (counted: G1 to H, G2 to H, G3 to H)"
        ) == f.message

    @pytest.mark.parametrize(("last", "usable"), [(20, 4), (21, 3)])
    def test_five_percent_before_june_2020(self, last: int, usable: int) -> None:
        """fr-copropriete-2019: 5 % of 1800 is 90 = 10 + 60 + 20."""
        result = quorum.audit(_copro(last, 1800), "fr-copropriete-2019")

        assert usable == result.items[0].proxy_count

    def test_three_proxies_always_count(self) -> None:
        """Three delegations are within the limit whatever their weight."""
        s = weighted(
            {"h": 300, "g1": 100, "g2": 100, "g3": 100, "f": 400},
            ("h", "f"),
            (("g1", "h"), ("g2", "h"), ("g3", "h")),
        )

        result = quorum.audit(s, "fr-copropriete")

        assert 3 == result.items[0].proxy_count
        assert 1000 == result.items[0].vote_weight

    def test_a_holder_limit_of_one_names_a_proxy(self) -> None:
        """Two proxies to one holder under fr-municipal: the second given is not counted, and
        the message says 'more than 1 proxy'."""
        s = session(1, {"h": ALL}, absent=("a", "b"), proxies=(("a", "h", None, None),
                                                              ("b", "h", None, None)))  # fmt: skip

        result = quorum.audit(s)

        f = only(result, "PROXY_LIMIT_EXCEEDED")
        assert ("h", "b", "a") == f.members
        assert (
            "H would carry more than 1 proxy at item 1: B's proxy is not counted there "
            "(counted: A to H)"
        ) == f.message


# --- a weighted quorum with proxies -------------------------------------------------------------


class TestWeightedQuorum:
    @pytest.mark.parametrize(("proxy_weight", "reached"), [(9, False), (10, True), (11, True)])
    def test_proxies_count_toward_a_weighted_quorum(
        self, proxy_weight: int, reached: bool
    ) -> None:
        """fr-sa-ago: at least 1/5 of 100 shares present or represented: 10 present + 10
        represented is exactly 20, reached; 10 + 9 is not."""
        s = weighted(
            {"a": 10, "b": proxy_weight, "c": 80 - (proxy_weight - 10)},
            ("a",),
            (("b", "a"),),
        )

        result = quorum.audit(s, "fr-sa-ago")
        q = result.items[0].quorum

        assert ("weight", 100, 20) == (q.basis, q.total, q.required)
        assert (10 + proxy_weight, reached) == (q.counted, q.reached)
        assert reached is not bool(found(result, "QUORUM_NOT_REACHED"))
        if not reached:
            assert (
                "quorum not reached at item 1: 19 voices present or represented, 20 required "
                "(at least 1/5 of all 100 voices)"
            ) == only(result, "QUORUM_NOT_REACHED").message

    def test_a_decimal_threshold_is_exact(self) -> None:
        """1/4 of 10.5 shares is 2.625: 2.625 present reaches it."""
        s = weighted({"a": Decimal("2.625"), "b": Decimal("7.875")}, ("a",), tallies=())

        q = quorum.audit(s, "fr-sa-age").items[0].quorum

        assert (Decimal("2.625"), True) == (q.required, q.reached)

    def test_double_voting_rights_count_in_majorities_not_in_quorum(self) -> None:
        """a has 10 shares and 20 votes (L225-123): quorum counts 10 + 10 = 20 shares, the tally
        is compared with 20 + 10 = 30 votes."""
        s = Session(
            agenda=["1"],
            members=[
                Member(id="a", name="A", weight=10, votes=20),
                Member(id="b", name="B", weight=10),
                Member(id="c", name="C", weight=80),
            ],
            attendance=[Stretch(member="a")],
            proxies=[Proxy(giver="b", holder="a")],
            tallies=[Tally(item="1", pour=30)],
        )

        item = quorum.audit(s, "fr-sa-ago").items[0]

        assert (20, 30, 20) == (item.quorum.counted, item.vote_weight, item.present_weight)
        assert (30, 30, True) == (item.tally.total, item.tally.expected, item.tally.consistent)


# --- the direction of each mismatch check -------------------------------------------------------


class TestMismatchDirection:
    """3 present + 1 proxy = 4 voters; each reported figure one below, equal, one above."""

    @staticmethod
    def audit_with(tally: Tally, rules: str = "fr-municipal") -> quorum.Audit:
        s = session(
            1,
            {"a": ALL, "b": ALL, "c": ALL},
            absent=("d",),
            proxies=(("d", "a", None, None),),
            tallies=(tally,),
            rules=rules,
        )
        return quorum.audit(s)

    @pytest.mark.parametrize("off", [-1, 0, 1])
    def test_tally(self, off: int) -> None:
        result = self.audit_with(Tally(item="1", pour=2 + off, contre=1, abstention=1))

        assert (4 + off, 4) == (result.items[0].tally.total, result.items[0].tally.expected)
        assert result.items[0].tally.consistent is (off == 0)
        # one short with one usable proxy: the proxy may not have been used (shortfall.py)
        mismatch = found(result, "TALLY_PROXY_UNUSED" if off < 0 else "TALLY_MISMATCH")
        assert bool(off) == bool(mismatch)
        if off:
            assert mismatch[0].message.startswith(
                f"the tally of item 1 adds up to {4 + off} (pour {2 + off} + contre 1 + "
                "abstention 1), not 4, the voters (3 present + 1 proxy)"
            )
            assert (off < 0) == (mismatch[0].severity is Severity.WARNING)

    @pytest.mark.parametrize("off", [-1, 0, 1])
    def test_tally_in_vote_weight(self, off: int) -> None:
        """Under a weighted rule set the tally is compared with the vote weight."""
        s = weighted(
            {"a": 5, "b": 3, "c": 2}, ("a", "b"), (("c", "a"),),
            tallies=(Tally(item="1", pour=10 + off),),
        )  # fmt: skip

        result = quorum.audit(s, "plain")

        assert result.items[0].tally.consistent is (off == 0)
        assert bool(off) == bool(found(result, "TALLY_MISMATCH"))
        if off:
            assert (
                f"the tally of item 1 adds up to {10 + off} (pour {10 + off}), not 10, the vote "
                "weight"
            ) == only(result, "TALLY_MISMATCH").message

    @pytest.mark.parametrize("off", [-1, 0, 1])
    def test_present(self, off: int) -> None:
        result = self.audit_with(Tally(item="1", present=3 + off))

        assert result.items[0].tally.consistent is (off == 0)
        mismatch = found(result, "PRESENT_MISMATCH")
        assert bool(off) == bool(mismatch)
        if off:
            assert (
                f"the minutes report {3 + off} present at item 1; the lists give 3"
                == mismatch[0].message
            )

    @pytest.mark.parametrize("off", [-1, 0, 1])
    def test_voters(self, off: int) -> None:
        result = self.audit_with(Tally(item="1", voters=4 + off))

        assert result.items[0].tally.consistent is (off == 0)
        mismatch = found(result, "VOTERS_MISMATCH")
        assert bool(off) == bool(mismatch)
        if off:
            assert (
                f"the minutes report {4 + off} voters at item 1; the lists give 4 (3 present + "
                "1 proxy)" == mismatch[0].message
            )

    @pytest.mark.parametrize(("contre", "error"), [(0, False), (1, True)])
    def test_unanimity(self, contre: int, error: bool) -> None:
        result = self.audit_with(Tally(item="1", pour=4 - contre, contre=contre, unanimous=True))

        assert result.items[0].tally.consistent is not error
        assert error == bool(found(result, "UNANIMITY_WITH_CONTRE"))

    def test_an_empty_tally_is_not_compared(self) -> None:
        """A tally with no count (only an outcome) says nothing about the voters."""
        result = self.audit_with(Tally(item="1", outcome="adopted"))

        assert (True, None, 4) == (
            result.items[0].tally.consistent,
            result.items[0].tally.total,
            result.items[0].tally.expected,
        )


# --- second convocations ------------------------------------------------------------------------


class TestSecondConvocation:
    def test_no_quorum_on_a_second_call_in_a_municipal_council(self) -> None:
        """L2121-17: on a second convocation no quorum is needed: 1 present of 5 is enough."""
        s = session(2, {"a": ALL}, absent=("b", "c", "d", "e"), convocation=2)

        result = quorum.audit(s)

        assert [(None, True), (None, True)] == [
            (i.quorum.required, i.quorum.reached) for i in result.items
        ]
        assert not found(result, "QUORUM_NOT_REACHED")
        assert (
            "second convocation: quorum rules of a second call apply to every item"
            == only(result, "SECOND_CONVOCATION").message
        )

    def test_only_the_items_carried_over(self) -> None:
        """Only item 2 was carried over to the second convocation: item 1 needs quorum."""
        s = session(2, {"a": ALL}, absent=("b", "c", "d", "e"), convocation=2, carried_over=["2"])

        result = quorum.audit(s)

        assert [(3, False), (None, True)] == [
            (i.quorum.required, i.quorum.reached) for i in result.items
        ]
        assert ("1",) == only(result, "QUORUM_NOT_REACHED").items
        assert (
            "second convocation: quorum rules of a second call apply to 2"
            == only(result, "SECOND_CONVOCATION").message
        )

    def test_a_first_call_says_nothing(self) -> None:
        s = session(1, {"a": ALL}, absent=("b",))

        assert not found(quorum.audit(s), "SECOND_CONVOCATION")

    @pytest.mark.parametrize(
        ("convocation", "required", "reached"), [(1, 25, False), (2, 20, True)]
    )
    def test_a_lower_fraction_on_a_second_call(
        self, convocation: int, required: int, reached: bool
    ) -> None:
        """fr-sa-age: 1/4 of the shares on first call, 1/5 on second: 20 of 100 reaches only
        the second."""
        s = weighted({"a": 20, "b": 80}, ("a",), convocation=convocation)

        result = quorum.audit(s, "fr-sa-age")
        q = result.items[0].quorum

        assert (required, 20, reached) == (q.required, q.counted, q.reached)
        if not reached:
            assert (
                "quorum not reached at item 1: 20 voices present or represented, 25 required "
                "(at least 1/4 of all 100 voices)"
            ) == only(result, "QUORUM_NOT_REACHED").message

    def test_the_second_call_fraction_is_in_the_message(self) -> None:
        """fr-sa-age on second call: 19 of 100 is short of 1/5, and the message says 1/5."""
        s = weighted({"a": 19, "b": 81}, ("a",), convocation=2)

        f = only(quorum.audit(s, "fr-sa-age"), "QUORUM_NOT_REACHED")

        assert (
            "quorum not reached at item 1: 19 voices present or represented, 20 required "
            "(at least 1/5 of all 100 voices)"
        ) == f.message


# --- counts-only minutes, and the timeline's primitives ----------------------------------------


class TestHeadcounts:
    @staticmethod
    def counted_only() -> Session:
        """A (weight 5) sits throughout and holds B's proxy (3); at item 2 the minutes count 6
        more present, 2 represented and 3 absent, without names: 2 + 11 = 13 seats."""
        return Session(
            agenda=["1", "2", "3"],
            members=[Member(id="a", name="A", weight=5), Member(id="b", name="B", weight=3)],
            attendance=[Stretch(member="a")],
            proxies=[Proxy(giver="b", holder="a")],
            headcounts=[Headcount(present=6, represented=2, absent=3, from_item="2",
                                  until_item="2")],
            tallies=[Tally(item="2", pour=10)],
        )  # fmt: skip

    def test_counted_members_are_one_voice_each(self) -> None:
        result = quorum.audit(self.counted_only(), "fr-municipal")

        assert [(1, 1), (7, 3), (1, 1)] == [(i.present_count, i.proxy_count) for i in result.items]
        assert [8, 16, 8] == [i.vote_weight for i in result.items]  # 5 + 6 + 3 + 2 at item 2
        assert [5, 11, 5] == [i.present_weight for i in result.items]
        assert [(7, 13)] * 3 == [(i.quorum.required, i.quorum.total) for i in result.items]
        assert [False, True, False] == [i.quorum.reached for i in result.items]
        assert result.item("2").tally.consistent is True  # 10 pour = 7 present + 3 proxies

    def test_counted_members_weigh_in_a_weighted_quorum(self) -> None:
        """fr-sa-ago: all voices 5 + 3 + 11 = 19; present or represented 5 + 3 = 8, and at
        item 2 5 + 6 + 3 + 2 = 16; at least a fifth (3.8) is reached everywhere A sits."""
        result = quorum.audit(self.counted_only(), "fr-sa-ago")

        assert [(8, 19), (16, 19), (8, 19)] == [
            (i.quorum.counted, i.quorum.total) for i in result.items
        ]
        assert Decimal("3.8") == result.items[0].quorum.required
        assert result.item("2").tally.consistent is False  # 10 pour, 16 votes


class TestTimeline:
    def test_an_empty_range_is_no_span(self) -> None:
        assert () == tl.span(5, 3, 10)
        assert () == tl.span(None, -1, 10)
        assert ((0, 10),) == tl.span(None, None, 10)
        assert ((4, 5),) == tl.span(4, 4, 10)

    def test_intersect_steps_through_every_span(self) -> None:
        many = ((1, 2), (3, 4), (5, 6))
        assert many == tl.intersect(((0, 10),), many)
        assert many == tl.intersect(many, ((0, 10),))
        assert ((3, 4), (5, 6)) == tl.intersect(many, ((3, 7),))

    def test_positions(self) -> None:
        assert [0, 1, 5] == list(tl.positions(((0, 2), (5, 6))))
        assert [] == list(tl.positions(()))

    @pytest.mark.parametrize("claims", [1, 2])
    def test_a_limit_of_zero_keeps_nothing(self, claims: int) -> None:
        """A limit of 0 (statutes may write it) keeps no claim, be there one or several: one
        claim alone used to be kept."""
        shares = tl.allocate([(k, ((0, 3),)) for k in range(claims)], 0)

        assert dict.fromkeys(range(claims), ((), ((0, 3),))) == shares

    def test_a_limit_given_as_a_function(self) -> None:
        """The limit depends on which claims compete: none for one claim alone, 1 for two."""
        shares = tl.allocate(
            [("a", ((0, 4),)), ("b", ((2, 6),))], lambda ks: None if len(ks) < 2 else 1
        )

        assert {"a": (((0, 4),), ()), "b": (((4, 6),), ((2, 4),))} == shares
        alone = tl.allocate([("a", ((0, 4),))], lambda ks: 0)
        assert {"a": ((), ((0, 4),))} == alone

    def test_the_claims_within_the_limit_are_all_kept(self) -> None:
        claims = [(k, ((0, 3),)) for k in range(3)]
        assert dict.fromkeys(range(3), (((0, 3),), ())) == tl.allocate(claims, 3)
        assert dict.fromkeys(range(3), (((0, 3),), ())) == tl.allocate(claims, None)

    def test_statutes_with_no_proxy_per_holder(self) -> None:
        """Statutes allowing 0 proxies per holder: A's only proxy to H is not counted."""
        s = session(
            1, {"h": ALL}, absent=("a",), proxies=(("a", "h", None, None),),
            rules={"base": "plain", "proxies": {"per_holder": 0}},
        )  # fmt: skip

        result = quorum.audit(s)

        assert 0 == result.items[0].proxy_count
        assert ("h", "a") == only(result, "PROXY_LIMIT_EXCEEDED").members


# --- outcomes -----------------------------------------------------------------------------------


class TestOutcome:
    def test_item_by_number(self) -> None:
        result = quorum.audit(session(2, {"a": ALL}))

        assert result.item(2) is result.item("2") is result.items[1]
        with pytest.raises(quorum.UnknownItemError):
            result.item(3)

    @pytest.mark.parametrize(("present", "outcome"), [(3, "rejected"), (1, "adopted")])
    def test_a_majority_of_the_voices_cast_by_head(self, present: int, outcome: str) -> None:
        """Statutes: more than half of the members present or represented. 3 present + 1 proxy
        = 4: 2 pour is not more than half; 1 present + 1 proxy = 2: 2 pour is."""
        there = dict.fromkeys("abc"[:present], ALL)
        s = session(
            1, there, absent=tuple("bcd"[present - 1 :]),
            proxies=(("d", "a", None, None),),
            tallies=(Tally(item="1", pour=2, contre=0),),
            rules={"base": "fr-municipal", "majority": {"base": "cast"}},
        )  # fmt: skip

        item = quorum.audit(s).items[0]

        assert present + 1 == item.voters
        assert outcome == item.outcome.computed

    def test_unanimous_means_adopted(self) -> None:
        """A tally reported unanimous, with no outcome written, is reported adopted."""
        s = session(1, {"a": ALL, "b": ALL}, tallies=(Tally(item="1", pour=2, unanimous=True),))

        outcome = quorum.audit(s).items[0].outcome

        assert ("adopted", "adopted", "absolute") == (
            outcome.reported,
            outcome.computed,
            outcome.majority,
        )

    def test_a_tally_without_pour_or_contre_decides_nothing(self) -> None:
        s = session(1, {"a": ALL}, tallies=(Tally(item="1", abstention=1, outcome="adopted"),))

        outcome = quorum.audit(s).items[0].outcome

        assert (None, "adopted", "absolute", None) == (
            outcome.computed,
            outcome.reported,
            outcome.majority,
            outcome.reason,
        )

    @pytest.mark.parametrize(("pour", "at_risk"), [(501, True), (502, False)])
    def test_fewer_pour_could_change_the_outcome(self, pour: int, at_risk: bool) -> None:
        """Art. 25: more than half of all 1000 voices. All 1000 are there and the tally counts
        999 (off by 1): 501 pour less 1 is 500, not more than half, so the outcome is at risk;
        502 less 1 still adopts. Contre does not matter: the base is all voices."""
        owners: dict[str, int | Decimal] = {"a": 251, "b": 250, "c": 250, "d": 249}
        s = weighted(
            owners, tuple(owners),
            tallies=(Tally(item="1", pour=pour, contre=999 - pour, majority="art25"),),
        )  # fmt: skip

        result = quorum.audit(s, "fr-copropriete")

        assert ("adopted", at_risk) == (
            result.items[0].outcome.computed,
            result.items[0].outcome.could_change,
        )
        assert at_risk == bool(found(result, "OUTCOME_AT_RISK"))
        assert at_risk != bool(found(result, "OUTCOME_SAFE"))


class TestReaderNotes:
    def test_a_note_concerns_its_items_only(self) -> None:
        """A reader's note on items 1 and 3 is listed at those items, not at item 2, and in
        the audit's findings once."""
        note = quorum.Finding(
            code="NAME_NOT_RESOLVED", severity=quorum.Severity.WARNING, items=("1", "3"),
            message="a name was not understood",
        )  # fmt: skip
        s = attrs.evolve(session(3, {"a": ALL, "b": ALL}, absent=("c",)), notes=[note])

        result = quorum.audit(s)

        assert [True, False, True] == [note in i.findings for i in result.items]
        assert [note] == [f for f in result.findings if f.code == "NAME_NOT_RESOLVED"]


# --- the reading: assumed rules, unread items, no quorum ---------------------------------------


def _sa_assumed(**kw: Any) -> Session:
    """An SA meeting of 13 shareholders on 15 March 2020 without a financial year end: the new
    counting (abstentions not cast) is assumed, the former one is the other reading."""
    return Session(
        agenda=["1", "2"],
        members=[Member(id=i, name=i.upper()) for i in "abcdefghijklm"],
        attendance=[Stretch(member=i) for i in "abcdefghijklm"],
        date=datetime.date(2020, 3, 15),
        body="assemblée des actionnaires",
        **kw,
    )


class TestReadings:
    def test_rules_asked_for_are_not_weighed_against_another(self) -> None:
        """Auditing under rules asked for by name makes no comparison, even where the rules
        chosen by date would rest on an assumption."""
        s = _sa_assumed(tallies=[Tally(item="1", pour=6, contre=4, abstention=3,
                                       outcome="rejected")])  # fmt: skip

        chosen, asked = quorum.audit(s), quorum.audit(s, "fr-sa-ago")

        assert found(chosen, "RESULT_DEPENDS_ON_RULE")
        assert quorum.Severity.WARNING is only(chosen, "OUTCOME_MISMATCH").severity
        assert not found(asked, "RESULT_DEPENDS_ON_RULE")
        assert quorum.Severity.ERROR is only(asked, "OUTCOME_MISMATCH").severity
        assert "asked for ('fr-sa-ago')" == asked.rules_reason

    def test_an_error_under_both_readings_stays_an_error(self) -> None:
        """A tally of 12 for 13 voters is off under both countings: an error, not a warning."""
        s = _sa_assumed(tallies=[Tally(item="1", pour=9, contre=3)])

        result = quorum.audit(s)

        assert quorum.Severity.ERROR is only(result, "TALLY_MISMATCH").severity

    @pytest.mark.parametrize(("pour", "at_risk"), [(10, True), (11, False)])
    def test_more_contre_could_change_a_two_thirds_outcome(self, pour: int, at_risk: bool) -> None:
        """fr-sa-age: at least 2/3 of the votes expressed. 16 votes, the tally counts 14
        (off by 2): 10 pour 4 contre adopts; 2 more pour or 2 fewer would still adopt (8 of 12
        is 2/3), but 2 more contre (10 of 16) would not: at risk. 11 pour 3 contre stays adopted
        whichever way (11 of 16 is more than 2/3)."""
        s = weighted(
            {f"m{k}": 1 for k in range(16)}, tuple(f"m{k}" for k in range(16)),
            tallies=(Tally(item="1", pour=pour, contre=14 - pour),),
        )  # fmt: skip

        item = quorum.audit(s, "fr-sa-age").items[0]

        assert ("adopted", at_risk) == (item.outcome.computed, item.outcome.could_change)

    def test_only_the_unread_item_is_not_asserted(self) -> None:
        """Item 2 of 3 not fully read: quorum, missed at every item, is an error at 1 and 3 and
        a warning at 2."""
        s = session(3, {"a": ALL}, absent=("b", "c"),
                    reading=Reading(complete=False, uncertain_items=("2",)))  # fmt: skip

        result = quorum.audit(s)

        assert [(("1",), "error"), (("2",), "warning"), (("3",), "error")] == [
            (f.items, f.severity.value) for f in found(result, "QUORUM_NOT_REACHED")
        ]

    def test_no_quorum_still_counts_who_is_there(self) -> None:
        """Co-ownership has no quorum: reached, nothing required, the present counted."""
        s = weighted({"a": 30, "b": 30, "c": 40}, ("a", "b"))

        q = quorum.audit(s, "fr-copropriete").items[0].quorum

        assert (None, 2, True) == (q.required, q.counted, q.reached)


class TestSubjects:
    """Whom each proxy finding is about, typed (``Finding.subject``): explain and the HTML read
    it to find a proxy's finding, so a finding without it, or with the wrong giver, misleads."""

    PROXIES = (
        ("g1", "h", None, None),  # giver present
        ("g2", "h", None, None),  # his substitute sits
        ("g3", "h", None, None),  # the giver withdrawn
        ("g4", "h2", None, None),  # holder absent
        ("g5", "x", None, None),  # usable
        ("g5", "h", None, None),  # the giver's second proxy
        ("g6", "x", None, None),  # the holder's second proxy
        ("g7", "w", None, None),  # the holder withdrawn where he sits
    )

    def result(self) -> quorum.Audit:
        s = session(
            1,
            {"g1": ALL, "h": ALL, "s2": ALL, "x": ALL, "w": ALL},
            absent=("g2", "g3", "g4", "g5", "g6", "g7", "h2"),
            substitutes={"s2": "g2"},
            proxies=self.PROXIES,
            withdrawals=[Withdrawal(member="g3"), Withdrawal(member="w")],
            rules="fr-epci",
        )
        return quorum.audit(s)

    def test_every_proxy_finding_names_its_proxy_giver_and_holder(self) -> None:
        from quorum.findings import Subject

        about = {
            f.code: f.subject
            for f in self.result().findings
            if f.subject is not None and f.subject.proxies
        }
        want = {
            "PROXY_GIVER_PRESENT": 0,
            "SUBSTITUTE_AND_PROXY": 1,
            "PROXY_GIVER_WITHDRAWN": 2,
            "PROXY_HOLDER_ABSENT": 3,
            "GIVER_MULTIPLE_PROXIES": 5,
            "PROXY_LIMIT_EXCEEDED": 6,
            "PROXY_HOLDER_WITHDRAWN": 7,
        }
        assert set(want) <= set(about)
        for code, k in want.items():
            giver, holder = self.PROXIES[k][:2]
            assert about[code] == Subject(giver=giver, holder=holder, proxies=(k,)), code

    def test_a_substitute_s_proxy_names_him_as_giver(self) -> None:
        from quorum.findings import Subject

        s = session(
            1,
            {"t": ALL, "h": ALL},
            absent=("s",),
            substitutes={"s": "t"},
            proxies=(("s", "h", None, None),),
            rules="fr-epci",
        )

        f = only(quorum.audit(s), "PROXY_FROM_SUBSTITUTE")
        assert f.subject == Subject(giver="s", holder="h", proxies=(0,))

    def test_a_proxy_listed_twice_gives_one_finding_about_both(self) -> None:
        s = session(
            1, {"g": ALL, "h": ALL}, proxies=(("g", "h", None, None), ("g", "h", None, None))
        )

        (f,) = [f for f in quorum.audit(s).findings if f.code == "PROXY_GIVER_PRESENT"]
        assert f.subject is not None
        assert f.subject.proxies == (0, 1)
        assert (f.subject.giver, f.subject.holder) == ("g", "h")


class TestOutcomeAndTallyFacts:
    def test_an_unknown_majority_keeps_the_reported_outcome(self) -> None:
        s = session(
            1,
            {"a": ALL, "b": ALL},
            tallies=(Tally(item="1", pour=2, majority="nope", outcome="adopted"),),
        )

        check = quorum.audit(s).items[0].outcome
        assert (check.computed, check.reported) == (None, "adopted")

    @pytest.mark.parametrize(
        "tally",
        [
            Tally(item="1", pour=2, contre=1, unanimous=True),  # unanimous with a contre
            Tally(item="1", pour=3, present=4),  # present misreported
            Tally(item="1", pour=3, voters=4),  # voters misreported
            Tally(item="1", pour=3, interested=1),  # an interested member nobody withdrew
        ],
    )
    def test_each_mismatch_alone_makes_the_tally_inconsistent(self, tally: Tally) -> None:
        s = session(1, {"a": ALL, "b": ALL, "c": ALL}, tallies=(tally,))

        assert quorum.audit(s).items[0].tally.consistent is False

    def test_a_rule_set_asked_for_says_so(self) -> None:
        from quorum.rulesets import get_rules

        s = session(1, {"a": ALL})

        assert quorum.audit(s, "plain").rules_reason == "asked for ('plain')"
        assert quorum.audit(s, get_rules("plain")).rules_reason == "asked for ('plain')"
