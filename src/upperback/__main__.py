"""Run the command line: ``python -m upperback``."""

import sys

from .cli import main

sys.exit(main())
