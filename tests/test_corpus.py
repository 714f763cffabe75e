"""Real pages from the shared corpus (skipped with a reason when it is absent)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api as mypy_api

from conftest import read_tree, require_corpus, run_cli

METHOD_HEADING = re.compile(r"^#+\s*(request method|请求方式)\s*#*\s*$", re.I | re.M)


def _operation_pages(folder: Path) -> set[str]:
    """Pages that declare a request method: an oracle independent of the parser."""
    return {
        p.stem
        for p in folder.rglob("*.md")
        if METHOD_HEADING.search(p.read_text("utf-8", errors="replace"))
    }


@pytest.fixture(scope="module")
def jdfusion_sdk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    pages = require_corpus("en", "API", "JDFusion")
    out = tmp_path_factory.mktemp("corpus") / "jdfusion_corpus_sdk"
    assert run_cli("generate", pages, "-o", out, "-q") == 0
    return pages, out


def test_every_operation_page_yields_an_operation(
    jdfusion_sdk: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pages, _ = jdfusion_sdk
    capsys.readouterr()
    assert run_cli("inspect", pages) == 0
    model = json.loads(capsys.readouterr().out)
    operations = {op["name"] for s in model["services"] for op in s["operations"]}
    expected = _operation_pages(pages)
    assert len(expected) > 100
    assert operations == expected
    skipped = {Path(s["file"]).name for s in model["skipped"]}
    assert {"overview.md", "ChangeLog.md"} <= skipped


def test_corpus_package_imports_and_type_checks(jdfusion_sdk: tuple[Path, Path]) -> None:
    _, out = jdfusion_sdk
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         f"import {out.name}.jdfusion as m; print(len(m.__all__))"],
        cwd=out.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 100
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--cache-dir", str(out.parent / ".mypy_cache"), str(out)]
    )
    assert status == 0, stdout + stderr


def test_corpus_output_is_byte_identical_across_runs(
    jdfusion_sdk: tuple[Path, Path], tmp_path: Path
) -> None:
    pages, out = jdfusion_sdk
    again = tmp_path / "again"
    assert run_cli("generate", pages, "-o", again, "-q") == 0
    assert read_tree(again) == read_tree(out)
