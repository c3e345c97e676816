"""Write the calibration check into docs/calibration.md (between markers) with a figure."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from simulation.calibration.check import CheckRow, targets_met
from simulation.files import write_text_atomic

START, END = "<!-- check:start -->", "<!-- check:end -->"


def _fmt(value: float) -> str:
    if value != value:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3f}"


def figure(rows: list[CheckRow], path: Path) -> Path:
    """Simulated against observed, per measure, relative to the observed value, with tolerance bands."""
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(rows) + 1.5))
    for i, row in enumerate(rows):
        m = row.measure
        y = len(rows) - 1 - i
        ax.plot([m.low / m.value, m.high / m.value], [y, y], color="#9bbcd6", lw=8, solid_capstyle="butt")
        ax.plot([row.low / m.value, row.high / m.value], [y, y], color="#c2571a", lw=1.5)
        ax.plot(
            row.median / m.value,
            y,
            "o",
            color="#c2571a" if row.within else "black",
            mfc="#c2571a" if row.within else "white",
        )
    ax.axvline(1.0, color="black", lw=0.8)
    ax.set_yticks(
        range(len(rows)), [f"{r.target.id} {r.measure.measure.replace('_', ' ')}" for r in reversed(rows)], fontsize=8
    )
    ax.set_xlabel("simulated / observed (blue band: tolerance; dot: median over seeds; line: range)")
    ax.set_title("Calibration check: the default scenario against the public figures", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _table(rows: list[CheckRow]) -> list[str]:
    lines = [
        "| target | measure | observed (tolerance) | simulated median | range over seeds | within |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        m = row.measure
        lines.append(
            f"| {row.target.id} | {m.measure.replace('_', ' ')} | {_fmt(m.value)} ({_fmt(m.low)}–"
            f"{_fmt(m.high)}) | {_fmt(row.median)} | {_fmt(row.low)}–{_fmt(row.high)} | "
            f"{'yes' if row.within else '**no**'} |"
        )
    return lines


def write_check(rows: list[CheckRow], doc: Path, command: str) -> Path:
    """Replace the check section of `doc` with a table of `rows` and a figure of the targets beside it;
    cross-checks (public figures not fitted) follow in a table of their own."""
    targets = [row for row in rows if row.target.fitted]
    cross_checks = [row for row in rows if not row.target.fitted]
    picture = figure(targets, doc.parent / "figures" / "calibration.png")
    met, total = targets_met(rows)
    lines = [START, "", f"Measured with `{command}`: **{met} of {total} targets within tolerance**.", ""]
    lines += _table(targets)
    lines += ["", f"![calibration check]({picture.relative_to(doc.parent).as_posix()})", ""]
    if cross_checks:
        lines += [
            "Other public figures, not fitted (`simulation/data/cross_checks.yaml`; reported, they never fail",
            "the check), from the same runs:",
            "",
            *_table(cross_checks),
            "",
        ]
    lines.append(END)
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return write_text_atomic(doc, before + "\n".join(lines) + after)


def ratio(rows: list[CheckRow]) -> np.ndarray:
    """Simulated median over observed value per measure."""
    return np.array([r.median / r.measure.value for r in rows])
