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

from quorum.audit import Audit, AuditItem, QuorumCheck, TallyCheck, audit
from quorum.exceptions import (
    InvalidSessionError,
    Problem,
    QuorumError,
    SessionFileError,
    UnknownItemError,
    UnknownRuleSetError,
)
from quorum.findings import Finding, Severity, Source
from quorum.io import read_session, write_session
from quorum.model import Member, Proxy, Role, Session, Stretch, Tally
from quorum.parse import parse_minutes
from quorum.rules import RULE_SETS, RuleSet, get_rules
from quorum.sessionfile import session_from_dict, session_to_dict

__all__ = [
    "RULE_SETS",
    "Audit",
    "AuditItem",
    "Finding",
    "InvalidSessionError",
    "Member",
    "Problem",
    "Proxy",
    "QuorumCheck",
    "QuorumError",
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
    "__version__",
    "audit",
    "get_rules",
    "parse_minutes",
    "read_session",
    "session_from_dict",
    "session_to_dict",
    "write_session",
]
