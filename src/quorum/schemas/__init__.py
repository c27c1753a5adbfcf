"""The JSON Schemas (draft 2020-12) of the two file formats, shipped with the package.

``quorum-session/1`` (``docs/session-format.md``) and ``quorum-audit/1``
(``docs/audit-format.md``), so that another application can validate a file before it reads
it (``docs/schemas.md``)::

    import jsonschema
    from quorum import schemas

    jsonschema.validate(document, schemas.load("quorum-session/1"))

The schemas are plain JSON files beside this module (``quorum-session-1.schema.json``,
``quorum-audit-1.schema.json``); :func:`path` gives where they are. This module needs no
JSON Schema library: validating is the caller's business.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

FORMATS = ("quorum-session/1", "quorum-audit/1")
"""The formats that have a schema."""


def filename(fmt: str) -> str:
    """The schema file of a format: ``quorum-session/1`` -> ``quorum-session-1.schema.json``.

    Raises:
        ValueError: no schema for that format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"no schema for {fmt!r}; there is one for {', '.join(FORMATS)}")
    return fmt.replace("/", "-") + ".schema.json"


def path(fmt: str) -> Traversable:
    """The schema file of a format, inside the installed package (``.read_text()`` reads it)."""
    return resources.files(__name__).joinpath(filename(fmt))


def load(fmt: str) -> dict[str, Any]:
    """The schema of a format, as a new dict (``"quorum-session/1"`` or ``"quorum-audit/1"``).

    Raises:
        ValueError: no schema for that format.
    """
    schema: dict[str, Any] = json.loads(path(fmt).read_text(encoding="utf-8"))
    return schema
