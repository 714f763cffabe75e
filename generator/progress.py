"""Progress of a run: a bar on an interactive terminal, nothing in logs (CI) until the summary."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["ProgressBar"]

_WIDTH = 30
_DELAY = 0.5  # seconds before a bar appears: quick runs stay quiet


class ProgressBar:
    """Draws ``stage [####----] done/total`` on one terminal line, for runs that take a while."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self.drawn = False
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if now - self.started < _DELAY or (now - self.last < 0.05 and done < total):
            return
        self.last = now
        filled = _WIDTH * done // total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(f"\r{stage:<11} [{bar}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (_WIDTH + 40) + "\r")
            self.stream.flush()
            self.drawn = False
