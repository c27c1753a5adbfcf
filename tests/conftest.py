"""Shared test configuration: hypothesis profiles, and English reports.

``default``: 200 examples, no deadline. ``ci``: the same, derandomized so that a CI run is
reproducible; loaded when the environment variable ``CI`` is set.

Reports follow the locale (French under a French one), and most tests read English labels: the
session runs under ``LC_ALL=C.UTF-8`` so that they pass on a French machine too; the tests of
the French reports set their own locale (``tests/test_i18n.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True, scope="session")
def english_locale() -> Iterator[None]:
    saved = os.environ.get("LC_ALL")
    os.environ["LC_ALL"] = "C.UTF-8"
    yield
    if saved is None:
        del os.environ["LC_ALL"]
    else:
        os.environ["LC_ALL"] = saved
