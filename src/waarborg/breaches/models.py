"""Models of the breaches capability."""
