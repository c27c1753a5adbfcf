"""The exceptions quorum raises: only for unusable input or misuse, never for audit results."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with an input, at a JSON path such as ``$.proxies[3].giver``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class QuorumError(Exception):
    """Base class of every error raised by quorum."""


class InvalidSessionError(QuorumError, ValueError):
    """A session (built in code or read from a file) breaks the model's rules.

    ``problems`` lists every problem found, not only the first one.
    """

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.file = file
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"{self.file}: " if self.file else ""
        count = len(self.problems)
        head = f"{where}{count} problem{'s' if count != 1 else ''} in the session"
        return "\n".join([head + ":", *(f"  {p}" for p in self.problems)])


class SessionFileError(QuorumError, ValueError):
    """A file cannot be read as a session at all (missing, not JSON/TOML, not text, ...)."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


class UnknownRuleSetError(QuorumError, LookupError):
    """A rule set name is not in the registry."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        super().__init__(f"unknown rule set {name!r}; known: {', '.join(sorted(known))}")


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
        message = f"item {label!r} is not on the agenda"
        guess = [x for x in self.labels if _bare(x) == _bare(label)]
        if self.labels:
            shown = ", ".join(self.labels[:40])
            more = f", … ({len(self.labels)} items)" if len(self.labels) > 40 else ""
            if len(guess) == 1:
                message += f": did you mean {guess[0]!r}? Its labels: {shown}{more}"
            else:
                message += f"; give one of its labels: {shown}{more}"
        super().__init__(message)
