"""quorum: audit the votes of deliberative assemblies, item by item.

>>> import quorum
>>> session = quorum.read_session("examples/grand-besancon-2026-01-29.session.json")
>>> item = quorum.audit(session).item("19")
>>> item.present_count, item.proxy_count, item.voters, item.quorum.reached
(79, 21, 100, True)
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("quorum-minutes")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

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
    Headcount,
    Member,
    Proxy,
    Reading,
    Role,
    Session,
    Stretch,
    Tally,
    Withdrawal,
)
from quorum.parse import parse_minutes
from quorum.rules import Majority, ProxyRule, QuorumRule, RuleSet
from quorum.rulesets import RULE_SETS, get_rules, rules_for, rules_from_dict
from quorum.sessionfile import session_from_dict, session_to_dict

__all__ = [
    "RULE_SETS",
    "Audit",
    "AuditItem",
    "Finding",
    "Headcount",
    "InvalidSessionError",
    "Majority",
    "Member",
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
    "Stretch",
    "Tally",
    "TallyCheck",
    "UnknownItemError",
    "UnknownRuleSetError",
    "Verdict",
    "Withdrawal",
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
