"""The build step pyproject.toml cannot say: ship the top-level ``templates/`` folder and
the site's stylesheet inside the package (``generator/_site/``), so an installed package
can build a site in any folder (see generator/publish/shipped.py)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = {"templates": ROOT / "templates",
           "stylesheets/explainer.css": ROOT / "docs" / "stylesheets" / "explainer.css"}


class BuildWithSite(build_py):
    """``build_py`` that also copies the shipped site files into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them in the source tree
            return
        target = Path(self.build_lib) / "generator" / "_site"
        for name, source in SHIPPED.items():
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildWithSite})
