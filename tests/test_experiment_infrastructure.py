"""Experiments at scale: identical results on a Dask cluster; a killed experiment resumes exactly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from simulation.experiments.store import LOCK_NAME, ExperimentStore

ARGS = ["compare", "current-practice", "restructuring", "--years", "0.5", "--warmup-years", "0.25", "--quiet"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(directory: Path) -> dict[str, dict[str, np.ndarray]]:
    store = ExperimentStore(directory)
    out = {}
    for key in sorted(store.done()):
        with np.load(store.runs_dir / f"{key}.npz") as data:
            out[key] = {name: data[name] for name in data.files if name != "inputs"}
    return out


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys(), f"different runs: {sorted(a)} vs {sorted(b)}"
    for key in a:
        for name in a[key]:
            assert np.array_equal(a[key][name], b[key][name], equal_nan=True), f"{key}: {name} differs"


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, samenloop_cmd: list[str]) -> Path:
    out = tmp_path_factory.mktemp("reference") / "cmp"
    subprocess.run([*samenloop_cmd, *ARGS, "--replications", "4", "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture()
def dask_cluster(tmp_path: Path):
    """A scheduler and two workers on 127.0.0.1, started as separate processes."""
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = {name: open(tmp_path / f"{name}.log", "w") for name in ("scheduler", "worker")}  # noqa: SIM115
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", "127.0.0.1:0"],
        stdout=logs["scheduler"],
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [
            dask,
            "worker",
            address,
            "--nworkers",
            "2",
            "--nthreads",
            "1",
            "--host",
            "127.0.0.1",
            "--no-dashboard",
            "--local-directory",
            str(tmp_path / "space"),
        ],
        stdout=logs["worker"],
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in (worker, scheduler):
            os.killpg(process.pid, signal.SIGTERM)
        for process in (worker, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for log in logs.values():
            log.close()


def test_dask_cluster_gives_identical_results(
    dask_cluster: str, reference: Path, tmp_path: Path, samenloop_cmd: list[str]
) -> None:
    out = tmp_path / "on-dask"
    done = subprocess.run(
        [*samenloop_cmd, *ARGS, "--replications", "4", "--address", dask_cluster, "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert_same(load(reference), load(out))


def test_unreachable_cluster_is_a_clear_error(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    done = subprocess.run(
        [*samenloop_cmd, *ARGS, "--replications", "2", "--address", address, "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "cannot reach the Dask scheduler" in done.stderr


@pytest.mark.parametrize("address", ["127.0.0.1:8786", "tcp://127.0.0.1", "tcp://127.0.0.1:port"])
def test_a_malformed_cluster_address_is_refused_before_any_run(
    tmp_path: Path, samenloop_cmd: list[str], address: str
) -> None:
    done = subprocess.run(
        [*samenloop_cmd, *ARGS, "--replications", "2", "--address", address, "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "250"},
        timeout=180,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "not a Dask scheduler address" in done.stderr and address in done.stderr, done.stderr
    assert not (tmp_path / "x").exists(), "the experiment directory was made before the address was checked"


def test_killed_experiment_resumes_without_losing_or_repeating_runs(
    reference: Path, tmp_path: Path, samenloop_cmd: list[str]
) -> None:
    out = tmp_path / "killed"
    process = subprocess.Popen(
        [*samenloop_cmd, *ARGS, "--replications", "4", "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    runs_dir = out / "runs"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(runs_dir.glob("*.npz"))) < 3:
        assert process.poll() is None, "the experiment ended before it could be killed"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert (out / LOCK_NAME).exists(), "the killed process should have left its lock (taken over on resume)"
    finished = {p.name: p.stat().st_mtime_ns for p in runs_dir.glob("*.npz")}
    assert 3 <= len(finished) < 8, f"expected a partly finished experiment, found {len(finished)} runs"

    again = subprocess.run(
        [*samenloop_cmd, *ARGS, "--replications", "4", "--out", str(out)], capture_output=True, text=True, check=False
    )
    assert again.returncode == 2 and "--resume" in again.stderr, "restarting without --resume must refuse"

    resumed = subprocess.run(
        [*samenloop_cmd, *ARGS, "--replications", "4", "--out", str(out), "--resume"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    after = {p.name: p.stat().st_mtime_ns for p in runs_dir.glob("*.npz")}
    assert all(after[name] == mtime for name, mtime in finished.items()), "a finished run was redone"
    assert len(after) == 8 and not list(runs_dir.glob("*.tmp*")), "runs lost, or partial files left"
    assert not (out / LOCK_NAME).exists(), "the lock outlived the experiment"
    assert_same(load(reference), load(out))


def test_runs_of_an_edited_scenario_or_another_model_are_not_resumed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulation.errors import SpecError
    from simulation.experiments import design as design_module
    from simulation.experiments.design import RunSettings, comparison_design

    scenario = tmp_path / "mine.yaml"

    def write(occupancy: float) -> None:
        scenario.write_text(
            "name: mine\nextends: current-practice\noverrides:\n  organisations:\n    youth_protection:\n"
            f"      occupancy_at_start: {occupancy}\n",
            encoding="utf-8",
        )

    write(0.9)
    design = comparison_design([str(scenario), "current-practice"], replications=2, settings=RunSettings(years=0.1))
    store = ExperimentStore(tmp_path / "out")
    store.open({}, design.fingerprint(), resume=False)
    store.open({}, design.fingerprint(), resume=True)  # the same experiment resumes
    write(0.8)
    with pytest.raises(SpecError, match="another experiment"):
        store.open({}, design.fingerprint(), resume=True)
    write(0.9)
    monkeypatch.setattr(design_module, "model_fingerprint", lambda: "another model")
    with pytest.raises(SpecError, match="model version"):
        store.open({}, design.fingerprint(), resume=True)


def test_a_run_being_written_is_not_a_finished_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a run's file is being written (a kill can leave it half written), `done()` must not
    count it: a resumed experiment would skip that run and `load()` would read a partial file."""
    store = ExperimentStore(tmp_path / "out")
    store.runs_dir.mkdir(parents=True)
    seen_while_writing: list[set[str]] = []
    real_replace = os.replace

    def replace_after_looking(source: Path, target: Path) -> None:
        seen_while_writing.append(store.done())
        real_replace(source, target)

    monkeypatch.setattr("simulation.experiments.store.os.replace", replace_after_looking)
    store.save("s00000-a-seed1", {"seed": 1}, {"x": 1.0})
    assert seen_while_writing == [set()]
    assert store.done() == {"s00000-a-seed1"}
    assert store.load()[0]["x"].tolist() == [1.0]


def test_a_second_process_on_the_same_output_directory_is_refused(tmp_path: Path) -> None:
    """While runs are written, another writer (here: this process again) is refused; a lock left by
    a process that no longer runs is taken over; the lock goes when the writer is done."""
    import json

    from simulation.errors import SpecError

    store = ExperimentStore(tmp_path / "out")
    with store.writing():
        with pytest.raises(SpecError) as caught, ExperimentStore(tmp_path / "out").writing():
            pass
        assert f"pid {os.getpid()}" in caught.value.message() and "--out" in caught.value.message()
    assert not (tmp_path / "out" / LOCK_NAME).exists()

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = {"pid": int(ended.stdout), "host": socket.gethostname()}
    (tmp_path / "out" / LOCK_NAME).write_text(json.dumps(stale), encoding="utf-8")
    with store.writing():
        assert json.loads((tmp_path / "out" / LOCK_NAME).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_an_output_path_that_is_a_file_is_a_clear_error_from_python_too(tmp_path: Path) -> None:
    """Notebooks call `run_comparison(out=...)` without the CLI's checks: same message, no run."""
    from simulation.compare import run_comparison
    from simulation.errors import SamenloopError
    from simulation.experiments.design import RunSettings

    taken = tmp_path / "notes.txt"
    taken.write_text("mine", encoding="utf-8")
    with pytest.raises(SamenloopError, match="it is a file, not a directory"):
        run_comparison(
            ["current-practice", "restructuring"], replications=2, out=taken, quiet=True, settings=RunSettings()
        )
    assert taken.read_text(encoding="utf-8") == "mine"


def test_code_left_out_of_the_model_fingerprint_is_not_loaded_by_a_run() -> None:
    """Stored runs are reused under the same fingerprint; the fingerprint leaves out analysis and
    report code (a fix there must not force a rerun). Guard: a run in a fresh process, as a worker
    does it, loads none of that code."""
    code = (
        "import sys, json\n"
        "from simulation.experiments.worker import run_experiment\n"
        "run_experiment('restructuring', 1, 'region', 0.1, 0.05, restructuring__productivity_dip=0.2)\n"
        "files = [getattr(m, '__file__', None) for n, m in sys.modules.items() if n.startswith('simulation')]\n"
        "print(json.dumps(files))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import json

    from simulation.provenance import NOT_IN_FINGERPRINT

    package = Path(__file__).resolve().parents[1] / "simulation"
    loaded = [Path(f).resolve().relative_to(package).as_posix() for f in json.loads(done.stdout.splitlines()[-1]) if f]
    assert len(loaded) > 30, loaded
    left_out = [f for f in loaded if any(f == n or (n.endswith("/") and f.startswith(n)) for n in NOT_IN_FINGERPRINT)]
    assert not left_out, f"a run loads code that the model fingerprint leaves out: {left_out}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_scenario_file_that_changes_during_an_experiment_stops_it_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Workers load scenario files when they run; a file edited since the start (or another version
    on a Dask worker) would silently give runs of another scenario. Here the start saw other
    contents than the workers find: the first run stops the experiment with one message, in the
    worker process too (jobs=2), and nothing is stored under the wrong scenario."""
    from simulation.errors import SamenloopError
    from simulation.experiments import design as design_module
    from simulation.experiments.design import RunSettings, comparison_design
    from simulation.experiments.execute import run_design

    own = tmp_path / "mine.yaml"
    own.write_text("name: mine\nextends: current-practice\n", encoding="utf-8")
    design = comparison_design([str(own), "current-practice"], replications=2, settings=RunSettings(years=0.1))
    started_with = {str(own): "contents at the start", "current-practice": "also other"}
    monkeypatch.setattr(design_module.Design, "scenario_contents", lambda self: started_with)
    store = ExperimentStore(tmp_path / "out")
    with pytest.raises(SamenloopError) as caught:
        run_design(design, store, jobs=jobs, quiet=True)
    message = caught.value.message()
    assert "differs from the one the experiment started with" in message and "--resume" in message, message
    assert not store.done()


def test_a_failed_run_in_a_worker_process_reads_as_one_message() -> None:
    from simulation.experiments.ema import EMAError
    from simulation.experiments.execute import _failed_run

    user = EMAError("Exception in run_model\nCaused by: ScenarioError: /x/a.yaml: it changed\n  fix:     restore it")
    assert _failed_run(user).message() == "a run failed: /x/a.yaml: it changed\n  fix:     restore it"
    bug = _failed_run(EMAError("Exception in run_model\nCaused by: ValueError: boom"))
    assert bug.problem == "a run failed: ValueError: boom" and "--resume" in (bug.fix or "")


def test_a_worker_process_that_dies_is_one_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-run (say by the out-of-memory killer) breaks the pool: the message says
    what happened and what to do, and the finished runs stay."""
    from concurrent.futures.process import BrokenProcessPool

    from simulation.errors import SamenloopError
    from simulation.experiments import evaluators
    from simulation.experiments.design import RunSettings, comparison_design
    from simulation.experiments.execute import run_design

    def dies(self: object, experiments: object, callback: object, **kwargs: object) -> None:
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")

    monkeypatch.setattr(evaluators.ProcessEvaluator, "evaluate_experiments", dies)
    design = comparison_design(["current-practice", "restructuring"], replications=2, settings=RunSettings(years=0.1))
    with pytest.raises(SamenloopError) as caught:
        run_design(design, ExperimentStore(tmp_path / "out"), jobs=2, quiet=True)
    assert "a worker process died" in caught.value.message() and "--resume" in caught.value.message()
