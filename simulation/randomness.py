"""Randomness: one run seed, named streams, and keyed draws for common random numbers.

All randomness in a run flows from a single integer seed. Two kinds of draws exist:

* **Named streams** (`RandomStreams.stream(name)`): a `numpy.random.Generator` per
  stochastic process, seeded from the run seed and a stable hash of the stream's name
  (as Starsim does). Switching on a mechanism that consumes its own stream never shifts
  the draws of another stream.
* **Keyed draws** (`RandomStreams.keyed(name, family, counter)`): a uniform number that is a
  pure function of (seed, stream name, family id, counter) - a counter-based generator
  (SplitMix64 finaliser). The k-th incident of family 17 gets the same severity draw in
  every scenario run with the same seed, whatever happened to other families. This is what
  makes scenario differences come from policy, not noise (common random numbers).

Nothing here touches global random state.
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

_MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_COUNTER_STRIDE = 0xD6E8FEB86659FD93
_TO_UNIT = 1.0 / float(1 << 53)


@cache
def stable_hash(name: str) -> int:
    """A 64-bit hash of a stream name that is identical across processes and machines.

    Python's built-in `hash` is salted per process, so it cannot be used for seeding.
    """
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "little")


def _splitmix64_scalar(x: int) -> int:
    """SplitMix64 step (used to derive stream keys)."""
    x = (x + _GOLDEN) & _MASK64
    x = ((x ^ (x >> 30)) * _MIX1) & _MASK64
    x = ((x ^ (x >> 27)) * _MIX2) & _MASK64
    return x ^ (x >> 31)


_U_GOLDEN = np.uint64(_GOLDEN)
_U_STRIDE = np.uint64(_COUNTER_STRIDE)
_U_MIX1 = np.uint64(_MIX1)
_U_MIX2 = np.uint64(_MIX2)
_U30, _U27, _U31, _U11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
_SMALL = 10  # below this many draws, plain Python is faster than numpy (measured)


def _mix_in_place(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """SplitMix64 finaliser, in place (wrap-around multiplication is intended)."""
    x ^= x >> _U30
    x *= _U_MIX1
    x ^= x >> _U27
    x *= _U_MIX2
    x ^= x >> _U31
    return x


def _keyed_list(key: int, families: list[int], counters: ArrayLike) -> list[float]:
    """`RandomStreams.keyed` for a few families, with the stream's key already derived."""
    counts = [int(counters)] * len(families) if np.ndim(counters) == 0 else np.asarray(counters).tolist()  # type: ignore[arg-type]
    out = []
    for family, counter in zip(families, counts, strict=True):
        x = (family * _GOLDEN + counter * _COUNTER_STRIDE + key) & _MASK64
        x = ((x ^ (x >> 30)) * _MIX1) & _MASK64
        x = ((x ^ (x >> 27)) * _MIX2) & _MASK64
        out.append(((x ^ (x >> 31)) >> 11) * _TO_UNIT)
    return out


class RandomStreams:
    """All random numbers of one run, derived from `seed`.

    Args:
        seed: the run seed (any non-negative integer).
    """

    def __init__(self, seed: int) -> None:
        if seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {seed}")
        self.seed = int(seed)
        self._streams: dict[str, np.random.Generator] = {}
        self._keys: dict[str, int] = {}
        self._ukeys: dict[str, np.uint64] = {}

    def stream(self, name: str) -> np.random.Generator:
        """The generator of the stochastic process called `name` (created on first use)."""
        generator = self._streams.get(name)
        if generator is None:
            sequence = np.random.SeedSequence([self.seed, stable_hash(name)])
            generator = np.random.Generator(np.random.PCG64(sequence))
            self._streams[name] = generator
        return generator

    def key(self, name: str) -> int:
        """The 64-bit key of a keyed stream: a function of seed and name only."""
        key = self._keys.get(name)
        if key is None:
            key = _splitmix64_scalar(_splitmix64_scalar(self.seed) ^ stable_hash(name))
            self._keys[name] = key
        return key

    def _ukey(self, name: str) -> np.uint64:
        """`key(name)` as a numpy scalar (cached: converting it costs as much as a small draw)."""
        ukey = self._ukeys.get(name)
        if ukey is None:
            ukey = self._ukeys[name] = np.uint64(self.key(name))
        return ukey

    def keyed(self, name: str, family: int, counter: int = 0) -> float:
        """A uniform number in [0, 1) fixed by (seed, name, family, counter)."""
        return _keyed_list(self.key(name), [family], counter)[0]

    def keyed_array(self, name: str, families: ArrayLike, counters: ArrayLike = 0) -> NDArray[np.float64]:
        """Vectorised `keyed`: one uniform per (family, counter) pair; identical values."""
        fam = np.asarray(families)
        if fam.size < _SMALL:
            return np.array(_keyed_list(self.key(name), fam.tolist(), counters), dtype=float)
        x = fam.astype(np.uint64)
        x *= _U_GOLDEN
        x += np.asarray(counters).astype(np.uint64) * _U_STRIDE
        x += self._ukey(name)
        _mix_in_place(x)
        x >>= _U11
        return (x * _TO_UNIT).astype(np.float64, copy=False)

    def keyed_matrix(self, names: tuple[str, ...], families: ArrayLike, counters: ArrayLike = 0) -> NDArray[np.float64]:
        """`keyed_array` for several streams at once: shape (len(names), len(families))."""
        fam = np.asarray(families)
        if fam.size * len(names) < _SMALL:
            return np.array([self.keyed_array(name, fam, counters) for name in names]).reshape(len(names), fam.size)
        base = fam.astype(np.uint64) * _U_GOLDEN
        base += np.asarray(counters).astype(np.uint64) * _U_STRIDE
        keys = np.array([self._ukey(name) for name in names])[:, None]
        x = base[None, :] + keys
        _mix_in_place(x)
        x >>= _U11
        return (x * _TO_UNIT).astype(np.float64, copy=False)

    def keyed_exponential(self, name: str, families: ArrayLike, counters: ArrayLike = 0) -> NDArray[np.float64]:
        """Unit-rate exponential variates fixed by (seed, name, family, counter)."""
        return -np.log1p(-self.keyed_array(name, families, counters))
