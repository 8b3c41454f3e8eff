"""The access check pipeline: every read, write, export and disclosure asks the gates.

A gate is `gate(ctx) -> Refusal | None`. Capabilities register their gates at start-up
(`register(gate)` in their AppConfig.ready): the vault registers role, purpose, need-to-know and
confidentiality gates; consent registers consent, special-category, marketing, objection and
restriction gates. The first refusal wins; `vault.access.check` writes the audit entry and raises.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Refusal:
    reason: str  # role_not_granted, purpose_mismatch, no_legal_basis, no_active_consent, restricted, objected, ...
    detail: str


@dataclass
class AccessContext:
    actor: Any  # User, or a "system:..." string for jobs
    action: str  # read | write | export | decide | disclose | delete
    purpose: str  # the purpose the caller names (X-Purpose)
    policy: Any  # the active Policy
    subject: Any = None  # Subject or None
    record: Any = None  # Record or None (for reads/updates of one record)
    record_type: str = ""  # for writes
    fields: dict[str, Any] = field(default_factory=dict)  # values being written (never logged)
    at: Any = None  # the moment of processing (collected_at for imports)


Gate = Callable[[AccessContext], Refusal | None]
_gates: list[tuple[int, Gate]] = []


def register(gate: Gate, order: int = 100) -> None:
    """Lower order runs first. Registering the same gate twice is a no-op."""
    if all(g is not gate for _, g in _gates):
        _gates.append((order, gate))
        _gates.sort(key=lambda pair: pair[0])


def run(ctx: AccessContext, *, skip: Collection[Gate] = ()) -> Refusal | None:
    """The first refusal of the gates, in order; `skip` leaves out gates whose question the caller
    answered itself (a disclosure decides who may disclose, then asks every other gate)."""
    for _, gate in _gates:
        if gate in skip:
            continue
        refusal = gate(ctx)
        if refusal is not None:
            return refusal
    return None
