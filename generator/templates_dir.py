"""Where the Jinja2 templates live: in the package (an installed wheel) or beside it (a checkout)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["templates_dir"]


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "runtime").is_dir():
            return candidate
    raise FileNotFoundError(f"no templates/ folder beside {here}")
