"""Cron lines and idempotent crontab editing (through a crontab stand-in on a temp file)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newscrawler.cli import schedule

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    "every, at, timing",
    [
        ("30m", None, "*/30 * * * *"),
        ("15m", None, "*/15 * * * *"),
        ("1h", None, "0 * * * *"),
        ("1h", ":20", "20 * * * *"),
        ("2h", None, "0 */2 * * *"),
        ("6h", "03:10", "10 3-23/6 * * *"),
        ("1d", None, "0 0 * * *"),
        ("1d", "05:30", "30 5 * * *"),
        ("24h", "05:30", "30 5 * * *"),
    ],
)
def test_cron_timing(every: str, at: str | None, timing: str) -> None:
    assert schedule.cron_timing(every, at, machine=JAKARTA) == timing


@pytest.mark.parametrize(
    "every, at, zone, timing",
    [
        ("1d", "05:30", "UTC", "30 22 * * *"),             # 05:30 WIB is 22:30 UTC the day before
        ("1d", "05:30", "Asia/Makassar", "30 6 * * *"),    # WITA is an hour ahead of WIB
        ("1d", "06:00", "Asia/Kolkata", "30 4 * * *"),     # half-hour offsets move the minute
        ("6h", "03:10", "UTC", "10 2-23/6 * * *"),         # 03:10 WIB = 20:10 UTC; every 6h from there
        ("1h", ":20", "UTC", "20 * * * *"),
        ("30m", None, "Asia/Kolkata", "*/30 * * * *"),
    ],
)
def test_at_is_wib_whatever_the_machine_zone(every: str, at: str, zone: str, timing: str) -> None:
    assert schedule.cron_timing(every, at, machine=ZoneInfo(zone)) == timing


def test_at_follows_newscrawler_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCRAWLER_TZ", "UTC")
    assert schedule.cron_timing("1d", "05:30", machine=JAKARTA) == "30 12 * * *"


def test_line_says_the_wib_time_in_a_comment(tmp_path: Path) -> None:
    line = schedule.cron_line("suara.com", "1d", "05:30", project_dir=tmp_path, env={}, machine=ZoneInfo("UTC"))
    assert line.startswith("30 22 * * * cd ")
    assert line.endswith("# daily at 05:30 WIB (Asia/Jakarta) # newscrawler:suara.com")
    # the comment is the shell's: the command itself ends before it
    command = line.split(" ", 5)[5]
    assert subprocess.run(["sh", "-n", "-c", command], check=False).returncode == 0


@pytest.mark.parametrize(
    "every, at", [("45m", None), ("0m", None), ("5h", None), ("2d", None), ("soon", None), ("1d", "25:00"),
                  ("30m", "05:00"), ("1d", "5 am")],
)
def test_bad_intervals(every: str, at: str | None) -> None:
    with pytest.raises(ValueError):
        schedule.cron_timing(every, at)


def test_line_uses_flock_log_and_explicit_environment(tmp_path: Path) -> None:
    env = {"MONGODB_URI": "mongodb://db.internal:27017", "MONGODB_DATABASE": "news"}
    line = schedule.cron_line("suara.com", "30m", project_dir=tmp_path, env=env)
    assert line.startswith("*/30 * * * * cd ")
    assert f"flock -n {tmp_path}/data/locks/suara.com.cron.lock" in line
    assert "env MONGODB_URI=mongodb://db.internal:27017 MONGODB_DATABASE=news " in line
    assert f"crawl suara.com --log-file {tmp_path}/data/logs/suara.com.log" in line
    assert line.endswith("# newscrawler:suara.com")


def test_line_defaults_to_embedded_store_path(tmp_path: Path) -> None:
    line = schedule.cron_line("suara.com", "1d", "05:00", project_dir=tmp_path, env={})
    assert f"NEWSCRAWLER_DB={tmp_path}/data/newscrawler.db" in line


@pytest.fixture
def fake_crontab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for crontab(1) keeping the table in a file: `-l` prints it, `-` replaces it."""
    table = tmp_path / "crontab.txt"
    script = tmp_path / "crontab"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        f"p = pathlib.Path({str(table)!r})\n"
        "if sys.argv[1] == '-l':\n"
        "    if not p.exists():\n"
        "        sys.stderr.write('no crontab for root\\n'); sys.exit(1)\n"
        "    sys.stdout.write(p.read_text())\n"
        "else:\n"
        "    p.write_text(sys.stdin.read())\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("NEWSCRAWLER_CRONTAB", str(script))
    return table


def test_install_is_idempotent_and_remove_keeps_other_lines(fake_crontab: Path, tmp_path: Path) -> None:
    fake_crontab.write_text("MAILTO=ops@example.org\n0 1 * * * backup\n")
    line = schedule.cron_line("suara.com", "30m", project_dir=tmp_path, env={})
    assert schedule.install("suara.com", line) is True
    assert schedule.install("suara.com", line) is False
    assert fake_crontab.read_text().count("# newscrawler:suara.com") == 1
    newer = schedule.cron_line("suara.com", "2h", project_dir=tmp_path, env={})
    assert schedule.install("suara.com", newer) is True
    lines = fake_crontab.read_text().splitlines()
    assert lines[:2] == ["MAILTO=ops@example.org", "0 1 * * * backup"]
    assert lines[2] == newer and len(lines) == 3
    assert schedule.remove("suara.com") == 1
    assert fake_crontab.read_text().splitlines() == ["MAILTO=ops@example.org", "0 1 * * * backup"]


def test_cli_schedule_prints_and_installs(fake_crontab: Path, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "newscrawler.cli", "schedule", "suara", "--every", "30m"]
    env = {**os.environ, "NEWSCRAWLER_CRONTAB": os.environ["NEWSCRAWLER_CRONTAB"]}
    env.pop("MONGODB_URI", None)
    printed = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert printed.startswith("*/30 * * * * ") and "flock -n" in printed
    installed = subprocess.run([*cmd, "--install"], capture_output=True, text=True, env=env, check=True)
    assert installed.stdout.startswith("installed: ")
    again = subprocess.run([*cmd, "--install"], capture_output=True, text=True, env=env, check=True)
    assert again.stdout.startswith("already installed: ")
    bad = subprocess.run([*cmd[:-1], "45m"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_rotate_log(tmp_path: Path) -> None:
    log = tmp_path / "suara.com.log"
    log.write_text("x" * 100)
    schedule.rotate_log(log, max_bytes=50, keep=2)
    assert not log.exists() and (tmp_path / "suara.com.log.1").exists()
    log.write_text("y" * 100)
    schedule.rotate_log(log, max_bytes=50, keep=2)
    assert (tmp_path / "suara.com.log.2").read_text() == "x" * 100


def test_remove_needs_only_the_site(fake_crontab: Path, tmp_path: Path) -> None:
    line = schedule.cron_line("suara.com", "1d", "05:30", project_dir=tmp_path, env={})
    fake_crontab.write_text(f"0 1 * * * backup\n{line}\n")
    done = subprocess.run([sys.executable, "-m", "newscrawler.cli", "schedule", "suara", "--remove"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "removed 1 crontab line(s) for suara.com"
    assert fake_crontab.read_text().splitlines() == ["0 1 * * * backup"]
    missing = subprocess.run([sys.executable, "-m", "newscrawler.cli", "schedule", "suara"],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "--every" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("action", [["--install"], ["--remove"]])
def test_no_crontab_program_is_one_line_with_the_fix(tmp_path: Path, action: list[str]) -> None:
    env = {**os.environ, "NEWSCRAWLER_CRONTAB": str(tmp_path / "no-such-crontab")}
    env.pop("MONGODB_URI", None)
    done = subprocess.run([sys.executable, "-m", "newscrawler.cli", "schedule", "suara", "--every", "1h", *action],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "apt-get install cron" in done.stderr
    if action == ["--install"]:  # the line is still printed, to install by other means
        assert done.stdout.startswith("0 * * * * cd ") and "# newscrawler:suara.com" in done.stdout


def test_systemd_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCRAWLER_TZ", raising=False)
    env = {"MONGODB_URI": "mongodb://scraper:hunter2@db.internal/", "NEWSCRAWLER_USER_AGENT": "bot 100%"}
    units = schedule.systemd_units("suara.com", "1d", "05:30", extra=["--max-articles", "200"],
                                   project_dir=tmp_path, env=env)
    service, timer = units["newscrawler-suara.com.service"], units["newscrawler-suara.com.timer"]
    assert "Type=oneshot" in service and f"WorkingDirectory={tmp_path.resolve()}" in service
    assert 'Environment="NEWSCRAWLER_USER_AGENT=bot 100%%"' in service  # % is systemd's specifier
    assert "crawl suara.com --log-file" in service and "--max-articles 200" in service
    assert "OnCalendar=*-*-* 05:30:00 Asia/Jakarta" in timer and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer
    assert schedule.systemd_calendar("30m") == "*-*-* *:00/30:00 Asia/Jakarta"
    assert schedule.systemd_calendar("6h", "03:10") == "*-*-* 03/6:10:00 Asia/Jakarta"


def test_cli_systemd_masks_credentials(tmp_path: Path) -> None:
    env = {**os.environ, "MONGODB_URI": "mongodb://scraper:hunter2@db.internal/"}
    done = subprocess.run([sys.executable, "-m", "newscrawler.cli", "schedule", "suara", "--every", "2h",
                           "--systemd"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "hunter2" not in done.stdout and "scraper:***@db.internal" in done.stdout
    assert "[Timer]" in done.stdout and "systemctl --user enable --now newscrawler-suara.com.timer" in done.stdout
    if shutil.which("systemd-analyze"):
        calendar = next(x for x in done.stdout.splitlines() if x.startswith("OnCalendar=")).split("=", 1)[1]
        assert subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True).returncode == 0
