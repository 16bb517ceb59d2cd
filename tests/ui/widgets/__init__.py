"""Tests of ui/widgets/ (shared widgets)."""
