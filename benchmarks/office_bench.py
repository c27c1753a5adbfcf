"""Benchmark and round trip: minutes as Word and LibreOffice documents against their text.

Run: ``python benchmarks/office_bench.py [FOLDER]`` (default: tests/data). Every ``.txt`` in the
folder is written as a .docx (python-docx) and an .odt (odfdo), a paragraph per line, in memory;
each is read back with :func:`quorum.io.read_session` and audited. It prints, per file, whether
the outcome equals the text's (per item: present, proxies, voters, quorum, tally; the findings'
codes and items; or the same reading error) and the reading time of each format as a ratio to
the text's, then the totals.

No target: the ratios say what reading a document costs on top of reading its text (unzip, XML).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from odfdo import Document, Paragraph

from quorum import audit
from quorum.audit import Audit
from quorum.exceptions import QuorumError
from quorum.io import read_session


def to_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_odt(lines: list[str]) -> bytes:
    document = Document("text")
    document.body.clear()
    for line in lines:
        document.body.append(Paragraph(line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def summary(result: Audit) -> tuple[object, ...]:
    items = [
        (i.item, i.present_count, i.proxy_count, i.voters, i.quorum.reached, i.tally.consistent)
        for i in result.items
    ]
    return items, sorted((f.code, f.items) for f in result.findings), result.verdict


def outcome(path: Path) -> object:
    """The audit's summary, or the reading error's message without the file name."""
    try:
        return summary(audit(read_session(path)))
    except QuorumError as err:
        return str(err).replace(f"{path}: ", "")


def best(run: Callable[[], object], times: int = 3) -> float:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return min(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="tests/data", type=Path)
    args = parser.parse_args()
    same = total = unreadable = 0
    ratios: dict[str, list[float]] = {".docx": [], ".odt": []}
    with tempfile.TemporaryDirectory() as tmp:
        for text_path in sorted(args.folder.glob("*.txt")):
            lines = text_path.read_text("utf-8", errors="replace").splitlines()
            expected = outcome(text_path)
            unreadable += isinstance(expected, str)
            t_text = best(lambda p=text_path: outcome(p))
            row = [text_path.name]
            for suffix, build in ((".docx", to_docx), (".odt", to_odt)):
                path = Path(tmp) / f"{text_path.stem}{suffix}"
                path.write_bytes(build(lines))
                total += 1
                ok = outcome(path) == expected
                same += ok
                ratio = best(lambda p=path: outcome(p)) / t_text
                ratios[suffix].append(ratio)
                row.append(f"{suffix} {'same' if ok else 'DIFFERENT'} x{ratio:.2f}")
            print("  ".join(row))
    print(f"\n{same}/{total} documents give the audit (or the error) of their text; {unreadable} "
          "texts cannot be read")  # fmt: skip
    for suffix, values in ratios.items():
        if values:
            values.sort()
            print(f"{suffix}: read time / text read time, median x{values[len(values) // 2]:.2f},"
                  f" max x{values[-1]:.2f}")  # fmt: skip
    return 0 if same == total else 1


if __name__ == "__main__":
    sys.exit(main())
