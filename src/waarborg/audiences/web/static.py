"""Static files under hashed names, compressed once at collect time (WhiteNoise).

gzip only: every browser takes it, and brotli's best level costs most of `collectstatic`'s time (the two API
documentation bundles alone are 2.6 MB), at every install and upgrade, for a few per cent fewer bytes.

Without collected files (development, tests) WhiteNoise finds the files in the apps: about 2,000 of them, each
looked at. It did that for every handler Django builds, and the test client builds one per client: a sixth of
the test suite's time. `Middleware` looks once per process.
"""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage


class Storage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs: Any) -> Compressor:
        return Compressor(**{**kwargs, "use_brotli": False})


_FOUND: dict[str, Any] = {}


class Middleware(WhiteNoiseMiddleware):
    """WhiteNoise, with the files the finders know looked up once per process (they change only with a deploy)."""

    def add_files_from_finders(self) -> None:
        if not _FOUND:
            before = set(self.files)
            super().add_files_from_finders()
            _FOUND.update({url: found for url, found in self.files.items() if url not in before})
        self.files.update(_FOUND)
