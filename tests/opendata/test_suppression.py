"""The statistical secret: no published count, nor any difference of published counts, names
between 1 and the threshold's number of people."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eig.opendata import suppression

THRESHOLD = 5


@pytest.fixture(autouse=True)
def threshold(settings):
    settings.OPEN_DATA_MIN_COUNT = THRESHOLD


def test_a_small_count_is_hidden_and_a_large_one_shown():
    assert suppression.shown(4) is None
    assert suppression.shown(5) == 5


def test_a_single_small_cell_takes_the_smallest_other_one_with_it():
    # Published alone, the 3 would be the total minus the others.
    assert suppression.in_partition([40, 3, 12, 25]) == [40, None, None, 25]


def test_hidden_cells_are_hidden_until_their_sum_reaches_the_threshold():
    assert suppression.in_partition([1, 1, 30, 6]) == [None, None, 30, None]


def test_cells_without_a_known_total_only_hide_the_small_ones():
    assert suppression.in_partition([40, 3, 12], total_known=False) == [40, None, 12]


def test_a_stage_a_few_below_the_previous_one_is_hidden():
    # 120 then 118: publishing both would say that 2 people stopped in between.
    assert suppression.in_chain([120, 118, 60, 3, 0]) == [120, None, 60, None, None]


def test_equal_stages_stay_published():
    # A difference of 0 designates nobody.
    assert suppression.in_chain([50, 50, 20]) == [50, 50, 20]


counts = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8)


@given(counts)
def test_a_partition_never_lets_a_small_count_be_recomputed(cells):
    shown = suppression.in_partition(cells)
    assert all(value is None or value >= THRESHOLD for value in shown)
    hidden = sum(cell for cell, value in zip(cells, shown, strict=True) if value is None)
    everything_hidden = all(value is None for value in shown)
    # The total minus the published cells: nobody, or enough people (or nothing is published).
    assert hidden == 0 or hidden >= THRESHOLD or everything_hidden


@given(st.lists(st.integers(min_value=0, max_value=80), min_size=1, max_size=7))
def test_a_chain_never_lets_a_small_count_be_recomputed(raw):
    chain = sorted(raw, reverse=True)
    shown = [value for value in suppression.in_chain(chain) if value is not None]
    assert all(value >= THRESHOLD for value in shown)
    for higher, lower in itertools.combinations(shown, 2):
        assert higher - lower == 0 or higher - lower >= THRESHOLD
