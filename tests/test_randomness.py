"""Randomness: named streams and keyed draws (common random numbers)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from simulation.randomness import RandomStreams, stable_hash


def test_stable_hash_is_the_same_in_another_process() -> None:
    here = stable_hash("incident_gap")
    code = "from simulation.randomness import stable_hash; print(stable_hash('incident_gap'))"
    there = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert here == there, f"expected {here} in a new process, got {there}"


def test_keyed_scalar_and_vector_paths_agree() -> None:
    streams = RandomStreams(5)
    families = np.arange(40)
    counters = families % 7
    vector = streams.keyed_array("severity", families, counters)
    scalar = np.array([streams.keyed("severity", int(f), int(c)) for f, c in zip(families, counters, strict=True)])
    small = np.concatenate(
        [streams.keyed_array("severity", families[i : i + 3], counters[i : i + 3]) for i in range(0, 40, 3)]
    )
    assert np.array_equal(vector, scalar), "vectorised and scalar keyed draws differ"
    assert np.array_equal(vector, small), "small-batch keyed draws differ from large-batch ones"


def test_keyed_draws_are_uniform_and_independent_of_other_families() -> None:
    streams = RandomStreams(1)
    u = streams.keyed_array("signal", np.arange(200_000), 0)
    assert 0.495 < u.mean() < 0.505, f"mean of uniforms {u.mean():.4f}, expected 0.5"
    assert u.min() >= 0.0 and u.max() < 1.0
    one = streams.keyed_array("signal", np.array([123]), 0)
    assert one[0] == u[123], "a family's draw depends on which other families are drawn with it"


def test_keyed_matrix_matches_separate_streams() -> None:
    streams = RandomStreams(9)
    fam = np.arange(25)
    matrix = streams.keyed_matrix(("a", "b"), fam, 3)
    assert np.array_equal(matrix[0], streams.keyed_array("a", fam, 3))
    assert np.array_equal(matrix[1], streams.keyed_array("b", fam, 3))


def test_named_streams_do_not_shift_each_other() -> None:
    a, b = RandomStreams(3), RandomStreams(3)
    a.stream("other").random(1000)  # consuming another stream first must not matter
    assert np.array_equal(a.stream("risk_walk").random(5), b.stream("risk_walk").random(5))
    assert not np.array_equal(RandomStreams(3).stream("x").random(5), RandomStreams(4).stream("x").random(5))


def test_two_decisions_about_one_family_in_a_batch_get_different_draws() -> None:
    from simulation.families import FamilyPopulation
    from simulation.parameters import Scenario

    pop = FamilyPopulation(Scenario().population, 1 / 26, 1, 400, RandomStreams(3), n_services=15)
    u = pop.draws("decision", np.array([5, 7, 5, 5]))
    assert len({u[0], u[2], u[3]}) == 3, f"repeated family got repeated draws: {u}"
    assert pop.decision_counter[5] == 3 and pop.decision_counter[7] == 1
    single = FamilyPopulation(Scenario().population, 1 / 26, 1, 400, RandomStreams(3), n_services=15)
    assert single.draws("decision", np.array([5]))[0] == u[0], "the first decision keeps its draw"


def test_decision_counters_agree_for_a_few_and_for_many_families() -> None:
    from simulation.families import _FEW, FamilyPopulation
    from simulation.parameters import Scenario

    def population() -> FamilyPopulation:
        return FamilyPopulation(Scenario().population, 1 / 26, 1, 400, RandomStreams(3), n_services=15)

    families = np.tile([5, 7, 5, 9, 5, 7], 12)  # 72 decisions, families repeated within the batch
    assert families.size > _FEW
    in_one_batch, in_small_batches = population(), population()
    many = in_one_batch.draws("decision", families)
    few = np.concatenate([in_small_batches.draws("decision", families[i : i + 4]) for i in range(0, 72, 4)])
    assert np.array_equal(many, few), "a batch's draws depend on how the batch was split"
    assert np.array_equal(in_one_batch.decision_counter, in_small_batches.decision_counter)
    assert in_one_batch.decision_counter[5] == 36
