"""The second legal review (issue 9; legal-rules.md, "Corrections after a second legal review").

One class per point of the issue; each test names its article and the correction it covers, and
fails on the code before the review.
"""

from __future__ import annotations

import datetime
import io
import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quorum
from helpers import ALL, session
from quorum import Member, Proxy, Role, Session, Stretch, Tally, Withdrawal
from quorum.cli import run
from quorum.report import render_rules
from quorum.rules import decide
from quorum.rulesets import (
    RULE_SETS,
    assumption_for,
    first_close_after_2019,
    get_rules,
    rules_for,
)
from quorum.series import proxy_series
from quorum.sessionfile import session_from_dict, session_to_dict
from strategies import sessions

D = datetime.date


def codes(result: quorum.Audit) -> list[str]:
    return [f.code for f in result.findings]


def errors(result: quorum.Audit) -> list[str]:
    return [f.code for f in result.errors]


def council(
    body: str,
    date: D,
    present: int,
    absent: int,
    proxies: int = 0,
    tally: Tally | None = None,
    **kw: object,
) -> Session:
    """``present`` members p0.., ``absent`` members a0..; the first ``proxies`` absent members
    give their proxy to p0; the body and the date choose the rules."""
    return session(
        1,
        {f"p{i}": ALL for i in range(present)},
        absent=tuple(f"a{i}" for i in range(absent)),
        proxies=tuple((f"a{i}", "p0", None, None) for i in range(proxies)),
        tallies=(tally,) if tally else (),
        rules=None,
        body=body,
        date=date,
        **kw,
    )


class TestIssue1HealthEmergencyForDepartementsAndRegions:
    """Corrections 1: loi 2020-290 art. 10 derogates from L3121-14, L3121-16, L4132-13 and
    L4132-15 (and from 11 July 2020 L3121-14-1, L4132-13-1): one-third quorum, two delegations."""

    @pytest.mark.parametrize(
        ("body", "name"),
        [
            ("Conseil départemental du Doubs", "fr-departement-covid-p5"),
            ("Conseil régional de Bourgogne-Franche-Comté", "fr-region-covid-p5"),
        ],
    )
    def test_plenary_in_2021_third_and_two_delegations_L3121_14_L4132_13(
        self, body: str, name: str
    ) -> None:
        """34 in office, 12 present, one holder with two delegations: no error in March 2021
        (was QUORUM_NOT_REACHED and PROXY_LIMIT_EXCEEDED under the common-law rule set)."""
        s = council(body, D(2021, 3, 15), 12, 22, proxies=2, tally=Tally(item="1", pour=14))

        result = quorum.audit(s)
        item = result.items[0]

        assert name == result.rules.name
        assert (12, 12, True, 2, []) == (
            item.quorum.required,
            item.quorum.counted,
            item.quorum.reached,
            item.proxy_count,
            errors(result),
        )

    def test_commission_permanente_counts_present_only_L3121_14_1(self) -> None:
        """From 11 July 2020 the commission permanente's third is of members *present*
        (« présent »): its common-law « présente ou représentée » no longer applies."""
        s = council(
            "Commission permanente du conseil départemental", D(2021, 3, 15), 2, 7, proxies=2
        )

        result = quorum.audit(s)
        item = result.items[0]

        assert "fr-departement-cp-covid-p5" == result.rules.name
        assert (3, 2, 2) == (item.quorum.required, item.quorum.counted, item.proxy_count)
        assert ["QUORUM_NOT_REACHED"] == errors(result)

    @pytest.mark.parametrize(
        ("date", "name", "represented"),
        [(D(2020, 3, 30), "fr-region-cp-covid-p1", False),
         (D(2020, 5, 4), "fr-region-cp-covid-p2", True)],
    )  # fmt: skip
    def test_commission_permanente_in_spring_2020_loi_2020_290_art_10(
        self, date: D, name: str, represented: bool
    ) -> None:
        """The same periods as communes (issue 9, point 1): a third, present (« présents »,
        24 March 2020) or present or represented (ord. 2020-391), two delegations."""
        rules = rules_for(council("Commission permanente du conseil régional", date, 1, 1))[0]

        assert rules.quorum is not None
        assert (name, Fraction(1, 3), represented, 2) == (
            rules.name,
            rules.quorum.fraction,
            rules.quorum.represented,
            rules.proxies.per_holder,
        )

    def test_quorum_rules_lists_the_new_periods(self) -> None:
        """`quorum rules` lists every period for départements, régions and their commissions."""
        text = render_rules(RULE_SETS.values())

        for family in ("departement", "departement-cp", "region", "region-cp"):
            for period in ("p1", "p2", "p3", "p5", "p7"):
                assert f"fr-{family}-covid-{period} " in text
        assert "fr-region-covid-p7 from 2021-11-10 to 2022-07-31" in " ".join(text.split())


class TestIssue2PeriodBoundaries:
    """Corrections 2: loi 2021-1465 from 10 November 2021 (DGCL reading), loi 2020-1379 from
    15 November 2020; the finding naming the rule set says where the boundary is disputed."""

    @pytest.mark.parametrize(
        ("date", "name"),
        [
            (D(2020, 11, 14), "fr-municipal"),
            (D(2020, 11, 15), "fr-municipal-covid-p5"),
            (D(2021, 11, 9), "fr-municipal"),
            (D(2021, 11, 10), "fr-municipal-covid-p7"),
        ],
    )
    def test_start_days_loi_2020_1379_art_6_loi_2021_1465_art_10(self, date: D, name: str) -> None:
        assert name == rules_for(council("Conseil municipal", date, 1, 0))[0].name

    @pytest.mark.parametrize(
        ("date", "disputed"),
        [
            (D(2020, 11, 15), True),
            (D(2020, 11, 16), False),
            (D(2021, 11, 10), True),
            (D(2021, 11, 11), True),
            (D(2021, 11, 12), False),
        ],
    )
    def test_disputed_days_are_named(self, date: D, disputed: bool) -> None:
        s = council("Conseil municipal", date, 9, 0)

        result = quorum.audit(s)
        assumed = next(f for f in result.findings if f.code == "RULES_ASSUMED")

        assert disputed is (assumption_for(s) is not None)
        assert disputed is ("disputed" in assumed.message)
        if disputed:
            assert assumed.message.endswith("under fr-municipal the audit gives the same results")

    def test_the_report_says_when_the_outcome_depends_on_the_boundary(self) -> None:
        """10 November 2021, 4 present of 9: a third is reached, a majority would not be."""
        result = quorum.audit(council("Conseil municipal", D(2021, 11, 10), 4, 5))
        assumed = next(f for f in result.findings if f.code == "RULES_ASSUMED")

        assert (True, quorum.Verdict.VALID) == (result.items[0].quorum.reached, result.verdict)
        assert "RESULT_DEPENDS_ON_RULE" in codes(result)
        assert "under fr-municipal the result differs at item 1" in assumed.message

    def test_no_error_rests_on_a_disputed_boundary(self) -> None:
        """15 November 2020: minutes counting one proxy of a holder who carries two (as the
        common law would) are not accused: the mismatch is only under the assumed period."""
        s = council("Conseil municipal", D(2020, 11, 15), 5, 4, proxies=2,
                    tally=Tally(item="1", pour=6))  # fmt: skip

        result = quorum.audit(s)
        mismatch = next(f for f in result.findings if f.code == "TALLY_MISMATCH")

        assert [] == errors(result)
        assert mismatch.severity is quorum.Severity.WARNING
        assert "only under fr-municipal-covid-p5" in mismatch.message

    @pytest.mark.parametrize(
        ("reading", "name"),
        [(quorum.Reading(), "fr-municipal-covid-p7"), (None, "fr-municipal")],
    )
    def test_minutes_name_the_body_and_the_date_picks_the_period(
        self, reading: quorum.Reading | None, name: str
    ) -> None:
        """Minutes read as those of a municipal council ("rules": "fr-municipal" from the
        reader) on 21 January 2022 sit under loi 2021-1465 art. 10: two proxies per holder; a
        session written by hand that names fr-municipal keeps it."""
        s = attrs.evolve(
            council("Conseil municipal", D(2022, 1, 21), 4, 2, proxies=2,
                    tally=Tally(item="1", pour=6)),
            rules="fr-municipal",
            reading=reading,
        )  # fmt: skip

        result = quorum.audit(s)

        assert name == result.rules.name
        assert (reading is not None) is ("RULES_ASSUMED" in codes(result))
        assert (reading is None) is ("PROXY_LIMIT_EXCEEDED" in codes(result))


class TestIssue3CompteAdministratif:
    """Corrections 3: CGCT L1612-12 al. 2: arrêté « si une majorité des voix ne s'est pas
    dégagée contre son adoption »."""

    def test_everyone_abstaining_adopts_L1612_12(self) -> None:
        tally = Tally(item="1", pour=0, contre=0, abstention=3, majority="compte-administratif")

        result = quorum.audit(session(1, dict.fromkeys("abc", ALL), tallies=(tally,)))

        assert ("adopted", []) == (result.items[0].outcome.computed, codes(result))

    def test_tie_in_a_secret_ballot_adopts_and_a_majority_against_rejects_L1612_12(self) -> None:
        tie = Tally(item="1", pour=1, contre=1, abstention=1, majority="compte-administratif",
                    secret=True)  # fmt: skip
        against = Tally(item="2", pour=1, contre=2, majority="compte-administratif")
        s = session(2, dict.fromkeys("abc", ALL), tallies=(tie, against))

        result = quorum.audit(s)

        assert ["adopted", "rejected"] == [i.outcome.computed for i in result.items]


class TestIssue4Loi3DS:
    """Corrections 7: the L1111-6 rule (representatives leave the members in office) applies to
    sessions from 23 February 2022, when loi 2022-217 (3DS) came into force."""

    @pytest.mark.parametrize(
        ("date", "required", "note"),
        [(D(2022, 2, 22), 62, True), (D(2022, 2, 23), 60, False)],
    )
    def test_representatives_leave_office_only_from_3ds_L1111_6(
        self, date: D, required: int, note: bool
    ) -> None:
        s = session(
            1,
            {f"m{i}": ALL for i in range(61)},
            absent=tuple(f"a{i}" for i in range(62)),
            rules="fr-epci",
            date=date,
            members_in_office=123,
            withdrawals=[Withdrawal(member=f"m{i}", reason="representative") for i in range(5)],
        )

        result = quorum.audit(s)

        assert required == result.items[0].quorum.required
        assert note is ("REPRESENTATIVES_STAY_IN_OFFICE" in codes(result))


def company(
    date: D | None,
    tally: Tally,
    *,
    fye: str | None = None,
    body: str = "Assemblée générale extraordinaire des actionnaires",
    **kw: object,
) -> Session:
    """40 shareholders of 10 shares present out of 100: quorum of an AGE is reached."""
    return Session(
        agenda=["1"],
        members=[Member(id=f"s{i}", name=f"S{i}", weight=10) for i in range(100)],
        attendance=[Stretch(member=f"s{i}") for i in range(40)],
        tallies=[tally],
        body=body,
        date=date,
        **({"financial_year_end": fye} if fye else {}),
        **kw,  # type: ignore[arg-type]
    )


SPLIT = Tally(item="1", pour=200, contre=100, abstention=100)
"""Exactly two thirds of the votes expressed, half of the voices present: the two countings
disagree (L225-96)."""


class TestIssue5SocietesAnonymesLoi2019_744:
    """Corrections 5: loi 2019-744 art. 16 II: the new counting applies from the meetings that
    approve the first financial year closed after 19 July 2019."""

    @pytest.mark.parametrize(
        ("fye", "name", "outcome"),
        [
            ("12-31", "fr-sa-age-2019", "rejected"),  # closes 2019-12-31, after the meeting
            ("06-30", "fr-sa-age-2019", "rejected"),  # closes 2020-06-30
            ("07-31", "fr-sa-age", "adopted"),  # closed 2019-07-31, approved by the autumn
        ],
    )
    def test_age_15_october_2019_by_financial_year_end_art_16_II(
        self, fye: str, name: str, outcome: str
    ) -> None:
        """The review's case: an AGE on 15 October 2019 of a calendar-year company is
        rejected (abstentions still count against), not adopted."""
        result = quorum.audit(company(D(2019, 10, 15), SPLIT, fye=fye))

        assert (name, outcome) == (result.rules.name, result.items[0].outcome.computed)

    def test_missing_year_end_says_which_rule_and_whether_it_matters_art_16_II(self) -> None:
        result = quorum.audit(company(D(2019, 10, 15), SPLIT))
        assumed = next(f for f in result.findings if f.code == "RULES_ASSUMED")

        assert ("fr-sa-age-2019", "rejected") == (
            result.rules.name,
            result.items[0].outcome.computed,
        )
        assert "assumed: the session gives no financial_year_end" in assumed.message
        depends = next(f for f in result.findings if f.code == "RESULT_DEPENDS_ON_RULE")
        assert "loi 2019-744 art. 16 II" == depends.rule
        assert "under fr-sa-age the result differs at item 1" in assumed.message
        assert "RESULT_DEPENDS_ON_RULE" in codes(result)

    def test_an_outcome_the_other_year_end_explains_is_no_error_art_16_II(self) -> None:
        """Minutes reporting 'adopted' are right for a company closing on 30 September: with
        no year end given, the mismatch under the assumed 31 December is a warning."""
        tally = Tally(item="1", pour=200, contre=100, abstention=100, outcome="adopted")

        result = quorum.audit(company(D(2019, 10, 15), tally))

        assert [] == errors(result)
        assert "OUTCOME_MISMATCH" in codes(result)

    def test_settled_dates_need_no_year_end(self) -> None:
        """Before 21 July 2019 and after 19 January 2021 every company is settled."""
        before = quorum.audit(company(D(2019, 6, 1), SPLIT))
        after = quorum.audit(company(D(2021, 6, 1), SPLIT))

        assert ("fr-sa-age-2019", "fr-sa-age") == (before.rules.name, after.rules.name)
        assert "RESULT_DEPENDS_ON_RULE" not in codes(before) + codes(after)

    def test_financial_year_end_in_the_session_file(self) -> None:
        doc = session_to_dict(company(D(2019, 10, 15), SPLIT, fye="09-30"))

        assert "09-30" == doc["financial_year_end"]
        assert "09-30" == session_from_dict(doc).financial_year_end
        with pytest.raises(quorum.InvalidSessionError) as bad:
            session_from_dict({**doc, "financial_year_end": "31/12"})
        assert "$.financial_year_end" in str(bad.value)


class TestIssue6SharesAndVotes:
    """Corrections 6: quorum in shares with voting rights (L225-96, L225-98), majorities in
    votes; double voting rights (L225-123) make them differ."""

    def meeting(self, tally: Tally, rules: str = "fr-sa-ago") -> Session:
        return Session(
            agenda=["1"],
            members=[
                Member(id="a", name="A", weight=10, votes=20),  # double voting rights
                Member(id="b", name="B", weight=15),
                Member(id="c", name="C", weight=25, votes=50),
            ],
            attendance=[Stretch(member="a"), Stretch(member="b")],
            tallies=[tally],
            rules=rules,
        )

    def test_quorum_in_shares_majority_in_votes_L225_98_L225_123(self) -> None:
        """Shares present 25 of 50 (quorum 1/5 = 10); votes present 35: the tally of 35 votes
        adds up, and 20 pour against 15 contre adopts."""
        result = quorum.audit(self.meeting(Tally(item="1", pour=20, contre=15)))
        item = result.items[0]

        assert (25, 10, True, 35, True, "adopted") == (
            item.quorum.counted,
            item.quorum.required,
            item.quorum.reached,
            item.vote_weight,
            item.tally.consistent,
            item.outcome.computed,
        )
        assert [] == errors(result)

    def test_age_two_thirds_in_votes_L225_96(self) -> None:
        """20 of 35 votes is less than two thirds: rejected (in shares it would be 10 of 25)."""
        item = quorum.audit(self.meeting(Tally(item="1", pour=20, contre=15), "fr-sa-age"))

        assert "rejected" == item.items[0].outcome.computed

    def test_votes_in_the_session_file(self) -> None:
        s = self.meeting(Tally(item="1", pour=20, contre=15))
        doc = session_to_dict(s)

        assert [20, None, 50] == [m.get("votes") for m in doc["members"]]
        assert s == session_from_dict(json.loads(json.dumps(doc)))
        with pytest.raises(quorum.InvalidSessionError, match=r"members\[0\]\.votes"):
            session_from_dict({**doc, "members": [{"id": "a", "votes": -1}]})


def copro(*owners: tuple[str, int], present: tuple[str, ...], **kw: object) -> Session:
    return Session(
        agenda=["1"],
        members=[Member(id=o, name=o.upper(), weight=w) for o, w in owners],
        attendance=[Stretch(member=o) for o in present],
        rules="fr-copropriete",
        **kw,  # type: ignore[arg-type]
    )


class TestIssue7Copropriete:
    """Corrections 8: loi 65-557 art. 26-1 and the non-owner proxy holder of art. 22."""

    ten = tuple((f"o{i}", 100) for i in range(10))

    @pytest.mark.parametrize(("pour_members", "possible"), [(3, True), (2, False)])
    def test_art_26_1_second_vote_at_the_art_25_majority(
        self, pour_members: int, possible: bool
    ) -> None:
        """Art. 26 fails (400 of 1000); 3 of the 6 present hold 400 >= a third of all voices."""
        tally = Tally(item="1", pour=400, contre=200, majority="art26", pour_members=pour_members)
        s = copro(*self.ten, present=tuple(f"o{i}" for i in range(6)), tallies=[tally])

        result = quorum.audit(s)
        fallback = [f for f in result.findings if f.code == "FALLBACK_VOTE_POSSIBLE"]

        assert "rejected" == result.items[0].outcome.computed
        assert possible is bool(fallback)
        if possible:
            assert "second vote at the art. 25 majority" in fallback[0].message

    def test_non_owner_proxy_holder_art_22(self) -> None:
        """A mandataire who is not a copropriétaire carries two proxies: he is in no head count
        and has no voices of his own; his givers' voices count."""
        owners = [Member(id=o, name=o.upper(), weight=w) for o, w in self.ten]
        s = Session(
            agenda=["1"],
            members=[*owners, Member(id="m", name="Me Martin", role=Role.PROXY_HOLDER)],
            attendance=[Stretch(member=x) for x in ("o0", "o1", "o2", "m")],
            proxies=[Proxy(giver="o3", holder="m"), Proxy(giver="o4", holder="m")],
            tallies=[Tally(item="1", pour=500, contre=0, majority="art26", pour_members=5)],
            rules="fr-copropriete",
        )

        result = quorum.audit(s)
        item = result.items[0]

        assert (10, 1000, 3, 2, 500, True) == (
            s.in_office,
            result.items[0]._counts.total_weight,
            item.present_count,
            item.proxy_count,
            item.vote_weight,
            item.tally.consistent,
        )
        assert "m" not in [x.id for x in item.present]
        assert "rejected" == item.outcome.computed  # 500 < 2/3 of 1000
        assert [] == errors(result)

    def test_a_council_proxy_needs_a_member_holder_L2121_20(self) -> None:
        s = Session(
            agenda=["1"],
            members=[Member(id="a", name="A"), Member(id="g", name="G"),
                     Member(id="x", name="X", role=Role.PROXY_HOLDER)],
            attendance=[Stretch(member="a"), Stretch(member="x")],
            proxies=[Proxy(giver="g", holder="x")],
            rules="fr-municipal",
        )  # fmt: skip

        result = quorum.audit(s)

        assert (0, 1) == (result.items[0].proxy_count, result.items[0].present_count)
        assert "PROXY_HOLDER_NOT_MEMBER" in codes(result)

    def test_a_non_member_gives_no_proxy(self) -> None:
        with pytest.raises(quorum.InvalidSessionError, match="not a member"):
            Session(
                agenda=["1"],
                members=[Member(id="a", name="A"), Member(id="x", name="X",
                                                          role=Role.PROXY_HOLDER)],
                proxies=[Proxy(giver="x", holder="a")],
            )  # fmt: skip


class TestIssue8RobertsRulesBallots:
    """Corrections 9: RONR 12th ed. 45:32-33: illegal (null) ballots count in the total the
    majority is computed on; blank ballots do not."""

    @pytest.mark.parametrize(
        ("null", "blank", "outcome"),
        [(3, 2, "rejected"), (0, 5, "adopted")],
    )
    def test_null_ballots_count_blank_do_not_RONR_45_32(
        self, null: int, blank: int, outcome: str
    ) -> None:
        """10 for, 8 against: with 3 illegal ballots the majority of 21 is 11: lost; with 5
        blank ballots it is 10 of 18: carried."""
        tally = Tally(item="1", pour=10, contre=8, null=null, blank=blank, secret=True)
        s = session(1, {f"m{i}": ALL for i in range(23)}, tallies=(tally,),
                    rules="roberts-rules")  # fmt: skip

        item = quorum.audit(s).items[0]

        assert (outcome, True) == (item.outcome.computed, item.tally.consistent)

    def test_nuls_and_blancs_apart_in_the_session_file(self) -> None:
        s = session(1, {"a": ALL}, tallies=(Tally(item="1", pour=1, null=2, blank=3),))
        doc = session_to_dict(s)

        assert (2, 3) == (doc["tallies"][0]["null"], doc["tallies"][0]["blank"])
        assert s == session_from_dict(doc)
        plain = session_to_dict(session(1, {"a": ALL}, tallies=(Tally(item="1", pour=1),)))
        assert "null" not in plain["tallies"][0]  # written only when counted apart


class TestIssue9SubstituteHoldingAProxy:
    """Corrections 4: RM JOAN QE 49337: « rien ne s'oppose » to a suppléant holding a proxy."""

    def test_counted_without_warning_L5211_6_QE_49337(self) -> None:
        s = session(
            1,
            {"s": ALL, "h": ALL, "k": ALL},
            absent=("t", "g"),
            substitutes={"s": "t"},
            proxies=(("g", "s", None, None),),
            tallies=(Tally(item="1", pour=4),),
            rules="fr-epci",
        )

        result = quorum.audit(s)

        assert (1, [], True) == (
            result.items[0].proxy_count,
            [f.code for f in result.findings],
            result.items[0].tally.consistent,
        )


def municipal(date: D, holder: str = "h") -> Session:
    return session(
        1,
        {"a": ALL, "b": ALL, "h": ALL, "k": ALL},
        absent=("g",),
        proxies=(("g", holder, None, None),),
        body="Conseil municipal de Pouilly",
        date=date,
    )


class TestIssue10ProxyOverThreeSessions:
    """Corrections 10: CGCT L2121-20: a proxy is valid for at most three consecutive sessions,
    « sauf cas de maladie dûment constatée »; seen when several sessions are checked together."""

    dates = (D(2024, 1, 10), D(2024, 2, 14), D(2024, 3, 13), D(2024, 4, 10))

    def series(self, *sessions: Session) -> list[quorum.Finding]:
        return proxy_series((s, quorum.audit(s).rules) for s in sessions)

    def test_fourth_consecutive_session_warns_L2121_20(self) -> None:
        found = self.series(*(municipal(d) for d in reversed(self.dates)))

        assert 1 == len(found)
        f = found[0]
        assert ("PROXY_SESSIONS_EXCEEDED", quorum.Severity.WARNING, ("g", "h")) == (
            f.code,
            f.severity,
            f.members,
        )
        assert "maladie dûment constatée" in f.message
        assert "from the session of 2024-04-10" in f.message

    def test_three_sessions_or_a_new_holder_are_fine_L2121_20(self) -> None:
        """Three to one colleague, then one to another, is allowed (legal-rules §2.2)."""
        three = self.series(*(municipal(d) for d in self.dates[:3]))
        switched = self.series(*(municipal(d) for d in self.dates[:3]),
                               municipal(self.dates[3], holder="k"))  # fmt: skip
        other_bodies = self.series(
            *(attrs_body(municipal(d), f"Conseil municipal {i}") for i, d in enumerate(self.dates))
        )

        assert ([], [], []) == (three, switched, other_bodies)

    def test_quorum_check_of_several_files_L2121_20(self, tmp_path: Path) -> None:
        names = []
        for d in self.dates:
            path = tmp_path / f"{d}.session.json"
            path.write_text(json.dumps(session_to_dict(municipal(d))), "utf-8")
            names.append(str(path))
        out, err = io.StringIO(), io.StringIO()

        status = run(["check", *names], stdout=out, stderr=err)

        assert 0 == status, err.getvalue()
        assert "WARNING  PROXY_SESSIONS_EXCEEDED: G gave a proxy to H at 4 consecutive" in (
            out.getvalue()
        )


def attrs_body(s: Session, body: str) -> Session:
    return attrs.evolve(s, body=body)


def test_rule_sets_name_their_new_parameters() -> None:
    """docs and `quorum rules`: the L1111-6 date, the SA year end, the disputed starts."""
    text = render_rules(RULE_SETS.values())

    assert "23 Feb 2022" in text
    assert "financial_year_end" in text
    assert "The start of this period is disputed" in text
    assert get_rules("fr-municipal").representatives_since == D(2022, 2, 23)


def test_cantal_departement_in_april_2020_L3121_14() -> None:
    """The fixture cantal-cd-2020-04-24 (a département's plenary under ord. 2020-391): 30 in
    office, 28 present, 1 proxy: quorum is a third present or represented (10), not 16."""
    s = council("Conseil départemental du Cantal", D(2020, 4, 24), 28, 2, proxies=1)

    result = quorum.audit(s)
    item = result.items[0]

    assert "fr-departement-covid-p2" == result.rules.name
    assert (10, 29, True) == (item.quorum.required, item.quorum.counted, item.quorum.reached)


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50), st.booleans())
def test_compte_administratif_adopted_unless_a_majority_against_L1612_12(
    pour: int, contre: int, abstention: int, secret: bool
) -> None:
    """Property: arrêté iff contre is not more than half of pour + contre (nobody voting
    included), whatever the abstentions and the mode of voting."""
    majority = get_rules("fr-municipal").majority_named("compte-administratif")
    assert majority is not None

    outcome = decide(
        majority,
        {"pour": pour, "contre": contre, "abstention": abstention},
        cast=0, total=0, members=0, secret=secret, casting_vote=None,
    ).outcome  # fmt: skip

    assert outcome == ("rejected" if contre > pour else "adopted")


_MONTH_DAYS = st.dates(D(2000, 1, 1), D(2000, 12, 31)).map(lambda d: f"{d:%m-%d}")


@settings(max_examples=60, deadline=None)
@given(st.dates(D(2019, 1, 1), D(2021, 12, 31)), st.one_of(st.none(), _MONTH_DAYS))
def test_sa_counting_follows_the_first_close_art_16_II(date: D, fye: str | None) -> None:
    """Property (loi 2019-744 art. 16 II): the old counting exactly up to the first financial
    year closed after 19 July 2019 (31 December when none is given), never before 21 July 2019
    the new one; and no error rests on the assumption: every error is one the other reading
    finds too."""
    s = company(date, SPLIT, fye=fye)
    close = first_close_after_2019(fye or "12-31")

    result = quorum.audit(s)
    old = result.rules.name == "fr-sa-age-2019"

    assert old is (date < D(2019, 7, 21) or (date <= close and date <= D(2021, 1, 19)))
    other = assumption_for(s)
    if other is not None:
        theirs = quorum.audit(s, other[0])
        assert {(f.code, f.items) for f in result.errors} <= {
            (f.code, f.items) for f in theirs.errors
        }


@given(st.lists(st.booleans(), min_size=1, max_size=9))
def test_proxy_series_against_brute_force_L2121_20(used: list[bool]) -> None:
    """Property: a warning iff some window of four consecutive sessions all carry the proxy."""
    dates = [D(2024, 1, 1) + datetime.timedelta(days=7 * i) for i in range(len(used))]
    sessions = [municipal(d, holder="h" if u else "k") for d, u in zip(dates, used, strict=True)]

    found = proxy_series((s, get_rules("fr-municipal")) for s in sessions)

    expected = any(all(used[i : i + 4]) for i in range(len(used) - 3))
    assert expected is any(f.members == ("g", "h") for f in found)


@settings(max_examples=60, deadline=None)
@given(sessions())
def test_votes_equal_to_weights_change_nothing_L225_98(s: Session) -> None:
    """Property (corrections 6): a session with one weight per member is audited as before;
    giving every member ``votes`` equal to his weight changes no count, check or finding."""
    both = attrs.evolve(s, members=[attrs.evolve(m, votes=m.weight) for m in s.members])

    one, two = quorum.audit(s), quorum.audit(both)

    assert [f.message for f in one.findings] == [f.message for f in two.findings]
    assert [(i.quorum, i.tally.consistent, i.outcome, i.vote_weight) for i in one.items] == [
        (i.quorum, i.tally.consistent, i.outcome, i.vote_weight) for i in two.items
    ]
