"""Entry point for ``python -m helpers``."""

import gc
import sys

from helpers.cli import main

status = main()
# Everything the command loaded (compiled dictionaries: hundreds of thousands of
# objects) is about to go: keep it out of the garbage collector's passes at exit,
# which would otherwise scan it all again (a third of a second on one-row scoring).
gc.freeze()
sys.exit(status)
