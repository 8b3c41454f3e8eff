"""The `static/` folders are Python packages (an `__init__.py` each, so the wheel carries them); collecting the
static files must not publish those as `/static/__init__.<hash>.py`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from waarborg.audiences.cli.conf import _collectstatic


def test_collectstatic_leaves_the_packages_python_behind(settings: Any, tmp_path: Path) -> None:
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    assert _collectstatic(argparse.Namespace()) == 0  # what `waarborg collectstatic` runs
    published = [p.relative_to(settings.STATIC_ROOT) for p in settings.STATIC_ROOT.rglob("*") if p.is_file()]
    assert any(p.suffix == ".js" for p in published)
    assert [p for p in published if p.suffix in (".py", ".pyc")] == []
