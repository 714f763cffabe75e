"""The whole run: pages -> intermediate model -> rendered files -> formatted files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics
from .formatting import format_files
from .ir import Api
from .loader import load_api
from .renderer import render_api

__all__ = ["Generation", "build"]


@dataclass(frozen=True)
class Generation:
    api: Api
    pages: int
    diagnostics: Diagnostics
    files: dict[str, str] | None  # None when the input has errors


def build(specs: Path) -> Generation:
    """Read, render and format; nothing is written here."""
    diagnostics = Diagnostics()
    api, pages = load_api(specs, diagnostics)
    if diagnostics.has_errors():
        return Generation(api, pages, diagnostics, None)
    return Generation(api, pages, diagnostics, format_files(render_api(api)))
