"""`samenloop course ...` and `make lab`: bad input gets one clear message (file, value, fix), exit code
2 and no traceback; good input works from a copy of the course."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from course_support import EXERCISES, GENERATED, ROOT, read_nb, write_nb


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course without anything generated."""
    target = tmp_path_factory.mktemp("cli") / "course"
    shutil.copytree(EXERCISES, target, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
    return target


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = dict(os.environ)
    out["SAMENLOOP_EXCHANGE"] = str(tmp_path_factory.mktemp("exchange"))
    out["COLUMNS"] = "200"  # wide tables, so messages are not wrapped
    return out


def cli(samenloop_cmd: list[str], env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*samenloop_cmd, "course", *args], capture_output=True, text=True, env=env, timeout=300)


def source_notebook(course: Path, assignment: str = "en-01-network") -> dict:
    return read_nb(next((course / "source" / assignment).glob("*.ipynb")))


def assert_clear_error(proc: subprocess.CompletedProcess[str], *expected: str) -> None:
    output = proc.stdout + proc.stderr
    assert proc.returncode == 2, f"expected exit code 2, got {proc.returncode}:\n{output}"
    assert "Traceback" not in output, f"no traceback for bad input:\n{output}"
    for text in expected:
        assert text in output, f"expected {text!r} in the message:\n{output}"


def test_import_lists_every_problem_and_imports_nothing(course, env, samenloop_cmd, tmp_path):
    inbox = tmp_path / "inbox"
    good = source_notebook(course)
    write_nb(good, inbox / "anna.ipynb")
    write_nb(good, inbox / "bad name.ipynb")
    (inbox / "broken.ipynb").write_text("{ this is not json", encoding="utf-8")
    write_nb(good, inbox / "piet" / "one.ipynb")
    write_nb(good, inbox / "piet" / "two.ipynb")
    (inbox / "notes.txt").write_text("hello", encoding="utf-8")
    write_nb({**good, "metadata": {}}, inbox / "kees.ipynb")
    proc = cli(samenloop_cmd, env, "import", str(inbox), "--course", str(course))
    assert_clear_error(
        proc,
        "5 file(s) could not be imported; nothing was imported",
        "bad name.ipynb",
        "not a usable trainee id",
        "broken.ipynb",
        "not a readable notebook",
        "more than one notebook",
        "notes.txt",
        "kees.ipynb",
        "--assignment",
        "fix:",
    )
    assert not (course / "submitted").exists(), "nothing is imported when a file has a problem"


def test_import_skip_invalid_imports_the_good_files(course, env, samenloop_cmd, tmp_path):
    inbox = tmp_path / "inbox"
    write_nb(source_notebook(course), inbox / "anna.devries.ipynb")
    write_nb(source_notebook(course, "nl-02-fasen"), inbox / "bram" / "mijn-opdracht.ipynb")
    (inbox / "broken.ipynb").write_text("[]", encoding="utf-8")
    proc = cli(samenloop_cmd, env, "import", str(inbox), "--skip-invalid", "--course", str(course))
    assert_clear_error(proc, "1 file(s) could not be imported; 2 other file(s) were imported", "broken.ipynb")
    assert (course / "submitted" / "anna.devries" / "en-01-network" / "01-network.ipynb").exists()
    assert (course / "submitted" / "anna.devries" / "en-01-network" / "timestamp.txt").exists()
    assert (course / "submitted" / "bram" / "nl-02-fasen" / "02-fasen.ipynb").exists(), "assignment read from metadata"


def test_import_a_platform_zip_with_a_name_pattern(course, env, samenloop_cmd, tmp_path):
    notebook = tmp_path / "jan_4711_assignment.ipynb"
    write_nb({**source_notebook(course), "metadata": {}}, notebook)
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(notebook, "submissions/jan_4711_assignment.ipynb")
    args = ["import", str(archive), "--assignment", "en-06-casusreview", "--pattern", r"^(?P<student>[^_]+)_.*\.ipynb$"]
    proc = cli(samenloop_cmd, env, *args, "--course", str(course))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (course / "submitted" / "jan" / "en-06-casusreview" / "06-casusreview.ipynb").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "/nonexistent/inbox"], ["the submission folder does not exist", "/nonexistent/inbox"]),
        (["import", ".", "--pattern", "(unclosed"], ["not a valid regular expression", "--pattern"]),
        (["import", ".", "--pattern", r".*\.ipynb"], ["no group named 'student'"]),
        (["import", ".", "--assignment", "en-01-netwrk"], ["unknown assignment", "Did you mean 'en-01-network'"]),
        (["autograde", "en-01-netwrk"], ["unknown assignment", "Did you mean 'en-01-network'"]),
        (["autograde", "en-03-handoffs"], ["no submissions to grade", "samenloop course import"]),
        (["feedback", "en-03-handoffs"], ["no graded submissions"]),
    ],
)
def test_bad_input_gets_one_clear_message(course, env, samenloop_cmd, args, expected):
    assert_clear_error(cli(samenloop_cmd, env, *args, "--course", str(course)), *expected)


def test_an_output_path_that_cannot_be_written_is_refused(course, env, samenloop_cmd, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    handout = cli(samenloop_cmd, env, "handout", "--to", str(blocker), "--course", str(course))
    assert_clear_error(handout, "--to", str(blocker), "it is a file, not a directory")
    export = cli(samenloop_cmd, env, "export", "--to", str(tmp_path), "--course", str(course))
    assert_clear_error(export, "--to", str(tmp_path), "it is a directory; give a file name")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_folder_that_is_not_a_course(env, samenloop_cmd, tmp_path):
    assert_clear_error(cli(samenloop_cmd, env, "status", "--course", str(tmp_path)), "not an nbgrader course directory")


def test_generate_handout_and_status(course, env, samenloop_cmd, tmp_path):
    proc = cli(samenloop_cmd, env, "generate", "en-01-network", "--course", str(course))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    release = read_nb(course / "release" / "en-01-network" / "01-network.ipynb")
    assert "BEGIN SOLUTION" not in json.dumps(release), "the student version has no solutions"
    proc = cli(samenloop_cmd, env, "handout", "en-01-network", "--to", str(tmp_path), "--course", str(course))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with zipfile.ZipFile(tmp_path / "en-01-network.zip") as zf:
        assert zf.namelist() == ["en-01-network/01-network.ipynb"]
    proc = cli(samenloop_cmd, env, "release", "en-01-network", "--course", str(course))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(Path(env["SAMENLOOP_EXCHANGE"]).glob("samenloop/outbound/en-01-network/01-network.ipynb"))
    # a trainee fetches and submits through the exchange (what JupyterLab's Assignments tab does) ...
    trainee = tmp_path / "trainee"
    trainee.mkdir()
    nbgrader = [str(Path(sys.executable).with_name("nbgrader"))]
    options = ["--course", "samenloop", f"--Exchange.root={env['SAMENLOOP_EXCHANGE']}"]
    for step in ("fetch_assignment", "submit"):
        done = subprocess.run(
            [*nbgrader, step, "en-01-network", *options], cwd=trainee, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"nbgrader {step}: {done.stdout}{done.stderr}"
    # ... and the trainer collects it
    before = set((course / "submitted").glob("*/en-01-network/01-network.ipynb"))
    proc = cli(samenloop_cmd, env, "collect", "en-01-network", "--course", str(course))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    [collected] = set((course / "submitted").glob("*/en-01-network/01-network.ipynb")) - before
    # ... grades it and returns the feedback through the exchange
    who = collected.parent.parent.name
    proc = cli(samenloop_cmd, env, "autograde", "en-01-network", "--student", who, "--course", str(course))
    assert proc.returncode == 0 and "0 / 10" in proc.stdout, proc.stdout + proc.stderr
    proc = cli(samenloop_cmd, env, "feedback", "en-01-network", "--release", "--course", str(course))
    assert proc.returncode == 0 and "released to the exchange" in proc.stdout, proc.stdout + proc.stderr
    assert list(Path(env["SAMENLOOP_EXCHANGE"]).glob("samenloop/feedback/*.html")), "feedback in the exchange"
    status = cli(samenloop_cmd, env, "status", "--course", str(course))
    assert status.returncode == 0 and "en-01-network" in status.stdout and "nl-06-casusreview" in status.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, token: str | None = None, timeout: float = 5) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""  # not listening yet


def test_make_lab_serves_jupyterlab_on_localhost_with_a_token(course, env, tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = Path(sys.prefix)  # the environment running the tests
    port, token = _free_port(), "course-test-token"
    stamps = [f"-o{venv}/.installed", f"-o{venv}/.installed-course", f"-o{venv}/.python-ok"]  # no reinstall here
    settings = [f"VENV={venv}", f"COURSE={course}", f"LAB_PORT={port}", f"LAB_TOKEN={token}"]
    log = (tmp_path / "lab.log").open("w")
    proc = subprocess.Popen(
        ["make", "-s", *stamps, "lab", *settings],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while _get(f"{base}/api")[0] != 200:
            assert proc.poll() is None, f"JupyterLab stopped:\n{(tmp_path / 'lab.log').read_text()}"
            assert time.monotonic() < deadline, "JupyterLab did not start within 90 s"
            time.sleep(0.5)
        assert _get(f"{base}/api/contents")[0] == 403, "without the token the files are closed"
        assert _get(f"{base}/api/contents", token)[0] == 200, "with the token they are open"
        status, body = _get(f"{base}/lab/api/translations", token)
        assert status == 200 and "nl_NL" in json.loads(body)["data"], "the Dutch language pack is available"
        status, body = _get(f"{base}/formgrader/api/assignments", token, timeout=60)  # creates the gradebook
        assert status == 200 and "en-01-network" in body.decode(), "formgrader runs on this course"
        status, body = _get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin", token)
        assert json.loads(body)["settings"]["locale"] == "nl_NL", "Dutch is the course's language"
        assert not (venv / "share/jupyter/lab/settings/overrides.json").exists(), "make lab must not change the venv"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # make and the server it started (our own process group)
        proc.wait(timeout=30)
        log.close()


def test_a_damaged_submission_is_reported_without_a_traceback(course, env, samenloop_cmd):
    assert cli(samenloop_cmd, env, "generate", "en-02-phases", "--course", str(course)).returncode == 0
    folder = course / "submitted" / "damaged" / "en-02-phases"
    folder.mkdir(parents=True)
    (folder / "02-phases.ipynb").write_text('{"cells": [', encoding="utf-8")
    proc = cli(samenloop_cmd, env, "autograde", "en-02-phases", "--student", "damaged", "--course", str(course))
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, f"a submission that cannot be graded gives exit code 1:\n{output}"
    assert "Traceback" not in output and "not a readable notebook" in output and "02-phases.ipynb" in output, output
    assert "hand it in again" in output, output
