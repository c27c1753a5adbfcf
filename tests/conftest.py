"""Shared test configuration: hypothesis profiles.

``default``: 200 examples, no deadline. ``ci``: the same, derandomized so that a CI run is
reproducible; loaded when the environment variable ``CI`` is set.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
