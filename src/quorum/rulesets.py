"""How a session's rule set is chosen: the one it names, its own statutes, or by body and date.

A session names its rule set (``"rules": "fr-epci"``), defines its own statutes inline
(``"rules": {"base": "plain", "quorum": {...}}``, a :class:`~quorum.registry.Statutes`), or
names none: then its body and its date pick the French rule in force (:func:`rules_for`), and
the audit says which was chosen and why (a :class:`~quorum.findings.Message`, written in the
report's language; :func:`rules_for` gives it in English). The rule sets themselves are in
:mod:`quorum.registry` (their names are also importable from here); ``docs/rules.md`` documents
every rule set.
"""

from __future__ import annotations

import datetime
import unicodedata

from quorum.findings import Message
from quorum.i18n import N_
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


def _family(session: Session) -> tuple[str, Message]:
    body = _fold(session.body or "")
    for words, family in _BODIES:
        if all(w in body for w in words):
            return family, Message(
                N_("the body {body!r} belongs to the {family} family"),
                {"body": session.body, "family": family},
            )
    if any(m.is_substitute for m in session.members):
        return "epci", Message(N_("the session has substitutes, so it is an EPCI council"))
    return "municipal", Message(
        N_("nothing says what body this is: a municipal council is assumed")
    )


def dates(rule_set: RuleSet) -> Message:
    """When a rule set is in force, in words (``RuleSet.dates()`` in a language)."""
    start, end = rule_set.valid_from, rule_set.valid_until
    if start and end:
        return Message(N_("from {start} to {end}"), {"start": str(start), "end": str(end)})
    if start:
        return Message(N_("since {start}"), {"start": str(start)})
    if end:
        return Message(N_("until {end}"), {"end": str(end)})
    return Message(N_("always"))


Assumption = tuple[RuleSet, Message, str]
"""The other rule set that could apply, the assumption in words and the text it concerns."""


def rules_for(session: Session) -> tuple[RuleSet, str]:
    """The rule set a session is audited under, and why it was chosen (in English)."""
    chosen, reason = choice_for(session)
    return chosen, reason.render("en")


def choice_for(session: Session) -> tuple[RuleSet, Message]:
    """The rule set a session is audited under, and why it was chosen: a message rendered in
    the language of a report (``reason.render("fr")``)."""
    chosen, reason, _ = _choose(session)
    return chosen, reason


def assumption_for(session: Session) -> Assumption | None:
    """Where the rule set chosen by date rests on a disputed boundary or on a missing financial
    year end: the other rule set that could apply, the assumption in words (a message) and the
    text it concerns. ``None`` when the choice is settled (or the session names its rules)."""
    return _choose(session)[2]


def _choose(session: Session) -> tuple[RuleSet, Message, Assumption | None]:
    if isinstance(session.rules, str):
        family = _BASES.get(session.rules)
        name = {"name": session.rules}
        if session.reading is None or family is None or session.date is None:
            why = Message(N_("named by the session ({name!r})"), name)
            return get_rules(session.rules), why, None
        # minutes name the kind of body, not a version: the date picks it (a municipal council
        # in January 2022 sits under the health-emergency rules; corrections 1 and 2)
        why = Message(
            N_("the minutes are those of a {family} body ({name!r})"), {**name, "family": family}
        )
    elif isinstance(session.rules, Statutes):
        rule_set = session.rules.rule_set
        assert rule_set is not None, "a session is built with statutes that make a rule set"
        return rule_set, Message(N_("the session's own statutes")), None
    else:
        family, why = _family(session)
    versions = VERSIONS[family]
    if session.date is None:
        base = versions[0]
        reason = Message(
            N_("{why}; the session has no date: {name}, the rules in force today"),
            {"why": why, "name": base.name},
        )
        return base, reason, None
    if family in ("sa", "sa-age"):
        return _company(session, versions, why)
    in_force = [r for r in versions if r.in_force(session.date)]
    # a window with both ends (a temporary regime) beats an open-ended one
    in_force.sort(key=lambda r: r.valid_from is None or r.valid_until is None)
    chosen = in_force[0] if in_force else versions[0]
    reason = _applies(why, session.date, chosen)
    other = None
    if session.date in DISPUTED_DAYS and chosen is not versions[0]:
        assumption = Message(DISPUTED_DAYS[session.date])
        reason = Message(
            N_("{reason}; the start of this period is disputed: {assumption}"),
            {"reason": reason, "assumption": assumption},
        )
        law = chosen.quorum_rule  # the health-emergency law whose start is disputed
        other = (versions[0], assumption, law)
    return chosen, reason, other


def _applies(why: Message, date: D, chosen: RuleSet) -> Message:
    return Message(
        N_("{why}; on {date} {name} applies ({dates})"),
        {"why": why, "date": str(date), "name": chosen.name, "dates": dates(chosen)},
    )


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


_MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip


def _company(
    session: Session, versions: tuple[RuleSet, ...], why: Message
) -> tuple[RuleSet, Message, Assumption | None]:
    """A société anonyme's meeting: loi 2019-744 counts votes anew from the meetings that
    approve the first financial year closed after its promulgation (art. 16 II)."""
    new, old = versions
    date = session.date
    assert date is not None
    if date < SINCE_2019 or date > UNTIL_2021:
        chosen = old if date < SINCE_2019 else new
        return chosen, _applies(why, date, chosen), None
    fye = session.financial_year_end
    given = fye is not None
    close = first_close_after_2019(fye if fye is not None else "12-31")
    year_end = Message(
        N_("financial year ending {day} {month}"),
        {"day": f"{close:%d}", "month": Message(_MONTHS[close.month - 1])},
    )
    if not given:
        year_end = Message(
            N_("{year_end} (assumed: the session gives no financial_year_end)"),
            {"year_end": year_end},
        )
    after = close.month + 6  # the accounts are approved within six months (L225-100)
    approval = D(close.year + after // 12, after % 12 + 1, 1) - _DAY
    if date <= close:
        chosen, other = old, new
        words = Message(
            N_(
                "the meeting precedes the end ({close}) of the first financial year closed after "
                "19 July 2019, so abstentions still count as votes against (loi 2019-744 art. 16 "
                "II)"
            ),
            {"close": str(close)},
        )
    else:
        chosen, other = new, old
        words = Message(
            N_(
                "the first financial year closed after 19 July 2019 ended on {close}, so "
                "abstentions are not votes cast (loi 2019-744 art. 16 II); a meeting held before "
                "the one that approved those accounts still counted them against"
            ),
            {"close": str(close)},
        )
    reason = Message(
        N_("{why}; {year_end}: {words}; {name} applies"),
        {"why": why, "year_end": year_end, "words": words, "name": chosen.name},
    )
    if given and not (close < date <= approval):
        return chosen, reason, None
    assumption = (
        Message(N_("the {year_end}; {words}"), {"year_end": year_end, "words": words})
        if not given
        else Message(
            N_(
                "this meeting approves (or follows the approval of) the accounts closed on {close}"
            ),
            {"close": str(close)},
        )
    )
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
