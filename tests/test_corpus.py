"""Real pages from the shared corpus, English and Chinese (skipped with a reason when absent)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from mypy import api as mypy_api

from conftest import read_tree, require_corpus, run_cli

METHOD_HEADING = re.compile(r"^#+\s*(request method|请求方式)\s*#*\s*$", re.I | re.M)
TITLE = re.compile(r"\A\s*#\s+([A-Za-z_][A-Za-z0-9_]*)\s*$", re.M)
TREES = {
    "jdfusion": ("en", "API", "JDFusion"),
    "en": ("en", "API"),
    "cn": ("cn", "API"),
}


def _operation_names(folder: Path) -> set[str]:
    """Operations the pages declare (a request-method heading), by the page's title or file
    name: an oracle independent of the parser."""
    names = set()
    for page in folder.rglob("*.md"):
        text = page.read_text("utf-8", errors="replace")
        if METHOD_HEADING.search(text):
            title = TITLE.match(text)
            names.add(title.group(1) if title else page.stem)
    return names


@dataclass(frozen=True)
class CorpusRun:
    pages: Path
    out: Path
    stderr: str


@pytest.fixture(scope="module", params=sorted(TREES))
def corpus_run(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> CorpusRun:
    pages = require_corpus(*TREES[request.param])
    out = tmp_path_factory.mktemp("corpus") / f"corpus_{request.param}_sdk"
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(pages), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return CorpusRun(pages, out, completed.stderr)


def test_zero_errors_and_a_summary(corpus_run: CorpusRun) -> None:
    assert ": error:" not in corpus_run.stderr
    assert "Traceback" not in corpus_run.stderr
    summary = corpus_run.stderr[corpus_run.stderr.index("summary:") :]
    counts = re.search(
        r"pages\s+(\d+) read: (\d+) operations in (\d+) service\(s\), (\d+) skipped", summary
    )
    assert counts is not None, summary
    pages, operations, services, skipped = map(int, counts.groups())
    assert pages == len(list(corpus_run.pages.rglob("*.md")))
    assert operations > 0 and services > 0 and skipped > 0
    print(f"\n{corpus_run.pages}: {summary}")


def test_every_operation_page_yields_an_operation(
    corpus_run: CorpusRun, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run_cli("inspect", corpus_run.pages, "-q") == 0
    model = json.loads(capsys.readouterr().out)
    operations = {op["name"] for s in model["services"] for op in s["operations"]}
    assert operations == _operation_names(corpus_run.pages)
    skipped = {Path(s["file"]).name for s in model["skipped"]}
    assert "ChangeLog.md" in skipped or "overview.md" in skipped


def test_every_module_compiles_and_imports(corpus_run: CorpusRun) -> None:
    services = sorted(p.name for p in corpus_run.out.iterdir() if (p / "client.py").is_file())
    script = "import importlib, sys\nfor name in sys.argv[1:]: importlib.import_module(name)"
    modules = [f"{corpus_run.out.name}.{s}" for s in services]
    completed = subprocess.run(
        [sys.executable, "-W", "error", "-c", script, *modules],
        cwd=corpus_run.out.parent,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]


def test_generated_corpus_passes_mypy_strict(corpus_run: CorpusRun) -> None:
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--cache-dir", str(corpus_run.out.parent / ".mypy_cache"), str(corpus_run.out)]
    )
    assert status == 0, (stdout + stderr)[-3000:]


def test_two_runs_are_byte_identical(corpus_run: CorpusRun, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run_cli("generate", corpus_run.pages, "-o", again, "-q", "--no-cache") == 0
    assert read_tree(again) == read_tree(corpus_run.out)
