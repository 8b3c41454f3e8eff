"""Models of the api capability."""
