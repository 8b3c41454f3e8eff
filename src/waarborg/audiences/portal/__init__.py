"""The citizen portal ("Mijn gegevens"), Dutch first, English second.

A citizen sees what is held about them and why, files requests and follows them, and downloads an
export once staff have answered. A public contact form files requests without an account. All
writes go through the rights action layer.
"""
