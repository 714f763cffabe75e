"""``generate --watch``: regenerate whenever a page or a template changes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import watchfiles

__all__ = ["DEBOUNCE_MS", "watch"]

DEBOUNCE_MS = 300


def _relevant(change: watchfiles.Change, path: str) -> bool:
    return path.endswith((".md", ".jinja"))


def watch(folders: list[Path], run: Callable[[], int], *, stop_after: int | None = None) -> int:
    """Run once, then again after each batch of changes (debounced); errors are reported, not fatal.

    ``stop_after`` ends the loop after that many re-runs (for tests). Ctrl-C ends it.
    """
    run()
    runs = 0
    print(f"watching {', '.join(str(f) for f in folders)} (Ctrl-C to stop)", file=sys.stderr)
    try:
        for changes in watchfiles.watch(
            *folders, watch_filter=_relevant, debounce=DEBOUNCE_MS, rust_timeout=1000
        ):
            names = sorted({Path(p).name for _, p in changes})
            print(f"changed: {', '.join(names)}", file=sys.stderr)
            run()
            runs += 1
            if stop_after is not None and runs >= stop_after:
                break
    except KeyboardInterrupt:
        pass
    return 0
