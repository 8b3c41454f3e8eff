"""The art. 30 register of processing activities (minimal first version)."""

from __future__ import annotations

import json

from waarborg.policy.schema import Policy

CONTENT_TYPES = {"csv": "text/csv", "json": "application/json", "jsonld": "application/ld+json"}


def render_register(policy: Policy, fmt: str = "csv") -> str:
    rows = [{"purpose": pid, "basis": p.basis.value} for pid, p in policy.purposes.items()]
    if fmt == "csv":
        return "purpose,basis\n" + "".join(f"{r['purpose']},{r['basis']}\n" for r in rows)
    return json.dumps(rows, indent=2) + "\n"
