"""Reading the text of French minutes (procès-verbal, compte rendu, extrait) into a Session.

The reader has layers, one module each: ``_text`` (normalise, lines, fragments) → ``_lists``
(attendance sections) and ``_items`` (headings, votes) → ``_names`` (names and their resolution)
→ ``_build`` (a valid session). The vocabulary is data, in ``_patterns`` and ``_lexicon``.
Everything that could not be read, had to be inferred or is contradictory is a finding in
``session.notes``; the codes are documented in ``docs/parsing.md``.
"""

from __future__ import annotations

from quorum.exceptions import QuorumError, SessionFileError
from quorum.model import Session

__all__ = ["parse_minutes"]


def parse_minutes(text: str) -> Session:
    """Read minutes into a session; what could not be read goes to ``session.notes``.

    Raises:
        SessionFileError: the text holds no minutes at all (empty, or no member list).
    """
    from quorum.parse._session import build_session

    if not isinstance(text, str):
        raise SessionFileError(f"minutes must be text (str), not {type(text).__name__}")
    try:
        return build_session(text)
    except QuorumError:
        raise
    except RecursionError:  # pragma: no cover - defensive
        raise SessionFileError("the minutes are nested too deeply to be read") from None
    except Exception as err:  # pragma: no cover - a bug: keep the contract, say so clearly
        raise SessionFileError(
            f"internal error while reading the minutes ({type(err).__name__}: {err}); "
            "please report it with the text"
        ) from err
