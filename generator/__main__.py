"""``python -m generator`` runs the ``explainer`` command line."""

import sys

from generator.cli import main

if __name__ == "__main__":  # not when a Dask worker process imports this module (spawn)
    sys.exit(main())
