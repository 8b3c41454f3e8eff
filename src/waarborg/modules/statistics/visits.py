"""Recording a visit: anonymise first, then store. The raw IP and user name never reach the database.

The purpose is the one the policy gives visit data: the purpose it names for the statistics module's
`visits` (`modules.statistics.purposes`; a `statistics: true` purpose, seed 000: `statistics`). A policy
that does not switch the module on, or names no purpose for visits, has no ground to record visits, so
nothing is recorded.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime
from typing import Any

from django.utils import timezone

from waarborg.engine.keyring.crypto import keyed_hash
from waarborg.engine.policy.schema import Policy
from waarborg.modules.statistics.models import Visit

# (pattern, name), first match wins: Edge and Opera also say "Chrome", Chrome also says "Safari".
_BROWSERS = ((r"Edg(?:e|A|iOS)?/(\d+)", "Edge"), (r"OPR/(\d+)", "Opera"), (r"Firefox/(\d+)", "Firefox"),
             (r"FxiOS/(\d+)", "Firefox"), (r"CriOS/(\d+)", "Chrome"), (r"Chrom(?:e|ium)/(\d+)", "Chrome"),
             (r"Version/(\d+)[.\d]* (?:Mobile/\S+ )?Safari/", "Safari"), (r"MSIE (\d+)", "Internet Explorer"),
             (r"Trident/.*rv:(\d+)", "Internet Explorer"))
_SYSTEMS = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iOS"), ("CrOS", "ChromeOS"),
            ("Windows", "Windows"), ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"))


def browser_of(user_agent: str) -> str:
    """Browser family and major version ("Firefox 128"); never the full User-Agent (a fingerprint)."""
    for pattern, name in _BROWSERS:
        found = re.search(pattern, user_agent)
        if found:
            return f"{name} {found.group(1)}"[:32]
    return "anders" if user_agent else "onbekend"


def os_of(user_agent: str) -> str:
    for needle, name in _SYSTEMS:
        if needle in user_agent:
            return name
    return "anders" if user_agent else "onbekend"


def ip_prefix(address: str) -> str:
    """IPv4 with the last octet zeroed, IPv6 cut to its /48 network; garbage becomes "onbekend"."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return "onbekend"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def user_pseudonym(username: str, at: datetime) -> str:
    """Keyed with the master key and the day: no one can reverse it or follow a visitor across days."""
    if not username:
        return ""
    return keyed_hash(username, f"visit-user:{timezone.localdate(at).isoformat()}")[:32]


def visit_purpose(policy: Policy) -> str | None:
    return policy.module("statistics").purpose("visits")


def report_purpose(policy: Policy) -> str | None:
    """The purpose of the municipal policy report (seed 000: `policy_research`), if the policy names one."""
    return policy.module("statistics").purpose("reports")


def visit_record(policy: Policy, *, page: str, address: str, user_agent: str, username: str = "",
                 at: datetime | None = None) -> Visit | None:
    """Store one anonymised visit under the policy's statistics purpose (None: the policy has none)."""
    purpose = visit_purpose(policy)
    if purpose is None:
        return None
    when = at or timezone.now()
    return Visit.objects.create(purpose=purpose, at=when, page=page[:200], ip_prefix=ip_prefix(address),
                                os=os_of(user_agent), browser=browser_of(user_agent),
                                user_pseudonym=user_pseudonym(username, when))


def client_address(request: Any) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return str(request.META.get("REMOTE_ADDR") or "")
