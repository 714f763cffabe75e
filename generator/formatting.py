"""Formats generated Python source with black, in-process."""

from __future__ import annotations

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

__all__ = ["FormattingError", "format_files"]

_MODE = black.Mode(target_versions={TargetVersion.PY310, TargetVersion.PY311})


class FormattingError(Exception):
    """Generated source that black cannot parse: a bug in the generator or its templates."""


def format_source(path: str, source: str) -> str:
    try:
        return black.format_str(source, mode=_MODE)
    except InvalidInput as error:
        raise FormattingError(f"{path}: generated code does not parse: {error}") from error


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Every ``.py`` file formatted; other files unchanged."""
    return {
        path: format_source(path, text) if path.endswith(".py") else text
        for path, text in files.items()
    }
