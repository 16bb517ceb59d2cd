"""Tests of ui/dialogs/ (dialogs)."""
