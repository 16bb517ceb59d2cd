"""Measures for `python bench/run.py`: each module times one part of the app side by side
with a raw baseline in the same run and returns rows for the table."""
