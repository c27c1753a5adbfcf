"""Rule sets: the worked examples and traps of the legal notes (legal-rules.md), one test each."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quorum
from helpers import ALL, session
from quorum import Member, Proxy, Session, Stretch, Tally, Withdrawal
from quorum.rules import decide
from quorum.rulesets import RULE_SETS, get_rules, rules_for, rules_from_dict


def codes(result: quorum.Audit) -> list[str]:
    return [f.code for f in result.findings]


class TestQuorumArithmetic:
    @pytest.mark.parametrize(
        ("n", "required"), [(123, 62), (33, 17), (11, 6), (8, 5), (55, 28), (9, 5)]
    )
    def test_more_than_half(self, n: int, required: int) -> None:
        """§1.2: n // 2 + 1; the trap ceil(n/2 + 1) would give 7 for 11."""
        rule = get_rules("fr-municipal").quorum
        assert rule is not None

        assert required == rule.required(n)
        assert rule.reached(required, n)
        assert not rule.reached(required - 1, n)

    @pytest.mark.parametrize(
        ("n", "required", "strict"),
        [
            (123, 41, 42),
            (33, 11, 12),
            (9, 3, 4),
        ],
    )
    def test_a_third_both_readings(self, n: int, required: int, strict: int) -> None:
        """§5: 'le tiers est présent' is ceil(n/3) by default; n // 3 + 1 as a parameter."""
        literal = get_rules("fr-municipal-covid-p7")
        other = rules_from_dict({"base": "fr-municipal-covid-p7", "quorum": {"strict": True}})
        assert literal.quorum is not None
        assert other.quorum is not None

        assert (required, strict) == (literal.quorum.required(n), other.quorum.required(n))

    def test_epci_l1111_6_representatives_leave_the_members_in_office(self) -> None:
        """§12: 5 L1111-6 representatives withdraw at GBM: 118 in office, quorum 60."""
        s = session(
            1,
            {f"m{i}": ALL for i in range(61)},
            absent=tuple(f"a{i}" for i in range(62)),
            rules="fr-epci",
            members_in_office=123,
            withdrawals=[Withdrawal(member=f"m{i}", reason="representative") for i in range(5)],
        )

        item = quorum.audit(s).items[0]

        assert (60, 56, False, 5) == (
            item.quorum.required,
            item.quorum.counted,
            item.quorum.reached,
            item.withdrawn_count,
        )

    def test_interested_member_leaves_present_not_office(self) -> None:
        """§4.1 Chauré: an interested member stays in n and leaves P; his proxy is lost."""
        s = Session(
            agenda=["1"],
            members=[Member(id=x, name=x.upper()) for x in ("a", "b", "c", "g")],
            attendance=[Stretch(member=x) for x in ("a", "b", "c")],
            proxies=[Proxy(giver="g", holder="c")],
            withdrawals=[Withdrawal(member="c", reason="interest")],
            tallies=[Tally(item="1", pour=2, interested=1)],
            rules="fr-municipal",
        )

        result = quorum.audit(s)
        item = result.items[0]

        assert (3, 2, 0, 2, True) == (
            item.quorum.required,
            item.quorum.counted,
            item.proxy_count,
            item.voters,
            item.tally.consistent,
        )
        assert ["QUORUM_NOT_REACHED", "PROXY_HOLDER_WITHDRAWN"] == codes(result)

    def test_unnamed_interested_members_leave_quorum(self) -> None:
        """A tally counting 2 'conseillers intéressés' without names lowers P by 2."""
        s = session(
            1,
            dict.fromkeys("abcde", ALL),
            absent=("f",),
            tallies=(Tally(item="1", pour=3, interested=2),),
        )

        item = quorum.audit(s).items[0]

        assert (4, 3, True) == (item.quorum.required, item.quorum.counted, item.tally.consistent)

    def test_second_convocation_only_for_items_carried_over(self) -> None:
        """Trap 14: no quorum on a second convocation, for the items carried over only."""
        s = Session(
            agenda=["1", "2"],
            members=[Member(id=x, name=x) for x in "abcde"],
            attendance=[Stretch(member="a")],
            convocation=2,
            carried_over=["1"],
            rules="fr-municipal",
        )

        result = quorum.audit(s)

        assert [(None, True), (3, False)] == [
            (i.quorum.required, i.quorum.reached) for i in result.items
        ]
        assert ["SECOND_CONVOCATION", "QUORUM_NOT_REACHED"] == codes(result)


class TestChoiceByDate:
    def two_proxies(self, date: datetime.date) -> Session:
        """A holder carrying two proxies, 4 present of 6: the tally counts them both."""
        return session(
            1,
            dict.fromkeys("hijk", ALL),
            absent=("g1", "g2"),
            proxies=(("g1", "h", None, None), ("g2", "h", None, None)),
            tallies=(Tally(item="1", pour=6),),
            rules=None,
            body="Conseil municipal",
            date=date,
        )

    def test_january_2022_two_proxies_are_fine(self) -> None:
        """Done when: 21 January 2022 falls under loi 2021-1465: two proxies per holder."""
        result = quorum.audit(self.two_proxies(datetime.date(2022, 1, 21)))

        assert "fr-municipal-covid-p7" == result.rules.name
        assert "on 2022-01-21 fr-municipal-covid-p7 applies" in result.rules_reason
        assert (True, 2, []) == (
            result.items[0].tally.consistent,
            result.items[0].proxy_count,
            [f.code for f in result.findings if f.severity.value != "info"],
        )

    def test_2023_two_proxies_are_an_error(self) -> None:
        """The same session in 2023: common law, one proxy per holder, the tally is off."""
        result = quorum.audit(self.two_proxies(datetime.date(2023, 1, 21)))

        assert "fr-municipal" == result.rules.name
        assert {"PROXY_LIMIT_EXCEEDED", "TALLY_MISMATCH"} <= set(codes(result))
        assert result.items[0].tally.consistent is False

    @pytest.mark.parametrize(
        ("date", "name"),
        [
            (datetime.date(2020, 3, 23), "fr-municipal"),
            (datetime.date(2020, 3, 24), "fr-municipal-covid-p1"),
            (datetime.date(2020, 4, 3), "fr-municipal-covid-p2"),
            (datetime.date(2020, 7, 11), "fr-municipal-covid-p3"),
            (datetime.date(2020, 10, 1), "fr-municipal"),
            (datetime.date(2020, 11, 16), "fr-municipal-covid-p5"),
            (datetime.date(2021, 10, 15), "fr-municipal"),
            (datetime.date(2022, 7, 31), "fr-municipal-covid-p7"),
            (datetime.date(2022, 8, 1), "fr-municipal"),
        ],
    )
    def test_windows(self, date: datetime.date, name: str) -> None:
        """Trap 15: the rule set follows the session date, gaps included."""
        s = session(1, {"a": ALL}, rules=None, body="Conseil municipal", date=date)

        assert name == rules_for(s)[0].name

    def test_p2_counts_the_represented(self) -> None:
        """3 Apr - 10 Jul 2020: a third present or represented (trap 1: only then)."""
        s = session(
            1,
            {"a": ALL},
            absent=("b", "c", "d", "e", "f"),
            proxies=(("b", "a", None, None),),
            rules=None,
            body="Conseil municipal",
            date=datetime.date(2020, 5, 1),
        )

        item = quorum.audit(s).items[0]

        assert (2, 2, True) == (item.quorum.required, item.quorum.counted, item.quorum.reached)

    @pytest.mark.parametrize(
        ("body", "name"),
        [
            ("Conseil de Communauté", "fr-epci"),
            ("Comité syndical", "fr-epci"),
            ("Conseil départemental, commission permanente", "fr-departement-cp"),
            ("Conseil régional", "fr-region"),
            ("Assemblée générale des copropriétaires", "fr-copropriete"),
            ("Assemblée générale extraordinaire des actionnaires", "fr-sa-age"),
            ("Assemblée générale ordinaire des actionnaires", "fr-sa-ago"),
        ],
    )
    def test_body_picks_the_family(self, body: str, name: str) -> None:
        s = session(1, {"a": ALL}, rules=None, body=body, date=datetime.date(2024, 5, 2))

        assert name == rules_for(s)[0].name


class TestMajority:
    absolute = get_rules("fr-municipal").majority

    def outcome(self, **counts: int) -> str | None:
        return decide(
            self.absolute, counts, cast=0, total=0, members=0, secret=False, casting_vote=None
        ).outcome

    def test_four_pour_six_abstentions_is_adopted(self) -> None:
        """§2.3: 4 pour, 6 abstentions: adopted 'à l'unanimité des suffrages exprimés'."""
        assert "adopted" == self.outcome(pour=4, abstention=6)

    def test_four_pour_two_contre_is_adopted(self) -> None:
        """§2.3: 4 pour, 2 contre, 5 abstentions or NPPV: adopted."""
        assert "adopted" == self.outcome(pour=4, contre=2, abstention=3, npv=2)

    def test_nobody_expressed(self) -> None:
        """§2.3: E = 0, nothing adopted, and the audit warns."""
        s = session(1, {"a": ALL, "b": ALL}, tallies=(Tally(item="1", abstention=2, pour=0),))

        result = quorum.audit(s)

        assert (None, ["NO_VOTE_EXPRESSED"]) == (result.items[0].outcome.computed, codes(result))

    @pytest.mark.parametrize(
        ("secret", "casting", "outcome", "found"),
        [
            (False, "pour", "adopted", []),
            (False, "contre", "rejected", []),
            (False, None, None, ["TIE_CASTING_VOTE_UNKNOWN"]),
            (True, "pour", "rejected", []),
        ],
    )
    def test_tie(
        self, secret: bool, casting: str | None, outcome: str | None, found: list[str]
    ) -> None:
        """L2121-20: the president's vote decides a tie, except in a secret ballot (trap 12)."""
        tally = Tally(item="1", pour=1, contre=1, secret=secret, casting_vote=casting)
        result = quorum.audit(session(1, {"a": ALL, "b": ALL}, tallies=(tally,)))

        assert (outcome, found) == (result.items[0].outcome.computed, codes(result))

    def test_compte_administratif_tie_is_adopted(self) -> None:
        """Trap 13 (L1612-12): adopted unless a majority votes against, even on a tie."""
        tally = Tally(item="1", pour=1, contre=1, majority="compte-administratif", secret=True)

        result = quorum.audit(session(1, {"a": ALL, "b": ALL}, tallies=(tally,)))

        assert ("adopted", []) == (result.items[0].outcome.computed, codes(result))

    def test_reported_outcome_is_checked(self) -> None:
        """'Rapport adopté' with 1 pour and 2 contre is an error."""
        tally = Tally(item="1", pour=1, contre=2, outcome="adopted")

        result = quorum.audit(session(1, {"a": ALL, "b": ALL, "c": ALL}, tallies=(tally,)))

        assert ["OUTCOME_MISMATCH"] == codes(result)

    @pytest.mark.parametrize(("pour", "contre", "at_risk"), [(6, 5, True), (9, 2, False)])
    def test_could_a_discrepancy_change_the_outcome(
        self, pour: int, contre: int, at_risk: bool
    ) -> None:
        """13 voters, a tally of 11: two votes unaccounted for; 6-5 could flip, 9-2 cannot."""
        s = session(
            1,
            {f"m{i}": ALL for i in range(13)},
            tallies=(Tally(item="1", pour=pour, contre=contre),),
        )

        result = quorum.audit(s)

        assert at_risk is result.items[0].outcome.could_change
        expected = (
            ["OUTCOME_AT_RISK", "TALLY_MISMATCH"]
            if at_risk
            else ["TALLY_MISMATCH", "OUTCOME_SAFE"]
        )
        assert expected == codes(result)


def copro(*owners: tuple[str, int], present: tuple[str, ...], **kw: object) -> Session:
    return Session(
        agenda=["1"],
        members=[Member(id=o, name=o.upper(), weight=w) for o, w in owners],
        attendance=[Stretch(member=o) for o in present],
        rules="fr-copropriete",
        **kw,  # type: ignore[arg-type]
    )


class TestCopropriete:
    def test_art_26_worked_example(self) -> None:
        """§7.2: 10 owners, 1000 tantièmes; 6 owners holding 700 vote pour: adopted."""
        owners = [(f"o{i}", 700 // 6 + (700 % 6 if i == 0 else 0)) for i in range(6)]
        owners += [(f"p{i}", 75) for i in range(4)]
        s = copro(
            *owners,
            present=tuple(o for o, _ in owners),
            tallies=[Tally(item="1", pour=700, contre=300, majority="art26", pour_members=6)],
        )

        item = quorum.audit(s).items[0]

        assert ("adopted", 1000) == (item.outcome.computed, item.vote_weight)

    def test_art_26_needs_the_head_count_too(self) -> None:
        """Trap 17: 700 of 1000 voices but only 4 owners of 10 by head: rejected."""
        owners = [("big", 400), ("b2", 100), ("b3", 100), ("b4", 100)] + [
            (f"s{i}", 50) for i in range(6)
        ]
        s = copro(
            *owners,
            present=tuple(o for o, _ in owners),
            tallies=[Tally(item="1", pour=700, contre=300, majority="art26", pour_members=4)],
        )

        assert "rejected" == quorum.audit(s).items[0].outcome.computed

    def test_art_25_counts_all_voices_and_25_1_fallback(self) -> None:
        """Art. 25: pour must exceed half of ALL voices (absent owners included); 25-1."""
        owners = [("a", 400), ("b", 100), ("c", 500)]
        s = copro(
            *owners,
            present=("a", "b"),
            tallies=[Tally(item="1", pour=400, contre=100, majority="art25")],
        )

        result = quorum.audit(s)

        assert "rejected" == result.items[0].outcome.computed
        assert "FALLBACK_VOTE_POSSIBLE" in codes(result)

    def test_majority_owner_is_reduced(self) -> None:
        """Art. 22: 600 of 1000 voices become 400 (the others'); T is recomputed: 800."""
        s = copro(
            ("big", 600),
            ("x", 250),
            ("y", 150),
            present=("big", "x", "y"),
            tallies=[Tally(item="1", pour=400, contre=400)],
        )

        result = quorum.audit(s)

        assert (800, "rejected") == (
            result.items[0].vote_weight,
            result.items[0].outcome.computed,
        )
        assert "MAJORITY_OWNER_REDUCED" in codes(result)

    @pytest.mark.parametrize(("weights", "counted"), [(5, 5), (5000, 3)])
    def test_proxy_cap_three_unless_ten_percent(self, weights: int, counted: int) -> None:
        """Art. 22: more than 3 delegations only if holder + givers <= 10 % of all voices."""
        owners = [("h", weights)] + [(f"g{i}", weights) for i in range(5)]
        owners += [("r1", 50_000), ("r2", 50_000)]
        s = copro(
            *owners,
            present=("h", "r1"),
            proxies=[Proxy(giver=f"g{i}", holder="h") for i in range(5)],
        )

        item = quorum.audit(s).items[0]

        assert counted == item.proxy_count


class TestSocietesAnonymes:
    def sa(self, rules: str, present: int, *, tally: Tally | None = None, **kw: object) -> Session:
        """100 shareholders of 10 shares each; the first ``present`` attend."""
        return Session(
            agenda=["1"],
            members=[Member(id=f"s{i}", name=f"S{i}", weight=10) for i in range(100)],
            attendance=[Stretch(member=f"s{i}") for i in range(present)],
            tallies=[tally] if tally else [],
            rules=rules,
            **kw,  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize(
        ("rules", "present", "reached"),
        [
            ("fr-sa-ago", 20, True),
            ("fr-sa-ago", 19, False),
            ("fr-sa-age", 25, True),
            ("fr-sa-age", 24, False),
        ],
    )
    def test_quorum_in_voting_shares(self, rules: str, present: int, reached: bool) -> None:
        """L225-98: 1/5 of the voting shares; L225-96: 1/4 on first call."""
        assert reached is quorum.audit(self.sa(rules, present)).items[0].quorum.reached

    def test_age_second_call_one_fifth(self) -> None:
        s = self.sa("fr-sa-age", 20, convocation=2)

        assert (True, Decimal(200)) == (
            quorum.audit(s).items[0].quorum.reached,
            Decimal(quorum.audit(s).items[0].quorum.required),  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize(
        ("rules", "outcome"),
        [
            ("fr-sa-age", "adopted"),
            ("fr-sa-age-2019", "rejected"),
        ],
    )
    def test_two_thirds_and_abstentions(self, rules: str, outcome: str) -> None:
        """Trap 18: 200 pour, 100 contre, 100 abstentions. Exactly 2/3 of the expressed votes
        passes since 2019; before, 2/3 of the voices present or represented was needed."""
        tally = Tally(item="1", pour=200, contre=100, abstention=100)

        assert outcome == quorum.audit(self.sa(rules, 40, tally=tally)).items[0].outcome.computed


class TestRobertsRules:
    def test_no_proxies_and_a_tie_loses(self) -> None:
        s = session(
            1,
            {"a": ALL, "b": ALL},
            absent=("c",),
            proxies=(("c", "a", None, None),),
            tallies=(Tally(item="1", pour=1, contre=1),),
            rules="roberts-rules",
        )

        result = quorum.audit(s)

        assert (0, "rejected") == (result.items[0].proxy_count, result.items[0].outcome.computed)
        assert ["PROXY_NOT_ALLOWED"] == codes(result)


class TestStatutes:
    def test_inline_statutes(self) -> None:
        """A body's own statutes: quorum of a third present or represented, two proxies."""
        statutes = {
            "base": "plain",
            "title": "Statuts de l'association",
            "quorum": {"fraction": "1/3", "strict": False, "represented": True},
            "proxies": {"per_holder": 2},
            "majority": {"fraction": "2/3", "strict": False},
        }
        s = session(
            1,
            {"a": ALL},
            absent=("b", "c", "d", "e", "f"),
            proxies=(("b", "a", None, None), ("c", "a", None, None), ("d", "a", None, None)),
            tallies=(Tally(item="1", pour=2, contre=1),),
            rules=statutes,
        )

        result = quorum.audit(s)
        item = result.items[0]

        assert ("Statuts de l'association", "the session's own statutes") == (
            result.rules.title,
            result.rules_reason,
        )
        assert (3, 2, True, "adopted") == (
            item.quorum.counted,
            item.quorum.required,
            item.quorum.reached,
            item.outcome.computed,
        )
        assert ["PROXY_LIMIT_EXCEEDED"] == codes(result)

    def test_bad_statutes_are_named(self) -> None:
        with pytest.raises(quorum.InvalidSessionError) as err:
            rules_from_dict({"base": "nope", "quorum": {"fraction": 0.5, "colour": "red"}})

        assert [
            "$.rules.base: unknown rule set 'nope'",
            '$.rules.quorum.fraction: a fraction is written as a string such as "1/3" or "0.1"',
            "$.rules.quorum.colour: unknown key 'colour'",
        ] == [str(p) for p in err.value.problems]


def test_every_rule_set_cites_its_sources() -> None:
    """`quorum rules` lists every rule set with its sources and dates."""
    for rule_set in RULE_SETS.values():
        assert rule_set.sources, rule_set.name
        assert rule_set.proxy_rule
        assert rule_set.majority.article


HEAD_QUORUM = sorted(n for n, r in RULE_SETS.items() if r.quorum and r.quorum.basis == "head")


@pytest.mark.parametrize("name", HEAD_QUORUM)
def test_quorum_threshold_is_exact_and_monotonic(name: str) -> None:
    """For every n: ``required(n)`` members reach quorum, one fewer do not, and the threshold
    never decreases as n grows (so adding present members never loses quorum)."""
    rule = RULE_SETS[name].quorum
    assert rule is not None
    previous = 0
    for n in range(1, 201):
        need = rule.required(n)
        assert need is not None
        assert rule.reached(need, n), (name, n)
        assert not rule.reached(need - 1, n), (name, n)
        assert need >= previous, (name, n)
        previous = int(need)


@given(
    name=st.sampled_from(sorted(RULE_SETS)),
    present=st.integers(0, 40),
    extra=st.integers(1, 5),
    in_office=st.integers(1, 45),
)
def test_adding_present_members_never_loses_quorum(
    name: str, present: int, extra: int, in_office: int
) -> None:
    """Through the whole audit: more members present never turns a reached quorum into a
    failed one, under every rule set."""

    def reached(count: int) -> bool:
        s = session(
            1,
            {f"p{i}": ALL for i in range(count)},
            absent=tuple(f"a{i}" for i in range(max(in_office - count, 0))),
            rules=name,
        )
        return quorum.audit(s).items[0].quorum.reached

    assert not reached(present) or reached(present + extra)
