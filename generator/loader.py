"""Finds and parses every page under a directory into the intermediate model.

Pages are parsed in worker processes when there are many, and each page's
parse (its result and its diagnostics) is cached under the hash of the page's
path and content and of the generator itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .assembly import assemble
from .cache import Cache, digest
from .diagnostics import Diagnostic, Diagnostics
from .ir import Api, SkippedPage, SourceLocation
from .page_parser import NotAnOperation, OperationPage, PageResult, parse_page
from .workers import serial_or_parallel

__all__ = ["PAGE_SUFFIX", "LoadOptions", "Page", "load_api", "page_files", "read_pages"]

PAGE_SUFFIX = ".md"
_PARALLEL_THRESHOLD = 200

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Page:
    """One input file: its name as diagnostics show it, and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True)
class LoadOptions:
    jobs: int = 1
    cache: Cache | None = None
    generator_key: str = ""
    progress: Progress | None = None
    service_names: dict[str, str] | None = None


def page_files(specs: Path) -> list[Path]:
    """Every Markdown page under ``specs``, in a stable order."""
    if specs.is_file():
        return [specs]
    return sorted(p for p in specs.rglob(f"*{PAGE_SUFFIX}") if p.is_file())


def read_pages(specs: Path) -> list[Page]:
    return [Page(path.as_posix(), path.read_bytes()) for path in page_files(specs)]


def _parse(page: Page) -> tuple[PageResult, tuple[Diagnostic, ...]]:
    diagnostics = Diagnostics()
    try:
        text = page.content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        diagnostics.error(SourceLocation(page.name, 1), f"not UTF-8 text: {error}")
        return None, diagnostics.items
    try:
        return parse_page(text, page.name, diagnostics), diagnostics.items
    except (ValueError, RecursionError, IndexError, KeyError) as error:
        # A page that trips a case the parser does not foresee is still reported as a
        # located problem, never as a traceback.
        diagnostics.error(
            SourceLocation(page.name, 1),
            f"this page could not be read ({type(error).__name__}: {error})",
        )
        return None, diagnostics.items


def load_api(
    specs: Path | list[Page], diagnostics: Diagnostics, options: LoadOptions | None = None
) -> tuple[Api, int]:
    """Parse every page; returns the Api and the number of pages read.

    Pages with errors are left out of the Api; their errors are in ``diagnostics``.
    """
    options = options or LoadOptions()
    pages = read_pages(specs) if isinstance(specs, Path) else specs
    results: dict[Page, tuple[PageResult, tuple[Diagnostic, ...]]] = {}
    keys = {page: digest(options.generator_key, page.name, page.content) for page in pages}
    if options.cache is not None:
        hits = options.cache.get_many("page", keys.values())
        results = {page: hits[key] for page, key in keys.items() if isinstance(hits.get(key), tuple)}
    missing = [page for page in pages if page not in results]
    parsed = dict(zip(missing, _parse_all(missing, options)))
    results.update(parsed)
    if options.cache is not None:
        options.cache.put_many("page", {keys[page]: value for page, value in parsed.items()})

    operations: list[OperationPage] = []
    skipped: list[SkippedPage] = []
    for page in pages:
        result, found = results[page]
        diagnostics.add_all(found)
        if isinstance(result, NotAnOperation):
            skipped.append(SkippedPage(page.name, result.reason))
        elif isinstance(result, OperationPage):
            operations.append(result)
    return assemble(operations, skipped, diagnostics, options.service_names), len(pages)


def _parse_all(
    pages: list[Page], options: LoadOptions
) -> list[tuple[PageResult, tuple[Diagnostic, ...]]]:
    results = []
    for parsed in serial_or_parallel(_parse, pages, options.jobs, _PARALLEL_THRESHOLD):
        results.append(parsed)
        if options.progress:
            options.progress(len(results), len(pages))
    return results
