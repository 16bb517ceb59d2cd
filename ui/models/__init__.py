"""Thin Qt item models over rows that Qt-free state objects (ui/state) load."""
