"""The ``explainer`` command line (see ../shared/contract.md for the fixed part)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ExplainerError

if TYPE_CHECKING:
    from generator.model import Thresholds

FORMATS = ("auto", "tokenized", "plain")
EVALUATIONS = ("seed", "case", "actors", "attribution", "timex", "keypoints")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="explainer", description="Turn news articles into an explainer site.")
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="article files -> explainer YAML")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--out", type=Path, default=Path("data"), help="folder for the YAML (data)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for every file")
    p.add_argument("--format", choices=FORMATS, default="auto", dest="form")
    p.add_argument("--force", action="store_true", help="replace YAML even if edited by hand")
    _parallel(p)
    _config(p)

    p = sub.add_parser("render", help="YAML -> Markdown pages (no NLP)")
    p.add_argument("--data", type=Path, help="folder of explainer YAML (from mkdocs.yml)")
    p.add_argument("--docs", type=Path, help="folder to write the pages into (docs_dir)")
    _config(p)

    p = sub.add_parser("build", help="extract what changed, render, mkdocs build --strict")
    p.add_argument("--force", action="store_true", help="re-extract every article")
    _parallel(p)
    _config(p)

    p = sub.add_parser("serve", help="live preview that re-renders on YAML/template edits")
    p.add_argument("--dev-addr", help="IP:PORT to serve on (127.0.0.1:8000)")
    _config(p)

    p = sub.add_parser("deploy", help="publish the site to GitHub Pages (mkdocs gh-deploy)")
    p.add_argument("--remote-name", help="git remote to push to (origin)")
    p.add_argument("--message", help="commit message for the gh-pages branch")
    _config(p)

    p = sub.add_parser("check", help="validate every explainer YAML")
    _config(p)

    p = sub.add_parser("new", help="start a project in a new folder (mkdocs.yml, a sample)")
    p.add_argument("folder", type=Path, metavar="DIR")

    p = sub.add_parser("evaluate", help="score a component on ../shared/eval")
    p.add_argument("task", choices=EVALUATIONS)
    p.add_argument("options", nargs=argparse.REMAINDER, help="passed to the task (--help)")
    return main


def _parallel(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="worker processes on this machine (default: one per core); "
                            "build also checks, renders and converts the site on them")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="run on an existing Dask cluster (see the README)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _config(p: argparse.ArgumentParser) -> None:
    p.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                   help="the project's mkdocs.yml")


def _threshold(config_file: Path) -> Thresholds:
    """The site's confidence threshold, from mkdocs.yml when there is one."""
    from generator.model import DEFAULT_THRESHOLD
    from generator.publish import settings

    return settings.load(config_file).threshold if config_file.is_file() else DEFAULT_THRESHOLD


def main(argv: list[str] | None = None) -> int:
    """Run a command; whatever goes wrong ends in one line on stderr, never a traceback
    (``EXPLAINER_DEBUG=1`` shows the traceback of an unexpected error)."""
    args = parser().parse_args(argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except ExplainerError as exc:  # a project setting or file a person can fix: one line
        print(f"explainer: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"explainer: {where}{exc.strerror or exc}", file=sys.stderr)
    except MemoryError:
        print("explainer: out of memory", file=sys.stderr)
    except Exception as exc:
        if os.environ.get("EXPLAINER_DEBUG"):
            raise
        print(f"explainer: internal error, please report it: {type(exc).__name__}: "
              f"{_one_line(str(exc))}", file=sys.stderr)
    return 1


def _one_line(text: str, size: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _dispatch(args: argparse.Namespace) -> int:
    """Run one command; each imports only what it needs (render and check load no NLP)."""
    if args.command == "extract":
        from generator.commands import extract

        return extract.run(args.files, args.out, published=args.published, form=args.form,
                           force=args.force, threshold=_threshold(args.config_file),
                           workers=args.workers, scheduler=args.scheduler)
    if args.command == "evaluate":
        import importlib

        return importlib.import_module(f"generator.evaluation.{args.task}").main(args.options)
    if args.command == "new":
        from generator.commands import new

        return new.run(args.folder)
    if args.command == "render":
        from generator.commands import render

        return render.run(args.config_file, args.data, args.docs)
    if not args.config_file.is_file():
        print(f"explainer: {args.config_file}: no such file (run in the project folder "
              "or pass -f)", file=sys.stderr)
        return 2
    if args.command == "check":
        from generator.commands.check import check_project
        from generator.publish import settings

        return check_project(settings.load(args.config_file))
    from generator.commands import build, publish

    if args.command == "build":
        return build.run(args.config_file, force=args.force, workers=args.workers,
                         scheduler=args.scheduler)
    if args.command == "serve":
        return publish.serve(args.config_file, args.dev_addr)
    return publish.deploy(args.config_file, args.remote_name, args.message)


if __name__ == "__main__":
    sys.exit(main())
