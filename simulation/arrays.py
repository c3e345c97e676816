"""Array type aliases used in signatures (ids may be stored as int32 or int64)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.integer[Any]]
FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]

_SMALL = 16  # below this many elements plain Python beats numpy's per-call overhead


def add_at(target: NDArray[Any], index: IntArray | tuple[IntArray, IntArray], value: Any = 1) -> None:
    """`target[index] += value`, counting repeated indices (like `np.add.at`, faster for small batches)."""
    if isinstance(index, tuple):  # a pair of index arrays into a matrix
        np.add.at(target, index, value)
        return
    n = len(index)
    if n == 0:
        return
    if n > _SMALL:
        np.add.at(target, index, value)
    elif np.ndim(value) == 0:
        for i in index.tolist():
            target[i] += value
    else:
        for i, v in zip(index.tolist(), np.asarray(value).tolist(), strict=True):
            target[i] += v


def unique(values: IntArray) -> IntArray:
    """Sorted unique values (skips the sort for zero or one value)."""
    return values if values.size < 2 else np.unique(values)
