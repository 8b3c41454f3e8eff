"""The legal-basis gates: what the purpose's grondslag allows, asked on every read, write and export.

Registered in `ConsentConfig.ready()` after the vault's role gates (order > 100), so a caller
without the role hears `role_not_granted` first. Each gate answers `Refusal` or None; the vault's
`access.check` writes the refused audit entry and raises the 403.

Deleting is never refused here: erasure and the retention sweep must always be able to remove data,
also when a subject objected, restricted or withdrew consent.
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.consent import state
from waarborg.engine.policy.schema import Art9Condition, LegalBasis, Policy, Purpose
from waarborg.engine.vault.gates import AccessContext, Refusal
from waarborg.engine.vault.reads import Prefetched

_ART9_NEEDS_LAW = {
    Art9Condition.EMPLOYMENT_SOCIAL_SECURITY,
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
    Art9Condition.HEALTH_SOCIAL_CARE,
    Art9Condition.PUBLIC_HEALTH,
    Art9Condition.ARCHIVING_RESEARCH,
}


def _purpose(ctx: AccessContext) -> Purpose | None:
    if ctx.action == "delete" or ctx.subject is None:
        return None
    return ctx.policy.purposes.get(ctx.purpose)


def _own_access(ctx: AccessContext) -> bool:
    """The subject reading or exporting their own data (portal): always allowed (art. 15, 18(2))."""
    linked = getattr(ctx.actor, "subject_id", None)
    return ctx.action in ("read", "export") and linked is not None and str(linked) == str(state.pk_of(ctx.subject))


def _record_type(ctx: AccessContext) -> str:
    return ctx.record_type or getattr(ctx.record, "type", "") or ""


def fields_of_kind(policy: Policy, record_type: str, names: Any, kind: str) -> list[str]:
    """Which of `names` (fields of `record_type`) belong to a category that is `special`/`national_id`."""
    spec = policy.record_types.get(record_type)
    if spec is None:
        return []
    found = []
    for name in names:
        field = spec.fields.get(name)
        category = policy.categories.get(field.category) if field else None
        if category is not None and getattr(category, kind):
            found.append(name)
    return sorted(found)


def _touched(ctx: AccessContext, kind: str) -> list[str]:
    """Fields of that kind this access touches.

    Writes: the fields written. Reads: which fields a record holds is sealed, and a gate does not
    open data, so every such field its type declares counts; a read of a subject's records of the
    purpose (no record named) counts those of every record type of the purpose.
    """
    if isinstance(ctx.fields, dict) and ctx.fields:
        return fields_of_kind(ctx.policy, _record_type(ctx), ctx.fields.keys(), kind)
    if ctx.action == "write" or ctx.fields:
        return []  # nothing (valid) written: the vault's validation answers malformed data
    one = _record_type(ctx) if ctx.record is not None or ctx.record_type else ""
    types = {name: rt for name, rt in ctx.policy.record_types.items()
             if (name == one if one else rt.purpose == ctx.purpose)}
    return [f"{name}.{field}" for name, rt in types.items()
            for field in fields_of_kind(ctx.policy, name, rt.fields.keys(), kind)]


def consent_gate(ctx: AccessContext) -> Refusal | None:
    """A consent-based purpose needs an active consent; so does any purpose for a minor that says so."""
    purpose = _purpose(ctx)
    if purpose is None or _own_access(ctx):
        return None
    minor = state.is_minor(ctx.subject, purpose, ctx.at)
    if purpose.basis is not LegalBasis.CONSENT and not minor:
        return None
    consent = state.active_consent(ctx.subject, ctx.purpose, ctx.at)
    if consent is not None and (not minor or set(consent.signatory_roles) & set(state.GUARDIANS)):
        return None
    if state.pending_consent(ctx.subject, ctx.purpose) is not None:
        return Refusal("no_active_consent", f"de toestemming voor {ctx.purpose} wacht nog op verificatie van de "
                                            "handtekening van ouder of voogd / the parental consent is not verified yet")
    if minor:
        return Refusal("no_active_consent", f"betrokkene is jonger dan {purpose.minor_age}: er is geen geverifieerde "
                                            f"toestemming van ouder of voogd voor {ctx.purpose} / no verified parental "
                                            "consent")
    return Refusal("no_active_consent", f"geen actieve toestemming voor doel {ctx.purpose} / no active consent for "
                                        "this purpose")


def special_category_gate(ctx: AccessContext) -> Refusal | None:
    """Art. 9: special categories only under the purpose's exception, never for marketing (S2-06)."""
    purpose = _purpose(ctx)
    if purpose is None or _own_access(ctx):
        return None
    special = _touched(ctx, "special")
    if not special:
        return None
    if purpose.marketing:
        return Refusal("special_category_forbidden", "bijzondere persoonsgegevens worden nooit voor marketing "
                                                     "gebruikt / special categories are never used for marketing")
    condition = purpose.art9_condition
    if condition is None:
        return Refusal("special_category_forbidden", f"doel {ctx.purpose} noemt geen uitzondering van art. 9 AVG")
    if condition is Art9Condition.EXPLICIT_CONSENT:
        if state.active_consent(ctx.subject, ctx.purpose, ctx.at, special=True) is None:
            return Refusal("special_category_forbidden", "bijzondere persoonsgegevens alleen met actieve, ondertekende "
                                                         "toestemming die ook bijzondere gegevens dekt / no explicit "
                                                         "consent covering special categories")
        return None
    if condition in _ART9_NEEDS_LAW and not purpose.art9_ground:
        return Refusal("special_category_forbidden", f"doel {ctx.purpose} noemt geen wettelijke grond voor "
                                                     "bijzondere persoonsgegevens / no art. 9 legal ground named")
    return None


def bsn_gate(ctx: AccessContext) -> Refusal | None:
    """The BSN only where a law allows it (UAVG art. 46)."""
    purpose = _purpose(ctx)
    if purpose is None or purpose.bsn_ground or not _touched(ctx, "national_id"):
        return None
    return Refusal("no_legal_basis", f"doel {ctx.purpose} heeft geen wettelijke grondslag voor het BSN / no "
                                     "statutory ground for the BSN")


def criminal_gate(ctx: AccessContext) -> Refusal | None:
    """Criminal data (art. 10 AVG, a VOG) only where a law allows it for this purpose (UAVG art. 31-33)."""
    purpose = _purpose(ctx)
    if purpose is None or purpose.art10_ground or not _touched(ctx, "criminal"):
        return None
    return Refusal("criminal_data_forbidden", f"doel {ctx.purpose} noemt geen wettelijke grond voor strafrechtelijke "
                                              "gegevens (art. 10 AVG) / no art. 10 ground for criminal data")


def objection_gate(ctx: AccessContext) -> Refusal | None:
    purpose = _purpose(ctx)
    if purpose is None or not state.objectable(purpose) or _own_access(ctx):
        return None
    if state.objections(ctx.purpose).filter(subject=state.pk_of(ctx.subject)).exists():
        return Refusal("objected", f"betrokkene heeft bezwaar gemaakt tegen {ctx.purpose} / the subject objected")
    return None


def restriction_gate(ctx: AccessContext) -> Refusal | None:
    """Art. 18: storage stays, and what the statement allows: the subject's own access, a purpose marked
    for legal claims, and processing the subject consented to after the restriction was set. Every
    other read, write, export, disclosure and decision stops, by staff, services and jobs alike.
    Deleting is never held up (`_purpose` is None for it): erasure and the sweep go on."""
    purpose = _purpose(ctx)
    if purpose is None or _own_access(ctx) or state.legal_claims(purpose):
        return None
    facts = Prefetched.of(ctx.record)
    if state.restricted(ctx.subject, ctx.purpose, ctx.at, any_in_force=facts.restriction_in_force if facts else None):
        return Refusal("restricted", "de verwerking is beperkt (geblokkeerd) / processing is restricted")
    return None


def optout_gate(ctx: AccessContext) -> Refusal | None:
    purpose = _purpose(ctx)
    if purpose is None or not purpose.service_information or _own_access(ctx):
        return None
    if state.optouts(ctx.purpose).filter(subject=state.pk_of(ctx.subject)).exists():
        return Refusal("opted_out", "betrokkene wil geen informatie over diensten ontvangen / the subject opted out")
    return None


def signed_statement_gate(ctx: AccessContext) -> Refusal | None:
    """S2-05: an agreement cannot become active without a signed consent statement (toestemmingsverklaring)."""
    record_type = ctx.policy.record_types.get(_record_type(ctx))
    if ctx.action != "write" or record_type is None or not ctx.fields:
        return None
    for name, spec in record_type.fields.items():
        if spec.needs_signed_consent and ctx.fields.get(name) in spec.needs_signed_consent:
            consent = state.active_consent(ctx.subject, record_type.purpose, ctx.at)
            if consent is None or not consent.evidence_document:
                return Refusal("no_signed_consent_statement",
                               f"'{name}' kan pas '{ctx.fields[name]}' worden met een getekende toestemmingsverklaring "
                               f"/ '{name}' can only become '{ctx.fields[name]}' with a signed consent statement")
    return None


GATES = (
    (restriction_gate, 200),
    (objection_gate, 210),
    (consent_gate, 220),
    (special_category_gate, 230),
    (bsn_gate, 240),
    (criminal_gate, 245),
    (optout_gate, 250),
    (signed_statement_gate, 260),
)
