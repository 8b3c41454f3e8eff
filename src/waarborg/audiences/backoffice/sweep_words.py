"""A run of the retention sweep in words for whoever manages retention: who ran it, how it ended and what it did,
per rule by the rule's words (`Policy.rule_words`), never the job's raw summary."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy, ngettext

from waarborg.engine.jobs.models import JobRun

_OUTCOMES = {"ok": gettext_lazy("gelukt"), "failed": gettext_lazy("mislukt"), "skipped": gettext_lazy("overgeslagen"),
             "running": gettext_lazy("bezig")}
_RUNNERS = {"scheduler": gettext_lazy("planner"), "celery": gettext_lazy("achtergrondtaak"),
            "cli": gettext_lazy("opdrachtregel")}
_SKIPPED = {"module_not_enabled": gettext_lazy("De module staat uit in het beleid."),
            "no_active_policy": gettext_lazy("Er was geen actief beleid.")}


def run_row(run: JobRun, policy: Any, lang: str) -> dict[str, Any]:
    return {"started_at": run.started_at, "runner": _RUNNERS.get(run.runner, run.runner),
            "outcome": _OUTCOMES.get(run.outcome, run.outcome), "summary": summary_words(run, policy, lang)}


def _per_rule(value: Any) -> dict[str, int]:
    """A count per rule; an older summary gave a plain number."""
    if isinstance(value, dict):
        return {str(rule): int(n) for rule, n in value.items() if n}
    return {"": int(value)} if isinstance(value, int) and value else {}


def _with_rules(words: str, counts: dict[str, int], policy: Any, lang: str) -> str:
    """`words`, with the count per rule in the rule's words: "3 records verwijderd (Tip: 2, Helpdeskvraag: 1)"."""
    detail = ", ".join(f"{policy.rule_words(rule, lang)}: {n}" for rule, n in sorted(counts.items()) if rule)
    return f"{words} ({detail})" if detail else words


def summary_words(run: JobRun, policy: Any, lang: str) -> str:
    summary = run.summary if isinstance(run.summary, dict) else {}
    if run.outcome == "failed":
        return gettext("Gestopt met een fout (%(error)s); zie het logboek van de server.") % {
            "error": summary.get("error", "?")}
    if run.outcome == "skipped":
        return str(_SKIPPED.get(summary.get("skipped", ""), summary.get("skipped", "")))
    if run.outcome == "running":
        return ""
    parts = []
    deleted, anonymised = _per_rule(summary.get("deleted")), _per_rule(summary.get("anonymised"))
    if deleted:
        n = sum(deleted.values())
        parts.append(_with_rules(ngettext("%(n)d record verwijderd", "%(n)d records verwijderd", n) % {"n": n},
                                 deleted, policy, lang))
    if anonymised:
        n = sum(anonymised.values())
        parts.append(_with_rules(ngettext("%(n)d record geanonimiseerd", "%(n)d records geanonimiseerd", n) % {"n": n},
                                 anonymised, policy, lang))
    shredded = summary.get("shredded") or 0
    if shredded:
        parts.append(ngettext("%(n)d sleutel vernietigd", "%(n)d sleutels vernietigd", shredded) % {"n": shredded})
    held = sum(_per_rule(summary.get("held")).values())
    if held:
        parts.append(ngettext("%(n)d record bleef staan door een bewaarplicht",
                              "%(n)d records bleven staan door een bewaarplicht", held) % {"n": held})
    return "; ".join(parts) + "." if parts else gettext("Niets was verlopen.")
