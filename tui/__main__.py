"""Provides ``python -m kith.tui``: the same entry point as the ``kith`` command."""


from kith.tui.cli.main import entry, main, run_app  # noqa: F401 (tests and scripts import main from here)

if __name__ == "__main__":
    entry()
