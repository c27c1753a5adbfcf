"""Benchmark: reading a large weighted session against auditing it.

Run: ``python benchmarks/audit_bench.py`` (add ``--profile`` to print where the audit spends its
time). It generates, with a fixed seed, a weighted assembly as a ``quorum-session/1`` document
built directly as a dict (not through :class:`quorum.Session`, so that generating it costs nothing
on the read side), writes it to a temporary directory and measures, in one run:

* ``read``: :func:`quorum.read_session` on the file, best of 3;
* ``audit``: :func:`quorum.audit` and, for every item, its ``voters`` and ``vote_weight`` (not
  the member lists), best of 3;
* the ratio audit / read, at 100,000 members (500 items, 30,000 proxies) and at 10,000 members
  (500 items, 3,000 proxies), and the growth audit(100k) / audit(10k);
* peak memory: the tracemalloc peak over read + audit of the 100k case, and the process's
  maximum resident set size.

Targets: ratio <= 1.0, growth <= 15, peak < 2 GiB.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import quorum

SEED = 20260129
ITEMS = 500
GIB = 2**30
TARGET_RATIO = 1.0
TARGET_GROWTH = 15.0
TARGET_PEAK = 2 * GIB


def generate(
    members: int, items: int, proxies: int, *, rules: str, seed: int, givers: str = "any"
) -> dict[str, Any]:
    """A quorum-session/1 document: a weighted assembly, built as plain JSON values.

    ``givers="any"`` draws proxy givers among all titulars (most are there all along, so most
    proxies are flagged "giver present"); ``"away"`` draws them among titulars who miss part or
    all of the session.
    """
    rnd = random.Random(seed)
    agenda = [str(i) if i % 50 else f"{i - 1} bis" for i in range(1, items + 1)]

    def span() -> tuple[str | None, str | None]:
        a, b = sorted(rnd.randrange(items) for _ in range(2))
        first = None if a == 0 or rnd.random() < 0.3 else agenda[a]
        last = None if b == items - 1 or rnd.random() < 0.3 else agenda[b]
        return first, last

    ids = [f"m{i:06d}" for i in range(members)]
    substitutes = max(1, members // 2000)  # a few: 50 at 100k
    titulars = ids[: members - substitutes]
    doc_members: list[dict[str, Any]] = []
    for i, mid in enumerate(ids):
        weight: int | str = rnd.randint(1, 1000)
        if rnd.random() < 0.05:
            weight = f"{rnd.randint(1, 999)}.{rnd.randint(0, 99):02d}"
        member: dict[str, Any] = {
            "id": mid,
            "name": f"Member {i}",
            "group": f"G{i % 17}",
            "weight": weight,
        }
        if i >= len(titulars):
            member["role"] = "substitute"
            member["substitute_for"] = titulars[rnd.randrange(len(titulars))]
        doc_members.append(member)
    attendance: list[dict[str, Any]] = []
    away: list[str] = []
    for i, mid in enumerate(ids):
        r = rnd.random()
        if i >= len(titulars):  # a substitute sits for part of the session
            first, last = span()
            attendance.append({"member": mid, "from": first, "until": last})
            continue
        if r < 0.70:  # there all along
            attendance.append({"member": mid, "from": None, "until": None})
            continue
        away.append(mid)
        if r < 0.85:  # leaves and comes back: two stretches
            a, b = sorted(rnd.sample(range(1, items - 1), 2))
            attendance.append({"member": mid, "from": None, "until": agenda[a - 1]})
            attendance.append({"member": mid, "from": agenda[b], "until": None})
        elif r < 0.95:  # arrives late or leaves early
            first, last = span()
            attendance.append({"member": mid, "from": first, "until": last})
        # else: absent all session
    holders = ids[: max(2, members // 5)]  # proxies go to a fifth of the members: some clash
    doc_proxies: list[dict[str, Any]] = []
    pool = titulars if givers == "any" else away
    for _ in range(proxies):
        giver = pool[rnd.randrange(len(pool))]
        holder = giver
        while holder == giver:
            holder = holders[rnd.randrange(len(holders))]
        first, last = span()
        doc_proxies.append({"giver": giver, "holder": holder, "from": first, "until": last})
    return {
        "format": "quorum-session/1",
        "body": f"Benchmark assembly ({members} members)",
        "date": "2026-01-29",
        "rules": rules,
        "members_in_office": None,
        "agenda": agenda,
        "members": doc_members,
        "attendance": attendance,
        "proxies": doc_proxies,
        "tallies": [],
    }


def best_of(n: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """The best wall time of ``n`` calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(n):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def audit_all(session: quorum.Session) -> tuple[int, Any]:
    """Audit and touch every item's voters and vote weight."""
    result = quorum.audit(session)
    voters, weight = 0, 0
    for item in result.items:
        voters += item.voters
        weight += item.vote_weight
    return voters, weight


def measure(path: Path) -> dict[str, Any]:
    read_t, session = best_of(3, lambda: quorum.read_session(path))
    audit_t, totals = best_of(3, lambda: audit_all(session))
    return {
        "read": read_t,
        "audit": audit_t,
        "ratio": audit_t / read_t,
        "members": len(session.members),
        "stretches": len(session.attendance),
        "proxies": len(session.proxies),
        "bytes": path.stat().st_size,
        "totals": totals,
    }


def peak_memory(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    session = quorum.read_session(path)
    audit_all(session)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def maxrss_bytes() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def profile(path: Path, top: int = 25) -> None:
    session = quorum.read_session(path)
    prof = cProfile.Profile()
    prof.enable()
    audit_all(session)
    prof.disable()
    print("\nWhere audit(100k) spends its time (cProfile, cumulative):")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    print("By own time:")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)
    prof = cProfile.Profile()
    prof.enable()
    quorum.read_session(path)
    prof.disable()
    print("\nWhere read_session(100k) spends its time (cProfile, own time):")
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="plain", choices=sorted(quorum.RULE_SETS))
    parser.add_argument("--givers", default="any", choices=["any", "away"])
    parser.add_argument("--profile", action="store_true", help="always print a cProfile")
    args = parser.parse_args()
    cases = {"10k": (10_000, 3_000), "100k": (100_000, 30_000)}
    with tempfile.TemporaryDirectory(prefix="quorum-bench-") as tmp:
        paths = {}
        for name, (members, proxies) in cases.items():
            t0 = time.perf_counter()
            doc = generate(
                members, ITEMS, proxies, rules=args.rules, seed=SEED, givers=args.givers
            )
            paths[name] = Path(tmp) / f"bench-{name}.session.json"
            paths[name].write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
            del doc
            print(f"generated {name} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
        results = {name: measure(path) for name, path in paths.items()}
        peak = peak_memory(paths["100k"])
        rss = maxrss_bytes()
        growth = results["100k"]["audit"] / results["10k"]["audit"]

        python = sys.version.split()[0]
        print(f"\nquorum {quorum.__version__}, Python {python}, rules {args.rules}", end="")
        print(f", givers {args.givers}")
        print(f"seed {SEED}, {ITEMS} items\n")
        header = f"{'case':<6}{'members':>9}{'stretches':>11}{'proxies':>9}{'file MiB':>10}"
        header += f"{'read s':>9}{'audit s':>9}{'audit/read':>12}"
        print(header)
        print("-" * len(header))
        for name, r in results.items():
            print(
                f"{name:<6}{r['members']:>9}{r['stretches']:>11}{r['proxies']:>9}"
                f"{r['bytes'] / 2**20:>10.1f}{r['read']:>9.3f}{r['audit']:>9.3f}"
                f"{r['ratio']:>12.3f}"
            )
        print(f"\ngrowth audit(100k)/audit(10k): {growth:.2f}")
        print(f"tracemalloc peak (read + audit, 100k): {peak / 2**20:.1f} MiB")
        print(f"max RSS of this process: {rss / 2**20:.1f} MiB")

        checks = [
            ("audit/read <= 1.0 (100k)", results["100k"]["ratio"] <= TARGET_RATIO),
            ("audit/read <= 1.0 (10k)", results["10k"]["ratio"] <= TARGET_RATIO),
            (f"growth <= {TARGET_GROWTH:g}", growth <= TARGET_GROWTH),
            ("peak < 2 GiB (tracemalloc and max RSS)", max(peak, rss) < TARGET_PEAK),
        ]
        print()
        for what, ok in checks:
            print(f"  [{'ok' if ok else 'FAIL'}] {what}")
        failed = not all(ok for _, ok in checks)
        if failed or args.profile:
            profile(paths["100k"])
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
