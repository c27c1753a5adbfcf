"""Reading and writing session files: ``quorum-session/1`` JSON or TOML, minutes as text or PDF.

Files are read with a bound (``MAX_BYTES``) and only when they are regular files: a device such
as ``/dev/zero`` or a pipe is refused before it is opened. Text is UTF-8 (with or without a BOM),
UTF-16 or UTF-32 with a BOM, or Windows-1252; a UTF-8 file with a few stray Windows-1252 bytes
is read line by line, and each repaired line becomes a warning (``TEXT_ENCODING_REPAIRED``).
"""

from __future__ import annotations

import codecs
import os
import stat
from typing import TYPE_CHECKING

from quorum.exceptions import InvalidSessionError, SessionFileError
from quorum.i18n import N_

if TYPE_CHECKING:
    from pathlib import Path

    from quorum.findings import Finding
    from quorum.model import Session

MINUTES_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".odt", ".doc")
SESSION_SUFFIXES = (".json", ".toml")
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_BYTES`` of them (never more is read)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SessionFileError(
                N_(
                    "is a folder, not a file: name a file in it, or run quorum check on the folder"
                ),
                file=str(path),
            )
        if not stat.S_ISREG(info.st_mode):
            raise SessionFileError(
                N_(
                    "is not a regular file (a device, a pipe or a socket): save what it holds to "
                    "a file and name that file"
                ),
                file=str(path),
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SessionFileError(
            N_("no such file: check the name and the folder it is in"), file=str(path)
        ) from None
    except OSError as err:
        raise SessionFileError(
            N_("cannot be read ({reason}): check that the file exists and that you may read it"),
            file=str(path),
            reason=err.strerror or str(err),
        ) from None
    if len(data) > MAX_BYTES:
        raise SessionFileError(
            N_("is larger than {size} MiB: split it, or check that it is the right file"),
            file=str(path),
            size=MAX_BYTES // 2**20,
        )
    return data


def decode_text(data: bytes) -> tuple[str, tuple[int, ...]]:
    """Text from bytes, and the 1-based numbers of the lines repaired.

    A BOM names the encoding (UTF-8, UTF-16, UTF-32). Otherwise UTF-8; a file with no valid
    non-ASCII UTF-8 line at all is Windows-1252 as a whole; in a UTF-8 file, a stray byte that is
    not UTF-8 (Windows-1252 or Latin-1) is read as Windows-1252, and the numbers of the lines
    repaired are returned so that a warning can name them.

    Raises:
        ValueError: the bytes are not text (NUL bytes without a BOM, or undecodable).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if b"\0" in data[:4096]:
        raise ValueError("is not a text file")
    lines = data.splitlines(keepends=True)
    good_non_ascii = False
    bad: list[int] = []
    for n, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(n)
        else:
            good_non_ascii = good_non_ascii or not line.isascii()
    if not good_non_ascii:  # no line is UTF-8 beyond ASCII: the file is Windows-1252
        return data.decode("cp1252", errors="replace"), ()
    return data.decode("utf-8", errors=_REPAIR), tuple(bad)


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Error handler: the bytes that are not UTF-8 read as Windows-1252 (only those)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start : err.end].decode("cp1252", errors="replace"), err.end


_REPAIR = "quorum-cp1252-bytes"
codecs.register_error(_REPAIR, _cp1252_bytes)


def _repair_notes(text: str, lines: tuple[int, ...]) -> tuple[Finding, ...]:
    from quorum.findings import Finding, Severity, Source

    all_lines = text.splitlines()
    return tuple(
        Finding(
            code="TEXT_ENCODING_REPAIRED",
            severity=Severity.WARNING,
            template=N_(
                "line {line} is not UTF-8 like the rest of the file: its stray bytes were read "
                "as Windows-1252; check its accented letters, and save the file as UTF-8"
            ),
            params={"line": n},
            source=Source(line=n, text=all_lines[n - 1].strip()[:200] or None),
        )
        for n in lines
        if n <= len(all_lines)
    )


def _text(data: bytes, path: str | Path) -> tuple[str, tuple[int, ...]]:
    try:
        return decode_text(data)
    except ValueError as err:
        if str(err) == "is not a text file":
            raise SessionFileError(
                N_(
                    "is not a text file: save the minutes as text (.txt, UTF-8) or as a PDF with "
                    "a text layer"
                ),
                file=str(path),
            ) from None
        raise SessionFileError(
            N_("{reason}: save the minutes as text (.txt, UTF-8) or as a PDF with a text layer"),
            file=str(path),
            reason=str(err),
        ) from None


def pdf_text(data: bytes, path: str | Path) -> str:
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
            N_("is not a readable PDF ({reason}): export it again, or save the minutes as text"),
            file=str(path),
            reason=str(err),
        ) from None
    if not text.strip():
        raise SessionFileError(
            N_("no text layer: run OCR first, or save the minutes as text"), file=str(path)
        )
    return text


_MINUTES_HINT = N_(
    '{problem}: the reader needs the list of members present ("Présents : …"); if the minutes '
    "have one under another heading, write the session file by hand (docs/session-format.md)"
)


def _minutes(text: str, path: str | Path) -> Session:
    from quorum.findings import Message
    from quorum.parse import parse_minutes

    try:
        return parse_minutes(text)
    except SessionFileError as err:
        if not str(err).startswith(("no member list found", "the minutes are empty")):
            raise SessionFileError(err.template, file=str(path), **err.params) from None
        problem = Message(err.template, err.params)  # in the language of the report
        raise SessionFileError(_MINUTES_HINT, file=str(path), problem=problem) from None


def _document(text: str, path: str | Path, suffix: str) -> object:
    from quorum.sessionfile import loads

    if suffix == ".toml":
        import tomllib
        from decimal import Decimal

        try:
            return tomllib.loads(text, parse_float=Decimal)
        except ValueError as err:  # TOMLDecodeError, or an integer of more than 4,300 digits
            raise SessionFileError(
                N_("is not valid TOML: {reason}: correct the file at that place"),
                file=str(path),
                reason=str(err),
            ) from None
        except RecursionError:
            raise SessionFileError(
                N_("is not valid TOML: nested too deeply: a session file has a few levels only"),
                file=str(path),
            ) from None
    try:
        return loads(text)
    except ValueError as err:
        raise SessionFileError(
            N_("is not valid JSON: {reason}: correct the file at that place"),
            file=str(path),
            reason=str(err),
        ) from None
    except RecursionError:
        raise SessionFileError(
            N_("is not valid JSON: nested too deeply: a session file has a few levels only"),
            file=str(path),
        ) from None


def read_session(path: str | Path) -> Session:
    """Read a session from a ``quorum-session/1`` file (.json, .toml) or from minutes (.txt, .pdf).

    Raises:
        SessionFileError: the file cannot be read or decoded.
        InvalidSessionError: the document breaks the format; every problem is listed.
    """
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()
    data = _read_bytes(path)
    if suffix in (".docx", ".odt", ".doc"):  # Word, LibreOffice; .doc to say how to convert it
        from quorum.office import office_text
        from quorum.parse import parse_minutes as read_minutes

        return read_minutes(office_text(data, path))
    if suffix == ".pdf":
        return _minutes(pdf_text(data, path), path)
    text, repaired = _text(data, path)
    if suffix in (".txt", ".text") or (
        suffix not in SESSION_SUFFIXES and not text.lstrip().startswith("{")
    ):
        session = _minutes(text, path)
    else:
        from quorum.sessionfile import session_from_dict

        doc = _document(text, path, suffix)
        try:
            session = session_from_dict(doc)
        except InvalidSessionError as err:
            raise InvalidSessionError(err.problems, file=str(path)) from None
    if repaired:
        import attrs

        session = attrs.evolve(session, notes=session.notes + _repair_notes(text, repaired))
    return session


def write_session(session: Session, path: str | Path) -> None:
    """Write a session as ``quorum-session/1`` JSON."""
    from quorum.sessionfile import dumps, session_to_dict

    with open(path, "w", encoding="utf-8") as fh:
        fh.write(dumps(session_to_dict(session)) + "\n")
