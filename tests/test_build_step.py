"""The generator as a build step: check, incremental runs, atomic output, user files, watch."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, read_tree, run_cli

SEED = ROOT / "specs" / "jdfusion" / "createTransferTask.md"


def _specs(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES / "pages", specs / "pages")
    shutil.copy(SEED, specs / "createTransferTask.md")
    return specs


def _clean_run(specs: Path, out: Path) -> dict[str, bytes]:
    assert run_cli("generate", specs, "-o", out, "-q", "--no-cache", "--jobs", "1") == 0
    return read_tree(out)


def test_check_is_stale_after_a_page_or_template_change_and_fresh_after_generate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _specs(tmp_path), tmp_path / "out"
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    assert run_cli("check", specs, "-o", out, "-q") == 0

    page = specs / "pages" / "vm" / "deleteInstance.md"
    page.write_text(page.read_text("utf-8").replace("Delete one virtual machine.", "Remove a VM."), "utf-8")
    capsys.readouterr()
    assert run_cli("check", specs, "-o", out) == 1
    diff = capsys.readouterr().out
    assert "-        \"\"\"Delete one virtual machine." in diff and "+        \"\"\"Remove a VM." in diff
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    assert run_cli("check", specs, "-o", out, "-q") == 0

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    client = templates / "service" / "client.py.jinja"
    client.write_text(client.read_text("utf-8").replace("the same methods, awaited", "awaitable"), "utf-8")
    monkeypatch.setenv("JDCLOUD_SDK_TEMPLATES", str(templates))
    capsys.readouterr()
    assert run_cli("check", specs, "-o", out) == 1
    assert "+    \"\"\"The asynchronous twin of :class:`VmClient`: awaitable.\"\"\"" in capsys.readouterr().out
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    assert run_cli("check", specs, "-o", out, "-q") == 0


def test_incremental_runs_equal_clean_runs_after_each_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _specs(tmp_path), tmp_path / "out"
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    monkeypatch.setenv("JDCLOUD_SDK_TEMPLATES", str(templates))
    (out).mkdir()
    (out / "NOTES.md").write_text("my own notes\n", "utf-8")

    def add_page() -> None:
        text = SEED.read_text("utf-8").replace("jdfusion.jdcloud-api.com", "storage.jdcloud-api.com")
        (specs / "storage").mkdir()
        (specs / "storage" / "createTransferTask.md").write_text(text, "utf-8")

    def change_page() -> None:
        page = specs / "pages" / "vm" / "describeInstances.md"
        page.write_text(page.read_text("utf-8").replace("|**pageSize**|Integer|", "|**pageLimit**|Integer|"), "utf-8")

    def delete_page() -> None:
        (specs / "pages" / "vm" / "createInstances.md").unlink()

    def change_template() -> None:
        models = templates / "service" / "models.py.jinja"
        models.write_text(models.read_text("utf-8").replace("rest = dict(data)", "rest = {**data}"), "utf-8")

    def delete_service() -> None:
        shutil.rmtree(specs / "storage")

    assert run_cli("generate", specs, "-o", out, "-q") == 0
    for edit in (add_page, change_page, delete_page, change_template, delete_service):
        edit()
        assert run_cli("generate", specs, "-o", out, "-q") == 0, edit.__name__
        clean = _clean_run(specs, tmp_path / f"clean-{edit.__name__}")
        incremental = read_tree(out)
        assert incremental.pop("NOTES.md") == b"my own notes\n", edit.__name__
        assert incremental == clean, edit.__name__
    assert not (out / "storage").exists()


def test_parallel_and_serial_runs_are_identical(tmp_path: Path) -> None:
    specs = _specs(tmp_path)
    serial = _clean_run(specs, tmp_path / "serial")
    assert run_cli("generate", specs, "-o", tmp_path / "parallel", "-q", "--no-cache", "--jobs", "2") == 0
    assert read_tree(tmp_path / "parallel") == serial


def _many_services(folder: Path, count: int) -> Path:
    """A tree of ``count`` services (one page each), big enough to catch a run mid-write."""
    text = SEED.read_text("utf-8")
    for n in range(count):
        page = folder / f"svc{n:03d}" / "createTransferTask.md"
        page.parent.mkdir(parents=True)
        page.write_text(text.replace("jdfusion.jdcloud-api.com", f"svc{n:03d}.jdcloud-api.com"), "utf-8")
    return folder


def test_killed_run_leaves_previous_output_intact(tmp_path: Path) -> None:
    old_specs = _many_services(tmp_path / "old", 60)
    new_specs = _many_services(tmp_path / "new", 60)
    for page in new_specs.rglob("*.md"):
        page.write_text(page.read_text("utf-8").replace("Create Task", "Create a task"), "utf-8")
    out = tmp_path / "out"
    assert run_cli("generate", old_specs, "-o", out, "-q", "--no-cache") == 0
    (out / "keep-me.txt").write_text("user file\n", "utf-8")
    before = read_tree(out)

    caught = 0
    for attempt in range(8):
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "generate", str(new_specs), "-o", str(out), "-q", "--no-cache", "--jobs", "1"],
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            staging = list(tmp_path.glob(".out.staging-*"))
            if staging and any(staging[0].rglob("*.py")):
                os.kill(process.pid, signal.SIGKILL)
                caught += 1
                break
            time.sleep(0.0005)
        process.wait()
        if caught:
            break
    assert caught, "the run never reached the writing stage while being watched"
    assert read_tree(out) == before  # previous output, byte for byte, user file included
    # The next run cleans up what the killed one left, and completes.
    assert run_cli("generate", new_specs, "-o", out, "-q", "--no-cache") == 0
    assert not list(tmp_path.glob(".out.staging-*"))
    after = read_tree(out)
    assert after["keep-me.txt"] == b"user file\n" and after != before


def test_watch_mode_regenerates_when_a_page_changes(tmp_path: Path) -> None:
    specs, out = _specs(tmp_path), tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", str(specs), "-o", str(out), "--watch", "-q"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        client = out / "vm" / "client.py"
        deadline = time.monotonic() + 60
        while not client.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert client.is_file(), "the first generation did not happen"
        time.sleep(1.0)  # let the watcher start
        page = specs / "pages" / "vm" / "deleteInstance.md"
        page.write_text(page.read_text("utf-8").replace("Delete one virtual machine.", "Watched change."), "utf-8")
        deadline = time.monotonic() + 30
        while "Watched change." not in client.read_text("utf-8") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Watched change." in client.read_text("utf-8")
        # A broken page is reported; the watcher keeps running.
        page.write_text(page.read_text("utf-8").replace("DELETE", "FETCH"), "utf-8")
        time.sleep(2.0)
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
    assert "FETCH" in stderr and "deleteInstance.md" in stderr
