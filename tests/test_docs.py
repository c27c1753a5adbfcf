"""Every finding code the package can emit is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# upper-case strings in the source that are not finding codes
NOT_CODES = {"NO_COLOR", "RULE_SETS", "LC_ALL", "LC_MESSAGES"}


def emitted_codes() -> set[str]:
    """Every UPPER_SNAKE string literal in the package: the finding codes (and NOT_CODES)."""
    codes: set[str] = set()
    for path in (ROOT / "src" / "quorum").rglob("*.py"):
        text = path.read_text("utf-8")
        codes.update(re.findall(r'"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"', text))
    return codes - NOT_CODES


def test_every_code_is_documented() -> None:
    """Each code has a '### CODE' section in docs/findings.md or docs/parsing.md."""
    documented: set[str] = set()
    for name in ("findings.md", "parsing.md"):
        path = ROOT / "docs" / name
        if path.exists():
            documented.update(re.findall(r"^### ([A-Z_]+)", path.read_text("utf-8"), re.M))
    codes = emitted_codes()

    assert {"QUORUM_NOT_REACHED", "TALLY_MISMATCH", "PROXY_HOLDER_ABSENT"} <= codes
    assert set() == codes - documented


def test_every_rule_set_is_documented() -> None:
    """docs/rules.md names every rule set of the registry (or its family pattern)."""
    from quorum.rulesets import RULE_SETS

    text = (ROOT / "docs" / "rules.md").read_text("utf-8")
    missing = [
        name
        for name in RULE_SETS
        if f"`{name}`" not in text and f"`…-{name.split('-', 2)[-1]}`" not in text
    ]

    assert [] == missing
