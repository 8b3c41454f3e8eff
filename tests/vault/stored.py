"""What the vault holds, opened without an audit entry: for the tests' own assertions only.

The product reads personal data through `waarborg.engine.vault.reads` (audited, or with a named reason); the
decrypting functions are private to the vault. A test that checks what was stored peeks with these."""

from waarborg.engine.vault.reads import _record_data as record_data
from waarborg.engine.vault.reads import _subject_facts as subject_facts

__all__ = ["record_data", "subject_facts"]
