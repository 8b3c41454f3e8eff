"""Models of the decisions capability."""
