"""Progress of an audit: a tqdm bar on a terminal, plain periodic lines in logs and CI."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None, interval: float = 30.0) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream or sys.stderr
        self.interval = interval
        self._start = self._last = time.monotonic()
        self._bar = None
        if self.stream.isatty() and total:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                unit=" consultation",
                file=self.stream,
                dynamic_ncols=True,
                desc="audit",
                smoothing=0.1,
            )

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.failed} en échec", refresh=False)
            self._bar.update(1)

    def tick(self) -> None:
        now = time.monotonic()
        if self._bar is None and now - self._last >= self.interval:
            self._last = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self._start
        rate = self.done / elapsed * 60 if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else None
        eta = f", reste ~{left:.0f} min" if left is not None else ""
        pct = 100 * self.done / self.total if self.total else 100.0
        return (
            f"audit : {self.done}/{self.total} consultations ({pct:.0f} %), "
            f"{self.failed} en échec, {rate:.1f}/min{eta}"
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.total:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
