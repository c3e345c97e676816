"""Writing files so that a reader never sees half of one, and checking output paths up front."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from simulation.errors import SamenloopError


def write_text_atomic(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def output_directory(path: Path, option: str = "--out") -> Path:
    """`path` checked as an output directory before any work is done: it is a directory or can be
    made one, and files can be written there (so no computed result is lost at the end).

    Raises:
        SamenloopError: naming the option, the path and the reason.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise _cannot_write(path, option, "it is a file, not a directory")
    _check_writable(path if path.is_dir() else path.parent, path, option)
    return path


def output_file(path: Path, option: str) -> Path:
    """`path` checked as a file to write before any work is done (see `output_directory`)."""
    path = Path(path)
    if path.is_dir():
        raise _cannot_write(path, option, "it is a directory; give a file name")
    _check_writable(path.parent, path, option)
    return path


def _check_writable(folder: Path, path: Path, option: str) -> None:
    blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise _cannot_write(path, option, f"{blocking} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise _cannot_write(path, option, exc.strerror or str(exc)) from None


def _cannot_write(path: Path, option: str, reason: str) -> SamenloopError:
    return SamenloopError(
        f"cannot write the output here: {reason}",
        field=option,
        value=str(path),
        fix=f"choose with {option} a path in a folder you can write to",
    )
