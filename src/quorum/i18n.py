"""The language of the reports: French for users, English on request, through gettext.

The labels of the text, Markdown and HTML reports are marked ``_("...")`` (``ngettext`` for a
count) and translated from the catalogue ``locale/fr/LC_MESSAGES/quorum.mo``, compiled from
``quorum.po`` beside it. English is the source language: it needs no catalogue.

The language is, in this order: the one a report is asked for (``--lang``, ``lang=``), else the
locale of the environment (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``, the first one set:
French when it starts with ``fr``), else English. A report is written inside :func:`using`, so
that every label of it is in one language.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "en")
"""The languages of the reports."""

DOMAIN = "quorum"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current: ContextVar[str | None] = ContextVar("quorum_language", default=None)


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``fr`` when the locale of the environment is French, else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX order of precedence
        value = env.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def language(lang: str | None = None) -> str:
    """The language to write in: ``lang``, else the one in use, else the environment's.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGUAGES`.
    """
    chosen = lang or _current.get() or from_environment()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}: choose one of {', '.join(LANGUAGES)}")
    return chosen


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of one language (English: none, the messages are English)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


@contextmanager
def using(lang: str | None = None) -> Iterator[str]:
    """Write in ``lang`` (or the environment's language) inside this block; yields it."""
    token = _current.set(language(lang))
    try:
        yield language()
    finally:
        _current.reset(token)


def N_(template: str) -> str:
    """Mark ``template`` for the catalogue and return it unchanged: a finding's or an error's
    message is translated when it is written, in the language of the report."""
    return template


def _(message: str) -> str:
    """``message`` in the language in use."""
    return translations(language()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in use, where the same English word needs another
    translation (``context``: ``"state"`` for one member's state, ``present``/``présent``)."""
    return translations(language()).pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the language in use (French: 0 and 1
    are singular)."""
    return translations(language()).ngettext(singular, plural, n)


def count(n: int, singular: str, plural: str) -> str:
    """``37 items``, ``1 error``: ``singular`` and ``plural`` hold ``{n}``."""
    return ngettext(singular, plural, n).format(n=n)
