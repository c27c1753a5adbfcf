"""Benchmark: writing the HTML report of a large session against auditing it.

Run: ``python benchmarks/report_bench.py``. It builds the session of ``tests/test_html.py``
(600 members x 1,000 items, arrivals, departures and proxies, fixed seed) and measures, best of 3:

* ``audit``: :func:`quorum.audit`;
* ``html``: :func:`quorum.html.render_html` of that audit (per-item member lists included);
* the ratio html / audit, and the size of the page.

The tests check what the page holds, never how long it takes: speed is this ratio.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import quorum
from quorum.html import render_html
from test_html import big_session


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    session = big_session(600, 1000)
    result = quorum.audit(session)
    audit_s = best(lambda: quorum.audit(session))
    html_s = best(lambda: render_html(result))
    size = len(render_html(result).encode())
    print(f"audit {audit_s:.3f} s, html {html_s:.3f} s, html/audit {html_s / audit_s:.1f}, "
          f"page {size / 2**20:.2f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
