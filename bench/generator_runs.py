"""Generator speed over the shared corpus (English and Chinese): cold, no-op and one-page-changed runs.

Each run is `python -m generator generate` in a subprocess; peak memory is the
largest sum of resident memory over the generator and its worker processes,
sampled every 20 ms from /proc. Prints a table and writes JSON.

Usage: python bench/generator_runs.py [--corpus DIR] [--json PATH] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold": 15.0, "no-op": 1.0, "one page changed": 2.0}
MEMORY_TARGET_MB = 400


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    total, todo = 0, [pid]
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def run(specs: Path, out: Path, cache: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak MiB of one generate run."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "generator", "generate", str(specs), "-o", str(out), "-q", "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode not in (0,):
        raise SystemExit(f"generate failed with exit code {process.returncode}")
    return seconds, peak / 1024


def _edit_one_page(specs: Path) -> None:
    """Append to the description of the first operation page (the one the output uses)."""
    for page in sorted(specs.rglob("*.md")):
        lines = page.read_text("utf-8").splitlines(keepends=True)
        for n, line in enumerate(lines[:-1]):
            if line.strip().lower() in ("## description", "## 描述"):
                lines[n + 1] = lines[n + 1].rstrip("\n") + " (edited)\n"
                page.write_text("".join(lines), "utf-8")
                return
    raise SystemExit("no operation page to edit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("JDCLOUD_DOCS_CORPUS", ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found at {args.corpus} (set JDCLOUD_DOCS_CORPUS)")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        specs = work / "corpus"
        shutil.copytree(args.corpus, specs)
        pages = sum(1 for _ in specs.rglob("*.md"))
        out, cache = work / "sdk", work / "cache"
        figures: dict[str, dict[str, float]] = {}
        for name in ("cold", "no-op", "one page changed"):
            if name == "one page changed":
                _edit_one_page(specs)
            seconds, peak = run(specs, out, cache, args.jobs)
            figures[name] = {
                "seconds": round(seconds, 2),
                "pages_per_second": round(pages / seconds, 1),
                "peak_memory_mb": round(peak, 1),
                "target_seconds": TARGETS[name],
            }
    print(f"generator over {pages} pages ({args.corpus}), {args.jobs} jobs")
    print(f"{'run':<18}{'seconds':>9}{'pages/s':>10}{'peak MB':>9}{'target s':>10}  verdict")
    for name, f in figures.items():
        ok = f["seconds"] <= f["target_seconds"] and f["peak_memory_mb"] <= MEMORY_TARGET_MB
        print(
            f"{name:<18}{f['seconds']:>9}{f['pages_per_second']:>10}{f['peak_memory_mb']:>9}"
            f"{f['target_seconds']:>10}  {'met' if ok else 'MISSED'}"
        )
    print(f"peak memory target: {MEMORY_TARGET_MB} MB (load average now: {os.getloadavg()[0]:.1f})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"pages": pages, "jobs": args.jobs, "runs": figures}, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
