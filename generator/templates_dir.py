"""Where the Jinja2 templates live: $JDCLOUD_SDK_TEMPLATES, in the package (a wheel), or beside it (a checkout)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["TEMPLATES_ENV", "templates_dir"]

TEMPLATES_ENV = "JDCLOUD_SDK_TEMPLATES"


def templates_dir() -> Path:
    override = os.environ.get(TEMPLATES_ENV)
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "runtime").is_dir():
            return candidate
    raise FileNotFoundError(f"no templates/ folder beside {here}")
