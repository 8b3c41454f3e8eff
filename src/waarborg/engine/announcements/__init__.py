"""Telling people ahead of a change that concerns them: a new version of the privacy statement (AVG art. 12-14).

An organisation that says in its policy `statement.notify_subjects: true` mails every person it can reach when
it schedules a new version (`waarborg policy activate FILE --effective DATE`): what changes and from when, Dutch
first, then English. See `policy_change`.
"""
