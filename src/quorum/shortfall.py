"""A tally that falls short of the voters by no more than the proxies usable at its item.

The minutes are then probably right: a holder did not use a proxy he held (he voted for himself
only), or the clerk counted the members present rather than the voters. Either is worth a look,
neither is an accusation: such a ``TALLY_MISMATCH`` is reported as the warning
``TALLY_PROXY_UNUSED`` with the same numbers. Never when the tally exceeds the voters (no unused
proxy explains votes that were not there), nor when the shortfall is larger than the usable
proxies, nor under a weighted rule set (the basis is then a weight, not a head count).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from quorum import timeline as tl
from quorum.counting import ERROR, WARNING, Draft
from quorum.findings import N_, Message

UNUSED = N_(
    "{message}: the shortfall ({gap}) is no more than the proxies usable there ({proxies}); a "
    "proxy may not have been used, or the tally counts the members present only: probably not "
    "an error, check the minutes"
)
AT_RISK_UNUSED = N_(
    "{message} (if a proxy was not used, the tally is right and so is the outcome: probably not "
    "an error)"
)


def short_by_proxies(reported: int, basis: int, proxies: int) -> bool:
    """True when the tally falls short of the voters by 1 to ``proxies``."""
    return 0 < basis - reported <= proxies


def unused_proxies(drafts: Iterable[Draft], weighted: bool) -> list[Draft]:
    """The drafts, each tally mismatch that an unused proxy explains made a warning, and the
    ``OUTCOME_AT_RISK`` error at those items too (the gap it weighs is that shortfall)."""
    out = _tallies(drafts, weighted)
    explained = tl.union(span for d in out if d.code == "TALLY_PROXY_UNUSED" for span in d.spans)
    if not explained:
        return out
    kept: list[Draft] = []
    for d in out:
        if d.code != "OUTCOME_AT_RISK" or d.severity is not ERROR:
            kept.append(d)
            continue
        there, elsewhere = tl.intersect(d.spans, explained), tl.subtract(d.spans, explained)
        if elsewhere:
            kept.append(attrs.evolve(d, spans=elsewhere))
        if there:
            kept.append(
                attrs.evolve(
                    d,
                    severity=WARNING,
                    template=AT_RISK_UNUSED,
                    params={"message": Message(d.template, d.params)},
                    spans=there,
                )
            )
    return kept


def _tallies(drafts: Iterable[Draft], weighted: bool) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        params = dict(d.params)
        reported, basis, proxies = (params.get(k) for k in ("reported", "basis", "proxies"))
        if (
            d.code != "TALLY_MISMATCH"
            or d.severity is not ERROR
            or weighted
            or not isinstance(reported, int)
            or not isinstance(basis, int)
            or not isinstance(proxies, int)
            or not short_by_proxies(reported, basis, proxies)
        ):
            out.append(d)
            continue
        out.append(
            attrs.evolve(
                d,
                code="TALLY_PROXY_UNUSED",
                severity=WARNING,
                template=UNUSED,
                params={
                    "message": Message(d.template, d.params),
                    "gap": basis - reported,
                    "proxies": proxies,
                },
            )
        )
    return out
