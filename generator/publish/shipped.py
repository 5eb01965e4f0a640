"""Files the package ships so a project anywhere can build a site: the page templates,
the theme overrides and the stylesheet.

They live once, in the repository's top-level ``templates/`` and
``docs/stylesheets/explainer.css``. Building a wheel copies them into
``generator/_site/`` (``setup.py``); a source checkout (an editable install) reads them
where they are. A project's own ``templates/`` folder, when it has one, is searched first.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
IN_WHEEL = PACKAGE / "_site"  # where setup.py's build step copies them
IN_SOURCE = PACKAGE.parent  # the repository, for a source checkout
STYLESHEET = "stylesheets/explainer.css"  # its address in every site


def _base() -> tuple[Path, Path]:
    """The folders holding ``templates/`` and ``stylesheets/``: the wheel's, else the source's."""
    if (IN_WHEEL / "templates").is_dir():
        return IN_WHEEL, IN_WHEEL
    return IN_SOURCE, IN_SOURCE / "docs"


def templates() -> Path:
    """The shipped Jinja templates of the pages."""
    return _base()[0] / "templates"


def theme() -> Path:
    """The shipped overrides of the theme's HTML (Material's ``custom_dir``)."""
    return templates() / "theme"


def stylesheet() -> Path:
    """The shipped stylesheet of the explainer pages."""
    return _base()[1] / STYLESHEET
