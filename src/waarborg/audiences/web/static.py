"""Static files under hashed names, compressed once at collect time (WhiteNoise).

gzip only: every browser takes it, and brotli's best level costs most of `collectstatic`'s time (the two API
documentation bundles alone are 2.6 MB), at every install and upgrade, for a few per cent fewer bytes.
"""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class Storage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs: Any) -> Compressor:
        return Compressor(**{**kwargs, "use_brotli": False})
