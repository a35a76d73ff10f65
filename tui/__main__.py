"""Provides ``python -m kith.tui``: the same entry point as the ``kith`` command."""

import sys

from kith.tui.cli.main import main, run_app  # noqa: F401 (tests and scripts import main from here)

if __name__ == "__main__":
    sys.exit(main())
