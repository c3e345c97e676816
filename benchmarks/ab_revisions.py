"""A/B timing of the model at two git revisions, interleaved, with a check that outputs are identical.

    python benchmarks/ab_revisions.py BASE [--new REV] [--scale region] [--years 5] [--runs 3]

Checks out BASE (and `--new`, default: the working tree) into temporary git worktrees, then runs
one replication of current practice per revision in fresh processes, alternating A, B, A, B, ...
so that the shared machine's noise falls on both alike. Prints the run times, their medians and
the speed-up, and a SHA-256 over all event records (integer columns as 64-bit values, so a narrower
column type hashes alike) and per-family counters of each revision: a pure speed change must leave
them equal.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = """
import hashlib, json, time
import numpy as np
from simulation.model import ChainModel
from simulation.scenario_files import load_scenario
model = ChainModel(load_scenario("current-practice"), scale={scale!r}, years={years}, seed=1)
start = time.perf_counter()
model.run()
seconds = time.perf_counter() - start
digest = hashlib.sha256()
for name, column in model.log.arrays().items():
    digest.update(name.encode())
    if column.dtype.kind in "iu":  # values, not their width: a narrower column holds the same records
        column = column.astype(np.int64)
    digest.update(np.ascontiguousarray(column).tobytes())
for name in ("n_handoffs", "n_professionals", "decision_counter", "in_service", "measure_count", "help_count"):
    digest.update(np.ascontiguousarray(getattr(model.population, name)).tobytes())
print(json.dumps({{"seconds": seconds, "sha256": digest.hexdigest()}}))
"""


def run_once(source: Path, scale: str, years: float) -> dict[str, object]:
    """One replication with the package found in `source`, in a fresh process."""
    code = RUN.format(scale=scale, years=years)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=source,
        env={"PYTHONPATH": str(source)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def worktree(rev: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(into), rev], check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="git revision to compare against (A)")
    parser.add_argument("--new", default=None, help="git revision B (default: the working tree)")
    parser.add_argument("--scale", default="region", choices=["region", "national"])
    parser.add_argument("--years", type=float, default=5.0, help="policy years (+ 1 warm-up year)")
    parser.add_argument("--runs", type=int, default=3, help="runs per revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ab-") as tmp:
        sources = {"A " + args.base: worktree(args.base, Path(tmp) / "a")}
        sources["B " + (args.new or "working tree")] = worktree(args.new, Path(tmp) / "b") if args.new else ROOT
        try:
            results: dict[str, list[dict[str, object]]] = {label: [] for label in sources}
            for _ in range(args.runs):
                for label, source in sources.items():
                    results[label].append(run_once(source, args.scale, args.years))
        finally:
            for source in sources.values():
                if source != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(source)], check=False)
    medians = {}
    for label, runs in results.items():
        seconds = [float(r["seconds"]) for r in runs]  # type: ignore[arg-type]
        medians[label] = statistics.median(seconds)
        digests = {str(r["sha256"])[:16] for r in runs}
        print(f"{label}: {', '.join(f'{s:.2f}' for s in seconds)} s, median {medians[label]:.2f} s, outputs {digests}")
    a, b = medians.values()
    same = len({str(r["sha256"]) for runs in results.values() for r in runs}) == 1
    print(f"speed-up A/B: {a / b:.3f}x; outputs {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
