"""The hourly breach-deadline check as a scheduled job (see waarborg.engine.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.engine.breaches.alerts import raise_alerts


def deadline_job() -> dict[str, Any]:
    alerts = raise_alerts()
    return {"alerts": len(alerts), "states": sorted({a.state for a in alerts})}
