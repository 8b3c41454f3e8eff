"""The sociale kaart (seed 001): public listings of help organisations, and what comes with them.

Why it exists: the website supplier publishes name, address, phone and e-mail of organisations
"noodzakelijk voor het uitvoeren van de overeenkomst" with the municipality (S1-03), keeps a separate
verification address that is never shown (S1-04), mails it twice a year (S1-05), stores listings
in its CMS where only editors change them (S1-06), takes feedback with an optional e-mail address
that serves only two kinds of message (S1-08..S1-10), and collects nothing about visitors under 16
without a parent's or guardian's consent, deleting it when told (S1-15, S1-16).

- `actions`: the CMS (create, correct, publish, unpublish) on top of the vault's action layer;
- `public`: the one read path without an account: only fields of `public: true` categories,
  counted per day, audited in aggregate;
- `verification`: the twice-yearly verification mails with a signed link, and their report;
- `feedback`: the feedback form's tickets and the two message kinds its address may receive;
- `minors`: "minor without parental consent" reports, erased through the rights app after a person
  confirmed them.
"""
