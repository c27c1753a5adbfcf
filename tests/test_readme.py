"""The README's Python example runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_example_runs() -> None:
    """Every '# 79 21 100'-style comment in the README's example matches what is printed."""
    readme = (ROOT / "README.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code is not None
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)

    expected = [c.strip() for c in re.findall(r"print\(.*\)\s+# (.*)", code.group(1))]
    printed = out.getvalue().splitlines()
    assert expected == printed[: len(expected)]
    assert printed[len(expected) :] == [
        "warning PROXY_HOLDER_ABSENT ('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11') "
        "Christine WERTHE's proxy to Pierre-Charles HENRY cannot be used at items 1-11: the "
        "holder is absent there, so the giver's vote is lost",
        "warning PROXY_HOLDER_ABSENT ('1', '2', '3', '4', '5') Claude VARET's proxy to Laurence "
        "MULOT cannot be used at items 1-5: the holder is absent there, so the giver's vote is "
        "lost",
    ]
