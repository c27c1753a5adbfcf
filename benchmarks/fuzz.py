"""A long fuzz run, for maintainers: mutated session files and minutes until a time budget ends.

Run: ``python benchmarks/fuzz.py --minutes 10`` (see docs/maintainers.md). It uses the harness of
the fuzz suite (``tests/fuzzing.py``): valid session documents (the fixtures of tests/data and
random sessions) and the minutes of tests/data, mutated, then

* through the API: read, audit under several rule sets, the audit document, write then read,
  with the invariants (voters = present + proxies, nobody counted twice);
* through the command line, in-process, one input in ``--cli-share`` (default 1 in 4): a
  documented exit status (0, 1, 2, 3), never an exception or the internal-error status.

Options: ``--minutes M`` (or ``--seconds S``) the budget; ``--seed N`` to replay a run;
``--minutes-folder DIR`` to mutate other minutes as well (e.g. ../shared/corpus/minutes);
``--save DIR`` where failing inputs are written (default: a temporary folder).

It prints the number of inputs per kind, how many were read, and every failure (the input
saved, with the seed and the input's number to replay it). Exit status 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import (
    check_cli,
    check_document,
    check_minutes,
    document_text,
    fixture_documents,
    minutes_texts,
    mutate_document,
    mutate_minutes,
    random_document,
)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--minutes", type=float, default=None, help="time budget in minutes")
    p.add_argument("--seconds", type=float, default=None, help="time budget in seconds")
    p.add_argument("--seed", type=int, default=None, help="seed (default: from the clock)")
    p.add_argument("--cli-share", type=int, default=4, help="one input in N through the CLI")
    p.add_argument("--minutes-folder", type=Path, help="more minutes (.txt) to mutate")
    p.add_argument("--save", type=Path, help="folder for failing inputs")
    args = p.parse_args(argv)
    budget = args.seconds if args.seconds is not None else 60 * (args.minutes or 1)
    seed = args.seed if args.seed is not None else int(time.time())
    save = args.save or Path(tempfile.mkdtemp(prefix="quorum-fuzz-"))
    save.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="quorum-fuzz-work-"))

    documents = fixture_documents()
    texts = minutes_texts()
    if args.minutes_folder:
        texts += [
            f.read_text("utf-8", errors="replace")
            for f in sorted(args.minutes_folder.glob("*.txt"))
        ]
    print(f"seed {seed}; {len(documents)} sessions, {len(texts)} minutes; budget {budget:g} s")

    counts: Counter[str] = Counter()
    failures: list[str] = []
    end = time.monotonic() + budget
    n = 0
    while time.monotonic() < end:
        n += 1
        rnd = random.Random(f"{seed}-{n}")
        minutes = rnd.random() < 0.3
        cli = rnd.randrange(args.cli_share) == 0
        kind = ("minutes" if minutes else "session") + (" cli" if cli else " api")
        counts[kind] += 1
        data: Any
        try:
            if minutes:
                data = mutate_minutes(rnd.choice(texts), rnd)
                if cli:
                    counts[f"{kind} status {check_cli(work / 'm.txt', data, rnd)}"] += 1
                elif check_minutes(data):
                    counts[f"{kind} read"] += 1
            else:
                base = rnd.choice(documents) if rnd.random() < 0.3 else random_document(rnd)
                data = mutate_document(base, rnd)
                if cli:
                    text = document_text(data)
                    counts[f"{kind} status {check_cli(work / 's.json', text, rnd)}"] += 1
                elif check_document(data):
                    counts[f"{kind} read"] += 1
        except Exception:  # a failure of the harness' checks: keep the input and go on
            name = save / f"failure-{seed}-{n}.{'txt' if minutes else 'json'}"
            body = data if minutes else document_text(data)
            name.write_text(body, encoding="utf-8", errors="surrogatepass")
            summary = traceback.format_exc().strip().splitlines()[-1]
            failures.append(f"input {n} ({kind}): {summary} -> {name}")
            print(failures[-1], flush=True)
    print(f"{n} inputs in {budget:g} s (seed {seed}):")
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")
    print(f"{len(failures)} failures" + (f"; inputs in {save}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
