"""`quorum explain`: the derivation of one item's numbers, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quorum
from helpers import ALL, session
from quorum import Member, Proxy, Session, Stretch, Tally, Withdrawal
from quorum.cli import run
from quorum.counting import ProxyStatus
from quorum.explain import REASONS, explain, explanation_dict, render_explanation
from quorum.findings import Message

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "tests" / "data" / "grand-besancon-2026-01-29.txt"
COUTHENANS = ROOT / "tests" / "data" / "couthenans-cm-2022-10-07.txt"


@pytest.fixture(scope="module")
def besancon() -> quorum.Audit:
    return quorum.audit(quorum.read_session(MINUTES))


def section(text: str, title: str) -> list[str]:
    """The indented lines under a heading line that starts with ``title``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    out = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        out.append(line.strip())
    return out


def test_item_19_present_proxies_and_pour_100(capsys: pytest.CaptureFixture[str]) -> None:
    """The Done-when of issue 4: 79 present, 21 usable proxies, 79 + 21 = 100 = "Pour : 100"."""
    status = run(["explain", str(MINUTES), "19"])
    out = capsys.readouterr().out

    assert 0 == status
    assert out.startswith("Item 19 (position 19 of 37 in the order of passage)\n")
    present = section(out, "Present: 79")
    assert 79 == len(present)
    assert "Florence NUNNINGER-PARIZOT (Boussières, substitute)" in present
    assert "Myriam LEMERCIER (Besançon)" not in present  # left after item 18
    proxies = section(out, "Usable proxies: 21")
    assert 21 == len(proxies)
    assert "Myriam LEMERCIER -> Guillaume BAILLY" in proxies
    assert "Hasni ALEM -> André TERZO" in proxies
    assert [
        "Guillaume BAILLY -> Myriam LEMERCIER: not in force at this item (in force until item 5)",
        "François BOUSSO -> Nathan SOURISSEAU: not in force at this item (in force until item 5)",
        "Juliette SORLIN -> Frédérique BAEHR: not in force at this item (in force until item 5)",
        "Gilles SPICHER -> Aurélien LAROPPE: not in force at this item (in force until item 5)",
        "Sylvie WANLIN -> Julie CHETTOUH: not in force at this item (in force from item 30)",
    ] == section(out, "Proxies not counted at this item: 5")
    assert [
        "required: more than half of the 123 members in office: 123 // 2 + 1 = 62",
        "counted: 79 present (proxies do not count) >= 62: reached",
    ] == section(out, "Quorum (CGCT art. L2121-17 (through L5211-1))")
    tally = section(out, "Tally (CGCT art. L2121-20 (through L5211-1))")
    assert "voters: 79 present + 21 usable proxies = 100" == tally[0]
    assert (
        '79 + 21 = 100 = the reported "Pour : 100" (Contre : 0, Abstention : 0, '
        "Conseiller intéressé : 0): consistent"
    ) == tally[1]
    assert "CGCT art. L5211-6" in section(out, "Rules cited:")


def test_item_3_holder_absent_is_the_finding(besancon: quorum.Audit) -> None:
    """Claude VARET's proxy is not counted at item 3: its holder arrives at item 6."""
    e = explain(besancon, "3")
    varet = next(p for p in e.proxies if p.giver.name == "Claude VARET")

    assert (False, "PROXY_HOLDER_ABSENT") == (
        varet.counted,
        varet.finding.code if varet.finding else None,
    )
    assert "the holder is absent: the giver's vote is lost" == varet.reason
    assert 69 + 21 == e.item.voters == len(e.present) + len(e.counted_proxies)


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the same derivation as data."""
    status = run(["explain", str(MINUTES), "19", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)

    assert 0 == status
    assert ("quorum-explain/1", "19", 79, 21, 100) == (
        doc["format"],
        doc["item"],
        doc["present_count"],
        doc["proxy_count"],
        doc["voters"],
    )
    assert 79 == len(doc["present"])
    counted = [p for p in doc["proxies"] if p["counted"]]
    assert 21 == len(counted)
    assert {"Myriam LEMERCIER"} == {
        p["giver"]["name"] for p in counted if p["holder"]["name"] == "Guillaume BAILLY"
    }
    assert {"required": 62, "counted": 79, "reached": True, "members_in_office": 123} == {
        k: doc["quorum"][k] for k in ("required", "counted", "reached", "members_in_office")
    }
    assert 100 == doc["tally"]["reported"]["pour"]
    assert doc["tally"]["consistent"] is True


def test_unknown_item_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["explain", str(MINUTES), "99"])
    captured = capsys.readouterr()

    assert 2 == status
    assert "" == captured.out
    assert captured.err.startswith(f"{MINUTES}: item '99' is not on the agenda; give one of")
    assert captured.err.endswith(
        ": 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, "
        "19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, "
        "35, 36, 37\n"
    )


def test_mismatch_shows_the_failing_sum_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Couthenans 2022, item 2: 11 present, the minutes count 13 votes."""
    status = run(["explain", str(COUTHENANS), "2"])
    out = capsys.readouterr().out

    assert 1 == status
    assert (
        '11 + 0 = 11 != the reported "Pour : 11" + "Abstention : 2" = 13: does NOT add up'
        in section(out, "Tally")
    )
    assert 'source: line 16: "11 votes pour 2 abstentions"' in section(out, "Tally")


class TestReasons:
    """Each way a proxy can fail to count, with the finding that says so."""

    def reasons(self, s: Session, label: str = "1") -> dict[tuple[str, str], tuple[str, str]]:
        e = explain(quorum.audit(s), label)
        return {
            (p.giver.id, p.holder.id): (p.reason or "", p.finding.code if p.finding else "")
            for p in e.other_proxies
        }

    def test_giver_present(self) -> None:
        s = session(1, {"g": ALL, "h": ALL}, proxies=(("g", "h", None, None),))

        assert {
            ("g", "h"): ("the giver is present: he votes himself, once", "PROXY_GIVER_PRESENT")
        } == self.reasons(s)

    def test_holder_limit(self) -> None:
        s = session(
            1,
            {"h": ALL},
            absent=("g1", "g2"),
            proxies=(("g1", "h", None, None), ("g2", "h", None, None)),
        )

        assert {
            ("g2", "h"): (
                "the holder already carries the proxies the rules allow (from G1)",
                "PROXY_LIMIT_EXCEEDED",
            )
        } == self.reasons(s)

    def test_giver_with_two_proxies(self) -> None:
        s = session(
            1,
            {"h1": ALL, "h2": ALL},
            absent=("g",),
            proxies=(("g", "h1", None, None), ("g", "h2", None, None)),
        )

        assert {
            ("g", "h2"): (
                "the giver's other proxy (to H1) is counted: a voice is cast once",
                "GIVER_MULTIPLE_PROXIES",
            )
        } == self.reasons(s)

    def test_substitutes(self) -> None:
        """A substitute gives a proxy; a titular's substitute sits while his proxy is in force;
        a substitute sits beside his titular and is not counted."""
        s = session(
            1,
            {"h": ALL, "s1": ALL, "t2": ALL, "s2": ALL},
            absent=("t1",),
            substitutes={"s1": "t1", "s2": "t2", "s3": None},
            proxies=(("t1", "h", None, None), ("s3", "h", None, None)),
            rules="fr-epci",
        )
        e = explain(quorum.audit(s), "1")

        assert {
            ("t1", "h"): (
                "the giver's substitute sits: the seat votes once",
                "SUBSTITUTE_AND_PROXY",
            ),
            ("s3", "h"): (
                "the giver is a substitute: only a titular can give a proxy",
                "PROXY_FROM_SUBSTITUTE",
            ),
        } == self.reasons(s)
        assert [("s2", "SUBSTITUTE_WITH_TITULAR")] == [(m.id, f.code) for m, f in e.not_counted]
        assert "Listed present but not counted: 1\n  S2: SUBSTITUTE_WITH_TITULAR\n" in (
            render_explanation(e)
        )

    def test_giver_withdrawn(self) -> None:
        """Issue 11: explain said "the holder already carries the proxies the rules allow
        (from )" for a withdrawn giver."""
        s = session(
            1,
            {"h": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None),),
            withdrawals=[Withdrawal(member="g")],
        )

        assert {
            ("g", "h"): (
                "the giver takes no part in this item (withdrawn): his proxy cannot be used "
                "either",
                "PROXY_GIVER_WITHDRAWN",
            )
        } == self.reasons(s)

    def test_holder_withdrawn(self) -> None:
        s = session(
            1,
            {"h": ALL, "x": ALL},
            absent=("g",),
            proxies=(("g", "h", None, None),),
            withdrawals=[Withdrawal(member="h")],
        )

        assert {
            ("g", "h"): (
                "the holder takes no part in this item (withdrawn): he cannot cast the giver's "
                "vote, which is lost",
                "PROXY_HOLDER_WITHDRAWN",
            )
        } == self.reasons(s)

    def test_proxies_not_allowed(self) -> None:
        s = session(
            1, {"h": ALL}, absent=("g",), proxies=(("g", "h", None, None),), rules="roberts-rules"
        )
        e = explain(quorum.audit(s), "1")

        assert {("g", "h"): ("the rules allow no proxies", "PROXY_NOT_ALLOWED")} == (
            self.reasons(s)
        )
        assert "(from )" not in render_explanation(e)

    def test_holder_limit_names_the_counted_proxy_at_this_item(self) -> None:
        """The proxy counted in place of the refused one is the one usable at this item."""
        s = session(
            2,
            {"h": ALL},
            absent=("g1", "g2", "g3"),
            proxies=(("g1", "h", None, "1"), ("g3", "h", "2", None), ("g2", "h", None, None)),
        )

        assert ("the holder already carries the proxies the rules allow (from G1)") == (
            self.reasons(s, "1")[("g2", "h")][0]
        )
        assert ("the holder already carries the proxies the rules allow (from G3)") == (
            self.reasons(s, "2")[("g2", "h")][0]
        )

    def test_not_in_force(self) -> None:
        s = session(3, {"h": ALL}, absent=("g",), proxies=(("g", "h", "2", "3"),))

        assert {
            ("g", "h"): ("not in force at this item (in force items 2-3)", "")
        } == self.reasons(s)
        assert {} == self.reasons(s, "2")


def test_quorum_not_reached_and_weights() -> None:
    """The arithmetic when quorum fails, and the vote weight under a weighted rule set."""
    s = Session(
        agenda=["1"],
        members=[
            Member(id="a", name="A", weight=3),
            Member(id="b", name="B", weight=2),
            Member(id="c", name="C", weight=5),
        ],
        attendance=[Stretch(member="a")],
        proxies=[Proxy(giver="b", holder="a")],
        tallies=[Tally(item="1", pour=4, contre=1)],
        rules="plain",
    )
    e = explain(quorum.audit(s), "1")
    text = render_explanation(e)

    assert "  counted: 1 present (proxies do not count) < 2: NOT reached\n" in text
    assert "  vote weight: 3 (present) + 2 (givers of usable proxies) = 5\n" in text
    assert '  5 = the reported "Pour : 4" + "Contre : 1" = 5: consistent\n' in text
    assert ["a"] == [m["id"] for m in explanation_dict(e)["present"]]


def test_lang_fr_headings(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr: the headings, the reasons and the arithmetic in French (the JSON keeps them
    English)."""
    status = run(["explain", str(MINUTES), "19", "--lang", "fr"])
    out = capsys.readouterr().out

    assert 0 == status
    assert out.startswith("Point 19 (rang 19 sur 37 dans l’ordre de passage)\n")
    assert 79 == len(section(out, "Présents : 79"))
    assert 21 == len(section(out, "Pouvoirs utilisables : 21"))
    assert "Florence NUNNINGER-PARIZOT (Boussières, suppléant)" in section(out, "Présents : 79")
    assert "Règles citées :" in out.splitlines()
    assert [
        "requis : plus de la moitié des 123 membres en exercice : 123 // 2 + 1 = 62",
        "comptés : 79 présents (les pouvoirs ne comptent pas) >= 62 : atteint",
    ] == section(out, "Quorum (")
    tally = section(out, "Scrutin (")
    assert "votants : 79 présents + 21 pouvoirs utilisables = 100" == tally[0]
    assert tally[1].startswith('79 + 21 = 100 = le décompte du procès-verbal "Pour : 100" (')
    assert tally[1].endswith(") : cohérent")
    assert "unanimité indiquée" == tally[-1]
    assert (
        "Sylvie WANLIN -> Julie CHETTOUH : pas en vigueur à ce point (en vigueur à partir du "
        "point 30)"
    ) in section(out, "Pouvoirs non comptés à ce point : 5")


def test_french_reasons_and_arithmetic_in_english_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json is a format for programs: under --lang fr its reasons and arithmetic stay
    the English ones, the same as under --lang en."""
    docs = []
    for lang in ("fr", "en"):
        run(["explain", str(MINUTES), "19", "--format", "json", "--lang", lang])
        docs.append(json.loads(capsys.readouterr().out))

    assert docs[0] == docs[1]
    assert docs[0]["quorum"]["arithmetic"][1] == (
        "counted: 79 present (proxies do not count) >= 62: reached"
    )
    reasons = {p["reason"] for p in docs[0]["proxies"] if not p["counted"]}
    assert "not in force at this item (in force from item 30)" in reasons


@pytest.mark.parametrize("status", sorted(set(REASONS), key=str))
def test_each_reason_in_french_and_english(status: ProxyStatus) -> None:
    """Each fixed reason a proxy is not counted has its French text, and the English one stays
    the template (a missing translation would leave English in the French text)."""
    message = Message(REASONS[status])

    assert REASONS[status] == message.render("en")
    assert message.render("fr") != message.render("en")
    assert message.render("fr").startswith(("le ", "les ", "la "))
