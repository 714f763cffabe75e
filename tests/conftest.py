"""Shared helpers: run the generator in-process, import its output, find the corpus."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS_ENV = "JDCLOUD_DOCS_CORPUS"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Runs in tests cache under a temporary folder, never in the user's home."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


def corpus_dir() -> Path:
    """The shared corpus of real pages: $JDCLOUD_DOCS_CORPUS, else ../shared/corpus."""
    return Path(os.environ.get(CORPUS_ENV, str(ROOT.parent / "shared" / "corpus")))


def require_corpus(*parts: str) -> Path:
    path = corpus_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"reference-page corpus not found at {path} "
            f"(set {CORPUS_ENV} to the folder holding en/ and cn/)"
        )
    return path


def vendor_authorization(
    *,
    method: str,
    url: str,
    headers: dict[str, str],
    body: str,
    service: str,
    region: str,
    access_key: str,
    secret_key: str,
) -> str:
    """The Authorization header the vendor SDK's signer (jdcloud-sdk) computes for a request."""
    signer = pytest.importorskip("jdcloud_sdk.core.signer")
    credential = pytest.importorskip("jdcloud_sdk.core.credential")
    signed = dict(headers)
    signer.Signer(logging.getLogger("vendor-signer")).sign(
        method=method,
        service=service,
        region=region,
        uri=url,
        headers=signed,
        data=body,
        credential=credential.Credential(access_key, secret_key),
        security_token="",
    )
    return str(signed["Authorization"])


def run_cli(*args: str | Path) -> int:
    return main([str(a) for a in args])


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path -> bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture
def import_package() -> Iterator[object]:
    """Import a generated output folder as a package under a given name; cleaned up after."""
    added: list[str] = []
    names: list[str] = []

    def load(out: Path, module: str) -> ModuleType:
        parent = str(out.parent)
        if parent not in sys.path:
            sys.path.insert(0, parent)
            added.append(parent)
        top = module.split(".")[0]
        names.append(top)
        importlib.invalidate_caches()
        return importlib.import_module(module)

    yield load
    for parent in added:
        sys.path.remove(parent)
    for top in names:
        for key in [k for k in sys.modules if k == top or k.startswith(top + ".")]:
            del sys.modules[key]
