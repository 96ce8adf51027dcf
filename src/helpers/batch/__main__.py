"""``python -m helpers.batch``: the same as ``python -m helpers batch``."""

import sys

from helpers.batch.cli import main

if __name__ == "__main__":
    sys.exit(main())
