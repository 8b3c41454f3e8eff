"""Models of the consent capability."""
