"""The site build's forks: results in order whatever the number of processes, a failing or
dying child's share redone here (so its error is raised here), no child left behind."""

from __future__ import annotations

import gc
import os
import signal
from pathlib import Path

import pytest

from generator.parallel.forks import MIN_SHARE, fork_each, fork_map

ITEMS = list(range(5 * MIN_SHARE))


def test_results_are_in_order_and_made_in_other_processes():
    here = os.getpid()
    done = fork_map(lambda item: (item * item, os.getpid()), ITEMS, 3)
    assert [value for value, _ in done] == [item * item for item in ITEMS]
    assert len({pid for _, pid in done} - {here}) == 2  # two children took shares


def test_one_worker_or_few_items_stay_in_this_process():
    here = os.getpid()
    assert {pid for pid in fork_map(lambda _: os.getpid(), ITEMS, 1)} == {here}
    assert {pid for pid in fork_map(lambda _: os.getpid(), ITEMS[:MIN_SHARE], 4)} == {here}


def test_an_error_in_a_child_is_raised_here():
    def fails_on_seven(item: int) -> int:
        if item == 7:
            raise ValueError(f"item {item} is bad")
        return item

    with pytest.raises(ValueError, match="item 7 is bad"):
        fork_map(fails_on_seven, ITEMS, 2)  # 7 is in the child's share


def test_a_child_that_dies_has_its_share_redone_here():
    here = os.getpid()

    def dies_in_a_child(item: int) -> int:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return item + 1

    assert fork_map(dies_in_a_child, ITEMS, 2) == [item + 1 for item in ITEMS]


def test_fork_each_leaves_its_work_behind_and_says_when_a_child_failed(tmp_path: Path):
    def write(item: int) -> None:
        (tmp_path / str(item)).write_text(str(os.getpid()))

    assert fork_each(write, ITEMS, 2)
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == ITEMS
    assert {p.read_text() for p in tmp_path.iterdir()}.isdisjoint({str(os.getpid())})

    def fail(item: int) -> None:
        raise RuntimeError("no")

    assert not fork_each(fail, ITEMS, 2)
    assert not fork_each(write, ITEMS, 1)  # nothing to gain: the caller does the work


def test_no_child_is_left_running_or_unreaped():
    children = set(fork_map(lambda _: os.getpid(), ITEMS, 4)) - {os.getpid()}
    assert len(children) == 3
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_data_loading_runs_without_the_collector_and_children_see_the_parent_frozen():
    """The collector's full passes over ten thousand explainers cost more than loading
    them: paused while lasting data is made, frozen (not scanned, not copied) in children."""
    gc.unfreeze()
    try:
        seen = fork_map(lambda _: (gc.isenabled(), gc.get_freeze_count() > 0), ITEMS, 2,
                        lasting=True)
        assert set(seen) == {(False, True)}  # here and in the child alike
        assert gc.isenabled()  # on again afterwards
        assert fork_map(lambda _: gc.isenabled(), ITEMS, 2) == [True] * len(ITEMS)
    finally:
        gc.unfreeze()
