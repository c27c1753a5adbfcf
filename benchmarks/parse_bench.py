"""Parse time of the Besançon minutes, and of the same text at 10x and 100x its size.

Run: ``python benchmarks/parse_bench.py`` (from the repository root, with quorum importable).
The time should grow linearly with the size. Then the hostile inputs of
``tests/parse/test_robustness.py`` (binary data, a huge line, a phrase repeated 100,000 times,
unbalanced parentheses, 10 MB of minutes): each one's time per character as a ratio to the seed's,
which should stay small (no input is super-linear).
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from quorum.exceptions import QuorumError
from quorum.parse import parse_minutes

SEED = Path(__file__).parent.parent / "tests" / "data" / "grand-besancon-2026-01-29.txt"


def bench(text: str, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` parses, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(QuorumError):
            parse_minutes(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    base = None
    for factor in (1, 10, 100):
        text = seed * factor
        seconds = bench(text, repeat=3 if factor < 100 else 1)
        base = base or seconds
        print(
            f"x{factor:<4} {len(text):>10,} chars  {seconds * 1000:9.1f} ms"
            f"  ({seconds / base:6.1f} x the seed time)"
        )


def hostile(seed: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "parse"))
    from test_robustness import BAD, TEN_MEGABYTES

    per_char = bench(seed) / len(seed)
    for name, text in sorted({**BAD, "ten megabytes": TEN_MEGABYTES}.items()):
        seconds = bench(text, repeat=1)
        ratio = seconds / len(text) / per_char
        print(f"{name:<20} {len(text):>10,} chars  {seconds:7.2f} s  ({ratio:5.2f} x per char)")


if __name__ == "__main__":
    main()
    hostile(SEED.read_text(encoding="utf-8"))
