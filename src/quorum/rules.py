"""Rule sets: the legal parameters an audit applies, as data, with their sources.

A :class:`RuleSet` is a frozen value; a new rule set is a new value in :data:`RULE_SETS` (or one
derived with :func:`attrs.evolve`), never a change to the engine. The legal texts and the traps
they avoid are in ``docs/rules.md``.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from quorum.exceptions import UnknownRuleSetError
from quorum.model import Session


def majority_of(members_in_office: int) -> int:
    """More than half: ``n // 2 + 1`` (123 -> 62, 11 -> 6; not ``ceil(n / 2 + 1)``, which gives 7
    for 11)."""
    return members_in_office // 2 + 1


@attrs.frozen(kw_only=True)
class RuleSet:
    """The parameters of one body of rules.

    Attributes:
        name: the registry name (``fr-municipal``).
        title: one line saying what it is for.
        quorum_rule: the article quorum comes from, cited in findings.
        quorum_fraction: how quorum follows from the members in office; ``majority_of`` for
            "more than half of the members in office".
        proxies_per_holder: how many usable proxies one holder may carry at an item; ``None``
            for no limit.
        proxy_rule: the article proxies come from.
        substitutes: whether a substitute may sit for an absent titular.
        substitute_rule: the article substitutes come from.
        weighted: whether a tally is compared with the vote weight rather than the head count.
        sources: the texts the rule set encodes.
    """

    name: str
    title: str
    quorum_rule: str
    proxies_per_holder: int | None
    proxy_rule: str
    substitutes: bool
    substitute_rule: str | None = None
    weighted: bool = False
    sources: tuple[str, ...] = ()

    def quorum(self, members_in_office: int) -> int:
        """Members who must be present when an item is taken up."""
        return majority_of(members_in_office)


FR_MUNICIPAL = RuleSet(
    name="fr-municipal",
    title="French municipal council (CGCT, common law)",
    quorum_rule="CGCT art. L2121-17",
    proxies_per_holder=1,
    proxy_rule="CGCT art. L2121-20",
    substitutes=False,
    sources=(
        "CGCT art. L2121-17: more than half of the members in office present, proxies not "
        "counted, checked when each item is taken up",
        "CGCT art. L2121-20: one written proxy per holder; usable only when its giver is absent "
        "and its holder present; never passed on",
    ),
)

FR_EPCI = attrs.evolve(
    FR_MUNICIPAL,
    name="fr-epci",
    title="French intercommunal council (EPCI): municipal rules through L5211-1, substitutes",
    quorum_rule="CGCT art. L2121-17 (through L5211-1)",
    proxy_rule="CGCT art. L2121-20 (through L5211-1)",
    substitutes=True,
    substitute_rule="CGCT art. L5211-6",
    sources=(
        *FR_MUNICIPAL.sources,
        "CGCT art. L5211-1: the municipal council's rules apply to the EPCI council",
        "CGCT art. L5211-6: a single-seat commune's substitute sits for the absent titular and "
        "counts in his place; never both",
    ),
)

PLAIN = RuleSet(
    name="plain",
    title="Plain assembly: quorum by head, any number of proxies per holder, weights counted",
    quorum_rule="quorum: more than half of the members in office present",
    proxies_per_holder=None,
    proxy_rule="proxies: usable when the giver is absent and the holder present",
    substitutes=True,
    substitute_rule="substitutes sit in the place of their absent titular",
    weighted=True,
    sources=("No statute: a neutral default for bodies with rules of their own.",),
)

RULE_SETS: Mapping[str, RuleSet] = {r.name: r for r in (FR_MUNICIPAL, FR_EPCI, PLAIN)}
"""The named rule sets, by name."""


def get_rules(name: str) -> RuleSet:
    """The rule set of this name."""
    try:
        return RULE_SETS[name]
    except KeyError:
        raise UnknownRuleSetError(name, RULE_SETS) from None


def rules_for(session: Session) -> tuple[RuleSet, str]:
    """The rule set a session is audited under, and why it was chosen."""
    if session.rules:
        return get_rules(session.rules), f"named by the session ({session.rules!r})"
    if any(m.is_substitute for m in session.members):
        return FR_EPCI, "the session names no rule set and has substitutes: fr-epci assumed"
    return FR_MUNICIPAL, "the session names no rule set: fr-municipal assumed"
