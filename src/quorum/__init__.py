"""quorum: audit the votes of deliberative assemblies, item by item.

>>> import quorum
>>> session = quorum.read_session("examples/grand-besancon-2026-01-29.session.json")
>>> item = quorum.audit(session).item("19")
>>> item.present_count, item.proxy_count, item.voters, item.quorum.reached
(79, 21, 100, True)
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # typing itself is not imported: it costs a third of the startup

#: the version of the distribution ``quorum-minutes`` (tests/test_public_api.py checks that it
#: is the installed one); written here so that ``quorum --version`` need not load
#: ``importlib.metadata``
__version__ = "0.1.0"

# The public names, and the module each comes from. They are imported on first use (PEP 562),
# so that ``import quorum`` and ``quorum --version`` load nothing else.
_ORIGIN = {
    "Audit": "audit",
    "AuditItem": "audit",
    "OutcomeCheck": "audit",
    "QuorumCheck": "audit",
    "TallyCheck": "audit",
    "InvalidSessionError": "exceptions",
    "Problem": "exceptions",
    "QuorumError": "exceptions",
    "SessionFileError": "exceptions",
    "UnknownItemError": "exceptions",
    "UnknownRuleSetError": "exceptions",
    "Finding": "findings",
    "Severity": "findings",
    "Source": "findings",
    "Verdict": "findings",
    "read_session": "io",
    "write_session": "io",
    "CastingVote": "model",
    "Headcount": "model",
    "Member": "model",
    "Proxy": "model",
    "Reading": "model",
    "Role": "model",
    "Session": "model",
    "Stretch": "model",
    "Tally": "model",
    "Withdrawal": "model",
    "WithdrawalReason": "model",
    "parse_minutes": "parse",
    "Majority": "rules",
    "Outcome": "rules",
    "ProxyRule": "rules",
    "QuorumRule": "rules",
    "RuleSet": "rules",
    "Statutes": "registry",
    "RULE_SETS": "rulesets",
    "get_rules": "rulesets",
    "rules_for": "rulesets",
    "rules_from_dict": "rulesets",
    "session_from_dict": "sessionfile",
    "session_to_dict": "sessionfile",
}

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from quorum.audit import Audit, AuditItem, OutcomeCheck, QuorumCheck, TallyCheck, audit
    from quorum.exceptions import (
        InvalidSessionError,
        Problem,
        QuorumError,
        SessionFileError,
        UnknownItemError,
        UnknownRuleSetError,
    )
    from quorum.findings import Finding, Severity, Source, Verdict
    from quorum.io import read_session, write_session
    from quorum.model import (
        CastingVote,
        Headcount,
        Member,
        Proxy,
        Reading,
        Role,
        Session,
        Stretch,
        Tally,
        Withdrawal,
        WithdrawalReason,
    )
    from quorum.parse import parse_minutes
    from quorum.registry import Statutes
    from quorum.rules import Majority, Outcome, ProxyRule, QuorumRule, RuleSet
    from quorum.rulesets import RULE_SETS, get_rules, rules_for, rules_from_dict
    from quorum.sessionfile import session_from_dict, session_to_dict


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use, and keep the name here."""
    module = _ORIGIN.get(name)
    if module is None:
        raise AttributeError(f"module 'quorum' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"quorum.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (``__all__``) and the module's own dunders."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})


class _Package(types.ModuleType):
    """The ``quorum`` package. Importing the submodule ``quorum.audit`` sets the package's
    attribute ``audit`` to that module; the public name ``quorum.audit`` must stay the function,
    whatever was imported first."""

    @property
    def audit(self) -> Callable[..., Audit]:
        from quorum.audit import audit as function

        return function

    @audit.setter
    def audit(self, value: object) -> None:
        """The import system setting the submodule: ``quorum.audit`` stays the function."""


sys.modules[__name__].__class__ = _Package


__all__ = [
    "RULE_SETS",
    "Audit",
    "AuditItem",
    "CastingVote",
    "Finding",
    "Headcount",
    "InvalidSessionError",
    "Majority",
    "Member",
    "Outcome",
    "OutcomeCheck",
    "Problem",
    "Proxy",
    "ProxyRule",
    "QuorumCheck",
    "QuorumError",
    "QuorumRule",
    "Reading",
    "Role",
    "RuleSet",
    "Session",
    "SessionFileError",
    "Severity",
    "Source",
    "Statutes",
    "Stretch",
    "Tally",
    "TallyCheck",
    "UnknownItemError",
    "UnknownRuleSetError",
    "Verdict",
    "Withdrawal",
    "WithdrawalReason",
    "__version__",
    "audit",
    "get_rules",
    "parse_minutes",
    "read_session",
    "rules_for",
    "rules_from_dict",
    "session_from_dict",
    "session_to_dict",
    "write_session",
]
