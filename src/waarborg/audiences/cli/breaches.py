"""`waarborg breaches alerts [--dry-run]`: raise the AP-deadline alerts that are due (run it hourly).
`waarborg breaches register [--format csv|json]`: the breach register on stdout.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    breaches = sub.add_parser("breaches", help="the breach register")
    bsub = breaches.add_subparsers(dest="breaches_command", metavar="ACTION", required=True)
    alerts = bsub.add_parser("alerts", help="warn before and after the 72-hour AP deadline")
    alerts.add_argument("--dry-run", action="store_true", help="print the alerts that are due; send nothing")
    alerts.set_defaults(handler=_alerts)
    register_ = bsub.add_parser("register", help="print the breach register")
    register_.add_argument("--format", choices=("csv", "json"), default="csv")
    register_.set_defaults(handler=_register)


def _register(args: argparse.Namespace) -> int:
    import json
    import sys

    from waarborg.engine.breaches.exports import register_csv, register_rows
    from waarborg.engine.breaches.models import Breach
    from waarborg.engine.policy.active import current

    rows = register_rows(current(), Breach.objects.prefetch_related("affected").order_by("aware_at"))
    sys.stdout.write(register_csv(rows) if args.format == "csv" else json.dumps(rows, indent=2) + "\n")
    return 0


def _alerts(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.engine.breaches.alerts import raise_alerts

    for alert in raise_alerts(dry_run=args.dry_run):
        due = timezone.localtime(alert.breach.authority_due_at).isoformat()
        print(f"{alert.state}\t{alert.breach.pk}\t{alert.breach.kind}\tAP deadline {due}")
    return 0
