"""The `school-inspect` command line: headless use for the district office and scripts.

Built on the same services as the desktop app. Exit 0 on success; otherwise non-zero with one
line on stderr saying what is wrong. `--json` gives machine-readable output.
"""

from app.cli.main import main

__all__ = ["main"]
