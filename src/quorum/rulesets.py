"""How a session's rule set is chosen: the one it names, its own statutes, or by body and date.

A session names its rule set (``"rules": "fr-epci"``), defines its own statutes inline
(``"rules": {"base": "plain", "quorum": {...}}``, a :class:`~quorum.registry.Statutes`), or
names none: then its body and its date pick the French rule in force (:func:`rules_for`), and
the audit says which was chosen and why. The rule sets themselves are in
:mod:`quorum.registry` (their names are also importable from here); ``docs/rules.md`` documents
every rule set.
"""

from __future__ import annotations

import datetime
import unicodedata

from quorum.model import Session, month_day
from quorum.registry import DISPUTED_DAYS, SINCE_2019, UNTIL_2021, VERSIONS, Statutes
from quorum.registry import RULE_SETS as RULE_SETS  # the registry's names, importable from here
from quorum.registry import get_rules as get_rules
from quorum.registry import rules_from_dict as rules_from_dict
from quorum.rules import RuleSet

D = datetime.date


# --- choosing by body and date ------------------------------------------------------------------

_BODIES = (  # (words in the folded body name, family), first match wins
    (("copropri",), "copropriete"),
    (("actionnaires", "extraordinaire"), "sa-age"),
    (("actionnaires",), "sa"),
    (("commission permanente", "departement"), "departement-cp"),
    (("commission permanente", "region"), "region-cp"),
    (("municipal",), "municipal"),
    (("communaut",), "epci"),
    (("syndica",), "epci"),
    (("metropole",), "epci"),
    (("intercommunal",), "epci"),
    (("conseil departemental",), "departement"),
    (("conseil general",), "departement"),
    (("conseil regional",), "region"),
)
_FAMILIES = {
    "municipal": "fr-municipal", "epci": "fr-epci", "departement": "fr-departement",
    "departement-cp": "fr-departement-cp", "region": "fr-region", "region-cp": "fr-region-cp",
    "copropriete": "fr-copropriete", "sa": "fr-sa-ago", "sa-age": "fr-sa-age",
}  # fmt: skip


_BASES = {base: family for family, base in _FAMILIES.items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _family(session: Session) -> tuple[str, str]:
    body = _fold(session.body or "")
    for words, family in _BODIES:
        if all(w in body for w in words):
            return family, f"the body {session.body!r} belongs to the {family} family"
    if any(m.is_substitute for m in session.members):
        return "epci", "the session has substitutes, so it is an EPCI council"
    return "municipal", "nothing says what body this is: a municipal council is assumed"


def rules_for(session: Session) -> tuple[RuleSet, str]:
    """The rule set a session is audited under, and why it was chosen."""
    chosen, reason, _ = _choose(session)
    return chosen, reason


def assumption_for(session: Session) -> tuple[RuleSet, str, str] | None:
    """Where the rule set chosen by date rests on a disputed boundary or on a missing financial
    year end: the other rule set that could apply, the assumption in words and the text it
    concerns. ``None`` when the choice is settled (or the session names its rules)."""
    return _choose(session)[2]


def _choose(session: Session) -> tuple[RuleSet, str, tuple[RuleSet, str, str] | None]:
    if isinstance(session.rules, str):
        family = _BASES.get(session.rules)
        if session.reading is None or family is None or session.date is None:
            return get_rules(session.rules), f"named by the session ({session.rules!r})", None
        # minutes name the kind of body, not a version: the date picks it (a municipal council
        # in January 2022 sits under the health-emergency rules; corrections 1 and 2)
        why = f"the minutes are those of a {family} body ({session.rules!r})"
    elif isinstance(session.rules, Statutes):
        rule_set = session.rules.rule_set
        assert rule_set is not None, "a session is built with statutes that make a rule set"
        return rule_set, "the session's own statutes", None
    else:
        family, why = _family(session)
    versions = VERSIONS[family]
    if session.date is None:
        base = versions[0]
        reason = f"{why}; the session has no date: {base.name}, the rules in force today"
        return base, reason, None
    if family in ("sa", "sa-age"):
        return _company(session, versions, why)
    in_force = [r for r in versions if r.in_force(session.date)]
    # a window with both ends (a temporary regime) beats an open-ended one
    in_force.sort(key=lambda r: r.valid_from is None or r.valid_until is None)
    chosen = in_force[0] if in_force else versions[0]
    reason = f"{why}; on {session.date} {chosen.name} applies ({chosen.dates()})"
    other = None
    if session.date in DISPUTED_DAYS and chosen is not versions[0]:
        assumption = DISPUTED_DAYS[session.date]
        reason += f"; the start of this period is disputed: {assumption}"
        law = chosen.quorum_rule  # the health-emergency law whose start is disputed
        other = (versions[0], assumption, law)
    return chosen, reason, other


def first_close_after_2019(financial_year_end: str) -> D:
    """The end of a company's first financial year closed after 19 July 2019, the promulgation
    of loi 2019-744 (art. 16 II); 02-29 is the last day of February."""
    parsed = month_day(financial_year_end)
    if parsed is None:
        raise ValueError(f"not a month and day: {financial_year_end!r}")
    month, day = parsed
    for year in (2019, 2020):
        leap = year % 4 == 0
        close = D(year, month, 28 if (month, day) == (2, 29) and not leap else day)
        if close > D(2019, 7, 19):
            return close
    raise AssertionError("unreachable: a day of the year recurs within a year")


def _company(
    session: Session, versions: tuple[RuleSet, ...], why: str
) -> tuple[RuleSet, str, tuple[RuleSet, str, str] | None]:
    """A société anonyme's meeting: loi 2019-744 counts votes anew from the meetings that
    approve the first financial year closed after its promulgation (art. 16 II)."""
    new, old = versions
    date = session.date
    assert date is not None
    if date < SINCE_2019 or date > UNTIL_2021:
        chosen = old if date < SINCE_2019 else new
        return chosen, f"{why}; on {date} {chosen.name} applies ({chosen.dates()})", None
    fye = session.financial_year_end
    given = fye is not None
    close = first_close_after_2019(fye if fye is not None else "12-31")
    year_end = f"financial year ending {close:%d %B}"
    if not given:
        year_end += " (assumed: the session gives no financial_year_end)"
    after = close.month + 6  # the accounts are approved within six months (L225-100)
    approval = D(close.year + after // 12, after % 12 + 1, 1) - _DAY
    if date <= close:
        chosen, other = old, new
        words = (
            f"the meeting precedes the end ({close}) of the first financial year closed after "
            "19 July 2019, so abstentions still count as votes against (loi 2019-744 art. 16 II)"
        )
    else:
        chosen, other = new, old
        words = (
            f"the first financial year closed after 19 July 2019 ended on {close}, so "
            "abstentions are not votes cast (loi 2019-744 art. 16 II); a meeting held before the "
            "one that approved those accounts still counted them against"
        )
    reason = f"{why}; {year_end}: {words}; {chosen.name} applies"
    if given and not (close < date <= approval):
        return chosen, reason, None
    assumption = (
        f"the {year_end}; {words}" if not given
        else f"this meeting approves (or follows the approval of) the accounts closed on {close}"
    )  # fmt: skip
    return chosen, reason, (other, assumption, "loi 2019-744 art. 16 II")


_DAY = datetime.timedelta(days=1)


_RENAMED = ("_VERSIONS", "_SINCE_2019", "_UNTIL_2021")  # now public in the registry


def __getattr__(name: str) -> object:
    """The rule sets moved to :mod:`quorum.registry` (``FR_MUNICIPAL``, ``PLAIN``, …) are still
    importable from here."""
    from quorum import registry

    try:
        return getattr(registry, name.lstrip("_") if name in _RENAMED else name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
