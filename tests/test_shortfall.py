"""A tally short of the voters by no more than the usable proxies is a warning, not an error."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quorum.audit import audit
from quorum.model import Member, Proxy, Session, Stretch, Tally
from quorum.shortfall import short_by_proxies


def _session(pour: int, proxies: int, present: int = 5) -> Session:
    names = [f"m{i}" for i in range(present + proxies)]
    return Session(
        agenda=("1",),
        members=tuple(Member(id=n, name=n.upper()) for n in names),
        attendance=tuple(Stretch(member=n) for n in names[:present]),
        proxies=tuple(Proxy(giver=names[present + k], holder=names[k]) for k in range(proxies)),
        tallies=(Tally(item="1", pour=pour),),
    )


def _codes(s: Session) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value) for f in audit(s).findings if "TALLY" in f.code]


def test_a_shortfall_within_the_proxies_is_a_warning_with_the_numbers() -> None:
    result = audit(_session(pour=6, proxies=2))  # 7 voters
    (finding,) = [f for f in result.findings if "TALLY" in f.code]
    assert (finding.code, finding.severity.value) == ("TALLY_PROXY_UNUSED", "warning")
    assert "adds up to 6" in finding.message
    assert "shortfall (1)" in finding.message
    assert finding.rule is not None
    assert not result.errors


def test_votes_of_the_present_members_only_are_a_warning() -> None:
    assert _codes(_session(pour=5, proxies=2)) == [("TALLY_PROXY_UNUSED", "warning")]


def test_more_votes_than_voters_stay_an_error() -> None:
    assert _codes(_session(pour=8, proxies=2)) == [("TALLY_MISMATCH", "error")]


def test_a_shortfall_beyond_the_proxies_stays_an_error() -> None:
    assert _codes(_session(pour=4, proxies=2)) == [("TALLY_MISMATCH", "error")]
    assert _codes(_session(pour=4, proxies=0)) == [("TALLY_MISMATCH", "error")]


def test_a_tally_that_adds_up_has_no_finding() -> None:
    assert _codes(_session(pour=7, proxies=2)) == []


@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 20))
def test_short_by_proxies_is_a_shortfall_of_one_to_proxies(
    reported: int, basis: int, proxies: int
) -> None:
    assert short_by_proxies(reported, basis, proxies) == (
        reported < basis and basis - reported <= proxies
    )
