"""Models of the backoffice capability."""
