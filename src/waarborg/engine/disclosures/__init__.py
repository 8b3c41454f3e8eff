"""Disclosures (verstrekkingen) of personal data to recipients outside the organisation.

Why it exists: the seeds promise that data goes to third parties only for listed reasons, to
registered recipients under agreements (AVG art. 28 for processors), with consent before the fact
where consent is the ground, and that people can always learn to whom their data went (art. 15(1)(c)).
"""
