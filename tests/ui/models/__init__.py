"""Tests of ui/models/ (item models)."""
