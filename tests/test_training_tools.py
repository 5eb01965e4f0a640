"""The training scripts still run end to end (one was found broken by a refactoring)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EVAL
from tools import train_actor_confidence


@pytest.mark.slow
@pytest.mark.skipif(not (EVAL / "polnear" / "train").is_dir(), reason="evaluation data absent")
def test_the_actor_confidence_trainer_writes_weights_the_scorer_reads(tmp_path) -> None:
    out = tmp_path / "actor_confidence.json"
    assert train_actor_confidence.main(["--eval-dir", str(EVAL), "--limit", "2",
                                        "--out", str(out), "--epochs", "2"]) == 0
    table = json.loads(out.read_text(encoding="utf-8"))
    assert table["weights"] and isinstance(table["bias"], float)
    assert "PolNeAR train" in table["provenance"]
