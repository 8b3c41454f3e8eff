"""Models of the disclosures capability."""
