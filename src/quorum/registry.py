"""The named rule sets, with their legal sources and dates of force, and a body's own statutes.

Every rule set :mod:`quorum.rulesets` chooses from is defined here (``RULE_SETS``), with the
versions of each family of bodies over time (``VERSIONS``); ``docs/rules.md`` documents them.
A session's inline statutes (``"rules": {"base": "plain", "quorum": {...}}``) are read here too,
into a frozen :class:`Statutes` (:func:`rules_from_dict` gives their rule set). This module
imports no session: :mod:`quorum.model` checks a session's rules with it when the session is
built, and :mod:`quorum.rulesets` chooses a rule set by body and date.
"""

from __future__ import annotations

import datetime
import re
import reprlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from quorum.exceptions import InvalidSessionError, Problem, UnknownRuleSetError
from quorum.i18n import N_, _
from quorum.rules import HALF, Majority, ProxyRule, QuorumRule, RuleSet

D = datetime.date
THIRD = Fraction(1, 3)

# --- French councils -----------------------------------------------------------------------------

_FR_MAJORITY = Majority(
    name="absolute", casting_vote=True, article="CGCT art. L2121-20 (majorité absolue)"
)
_FR_ACCOUNT = Majority(
    name="compte-administratif",
    strict=False,
    unless_against=True,
    article="CGCT art. L1612-12 al. 2 (arrêté unless a majority votes against)",
)
_3DS = D(2022, 2, 23)  # loi 2022-217 (3DS) in force: L1111-6 representatives leave the office
FR_MUNICIPAL = RuleSet(
    name="fr-municipal",
    title=N_("French municipal council, common law"),
    body="municipal",
    quorum=QuorumRule(article="CGCT art. L2121-17"),
    proxies=ProxyRule(per_holder=1, article="CGCT art. L2121-20"),
    majorities=(_FR_MAJORITY, _FR_ACCOUNT),
    representatives_leave_office=True,
    representatives_since=_3DS,
    valid_from=D(1996, 2, 24),
    sources=(
        "CGCT art. L2121-17: more than half of the members in office present (n // 2 + 1), "
        "proxies not counted, checked when each item is taken up; on a second convocation, no "
        "quorum for the items carried over",
        "CGCT art. L2121-20: one written proxy per holder, usable when its giver is absent and "
        "its holder present; absolute majority of the votes expressed; on a tie the president's "
        "vote decides, except in a secret ballot",
        "CGCT art. L2131-11: a member interested in the matter takes no part and does not count "
        "toward quorum (CE 19 Jan 1983 Chauré); L1111-6 representatives also leave the members "
        "in office for that item, for sessions from 23 Feb 2022 (loi 3DS in force)",
        "CGCT art. L1612-12 al. 2: the compte administratif is arrêté unless a majority votes "
        "against: a tie, or everyone abstaining, adopts it, even in a secret ballot",
    ),
)
FR_EPCI = attrs.evolve(
    FR_MUNICIPAL,
    name="fr-epci",
    title=N_("French intercommunal council (EPCI, syndicat), common law, with substitutes"),
    body="epci",
    quorum=QuorumRule(article="CGCT art. L2121-17 (through L5211-1)"),
    proxies=ProxyRule(per_holder=1, article="CGCT art. L2121-20 (through L5211-1)"),
    substitutes=True,
    substitute_rule="CGCT art. L5211-6",
    sources=(
        *FR_MUNICIPAL.sources,
        "CGCT art. L5211-1: the municipal council's rules apply to the EPCI council",
        "CGCT art. L5211-6: a single-seat commune's substitute sits for the absent titular and "
        "counts in his place; never both",
    ),
    notes=(
        "L1111-6 representatives leaving the members in office is written for the conseil "
        "municipal; applied to EPCI here (legal-rules §4.2, unsettled): set "
        "representatives_leave_office false in inline statutes to change it.",
    ),
)

# The health-emergency periods (legal-rules §5): quorum of one third, two proxies per holder.
_COVID = (
    (
        "p1",
        D(2020, 3, 24),
        D(2020, 4, 2),
        False,
        "loi 2020-290 art. 10 (version of 24 March 2020)",
    ),
    (
        "p2",
        D(2020, 4, 3),
        D(2020, 7, 10),
        True,
        "loi 2020-290 art. 10 as modified by ord. 2020-391",
    ),
    (
        "p3",
        D(2020, 7, 11),
        D(2020, 8, 30),
        False,
        "loi 2020-290 art. 10 (version of loi 2020-760)",
    ),
    ("p5", D(2020, 11, 15), D(2021, 9, 30), False, "loi 2020-1379 art. 6 (to 30 Sept 2021)"),
    ("p7", D(2021, 11, 10), D(2022, 7, 31), False, "loi 2021-1465 art. 10"),
)

# Days where the start of a period is disputed: the health-emergency rules are taken, and the
# audit also runs under the common law to say whether the result depends on it (corrections 2).
_LOI_2021_1465 = N_(
    "loi 2021-1465 is dated 10 November 2021 and read in force that day by the DGCL, the AMF "
    "and Maires de France (it was published on 11 November; some date its entry into force on "
    "12 November): the health-emergency rules are assumed"
)
DISPUTED_DAYS: Mapping[D, str] = {  # English, marked N_: a rule set's reason translates them
    D(2020, 11, 15): N_(
        "loi 2020-1379 was published on Sunday 15 November 2020; doctrine applies it from that "
        "day (some sources from 16 November): the health-emergency rules are assumed"
    ),
    D(2021, 11, 10): _LOI_2021_1465,
    D(2021, 11, 11): _LOI_2021_1465,
}


_SHORT_TITLES = (
    N_("French municipal council"),
    N_("French intercommunal council (EPCI, syndicat)"),
)
"""The titles of the councils without ', common law', as the health-emergency titles begin."""
_HEALTH_TITLES: dict[str, tuple[str, D, D]] = {}
"""A health-emergency rule set's name: the title of its council, its first and last day."""


def _short_title(base: RuleSet) -> str:
    return base.title.split(", common law")[0]


def _covid(base: RuleSet) -> Iterator[RuleSet]:
    """The health-emergency versions of a council's rule set (legal-rules §5, corrections 1).

    Départements and régions get them too, plenary and commission permanente alike (art. 10 of
    loi 2020-290 derogates from L3121-14, L3121-16, L4132-13, L4132-15; from 11 July 2020 also
    L3121-14-1, L4132-13-1 and « les commissions permanentes »): a third of the members present,
    or present or represented where the text says so (ord. 2020-391), and two delegations.
    """
    assembly = base.body in ("departement", "departement-cp", "region", "region-cp")
    commission = base.body.endswith("-cp")
    for period, start, end, represented, law in _COVID:
        counted = "present or represented" if represented else "present"
        quorum = QuorumRule(fraction=THIRD, strict=False, represented=represented, article=law)
        first = f"{law}: quorum of one third of the members in office {counted} "
        first += "(rounded up: ceil(n / 3)); two proxies (delegations) per holder"
        unsettled: list[str] = []
        if assembly:
            first += (
                "; for départements and régions, derogating from L3121-14, L3121-16, L4132-13 "
                "and L4132-15"
                + (" (and, from 11 July 2020, L3121-14-1 and L4132-13-1)" if commission else "")
            )
        if commission and period == "p1":
            unsettled.append(
                "Unsettled: art. 10 in its version of 24 March 2020 names L3121-14 and L4132-13 "
                "but not L3121-14-1 or L4132-13-1 (added on 11 July 2020); the third of the "
                "members present is applied to the commission permanente as in the other "
                "periods (issue 9)."
            )
        _HEALTH_TITLES[f"{base.name}-covid-{period}"] = (_short_title(base), start, end)
        yield attrs.evolve(
            base,
            name=f"{base.name}-covid-{period}",
            title=f"{_short_title(base)}, health emergency ({start} to {end})",
            quorum=quorum,
            proxies=ProxyRule(per_holder=2, article=law),
            valid_from=start,
            valid_until=end,
            sources=(
                first,
                f"{base.proxies.article} otherwise: proxies usable when the giver is absent and "
                "the holder present; majority of the votes expressed; casting vote",
                *base.sources[2:],
            ),
            notes=(
                "Some read 'le tiers' as more than a third (n // 3 + 1): inline statutes "
                '{"base": "' + f"{base.name}-covid-{period}" + '", "quorum": {"strict": true}} '
                "audit under that reading.",
                *(
                    [f"The start of this period is disputed: {DISPUTED_DAYS[start]}."]
                    if start in DISPUTED_DAYS
                    else []
                ),
                *unsettled,
            ),
        )


def _assembly(
    name: str, title: str, body: str, articles: tuple[str, str, str], represented: bool
) -> RuleSet:
    """A departmental or regional assembly; ``articles``: quorum, majority, delegation."""
    quorum, majority, delegation = articles
    return RuleSet(
        name=name,
        title=title,
        body=body,
        quorum=QuorumRule(represented=represented, article=quorum),
        proxies=ProxyRule(per_holder=1, article=delegation),
        majorities=(attrs.evolve(_FR_MAJORITY, article=majority), _FR_ACCOUNT),
        representatives_leave_office=False,
        sources=(
            f"{quorum}: more than half of the members in office "
            + ("present or represented" if represented else "present")
            + "; if not reached, the meeting is held three days later without quorum",
            f"{delegation}: one delegation of vote per member, for that meeting",
            f"{majority}: majority of the votes expressed; on a tie the president's vote decides",
            "The L1111-6 rule that representatives leave the members in office is written for "
            "the conseil municipal only (Sénat QE Darcos, 3 April 2025): not applied here.",
        ),
    )


FR_DEPARTEMENT = _assembly(
    "fr-departement", N_("French departmental council, plenary"), "departement",
    ("CGCT art. L3121-14", "CGCT art. L3121-15", "CGCT art. L3121-16"), False,
)  # fmt: skip
FR_DEPARTEMENT_CP = _assembly(
    "fr-departement-cp",
    N_("French departmental council, commission permanente"), "departement-cp",
    ("CGCT art. L3121-14-1", "CGCT art. L3121-15", "CGCT art. L3121-16"), True,
)  # fmt: skip
FR_REGION = _assembly(
    "fr-region", N_("French regional council, plenary"), "region",
    ("CGCT art. L4132-13", "CGCT art. L4132-14", "CGCT art. L4132-15"), False,
)  # fmt: skip
FR_REGION_CP = _assembly(
    "fr-region-cp", N_("French regional council, commission permanente"), "region-cp",
    ("CGCT art. L4132-13-1", "CGCT art. L4132-14", "CGCT art. L4132-15"), True,
)  # fmt: skip

# --- co-ownership (loi 65-557) ----------------------------------------------------------------

_ART24 = Majority(name="art24", article="loi 65-557 art. 24")
FR_COPROPRIETE = RuleSet(
    name="fr-copropriete",
    title=N_("French co-ownership general assembly (syndicat des copropriétaires)"),
    body="copropriete",
    quorum=None,
    proxies=ProxyRule(
        per_holder=3,
        weight_exception=Fraction(1, 10),
        outsiders=True,
        article="loi 65-557 art. 22",
    ),
    majorities=(
        _ART24,
        Majority(
            name="art25",
            base="all",
            fallback=THIRD,
            fallback_to="art. 24",
            article="loi 65-557 art. 25, 25-1",
        ),
        Majority(
            name="art26",
            base="all",
            fraction=Fraction(2, 3),
            strict=False,
            heads=HALF,
            fallback=THIRD,
            fallback_heads=HALF,
            fallback_to="art. 25",
            article="loi 65-557 art. 26, 26-1",
        ),
    ),
    weighted=True,
    reduce_majority_owner=True,
    interest_rule="loi 65-557",
    valid_from=D(2020, 6, 1),
    sources=(
        "loi 65-557 art. 22: voices in tantièmes; an owner of more than half has his voices "
        "reduced to the sum of the others'; at most 3 delegations per holder unless his own "
        "voices plus his givers' are at most 10 % of all voices (5 % before 1 June 2020)",
        "art. 24: pour > contre among the voices of those present, represented or voting by post "
        "(abstentions excluded since 27 March 2014)",
        "art. 25: pour > half of all voices; art. 25-1: if not, but pour >= a third of all "
        "voices, an immediate second vote at the art. 24 majority",
        "art. 26: a majority of all members by head, holding at least two thirds of all voices; "
        "art. 26-1: if not, but half of the members present, represented or voting by post "
        "voted pour, holding at least a third of all voices, an immediate second vote at the "
        "art. 25 majority",
        "art. 22: a proxy holder need not be a copropriétaire (role proxy_holder): he counts in "
        "no head count and has no voices of his own",
        "no quorum for the general assembly",
    ),
    notes=(
        "art. 26-1 « la moitié des membres du syndicat présents, représentés ou ayant voté par "
        "correspondance » is read as at least half, by head, of the members present or "
        "represented (give pour_members).",
    ),
)
FR_COPROPRIETE_2019 = attrs.evolve(
    FR_COPROPRIETE,
    name="fr-copropriete-2019",
    title=N_("French co-ownership general assembly, before 1 June 2020 (5 % proxy threshold)"),
    proxies=ProxyRule(
        per_holder=3,
        weight_exception=Fraction(1, 20),
        outsiders=True,
        article="loi 65-557 art. 22",
    ),
    valid_from=D(2014, 3, 27),
    valid_until=D(2020, 5, 31),
)
FR_COPROPRIETE_2014 = attrs.evolve(
    FR_COPROPRIETE_2019,
    name="fr-copropriete-2014",
    title=N_("French co-ownership general assembly, before loi ALUR (abstentions count against)"),
    majorities=(
        attrs.evolve(_ART24, base="cast", article="loi 65-557 art. 24 (before loi ALUR)"),
        *FR_COPROPRIETE.majorities[1:],
    ),
    valid_from=None,
    valid_until=D(2014, 3, 26),
)

# --- sociétés anonymes (Code de commerce) -------------------------------------------------------


def _sa(name: str, title: str, article: str, quorum: Fraction, second: Fraction | None,
        majority: Majority, since: D | None, until: D | None) -> RuleSet:  # fmt: skip
    return RuleSet(
        name=name,
        title=title,
        body="sa",
        quorum=QuorumRule(
            fraction=quorum,
            strict=False,
            basis="weight",
            represented=True,
            second_call=second,
            article=article,
        ),
        proxies=ProxyRule(per_holder=None, outsiders=True, article="C. com. art. L225-106"),
        majorities=(majority,),
        weighted=True,
        interest_rule="C. com.",
        valid_from=since,
        valid_until=until,
        notes=(
            "Unsettled (loi 2019-744 art. 16 II): without financial_year_end a calendar year is "
            "assumed; in the six months after the first close the new counting is assumed (the "
            "meeting approving those accounts, or a later one); the audit then also runs under "
            "the other counting and says whether the result depends on it.",
            "'Deux tiers' is read as at least two thirds.",
        ),
        sources=(
            f"{article}: quorum of {quorum} of the shares with voting rights present, represented "
            "or voting by post on first call; "
            + (f"{second} on second call" if second else "none on second call"),
            f"majority: {majority.describe()} ({majority.article}), counted in votes: double "
            "voting rights (C. com. art. L225-123) make votes differ from shares",
            "loi 2019-744 art. 16 II: the new counting (abstentions are not votes cast) applies "
            "from the meetings that approve the first financial year closed after 19 July 2019; "
            "the session's financial_year_end decides between 2019-07-21 and 2021-01-19",
        ),
    )


SINCE_2019 = D(2019, 7, 21)
UNTIL_2021 = D(2021, 1, 19)  # the latest first close (2020-07-19) and six months to approve it
FR_SA_AGO = _sa(
    "fr-sa-ago", N_("French société anonyme, ordinary general meeting"), "C. com. art. L225-98",
    Fraction(1, 5), None,
    Majority(name="simple", article="C. com. art. L225-98 (loi 2019-744)"), SINCE_2019, None,
)  # fmt: skip
FR_SA_AGO_2019 = _sa(
    "fr-sa-ago-2019",
    N_("French société anonyme, ordinary general meeting, before loi 2019-744 applies"),
    "C. com. art. L225-98", Fraction(1, 5), None,
    Majority(name="simple", base="cast", article="C. com. art. L225-98 (before loi 2019-744)"),
    None, UNTIL_2021,
)  # fmt: skip
FR_SA_AGE = _sa(
    "fr-sa-age",
    N_("French société anonyme, extraordinary general meeting"), "C. com. art. L225-96",
    Fraction(1, 4), Fraction(1, 5),
    Majority(name="two-thirds", fraction=Fraction(2, 3), strict=False,
             article="C. com. art. L225-96 (loi 2019-744)"),
    SINCE_2019, None,
)  # fmt: skip
FR_SA_AGE_2019 = _sa(
    "fr-sa-age-2019",
    N_("French société anonyme, extraordinary general meeting, before loi 2019-744 applies"),
    "C. com. art. L225-96", Fraction(1, 4), Fraction(1, 5),
    Majority(name="two-thirds", fraction=Fraction(2, 3), strict=False, base="cast",
             article="C. com. art. L225-96 (before loi 2019-744)"),
    None, UNTIL_2021,
)  # fmt: skip

# --- others -------------------------------------------------------------------------------------

ROBERTS = RuleSet(
    name="roberts-rules",
    title=N_("Robert's Rules of Order: majority quorum, no proxies, majority of votes cast"),
    body="assembly",
    quorum=QuorumRule(article="RONR: quorum (a majority of the members)"),
    proxies=ProxyRule(allowed=False, article="RONR: proxy voting not permitted"),
    majorities=(
        Majority(
            name="majority", null_ballots=True, article="RONR: more than half of the votes cast"
        ),
    ),
    interest_rule="RONR",
    sources=(
        "RONR: unless the bylaws say otherwise, quorum is a majority of all the members",
        "RONR: proxy voting is not permitted unless the bylaws provide for it",
        "RONR: a majority is more than half of the votes cast, blanks and abstentions excluded; "
        "a tie loses",
        "RONR 12th ed. 45:32-33: in a ballot vote, illegal (null) ballots count in the total "
        "the majority is computed on; blank ballots do not (a tally's 'null' apart from 'blank')",
    ),
)
PLAIN = RuleSet(
    name="plain",
    title=N_("Plain assembly: quorum by head, any number of proxies, weights counted"),
    body="assembly",
    quorum=QuorumRule(article="quorum: more than half of the members in office present"),
    proxies=ProxyRule(
        per_holder=None, outsiders=True, article="proxies: usable when the giver is absent"
    ),
    majorities=(Majority(name="simple", article="majority of the votes expressed"),),
    substitutes=True,
    substitute_rule="substitutes sit in the place of their absent titular",
    weighted=True,
    interest_rule="conflict of interest",
    sources=("No statute: a neutral default for bodies with rules of their own.",),
)

VERSIONS: Mapping[str, tuple[RuleSet, ...]] = {  # family -> its rule sets over time
    "municipal": (FR_MUNICIPAL, *_covid(FR_MUNICIPAL)),
    "epci": (FR_EPCI, *_covid(FR_EPCI)),
    "departement": (FR_DEPARTEMENT, *_covid(FR_DEPARTEMENT)),
    "departement-cp": (FR_DEPARTEMENT_CP, *_covid(FR_DEPARTEMENT_CP)),
    "region": (FR_REGION, *_covid(FR_REGION)),
    "region-cp": (FR_REGION_CP, *_covid(FR_REGION_CP)),
    "copropriete": (FR_COPROPRIETE, FR_COPROPRIETE_2019, FR_COPROPRIETE_2014),
    "sa": (FR_SA_AGO, FR_SA_AGO_2019),
    "sa-age": (FR_SA_AGE, FR_SA_AGE_2019),
}
RULE_SETS: Mapping[str, RuleSet] = {
    r.name: r for r in (*(r for v in VERSIONS.values() for r in v), ROBERTS, PLAIN)
}
"""Every named rule set, by name."""


def get_rules(name: str) -> RuleSet:
    """The rule set of this name."""
    try:
        return RULE_SETS[name]
    except KeyError:
        raise UnknownRuleSetError(name, RULE_SETS) from None


# --- a body's own statutes ----------------------------------------------------------------------

_KEYS = {"base", "title", "quorum", "proxies", "majority", "substitutes", "weighted",
         "representatives_leave_office"}  # fmt: skip
_POLICY_KEYS = {
    "quorum": {"fraction", "strict", "basis", "represented", "minimum", "second_call"},
    "proxies": {"allowed", "per_holder", "weight_exception"},
    "majority": {"fraction", "strict", "base", "heads", "casting_vote"},
}
_CHOICES = {
    "basis": ("head", "weight"),
    "base": ("expressed", "cast", "all"),
}


_FRACTION_TEXT = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12})?(?:/[0-9]{1,12})?", re.ASCII)
"""A fraction as statutes write it: "1/3", "0.1", "2/3": a few digits, no exponent."""


class _Bad(ValueError):
    """A value of the statutes that is wrong: an English template marked ``N_`` and its
    params, made a :class:`Problem` at its path (``str()``: the English text)."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format_map(params))


def _problem(path: str, err: ValueError) -> Problem:
    if isinstance(err, _Bad):
        return Problem(path, err.template, err.params)
    return Problem(path, str(err))


def _fraction(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _Bad(N_('a fraction is written as a string such as "1/3" or "0.1"'))
    if isinstance(value, str) and not _FRACTION_TEXT.fullmatch(value.strip()):
        # Fraction("1e-100000000") would build a 100-million-digit number: refuse it first
        raise _Bad(N_('not a fraction such as "1/3" or "0.1": {value}'), value=repr(value[:40]))
    try:
        result = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise _Bad(N_("not a fraction: {value}"), value=repr(value)) from None
    if not 0 <= result <= 1:
        raise _Bad(N_("a fraction must be between 0 and 1"))
    return result


def _value(key: str, value: object) -> object:
    if key in ("fraction", "second_call", "weight_exception", "heads"):
        return None if value is None and key != "fraction" else _fraction(value)
    if key in ("strict", "represented", "allowed", "casting_vote", "substitutes", "weighted",
               "representatives_leave_office"):  # fmt: skip
        if not isinstance(value, bool):
            raise _Bad(N_("expected true or false"))
        return value
    if key in ("minimum", "per_holder"):
        if value is None and key == "per_holder":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _Bad(N_("expected a whole number >= 0"))
        return value
    if key in _CHOICES:
        if value not in _CHOICES[key]:
            raise _Bad(N_("expected one of {words}"), words=", ".join(_CHOICES[key]))
        return value
    if not isinstance(value, str):
        raise _Bad(N_("expected a string"))
    return value


def rules_from_dict(spec: Mapping[str, Any], path: str = "$.rules") -> RuleSet:
    """A rule set from a body's own statutes, written in the session file.

    ``{"base": "plain", "title": "...", "quorum": {"fraction": "1/3", "strict": false,
    "basis": "head", "represented": true, "second_call": null} | null, "proxies":
    {"allowed": true, "per_holder": 2, "weight_exception": null}, "majority": {"fraction":
    "2/3", "strict": false, "base": "expressed", "casting_vote": false}, "substitutes": false,
    "weighted": false}``: every key optional, the rest from ``base`` (default ``plain``).

    Raises:
        InvalidSessionError: every problem, with its path.
    """
    rule_set, problems = _statutes(spec, path)
    if rule_set is None:
        raise InvalidSessionError(problems)
    return rule_set


def _statutes(spec: Mapping[str, Any], path: str) -> tuple[RuleSet | None, list[Problem]]:
    """The rule set of inline statutes, or ``None`` and every problem with its path."""
    problems: list[Problem] = []
    for key in spec:
        if key not in _KEYS:
            problems.append(Problem(f"{path}.{key}", N_("unknown key {key}"), {"key": repr(key)}))
    base_name = spec.get("base", "plain")
    base = PLAIN
    if not isinstance(base_name, str) or base_name not in RULE_SETS:
        problems.append(
            Problem(
                f"{path}.base", N_("unknown rule set {name}"), {"name": reprlib.repr(base_name)}
            )
        )
    else:
        base = RULE_SETS[base_name]
    changes: dict[str, Any] = {}
    for key in ("substitutes", "weighted", "representatives_leave_office", "title"):
        if key in spec:
            try:
                changes[key] = _value(key, spec[key])
            except ValueError as err:
                problems.append(_problem(f"{path}.{key}", err))
    title = spec.get("title")
    own = f"statutes ({title if isinstance(title, str) and title else 'inline'})"
    for policy, current in (("quorum", base.quorum), ("proxies", base.proxies),
                            ("majority", base.majority)):  # fmt: skip
        if policy not in spec:
            continue
        raw = spec[policy]
        if raw is None and policy == "quorum":
            changes["quorum"] = None
            continue
        if not isinstance(raw, Mapping):
            problems.append(Problem(f"{path}.{policy}", N_("expected an object")))
            continue
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in _POLICY_KEYS[policy]:
                problems.append(
                    Problem(f"{path}.{policy}.{key}", N_("unknown key {key}"), {"key": repr(key)})
                )
                continue
            try:
                values[key] = _value(key, value)
            except ValueError as err:
                problems.append(_problem(f"{path}.{policy}.{key}", err))
        template: Any = current
        if template is None:
            template = QuorumRule(article=own)
        updated = attrs.evolve(template, article=own, **values)
        if policy == "majority":  # the statutes' default majority; the base's others stay
            changes["majorities"] = (updated, *base.majorities[1:])
        else:
            changes[policy] = updated
    if problems:
        return None, problems
    title = changes.pop("title", None) or f"the session's own statutes (based on {base.name})"
    rule_set = attrs.evolve(
        base, name="statutes", title=title, valid_from=None, valid_until=None,
        sources=(f"the body's own statutes, on the basis of {base.name}",), **changes,
    )  # fmt: skip
    return rule_set, []


class _Object(tuple[tuple[str, Any], ...]):
    """A JSON object frozen: its ``(key, value)`` pairs in the order written."""

    __slots__ = ()


def _rebuild(
    value: object,
    nested: Callable[[object], bool],
    children: Callable[[Any], Iterable[object]],
    build: Callable[[Any, list[object]], object],
) -> object:
    """``value`` rebuilt bottom-up: each ``nested`` value from its ``children`` rebuilt, by
    ``build``. Without recursion, so that any depth a JSON decoder accepts is read (a hostile
    file nests a thousand lists where a title is expected: a problem, not a crash)."""
    if not nested(value):
        return value
    stack: list[tuple[object, Iterator[object], list[object]]] = [
        (value, iter(children(value)), [])
    ]
    while True:
        node, rest, built = stack[-1]
        for child in rest:
            if nested(child):
                stack.append((child, iter(children(child)), []))
                break
            built.append(child)
        else:
            stack.pop()
            made = build(node, built)
            if not stack:
                return made
            stack[-1][2].append(made)


def _freeze(value: object) -> object:
    """A JSON value that cannot change: an object as an :class:`_Object`, a list as a tuple."""
    return _rebuild(
        value,
        lambda v: isinstance(v, Mapping | list | tuple),
        lambda v: v.values() if isinstance(v, Mapping) else v,
        lambda v, built: (
            _Object(zip(map(str, v), built, strict=True))
            if isinstance(v, Mapping)
            else tuple(built)
        ),
    )


def _thaw(value: object) -> object:
    """The JSON value :func:`_freeze` froze: objects as dicts, lists as lists."""
    return _rebuild(
        value,
        lambda v: isinstance(v, tuple),
        lambda v: (x for _, x in v) if isinstance(v, _Object) else v,
        lambda v, built: (
            dict(zip((k for k, _ in v), built, strict=True)) if isinstance(v, _Object) else built
        ),
    )


def _written(value: Mapping[str, Any] | _Object) -> _Object:
    frozen = value if isinstance(value, _Object) else _freeze(value)
    assert isinstance(frozen, _Object)
    return frozen


@attrs.frozen(repr=False)
class Statutes:
    """A body's own statutes, as a session gives them inline: frozen when the session is built.

    ``Statutes({"base": "plain", "quorum": {"fraction": "1/3"}})`` keeps the mapping as written
    (a copy that cannot change: changing the dict given afterwards changes nothing) and the
    :class:`~quorum.rules.RuleSet` it makes (:func:`rules_from_dict`). It never raises: a
    mapping that makes no rule set has ``rule_set`` ``None`` and its ``problems`` (paths under
    ``$.rules``), which the session reports when it is built. :meth:`to_dict` gives the mapping
    back, equal to the one given; two statutes are equal when they are written the same.
    """

    written: _Object = attrs.field(converter=_written)
    rule_set: RuleSet | None = attrs.field(init=False, eq=False)
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        spec = self.to_dict()
        rule_set, problems = _statutes(spec, "$.rules")
        object.__setattr__(self, "rule_set", rule_set)
        object.__setattr__(self, "problems", tuple(problems))

    def to_dict(self) -> dict[str, Any]:
        """The statutes as written (a new dict at each call)."""
        spec = _thaw(self.written)
        assert isinstance(spec, dict)
        return spec

    def __repr__(self) -> str:
        return f"Statutes({self.to_dict()!r})"


def title_words(rule_set: RuleSet) -> str:
    """The title of a named rule set in the language in use; a session's own statutes keep the
    title they give (``RuleSet.title`` stays English: the JSON's)."""
    known = RULE_SETS.get(rule_set.name)
    if known is None or known.title != rule_set.title:
        return rule_set.title
    if rule_set.name in _HEALTH_TITLES:
        short, start, end = _HEALTH_TITLES[rule_set.name]
        return _("{body}, health emergency ({start} to {end})").format(
            body=_(short), start=start, end=end
        )
    return _(rule_set.title)
