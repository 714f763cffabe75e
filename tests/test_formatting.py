"""Chunked, cached formatting gives exactly what black gives on whole files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from generator.cache import Cache
from generator.diagnostics import Diagnostics
from generator.formatting import format_files, format_whole, split_chunks
from generator.loader import load_api
from generator.renderer import render_api

TREES = [ROOT / "specs", FIXTURES / "pages", *sorted((FIXTURES / "cases").iterdir())]


@pytest.mark.parametrize("specs", TREES, ids=lambda p: p.name)
def test_chunked_formatting_equals_whole_file_formatting(specs: Path, tmp_path: Path) -> None:
    api, _ = load_api(specs, Diagnostics())
    files = render_api(api)
    chunked = format_files(files, jobs=2, cache=Cache(tmp_path / "cache"))
    cached = format_files(files, jobs=1, cache=Cache(tmp_path / "cache"))
    for path, text in files.items():
        if path.endswith(".py"):
            assert chunked[path] == format_whole(text), path
            assert cached[path] == chunked[path], path


def test_chunks_cover_the_source_exactly() -> None:
    api, _ = load_api(FIXTURES / "pages", Diagnostics())
    for path, text in render_api(api).items():
        if path.endswith(".py"):
            assert "".join(c.text for c in split_chunks(text)).strip() == text.strip(), path


def test_cache_key_is_the_same_in_every_process() -> None:
    """A key that varied with hash randomisation would make every run a cold one."""
    script = "from generator.formatting import _MODE_KEY; print(_MODE_KEY)"
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        for seed in range(6)
    }
    assert len(keys) == 1, keys
