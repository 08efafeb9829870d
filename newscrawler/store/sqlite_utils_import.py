"""Importing sqlite-utils without pandas and numpy.

sqlite-utils imports pandas and numpy when they are installed (pandas is, for `DataStore.to_dataframe`), only to
map their scalar types to column types when it creates tables from rows. Our tables are declared, and our rows
never hold those types, yet the two imports cost every command and every crawl about half a second of start-up.
They are hidden while sqlite-utils loads; a later `import pandas` (a data frame asked for) works as usual.
"""

from __future__ import annotations

import sys

_HEAVY = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _HEAVY if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
