"""Tests of ui/runner/ (inspection runner)."""
