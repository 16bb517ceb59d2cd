"""Tests of the Qt user interface, driven by pytest-qt (offscreen)."""
