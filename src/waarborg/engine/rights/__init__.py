"""Data-subject rights (AVG art. 12-22): why this app exists.

Every privacy statement Waarborg enforces promises access, correction, completion, erasure,
restriction, objection and portability, an answer within the policy's response period (four weeks
in the seeds), no release before the requester is identified, nothing about anybody else, and the
right to complain to the Autoriteit Persoonsgegevens. This app carries a request from intake to the
answer letter:

- `actions`: intake (channels, received date, deadline, the requester), identity (portal login or a
  redacted ID copy that is deleted once checked), extension, answer, refusal, closing, the overdue list;
- `duties`: separation of duties (whoever registered a request never verifies, reviews or sends it) and
  the requester (the subject, a guardian, a representative), sealed with the subject's key;
- `delivery`: the export of a verified request, only as an audited review by staff or a delivery to the
  requester (portal download, a letter, secure mail where offered);
- `exports`: the access export (per purpose and category: basis, retention, source, recipients; plus
  statements, disclosures, consents and processing history) and the portability export (JSON, CSV);
- `corrections`: rectification with old/new values sealed into the audit log, and completion;
- `erasure`: deletion except what a legal obligation keeps, anonymisation where the rule says so,
  crypto-shredding when nothing remains;
- `letters`: answer texts that always name the right to complain to the AP.
"""
