"""Queues against queueing theory, and the caseload's slots."""

from __future__ import annotations

import math

import numpy as np

from simulation.queues import Caseload, JobQueue


def erlang_c_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean waiting time in an M/M/c queue (Erlang C)."""
    a = arrival_rate / service_rate
    rho = a / servers
    top = a**servers / math.factorial(servers) / (1 - rho)
    p_wait = top / (sum(a**k / math.factorial(k) for k in range(servers)) + top)
    return p_wait / (servers * service_rate - arrival_rate)


def simulate(
    queue: JobQueue, rate: float, mean_hours: float, days: int, seed: int, p_acute: float = 0.0
) -> dict[int, list[float]]:
    """Poisson arrivals with exponential hours; returns waits by priority."""
    rng = np.random.default_rng(seed)
    waits: dict[int, list[float]] = {0: [], 1: []}
    arrivals: dict[int, float] = {}
    priorities: dict[int, int] = {}
    job = 0
    for day in range(days):
        n = rng.poisson(rate)
        for t in np.sort(rng.uniform(day, day + 1, n)):
            priority = 0 if rng.random() < p_acute else 1
            queue.push(float(t), priority, job, float(rng.exponential(mean_hours)))
            arrivals[job], priorities[job] = float(t), priority
            job += 1
        started: list[tuple[int, float, float]] = []
        queue.serve(day + 1.0, started)
        for j, start, _ in started:
            if day > 100:  # skip the start-up
                waits[priorities[j]].append(start - arrivals[j])
    return waits


def test_job_queue_matches_erlang_c() -> None:
    servers, rate, mean_hours = 3, 2.4, 1.0  # utilisation 0.8
    queue = JobQueue(0, 0, 0, days_per_hour=1.0)
    queue.set_servers(servers, 0.0)
    waits = simulate(queue, rate, mean_hours, days=60_000, seed=1)[1]
    expected = erlang_c_wait(rate, 1.0 / mean_hours, servers)
    observed = float(np.mean(waits))
    assert abs(observed - expected) / expected < 0.05, (
        f"M/M/3 at utilisation 0.8: Erlang C mean wait {expected:.4f} days, simulated {observed:.4f}"
    )


def test_acute_jobs_go_first() -> None:
    queue = JobQueue(0, 0, 0, days_per_hour=1.0)
    queue.set_servers(2, 0.0)
    waits = simulate(queue, 1.8, 1.0, days=20_000, seed=2, p_acute=0.2)
    acute, normal = np.mean(waits[0]), np.mean(waits[1])
    assert acute < 0.5 * normal, f"acute jobs waited {acute:.3f} days, normal jobs {normal:.3f}"


def test_no_servers_means_no_service_and_no_loss() -> None:
    queue = JobQueue(0, 0, 0)
    for j in range(5):
        queue.push(0.1 * j, 1, j, 2.0)
    started: list[tuple[int, float, float]] = []
    queue.serve(1.0, started)
    assert started == [] and len(queue) == 5, "jobs must wait (not vanish) when nobody is present"
    queue.set_servers(5, 1.0)
    queue.serve(2.0, started)
    assert sorted(j for j, _, _ in started) == [0, 1, 2, 3, 4]
    assert all(start == 1.0 for _, start, _ in started)


def test_caseload_respects_slots_and_order() -> None:
    caseload = Caseload(0, 0, 0, capacity=2)
    for j, (t, p) in enumerate([(0.1, 1), (0.2, 1), (0.3, 0), (0.4, 1)]):
        caseload.push(t, p, j)
    started: list[tuple[int, float]] = []
    caseload.admit(0.0, 1.0, started)
    assert [j for j, _ in started] == [2, 0], f"acute first, then first come: got {started}"
    caseload.release(0)
    caseload.admit(1.0, 2.0, started)
    assert [j for j, _ in started][2:] == [1], f"a freed slot goes to the next in line: {started}"
    assert len(caseload.active) == 2 and len(caseload) == 1
