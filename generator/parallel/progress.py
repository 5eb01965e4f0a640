"""What a long run says while it works: a bar (count, rate, time left) on a terminal,
a plain line every few seconds otherwise, and a summary at the end."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

PLAIN_EVERY_S = 10.0  # a plain progress line at most this often
RATE_FROM = 20  # articles a run extracts before its summary gives rates


@dataclass
class Tally:
    """What a run did, for the summary."""

    total: int
    done: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    start: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.start


class Progress:
    """Shows a run's progress on ``stream`` (stderr): tqdm on a terminal, lines otherwise."""

    def __init__(self, tally: Tally, stream: TextIO | None = None, *,
                 quiet: bool = False) -> None:
        self.tally = tally
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self._last = time.monotonic()
        self._bar = None
        if not quiet and tally.total and self.stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=tally.total, unit="article", file=self.stream,
                             dynamic_ncols=True, smoothing=0.1, leave=False)

    def step(self, *, words: int = 0, failed: bool = False) -> None:
        """One article finished (written, or failed)."""
        self.tally.done += not failed
        self.tally.failed += failed
        self.tally.words += words
        if self._bar is not None:
            self._bar.update(1)
            return
        now = time.monotonic()
        if not self.quiet and now - self._last >= PLAIN_EVERY_S:
            self._last = now
            self.say(self.line())

    def say(self, text: str) -> None:
        """A message that must not be torn by the bar."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def line(self) -> str:
        t = self.tally
        finished = t.done + t.failed
        rate = finished / t.seconds if t.seconds > 0 else 0.0
        left = (t.total - finished) / rate if rate > 0 else None
        return (f"explainer: {finished:,}/{t.total:,} articles, {rate:.1f}/s"
                + (f", about {duration(left)} left" if left is not None else ""))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def summary(self, where: str) -> str:
        t = self.tally
        seconds = t.seconds
        rate = f", {t.done / seconds:.1f} articles/s, {t.words / seconds:,.0f} words/s" \
            if seconds > 0 and t.done >= RATE_FROM else ""  # a model load is not a rate
        return (f"explainer: {t.done:,} extracted, {t.skipped:,} unchanged (skipped), "
                f"{t.failed:,} failed in {duration(seconds)} {where}{rate}")


def duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``2 h 01 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
