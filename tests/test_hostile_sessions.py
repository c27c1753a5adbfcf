"""Issue 10's engine reproducers: each of these crashed, hung or gave a wrong audit before.

A session file may hold anything: a list where a label is expected, a date and time, weights of
1e22, a fraction with an exponent of a hundred million, two substitutes for one seat, a member
named like a format string. Each gives a clear problem with its JSON path (exit status 2) or an
exact audit; never a traceback, a hang or a silently wrong count.
"""

from __future__ import annotations

import ast
import datetime
import io
import json
import signal
import string
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import quorum
from quorum import Member, Proxy, Role, Session, Stretch, audit
from quorum.cli import run
from quorum.sessionfile import dumps, loads, session_from_dict, session_to_dict


def doc(**changes: Any) -> dict[str, Any]:
    """A small valid session document, with top-level keys replaced by ``changes``."""
    base: dict[str, Any] = {
        "format": "quorum-session/1",
        "agenda": ["1", "2", "3"],
        "members": [
            {"id": "ann", "name": "Ann A"},
            {"id": "bob", "name": "Bob B"},
            {"id": "cy", "name": "Cy C"},
        ],
        "attendance": [{"member": "ann"}, {"member": "bob"}],
        "proxies": [{"giver": "cy", "holder": "ann"}],
        "tallies": [{"item": "1", "pour": 3}],
    }
    base.update(changes)
    return base


def check(tmp_path: Path, text: str, name: str = "s.json") -> tuple[int, str, str]:
    """``quorum check`` on a file holding ``text``: (status, stdout, stderr)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = run(["check", str(path)], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@contextmanager
def no_hang(seconds: int = 60) -> Iterator[None]:
    """Turn a hang into a failure (not a timing assertion: the guard is generous)."""

    def alarm(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- 1. a list or an object where a label or an id is expected ----------------------------------

WRONG_SHAPES = [
    pytest.param(
        doc(attendance=[{"member": "ann", "from": ["1"]}]), "$.attendance[0].from", id="stretch"
    ),
    pytest.param(
        doc(proxies=[{"giver": "cy", "holder": "ann", "until": {"item": "2"}}]),
        "$.proxies[0].until",
        id="proxy",
    ),
    pytest.param(
        doc(withdrawals=[{"member": "ann", "from": ["2"]}]),
        "$.withdrawals[0].from",
        id="withdrawal",
    ),
    pytest.param(doc(tallies=[{"item": ["1"], "pour": 3}]), "$.tallies[0].item", id="tally-item"),
    pytest.param(
        doc(
            members=[
                {"id": "ann", "name": "A"},
                {"id": "s", "role": "substitute", "substitute_for": {"id": "ann"}},
            ]
        ),
        "$.members[1].substitute_for",
        id="substitute-for",
    ),
    pytest.param(doc(carried_over=[["1"]], convocation=2), "$.carried_over[0]", id="carried-over"),
    pytest.param(
        doc(reading={"complete": False, "uncertain_items": [{"1": 1}]}),
        "$.reading.uncertain_items[0]",
        id="uncertain-items",
    ),
]


@pytest.mark.parametrize(("document", "path"), WRONG_SHAPES)
def test_a_list_or_object_for_a_label_is_a_problem_with_its_path(
    tmp_path: Path, document: dict[str, Any], path: str
) -> None:
    """Reproducer 1: TypeError (unhashable) before; now exit 2 naming the path."""
    with pytest.raises(quorum.InvalidSessionError) as err:
        session_from_dict(document)
    assert path in [p.path for p in err.value.problems]

    status, out, errors = check(tmp_path, json.dumps(document))
    assert (2, "") == (status, out)
    assert f"{path}: " in errors
    assert "Traceback" not in errors


# --- 3. a TOML date and time ---------------------------------------------------------------------


def test_a_toml_date_and_time_is_refused_with_the_day_to_write(tmp_path: Path) -> None:
    """Reproducer 3: TypeError while choosing the rules before; now a clear problem."""
    text = (
        'format = "quorum-session/1"\ndate = 2024-01-01T10:00:00Z\nagenda = ["1"]\n'
        '[[members]]\nid = "a"\n'
    )
    status, _, errors = check(tmp_path, text, "s.toml")
    assert 2 == status
    assert "$.date: expected a date (YYYY-MM-DD), not a date and time" in errors
    assert "write 2024-01-01" in errors


def test_a_toml_integer_of_5000_digits_is_a_clear_error(tmp_path: Path) -> None:
    """Found by the fuzz run: tomllib raised a bare ValueError (Python's limit on converting
    long integers), a traceback with exit status 1. JSON already said "not valid JSON"."""
    text = f'format = "quorum-session/1"\nagenda = ["1"]\nmembers_in_office = 1{"0" * 5000}\n'
    status, out, errors = check(tmp_path, text, "s.toml")
    assert (2, "") == (status, out)
    assert "is not valid TOML" in errors


def test_a_session_never_holds_what_reading_rejects() -> None:
    """Reproducer 3: a datetime (a date subclass) built a session that ``parse`` wrote and
    reading then rejected. The model refuses it; a date is written and read back."""
    with pytest.raises(quorum.InvalidSessionError, match=r"\$\.date"):
        Session(
            agenda=["1"],
            members=[Member(id="a", name="A")],
            date=datetime.datetime(2024, 1, 1, 10, 0),
        )
    s = Session(agenda=["1"], members=[Member(id="a", name="A")], date=datetime.date(2024, 1, 1))
    assert session_from_dict(loads(dumps(session_to_dict(s)))) == s


# --- 5. weights of 1e22 under a co-ownership art. 26 majority ------------------------------------


def test_huge_weights_are_computed_exactly() -> None:
    """Reproducer 5: decimal.InvalidOperation in the majority arithmetic before (2/3 of
    3e22 + 4 voices has 23 digits before the point). Now exact: 2e22 + 2 voices pour do not
    reach 2e22 + 2.67; 2e22 + 3 do."""
    big = 10**22
    members = [
        {"id": "a", "name": "A", "weight": big + 1},
        {"id": "b", "name": "B", "weight": str(big + 1)},
        {"id": "c", "name": "C", "weight": f"{big + 2}.0"},
    ]
    attendance = [{"member": "a"}, {"member": "b"}, {"member": "c"}]

    def outcome(pour: int, contre: int) -> tuple[str | None, str | None, bool | None]:
        tally = {"item": "1", "pour": pour, "contre": contre, "majority": "art26",
                 "pour_members": 2}  # fmt: skip
        session = session_from_dict(
            doc(members=members, attendance=attendance, proxies=[], tallies=[tally],
                rules="fr-copropriete")
        )  # fmt: skip
        item = audit(session).item("1")
        assert item.vote_weight == 3 * big + 4
        return item.outcome.computed, item.outcome.reason, item.tally.consistent

    computed, reason, consistent = outcome(2 * big + 2, big + 2)
    assert ("rejected", True) == (computed, consistent)
    assert f"= {2 * big + 2}.666667" in (reason or "")
    assert ("adopted", True) == outcome(2 * big + 3, big + 1)[::2]


def test_weights_that_cannot_be_read_back_are_refused_up_front() -> None:
    """Reproducer 8: a weight of 1e30 was accepted, then written as an integer that reading
    refused. The bounds of a weight are the same both ways."""
    for weight in ("1e30", "-1e31", "0." + "0" * 30 + "1"):
        with pytest.raises(quorum.InvalidSessionError, match=r"\$\.members\[0\]\.weight"):
            session_from_dict(doc(members=[{"id": "ann", "name": "A", "weight": weight}]))
    for weight in ("9.99e29", str(10**29), "1e-30", "123456789.123456789"):
        s = session_from_dict(
            doc(members=[{"id": "ann", "name": "A", "weight": weight}], attendance=[], proxies=[])
        )
        assert session_from_dict(loads(dumps(session_to_dict(s)))) == s


# --- 6. a fraction with a huge exponent ----------------------------------------------------------


@pytest.mark.parametrize("fraction", ["1e-100000000", "1" + "0" * 5000 + "/3", "1/3e9"])
def test_a_fraction_with_an_exponent_is_refused_at_once(fraction: str) -> None:
    """Reproducer 6: Fraction("1e-100000000") ran for minutes. Digits and exponents are
    bounded before converting."""
    document = doc(rules={"base": "plain", "quorum": {"fraction": fraction}})
    with no_hang(), pytest.raises(quorum.InvalidSessionError) as err:
        session_from_dict(document)
    assert ["$.rules.quorum.fraction"] == [p.path for p in err.value.problems]


# --- 7. two substitutes for one titular ----------------------------------------------------------


def test_two_substitutes_for_one_absent_titular_hold_one_seat() -> None:
    """Reproducer 7: both substitutes were counted, so a failed quorum passed with no finding.
    Four seats (T, A, B, C): quorum is 3. S1 and S2 sit for T, A is there: 2 seats present."""
    session = Session(
        agenda=["1", "2"],
        members=[
            Member(id="T", name="Titular"),
            Member(id="A", name="A"),
            Member(id="B", name="B"),
            Member(id="C", name="C"),
            Member(id="S1", name="First", role=Role.SUBSTITUTE, substitute_for="T"),
            Member(id="S2", name="Second", role=Role.SUBSTITUTE, substitute_for="T"),
        ],
        attendance=[Stretch(member="A"), Stretch(member="S1"), Stretch(member="S2")],
        rules="fr-epci",
    )
    result = audit(session)
    for item in result.items:
        assert 2 == item.present_count
        assert ["A", "S1"] == [m.id for m in item.present]
        assert not item.quorum.reached
    codes = {(f.code, f.items, f.members) for f in result.findings}
    assert ("SECOND_SUBSTITUTE", ("1", "2"), ("T", "S2", "S1")) in codes
    assert ("QUORUM_NOT_REACHED", ("1", "2"), ()) in codes
    second = next(f for f in result.findings if f.code == "SECOND_SUBSTITUTE")
    assert second.message == (
        "Second and First both sit as substitutes for Titular at items 1-2: the seat votes "
        "once, only First (listed first) is counted"
    )


def test_a_second_substitute_counts_where_the_first_is_away() -> None:
    """S1 sits at item 1 only, S2 throughout: S2 counts at item 2, where the seat is free."""
    session = Session(
        agenda=["1", "2"],
        members=[
            Member(id="T", name="T"),
            Member(id="S1", name="S1", role=Role.SUBSTITUTE, substitute_for="T"),
            Member(id="S2", name="S2", role=Role.SUBSTITUTE, substitute_for="T"),
        ],
        attendance=[Stretch(member="S1", until_item="1"), Stretch(member="S2")],
        rules="fr-epci",
    )
    result = audit(session)
    assert [["S1"], ["S2"]] == [[m.id for m in i.present] for i in result.items]
    assert [("SECOND_SUBSTITUTE", ("1",))] == [
        (f.code, f.items) for f in result.findings if f.code == "SECOND_SUBSTITUTE"
    ]


# --- 8. write then read is identity --------------------------------------------------------------


def test_pour_members_zero_is_written_back() -> None:
    """Reproducer 8: ``pour_members: 0`` was dropped (0 taken as false)."""
    s = session_from_dict(doc(tallies=[{"item": "1", "pour": 3, "pour_members": 0}]))
    written = session_to_dict(s)
    assert 0 == written["tallies"][0]["pour_members"]
    assert session_from_dict(loads(dumps(written))) == s


# --- 9. names are data, never format strings -----------------------------------------------------


@pytest.mark.parametrize("name", ["{items} X", "{0}", "{", "}{giver.name}", "{items!r:>99}"])
def test_names_are_data_never_format_strings(name: str) -> None:
    """Reproducer 9: a member named "{items} X" had the items substituted into his name."""
    session = Session(
        agenda=["1", "2"],
        members=[Member(id="a", name=name), Member(id="b", name="B")],
        attendance=[Stretch(member="a"), Stretch(member="b")],
        proxies=[Proxy(giver="a", holder="b")],
        body=f"Conseil municipal {name}",
    )
    result = audit(session)
    present = next(f for f in result.findings if f.code == "PROXY_GIVER_PRESENT")
    assert present.message.startswith(f"{name} is present at items 1-2 while his proxy to B")
    assumed = next(f for f in result.findings if f.code == "RULES_ASSUMED")
    assert repr(f"Conseil municipal {name}") in assumed.message


def test_labels_are_data_in_session_messages() -> None:
    """An item labelled like a placeholder, carried over to a second convocation."""
    session = Session(
        agenda=["{items}", "2"],
        members=[Member(id="a", name="A")],
        convocation=2,
        carried_over=["{items}"],
    )
    second = next(f for f in audit(session).findings if f.code == "SECOND_CONVOCATION")
    assert second.message.endswith("apply to {items}")


# --- 14. per-item member lists only on request ---------------------------------------------------


def test_member_lists_are_out_of_the_audit_document_by_default(tmp_path: Path) -> None:
    """Reproducer 14: 100,000 members x 30 items gave 832 MB of JSON. The per-item lists are
    there only on request; the counts always are."""
    session = session_from_dict(doc())
    plain, full = audit(session).to_dict(), audit(session).to_dict(member_lists=True)
    items: Any = plain["items"]
    assert not {"present", "proxies"} & set(items[0])
    assert 2 == items[0]["present_count"]
    full_items: Any = full["items"]
    assert ["Ann A", "Bob B"] == full_items[0]["present"]
    assert [{"giver": "Cy C", "holder": "Ann A"}] == full_items[0]["proxies"]

    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc()), encoding="utf-8")
    for extra, listed in (([], False), (["--member-lists"], True)):
        out = io.StringIO()
        assert 0 == run(["check", str(path), "--format", "json", *extra], stdout=out)
        item = json.loads(out.getvalue())["items"][0]
        assert listed == ("present" in item) == ("proxies" in item)


# --- issue 12: a problem names its record --------------------------------------------------------


def test_a_problem_names_the_record_as_well_as_its_path() -> None:
    """``$.attendance[82]: reversed range`` did not say whose; now the member, the giver and
    holder, or the item are named."""
    document = doc(
        attendance=[{"member": "ann", "from": "3", "until": "1"}],
        proxies=[{"giver": "cy", "holder": "bob", "from": "9"}],
        withdrawals=[{"member": "bob", "until": "x"}],
        tallies=[{"item": "2", "pour": -1}],
    )
    with pytest.raises(quorum.InvalidSessionError) as err:
        session_from_dict(document)
    assert [str(p) for p in err.value.problems] == [
        "$.attendance[0]: reversed range: item '3' is taken after item '1' "
        "(attendance of Ann A ('ann'))",
        "$.proxies[0].from: unknown item label '9' (proxy from Cy C ('cy') to Bob B ('bob'))",
        "$.withdrawals[0].until: unknown item label 'x' (withdrawal of Bob B ('bob'))",
        "$.tallies[0].pour: a count must be a whole number >= 0, not -1 (tally of item '2')",
    ]


def _templates(node: ast.expr) -> list[str] | None:
    """The literal templates an expression can be: a string, ``N_("…")``, or a choice between
    them (``N_("a") if x else N_("b")``); ``None`` for anything else (an f-string, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_" and node.args:
        return _templates(node.args[0])
    if isinstance(node, ast.IfExp):
        a, b = _templates(node.body), _templates(node.orelse)
        return None if a is None or b is None else a + b
    return None


def test_every_draft_message_is_a_literal_template() -> None:
    """The mechanism behind reproducer 9, enforced: a finding's message is a literal template
    (names, labels and numbers go in as parameters), never an f-string, whose data would be
    read as placeholders when the message is filled."""
    src = Path(quorum.__file__).resolve().parent
    calls = 0
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 3:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("draft", "Draft"):
                continue
            message = node.args[2]
            if isinstance(message, ast.Name) and message.id in ("message", "template", "mismatch"):
                continue  # a helper passing a template on, or a template chosen among N_ ones
            if isinstance(message, ast.Call) and getattr(message.func, "id", "").endswith(
                "_template"
            ):
                continue  # a function choosing among templates marked N_
            calls += 1
            where = f"{path.name}:{node.lineno}"
            templates = _templates(message)
            assert templates is not None, f"{where}: the message is not a literal"
            given = {k.arg for k in node.keywords}
            for template in templates:
                fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
                if None not in given:  # no **params: every field is given by name
                    assert fields <= given | {"items"}, (
                        f"{where}: {sorted(fields - given)} missing"
                    )
    assert calls > 20  # the check sees the drafts of counting.py and audit.py


@pytest.mark.parametrize("key", ["giver", "holder"])
def test_a_list_for_a_member_id_beside_a_non_member_holder(tmp_path: Path, key: str) -> None:
    """The check that a non-member holder (role proxy_holder) gives no proxy met a list where an
    id is expected and crashed (unhashable type) after the second legal review was merged."""
    members = [*doc()["members"], {"id": "out", "name": "Outsider", "role": "proxy_holder"}]
    proxy = {"giver": "cy", "holder": "ann", key: ["cy"]}

    status, _, err = check(tmp_path, json.dumps(doc(members=members, proxies=[proxy])))

    assert 2 == status
    assert f"$.proxies[0].{key}: {key} must be a member id (a string), not ['cy']" in err


@pytest.mark.parametrize("where", ["title", "quorum", "colour", "base", "weighted"])
def test_statutes_nested_ten_thousand_deep_are_a_problem_not_a_crash(where: str) -> None:
    """The statutes are frozen when the session is built; a value nested deeper than Python's
    recursion limit (a program's, not a file's: reading a file stops far sooner) is copied
    without recursion and reported at its path."""
    deep: list[Any] = []
    for _ in range(10_000):
        deep = [deep]
    with pytest.raises(quorum.InvalidSessionError) as err:
        Session(agenda=["1"], members=[Member(id="a", name="A")], rules={where: deep})

    assert [f"$.rules.{where}"] == [p.path for p in err.value.problems]
