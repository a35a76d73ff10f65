"""Provides where kith's files are: the config file and the database in force.

Apart from the config's parsing so that ``kith find``'s light path can find the database
without importing every section's checks when there is no config file to check.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kith"


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_path(cli_path: str | None = None) -> Path:
    """Return the config file in force: ``--config``, ``$KITH_CONFIG``, or the default."""
    if cli_path:
        return Path(cli_path).expanduser()
    if os.environ.get("KITH_CONFIG"):
        return Path(os.environ["KITH_CONFIG"]).expanduser()
    return default_config_path()


def database_file(cli_path: str | None, configured: str | None) -> Path:
    """The database in force: ``--db``, ``$KITH_DB``, the config's ``database``, or the default."""
    for candidate in (cli_path, os.environ.get("KITH_DB"), configured):
        if candidate:
            return Path(candidate).expanduser()
    return default_data_dir() / "kith.db"
