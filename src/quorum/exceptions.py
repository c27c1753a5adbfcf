"""The exceptions quorum raises: only for unusable input or misuse, never for audit results.

``str(error)`` is English (for logs and programs); ``error.render(lang)`` is the same message in
a report's language (``quorum`` writes it so, see :mod:`quorum.i18n`). A message is an English
template marked ``N_`` and filled from parameters when it is written, as findings are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from quorum.findings import Message
from quorum.i18n import N_, _, ngettext, using


def _fill(template: str, params: Mapping[str, object], lang: str | None) -> str:
    """``template`` in ``lang`` (the language in use by default), filled from ``params`` (a
    :class:`~quorum.findings.Message` among them written in the same language); without
    params, a finished message (translated when the catalogue holds it whole)."""
    with using(lang):
        if not params:
            return _(template)
        values = {k: v.render() if isinstance(v, Message) else v for k, v in params.items()}
        for text in (_(template), template):
            try:
                return text.format_map(values)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue
    return template


def _pairs(
    params: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, object], ...]:
    return tuple(params.items() if isinstance(params, Mapping) else params)


@attrs.frozen
class Problem:
    """One thing wrong with an input, at a JSON path such as ``$.proxies[3].giver``.

    ``message`` is English; with ``params``, ``template`` is marked ``N_`` and
    :meth:`render` fills it in a language (``message`` and ``str(problem)`` in English); a
    parameter may be a :class:`~quorum.findings.Message` (``member Ann A ('ann')``), written in
    the same language.
    """

    path: str
    template: str = attrs.field(alias="message")
    """The English message, or its template marked ``N_`` when there are ``params``."""
    params: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_pairs)

    @property
    def message(self) -> str:
        """The message in English, without the path."""
        return _fill(self.template, dict(self.params), "en")

    def render(self, lang: str | None = None) -> str:
        """``path: message`` in ``lang`` (a message without params is translated when the
        catalogue holds it whole)."""
        return f"{self.path}: {_fill(self.template, dict(self.params), lang)}"

    def __str__(self) -> str:
        return self.render("en")


class QuorumError(Exception):
    """Base class of every error raised by quorum."""

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language in use); English: ``str(self)``."""
        return str(self)


class InvalidSessionError(QuorumError, ValueError):
    """A session (built in code or read from a file) breaks the model's rules.

    ``problems`` lists every problem found, not only the first one.
    """

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.file = file
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        where = f"{self.file}: " if self.file else ""
        with using(lang):
            n = len(self.problems)
            head = ngettext(
                "{n} problem in the session:", "{n} problems in the session:", n
            ).format(n=n)
            return "\n".join([where + head, *(f"  {p.render()}" for p in self.problems)])


class SessionFileError(QuorumError, ValueError):
    """A file cannot be read as a session at all (missing, not JSON/TOML, not text, ...).

    ``message`` is an English template marked ``N_``, filled from ``params``."""

    def __init__(self, message: str, *, file: str | None = None, **params: object) -> None:
        self.file = file
        self.template = message
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        text = _fill(self.template, self.params, lang)
        return f"{self.file}: {text}" if self.file else text


class UnknownRuleSetError(QuorumError, LookupError):
    """A rule set name is not in the registry."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = ", ".join(sorted(known))
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        return _fill(
            N_("unknown rule set {name!r}; known: {known}"),
            {"name": self.name, "known": self.known},
            lang,
        )


def _bare(label: str) -> str:
    """A label without what clerks write around it: ``n°19``, ``Point 19``, ``#19`` -> ``19``."""
    text = " ".join(label.casefold().split())
    for word in ("délibération", "question", "point", "item", "n°", "nº", "no.", "no", "#"):
        after = text[len(word) : len(word) + 1]
        if text.startswith(word) and (after in ("", " ") or after.isdigit()):
            text = text[len(word) :].strip(" .:")
    return text


class UnknownItemError(QuorumError, LookupError):
    """An item label is not on the session's agenda; ``labels`` are the agenda's, when known."""

    def __init__(self, label: str, labels: Iterable[str] = ()) -> None:
        self.label = label
        self.labels: tuple[str, ...] = tuple(labels)
        guess = [x for x in self.labels if _bare(x) == _bare(label)]
        self.guess = guess[0] if len(guess) == 1 else None
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        params = {"label": self.label}
        if not self.labels:
            return _fill(N_("item {label!r} is not on the agenda"), params, lang)
        params["labels"] = ", ".join(self.labels[:40]) + (", …" if len(self.labels) > 40 else "")
        if self.guess is not None:
            params["guess"] = self.guess
            return _fill(
                N_(
                    "item {label!r} is not on the agenda: did you mean {guess!r}? Its labels: "
                    "{labels}"
                ),
                params,
                lang,
            )
        return _fill(
            N_("item {label!r} is not on the agenda; give one of its labels: {labels}"),
            params,
            lang,
        )
