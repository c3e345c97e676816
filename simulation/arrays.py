"""Array type aliases used in signatures (ids may be stored as int32 or int64)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.integer[Any]]
FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]

_SMALL = 16  # below this many elements plain Python beats numpy's per-call overhead
_SMALL_TARGET = 256  # counters this short are cheaper to rebuild with np.bincount


def add_at(target: NDArray[Any], index: IntArray | tuple[IntArray, IntArray], value: Any = 1) -> None:
    """`target[index] += value`, counting repeated indices (like `np.add.at`, but faster).

    A handful of indices: a plain loop; small targets (counters per function or kind):
    `np.bincount`; otherwise `np.add.at` with the value in the target's dtype.
    """
    if isinstance(index, tuple):  # a pair of index arrays into a matrix
        flat = np.ravel_multi_index(index, target.shape)
        target += _counts(flat, value, target.size).reshape(target.shape).astype(target.dtype, copy=False)
        return
    n = len(index)
    if n == 0:
        return
    if n <= _SMALL:
        if isinstance(value, int | float) or np.ndim(value) == 0:
            for i in index.tolist():
                target[i] += value
        else:
            for i, v in zip(index.tolist(), np.asarray(value).tolist(), strict=True):
                target[i] += v
    elif target.ndim == 1 and target.size <= _SMALL_TARGET:
        target += _counts(index, value, target.size).astype(target.dtype, copy=False)
    else:
        np.add.at(target, index, _as_dtype_of(target, value))


def _as_dtype_of(target: NDArray[Any], value: Any) -> Any:
    """`value` in `target`'s dtype where that is a safe kind of cast (int64 counts into an int16
    counter): `np.add.at` is fast only when the dtypes match (20x for a thousand indices)."""
    value = np.asarray(value)
    if value.dtype != target.dtype and np.can_cast(value.dtype, target.dtype, casting="same_kind"):
        return value.astype(target.dtype)
    return value


def _counts(flat_index: IntArray, value: Any, size: int) -> NDArray[Any]:
    """Sum of `value` per position 0..size-1 (`value` a scalar or one value per index)."""
    if np.ndim(value) == 0 and value == 1:
        return np.bincount(flat_index, minlength=size)
    return np.bincount(flat_index, weights=per_item(value, flat_index.size), minlength=size)


def per_item(value: Any, n: int) -> FloatArray:
    """`value` as a float array of `n` items: a scalar repeated, or the array itself.

    Like `np.broadcast_to(value, n)`, which costs five times as much for the day's small batches.
    """
    if np.ndim(value) == 0:
        return np.full(n, value, dtype=float)
    return np.asarray(value, dtype=float)


def stack_batches(values: Sequence[Any], sizes: Sequence[int], dtype: Any) -> NDArray[Any]:
    """One new column from batches of rows: batch k holds `sizes[k]` rows and gives either one
    value for all of them (a scalar or a 0-d array, repeated) or one per row (an array, copied in).
    """
    is_array = [type(v) is np.ndarray and v.ndim > 0 for v in values]
    if not any(is_array):
        return np.repeat(np.array(values, dtype=dtype), sizes)
    if len(values) <= _SMALL:  # a few batches (a day's handoffs): fill block by block
        column = np.empty(sum(sizes), dtype=dtype)
        offset = 0
        for n, value in zip(sizes, values, strict=True):
            column[offset : offset + n] = value
            offset += n
        return column
    counts = np.asarray(sizes, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    column = np.empty(int(counts.sum()), dtype=dtype)
    arrays = np.flatnonzero(is_array)
    column[_positions(offsets[arrays], counts[arrays])] = np.concatenate([values[k] for k in arrays.tolist()])
    scalars = np.flatnonzero(~np.asarray(is_array))
    column[_positions(offsets[scalars], counts[scalars])] = np.repeat(
        np.array([values[k] for k in scalars.tolist()], dtype=dtype), counts[scalars]
    )
    return column


def _positions(starts: IntArray, counts: IntArray) -> IntArray:
    """Row positions of blocks that start at `starts` and hold `counts` rows, block after block."""
    shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return shift + np.arange(int(counts.sum()))


def unique(values: IntArray) -> IntArray:
    """Sorted unique values (skips the sort for zero or one value)."""
    return values if values.size < 2 else np.unique(values)


def group_by(keys: IntArray, items: NDArray[Any]) -> list[tuple[int, NDArray[Any]]]:
    """`items` split by `keys`: (key, items with that key) in ascending key order.

    Items keep their order within a group (like `items[keys == k]` for each unique `k`).
    """
    if keys.size == 0:
        return []
    first = keys[0]
    if keys.size == 1 or (keys == first).all():
        return [(int(first), items)]
    order = np.argsort(keys, kind="stable")
    keys, items = keys[order], items[order]
    starts = [0, *(np.flatnonzero(keys[1:] != keys[:-1]) + 1).tolist()]
    ends = [*starts[1:], keys.size]
    return [(int(keys[a]), items[a:b]) for a, b in zip(starts, ends, strict=True)]
