"""The whole run: pages -> intermediate model -> rendered files -> formatted files.

Nothing is written here; ``output`` writes. ``inputs_fingerprint`` names
everything a run's output depends on, so a run whose inputs did not change can
skip all the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache, digest, generator_fingerprint
from .config import Config
from .diagnostics import Diagnostics
from .formatting import format_files
from .ir import Api
from .loader import LoadOptions, Page, load_api, read_pages
from .renderer import render_api
from .templates_dir import templates_dir

__all__ = ["BuildOptions", "Generation", "build", "inputs_fingerprint"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    jobs: int = 1
    cache_dir: Path | None = None
    generator_key: str = ""  # generator_fingerprint(), when the caller has it already
    keep_going: bool = False
    progress: Progress | None = None
    config: Config = field(default_factory=Config)


@dataclass(frozen=True)
class Generation:
    api: Api
    pages: int
    diagnostics: Diagnostics
    files: dict[str, str] | None  # None when the input has errors (and not keep_going)


def inputs_fingerprint(pages: list[Page], generator_key: str) -> str:
    """A digest of every page (name and bytes) and of the generator and its templates."""
    return digest(generator_key, *(part for page in pages for part in (page.name, page.content)))


def build(
    specs: Path | list[Page], options: BuildOptions | None = None
) -> Generation:
    """Read, render and format."""
    options = options or BuildOptions()
    pages = read_pages(specs) if isinstance(specs, Path) else specs
    cache = Cache(options.cache_dir) if options.cache_dir is not None else None
    key = ""
    if cache is not None:
        key = options.generator_key or generator_fingerprint(templates_dir())
    progress = options.progress

    def stage(name: str) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, total: progress(name, done, total)

    diagnostics = Diagnostics()
    api, count = load_api(
        pages,
        diagnostics,
        LoadOptions(
            jobs=options.jobs,
            cache=cache,
            generator_key=key,
            progress=stage("pages"),
            service_names=options.config.service_names,
        ),
    )
    if diagnostics.has_errors() and not options.keep_going:
        return Generation(api, count, diagnostics, None)
    files = format_files(
        render_api(api), jobs=options.jobs, cache=cache, progress=stage("formatting")
    )
    return Generation(api, count, diagnostics, files)
