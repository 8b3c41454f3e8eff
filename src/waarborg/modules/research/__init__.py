"""Profiling and big-data research projects (S3-09..S3-16): off unless a project is registered and started.

Werkzaak Rivierenland has no regular profiling, big data or tracking. A future project must first be
registered here; nothing is processed outside one.

- Profiling (`profiling.py`): only subjects with a recorded prior-information notice for that
  project *and* an active consent for the profiling purpose; everyone else is left out, silently.
- The policy switches the module on and names its two purposes (`modules.research.purposes`: `research`
  for big data, `profiling`); where it does not, its endpoints answer 404 and nothing here runs.
  Nothing outside this package reads that consent: case decisions cannot depend on it (S3-10).
- Big data and tracking (`datasets.py`): a project collects only after its notice (conditions and
  points of use) is published and the information step is recorded. Datasets declare a purpose and
  their fields; direct identifiers can never be declared, quasi-identifiers are generalised, every
  other input is dropped, and rows are keyed by a pseudonym made with a per-project key kept apart
  from the dataset. Only researchers create or fill datasets, and datasets go only to Werkzaak
  researchers or to a processor with an agreement in the policy.
"""
