"""Backups that forget.

Seed 000 promises backups are kept 6 weeks (S0-34), and every seed promises erasure. A backup taken
before an erasure still holds the erased person, so:

- backups are encrypted with a key derived from the master key, and expire after the policy's
  `backups.retention` (`waarborg backup prune`);
- every erasure is written to an *erasure journal* kept outside the database (and so outside every
  backup); `waarborg backup restore` re-applies each erasure made after the backup was taken before the
  service opens again, so a restore never brings erased people back;
- subjects whose data key was shredded stay unreadable in any backup anyway (crypto-shredding).
"""
