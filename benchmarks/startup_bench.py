"""Benchmark: how long the ``quorum`` command takes to start, as ratios to ``python -c pass``.

Run: ``python benchmarks/startup_bench.py [--runs N]`` from the repository. It runs, N times each
(default 20) and interleaved so that a busy machine slows all three alike:

* ``python -c pass``: the floor, the interpreter alone;
* ``quorum --version``: the console script of the same environment;
* ``quorum check examples/grand-besancon-2026-01-29.session.json`` (123 members, 37 items);

and prints the median and best wall time of each and their ratios to the floor.

The commands run as an installed package runs: with its bytecode cached. The environment may
forbid writing bytecode (``PYTHONDONTWRITEBYTECODE``, set on the project's CI machines), and
then every start compiles the package's sources again (about 45 ms); the benchmark lifts it
and caches the bytecode in a temporary folder (``PYTHONPYCACHEPREFIX``) so that nothing is
written into the source tree. ``--no-cache`` measures the starts that compile.

Targets (issue 12): ``--version`` within 3x of ``python -c pass``, ``check`` within 8x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = ROOT / "examples" / "grand-besancon-2026-01-29.session.json"
TARGETS = {"--version": 3.0, "check": 8.0}


def quorum_command() -> list[str]:
    """The ``quorum`` console script next to this interpreter, else the same entry point."""
    script = Path(sys.executable).parent / "quorum"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from quorum.cli import main; main()"]


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command")
    parser.add_argument("--no-cache", action="store_true", help="compile at every start")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quorum-pycache-") as cache:
        env = dict(os.environ)
        if not args.no_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        measure(args.runs, env)


def measure(runs: int, env: dict[str, str]) -> None:
    """Run the three commands ``runs`` times each, interleaved, and print the figures."""
    quorum = quorum_command()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--version": [*quorum, "--version"],
        "check": [*quorum, "check", str(SESSION)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache (and the bytecode cache)
        wall(argv, env)
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(wall(argv, env))
    floor_median = statistics.median(times["python -c pass"])
    floor_best = min(times["python -c pass"])
    print(f"{runs} runs each; wall time in ms (median, best); ratio to python -c pass")
    for name, values in times.items():
        median, best = statistics.median(values), min(values)
        line = f"  {name:16} {median * 1000:7.1f} {best * 1000:7.1f}"
        if name in TARGETS:
            line += (
                f"   ratio {median / floor_median:4.1f}x (median) {best / floor_best:4.1f}x "
                f"(best); target {TARGETS[name]:.0f}x"
            )
        print(line)


if __name__ == "__main__":
    main()
