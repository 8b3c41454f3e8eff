"""Mailings: newsletters, service information and one-off messages, sent only where the policy allows.

An e-mail address serves the purpose it was collected for (AVG art. 5(1)(b)): a mailing names that
purpose and a message type, and the type must be one the purpose allows (a feedback address only hears
what happened to the feedback, S1-09). Recipients are the subjects with an address under the purpose,
filtered by the consent register (no consent, objection, restriction or opt-out: left out). Every
newsletter carries a personal unsubscribe link that works without logging in and withdraws the consent
(art. 7(3): withdrawing is as easy as giving). Sends are audited with counts and pseudonyms only.
"""
