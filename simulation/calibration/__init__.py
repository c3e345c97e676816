"""Calibration of the default scenario to public Dutch figures (FIGURES.md §A)."""
