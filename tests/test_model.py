"""A session is valid and frozen when it is built (issue 11, point 4): its rules are checked and
frozen at construction, and closed vocabularies are enums that accept their words."""

from __future__ import annotations

import pytest

import quorum
from quorum import InvalidSessionError, Member, Session, Stretch, Tally, Withdrawal
from quorum.model import CastingVote, Role, WithdrawalReason
from quorum.registry import Statutes
from quorum.rules import Outcome

MEMBERS = [Member(id="a", name="Ann A"), Member(id="b", name="Bob B")]


def build(**fields: object) -> Session:
    return Session(agenda=["1", "2"], members=MEMBERS, **fields)  # type: ignore[arg-type]


def paths(err: pytest.ExceptionInfo[InvalidSessionError]) -> list[str]:
    return [p.path for p in err.value.problems]


class TestRulesAtConstruction:
    def test_an_unknown_rule_set_name_raises_when_built(self) -> None:
        """Not at audit(): the session itself is invalid, at $.rules."""
        with pytest.raises(InvalidSessionError) as err:
            build(rules="no-such")

        assert ["$.rules"] == paths(err)
        assert "unknown rule set 'no-such' ('quorum rules' lists them)" == (
            err.value.problems[0].message
        )

    def test_statutes_on_an_unknown_base_raise_when_built(self) -> None:
        with pytest.raises(InvalidSessionError) as err:
            build(rules={"base": "nope"})

        assert ["$.rules.base"] == paths(err)

    def test_every_problem_of_the_statutes_is_reported_with_the_others(self) -> None:
        """The rules' problems come with the session's own, all at once."""
        with pytest.raises(InvalidSessionError) as err:
            build(
                rules={"quorum": {"fraction": "2", "colour": 1}, "weighted": "yes"},
                attendance=[Stretch(member="zed")],
            )

        assert {
            "$.rules.quorum.fraction",
            "$.rules.quorum.colour",
            "$.rules.weighted",
            "$.attendance[0].member",
        } == set(paths(err))

    def test_rules_of_another_type_raise(self) -> None:
        with pytest.raises(InvalidSessionError) as err:
            build(rules=3)

        assert ["$.rules"] == paths(err)

    def test_a_known_name_is_kept_as_it_is(self) -> None:
        assert "fr-epci" == build(rules="fr-epci").rules

    def test_the_statutes_mapping_is_frozen(self) -> None:
        """Changing the dict given afterwards changes neither the session nor its audit."""
        spec = {"base": "plain", "quorum": {"fraction": "1/3"}}
        session = build(rules=spec, attendance=[Stretch(member="a")])
        before = quorum.audit(session).item("1").quorum.required

        spec["quorum"]["fraction"] = "9/10"  # type: ignore[index]
        spec["base"] = "nope"

        assert isinstance(session.rules, Statutes)
        assert {"base": "plain", "quorum": {"fraction": "1/3"}} == session.rules.to_dict()
        assert before == quorum.audit(session).item("1").quorum.required == 1
        with pytest.raises(AttributeError):
            session.rules.written = ()  # type: ignore[misc]

    def test_statutes_are_resolved_into_their_rule_set_when_built(self) -> None:
        rules = build(rules={"base": "fr-municipal", "proxies": {"per_holder": 2}}).rules

        assert isinstance(rules, Statutes)
        assert rules.rule_set is not None
        assert 2 == rules.rule_set.proxies.per_holder
        assert "statutes" == rules.rule_set.name

    def test_equal_statutes_make_equal_sessions(self) -> None:
        a = build(rules={"base": "plain", "weighted": False})
        b = build(rules=Statutes({"base": "plain", "weighted": False}))

        assert a == b
        assert a != build(rules={"base": "plain", "weighted": True})

    def test_no_rules_still_chooses_by_body_and_date(self) -> None:
        result = quorum.audit(build(body="Conseil municipal de X"))

        assert "fr-municipal" == result.rules.name

    def test_a_statutes_problem_in_a_file_is_reported_once(self) -> None:
        doc = {"format": "quorum-session/1", "agenda": ["1"], "members": [{"id": "a"}],
               "rules": "fr-copro"}  # fmt: skip
        with pytest.raises(InvalidSessionError) as err:
            quorum.session_from_dict(doc)

        assert ["$.rules"] == paths(err)


class TestClosedVocabularies:
    def test_an_outcome_word_becomes_the_enum(self) -> None:
        t = Tally(item="1", outcome="adopted", casting_vote="contre")

        assert Outcome.ADOPTED is t.outcome
        assert CastingVote.CONTRE is t.casting_vote
        assert "adopted" == t.outcome  # a str: code comparing words keeps working

    def test_a_withdrawal_reason_and_a_role_become_enums(self) -> None:
        assert (
            WithdrawalReason.REPRESENTATIVE
            is Withdrawal(member="a", reason="representative").reason
        )
        assert WithdrawalReason.INTEREST is Withdrawal(member="a").reason
        assert Role.SUBSTITUTE is Member(id="s", name="S", role="substitute").role

    @pytest.mark.parametrize(
        ("fields", "path", "words"),
        [
            ({"tallies": [Tally(item="1", outcome="adopté")]}, "$.tallies[0].outcome",
             "must be 'adopted' or 'rejected', not 'adopté'"),
            ({"tallies": [Tally(item="1", casting_vote="yes")]}, "$.tallies[0].casting_vote",
             "must be 'pour' or 'contre', not 'yes'"),
            ({"withdrawals": [Withdrawal(member="a", reason="conflict")]},
             "$.withdrawals[0].reason", "must be 'interest' or 'representative', not 'conflict'"),
            ({"members": [Member(id="a", name="A", role="mayor")]}, "$.members[0].role",
             "role must be 'titular', 'substitute' or 'proxy_holder', not 'mayor'"),
        ],
    )  # fmt: skip
    def test_a_word_out_of_the_vocabulary_is_a_problem_at_its_path(
        self, fields: dict[str, object], path: str, words: str
    ) -> None:
        """A record never raises when built; the session does, naming the path."""
        with pytest.raises(InvalidSessionError) as err:
            Session(**{"agenda": ["1"], "members": MEMBERS, **fields})  # type: ignore[arg-type]

        assert [path] == paths(err)
        assert err.value.problems[0].message.startswith(words)

    def test_the_audit_compares_enum_and_word_outcomes_alike(self) -> None:
        """A reported outcome the tally contradicts is found whether given as a word or enum."""
        for outcome in ("rejected", Outcome.REJECTED):
            session = build(
                attendance=[Stretch(member="a"), Stretch(member="b")],
                tallies=[Tally(item="1", pour=2, contre=0, outcome=outcome)],
            )
            codes = [f.code for f in quorum.audit(session, "plain").findings]

            assert "OUTCOME_MISMATCH" in codes
