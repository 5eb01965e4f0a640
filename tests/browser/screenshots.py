"""Screenshots of each page type for the README (not a test).

Run: .venv/bin/python -m tests.browser.screenshots [--site site] [--out screenshots]
The site is the project's built site (`explainer build`); the cross-article actor page
comes from a small demo site built on the fly when the project's site has none.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.browser.serve import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    build,
    demo_explainers,
    make_project,
    serve,
)

DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def article_of(site: Path) -> str:
    return sorted((site / "articles").glob("*/index.html"))[0].parent.name


def shots(site: Path) -> list[tuple[str, str, dict, str]]:
    """(file name, URL path, viewport, colour scheme) per screenshot."""
    base = f"articles/{article_of(site)}/"
    pages = [("home", ""), ("overview", base), ("who", base + "who/"),
             ("claims", base + "claims/"), ("timeline", base + "timeline/"),
             ("text", base + "text/#s3")]
    return ([(f"{name}.png", path, DESKTOP, "light") for name, path in pages]
            + [(f"{name}-phone.png", path, PHONE, "light") for name, path in pages]
            + [("text-dark.png", base + "text/", DESKTOP, "dark")])


def take(site: Path, out: Path, wanted: list[tuple[str, str, dict, str]]) -> None:
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, viewport, scheme in wanted:
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / name))
            context.close()
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    take(args.site, args.out, shots(args.site))
    if not (args.site / "actors").is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            demo = build(make_project(Path(tmp), demo_explainers()))
            take(demo, args.out, [("actor.png", "actors/officials/", DESKTOP, "light")])
    for png in sorted(args.out.glob("*.png")):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
