"""``explainer render``: explainer YAML -> Markdown pages on disk, no NLP and no server."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from generator.errors import ExplainerError
from generator.publish import settings as project
from generator.publish.options import parse_options
from generator.publish.site import render_pages, write_pages


def run(config_file: Path, data: Path | None, docs: Path | None) -> int:
    paths = project.load(config_file) if config_file.exists() else project.from_options(
        config_file, parse_options(None), None)
    if data is not None:
        paths = dataclasses.replace(paths, data=data.resolve())
    out = (docs or paths.docs).resolve()
    try:
        pages = render_pages(paths)
        changed = write_pages(pages, out)
    except ExplainerError as exc:
        print(f"explainer: {exc}", file=sys.stderr)
        return 1
    print(f"explainer: rendered {len(pages)} pages into {out} ({changed} changed)")
    return 0
