"""``python -m generator`` runs the ``explainer`` command line."""

import sys

from generator.cli import main

sys.exit(main())
