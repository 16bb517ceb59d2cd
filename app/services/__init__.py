"""Use cases shared by the command line and the desktop app.

Each mutating call runs in one transaction and returns a `Changes` value saying what it
touched, so a window can refresh only what changed.
"""
