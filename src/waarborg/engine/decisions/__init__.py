"""Human decisions on cases: people decide, software only flags.

Why it exists: AVG art. 22 and the seeds (S0-40, S1-17) promise that no decision with real effect on
a person is taken by software alone; a suspicion of fraud stops a payout until a person has looked
at it, and the person concerned can ask for a conversation (S0-10).
"""
