"""Audio and video recordings of conversations, under Werkzaak's house rules (S3-34..S3-39).

The Nationale Ombudsman's rules, as Werkzaak adopted them: a client may record unless there are
weighty reasons (then another solution is sought); whoever records says so beforehand; each party
gets a copy on request; nobody edits a recording; nobody shares or publishes it without the other's
written consent, named at the start of the recording; a staff member records only with the client's
consent, and the client gets a copy. There is deliberately no publication endpoint.
"""
