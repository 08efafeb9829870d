"""Crontab lines for unattended crawls: flock against overlap, a rotated log, explicit environment."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from newscrawler.paths import resolve as resolve_paths
from newscrawler.timezone import convert_wall_time, display_zone, machine_zone, zone_label

_INTERVAL = re.compile(r"^\s*(\d+)\s*([mhd])\s*$", re.I)
_AT = re.compile(r"^(?:(\d{1,2}))?:(\d{2})$")
#: Variables a crawl reads; carried into the cron line because cron starts with an empty environment.
CARRIED_ENV = ("MONGODB_URI", "MONGODB_DATABASE", "NEWSCRAWLER_DB", "NEWSCRAWLER_USER_AGENT", "NEWSCRAWLER_SPOOL",
               "NEWSCRAWLER_DATA_DIR", "NEWSCRAWLER_LOCK_DIR")
#: Of those, the paths: a relative one is taken from the project folder, as the line changes into it.
PATH_ENV = ("NEWSCRAWLER_DB", "NEWSCRAWLER_SPOOL", "NEWSCRAWLER_DATA_DIR", "NEWSCRAWLER_LOCK_DIR")


def marker(site: str) -> str:
    return f"# newscrawler:{site}"


def _interval(every: str) -> tuple[int, str]:
    match = _INTERVAL.match(every or "")
    if not match:
        raise ValueError(f"bad interval {every!r}: use minutes, hours or days like 30m, 2h, 1d")
    return int(match.group(1)), match.group(2).lower()


def local_at(at: str | None, machine: tzinfo | None = None) -> tuple[int, int]:
    """--at HH:MM is a wall time in the display zone (WIB by default); cron reads the machine's clock."""
    hour, minute = _parse_at(at)
    if not at:
        return hour, minute
    return convert_wall_time(hour, minute, display_zone(), machine or machine_zone())


def cron_timing(every: str, at: str | None = None, machine: tzinfo | None = None) -> str:
    """`30m` -> `*/30 * * * *`; `2h` -> `0 */2 * * *`; `1d --at 05:30` -> `30 5 * * *` on a WIB machine,
    `30 22 * * *` on a UTC one (05:30 WIB is 22:30 UTC)."""
    n, unit = _interval(every)
    hour, minute = local_at(at, machine)
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
              project_dir: str | os.PathLike | None = None, env: dict[str, str] | None = None,
              env_file: str | os.PathLike | None = None, machine: tzinfo | None = None) -> str:
    """The crontab line; `at` is a wall time in the display zone, turned into `machine`'s (this machine's).
    With `env_file` the line reads MONGODB_URI (and anything else) from that file when
    it runs, so the credentials stay out of the crontab."""
    timing = cron_timing(every, at, machine)
    job = _job(site, extra, project_dir, env, env_file)
    source = f"set -a && . {shlex.quote(str(job.env_file))} && set +a && " if job.env_file else ""
    carried = " ".join(f"{name}={shlex.quote(value)}" for name, value in job.env.items())
    command = (
        f"cd {shlex.quote(str(job.root))} && {source}"
        f"mkdir -p {shlex.quote(str(job.log.parent))} {shlex.quote(str(job.lock.parent))} && "
        f"flock -n {shlex.quote(str(job.lock))} env {carried} {job.executable} "
        f"{' '.join(shlex.quote(c) for c in job.crawl)}"
    )
    # The shell ignores what follows `#`; it tells the reader which WIB time the machine-local timing is.
    note = f"# {_when(every, at)} " if at else ""
    # cron turns an unescaped % in the command into a newline (crontab(5)); quoting does not protect it.
    return f"{timing} {command.replace('%', chr(92) + '%')} {note}{marker(site)}"


@dataclass
class Job:
    """What a scheduled run does, whichever scheduler starts it."""

    root: Path
    executable: str
    crawl: list[str]
    env: dict[str, str]
    env_file: Path | None
    log: Path
    lock: Path


def _job(site: str, extra: list[str] | None, project_dir: str | os.PathLike | None,
         env: dict[str, str] | None, env_file: str | os.PathLike | None) -> Job:
    root = Path(project_dir or os.getcwd()).resolve()
    env = dict(os.environ if env is None else env)
    source = (root / env_file).resolve() if env_file else None
    if source:
        env.pop("MONGODB_URI", None)
    for name in PATH_ENV:
        if env.get(name):
            env[name] = str((root / env[name]).resolve())
    carried = {name: env[name] for name in CARRIED_ENV if env.get(name)}
    data = resolve_paths(env, checkout=project_dir)
    if not source and not env.get("MONGODB_URI") and not env.get("NEWSCRAWLER_DB"):
        carried["NEWSCRAWLER_DB"] = str(data.db_path)
    if os.environ.get("NEWSCRAWLER_TZ"):
        carried["NEWSCRAWLER_TZ"] = os.environ["NEWSCRAWLER_TZ"]
    log = data.log_dir / f"{site}.log"
    return Job(root=root, executable=_executable(root), crawl=["crawl", site, "--log-file", str(log), *(extra or [])],
               env=carried, env_file=source, log=log, lock=data.lock_dir / f"{site}.cron.lock")


def _when(every: str, at: str | None) -> str:
    zone = display_zone()
    hour, minute = _parse_at(at)
    n, unit = _interval(every)
    label = f"{zone_label(zone)} ({zone.key})"
    if at and at.strip().startswith(":"):
        return f"every {every} at minute {minute:02d}"
    return f"every {every} from {hour:02d}:{minute:02d} {label}" if unit == "h" and n < 24 else \
        f"daily at {hour:02d}:{minute:02d} {label}"


def systemd_units(site: str, every: str, at: str | None = None, extra: list[str] | None = None,
                  project_dir: str | os.PathLike | None = None, env: dict[str, str] | None = None,
                  env_file: str | os.PathLike | None = None) -> dict[str, str]:
    """A oneshot service + timer for machines without cron: {file name: text}. A timer never starts a
    service that is still running, so no flock is needed; OnCalendar names the display zone itself."""
    job = _job(site, extra, project_dir, env, env_file)
    unit = f"newscrawler-{re.sub(r'[^A-Za-z0-9_.-]', '-', site)}"
    lines = ["[Unit]", f"Description=newscrawler crawl of {site}", "", "[Service]", "Type=oneshot",
             f"WorkingDirectory={job.root}"]
    if job.env_file:
        lines.append(f"EnvironmentFile={job.env_file}")
    # systemd's Environment= takes "NAME=value" quoted as a whole; % is its specifier character.
    lines += [f'Environment="{name}={value}"'.replace("%", "%%") for name, value in job.env.items()]
    lines.append(f"ExecStartPre=/bin/mkdir -p {job.log.parent}")
    lines.append(f"ExecStart={job.executable} {' '.join(shlex.quote(c) for c in job.crawl)}".replace("%", "%%"))
    service = "\n".join(lines) + "\n"
    timer = "\n".join([
        "[Unit]", f"Description=newscrawler crawl of {site}, {_when(every, at) if at else 'every ' + every}", "",
        "[Timer]", f"OnCalendar={systemd_calendar(every, at)}", "Persistent=true", "", "[Install]",
        "WantedBy=timers.target",
    ]) + "\n"
    return {f"{unit}.service": service, f"{unit}.timer": timer}


def systemd_calendar(every: str, at: str | None = None) -> str:
    """OnCalendar= for the interval, in the display zone (systemd >= 235 reads a zone name at the end)."""
    n, unit = _interval(every)
    cron_timing(every, at, display_zone())  # the same validation as the crontab line
    hour, minute = _parse_at(at)
    zone = display_zone().key
    if unit == "m":
        return f"*-*-* *:00/{n}:00 {zone}"
    if unit == "h" and n < 24:
        return f"*-*-* {hour % n:02d}/{n}:{minute:02d}:00 {zone}"
    return f"*-*-* {hour:02d}:{minute:02d}:00 {zone}"


_URI_IN_LINE = re.compile(r"MONGODB_URI=('[^']*'|\S+)")


def masked(line: str) -> str:
    """A crontab line (or message) fit for the screen: the MongoDB URI without password, path or options."""
    from newscrawler.store.common import mask_uri, scrub_secrets

    def hide(match: re.Match) -> str:
        value = match.group(1).strip("'").replace("\\%", "%")
        return f"MONGODB_URI={shlex.quote(mask_uri(value))}"

    line = _URI_IN_LINE.sub(hide, line)
    # Whatever else quoted the URI (an error from crontab, say) loses its secrets too.
    return scrub_secrets(line, os.environ.get("MONGODB_URI"))


def _executable(root: Path) -> str:
    """The project's own console script when it is there, else this interpreter running the CLI module."""
    script = root / ".venv" / "bin" / "newscrawler"
    if script.exists():
        return str(script)
    found = shutil.which("newscrawler")
    return found or f"{sys.executable} -m newscrawler.cli"


def _crontab() -> list[str]:
    return shlex.split(os.environ.get("NEWSCRAWLER_CRONTAB", "crontab"))


class CrontabMissing(ValueError):
    """No `crontab` program on this machine."""


def _run_crontab(args: list[str], text: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([*_crontab(), *args], input=text, capture_output=True, text=True, check=False)
    except (FileNotFoundError, PermissionError) as exc:
        raise CrontabMissing(
            "the crontab program is not installed: 'sudo apt-get install cron' (Debian/Ubuntu) installs it, "
            "or use 'newscrawler schedule SITE --every ... --systemd' for a systemd timer"
        ) from exc


def read_crontab() -> list[str]:
    done = _run_crontab(["-l"])
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise ValueError(f"crontab -l failed: {done.stderr.strip()}")
    return done.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    text = "\n".join(lines).rstrip("\n") + "\n" if lines else ""
    done = _run_crontab(["-"], text)
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
