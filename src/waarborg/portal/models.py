"""Models of the portal capability."""
