"""Benchmark: ``quorum check FOLDER --jobs N``, files per second for 1 and 2 jobs, and the ratio.

Run: ``python benchmarks/jobs_bench.py FOLDER [--jobs 1 2] [--repeat 2]``, for example on the
48 real minutes of the shared corpus: ``python benchmarks/jobs_bench.py ../shared/corpus/minutes``.

Each run is the whole command, in a child process (``quorum check FOLDER --jobs N``, the
console script of this environment), so the figure includes the start of the command and of
the pool; the best of ``--repeat`` runs is kept, with the CPU time the run used (all its
processes): on a busy machine the wall times say little, and equal CPU times say that the pool
costs little. It also checks that every number of jobs prints the same lines, in the same order,
with the same exit status.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SUFFIXES = (".txt", ".text", ".pdf", ".json", ".toml")


def quorum_command() -> list[str]:
    """The ``quorum`` console script next to this interpreter, else the same entry point."""
    script = Path(sys.executable).parent / "quorum"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from quorum.cli import main; main()"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of minutes or session files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="numbers of jobs")
    parser.add_argument("--repeat", type=int, default=2, help="runs per number of jobs")
    args = parser.parse_args()
    files = [p for p in args.folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES]
    if not files:
        parser.error(f"{args.folder}: no minutes or session files in this folder")
    print(f"{len(files)} files in {args.folder}; {os.cpu_count()} processors")
    outputs: dict[int, tuple[int, str]] = {}
    rates: dict[int, float] = {}
    for jobs in args.jobs:
        best, cpu = float("inf"), float("inf")
        for _ in range(args.repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(
                [*quorum_command(), "check", str(args.folder), "--jobs", str(jobs)],
                capture_output=True,
                text=True,
                check=False,
            )
            best = min(best, time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            cpu = min(cpu, used)
            outputs[jobs] = (done.returncode, done.stdout)
        rates[jobs] = len(files) / best
        print(f"  --jobs {jobs}: {best:6.2f} s, {rates[jobs]:6.1f} files/s, {cpu:5.2f} s of CPU")
    first = args.jobs[0]
    for jobs in args.jobs[1:]:
        same = "same lines and status" if outputs[jobs] == outputs[first] else "DIFFERENT OUTPUT"
        print(f"  ratio --jobs {jobs} / --jobs {first}: {rates[jobs] / rates[first]:.2f} ({same})")


if __name__ == "__main__":
    main()
