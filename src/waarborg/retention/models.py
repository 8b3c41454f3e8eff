"""Models of the retention capability."""
