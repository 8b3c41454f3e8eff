"""One read door (issue 18 item 4): sealed record data and a subject's sealed facts are opened only in
`waarborg/engine/vault/` and by the record actions that write them (`waarborg/engine/records/`); every other module reads through `vault.reads`, which audits the read or names why not.

Checked on the source: no module outside the vault imports the vault's private names (`_record_data`,
`_subject_facts`, anything starting with `_`) or the old public ones (`record_data`, `subject_facts`), and
none opens a sealed `record:`/`subject:` blob itself (the sweep used to, with `keys.open_sealed`).
"""

from __future__ import annotations

import ast

from tests.doors.source import imported_names, modules

RETIRED = {"record_data", "subject_facts"}  # the unaudited door, public until issue 18
VAULT_CONTEXTS = ("record:", "subject:")  # the additional data sealed record and subject blobs are bound to


def _in_vault(rel: str) -> bool:
    # the record actions seal what they write and hand back what they read through the door's own opener
    return rel.startswith(("engine/vault/", "engine/records/"))


def side_doors(tree: ast.AST) -> list[str]:
    """What in this source opens vault data around the door: private or retired vault imports, vault seals."""
    found = [f"{module}.{name}:{line}" for module, name, line in imported_names(tree)
             if module.startswith("waarborg.") and (".vault" in f".{module}" or ".records" in f".{module}")
             and (name.startswith("_") or name in RETIRED)]
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if isinstance(head, ast.Constant) and str(head.value).startswith(VAULT_CONTEXTS):
                found.append(f"f{str(head.value)!r}...:{node.lineno}")
    return found


def test_the_scanner_finds_the_side_doors_the_code_had() -> None:
    old = '''
from waarborg.engine.records.actions import record_data, subject_facts
from waarborg.engine.vault.reads import _record_data
data.update(keys.open_sealed(record.subject_id, bytes(record.sealed), f"record:{record.pk}"))
'''
    assert len(side_doors(ast.parse(old))) == 4
    assert side_doors(ast.parse("from waarborg.engine.vault.reads import Unlogged, read_record\n"
                                "keys.open_sealed(s, blob, f'account:{user.pk}')\n")) == []


def test_no_module_outside_the_vault_opens_record_data_itself() -> None:
    found = {module.rel: doors for module in modules() if not _in_vault(module.rel)
             for doors in [side_doors(module.tree)] if doors}
    assert found == {}, f"read through waarborg.engine.vault.reads (read_record, read_records, read_subject_facts): {found}"


def test_the_vault_itself_still_has_the_private_openers() -> None:
    # the door is where the scan says it is: if the openers move, move the scan with them
    from waarborg.engine.vault import reads

    assert callable(reads._record_data) and callable(reads._subject_facts)
