"""Reading the text of French minutes (procès-verbal, compte rendu, extrait) into a Session."""

from __future__ import annotations

from quorum.exceptions import SessionFileError
from quorum.model import Session

__all__ = ["parse_minutes"]


def parse_minutes(text: str) -> Session:
    """Read minutes into a session; what could not be read goes to ``session.notes``."""
    raise SessionFileError("reading minutes is not implemented yet")
