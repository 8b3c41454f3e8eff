"""The accountability report of the privacy officer (AVG art. 5(2)): the figures of a period, each as a chart
with its table, for the board or the Autoriteit Persoonsgegevens. The back office shows the same charts
(`charts_of`) and hands out the PDF; `waarborg report accountability` writes it from the command line.

Only the privacy officer and the DPO (`policy.oversees`) see it, and the platform itself (the CLI acts as
`system:cli`); whoever else asks is refused, on record. Each look is on record too (`report.accountability`,
with the period and the format), although it holds only counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext, override, pgettext

from waarborg.core.actors import is_system
from waarborg.core.times import day_in_words
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.breaches.models import Kind
from waarborg.engine.oversight import charts, words
from waarborg.engine.oversight.figures import Figures, breach_summary, figures
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy
from waarborg.engine.rights.delivery import pdf_from_html


@dataclass
class Chart:
    ident: str
    title: str
    svg: SafeString
    summary: str
    caption: str
    head: list[str]
    rows: list[list[Any]]


def require_officer(actor: Any, policy: Policy, action: str = "report.accountability") -> None:
    if is_system(actor) or policy.oversees(actor):
        return
    raise refused(actor, action, "role_not_granted", "Alleen de privacyfunctionaris en de FG zien de "
                  "verantwoording. / Only the privacy officer and the DPO see the accountability report.")


def accountability(actor: Any, start: date, end: date, *, lang: str = "nl", fmt: str = "html") -> Figures:
    """The figures of `[start, end)` for `actor`, checked and on record."""
    current = active()
    require_officer(actor, current.policy)
    with transaction.atomic():
        append(Entry(action="report.accountability", actor=actor, policy_version=current.number,
                     detail={"from": start.isoformat(), "to": end.isoformat(), "format": fmt}))
    return figures(current.policy, start, end, lang)


def charts_of(fig: Figures) -> list[Chart]:
    """The four charts with their tables, in the language that is active."""
    out = []
    series = [pgettext("chart", "op tijd beantwoord"), pgettext("chart", "te laat beantwoord"),
              pgettext("chart", "open, te laat"), pgettext("chart", "open, binnen termijn")]
    columns = [(words.month(m.month), [m.in_time, m.late, m.open_late, m.open]) for m in fig.months]
    title = gettext("Verzoeken van betrokkenen per maand van ontvangst")
    desc = (ngettext("%(total)d verzoek, waarvan %(in_time)d binnen de termijn beantwoord.",
                     "%(total)d verzoeken, waarvan %(in_time)d binnen de termijn beantwoord.", fig.requests)
            % {"total": fig.requests, "in_time": fig.requests_in_time})
    out.append(Chart("chart-requests", title, charts.stacked("chart-requests", title, desc, columns, series), desc,
        title, [gettext("Maand"), *series, gettext("Totaal")],
        [[words.month(m.month), m.in_time, m.late, m.open_late, m.open, m.total] for m in fig.months]))
    title = gettext("Gegevens verwijderd of geanonimiseerd per bewaarregel")
    rule_rows = [(r.label, float(r.deleted + r.anonymised)) for r in fig.rules]
    desc = gettext("%(n)d gegevens in totaal.") % {"n": int(sum(v for _, v in rule_rows))}
    out.append(Chart("chart-retention", title, charts.bars(
        "chart-retention", title, desc, rule_rows, empty=gettext("Geen gegevens verwijderd in deze periode.")), desc,
        title, [gettext("Bewaarregel"), gettext("Verwijderd"), gettext("Geanonimiseerd")],
        [[r.label, r.deleted, r.anonymised] for r in fig.rules]))
    title = gettext("Weigeringen per reden")
    desc = gettext("%(n)d geweigerde pogingen in totaal.") % {"n": sum(n for _, n in fig.refusals)}
    reasons: Counter[str] = Counter()
    for reason, n in fig.refusals:  # two codes may say the same in words: one bar
        reasons[words.refusal(reason)] += n
    refusals = sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0]))
    out.append(Chart("chart-refusals", title, charts.bars(
        "chart-refusals", title, desc, [(reason, float(n)) for reason, n in refusals],
        empty=gettext("Geen weigeringen in deze periode.")), desc,
        title, [gettext("Reden"), gettext("Aantal")], [[reason, n] for reason, n in refusals]))
    title = gettext("Datalekken: uren tot de melding aan de AP")
    summary = breach_summary(fig.breaches)
    kinds = dict(Kind.choices)
    hours = gettext("%(n)d uur") % {"n": round(fig.deadline_hours)}
    desc = (gettext("%(n)d datalekken; %(in_time)d op tijd gemeld, %(late)d te laat, %(not_required)d zonder "
                    "meldplicht, %(open)d nog niet gemeld. De streep staat op de termijn van %(hours)s.")
            % {"n": len(fig.breaches), "in_time": summary.get("notified", 0), "late": summary.get("notified_late", 0),
               "not_required": summary.get("not_required", 0),
               "open": sum(summary.get(s, 0) for s in ("due", "warning", "overdue")), "hours": hours})
    out.append(Chart("chart-breaches", title, charts.bars(
        "chart-breaches", title, desc,
        [(f"{b.ref} {kinds.get(b.kind, b.kind)}", b.hours) for b in fig.breaches if b.hours is not None],
        mark=fig.deadline_hours, mark_label=hours, empty=gettext("Geen datalekken gemeld aan de AP.")), desc,
        title, [gettext("Datalek"), gettext("Soort"), gettext("Bekend sinds"), gettext("Uren tot melding"),
                gettext("Stand")],
        [[b.ref, kinds.get(b.kind, b.kind), day_in_words(timezone.localtime(b.aware_at).date(), _lang()),
          "" if b.hours is None else f"{b.hours:.1f}", _state_words(b.state)] for b in fig.breaches]))
    return out


def _lang() -> str:
    from django.utils.translation import get_language

    return "en" if (get_language() or "nl").startswith("en") else "nl"


def _state_words(state: str) -> str:
    return {"notified": pgettext("breach clock", "op tijd gemeld"),
            "notified_late": pgettext("breach clock", "te laat gemeld"),
            "not_required": pgettext("breach clock", "geen meldplicht"),
            "due": pgettext("breach clock", "loopt"), "warning": pgettext("breach clock", "loopt bijna af"),
            "overdue": pgettext("breach clock", "termijn verstreken")}.get(state, state)


def pdf(actor: Any, start: date, end: date, *, lang: str = "nl") -> bytes:
    """The report as PDF in `lang` (nl or en)."""
    with override(lang):
        fig = accountability(actor, start, end, lang=lang, fmt="pdf")
        policy = active().policy
        html = render_to_string("oversight/report.html", {
            "lang": lang, "organisation": policy.organisation, "figures": fig, "charts": charts_of(fig),
            "start": day_in_words(start, lang), "end": day_in_words(end, lang),
            "made": day_in_words(timezone.localdate(), lang)})
    return pdf_from_html(html)
