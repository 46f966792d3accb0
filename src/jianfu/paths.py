"""Where the program finds its bundled resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "jianfu"
DATABASE_FILENAME = "jianfu.sqlite3"


def resources_dir() -> Path:
    """The folder holding checklists, schema, fonts, translations and sample data.

    Looked up in order: ``JIANFU_RESOURCES``; a PyInstaller bundle; the source tree
    (editable installs, tests); the ``jianfu.resources`` package of a wheel install.
    """
    override = os.environ.get("JIANFU_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    source_tree = package.parents[1] / "resources"
    if (source_tree / "checklists").is_dir():
        return source_tree
    return package / "resources"


def data_dir() -> Path:
    """The user's data folder: ``JIANFU_HOME`` or the platform's user data directory."""
    override = os.environ.get("JIANFU_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def cache_dir() -> Path:
    """Derived data that can always be rebuilt (e.g. parsed checklists)."""
    override = os.environ.get("JIANFU_HOME")
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
