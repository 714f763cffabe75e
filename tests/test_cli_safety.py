"""The generator never destroys what it does not own, never leaves processes behind, and
always answers with a documented exit code."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, read_tree, run_cli

SEED = ROOT / "specs" / "jdfusion" / "createTransferTask.md"


def _specs(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(SEED, specs / SEED.name)
    return specs


def test_output_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "important.txt"
    target.write_text("important data\n", "utf-8")
    assert run_cli("generate", _specs(tmp_path), "-o", target, "-q") == 2
    assert target.read_text("utf-8") == "important data\n"
    assert "is not a folder" in capsys.readouterr().err
    assert not list(tmp_path.glob(".important.txt.*"))


def test_users_file_where_a_generated_one_goes_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "jdfusion").mkdir(parents=True)
    (out / "jdfusion" / "client.py").write_text("# mine\n", "utf-8")
    before = read_tree(out)
    assert run_cli("generate", _specs(tmp_path), "-o", out, "-q") == 2
    assert read_tree(out) == before
    assert "jdfusion/client.py" in capsys.readouterr().err


def test_an_empty_specs_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert run_cli("generate", tmp_path / "empty", "-o", tmp_path / "out", "-q") == 2
    assert "no Markdown pages" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_broken_templates_are_an_internal_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = _specs(tmp_path)
    monkeypatch.setenv("JDCLOUD_SDK_TEMPLATES", str(tmp_path / "missing"))
    assert run_cli("generate", specs, "-o", tmp_path / "out", "-q", "--no-cache") == 3
    assert "internal error" in capsys.readouterr().err
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "service" / "models.py.jinja").write_text("{% for %}\n", "utf-8")
    monkeypatch.setenv("JDCLOUD_SDK_TEMPLATES", str(templates))
    assert run_cli("check", specs, "-o", tmp_path / "out", "-q", "--no-cache") == 3
    assert "TemplateSyntaxError" in capsys.readouterr().err


def test_an_unchanged_rerun_repeats_the_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = _specs(tmp_path)
    page = specs / SEED.name
    page.write_text(page.read_text("utf-8").replace("|**name**|String|False| |Task Name|", "|**name**|Strang|False| |Task Name|"), "utf-8")
    out = tmp_path / "out"
    assert run_cli("generate", specs, "-o", out) == 0
    first = capsys.readouterr().err
    assert "unknown type 'Strang'" in first
    assert run_cli("generate", specs, "-o", out) == 0
    second = capsys.readouterr().err
    assert "is up to date" in second
    assert "unknown type 'Strang'" in second and "warnings    1" in second


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_do_not_outlive_a_killed_run(tmp_path: Path) -> None:
    specs = tmp_path / "many"
    text = SEED.read_text("utf-8")
    for n in range(400):
        page = specs / f"svc{n:03d}" / "createTransferTask.md"
        page.parent.mkdir(parents=True)
        page.write_text(text.replace("jdfusion.jdcloud-api.com", f"svc{n:03d}.jdcloud-api.com"), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", str(specs), "-o", str(tmp_path / "out"), "-q", "--no-cache", "--jobs", "2"],
        cwd=ROOT,
    )

    def children() -> list[int]:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == process.pid:
                    found.append(int(entry))
        return found

    deadline = time.monotonic() + 60
    workers: list[int] = []
    while process.poll() is None and time.monotonic() < deadline and len(workers) < 2:
        workers = children()
        time.sleep(0.01)
    assert len(workers) >= 2, "the run finished before its workers could be seen"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.05)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split(")")[1][:3]]
    assert alive == []


def test_unreadable_pyproject_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = _specs(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.generator\nservice-names = 1\n", "utf-8")
    monkeypatch.chdir(project)
    assert run_cli("generate", specs, "-o", tmp_path / "out", "-q") == 2
    assert "pyproject.toml" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_tree_moved_away_by_an_interrupted_swap_is_restored(tmp_path: Path) -> None:
    """Where the atomic exchange is unavailable the swap is two renames; a run killed
    between them leaves the old tree at .OUT.previous-PID, which the next run puts back."""
    specs = _specs(tmp_path)
    out = tmp_path / "out"
    assert run_cli("generate", specs, "-o", out, "-q", "--no-cache") == 0
    (out / "mine.txt").write_text("kept\n", "utf-8")
    before = read_tree(out)
    out.rename(tmp_path / ".out.previous-4242")
    (tmp_path / ".out.staging-4242").mkdir()  # half-written staging of the killed run
    assert run_cli("check", specs, "-o", out, "-q", "--no-cache") == 1  # out is missing
    assert run_cli("generate", specs, "-o", out, "-q", "--no-cache") == 0
    assert read_tree(out) == before
    assert not list(tmp_path.glob(".out.*"))
