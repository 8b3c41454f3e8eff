"""Consent and legal basis (grondslag): the consent register, objection, restriction, opt-out, notices.

AVG art. 6 and 9 decide *whether* personal data may be processed at all. This capability keeps the
proof (the toestemmingsregister, art. 7(1)) and enforces it through gates in the vault's access
check: no consent-based processing without an active consent, special categories only under an
art. 9 exception and never for marketing, objection and restriction stop processing. It also tracks
the notices art. 13 and 14 require.
"""
