"""Django's `flush`, able to empty the append-only audit log too.

`flush` empties every table: an operator's explicit, confirmed reset, and what the test runner does
between transactional tests. The append-only triggers would refuse it, so they are lifted and put
back inside one transaction around the flush: a crash half-way leaves them installed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from waarborg.engine.audit import append_only


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        database = options.get("database") or DEFAULT_DB_ALIAS
        connection = connections[database]
        with transaction.atomic(using=database):
            append_only.lift(connection)
            super().handle(**options)
            append_only.install(connection)
