"""Tests of ui/pages/ (pages)."""
