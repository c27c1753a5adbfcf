"""Names: reading "Mme Elise AEBISCHER" or "BROCA - LANNAUD Marie - Thérèse", and finding the one
member a later mention ("Mme BARTHELET", "Christne WERTHE") can be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quorum.parse._civilities import civility
from quorum.parse._lexicon import correct_first_name, correct_surname
from quorum.parse._text import fold, levenshtein, strip_accents

_SPACED_HYPHEN = re.compile(r"\s+-\s+|\s+-(?=\w)|(?<=\w)-\s+")
_CIVILITY = re.compile(rf"^{civility(prose=True)}(?:\.\s*|\s+|$)", re.IGNORECASE)
_TITLE = re.compile(
    r"^(?:le|la|l')\s*(?:maire|pr[ée]sidente?|vice-pr[ée]sidente?"
    r"|(?:premi[eè]re?|\d{1,2}\s*(?:er|ère|e|ème|eme))\s+adjointe?|adjointe?)\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
"""A title between the civility and the name ("Monsieur le Maire Jean DUPONT"): not the name."""
_GLUED_DOT = re.compile(r"(?<=[A-ZÀ-Ý]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ])")
_WORD = re.compile(r"[^\W\d_]+(?:['’‘-][^\W\d_]+)*\.?", re.UNICODE)


@dataclass
class Name:
    """A person's name as read: first names and surname, display form ``First LAST``."""

    first: str
    last: str

    @property
    def display(self) -> str:
        return f"{self.first} {self.last}".strip()

    @property
    def slug(self) -> str:
        return slug(self.display)


def slug(text: str) -> str:
    """Lowercase ASCII id: accents removed, every run of other characters a single hyphen."""
    ascii_ = strip_accents(text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "member"


def _is_upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _tokens(text: str) -> list[str]:
    """Words of a name, PDF spacing damage mended ("Patric k", "P hilippe", "Jean - Claude")."""
    text = _SPACED_HYPHEN.sub("-", text.strip().strip(".,;:"))
    text = _GLUED_DOT.sub(" ", text)  # "BRIERE.André": a lost space after a dot
    raw = text.split()
    out: list[str] = []
    i = 0
    while i < len(raw):
        w = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if len(w) == 1 and w.isupper() and nxt[:1].islower():  # "P hilippe"
            out.append(w + nxt)
            i += 2
            continue
        if (
            len(w) == 1
            and w.islower()
            and out
            and out[-1][-1:].isalpha()
            and not _is_upper(out[-1])
        ):  # "Patric k"
            out[-1] += w
            i += 1
            continue
        out.append(w)
        i += 1
    return out


def _fix_first(words: list[str]) -> str:
    fixed = []
    for w in words:
        parts = w.split("-")
        whole = correct_first_name(w)
        if whole != w:
            fixed.append(whole)
        else:
            fixed.append("-".join(correct_first_name(p) for p in parts))
    return " ".join(fixed)


def read_names(text: str) -> tuple[list[Name], str]:
    """Every name in a list entry (two when a separator was lost: "CORVISIER Marc NEDELEC").

    Returns the names and whatever could not be read as a name ("" when all was read).
    """
    text = text.strip()
    for _ in range(2):
        text = _CIVILITY.sub("", text)
    text = _TITLE.sub("", text)
    words = _tokens(text)
    if not words:
        return [], ""
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if bad:
        return [], text
    upper = [_is_upper(w) for w in words]
    if len(words) >= 2 and not any(upper) and all(w[:1].isupper() for w in words):
        # "Sébastien Leroux": no SURNAME in capitals; the last word is the surname
        return [Name(_fix_first(words[:-1]), words[-1])], ""
    names: list[Name] = []
    surname_first = upper[0] and not all(upper)
    i = 0
    while i < len(words):
        a = i
        while i < len(words) and upper[i] == surname_first:
            i += 1
        b = i
        while i < len(words) and upper[i] != surname_first:
            i += 1
        lead, rest = words[a:b], words[b:i]
        lasts, firsts = (lead, rest) if surname_first else (rest, lead)
        last = " ".join(correct_surname(w) for w in lasts)
        names.append(Name(_fix_first(firsts), last))
    return names, ""


@dataclass
class Known:
    """A member the resolver can match, with folded parts."""

    id: str
    first: str
    last: str
    extra: dict[str, str] = field(default_factory=dict)


class Resolver:
    """Matches a mention to the one member it can be; reports ambiguity instead of guessing."""

    def __init__(self) -> None:
        self.known: list[Known] = []
        self._by_last: dict[str, list[Known]] = {}
        self._by_first: dict[str, list[Known]] = {}

    def add(self, member_id: str, name: Name) -> None:
        k = Known(member_id, fold(name.first), fold(name.last))
        self.known.append(k)
        self._by_last.setdefault(k.last, []).append(k)
        self._by_first.setdefault(k.first, []).append(k)

    def find(self, name: Name) -> list[str]:
        """The ids this name can be: one (found), none, or several (ambiguous)."""
        first, last = fold(name.first), fold(name.last)
        if not last:
            if not first:
                return []
            hits = self._by_first.get(first, [])
            if not hits:  # a single word may be a surname written without first name
                hits = self._by_last.get(first, [])
            return [k.id for k in hits]
        cands = self._by_last.get(last, [])
        if not cands and len(last) >= 5:
            cands = [
                k
                for k in self.known
                if k.last
                and abs(len(k.last) - len(last)) <= 1
                and levenshtein(k.last, last, 1) <= 1
            ]
        if not cands and not first:  # "Mme BARTHELET" might be a surname-first single word
            cands = self._by_first.get(last, [])
        if not first or len(cands) == 0:
            return [k.id for k in cands]
        strong = [k for k in cands if k.first == first]
        if strong:
            return [k.id for k in strong]
        weak = [k for k in cands if _first_compatible(k.first, first)]
        if not weak and len(last) >= 5:  # "Dominique GAUDIN" for the listed "Dominique GAUDIIN"
            weak = [
                k
                for k in self._by_first.get(first, [])
                if abs(len(k.last) - len(last)) <= 1 and levenshtein(k.last, last, 1) <= 1
            ]
            weak = weak if len(weak) == 1 else []
        return [k.id for k in weak]


def _first_compatible(known: str, said: str) -> bool:
    if not known:
        return True
    k, s = known.rstrip("."), said.rstrip(".")
    if len(s) == 1 or len(k) == 1:  # an initial
        return k[:1] == s[:1]
    if k.replace("-", " ") == s.replace("-", " "):
        return True
    return len(s) >= 4 and k[:1] == s[:1] and levenshtein(k, s, 2) <= 2
