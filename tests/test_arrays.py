"""Array helpers: `add_at` counts repeated indices like `np.add.at` on every path; grouping; broadcasting."""

from __future__ import annotations

import numpy as np
import pytest

from simulation.arrays import add_at, group_by, per_item, stack_batches


@pytest.mark.parametrize("n_indices", [3, 40, 2_000])  # plain loop, numpy paths
@pytest.mark.parametrize("size", [10, 100_000])  # bincount for small targets, np.add.at otherwise
@pytest.mark.parametrize(
    ("dtype", "make_value"),
    [
        (np.int16, lambda rng, n: 1),
        (np.int32, lambda rng, n: rng.integers(-3, 4, n)),  # int64 values into an int32 counter
        (np.int64, lambda rng, n: rng.random(n) < 0.5),  # booleans count as 0/1
        (np.float64, lambda rng, n: rng.random(n)),
    ],
)
def test_add_at_matches_numpy(n_indices, size, dtype, make_value) -> None:
    rng = np.random.default_rng(7)
    index = rng.integers(0, min(size, 50), n_indices)  # many repeats
    value = make_value(rng, n_indices)
    expected = np.zeros(size, dtype=dtype)
    np.add.at(expected, index, np.asarray(value).astype(dtype))
    target = np.zeros(size, dtype=dtype)
    add_at(target, index, value)
    assert target.dtype == dtype
    np.testing.assert_allclose(target, expected, rtol=1e-12)


def test_add_at_on_a_column_of_a_matrix_and_on_matrix_pairs() -> None:
    rng = np.random.default_rng(3)
    counts = np.zeros((1_000, 6), dtype=np.int16)
    rows = rng.integers(0, 20, 500)
    add_at(counts[:, 2], rows, 1)
    assert counts[:, 2].sum() == 500 and counts[:, [0, 1, 3, 4, 5]].sum() == 0
    assert counts[:, 2].tolist() == np.bincount(rows, minlength=1_000).tolist()
    pairs = np.zeros((4, 5), dtype=np.int64)
    add_at(pairs, (np.array([0, 0, 3, 3, 3]), np.array([1, 1, 4, 4, 0])), 1)
    assert pairs[0, 1] == 2 and pairs[3, 4] == 2 and pairs[3, 0] == 1 and pairs.sum() == 5


@pytest.mark.parametrize("keys", [[], [4], [2, 2, 2], [3, 1, 3, 0, 1, 3]])
def test_group_by_matches_a_mask_per_unique_key(keys: list[int]) -> None:
    key_array = np.asarray(keys, dtype=np.int16)
    items = np.arange(10, 10 + len(keys))
    expected = [(int(k), items[key_array == k]) for k in np.unique(key_array)]
    got = group_by(key_array, items)
    assert [k for k, _ in got] == [k for k, _ in expected]
    for (_, part), (_, want) in zip(got, expected, strict=True):
        assert part.tolist() == want.tolist(), "items lost their order within a group"


def test_per_item_repeats_a_scalar_and_keeps_an_array() -> None:
    assert per_item(2.5, 3).tolist() == [2.5, 2.5, 2.5]
    assert per_item(np.float32(1.0), 2).dtype == np.float64
    values = np.array([1.0, 2.0])
    assert per_item(values, 2) is values


@pytest.mark.parametrize("n_batches", [3, 40])  # block by block, and by positions
@pytest.mark.parametrize("kinds", ["scalars", "arrays", "mixed"])
def test_stack_batches_repeats_scalars_and_copies_arrays_in_batch_order(n_batches: int, kinds: str) -> None:
    rng = np.random.default_rng(5)
    sizes = rng.integers(1, 5, n_batches).tolist()
    values: list[object] = []
    for k, n in enumerate(sizes):
        as_array = kinds == "arrays" or (kinds == "mixed" and k % 2 == 1)
        values.append(rng.integers(-50, 50, n) if as_array else (np.int64(k) if k % 3 == 0 else -k))
    expected = [int(v) for value, n in zip(values, sizes, strict=True) for v in np.broadcast_to(value, n)]
    column = stack_batches(values, sizes, np.int16)
    assert column.dtype == np.int16
    assert column.tolist() == expected
    arrays = [v for v in values if isinstance(v, np.ndarray) and v.ndim > 0]
    assert not any(np.shares_memory(column, v) for v in arrays), "the column must be a new array"
