"""Oversight: the day's work of each staff member, and the privacy officer's account of a period.

Why it exists: the capabilities below keep their own lists (requests, breaches, holds, cases), but a person
starts the day with one question, "what waits for me?", and a privacy officer owes the board and the
Autoriteit Persoonsgegevens (AVG art. 5(2), accountability) figures over a period: were requests answered in
time, what did retention remove, what was refused and why, how fast were breaches reported. This app only
reads: it asks each capability's own queries, counts, and draws the charts (server-side SVG, no script),
and renders the accountability report as PDF. It holds no tables and writes nothing but its audit entries.
"""
