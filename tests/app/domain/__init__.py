"""Tests of templates, answers and scoring (app/domain)."""
