"""Errors a user can act on: each renders as one line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class ExplainerError(Exception):
    """A problem with one input or data file, reported without a traceback."""

    def __init__(self, path: Path | str | None, message: str, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class InputError(ExplainerError):
    """An article file that cannot be read as text."""


class DataError(ExplainerError):
    """An explainer YAML (or sidecar) that is not valid."""


class TemplateProblem(ExplainerError):
    """A page template that cannot be rendered (an undefined name, a wrong ``url()``)."""


class EditedError(ExplainerError):
    """Refusing to overwrite an explainer YAML that a person has edited."""
