"""What one statement under an item reports: counts, unanimity, outcome, secret ballot, and the
members who take no part in the vote.

A statement is a line (or a sentence of a long line), folded. Several statements in a row make
one vote when they can be the same vote (a restatement or its detail); the vote keeps as its
source the statement that holds its counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quorum.findings import Source
from quorum.parse import _itemwords as V
from quorum.parse import _patterns as P
from quorum.parse._text import fold

LESS = "contre ou abstention"
"""The count of "à l'unanimité moins une voix": against or abstaining, not written which."""
VOTE_KEYS = ("pour", "contre", "abstention", "npv", "blank", "blank_only", "null", "interested")
"""Counts of a vote proper (the others are totals: voters, present, expressed)."""


@dataclass
class Vote:
    """What one statement (or a run of them) reports for an item."""

    item: str
    source: Source
    counts: dict[str, int] = field(default_factory=dict)
    unanimous: bool = False
    expressed_only: bool = False
    outcome: str | None = None
    secret: bool = False
    majority: bool = False
    """Reported "à la majorité": a vote, with or without figures (none: nothing to compare)."""
    deliberated: bool = False
    """"Après en avoir délibéré": a decision, even when its result is not written."""
    election: bool = False
    """A vote by candidate ("M. X : 15 voix", "est élu"): its counts are not pour/contre."""

    @property
    def rank(self) -> int:
        """How good a source this statement is: 3 pour/contre/abstention, 2 other vote counts,
        1 totals only, 0 no number."""
        if any(k in self.counts for k in ("pour", "contre", "abstention")):
            return 3
        if any(k in self.counts for k in VOTE_KEYS):
            return 2
        return 1 if self.counts else 0


@dataclass
class NotVoting:
    """ "M. X ne prend pas part au vote" (``interest``: "intéressé", "quitte la salle")."""

    item: str
    names: list[str]
    interest: bool
    source: Source


_PLURAL_MARK = re.compile(r"(?<=[a-z])\(s\)")
"""A plural written "(s)" after a category: "Abstention(s) : 0"."""


_ABST = re.compile(r"\babst\b\.?(?=\ *:?\ *\d)")
"""The abbreviation of abstention before its count: "Abst. 1"."""


_PLUS_PROXIES = re.compile(
    r"(?P<a>\d{1,4})\ *\(?\+\ *(?P<b>\d{1,3})\ *(?:pouvoirs?|procurations?)\)?"
)
"""A count with the proxies added apart: "Pour : 5 + 2 pouvoirs", "4 (+ 2 procurations)"."""


def read_tally(f: str, item: str, src: Source) -> Vote | None:
    """The vote a folded statement reports, or None."""
    f = _PLURAL_MARK.sub("", _without_other_bodies(f))  # "Contre(s) : 1", "Abstention(s)"
    f = _ABST.sub("abstention", f)  # "Abst. 1", "Abst : 1"
    f = _PLUS_PROXIES.sub(lambda m: str(int(m["a"]) + int(m["b"])), f)  # "5 + 2 pouvoirs": 7
    counts = [m for m in P.COUNT.finditer(f) if m.group("voix") or V.COUNT_END.match(f, m.end())]
    pairs = list(V.BARE_COUNT.finditer(f))
    bare = {_key(m.group("what")): int(m.group("n")) for m in pairs}
    if len(bare) < 2:
        bare = {}
    elif counts and pairs[0].start() < counts[0].start():
        # "Pour 17 Contre 1 Abstention 0": each number follows its label, so "17 contre" (a
        # label's number before the next label) is no count
        counts = [m for m in counts if not any(p.start("n") == m.start("n") for p in pairs)]
    if m := V.LABELLED_COUNT.match(f) or V.LONE_COUNT.match(f):  # one category, plainly a count
        bare[_key(m.group("what"))] = int(m.group("n"))
    kinds = {m.group("what")[:4] for m in counts} | {k[:4] for k in bare}
    counted = len(kinds) >= 2 or bool(bare)
    deliberated = bool(V.DELIBERATED.search(f))
    election = bool(V.ELECTED.search(f)) or any(
        # after a sentence's end, the label only: "Le Maire met aux voix. Résultat : 6 voix …"
        not V.CATEGORY.match(m.group("who").split(". ")[-1])
        for m in V.CANDIDATE.finditer(f)
    )
    if not (P.DECISION.search(f) or deliberated or counted or election) or V.NOT_A_DECISION.match(
        f
    ):
        return None
    if V.ALREADY.search(f):
        return None
    vote = Vote(item, src)
    if m := V.UNANIMITY.search(f):
        if m.group("expr") or "suffrages exprimes" in f[m.end() : m.end() + 30]:
            vote.expressed_only = True
        else:
            vote.unanimous = True
    if vote.unanimous and (m := V.UNANIMITY_LESS.search(f)):
        n = m.group("n")
        what = m.group("what")
        key = "abstention" if what.startswith("abst") else "contre" if "contre" in what else LESS
        vote.counts[key] = _number(n)
    words = list(V.WORD_COUNT.finditer(f))
    decided = vote.unanimous or vote.expressed_only or V.MAJORITY.search(f) or V.ADOPTED.search(f)
    if (
        any(m.group("voix") for m in words)
        or len({m.group("what") for m in words}) >= 2
        or decided
    ):
        for m in words:
            vote.counts[_key(m.group("what"))] = V.NUMBER_WORDS[" ".join(m.group("n").split())]
    vote.counts.update(bare)
    for m in counts:
        vote.counts[_key(m.group("what"))] = int(m.group("n"))
    for m in P.COUNT_LABEL.finditer(f):
        key = _key(m.group("what"))
        vote.counts[key] = int(m.group("n"))
    if (m := V.NPV_COUNT.search(f)) and "npv" not in vote.counts:
        vote.counts["npv"] = _number(m.group("n"))
    if m := V.VOIX_CONTRE.search(f):  # the majority first: "adopté par 12 voix contre 3"
        most, least = (_number(m.group(k)) for k in ("a", "b"))
        rejected = bool(V.REJECTED.search(f))
        vote.counts["pour"], vote.counts["contre"] = (least, most) if rejected else (most, least)
    if m := P.BARE_VOTES.match(f):
        vote.counts["voters"] = int(m.group("n"))
    vote.majority = bool(V.MAJORITY.search(f))
    vote.deliberated = deliberated
    vote.election = election
    if vote.unanimous and any(vote.counts.get(k) for k in ("contre", "abstention", LESS)):
        # "à l'unanimité et une abstention": unanimous among the votes cast
        vote.unanimous, vote.expressed_only = False, True
    if V.REJECTED.search(f):
        vote.outcome = "rejected"
        vote.unanimous = False  # "rejeté à l'unanimité": unanimous against
    elif vote.unanimous or vote.expressed_only or V.ADOPTED.search(f):
        vote.outcome = "adopted"
    # a secret ballot: blank or null ballots counted, or "au scrutin secret" beside the counts
    # (alone, the phrase is often "décide de ne pas procéder au scrutin secret")
    ballots = any(k in vote.counts for k in ("blank", "blank_only", "null"))
    votes_here = any(k in vote.counts for k in ("pour", "contre"))
    vote.secret = ballots or (votes_here and bool(P.SECRET.search(f)))
    if not (
        vote.counts
        or vote.unanimous
        or vote.expressed_only
        or vote.outcome
        or vote.majority
        or vote.deliberated
        or vote.election
    ):
        return None
    return vote


def _without_other_bodies(f: str) -> str:
    """``f`` with the sentences that tell another body's vote blanked (same length)."""
    for m in list(V.OTHER_BODY.finditer(f))[::-1]:
        start = f.rfind(". ", 0, m.start()) + 1
        end = f.find(". ", m.end())
        end = len(f) if end < 0 else end + 1
        f = f[:start] + " " * (end - start) + f[end:]
    return f


def _number(text: str) -> int:
    """A count in digits or in words ("12", "douze")."""
    return int(text) if text.isdigit() else V.NUMBER_WORDS[" ".join(text.split())]


_KEYS = (
    ("abstention", "abstention"),
    ("conseiller", "interested"),
    ("np", "npv"),
    ("ne ", "npv"),
    ("votant", "voters"),
    ("present", "present"),
    ("suffrages", "expressed"),
    ("exprim", "expressed"),
)
"""The key of a count by how its category starts ("abstentions", "conseillers intéressés")."""


def _key(what: str) -> str:
    for start, key in _KEYS:
        if what.startswith(start):
            return key
    blank, null = "blanc" in what, "nul" in what
    if blank or null:
        return "blank" if blank and null else "blank_only" if blank else "null"
    return what


def compatible(current: Vote, new: Vote) -> bool:
    """Can ``new`` be the same vote as ``current`` (a restatement or its detail)?"""
    for k, v in new.counts.items():
        if k in current.counts and current.counts[k] != v:
            return False
    if current.outcome and new.outcome and current.outcome != new.outcome:
        return False
    unanimous = current.unanimous or new.unanimous
    counts = {**current.counts, **new.counts}
    return not (unanimous and (counts.get("contre", 0) or counts.get("abstention", 0)))


def merge(current: Vote, new: Vote) -> None:
    """Add ``new`` to ``current``; the source becomes the statement holding the counts."""
    if new.rank > current.rank:
        current.source = new.source
    current.counts.update(new.counts)
    current.unanimous = current.unanimous or new.unanimous
    current.expressed_only = current.expressed_only or new.expressed_only
    current.outcome = current.outcome or new.outcome
    current.secret = current.secret or new.secret
    current.majority = current.majority or new.majority
    current.deliberated = current.deliberated or new.deliberated
    current.election = current.election or new.election


def blank(counts: dict[str, int]) -> int | None:
    """Blank and null ballots: printed together, or the sum of the two printed apart."""
    if "blank" in counts:
        return counts["blank"]
    parts = [counts[k] for k in ("blank_only", "null") if k in counts]
    return sum(parts) if parts else None


def read_not_voting(f: str, raw: str, item: str, src: Source) -> NotVoting | None:
    """ "Mme X ne prend pas part au vote", "M. X, intéressé, quitte la salle et ne prend pas …".

    ``f`` is the folded statement and ``raw`` the same text unfolded (same length).
    """
    if (lm := V.NOT_VOTING_LABEL.match(f)) is not None:  # "Ne prend pas part au vote : M. X"
        text = raw[lm.start("names") : lm.end("names")]
        names = [
            p.strip(" .") for p in re.split(r",|;|\bet\b", text) if looks_named(p.strip(" ."))
        ]
        return NotVoting(item, names, False, src) if names else None
    m = P.NOT_VOTING.search(f)
    if m is None:
        return None
    lead = f[: m.start()]
    interest = bool(P.INTEREST.search(f))
    cut = P.INTEREST.search(lead)
    end = cut.start() if cut else len(lead)
    # the names are what precedes, from the last break ("Pour : 30 (M. X ne prend …")
    start = max(lead.rfind(c, 0, end) for c in "(:;") + 1
    text = raw[start:end]
    for tail in (" qui", " en tant qu'", " en tant que"):
        text = text.rstrip(" ,")
        if text.casefold().endswith(tail):
            text = text[: -len(tail)]
    names = [
        part.strip()
        for part in re.split(r",|\bet\b", text.strip(" ,"))
        if looks_named(part.strip())
    ]
    if not names and "prenant" in m.group():
        return None  # "le vote des élus ne prenant pas part au vote …": a remark on no one
    return NotVoting(item, names, interest, src)


def looks_named(part: str) -> bool:
    """A civility, a surname in capitals or a title ("Le Maire"): a sentence ("Conformément à
    l'article …") is not."""
    if not part or len(part) > 120:
        return False
    if V.TITLE.fullmatch(fold(part)):
        return True
    if P.CIVILITY.match(part.casefold()) and len(part.split()) > 1:
        return True
    return any(len(w) >= 2 and w.isupper() for w in part.replace("-", " ").split())
