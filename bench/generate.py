"""Fill the bench database with synthetic Dutch subjects and records for the seed-000 policy.

    createdb -h 127.0.0.1 -U postgres waarborg_bench_vault
    python bench/generate.py --records 100000

Rows go in with PostgreSQL COPY in batches, one transaction per batch, exactly as the vault stores them:
protected fields sealed with a per-subject data key (wrapped by the master key), BSN as a keyed hash,
and one chained audit entry per subject and per record (as `subject_create`/`record_create` write),
appended through the audit log's own bulk path (`append_many`).
The checks of the action layer are skipped: this is an import, not a benchmark of writes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common, dutch

MIX = (("application", 1.0), ("payout", 0.6), ("helpdesk_ticket", 0.3), ("event_registration", 0.2),
       ("newsletter_subscription", 0.2))


def record_data(rng: random.Random, kind: str, person: dict[str, Any]) -> dict[str, Any]:
    if kind == "application":
        return {"name": person["name"], "email": person["email"], "phone": person["phone"],
                "address": person["address"], "postcode": person["postcode"],
                "birth_date": person["birth_date"].isoformat(), "care_recipient_address": dutch.address(rng)[0],
                "edition": rng.choice((2024, 2025, 2026)), "hours_per_week": rng.randint(2, 60),
                "relationship": rng.choice(("partner", "ouder", "kind", "familie", "buur", "vriend", "anders")),
                "status": rng.choice(("submitted", "granted", "granted", "rejected"))}
    if kind == "payout":
        return {"iban": dutch.iban(rng), "account_holder": person["name"], "amount": "150.00",
                "edition": rng.choice((2024, 2025, 2026)), "paid_on": "2026-01-15"}
    if kind == "helpdesk_ticket":
        return {"question": rng.choice(dutch.QUESTIONS), "email": person["email"], "phone": person["phone"]}
    if kind == "event_registration":
        return {"event": rng.choice(dutch.EVENTS), "name": person["name"], "email": person["email"],
                "attended": rng.random() < 0.8}
    return {"email": person["email"], "name": person["name"]}


def copy_rows(model: Any, objects: list[Any]) -> None:
    """COPY model instances into their table (much faster than a multi-row INSERT for big batches)."""
    from django.db import connection, models
    from psycopg.types.json import Jsonb

    fields = [f for f in model._meta.concrete_fields
              if not (isinstance(f, models.AutoField | models.BigAutoField) and f.primary_key)]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    with connection.cursor() as cursor, \
            cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([Jsonb(getattr(obj, f.attname)) if f.attname in json_fields else getattr(obj, f.attname)
                            for f in fields])


def generate(records: int, batch: int, seed: int) -> tuple[int, int, float]:
    from django.db import transaction
    from django.utils import timezone

    from waarborg.engine.audit.log import Entry, append_many
    from waarborg.engine.keyring import crypto
    from waarborg.engine.policy.active import activate, active
    from waarborg.engine.policy.loader import load_file
    from waarborg.engine.records.actions import split_fields
    from waarborg.engine.retention.clock import expiry_for
    from waarborg.engine.vault.models import Record, Subject, SubjectKey

    activate(load_file(common.ROOT / "examples" / "ikzorginassen.yaml"), by="system:bench")
    current = active()
    policy = current.policy
    actor, _ = common.bench_user()
    rng = random.Random(seed)
    master_id = crypto.master_key_id()
    now = timezone.now()
    made_subjects = made_records = 0
    # one subject per BSN (a unique constraint): about 9 million numbers pass the 11-proof, so 10^5 subjects
    # draw a few dozen twice; draw again, also against the subjects of earlier runs
    taken = set(Subject.objects.values_list("bsn_hash", flat=True))
    started = time.perf_counter()
    while made_records < records:
        subjects, keys, rows, entries = [], [], [], []
        while len(rows) < batch and made_records + len(rows) < records:
            subject_id = uuid.uuid4()
            data_key = crypto.new_data_key()
            full_name = dutch.name(rng)
            street, postcode = dutch.address(rng)
            person = {"name": full_name, "email": dutch.email(rng, full_name), "phone": dutch.phone(rng),
                      "address": street, "postcode": postcode, "birth_date": dutch.birth_date(rng)}
            number = dutch.bsn(rng)
            while crypto.keyed_hash(number) in taken:
                number = dutch.bsn(rng)
            taken.add(crypto.keyed_hash(number))
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 700))
            subjects.append(Subject(id=subject_id, created_at=created, bsn_hash=crypto.keyed_hash(number),
                                    sealed=crypto.encrypt(data_key, {"bsn": number,
                                                                     "birth_date": person["birth_date"].isoformat()},
                                                          f"subject:{subject_id}")))
            keys.append(SubjectKey(subject_id=subject_id, wrapped=crypto.wrap(data_key), master_key_id=master_id))
            entries.append(Entry(action="subject.create", actor=actor, subject=subject_id,
                                 policy_version=current.number))
            for kind, chance in MIX:
                if rng.random() >= chance:
                    continue
                record_type = policy.record_types[kind]
                data = record_data(rng, kind, person)
                plain, protected = split_fields(policy, kind, data)
                record = Record(id=uuid.uuid4(), subject_id=subject_id, type=kind, purpose=record_type.purpose,
                                plain=plain, collected_at=created, source_kind="subject", channel="website",
                                created_at=created, updated_at=created, created_by=actor,
                                policy_version=current.number, retention_rule=record_type.retention)
                record.sealed = crypto.encrypt(data_key, protected, f"record:{record.pk}") if protected else None
                record.expires_at = expiry_for(record, policy)
                rows.append(record)
                entries.append(Entry(action="record.create", actor=actor, purpose=record_type.purpose,
                                     subject=subject_id, record=record.pk, policy_version=current.number,
                                     detail={"type": kind, "fields": sorted(data)}))
        for key in keys:
            key.created_at = now
        with transaction.atomic():
            copy_rows(Subject, subjects)
            copy_rows(SubjectKey, keys)
            copy_rows(Record, rows)
            append_many(entries, returning=False)  # the audit log's own bulk path (COPY on PostgreSQL)
        made_subjects += len(subjects)
        made_records += len(rows)
        print(f"\r{made_records:>10} records, {made_subjects:>9} subjects", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return made_subjects, made_records, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000, help="how many records to add (10^5 .. 10^7)")
    parser.add_argument("--batch", type=int, default=5000, help="records per transaction")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.setup()
    subjects, records, seconds = generate(args.records, args.batch, args.seed)
    print(f"generated {records} records for {subjects} subjects in {seconds:.1f} s "
          f"({records / seconds:,.0f} records/s) on {common.machine()}")


if __name__ == "__main__":
    main()
