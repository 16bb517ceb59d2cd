"""Entry point of the frozen app (PyInstaller): the same `school-inspect` command line; with
no command it starts the desktop window."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
