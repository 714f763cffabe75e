"""A content-addressed cache on disk: values stored under the hash of everything they depend on.

A key that includes every input of a computation can never give a stale
answer: a changed page, template or generator source makes a new key. The
cache only saves work; deleting it changes nothing but speed.
"""

from __future__ import annotations

import importlib.metadata

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["Cache", "default_cache_dir", "digest", "generator_fingerprint"]

_PACKAGE = Path(__file__).resolve().parent


def digest(*parts: str | bytes) -> str:
    """A SHA-256 hex digest of several parts, unambiguously separated."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _tree_digest(files: Iterable[Path], root: Path) -> str:
    parts: list[str | bytes] = []
    for path in sorted(files):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


def generator_fingerprint(templates: Path) -> str:
    """The generator's own sources, its templates and the versions of its libraries."""
    versions = "; ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("black", "jinja2", "markdown-it-py")
    )
    return digest(
        versions,
        _tree_digest(_PACKAGE.rglob("*.py"), _PACKAGE),
        _tree_digest((p for p in templates.rglob("*") if p.is_file()), templates),
    )


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jdcloud-sdk-generator"


class Cache:
    """Pickled values in one SQLite file, ``folder/cache.sqlite3``; a miss is None.

    One file and one transaction per batch: thousands of entries per run cost
    milliseconds, where a file per entry costs seconds on some file systems.
    Any failure to read or write only costs speed.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.folder / "cache.sqlite3", timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entries "
                    "(namespace TEXT, key TEXT, value BLOB, PRIMARY KEY (namespace, key))"
                )
                self._db = db
            except (OSError, sqlite3.Error):
                return None
        return self._db

    def get(self, namespace: str, key: str) -> Any:
        return self.get_many(namespace, [key]).get(key)

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Any]:
        db = self._connect()
        found: dict[str, Any] = {}
        if db is None:
            return found
        try:
            for key in keys:
                row = db.execute(
                    "SELECT value FROM entries WHERE namespace = ? AND key = ?", (namespace, key)
                ).fetchone()
                if row is not None:
                    try:
                        found[key] = pickle.loads(row[0])
                    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                        continue
        except sqlite3.Error:
            pass
        return found

    def put(self, namespace: str, key: str, value: Any) -> None:
        self.put_many(namespace, {key: value})

    def put_many(self, namespace: str, values: dict[str, Any]) -> None:
        db = self._connect()
        if db is None or not values:
            return
        rows = [
            (namespace, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            for key, value in values.items()
        ]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            pass
