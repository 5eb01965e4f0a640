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


def _claims(per_doc: list[list[bool]]):
    from tools.train_claim_confidence import Labelled
    return [Labelled(n, [], hit, True) for n, hits in enumerate(per_doc) for hit in hits]


def test_the_site_threshold_bound_is_under_the_precision_when_documents_differ() -> None:
    import numpy as np

    from tools.train_claim_confidence import bound
    steady = _claims([[True] * 9 + [False]] * 40)
    assert bound(steady, np.ones(len(steady), dtype=bool), 0.95) == pytest.approx(0.9)
    uneven = _claims([[True] * 10] * 20 + [[True] * 8 + [False] * 2] * 20)
    everything = np.ones(len(uneven), dtype=bool)
    assert bound(uneven, everything, 0.95) < 0.9 < bound(uneven, everything, 0.05)
