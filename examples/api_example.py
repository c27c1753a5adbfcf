"""Audit the Besançon minutes from Python: counts, findings, one item explained, the HTML report.

Run from the repository's root: ``python examples/api_example.py``.
"""

from pathlib import Path

import quorum
from quorum.explain import explain
from quorum.html import render_html

HERE = Path(__file__).resolve().parent

session = quorum.read_session(HERE / "grand-besancon-2026-01-29.txt")  # minutes, parsed
result = quorum.audit(session)  # the rule set chosen from the body and the date: fr-epci

item = result.item("19")
print(f"item 19: {item.present_count} present + {item.proxy_count} proxies = {item.voters}")
print(f"quorum: {item.quorum.counted} present, {item.quorum.required} required")

for finding in result.findings:
    if not finding.items:  # about the whole session (the rule set chosen)
        continue
    first, last = finding.items[0], finding.items[-1]
    print(f"{finding.severity.value}: {finding.code} at items {first}-{last}")

why = explain(result, "3")
for proxy in why.other_proxies:
    print(f"not counted at item 3: {proxy.giver.name} -> {proxy.holder.name}: {proxy.reason}")

Path("besancon-report.html").write_text(render_html(result), encoding="utf-8")
print("wrote besancon-report.html")
