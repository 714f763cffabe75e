"""Snapshots of every generated file, for specs/ and for the fixture pages.

When a change to the templates or the generator is intended, update them with
`.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from conftest import FIXTURES, ROOT, read_tree, run_cli

TREES = {"specs": ROOT / "specs", "fixture_pages": FIXTURES / "pages"}


def _generate(specs: Path, out: Path) -> dict[str, bytes]:
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    return read_tree(out)


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_generated_file_matches_snapshot(
    tree: str, tmp_path: Path, snapshot: SnapshotAssertion
) -> None:
    files = _generate(TREES[tree], tmp_path / "out")
    assert sorted(files) == snapshot(name="file list")
    for path, content in files.items():
        assert content.decode("utf-8") == snapshot(name=path)


def test_committed_generated_folder_is_fresh(tmp_path: Path) -> None:
    """generated/ is exactly what specs/ and the templates produce (else: run `make generate`)."""
    expected = _generate(ROOT / "specs", tmp_path / "out")
    assert read_tree(ROOT / "generated") == expected


@pytest.mark.parametrize("tree", sorted(TREES))
def test_two_runs_are_byte_identical(tree: str, tmp_path: Path) -> None:
    first = _generate(TREES[tree], tmp_path / "one")
    second = _generate(TREES[tree], tmp_path / "two")
    assert first == second


def test_check_reports_stale_output_then_fresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    _generate(ROOT / "specs", out)
    assert run_cli("check", ROOT / "specs", "-o", out) == 0
    client = out / "jdfusion" / "client.py"
    client.write_text(client.read_text("utf-8").replace("Create Task", "Edited"), "utf-8")
    capsys.readouterr()
    assert run_cli("check", ROOT / "specs", "-o", out) == 1
    assert "+        \"\"\"Create Task" in capsys.readouterr().out
