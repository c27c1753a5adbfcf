"""Reading and writing session files: ``quorum-session/1`` JSON or TOML, minutes as text or PDF."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from quorum.exceptions import InvalidSessionError, SessionFileError
from quorum.i18n import N_
from quorum.model import Session
from quorum.parse import parse_minutes
from quorum.sessionfile import dumps, loads, session_from_dict, session_to_dict

MINUTES_SUFFIXES = (".txt", ".text", ".pdf")
SESSION_SUFFIXES = (".json", ".toml")
MAX_BYTES = 64 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise SessionFileError(N_("is a folder, not a file"), file=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise SessionFileError(N_("no such file"), file=str(path)) from None
    except OSError as err:
        raise SessionFileError(
            N_("cannot be read: {reason}"), file=str(path), reason=err.strerror or str(err)
        ) from None
    if len(data) > MAX_BYTES:
        raise SessionFileError(
            N_("is larger than {size} MiB"), file=str(path), size=MAX_BYTES // 2**20
        )
    return data


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if b"\0" in data[:4096]:
            raise SessionFileError(N_("is not a text file"), file=str(path)) from None
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise SessionFileError(
                N_("is not UTF-8 text ({reason} at byte {byte})"),
                file=str(path),
                reason=err.reason,
                byte=err.start,
            ) from None


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer of a PDF (needs the ``pdf`` extra: pypdf)."""
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        raise SessionFileError(
            N_("reading PDF needs pypdf: pip install 'quorum-minutes[pdf]'"), file=str(path)
        ) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as err:  # pypdf raises many kinds on damaged files
        raise SessionFileError(
            N_("is not a readable PDF ({error})"), file=str(path), error=str(err)
        ) from None
    if not text.strip():
        raise SessionFileError(N_("no text layer: run OCR first"), file=str(path))
    return text


def read_session(path: str | Path) -> Session:
    """Read a session from a ``quorum-session/1`` file (.json, .toml) or from minutes (.txt, .pdf).

    Raises:
        SessionFileError: the file cannot be read or decoded.
        InvalidSessionError: the document breaks the format; every problem is listed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    data = _read_bytes(path)
    if suffix == ".pdf":
        return parse_minutes(pdf_text(data, path))
    text = _text(data, path)
    if suffix in (".txt", ".text"):
        return parse_minutes(text)
    if suffix == ".toml":
        try:
            doc = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as err:
            raise SessionFileError(
                N_("is not valid TOML: {error}"), file=str(path), error=str(err)
            ) from None
    else:
        if suffix != ".json" and not text.lstrip().startswith("{"):
            return parse_minutes(text)
        try:
            doc = loads(text)
        except ValueError as err:
            raise SessionFileError(
                N_("is not valid JSON: {error}"), file=str(path), error=str(err)
            ) from None
        except RecursionError:
            raise SessionFileError(
                N_("is not valid JSON: nested too deeply"), file=str(path)
            ) from None
    try:
        return session_from_dict(doc)
    except InvalidSessionError as err:
        raise InvalidSessionError(err.problems, file=str(path)) from None


def write_session(session: Session, path: str | Path) -> None:
    """Write a session as ``quorum-session/1`` JSON."""
    Path(path).write_text(dumps(session_to_dict(session)) + "\n", encoding="utf-8")
