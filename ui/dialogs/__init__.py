"""Dialogs of the main window (schools, teachers, new inspection)."""
