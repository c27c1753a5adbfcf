"""The Markdown report, for a ticket or an e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest

import quorum
from helpers import ALL, session
from quorum.cli import run
from quorum.markdown import md, render_markdown

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def test_besancon(capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["check", str(DATA / "grand-besancon-2026-01-29.txt"), "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()

    assert 0 == status
    assert [
        "# Conseil de Communauté de Grand Besançon Métropole - 2026-01-29",
        "",
        "**Valid session**",
        "",
        "37 items, 0 errors, 2 warnings, 1 info",
        "",
        "- rule set: `fr-epci` (the body 'Conseil de Communauté de Grand Besançon Métropole' "
        "belongs to the epci family; on 2026-01-29 fr-epci applies (since 1996-02-24))",
        "- members in office: 123",
        "- quorum: 62 present",
        "",
        "## Findings",
        "",
        "- **info** `RULES_ASSUMED`: rules: the body 'Conseil de Communauté de Grand Besançon "
        "Métropole' belongs to the epci family; on 2026-01-29 fr-epci applies (since "
        "1996-02-24)",
        "- **warning** `PROXY_HOLDER_ABSENT` (items 1-11): Christine WERTHE's proxy to "
        "Pierre-Charles HENRY cannot be used at items 1-11: the holder is absent there, so the "
        "giver's vote is lost",
        "  - rule: CGCT art. L2121-20 (through L5211-1)",
        "  - source, line 73: Mme Christne WERTHE a M. Pierre-Charles HENRY",
    ] == lines[:16]
    rows = [line for line in lines if line.startswith("| ") and line[2].isdigit()]
    assert 37 == len(rows)
    assert (
        "| 19 | 79 | 21 | 100 | 100 | 79/62 ok | pour 100, contre 0, abstention 0, interested 0 "
        "= 100 | 100 | ok |"
    ) == rows[18]
    assert "| 3 | 69 | 21 | 90 | 90 | 69/62 ok | – | 90 | `PROXY_HOLDER_ABSENT` |" == rows[2]


def test_mismatch_is_bold() -> None:
    result = quorum.audit(quorum.read_session(DATA / "couthenans-cm-2022-10-07.txt"))
    text = render_markdown(result)

    assert "**To correct: 5 points**" == text.splitlines()[2]
    assert text.splitlines()[4].startswith("8 items, 5 errors, 1 warning")
    assert (
        "| 1 | 11 | 0 | 11 | 11 | 11/7 ok | **pour 13 = 13: MISMATCH** | 11 | `TALLY_MISMATCH`"
        in text
    )
    assert (
        "| 3 | 11 | 0 | 11 | 11 | 11/7 ok | **voters 13: MISMATCH** | 11 | `VOTERS_MISMATCH`"
        in text
    )


def test_quorum_not_reached_and_escaping() -> None:
    """A name with | or * cannot break the table or the emphasis."""
    s = session(2, {"a|*b": ALL}, absent=("c", "d"))
    text = render_markdown(quorum.audit(s))

    assert "| 1 | 1 | 0 | 1 | 1 | 1/2 **NOT REACHED** | – | 1 | `QUORUM_NOT_REACHED` |" in text
    assert r"A\|\*B" == md("A|*B")
    assert "- quorum: 2 present" in text
