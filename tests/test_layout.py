"""The package layout holds: imports run down the house, one model set-up, short modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
RUNTIME = ("ingest", "text", "nlp")  # what `explainer extract` runs
MAX_LINES = 500


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_runtime_never_imports_evaluation_or_tools():
    wrong = [f"{path.relative_to(ROOT)} imports {name}"
             for path in _python_files(*(f"generator/{p}" for p in RUNTIME))
             for name in _imports(path)
             if name.startswith(("generator.evaluation", "tools"))]
    assert not wrong, wrong
    assert _python_files(*(f"generator/{p}" for p in RUNTIME)), "the runtime folders moved"


def test_only_the_pipeline_loads_a_model():
    calls = [path.relative_to(ROOT).as_posix()
             for path in _python_files("generator", "tests", "benchmarks", "tools")
             if path != Path(__file__) and "spacy.load(" in path.read_text(encoding="utf-8")]
    assert calls == ["generator/nlp/pipeline.py"]


def test_no_module_over_500_lines():
    long = {path.relative_to(ROOT).as_posix(): n
            for path in _python_files("generator", "tools")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
