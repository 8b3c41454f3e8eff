"""Deadlines in words, Dutch first: "nog 3 dagen", "3 dagen te laat", "nog 5 uur"; refusal reasons in words."""

from __future__ import annotations

from typing import Any

from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy


def days_left(days: int, overdue: bool = False) -> str:
    """Whole calendar days to a deadline (negative: past it)."""
    if days < 0:
        return ngettext("%(n)d dag te laat", "%(n)d dagen te laat", -days) % {"n": -days}
    if overdue:
        return gettext("vandaag te laat")
    if days == 0:
        return gettext("vandaag")
    return ngettext("nog %(n)d dag", "nog %(n)d dagen", days) % {"n": days}


def hours_left(hours: float) -> str:
    """Hours to a deadline such as the 72 hours for the AP (negative: past it)."""
    if hours < 0:
        late = int(-hours) or 1
        return ngettext("%(n)d uur te laat", "%(n)d uur te laat", late) % {"n": late}
    left = int(hours)
    if left == 0:
        return gettext("minder dan een uur")
    return ngettext("nog %(n)d uur", "nog %(n)d uur", left) % {"n": left}


# A refusal's reason code in words (docs/api.md#reason-codes), short enough for a chart's bar label (32
# characters). The audit log and the API keep the codes; the privacy officer's charts and report say these.
REFUSALS: dict[str, Any] = {
    "not_authenticated": pgettext_lazy("refusal", "Niet ingelogd"),
    "staff_only": pgettext_lazy("refusal", "Alleen voor medewerkers"),
    "confidentiality_not_signed": pgettext_lazy("refusal", "Geen geheimhoudingsverklaring"),
    "unknown_purpose": pgettext_lazy("refusal", "Onbekend doel"),
    "no_legal_basis": pgettext_lazy("refusal", "Geen grondslag"),
    "role_not_granted": pgettext_lazy("refusal", "Rol geeft geen recht"),
    "group_purpose_mismatch": pgettext_lazy("refusal", "Doel past niet bij groep"),
    "unknown_group": pgettext_lazy("refusal", "Onbekende groep"),
    "criminal_data_forbidden": pgettext_lazy("refusal", "Strafrechtelijke gegevens"),
    "criminal_data_no_ground": pgettext_lazy("refusal", "Strafrechtelijke gegevens"),
    "purpose_mismatch": pgettext_lazy("refusal", "Ander doel dan verzameld"),
    "not_assigned": pgettext_lazy("refusal", "Niet in eigen caseload"),
    "no_active_consent": pgettext_lazy("refusal", "Geen toestemming"),
    "parental_consent_required": pgettext_lazy("refusal", "Toestemming ouder nodig"),
    "special_category_forbidden": pgettext_lazy("refusal", "Bijzondere gegevens"),
    "no_signed_consent_statement": pgettext_lazy("refusal", "Geen getekende verklaring"),
    "objected": pgettext_lazy("refusal", "Bezwaar gemaakt"),
    "not_objectable": pgettext_lazy("refusal", "Geen bezwaar mogelijk"),
    "restricted": pgettext_lazy("refusal", "Verwerking beperkt"),
    "opted_out": pgettext_lazy("refusal", "Afgemeld"),
    "not_service_information": pgettext_lazy("refusal", "Geen service-informatie"),
    "human_decision_required": pgettext_lazy("refusal", "Besluit door een mens"),
    "not_a_case": pgettext_lazy("refusal", "Geen zaak om te besluiten"),
    "payout_blocked": pgettext_lazy("refusal", "Uitbetaling geblokkeerd"),
    "unknown_recipient": pgettext_lazy("refusal", "Onbekende ontvanger"),
    "statistics_never_disclosed": pgettext_lazy("refusal", "Statistiek wordt niet gedeeld"),
    "recipient_not_allowed": pgettext_lazy("refusal", "Ontvanger niet toegestaan"),
    "reason_not_allowed": pgettext_lazy("refusal", "Reden niet toegestaan"),
    "no_agreement": pgettext_lazy("refusal", "Geen overeenkomst"),
    "message_type_not_allowed": pgettext_lazy("refusal", "Soort bericht niet toegestaan"),
    "not_announced": pgettext_lazy("refusal", "Opname niet aangekondigd"),
    "recording_refused": pgettext_lazy("refusal", "Opname geweigerd"),
    "recording_immutable": pgettext_lazy("refusal", "Opname niet te wijzigen"),
    "no_written_consent": pgettext_lazy("refusal", "Geen schriftelijke toestemming"),
    "notice_not_published": pgettext_lazy("refusal", "Onderzoek niet bekendgemaakt"),
    "not_informed": pgettext_lazy("refusal", "Mensen niet geïnformeerd"),
    "project_not_started": pgettext_lazy("refusal", "Onderzoek niet begonnen"),
    "direct_identifier": pgettext_lazy("refusal", "Direct herleidbaar gegeven"),
    "free_text_dropped": pgettext_lazy("refusal", "Vrije tekst niet toegestaan"),
    "invalid_code": pgettext_lazy("refusal", "Verkeerde toegangscode"),
    "code_expired": pgettext_lazy("refusal", "Toegangscode verlopen"),
    "code_used": pgettext_lazy("refusal", "Toegangscode al gebruikt"),
    "too_many_codes": pgettext_lazy("refusal", "Te veel toegangscodes"),
    "wrong_address": pgettext_lazy("refusal", "Ander e-mailadres"),
    "separation_of_duties": pgettext_lazy("refusal", "Vier-ogenprincipe"),
    "not_own_request": pgettext_lazy("refusal", "Verzoek van een ander"),
    "method_not_offered": pgettext_lazy("refusal", "Manier niet aangeboden"),
    "channel_not_offered": pgettext_lazy("refusal", "Kanaal niet aangeboden"),
    "group_channel_not_offered": pgettext_lazy("refusal", "Kanaal niet voor deze groep"),
    "extension_limit_reached": pgettext_lazy("refusal", "Niet vaker te verlengen"),
    "retention_ceiling": pgettext_lazy("refusal", "Voorbij maximale bewaartermijn"),
    "not_extendable": pgettext_lazy("refusal", "Niet te verlengen"),
    "legal_obligation": pgettext_lazy("refusal", "Wettelijke bewaarplicht"),
    "legal": pgettext_lazy("refusal", "Wettelijke bewaarplicht"),
    "not_shortenable": pgettext_lazy("refusal", "Niet in te korten"),
    "locked_out": pgettext_lazy("refusal", "Tijdelijk geblokkeerd"),
    "throttled": pgettext_lazy("refusal", "Te veel pogingen"),
    "subject_exists": pgettext_lazy("refusal", "Persoon al bekend"),
    "missing_bank_details": pgettext_lazy("refusal", "Bankgegevens ontbreken"),
    "no_address": pgettext_lazy("refusal", "Geen adres"),
    "disclosure": pgettext_lazy("refusal", "Verstrekking niet toegestaan"),
    "provider_unavailable": pgettext_lazy("refusal", "Inlogdienst niet bereikbaar"),
    "provider_error": pgettext_lazy("refusal", "Fout bij inlogdienst"),
    "provider_said_no": pgettext_lazy("refusal", "Inlogdienst weigerde"),
    "state": pgettext_lazy("refusal", "Inloggen niet afgerond"),
    "forbidden": pgettext_lazy("refusal", "Niet toegestaan"),
}


def refusal(reason: str) -> str:
    """A reason code in words; one the table does not know yet is "Andere reden", never the code itself."""
    words = REFUSALS.get(reason) or REFUSALS.get(reason.removeprefix("sso_"))
    return str(words) if words is not None else pgettext("refusal", "Andere reden")


def month(key: str) -> str:
    """A month key such as "2026-01" in words in the active language: "januari 2026"."""
    try:
        year, number = (int(part) for part in key.split("-"))
        return f"{MONTHS[number]} {year}"
    except (ValueError, KeyError):
        return key
