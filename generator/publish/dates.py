"""The date a build is stamped with: fixed by its sources, never the day it ran."""

from __future__ import annotations

import datetime
import os
import subprocess
from functools import cache
from pathlib import Path

NO_DATE = "1970-01-01"  # neither SOURCE_DATE_EPOCH nor a git commit to go by


@cache
def build_date(root: Path) -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org), else the date of the
    project's last git commit, else 1970-01-01; as YYYY-MM-DD (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _day(int(epoch))
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return NO_DATE
    stamp = done.stdout.strip()
    return _day(int(stamp)) if done.returncode == 0 and stamp.isdigit() else NO_DATE


def _day(seconds: int) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%d")
