"""Generated code type-checks under mypy --strict and compiles without warnings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api as mypy_api

from conftest import FIXTURES, ROOT, run_cli


def _mypy_strict(folder: Path, cache: Path) -> None:
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--cache-dir", str(cache), "--python-version", "3.11", str(folder)]
    )
    assert status == 0, stdout + stderr


def test_committed_generated_package_passes_mypy_strict(tmp_path: Path) -> None:
    _mypy_strict(ROOT / "generated", tmp_path / "cache")


def test_fixture_pages_output_passes_mypy_strict(tmp_path: Path) -> None:
    out = tmp_path / "fixture_sdk"
    assert run_cli("generate", FIXTURES / "pages", "-o", out, "-q") == 0
    _mypy_strict(out, tmp_path / "cache")


@pytest.mark.parametrize("folder", [ROOT / "generated", FIXTURES / "pages"], ids=["specs", "pages"])
def test_generated_modules_compile_without_warnings(folder: Path, tmp_path: Path) -> None:
    out = folder
    if folder.name == "pages":
        out = tmp_path / "sdk"
        assert run_cli("generate", folder, "-o", out, "-q") == 0
    sources = sorted(str(p) for p in out.rglob("*.py"))
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         "import sys\nfor p in sys.argv[1:]: compile(open(p, encoding='utf-8').read(), p, 'exec')",
         *sources],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_generator_itself_passes_mypy_strict(tmp_path: Path) -> None:
    _mypy_strict(ROOT / "generator", tmp_path / "cache")
