"""Writes a generated tree to disk, and compares one with what is on disk.

The generator owns only the files it lists in the output's manifest: a user's
own file in the output folder is never touched, and a file the generator wrote
before but no longer produces is removed. Each file is replaced atomically.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MANIFEST", "WriteReport", "diff_tree", "write_tree"]

MANIFEST = ".generated-files"


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def _previous_files(out: Path) -> list[str]:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return []
    return [line for line in manifest.read_text("utf-8").splitlines() if line]


def _manifest_text(files: dict[str, str]) -> str:
    return "".join(f"{path}\n" for path in sorted(files))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_tree(out: Path, files: dict[str, str]) -> WriteReport:
    """Make ``out`` hold exactly ``files`` (plus any file the generator does not own)."""
    written = unchanged = removed = 0
    for relative in sorted(files):
        path = out / relative
        text = files[relative]
        if path.is_file() and path.read_text("utf-8") == text:
            unchanged += 1
            continue
        _write_atomically(path, text)
        written += 1
    for relative in _previous_files(out):
        if relative not in files and (out / relative).is_file():
            (out / relative).unlink()
            removed += 1
            _remove_empty_parents(out / relative, out)
    _write_atomically(out / MANIFEST, _manifest_text(files))
    return WriteReport(written, unchanged, removed)


def _remove_empty_parents(path: Path, top: Path) -> None:
    parent = path.parent
    while parent != top and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def diff_tree(out: Path, files: dict[str, str]) -> str:
    """A unified diff from what is in ``out`` to what would be generated ('' when fresh)."""
    chunks: list[str] = []
    expected = dict(files)
    expected[MANIFEST] = _manifest_text(files)
    owned = set(_previous_files(out)) | set(expected)
    for relative in sorted(owned):
        path = out / relative
        current = path.read_text("utf-8") if path.is_file() else None
        wanted = expected.get(relative)
        if current == wanted:
            continue
        chunks.extend(
            difflib.unified_diff(
                (current or "").splitlines(keepends=True),
                (wanted or "").splitlines(keepends=True),
                fromfile=f"{out.as_posix()}/{relative}" if current is not None else "/dev/null",
                tofile=f"{out.as_posix()}/{relative}" if wanted is not None else "/dev/null",
            )
        )
        if chunks and not chunks[-1].endswith("\n"):
            chunks.append("\n")
    return "".join(chunks)
