"""The breach register (datalekkenregister).

Why it exists: AVG art. 33 obliges the organisation to notify the Autoriteit Persoonsgegevens within
72 hours of becoming aware of a personal data breach, and to document every breach (art. 33(5));
art. 34 obliges it to tell the people involved when the risk to them is high. The seeds promise more
(S4-19..S4-22): anyone can report a suspicion, and people hear what leaked and what they can do.
"""
