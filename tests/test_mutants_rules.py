"""The majority and quorum arithmetic of ``quorum.rules`` at its boundaries (issue 11, point 6;
docs/mutation.md): each comparison tested at the boundary and one step either side, each
reason in full, each rule set accessor on both of its branches."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from quorum.rules import (
    HALF,
    Decision,
    Majority,
    QuorumRule,
    decide,
    majority_of,
    to_number,
)
from quorum.rulesets import get_rules

D = datetime.date
ABSOLUTE = get_rules("fr-municipal").majority
ACCOUNT = get_rules("fr-municipal").majority_named("compte-administratif")
ART24, ART25, ART26 = get_rules("fr-copropriete").majorities
assert ACCOUNT is not None


def test_majority_of() -> None:
    assert [1, 2, 2, 6, 6, 62] == [majority_of(n) for n in (1, 2, 3, 10, 11, 123)]


@pytest.mark.parametrize(
    ("value", "number"),
    [
        (Fraction(4), 4),
        (Fraction(-3), -3),
        (Fraction(21, 5), Decimal("4.2")),
        (Fraction(1, 8), Decimal("0.125")),
        (Fraction(100, 3), Decimal("33.333333")),
        (Fraction(2, 3), Decimal("0.666667")),
        (Fraction(10**22 * 2, 3), Decimal("6666666666666666666666.666667")),
        (Fraction(10**22 + 1, 2), Decimal("5000000000000000000000.5")),
    ],
)
def test_to_number(value: Fraction, number: int | Decimal) -> None:
    got = to_number(value)
    assert number == got
    assert type(number) is type(got)
    assert str(number) == str(got)  # never an exponent, the digits as written


class TestQuorumRule:
    def test_more_than_half_by_head(self) -> None:
        q = QuorumRule(article="x")
        assert [1, 2, 2, 3, 6, 6] == [q.required(n) for n in (1, 2, 3, 4, 10, 11)]
        assert (False, True) == (q.reached(5, 10), q.reached(6, 10))

    def test_at_least_a_third_by_head(self) -> None:
        q = QuorumRule(fraction=Fraction(1, 3), strict=False, article="x")
        assert [3, 4, 4] == [q.required(n) for n in (9, 10, 12)]
        assert (False, True, True) == (q.reached(3, 10), q.reached(4, 12), q.reached(3, 9))

    def test_a_minimum_number(self) -> None:
        q = QuorumRule(fraction=Fraction(1, 3), strict=False, minimum=5, article="x")
        assert (5, 6) == (q.required(9), q.required(16))
        assert (False, True) == (q.reached(4, 9), q.reached(5, 9))

    def test_by_weight_the_threshold_is_exact(self) -> None:
        q = QuorumRule(fraction=Fraction(1, 4), strict=False, basis="weight", article="x")
        assert Decimal("2.625") == q.required(Decimal("10.5"))
        assert q.reached(Decimal("2.625"), Decimal("10.5"))
        assert not q.reached(Decimal("2.624"), Decimal("10.5"))
        strict = attrs.evolve(q, strict=True)
        assert not strict.reached(Decimal("2.625"), Decimal("10.5"))
        assert strict.reached(Decimal("2.626"), Decimal("10.5"))
        assert 0 == q.required(0)  # a weight basis ignores the head minimum
        assert QuorumRule(basis="weight", minimum=3, article="x").reached(1, 1)

    def test_second_call(self) -> None:
        q = QuorumRule(fraction=Fraction(1, 4), strict=False, second_call=Fraction(1, 5),
                       article="x")  # fmt: skip
        assert (Fraction(25), Fraction(20)) == (q.threshold(100), q.threshold(100, 2))
        assert (25, 20) == (q.required(100, 1), q.required(100, 2))
        assert (False, True) == (q.reached(20, 100), q.reached(20, 100, 2))
        none = QuorumRule(article="x")
        assert (None, None, True) == (
            none.threshold(10, 2),
            none.required(10, 2),
            none.reached(0, 10, 2),
        )


class TestMajority:
    @pytest.mark.parametrize(
        ("majority", "words"),
        [
            (ABSOLUTE, "more than 1/2 of the votes expressed (pour + contre)"),
            (ART24, "more than 1/2 of the votes expressed (pour + contre)"),
            (ART25, "more than 1/2 of all the voices"),
            (ART26, "at least 2/3 of all the voices (and more than 1/2 of all members by head)"),
            (
                get_rules("roberts-rules").majority,
                "more than 1/2 of the votes cast (pour + contre + null ballots; blank ballots "
                "excluded)",
            ),
            (ACCOUNT, "adopted unless more than 1/2 of the votes expressed (pour + contre) are "
             "contre"),
            (get_rules("fr-sa-ago-2019").majority, "more than 1/2 of the voices present or "
             "represented"),
        ],
    )  # fmt: skip
    def test_describe(self, majority: Majority, words: str) -> None:
        assert words == majority.describe()


def _decide(majority: Majority, cast: int = 9, total: int = 10, **kw: Any) -> Decision:
    counts = {k: kw.pop(k) for k in ("pour", "contre", "null", "abstention") if k in kw}
    return decide(
        majority,
        counts,
        cast=cast,
        total=total,
        members=kw.pop("members", 4),
        secret=kw.pop("secret", False),
        casting_vote=kw.pop("casting_vote", None),
        **kw,
    )


class TestDecide:
    @pytest.mark.parametrize(
        ("pour", "contre", "outcome"), [(3, 2, "adopted"), (2, 3, "rejected"), (0, 1, "rejected")]
    )
    def test_more_than_half_of_the_expressed(self, pour: int, contre: int, outcome: str) -> None:
        d = _decide(ABSOLUTE, pour=pour, contre=contre, abstention=4)
        assert outcome == d.outcome
        assert not d.tie

    def test_the_reason_in_full(self) -> None:
        d = _decide(ABSOLUTE, pour=3, contre=2)
        assert (
            "pour 3; needed more than 1/2 of the votes expressed (pour + contre): more than "
            "1/2 x 5 = 2.5"
        ) == d.reason

    def test_nobody_expressed(self) -> None:
        d = _decide(ABSOLUTE, pour=0, contre=0, abstention=5)
        assert (None, "nobody expressed a vote (pour + contre = 0): nothing is adopted") == (
            d.outcome,
            d.reason,
        )

    @pytest.mark.parametrize(
        ("secret", "casting", "outcome", "reason"),
        [
            (False, "pour", "adopted", "tie: the president's casting vote (pour)"),
            (False, "contre", "rejected", "tie: the president's casting vote (contre)"),
            (False, None, None, "tie: the president's casting vote decides; not reported"),
            (True, "pour", "rejected", "tie in a secret ballot: no casting vote"),
        ],
    )
    def test_a_tie_and_the_casting_vote(
        self, secret: bool, casting: str | None, outcome: str | None, reason: str
    ) -> None:
        d = _decide(ABSOLUTE, pour=2, contre=2, secret=secret, casting_vote=casting)
        assert (outcome, reason, True) == (d.outcome, d.reason, d.tie)

    def test_a_tie_loses_without_a_casting_vote(self) -> None:
        d = _decide(attrs.evolve(ABSOLUTE, casting_vote=False), pour=2, contre=2)
        assert ("rejected", True) == (d.outcome, d.tie)
        assert d.reason.startswith("tie (pour 2; needed more than 1/2")
        assert d.reason.endswith("= 2): a tie loses")

    @pytest.mark.parametrize(
        "majority",
        [
            attrs.evolve(ABSOLUTE, strict=False),  # at least half: 2 of 4 adopts
            attrs.evolve(ABSOLUTE, fraction=Fraction(2, 3)),
            attrs.evolve(ABSOLUTE, base="cast"),
        ],
    )
    def test_no_tie_but_for_more_than_half_of_the_expressed(self, majority: Majority) -> None:
        assert not _decide(majority, pour=2, contre=2).tie

    def test_at_least_and_more_than(self) -> None:
        at_least = attrs.evolve(ABSOLUTE, strict=False, fraction=Fraction(2, 3))
        assert "adopted" == _decide(at_least, pour=4, contre=2).outcome
        assert "rejected" == _decide(at_least, pour=3, contre=2).outcome
        more = attrs.evolve(at_least, strict=True)
        assert "rejected" == _decide(more, pour=4, contre=2).outcome

    @pytest.mark.parametrize(("contre", "outcome"), [(3, "rejected"), (2, "adopted")])
    def test_unless_a_majority_against(self, contre: int, outcome: str) -> None:
        """Compte administratif: rejected only when contre is more than half of the expressed."""
        d = _decide(ACCOUNT, pour=4 - contre, contre=contre)
        assert outcome == d.outcome
        against = "a majority against" if contre == 3 else "no majority against"
        assert f"contre {contre} of 4 votes expressed: {against}" == d.reason

    def test_unless_against_with_nobody_voting(self) -> None:
        d = _decide(ACCOUNT, pour=0, contre=0, abstention=3)
        assert (
            "adopted",
            "nobody voted contre (pour + contre = 0): no majority against",
        ) == (d.outcome, d.reason)

    def test_null_ballots_count_in_the_base(self) -> None:
        """RONR: 5 pour, 3 contre, 3 null: 5 of 11 is not more than half; without null it
        would be 5 of 8."""
        roberts = get_rules("roberts-rules").majority
        assert "rejected" == _decide(roberts, pour=5, contre=3, null=3).outcome
        assert "adopted" == _decide(ABSOLUTE, pour=5, contre=3, null=3).outcome

    @pytest.mark.parametrize(("cast", "outcome"), [(9, "adopted"), (10, "rejected")])
    def test_a_majority_of_the_voices_cast(self, cast: int, outcome: str) -> None:
        """Before loi 2019-744: 5 pour of 9 voices cast adopts, of 10 does not."""
        cast_majority = get_rules("fr-sa-ago-2019").majority
        assert outcome == _decide(cast_majority, cast=cast, pour=5, contre=1).outcome

    @pytest.mark.parametrize(("pour", "outcome"), [(501, "adopted"), (500, "rejected")])
    def test_a_majority_of_all_voices(self, pour: int, outcome: str) -> None:
        d = _decide(ART25, cast=900, total=1000, pour=pour, contre=0)
        assert outcome == d.outcome

    @pytest.mark.parametrize(
        ("pour_members", "outcome"), [(3, "adopted"), (2, "rejected"), (None, None)]
    )
    def test_art_26_needs_more_than_half_by_head(
        self, pour_members: int | None, outcome: str | None
    ) -> None:
        """Art. 26: 700 of 1000 voices, and more than half of 4 owners by head: 3 is, 2 is not;
        not reported: no outcome."""
        d = _decide(ART26, total=1000, pour=700, contre=0, members=4, pour_members=pour_members)
        assert outcome == d.outcome
        if pour_members is None:
            assert d.reason.endswith("; the head count of pour is not reported")
        else:
            assert d.reason.endswith(f"; {pour_members} members pour of 4")

    def test_art_26_voices_short(self) -> None:
        """666 of 1000 is short of two thirds even with every owner pour."""
        d = _decide(ART26, total=1000, pour=666, contre=0, members=4, pour_members=4)
        assert "rejected" == d.outcome
        assert "4 members pour" not in d.reason

    @pytest.mark.parametrize(("pour", "fallback"), [(334, True), (333, False), (501, False)])
    def test_art_25_1_fallback_at_a_third_of_all(self, pour: int, fallback: bool) -> None:
        d = _decide(ART25, cast=900, total=1000, pour=pour, contre=0)
        assert fallback == d.fallback_possible

    def test_art_25_1_fallback_exactly_a_third(self) -> None:
        d = _decide(ART25, cast=9, total=9, pour=3, contre=0)
        assert ("rejected", True) == (d.outcome, d.fallback_possible)

    @pytest.mark.parametrize(
        ("pour_members", "voting", "fallback"),
        [(2, 4, True), (1, 4, False), (2, 3, True), (1, 3, False), (None, 4, False)],
    )
    def test_art_26_1_fallback_needs_half_by_head(
        self, pour_members: int | None, voting: int, fallback: bool
    ) -> None:
        """Art. 26-1: pour 400 of 1000 (a third) and at least half, by head, of the owners
        present or represented: 2 of 4 is, 1 of 4 is not."""
        d = _decide(ART26, total=1000, pour=400, contre=0, members=6,
                    pour_members=pour_members, voting_members=voting)  # fmt: skip
        assert ("rejected", fallback) == (d.outcome, d.fallback_possible)

    def test_half_is_one_half(self) -> None:
        assert Fraction(1, 2) == HALF


class TestRuleSet:
    def test_articles(self) -> None:
        copro, municipal = get_rules("fr-copropriete"), get_rules("fr-municipal")
        assert "no quorum" == copro.quorum_rule
        assert "CGCT art. L2121-17" == municipal.quorum_rule
        assert "loi 65-557 art. 22" == copro.proxy_rule

    def test_majority_named(self) -> None:
        copro = get_rules("fr-copropriete")
        assert copro.majority is copro.majority_named(None)
        assert "art24" == copro.majority.name
        assert ART26 == copro.majority_named("art26")
        assert copro.majority_named("art27") is None

    @pytest.mark.parametrize(
        ("date", "leave"),
        [(D(2022, 2, 22), False), (D(2022, 2, 23), True), (None, True)],
    )
    def test_representatives_leave_from_loi_3ds(self, date: D | None, leave: bool) -> None:
        assert leave == get_rules("fr-municipal").representatives_leave(date)
        assert not get_rules("plain").representatives_leave(date)
        always = attrs.evolve(get_rules("fr-municipal"), representatives_since=None)
        assert always.representatives_leave(D(2000, 1, 1))

    def test_in_force_includes_both_ends(self) -> None:
        covid = get_rules("fr-municipal-covid-p5")
        assert (covid.valid_from, covid.valid_until) == (D(2020, 11, 15), D(2021, 9, 30))
        days = (D(2020, 11, 14), D(2020, 11, 15), D(2021, 9, 30), D(2021, 10, 1))
        assert [False, True, True, False] == [covid.in_force(d) for d in days]
        assert get_rules("plain").in_force(D(1900, 1, 1))

    def test_dates_in_words(self) -> None:
        assert "from 2020-11-15 to 2021-09-30" == get_rules("fr-municipal-covid-p5").dates()
        assert "since 1996-02-24" == get_rules("fr-municipal").dates()
        assert "until 2014-03-26" == get_rules("fr-copropriete-2014").dates()
        assert "always" == get_rules("plain").dates()
