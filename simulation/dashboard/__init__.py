"""The classroom dashboard (issue 6): a live, visual chain model for trainers, built on Mesa's SolaraViz.

Modules: `session` (the classroom model: one run, or two side by side in lockstep), `series`
(incremental per-day view numbers), `views`, `charts`, `network`, `journey` (what is shown,
without Solara), `i18n` (Dutch and English), `app` (the Solara page), `assets` (Solara's page
assets from the npm registry) and `launcher` (`samenloop dashboard`). Only `app` imports Solara.
"""
