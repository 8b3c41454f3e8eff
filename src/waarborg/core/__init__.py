"""Plain building blocks every layer may use: no Django HTTP, no DRF, no models."""
