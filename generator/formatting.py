"""Formats generated Python source with black: in chunks, cached, across processes.

black is the expensive step of a run. A generated module is cut into chunks
that black formats the same alone as in place: the module header, and for each
top-level class its head (decorators, docstring, attributes) and each method
(formatted inside a stand-in ``class _:`` so that indentation and line length
match). Chunks are formatted in parallel, and each formatted chunk is cached
under the hash of its text and black's version and mode, so a run after a
one-page change formats only the chunks that page touched.
tests/test_formatting.py checks that chunked formatting equals whole-file
formatting.
"""

from __future__ import annotations

import importlib.metadata

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

from .cache import Cache, digest
from .workers import serial_or_parallel

__all__ = ["FormattingError", "format_files", "format_whole", "split_chunks"]

_MODE = black.Mode(target_versions={TargetVersion.PY310, TargetVersion.PY311})
# Spelled out (not repr(_MODE), whose set of target versions has no stable order).
_MODE_KEY = (
    f"black {importlib.metadata.version('black')} line-length {_MODE.line_length} "
    f"targets {sorted(v.name for v in _MODE.target_versions)} preview {_MODE.preview}"
)
_STAND_IN = "class _:\n"
# Below this many chunks to format, starting worker processes costs more than it saves.
_PARALLEL_THRESHOLD = 64

ChunkKind = Literal["module", "method"]
Progress = Callable[[int, int], None]


class FormattingError(Exception):
    """Generated source that black cannot parse: a bug in the generator or its templates."""


@dataclass(frozen=True)
class Chunk:
    kind: ChunkKind
    text: str


def split_chunks(source: str) -> list[Chunk]:
    """Cut a generated module into independently formattable chunks.

    Outside triple-quoted strings (generated docstrings escape every quote
    of the page's text, so three quotes in a row only ever delimit one), a line starting
    at column 0 with ``@`` or ``class`` starts a top-level class, and a line
    starting with four spaces and ``def``/``@`` starts a method.
    """
    chunks: list[Chunk] = []
    current: list[str] = []
    kind: ChunkKind = "module"

    def flush() -> None:
        if current and any(line.strip() for line in current):
            chunks.append(Chunk(kind, "".join(current)))
        current.clear()

    previous = ""
    has_body = False  # whether the current chunk holds an indented statement yet
    in_string = False  # inside a triple-quoted string (docstring text is never code)
    for line in source.splitlines(keepends=True):
        starts_in_string = in_string
        if line.count('"""') % 2 == 1:
            in_string = not in_string
        top = (
            not starts_in_string
            and line.startswith(("@", "class "))
            and not previous.startswith("@")
        )
        method = (
            not starts_in_string
            and has_body
            and line.startswith(("    def ", "    async def ", "    @"))
            and not previous.startswith("    @")
        )
        if top or method:
            flush()
            kind = "module" if top else "method"
            has_body = method
        current.append(line)
        if line.strip():
            previous = line
            has_body = has_body or line.startswith("    ")
    flush()
    return chunks


def format_chunk(chunk: Chunk) -> str:
    """black's output for one chunk (a method comes back indented, without the stand-in)."""
    try:
        if chunk.kind == "method":
            formatted = black.format_str(_STAND_IN + chunk.text, mode=_MODE)
            return formatted[len(_STAND_IN) :]
        return black.format_str(chunk.text, mode=_MODE)
    except InvalidInput as error:
        raise FormattingError(f"generated code does not parse: {error}\n{chunk.text}") from error


def _join(chunks: Sequence[Chunk], formatted: Sequence[str]) -> str:
    out = ""
    for chunk, text in zip(chunks, formatted):
        body = text.rstrip("\n")
        if not out:
            out = body
        elif chunk.kind == "method":
            out += "\n\n" + body
        else:
            out += "\n\n\n" + body
    return out + "\n"


def format_whole(source: str) -> str:
    """black on the whole module at once (the reference the chunked result must equal)."""
    return black.format_str(source, mode=_MODE)


def format_files(
    files: dict[str, str],
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> dict[str, str]:
    """Every ``.py`` file formatted; other files unchanged."""
    plans = {path: split_chunks(text) for path, text in files.items() if path.endswith(".py")}
    keys = {chunk: digest(_MODE_KEY, chunk.kind, chunk.text) for cs in plans.values() for chunk in cs}
    done: dict[Chunk, str] = {}
    if cache is not None:
        hits = cache.get_many("format", keys.values())
        done = {chunk: hits[key] for chunk, key in keys.items() if isinstance(hits.get(key), str)}
    missing = sorted((c for c in keys if c not in done), key=lambda c: -len(c.text))
    formatted = dict(zip(missing, _format_all(missing, jobs, progress)))
    done.update(formatted)
    if cache is not None:
        cache.put_many("format", {keys[chunk]: text for chunk, text in formatted.items()})
    result = dict(files)
    for path, chunks in plans.items():
        try:
            result[path] = _join(chunks, [done[c] for c in chunks])
        except KeyError as error:  # pragma: no cover - every chunk was formatted above
            raise FormattingError(f"{path}: chunk left unformatted") from error
    return result


def _format_all(chunks: list[Chunk], jobs: int, progress: Progress | None) -> list[str]:
    results: list[str] = []
    for text in serial_or_parallel(format_chunk, chunks, jobs, _PARALLEL_THRESHOLD):
        results.append(text)
        if progress:
            progress(len(results), len(chunks))
    return results
