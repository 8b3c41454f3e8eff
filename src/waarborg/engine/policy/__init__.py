"""The policy: one declarative YAML file per organisation.

The privacy statement and the art. 30 register are generated from it, and the vault, consent,
retention, rights and breach code ask it questions. What is published and what is enforced come
from the same file, so they cannot drift apart.
"""
