"""Models of the rights capability."""
