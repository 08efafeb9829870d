"""Crontab lines for unattended crawls: flock against overlap, a rotated log, explicit environment."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

_INTERVAL = re.compile(r"^\s*(\d+)\s*([mhd])\s*$", re.I)
_AT = re.compile(r"^(?:(\d{1,2}))?:(\d{2})$")
#: Variables a crawl reads; carried into the cron line because cron starts with an empty environment.
CARRIED_ENV = ("MONGODB_URI", "MONGODB_DATABASE", "NEWSCRAWLER_DB", "NEWSCRAWLER_USER_AGENT", "NEWSCRAWLER_SPOOL")


def marker(site: str) -> str:
    return f"# newscrawler:{site}"


def cron_timing(every: str, at: str | None = None) -> str:
    """`30m` -> `*/30 * * * *`; `2h` -> `0 */2 * * *`; `1d --at 05:30` -> `30 5 * * *`."""
    match = _INTERVAL.match(every or "")
    if not match:
        raise ValueError(f"bad interval {every!r}: use minutes, hours or days like 30m, 2h, 1d")
    n, unit = int(match.group(1)), match.group(2).lower()
    hour, minute = _parse_at(at)
    if unit == "m":
        if n <= 0 or n >= 60 or 60 % n:
            raise ValueError(f"bad interval {every!r}: minutes must divide an hour (5m, 10m, 15m, 20m, 30m)")
        if at:
            raise ValueError("--at does not apply to intervals under an hour")
        return f"*/{n} * * * *" if n > 1 else "* * * * *"
    if unit == "h":
        if n <= 0 or n > 24 or 24 % n:
            raise ValueError(f"bad interval {every!r}: hours must divide a day (1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h)")
        if n == 24:
            return f"{minute} {hour} * * *"
        first = hour % n
        hours = "*" if n == 1 else (f"*/{n}" if first == 0 else f"{first}-23/{n}")
        return f"{minute} {hours} * * *"
    if n != 1:
        raise ValueError(f"bad interval {every!r}: use 1d for daily runs (or hours such as 12h)")
    return f"{minute} {hour} * * *"


def _parse_at(at: str | None) -> tuple[int, int]:
    if not at:
        return 0, 0
    match = _AT.match(at.strip())
    if not match:
        raise ValueError(f"bad --at {at!r}: use HH:MM (05:30) or :MM (:15)")
    hour, minute = int(match.group(1) or 0), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValueError(f"bad --at {at!r}: hour 0-23, minute 0-59")
    return hour, minute


def cron_line(site: str, every: str, at: str | None = None, extra: list[str] | None = None,
              project_dir: str | os.PathLike | None = None, env: dict[str, str] | None = None) -> str:
    timing = cron_timing(every, at)
    root = Path(project_dir or os.getcwd()).resolve()
    env = dict(os.environ if env is None else env)
    executable = _executable(root)
    carried = []
    for name in CARRIED_ENV:
        value = env.get(name)
        if value:
            if name == "NEWSCRAWLER_DB":
                value = str((root / value).resolve())
            carried.append(f"{name}={shlex.quote(value)}")
    if not env.get("MONGODB_URI") and not env.get("NEWSCRAWLER_DB"):
        carried.append(f"NEWSCRAWLER_DB={shlex.quote(str(root / 'data/newscrawler.db'))}")
    log = root / "data" / "logs" / f"{site}.log"
    lock = root / "data" / "locks" / f"{site}.cron.lock"
    crawl = ["crawl", site, "--log-file", str(log), *(extra or [])]
    command = (
        f"cd {shlex.quote(str(root))} && mkdir -p data/logs data/locks && "
        f"flock -n {shlex.quote(str(lock))} env {' '.join(carried)} {executable} "
        f"{' '.join(shlex.quote(c) for c in crawl)}"
    )
    return f"{timing} {command} {marker(site)}"


def _executable(root: Path) -> str:
    """The project's own console script when it is there, else this interpreter running the CLI module."""
    script = root / ".venv" / "bin" / "newscrawler"
    if script.exists():
        return str(script)
    found = shutil.which("newscrawler")
    return found or f"{sys.executable} -m newscrawler.cli"


def _crontab() -> list[str]:
    return shlex.split(os.environ.get("NEWSCRAWLER_CRONTAB", "crontab"))


def read_crontab() -> list[str]:
    try:
        done = subprocess.run([*_crontab(), "-l"], capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise ValueError("the crontab program is not installed (apt-get install cron)") from exc
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise ValueError(f"crontab -l failed: {done.stderr.strip()}")
    return done.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    text = "\n".join(lines).rstrip("\n") + "\n" if lines else ""
    done = subprocess.run([*_crontab(), "-"], input=text, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ValueError(f"crontab - failed: {done.stderr.strip()}")


def install(site: str, line: str) -> bool:
    """Add or replace the site's line; False when exactly that line is already there."""
    lines = read_crontab()
    if line in lines:
        return False
    kept = [existing for existing in lines if not existing.rstrip().endswith(marker(site))]
    write_crontab([*kept, line])
    return True


def remove(site: str) -> int:
    lines = read_crontab()
    kept = [existing for existing in lines if not existing.rstrip().endswith(marker(site))]
    if len(kept) != len(lines):
        write_crontab(kept)
    return len(lines) - len(kept)


def rotate_log(path: str | os.PathLike, max_bytes: int = 5 * 1024 * 1024, keep: int = 5) -> None:
    """Before a run: log.N-1 -> log.N ... log -> log.1 once the log passes max_bytes."""
    log = Path(path)
    if not log.exists() or log.stat().st_size < max_bytes:
        return
    for i in range(keep - 1, 0, -1):
        older = log.with_name(f"{log.name}.{i}")
        if older.exists():
            older.replace(log.with_name(f"{log.name}.{i + 1}"))
    log.replace(log.with_name(f"{log.name}.1"))
