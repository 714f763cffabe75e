"""Writes a generated tree atomically, and compares one with what is on disk.

The new tree is built in a staging folder beside the output and swapped in
with one atomic rename exchange (Linux ``renameat2``), so a run that is
interrupted at any point leaves either the old tree or the new one, never a
mix. Files whose content did not change are hard-linked from the old tree, so
they keep their timestamps. The generator owns only the files its manifest
lists: a user's own file in the output folder is carried over untouched, and a
file the generator wrote before but no longer produces is dropped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import difflib
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MANIFEST",
    "OutputError",
    "WriteReport",
    "check_writable",
    "diff_tree",
    "is_intact",
    "read_manifest",
    "write_tree",
]

MANIFEST = ".generated-files"
_HEADER = "# Files written by jdcloud-sdk-generator (sha256, path). Do not edit.\n"


class OutputError(Exception):
    """The output cannot be written without destroying something the generator does not own."""


def check_writable(out: Path, files: dict[str, str]) -> None:
    """Refuse an output that is a file, or that holds a user's file where a generated one goes."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder; choose another output (-o)")
    if not out.is_dir():
        return
    owned = set(read_manifest(out)) | {MANIFEST}
    clashes = sorted(p for p in files if p not in owned and (out / p).exists())
    if clashes:
        shown = ", ".join(clashes[:5]) + (f" and {len(clashes) - 5} more" if len(clashes) > 5 else "")
        raise OutputError(
            f"{out} holds files the generator did not write where it would write its own: "
            f"{shown}; move or delete them (or choose another output with -o)"
        )


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    """The generated files the output's manifest lists: path -> sha256."""
    path = out / MANIFEST
    files = {}
    if path.is_file():
        for line in path.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                sha, _, relative = line.partition("  ")
                files[relative] = sha
    return files


def _manifest_text(files: dict[str, str]) -> str:
    lines = [_HEADER] + [f"{_sha(files[path])}  {path}\n" for path in sorted(files)]
    return "".join(lines)


def is_intact(out: Path) -> bool:
    """Whether every file the manifest lists is on disk with the listed content."""
    manifest = read_manifest(out)
    if not manifest:
        return False
    for relative, sha in manifest.items():
        path = out / relative
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            return False
    return True


def _staging_names(out: Path) -> tuple[Path, Path]:
    return (
        out.parent / f".{out.name}.staging-{os.getpid()}",
        out.parent / f".{out.name}.previous-{os.getpid()}",
    )


def recover(out: Path) -> None:
    """Undo what an interrupted run left: restore a moved-away tree, drop staging folders."""
    parent = out.parent
    if not parent.is_dir():
        return
    for leftover in sorted(parent.glob(f".{out.name}.previous-*")):
        if not out.exists():
            os.rename(leftover, out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def write_tree(out: Path, files: dict[str, str]) -> WriteReport:
    """Make ``out`` hold exactly ``files`` plus the user's own files, atomically."""
    recover(out)
    check_writable(out, files)
    old = read_manifest(out)
    staging, previous = _staging_names(out)
    staging.mkdir(parents=True)
    written = unchanged = 0
    try:
        for relative in sorted(files):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            source = out / relative
            text = files[relative]
            if old.get(relative) == _sha(text) and _same_content(source, text):
                os.link(source, target)
                unchanged += 1
            else:
                target.write_text(text, "utf-8", newline="\n")
                written += 1
        _carry_over_user_files(out, staging, set(old) | set(files) | {MANIFEST})
        (staging / MANIFEST).write_text(_manifest_text(files), "utf-8", newline="\n")
        _swap(staging, out, previous)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    removed = len(set(old) - set(files))
    return WriteReport(written, unchanged, removed)


def _same_content(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _carry_over_user_files(out: Path, staging: Path, owned: set[str]) -> None:
    if not out.is_dir():
        return
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if path.is_dir() or relative in owned or "__pycache__" in path.parts:
            continue
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def _swap(staging: Path, out: Path, previous: Path) -> None:
    """Put ``staging`` in place of ``out`` in one step where the system allows it."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        return
    # Two renames: an interruption between them is undone by recover() on the next run.
    os.rename(out, previous)
    os.rename(staging, out)
    shutil.rmtree(previous, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where unsupported."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        renameat2 = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def diff_tree(out: Path, files: dict[str, str]) -> str:
    """A unified diff from the generated files in ``out`` to ``files`` ('' when equal)."""
    chunks: list[str] = []
    owned = set(read_manifest(out)) | set(files)
    for relative in sorted(owned):
        path = out / relative
        current = path.read_text("utf-8") if path.is_file() else None
        wanted = files.get(relative)
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
