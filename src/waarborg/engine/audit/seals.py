"""Sealing the audit log: chain every entry up to a point in id order, count them, sign the head.

Appends take no lock (`audit.log`), so entries may commit out of id order: entry 41 can commit after entry
42. A seal must therefore only reach as far as no smaller id can still appear, the *final* id:

- PostgreSQL: read the sequence's last value L, then wait until every transaction that holds entry ids
  has ended. An append takes the seal gate (an advisory lock) in shared mode before its ids and holds it to
  its end (`audit_reserve_ids`); appends never wait for each other on it. The sealer takes the gate
  exclusively for a moment: whoever held an id up to L has then committed (visibly) or rolled back. Appends
  wait for the sealer only while the transactions already running finish, once per checkpoint.
- SQLite: every writer holds the database's write lock for its whole transaction; inside its own writing
  transaction the sealer sees every id there will be.

The chain is SHA-256 over (id, MAC) pairs from the first entry on: `head(n) = sha256(head(n-1) | id | mac)`.
It needs no key because the MACs already do and the seal is signed; so whoever has the public key, the
checkpoints and an export of ids and MACs can check completeness and order without any secret.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from django.db import OperationalError, connection, transaction
from django.utils import timezone

from waarborg.engine.audit import keys, public
from waarborg.engine.audit.log import SEAL_GATE
from waarborg.engine.audit.models import AuditEntry, AuditSeal

# The chain and the signed statement are defined once, where the public check (no Django) can use them too.
FORMAT = public.CHECKPOINT_FORMAT
ROOT = public.ROOT  # the chain's value before the first entry
link = public.link
canonical = public.canonical
_SEAL_LOCK = 7_420_004  # one sealer at a time (never taken by appends)
WAIT_SECONDS = 30.0  # how long a seal waits for transactions that were running when it started


class SealDelayed(RuntimeError):
    """A transaction that may hold entry ids has been running longer than the seal may wait."""




def chain(head: bytes, pairs: Iterable[tuple[int, str]], after: int = 0) -> tuple[bytes, int, int | None, list[list[int]]]:
    """Extend `head` over (id, mac) pairs with ids above `after`; returns the new head, how many, the last id,
    and the gaps: ranges [first, last] of ids that were never committed (rolled back). The gaps are signed
    with the rest, so a removed entry is named by its id, not only noticed."""
    count, last, gaps, previous = 0, None, [], after
    for entry_id, mac in pairs:
        if entry_id != previous + 1:
            gaps.append([previous + 1, entry_id - 1])
        head = link(head, entry_id, mac)
        count, last, previous = count + 1, entry_id, entry_id
    return head, count, last, gaps


STATEMENT_KEYS = public.STATEMENT_KEYS


def statement(seal: AuditSeal) -> dict[str, Any]:
    """What a checkpoint says, and what its signature covers (canonical JSON of this dict)."""
    return {"format": FORMAT, "sequence": seal.sequence, "last_entry": seal.last_entry, "entries": seal.entries,
            "head": seal.head, "at": seal.at.astimezone(UTC).isoformat(), "legacy": seal.legacy,
            "after": seal.after, "gaps": seal.gaps}




def signed(seal: AuditSeal) -> AuditSeal:
    seal.signature = keys.sign(canonical(statement(seal)))
    return seal


def _final_id_postgres(wait: float) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sequence_last_value(pg_get_serial_sequence('audit_auditentry', 'id')::regclass)")
        last = (cursor.fetchone() or (None,))[0] or 0
        # Every append holds the gate (shared) from before it takes ids until it ends: once the gate is ours,
        # each transaction that held an id up to `last` has ended, and its commit is visible (locks are
        # released after the commit is). Let go at once: appends queue behind us only for that moment.
        cursor.execute("SET LOCAL lock_timeout = %s", [f"{int(wait * 1000)}ms"])
        try:
            cursor.execute("SELECT pg_advisory_lock(%s)", [SEAL_GATE])
        except OperationalError:
            raise SealDelayed(f"a transaction holding audit entry ids has run for over {wait:.0f} s; the "
                              "checkpoint waits for it (see pg_stat_activity)") from None
        cursor.execute("SELECT pg_advisory_unlock(%s)", [SEAL_GATE])
    return int(last)


def latest() -> AuditSeal | None:
    return AuditSeal.objects.order_by("-sequence").first()


def seal(wait: float = WAIT_SECONDS) -> AuditSeal | None:
    """Seal every final entry not sealed yet as the next checkpoint (in the caller's transaction, if any);
    None when there is nothing new to seal."""
    final = _final_id_postgres(wait) if connection.vendor == "postgresql" else None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SEAL_LOCK])
        previous = latest()
        after = previous.last_entry if previous else 0
        entries = AuditEntry.objects.filter(id__gt=after)
        if final is not None:
            entries = entries.filter(id__lte=final)
        pairs = entries.order_by("id").values_list("id", "hash").iterator(chunk_size=10_000)
        head, count, last, gaps = chain(bytes.fromhex(previous.head) if previous else ROOT, pairs, after)
        if last is None:
            return None
        new = signed(AuditSeal(sequence=previous.sequence + 1 if previous else 1, after=after, last_entry=last, gaps=gaps,
                               entries=(previous.entries if previous else 0) + count, head=head.hex(),
                               at=timezone.now()))
        new.save(force_insert=True)
    return new


def seal_legacy(connection_: Any, seal_model: Any, entry_model: Any) -> Any:
    """Checkpoint 0 (the upgrade migration): seal the entries of the SHA-256 chain under the keys, so a
    rewrite of them from now on is named like any other. Nothing to seal on a fresh database."""
    entries = entry_model.objects.using(connection_.alias).order_by("id").values_list("id", "hash")
    head, count, last, gaps = chain(ROOT, entries.iterator(chunk_size=10_000))
    if last is None:
        return None
    zero = signed(seal_model(sequence=0, after=0, last_entry=last, gaps=gaps, entries=count, head=head.hex(), at=timezone.now(),
                             legacy=True))
    zero.save(force_insert=True, using=connection_.alias)
    return zero
