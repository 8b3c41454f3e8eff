"""Jobs that keep the promises on time: the retention sweep, backups and their pruning, breach and
request deadlines, the audit-chain check.

One registry (`registry.JOBS`) says what runs when. Two runners execute it: the built-in scheduler
(`waarborg scheduler`, one process, enough for one machine) and Celery workers with Redis
(`waarborg worker` + `waarborg scheduler --celery`) for installations that outgrow one machine. Both
call the same `run_job`, which records every run (JobRun) and audits it.
"""
