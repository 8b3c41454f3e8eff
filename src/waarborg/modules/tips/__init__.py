"""Tips (S0-32): people send the organisation a tip through a form on its site, or tell the helpdesk by phone.

Why it exists: ikzorginassen's statement invites tips, "optionally with your e-mail address so we can
reply", and promises to keep what comes with a tip at most three months. The policy says which record
type is a tip (`public_form: tip`); its purpose, retention and who may read it are the policy's as for any
record. Nothing here knows a purpose or record type id.
"""
