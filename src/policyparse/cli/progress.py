"""A small progress bar on stderr, and message lines printed around it."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


class Progress:
    """``[#####.....]  12/100 files  1 failed  3.4/s  ETA 0:26`` redrawn in place.

    Shown only when ``enabled`` (the caller decides: more than one file, not ``--quiet``,
    stderr a terminal). :meth:`echo` prints a line above the bar.
    """

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.failed = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        tail = f" {self.done}/{self.total} files"
        if self.failed:
            tail += f"  {self.failed} failed"
        tail += f"  {rate:.1f}/s"
        if left is not None and self.done < self.total:
            tail += f"  ETA {_clock(left)}"
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = max(10, min(40, width - len(tail) - 4))
        filled = bar_width * self.done // max(1, self.total)
        bar = "#" * filled + "." * (bar_width - filled)
        self.stream.write(f"\r[{bar}]{tail}"[: width - 1])
        self.stream.flush()
        self._drawn = True

    def advance(self, *, failed: bool = False) -> None:
        """One more file finished."""
        self.done += 1
        if failed:
            self.failed += 1
        self._draw(force=self.done == self.total)

    def echo(self, line: str) -> None:
        """Print a line (an error) without breaking the bar."""
        self._clear()
        self.stream.write(line + "\n")
        self.stream.flush()
        self._draw(force=True)

    def close(self) -> None:
        """Remove the bar."""
        self._clear()
        if self.enabled:
            self.stream.flush()
