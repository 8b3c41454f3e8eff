"""Prometheus metrics, computed from the database at each scrape (so every web worker answers alike).

Only counts, durations and deadlines; never who. Each figure is one indexed query:
- the retention sweep: duration and records deleted/anonymised of the last run, records overdue for one;
- rights requests per status, and the open ones by time left to their deadline;
- open breaches, and the hours left on each one's 72-hour clock (labelled with the breach id only);
- refusals per reason in the last 24 hours (audit entries with outcome `refused`);
- per scheduled job, when it last succeeded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry

DEADLINE_BANDS = ((0, "overdue"), (7, "0-7d"), (14, "7-14d"), (28, "14-28d"))


def _sweep(now: Any) -> Iterator[GaugeMetricFamily]:
    from waarborg.engine.jobs.models import JobRun
    from waarborg.engine.vault.models import Record

    last = JobRun.objects.filter(name="retention_sweep", outcome="ok").order_by("-started_at").first()
    duration = GaugeMetricFamily("waarborg_sweep_last_duration_seconds", "Duration of the last successful sweep")
    records = GaugeMetricFamily("waarborg_sweep_last_records", "Records processed by the last successful sweep",
                                labels=["action"])
    if last is not None and last.finished_at is not None:
        duration.add_metric([], (last.finished_at - last.started_at).total_seconds())
        for action in ("deleted", "anonymised"):
            per_rule = last.summary.get(action) or {}
            records.add_metric([action], float(sum(per_rule.values()) if isinstance(per_rule, dict) else 0))
    yield duration
    yield records
    overdue = GaugeMetricFamily("waarborg_records_overdue_for_sweep",
                                "Records past their retention date that no sweep has removed yet (held ones included)")
    overdue.add_metric([], Record.objects.filter(expires_at__lte=now, anonymised_at__isnull=True).count())
    yield overdue


def _requests(now: Any) -> Iterator[GaugeMetricFamily]:
    from waarborg.engine.rights.models import Request

    per_status = GaugeMetricFamily("waarborg_rights_requests", "Rights requests per status", labels=["status"])
    counts = dict(Request.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    for status, _ in Request.Status.choices:
        per_status.add_metric([status], counts.get(status, 0))
    yield per_status
    due = GaugeMetricFamily("waarborg_rights_requests_open_by_deadline",
                            "Open rights requests by days left to their deadline", labels=["days_left"])
    bands = dict.fromkeys([name for _, name in DEADLINE_BANDS] + ["28d+"], 0)
    soonest = None
    for due_at in Request.objects.filter(status__in=Request.OPEN).values_list("due_at", flat=True).iterator():
        days = (due_at - now).total_seconds() / 86400
        soonest = days if soonest is None else min(soonest, days)
        bands[next((name for limit, name in DEADLINE_BANDS if days < limit), "28d+")] += 1
    for name, count in bands.items():
        due.add_metric([name], count)
    yield due
    nearest = GaugeMetricFamily("waarborg_rights_requests_min_days_to_deadline",
                                "Days left to the nearest deadline of an open request (negative: overdue)")
    if soonest is not None:
        nearest.add_metric([], round(soonest, 2))
    yield nearest


def _breaches(now: Any) -> Iterator[GaugeMetricFamily]:
    from waarborg.engine.breaches.models import Breach, Risk, Status

    open_ = Breach.objects.exclude(status=Status.CLOSED)
    count = GaugeMetricFamily("waarborg_breaches_open", "Breaches not closed")
    count.add_metric([], open_.count())
    yield count
    clock = GaugeMetricFamily("waarborg_breach_authority_hours_left",
                              "Hours left to notify the Autoriteit Persoonsgegevens (negative: overdue)",
                              labels=["breach"])
    waiting = open_.filter(authority_notified_at__isnull=True).exclude(risk=Risk.NONE)
    for pk, due_at in waiting.values_list("pk", "authority_due_at"):
        clock.add_metric([str(pk)], round((due_at - now).total_seconds() / 3600, 2))
    yield clock


def _refusals(now: Any) -> Iterator[GaugeMetricFamily]:
    from waarborg.engine.audit.models import AuditEntry

    refusals = GaugeMetricFamily("waarborg_refusals_24h", "Refused attempts in the last 24 hours, per reason",
                                 labels=["reason"])
    rows = (AuditEntry.objects.filter(at__gte=now - timedelta(hours=24), outcome="refused")
            .values_list("reason").annotate(n=Count("id")).values_list("reason", "n"))
    for reason, n in rows:
        refusals.add_metric([reason or "unspecified"], n)
    yield refusals


def _jobs() -> Iterator[GaugeMetricFamily]:
    from django.db.models import Max

    from waarborg.engine.jobs.models import JobRun

    last = GaugeMetricFamily("waarborg_job_last_success_timestamp_seconds",
                             "When each scheduled job last finished successfully (Unix time)", labels=["job"])
    rows = JobRun.objects.filter(outcome="ok").values("name").annotate(at=Max("finished_at"))
    for row in rows:
        if row["at"] is not None:
            last.add_metric([row["name"]], row["at"].timestamp())
    yield last


class WaarborgCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = timezone.now()
        yield from _sweep(now)
        yield from _requests(now)
        yield from _breaches(now)
        yield from _refusals(now)
        yield from _jobs()


def exposition() -> bytes:
    from prometheus_client import generate_latest

    registry = CollectorRegistry(auto_describe=False)
    registry.register(WaarborgCollector())
    return generate_latest(registry)
