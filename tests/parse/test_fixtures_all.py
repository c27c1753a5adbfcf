"""The harness over every hand-counted real minutes fixture: counts per item and the verdict.

For each fixture (``tests/data/*.txt`` and ``tests/data/minutes/*.txt`` with an
``.expected.json`` beside it) the text is read and audited; each expected item that has
non-null counts is compared on present, usable proxies and voters (a null is not a value to
match). Items are matched by label; an expected item whose label the reading does not have is
matched by its rank when both sides have as many items, and the first expected item with the
first item read (a snapshot of the attendance at the opening is the first item).

Fixtures that do not pass yet are marked ``xfail(strict=True)``: a fix makes the mark fail, so the
mark is removed and this file measures progress. ``python tests/parse/test_fixtures_all.py``
prints items right / items compared for each fixture.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quorum.audit import Audit, audit
from quorum.findings import Severity, Verdict
from quorum.parse import parse_minutes

DATA = Path(__file__).resolve().parent.parent / "data"
_COUNTS = ("present", "proxies_valid", "voters")


def fixture_paths() -> dict[str, Path]:
    """Every minutes text of tests/data that has an expected file, by name."""
    found = [*DATA.glob("*.txt"), *(DATA / "minutes").glob("*.txt")]
    return {p.stem: p for p in sorted(found) if p.with_suffix(".expected.json").exists()}


PATHS = fixture_paths()


@dataclass(frozen=True)
class Row:
    """One expected item against the item it was matched with (``None``: no item matched)."""

    expected_label: str
    label: str | None
    expected: tuple[int | None, ...]
    got: tuple[int, ...] | None
    consistent: bool | None
    errors_at_item: int

    @property
    def right(self) -> bool:
        if self.got is None:
            return False
        return all(e is None or e == g for e, g in zip(self.expected, self.got, strict=True))


def _key(label: str) -> str | None:
    """The item number an expected label carries ("1/", "01", "III (SHAARL)", "25-04/031")."""
    text = label.strip()
    if m := re.match(r"\d{1,4}-\d{2,3}(?:/\d{1,4})?", text):
        return m.group()
    if m := re.match(r"(\d{1,4})(?![\d/-]\d)", text):
        return str(int(m.group(1)))
    if m := re.match(r"[IVXL]{1,6}\b", text):
        return m.group()
    return None


def _keys(items: list[dict[str, Any]]) -> list[str | None]:
    """Keys per expected item, a second use of one number read as "N (2)"."""
    seen: dict[str, int] = {}
    out: list[str | None] = []
    for it in items:
        k = _key(str(it["item"]))
        if k is not None:
            seen[k] = seen.get(k, 0) + 1
            if seen[k] > 1:
                k = f"{k} ({seen[k]})"
        out.append(k)
    return out


def expected(name: str) -> dict[str, Any]:
    return json.loads(PATHS[name].with_suffix(".expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def read(name: str) -> Audit:
    return audit(parse_minutes(PATHS[name].read_text(encoding="utf-8")))


def compare(name: str, result: Audit | None = None) -> list[Row]:
    """Every expected item with counts, against the item of the audit it is matched with."""
    result = result if result is not None else read(name)
    items = [it for it in expected(name)["items"] if any(it.get(k) is not None for k in _COUNTS)]
    by_label = {it.item: it for it in result.items}
    rows = []
    for rank, (key, it) in enumerate(zip(_keys(items), items, strict=True)):
        got = by_label.get(key) if key is not None else None
        if got is None and len(items) == len(result.items):
            got = result.items[rank]
        elif got is None and rank == 0 and result.items:
            got = result.items[0]
        rows.append(
            Row(
                expected_label=str(it["item"]),
                label=got.item if got else None,
                expected=tuple(it.get(k) for k in _COUNTS),
                got=(got.present_count, got.proxy_count, got.voters) if got else None,
                consistent=it.get("consistent"),
                errors_at_item=sum(f.severity is Severity.ERROR for f in got.findings)
                if got
                else 0,
            )
        )
    return rows


# Fixtures that do not pass yet, with the reason. Remove a line when its fixture passes.
COUNTS_FAIL: dict[str, str] = {}
VERDICT_FAIL: dict[str, str] = {}


def _marked(table: dict[str, str]) -> list[Any]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=table[n])) if n in table else n
        for n in PATHS
    ]


@pytest.mark.parametrize("name", _marked(COUNTS_FAIL))
def test_counts(name: str) -> None:
    """Present, usable proxies and voters of every expected item with counts."""
    rows = compare(name)
    assert rows, "no expected item with counts"
    wrong = [(r.expected_label, r.label, r.expected, r.got) for r in rows if not r.right]
    assert not wrong


@pytest.mark.parametrize("name", _marked(VERDICT_FAIL))
def test_verdict(name: str) -> None:
    """No error at an item the expected file says consistent; minutes with a real inconsistency
    get the verdict ``errors`` (the reading complete)."""
    result = read(name)
    rows = compare(name, result)
    assert [r.expected_label for r in rows if r.consistent is True and r.errors_at_item] == []
    if any(r.consistent is False for r in rows):
        assert result.verdict is Verdict.ERRORS
    else:
        assert result.verdict is not Verdict.ERRORS


def test_harness_matches_labels_and_snapshots() -> None:
    assert _keys([{"item": "1/"}, {"item": "01"}, {"item": "III (SHAARL)"}]) == [
        "1",
        "1 (2)",
        "III",
    ]
    assert _key("25-04/034 (chapitre 65)") == "25-04/034"
    assert _key("Approbation du compte rendu du 6 décembre 2021") is None
    assert _key("2021-045") == "2021-045"
    assert not Row("1", None, (3, 0, 3), None, True, 0).right
    assert Row("1", "1", (3, None, 3), (3, 1, 3), True, 0).right


def main() -> None:  # pragma: no cover - the figures for the report
    total = right = 0
    for name in PATHS:
        try:
            result = read(name)
        except Exception as err:
            print(f"{name:40} refused: {err}")
            continue
        rows = compare(name, result)
        ok = sum(r.right for r in rows)
        total, right = total + len(rows), right + ok
        print(f"{name:40} {ok:3}/{len(rows):<3} verdict={result.verdict.value}")
        for r in rows:
            if not r.right:
                print(f"    {r.expected_label[:40]!r:44} -> {r.label} {r.expected} got {r.got}")
    print(f"{'total':40} {right:3}/{total}")


if __name__ == "__main__":  # pragma: no cover
    main()
