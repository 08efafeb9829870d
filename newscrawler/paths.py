"""Where newscrawler keeps its data: one data directory for the store, spool, locks and logs.

Every crawl — `newscrawler crawl`, cron, `scrapy crawl`, a Scrapyd job — must find the same files whatever
folder it was started in, so nothing here depends on the working directory. The data directory is:

1. ``$NEWSCRAWLER_DATA_DIR`` when set;
2. else the folder recorded in the egg by ``newscrawler deploy --data-dir`` (a Scrapyd job: see
   newscrawler/cli/deploy.py), so a job on this machine writes where the CLI does;
3. else ``data/`` of the checkout when the package runs from one (``pyproject.toml`` beside the package);
4. else ``$XDG_DATA_HOME/newscrawler`` (``~/.local/share/newscrawler``) for an installed package.

Inside it: ``newscrawler.db`` (SQLite store), ``spool/``, ``locks/`` (cron's flock; store locks live beside the
store, see newscrawler.store.store_identity) and ``logs/``. The older variables still move one path each:
``NEWSCRAWLER_DB``, ``NEWSCRAWLER_SPOOL``, ``NEWSCRAWLER_LOCK_DIR``.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: Written into a deployed egg by `newscrawler deploy`: {"data_dir": "/abs/path"}.
DEPLOYMENT_FILE = "deployment.json"
_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache  # fixed for the life of the process: where the package was imported from
def checkout_root() -> Path | None:
    """The project folder when the package runs from a checkout (not from an egg or site-packages)."""
    root = _PACKAGE_DIR.parent
    pyproject = root / "pyproject.toml"
    try:
        if pyproject.is_file() and 'name = "newscrawler"' in pyproject.read_text(encoding="utf-8"):
            return root
    except OSError:
        return None
    return None


@functools.cache
def deployed_data_dir() -> Path | None:
    """The data directory `newscrawler deploy` recorded in this egg, if any."""
    try:
        text = resources.files("newscrawler").joinpath(DEPLOYMENT_FILE).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    try:
        value = json.loads(text).get("data_dir")
    except (ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def _user_data_home(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "newscrawler"


def _absolute(value: str | os.PathLike) -> Path:
    # A relative value given in the environment means "from where I typed it", as for any path option.
    return Path(value).expanduser().absolute()


@dataclass(frozen=True)
class DataPaths:
    """The data directory and what lives in it, after the environment's overrides."""

    data_dir: Path
    db_path: Path
    spool_dir: Path
    lock_dir: Path
    log_dir: Path


def resolve(environ: Mapping[str, str] | None = None, checkout: str | os.PathLike | None = None) -> DataPaths:
    """Every data path for `environ` (default os.environ). `checkout` names the project folder whose data/
    is the default data directory (default: the checkout this package runs from, if any)."""
    env = os.environ if environ is None else environ
    if env.get("NEWSCRAWLER_DATA_DIR"):
        data = _absolute(env["NEWSCRAWLER_DATA_DIR"])
    elif checkout is not None:
        data = _absolute(checkout) / "data"
    else:
        root = checkout_root()
        data = deployed_data_dir() or (root / "data" if root else _user_data_home(env))
    return DataPaths(
        data_dir=data,
        db_path=_absolute(env["NEWSCRAWLER_DB"]) if env.get("NEWSCRAWLER_DB") else data / "newscrawler.db",
        spool_dir=_absolute(env["NEWSCRAWLER_SPOOL"]) if env.get("NEWSCRAWLER_SPOOL") else data / "spool",
        lock_dir=_absolute(env["NEWSCRAWLER_LOCK_DIR"]) if env.get("NEWSCRAWLER_LOCK_DIR") else data / "locks",
        log_dir=data / "logs",
    )


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    return resolve(environ).data_dir


def db_path(environ: Mapping[str, str] | None = None) -> Path:
    """The embedded (SQLite) store: $NEWSCRAWLER_DB, else DATA_DIR/newscrawler.db."""
    return resolve(environ).db_path


def spool_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where records wait while the store is down: $NEWSCRAWLER_SPOOL, else DATA_DIR/spool."""
    return resolve(environ).spool_dir


def lock_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$NEWSCRAWLER_LOCK_DIR, else DATA_DIR/locks (cron's flock files)."""
    return resolve(environ).lock_dir


def lock_dir_override(environ: Mapping[str, str] | None = None) -> Path | None:
    """$NEWSCRAWLER_LOCK_DIR when set: it moves the store locks too (which otherwise belong to the store)."""
    env = os.environ if environ is None else environ
    return _absolute(env["NEWSCRAWLER_LOCK_DIR"]) if env.get("NEWSCRAWLER_LOCK_DIR") else None


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    """DATA_DIR/logs: the per-site logs of cron runs and Scrapyd jobs."""
    return resolve(environ).log_dir
