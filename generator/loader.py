"""Finds and parses every page under a directory into the intermediate model."""

from __future__ import annotations

from pathlib import Path

from .assembly import assemble
from .diagnostics import Diagnostics
from .ir import Api, SkippedPage, SourceLocation
from .page_parser import NotAnOperation, OperationPage, parse_page

__all__ = ["PAGE_SUFFIX", "load_api", "page_files"]

PAGE_SUFFIX = ".md"


def page_files(specs: Path) -> list[Path]:
    """Every Markdown page under ``specs``, in a stable order."""
    if specs.is_file():
        return [specs]
    return sorted(p for p in specs.rglob(f"*{PAGE_SUFFIX}") if p.is_file())


def load_api(specs: Path, diagnostics: Diagnostics) -> tuple[Api, int]:
    """Parse every page; returns the Api and the number of pages read."""
    files = page_files(specs)
    pages: list[OperationPage] = []
    skipped: list[SkippedPage] = []
    for path in files:
        name = path.as_posix()
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            diagnostics.error(SourceLocation(name, 1), f"not UTF-8 text: {error}")
            continue
        result = parse_page(text, name, diagnostics)
        if isinstance(result, NotAnOperation):
            skipped.append(SkippedPage(name, result.reason))
        elif isinstance(result, OperationPage):
            pages.append(result)
    return assemble(pages, skipped, diagnostics), len(files)
