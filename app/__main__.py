"""`python -m app` runs the same command line as the `school-inspect` script."""

import sys

from app.cli import main

sys.exit(main())
