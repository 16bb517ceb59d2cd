"""Tests of School Inspect: the core (tests/app) and the Qt user interface (tests/ui)."""
