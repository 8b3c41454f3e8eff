"""Waarborg: the privacyverklaring as executable policy."""

__version__ = "0.1.0"
