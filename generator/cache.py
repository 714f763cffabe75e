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
import tempfile
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
    """Pickled values in ``folder/<namespace>/<2 hex>/<rest of key>``; a miss is None."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, namespace: str, key: str) -> Path:
        return self.folder / namespace / key[:2] / key[2:]

    def get(self, namespace: str, key: str) -> Any:
        try:
            with self._path(namespace, key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, namespace: str, key: str, value: Any) -> None:
        path = self._path(namespace, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except OSError:
            pass  # a cache that cannot be written only costs speed
