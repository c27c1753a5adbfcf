"""The fuzzing harness: mutated session documents and minutes, through the API and the CLI.

Shared by the bounded fuzz tests (``tests/test_fuzz.py``, run in CI) and the long run for
maintainers (``benchmarks/fuzz.py --minutes 10``). The mutators take a :class:`random.Random`,
so hypothesis drives them in the tests (``st.randoms()``) and a seeded generator in the script.

Structure-aware: a mutation starts from a *valid* session document (a fixture, a random
session) and changes one place of it: a value replaced by a hostile one (a list for a label, a
huge or non-finite number, a date-time, a lone surrogate, a format placeholder, deep nesting), a
key removed or added, a list element duplicated, dropped or swapped, or a reference pointed at
another member or item (so that many mutants stay valid and reach the audit). Minutes are
mutated by lines (deleted, duplicated, swapped) and characters (replaced, control characters,
stray bytes).

What is checked, for every input (:func:`check_document`, :func:`check_minutes`,
:func:`check_cli`):

* no exception but the project's own (:class:`quorum.exceptions.QuorumError`);
* every exit status a documented one (0, 1, 2, 3), never the internal-error one (70);
* on every session that reads: voters = present + proxies, nobody counted twice (a member
  present twice, a giver both present and represented, a giver represented twice, a titular
  with his substitute or with two), and write then read gives an equal session.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from quorum import Session, audit
from quorum.cli import run
from quorum.exceptions import QuorumError
from quorum.parse import parse_minutes
from quorum.sessionfile import dumps, loads, session_from_dict, session_to_dict

DATA = Path(__file__).resolve().parent / "data"

DOCUMENTED_STATUSES = (0, 1, 2, 3)
"""0 no error finding, 1 an error finding, 2 unreadable input, 3 a reading left incomplete."""

RULES = (None, "plain", "fr-epci", "fr-copropriete", "fr-sa-ago")
"""Rule sets each readable session is audited under (None: the session's own)."""


def _deep(depth: int) -> Any:
    value: Any = "1"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


HOSTILE: tuple[Any, ...] = (
    None, True, False, 0, -1, 1.5, 10**40, -(10**40), 2**63,
    float("nan"), float("inf"),
    Decimal("1e22"), Decimal("1e30"), Decimal("-0"), Decimal("1e-31"), Decimal("1e999999999"),
    Decimal("0.1"), Decimal("NaN"),
    "", " ", "1", "x", "NaN", "sNaN", "Infinity", "-1", "1e-100000000", "1e22", "1/3", "1/0",
    "\ud800", "{items}", "{items} X", "{0}", "{", "\x1b[31m\x07", "\x00", "é" * 3, "x" * 5000,
    "2024-01-01T10:00:00", "29/01/2026",
    datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 10, 0), datetime.time(10, 0),
    [], ["1"], [["1"]], {}, {"item": "1"}, {"line": "x", "text": 3},
    _deep(60),
)  # fmt: skip
"""Values a file (JSON, TOML) or a caller may put anywhere."""

KEYS = (
    "format", "body", "date", "rules", "members_in_office", "agenda", "members", "attendance",
    "proxies", "tallies", "convocation", "carried_over", "withdrawals", "reading", "id", "name",
    "group", "weight", "role", "substitute_for", "member", "from", "until", "giver", "holder",
    "item", "pour", "contre", "abstention", "npv", "blank", "interested", "present", "voters",
    "unanimous", "secret", "outcome", "casting_vote", "majority", "pour_members", "reason",
    "source", "complete", "uncertain_items", "base", "quorum", "proxies", "fraction", "strict",
    "per_holder", "weight_exception", "basis", "represented", "second_call", "heads", "extra",
)  # fmt: skip


# --- valid documents to start from ---------------------------------------------------------------


def fixture_documents() -> list[dict[str, Any]]:
    """The session documents of the test fixtures: the hand-written Besançon session and every
    minutes text of tests/data as the reader reads it."""
    docs = [loads(p.read_text("utf-8")) for p in sorted(DATA.glob("*.session.json"))]
    for path in sorted(DATA.glob("*.txt")):
        docs.append(session_to_dict(parse_minutes(path.read_text("utf-8"))))
    return docs


def minutes_texts() -> list[str]:
    """The minutes texts of tests/data."""
    return [p.read_text("utf-8") for p in sorted(DATA.glob("*.txt"))]


def random_document(rnd: random.Random) -> dict[str, Any]:
    """A valid session document: a few items and members, substitutes (sometimes two for one
    titular), proxies, withdrawals, tallies, weights and a rule set, all drawn from ``rnd``."""
    agenda = [f"{i}" if rnd.random() < 0.8 else f"{i} bis" for i in range(1, rnd.randint(2, 8))]
    n = rnd.randint(1, 10)
    ids = [f"m{i}" for i in range(n)]
    weighted = rnd.random() < 0.3
    members: list[dict[str, Any]] = []
    titulars: list[str] = []
    for member_id in ids:
        record: dict[str, Any] = {"id": member_id, "name": member_id.upper()}
        if titulars and rnd.random() < 0.25:
            record["role"] = "substitute"
            record["substitute_for"] = rnd.choice(titulars[:2])
        else:
            titulars.append(member_id)
        if weighted:
            record["weight"] = rnd.choice([1, 10, 250, "12.5", "0.001", str(10**20)])
        members.append(record)

    def span() -> dict[str, str]:
        a, b = sorted(rnd.sample(range(len(agenda)), 2)) if len(agenda) > 1 else (0, 0)
        out = {}
        if rnd.random() < 0.5:
            out["from"] = agenda[a]
        if rnd.random() < 0.5:
            out["until"] = agenda[b]
        return out

    attendance = [{"member": m, **span()} for m in ids for _ in range(rnd.randint(0, 2))]
    proxies = []
    if n > 1:
        for _ in range(rnd.randint(0, n)):
            giver, holder = rnd.sample(ids, 2)
            proxies.append({"giver": giver, "holder": holder, **span()})
    withdrawals = [
        {"member": rnd.choice(ids), "reason": rnd.choice(["interest", "representative"]),
         **span()}
        for _ in range(rnd.randint(0, 2))
    ]  # fmt: skip
    tallies = []
    for label in rnd.sample(agenda, rnd.randint(0, len(agenda))):
        tally: dict[str, Any] = {"item": label}
        for key in ("pour", "contre", "abstention", "interested", "present", "voters"):
            if rnd.random() < 0.5:
                tally[key] = rnd.randint(0, 12)
        if rnd.random() < 0.3:
            tally["majority"] = rnd.choice(["absolute", "art24", "art25", "art26", "simple"])
            tally["pour_members"] = rnd.randint(0, n)
        if rnd.random() < 0.2:
            tally["outcome"] = rnd.choice(["adopted", "rejected"])
        tallies.append(tally)
    doc: dict[str, Any] = {
        "format": "quorum-session/1",
        "body": rnd.choice([None, "Conseil municipal", "Conseil communautaire", "Syndicat"]),
        "date": rnd.choice([None, "2020-10-01", "2024-03-01"]),
        "rules": rnd.choice([None, "plain", "fr-municipal", "fr-epci", "fr-copropriete"]),
        "members_in_office": rnd.choice([None, n, n + 2]),
        "agenda": agenda,
        "members": members,
        "attendance": attendance,
        "proxies": proxies,
        "tallies": tallies,
        "withdrawals": withdrawals,
    }
    if rnd.random() < 0.2:
        doc["convocation"] = 2
        doc["carried_over"] = rnd.sample(agenda, rnd.randint(0, len(agenda)))
    return doc


# --- mutations -----------------------------------------------------------------------------------


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into a document (keys of objects, indexes of lists), the root excluded."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*path, i)
            yield from _places(value, (*path, i))


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        doc = doc[key]
    return doc


def _labels_and_ids(doc: Any) -> list[Any]:
    out: list[Any] = []
    if isinstance(doc, dict):
        if isinstance(doc.get("agenda"), list):
            out += doc["agenda"]
        if isinstance(doc.get("members"), list):
            out += [m.get("id") for m in doc["members"] if isinstance(m, dict)]
    return out or ["1"]


def mutate_document(doc: Any, rnd: random.Random, count: int | None = None) -> Any:
    """A copy of ``doc`` with 1 to 3 (or ``count``) mutations at random places (most often
    one, so that a good share of the mutants still reads and reaches the audit)."""
    doc = copy.deepcopy(doc)
    for _ in range(rnd.choice((1, 1, 1, 2, 3)) if count is None else count):
        places = list(_places(doc))
        if not places or not isinstance(doc, dict):
            return rnd.choice(HOSTILE)
        path = rnd.choice(places)
        parent, key = _parent(doc, path), path[-1]
        kind = rnd.random()
        if kind < 0.3:  # a hostile value
            parent[key] = copy.deepcopy(rnd.choice(HOSTILE))
        elif kind < 0.6:  # another member id or item label: often still valid
            parent[key] = rnd.choice(_labels_and_ids(doc))
        elif kind < 0.7 and isinstance(parent, dict):  # a key removed
            del parent[key]
        elif kind < 0.8 and isinstance(parent, dict):  # a key added (known or not)
            parent[rnd.choice(KEYS)] = copy.deepcopy(rnd.choice((*HOSTILE, "1", "m0")))
        elif isinstance(parent, list):  # an element duplicated, dropped or swapped
            i = rnd.randrange(len(parent))
            action = rnd.randrange(3)
            if action == 0:
                parent.insert(i, copy.deepcopy(parent[key]))
            elif action == 1:
                del parent[key]
            else:
                parent[key], parent[i] = parent[i], parent[key]
        elif isinstance(parent[key], (int, Decimal)) and not isinstance(parent[key], bool):
            parent[key] = parent[key] * rnd.choice([-1, 10**25, 0, 3])  # a number scaled
        else:
            parent[key] = copy.deepcopy(rnd.choice(HOSTILE))
    return doc


_DAMAGE = (
    "", " ", "\t", "\x00", "\x0c", "\ufeff", "é", "\u2019", "\ud800", "\x1b", "{items}", "0", "9",
    "-", ":", "\n", "pouvoir", "absent", "Mme ", "M. ", "procuration à ",
)  # fmt: skip


def mutate_minutes(text: str, rnd: random.Random, count: int | None = None) -> str:
    """``text`` with 1 to 4 (or ``count``) line or character mutations."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 4) if count is None else count):
        if not lines:
            lines = [""]
        i = rnd.randrange(len(lines))
        kind = rnd.randrange(6)
        if kind == 0:
            del lines[i]
        elif kind == 1:
            lines.insert(i, lines[i])
        elif kind == 2:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:  # damage characters inside a line
            line = lines[i]
            at = rnd.randint(0, len(line))
            cut = rnd.randint(0, min(3, len(line) - at))
            lines[i] = line[:at] + rnd.choice(_DAMAGE) + line[at + cut :]
    return "\n".join(lines)


# --- the checks ----------------------------------------------------------------------------------


def check_session(session: Session) -> None:
    """The invariants of an audit, under each of :data:`RULES`, and write then read."""
    back = session_from_dict(loads(dumps(session_to_dict(session))))
    assert back == session, "write then read changed the session"
    for rules in RULES:
        result = audit(session, rules)
        json.dumps(result.to_dict(member_lists=True), allow_nan=False)
        for item in result.items:
            present = [m.id for m in item.present]
            givers = [g.id for g, _ in item.proxies]
            assert item.voters == item.present_count + item.proxy_count
            assert item.present_count == len(present)
            assert item.proxy_count == len(givers)
            assert len(present) == len(set(present)), f"someone present twice at {item.item}"
            assert len(givers) == len(set(givers)), f"a giver represented twice at {item.item}"
            assert not set(givers) & set(present), f"a giver present and represented {item.item}"
            seats = [m.substitute_for for m in item.present if m.substitute_for is not None]
            assert len(seats) == len(set(seats)), f"two substitutes for one seat at {item.item}"
            assert not set(seats) & set(present), f"titular and substitute at {item.item}"
            assert not set(seats) & set(givers), f"substitute and proxy at {item.item}"


def check_document(doc: Any) -> bool:
    """A document through the API; True when it reads as a session (then fully checked)."""
    try:
        session = session_from_dict(doc)
    except QuorumError:
        return False
    check_session(session)
    return True


def check_minutes(text: str) -> bool:
    """Minutes through the API; True when the reader makes a session of them."""
    try:
        session = parse_minutes(text)
    except QuorumError:
        return False
    check_session(session)
    return True


def _jsonable(value: Any) -> Any:
    """A document as JSON can hold it: Decimals as their text, dates as ISO text."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def document_text(doc: Any) -> str:
    """A mutated document as the JSON text of a file (NaN and lone surrogates included)."""
    return json.dumps(_jsonable(doc), ensure_ascii=True)


COMMANDS: tuple[Callable[[str], list[str]], ...] = (
    lambda f: ["check", f],
    lambda f: ["check", f, "--format", "json"],
    lambda f: ["check", f, "--format", "json", "--member-lists"],
    lambda f: ["check", f, "--format", "markdown"],
    lambda f: ["check", f, "--format", "html"],
    lambda f: ["check", f, "--rules", "plain"],
    lambda f: ["explain", f, "1"],
    lambda f: ["explain", f, "2", "--format", "json"],
    lambda f: ["parse", f],
)


def check_cli(path: Path, text: str, rnd: random.Random) -> int:
    """The command line, in-process, on a file holding ``text``; returns the exit status."""
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    argv = rnd.choice(COMMANDS)(str(path))
    out, err = io.StringIO(), io.StringIO()
    status = run(argv, stdout=out, stderr=err)
    assert status in DOCUMENTED_STATUSES, f"quorum {' '.join(argv)}: status {status}"
    assert "Traceback" not in err.getvalue()
    return status
