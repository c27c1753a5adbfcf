"""The mutation score of the last ``scripts/mutation.sh`` run, per module (docs/mutation.md).

Reads ``mutmut results --all true`` (one ``name: status`` line per mutant) and
``scripts/mutation_equivalent.txt`` (the mutants no input can tell from the code, one name per
line with the reason after ``#``). Prints, per module, each status's count and the score:
killed (timeouts included) out of the mutants that are not equivalent. Listed equivalents
that were run and are not survivors (renumbered by a change of the code, or killed) are
printed as stale: read them again (``mutmut show NAME``) and update the list.

Exit status 1 when a module scores below ``--target`` (default 90 %).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("counting", "timeline", "audit", "rules")
EQUIVALENT = ROOT / "scripts" / "mutation_equivalent.txt"
DETECTED = ("killed", "timeout", "caught by type check")


def results(mutmut: str) -> dict[str, str]:
    out = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("quorum."):
            found[name] = status
    return found


def equivalent() -> dict[str, str]:
    """Name -> why, from the list (``#`` starts the reason; blank lines and comments skipped)."""
    out = {}
    for line in EQUIVALENT.read_text("utf-8").splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            out[name.strip()] = why.strip()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", type=float, default=90.0, help="the lowest score, in percent")
    ap.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    ap.add_argument("--mutmut", default=str(Path(sys.executable).parent / "mutmut"))
    args = ap.parse_args()
    status = results(args.mutmut)
    if not status:
        print("no mutmut results: run scripts/mutation.sh first", file=sys.stderr)
        return 2
    equiv = equivalent()
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for name, st in sorted(status.items()):
        module = name.split(".")[1]
        if name in equiv and st == "survived":
            st = "equivalent"
        elif st in ("survived", "no tests"):
            survivors.append(f"{name}: {st}")
        by_module[module][st] += 1
    # listed, run, and not a survivor (killed, or another mutant since a change of the code)
    stale = sorted(
        n for n in equiv if status.get(n, "no such mutant") not in ("survived", "not checked")
    )
    low = False
    print(f"{'module':10} {'killed':>7} {'timeout':>8} {'survived':>9} {'no tests':>9} "
          f"{'equiv.':>7} {'unchecked':>10} {'score':>16}")  # fmt: skip
    for module in MODULES:
        c = by_module[module]
        detected = sum(c[s] for s in DETECTED)
        counted = sum(c.values()) - c["equivalent"] - c["not checked"]
        score = 100 * detected / counted if counted else 0.0
        low = low or score < args.target
        print(
            f"{module:10} {c['killed']:7} {c['timeout']:8} {c['survived']:9} {c['no tests']:9} "
            f"{c['equivalent']:7} {c['not checked']:10} {detected:5}/{counted:<5} {score:5.1f}%"
        )
    if stale:
        print(f"\n{len(stale)} listed equivalent mutants are not survivors now (stale):")
        print("\n".join(f"  {n}: {status.get(n, 'no such mutant')}" for n in stale))
    if args.survivors and survivors:
        print(f"\n{len(survivors)} survivors (mutmut show NAME shows one):")
        print("\n".join(f"  {s}" for s in survivors))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
