"""Caseloads: which staff member or team has which subject, per need-to-know purpose (S4-11).

On a need-to-know purpose staff open only the subjects in their caseload (`vault.authorisation.need_to_know`).
This capability fills and empties caseloads: an intake puts a new subject in its registrar's caseload, roles
that manage `caseloads` assign and end assignments and hand over a leaving colleague's cases in one step. An
ended assignment stays as history and opens nothing from that moment on. Every change is audited.
"""
