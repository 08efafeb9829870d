"""`newscrawler deploy`: build the project's egg and upload it to Scrapyd (addversion.json).

The egg is built by setuptools' bdist_egg in a temporary copy of the package, so the checkout gets no build/,
*.egg-info or setup.py. Targets come from scrapy.cfg's [deploy] / [deploy:NAME] sections (as scrapyd-client
reads them) or a URL. Scrapyd's credentials, when it has some, come from $SCRAPYD_USERNAME / $SCRAPYD_PASSWORD.

A job runs from the egg, not from this checkout, so it would not find the checkout's data/ folder by itself:
for a Scrapyd on this machine the egg records this machine's data directory (newscrawler.paths), and jobs then
write to the same store, spool, locks and logs as the CLI. $NEWSCRAWLER_DATA_DIR in Scrapyd's environment
still wins.
"""

from __future__ import annotations

import argparse
import configparser
import ipaddress
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

import newscrawler
from newscrawler.cli.commands import UsageError
from newscrawler.paths import DEPLOYMENT_FILE, checkout_root, data_dir

DEFAULT_URL = "http://127.0.0.1:6800/"
DEFAULT_PROJECT = "newscrawler"
UPLOAD_TIMEOUT = 120
BUILD_TIMEOUT = 300

# The egg's setup script, written into the temporary copy only. The [scrapy] entry point is how Scrapyd finds
# the settings module of an egg.
_SETUP = """\
from setuptools import setup

setup(
    name="newscrawler",
    version={version!r},
    packages={packages!r},
    package_data={package_data!r},
    entry_points={{"scrapy": ["settings = newscrawler.settings"]}},
    zip_safe=True,
)
"""


class DeployError(Exception):
    """The egg could not be built or Scrapyd refused it: one line, exit status 1."""


@dataclass(frozen=True)
class Target:
    url: str
    project: str


def add_arguments(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "deploy", help="build the project's egg and upload it to Scrapyd",
        description="Build the egg (in a temporary folder) and upload it to Scrapyd's addversion.json; then "
                    "schedule crawls with its schedule.json (see README: On demand).",
    )
    p.add_argument("--target", help="Scrapyd URL (http://host:6800/) or a [deploy:NAME] target of scrapy.cfg "
                                    f"(default: scrapy.cfg's [deploy], else {DEFAULT_URL})")
    p.add_argument("--project", help=f"Scrapyd project name (default: the target's, else {DEFAULT_PROJECT})")
    p.add_argument("--egg-version", help="version to upload as (default: the current Unix time, so the newest "
                                         "upload is the one Scrapyd runs)")
    p.add_argument("--data-dir", help="data directory the jobs use unless Scrapyd's environment sets "
                                      "NEWSCRAWLER_DATA_DIR (default: this machine's for a Scrapyd on this "
                                      "machine; none for a remote one)")
    p.set_defaults(func=cmd_deploy)
    return p


def cmd_deploy(args) -> int:
    target = resolve_target(args.target, args.project)
    version = args.egg_version or str(int(time.time()))
    baked = _baked_data_dir(target.url, args.data_dir)
    try:
        egg = build_egg(baked)
        answer = upload_egg(target, version, egg)
    except DeployError as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return 1
    print(f"deployed {target.project} version {version} to {target.url} "
          f"({answer.get('spiders', '?')} spiders, egg {len(egg) // 1024} KB)")
    where = str(baked) if baked else "the data directory of the Scrapyd machine"
    print(f"jobs write to {where} unless Scrapyd's environment sets NEWSCRAWLER_DATA_DIR")
    for name in ("MONGODB_URI", "NEWSCRAWLER_DB", "NEWSCRAWLER_SPOOL", "NEWSCRAWLER_LOCK_DIR"):
        if os.environ.get(name):
            print(f"note: {name} is set here; jobs see it only if Scrapyd's own environment sets it too",
                  file=sys.stderr)
    return 0


# -- targets --------------------------------------------------------------------------------------------------

def _scrapy_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    root = checkout_root()
    if root is not None:
        config.read(root / "scrapy.cfg", encoding="utf-8")
    return config


def resolve_target(target: str | None, project: str | None) -> Target:
    """A URL, a [deploy:NAME] section of the project's scrapy.cfg, or (no target) its [deploy] section."""
    config = _scrapy_cfg()
    if target and "://" in target:
        url, section_project = target, None
    else:
        section = f"deploy:{target}" if target else "deploy"
        if target and not config.has_section(section):
            names = [s.split(":", 1)[1] for s in config.sections() if s.startswith("deploy:")]
            raise UsageError(f"no deploy target {target!r} in scrapy.cfg (targets: {', '.join(names) or 'none'}; "
                             "or give a URL such as http://127.0.0.1:6800/)")
        url = config.get(section, "url", fallback=DEFAULT_URL)
        section_project = config.get(section, "project", fallback=None)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--target must be a Scrapyd http(s) URL, got {url!r}")
    return Target(url=url if url.endswith("/") else url + "/", project=project or section_project or DEFAULT_PROJECT)


def _is_local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _baked_data_dir(url: str, given: str | None) -> Path | None:
    if given:
        return Path(given).expanduser().absolute()
    return data_dir() if _is_local(url) else None


# -- the egg --------------------------------------------------------------------------------------------------

def _package_layout(package_root: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(packages, package_data) of the copied package: every non-Python file (templates, static files) goes
    in with the package folder it sits in."""
    packages, data = [], {}
    for init in sorted(package_root.rglob("__init__.py")):
        packages.append(".".join(init.parent.relative_to(package_root.parent).parts))
    package_dirs = {p: package_root.parent.joinpath(*p.split(".")) for p in packages}
    for path in sorted(package_root.rglob("*")):
        if not path.is_file() or path.suffix == ".py":
            continue
        owner = max((p for p, d in package_dirs.items() if d in path.parents), key=len)
        data.setdefault(owner, []).append(path.relative_to(package_dirs[owner]).as_posix())
    return packages, data


def build_egg(baked_data_dir: Path | None = None) -> bytes:
    """The egg's bytes, built in a temporary folder from the installed package's own files."""
    source = Path(newscrawler.__file__).resolve().parent
    with tempfile.TemporaryDirectory(prefix="newscrawler-egg-") as tmp:
        work = Path(tmp) / "src"
        package = work / "newscrawler"
        shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", DEPLOYMENT_FILE))
        if baked_data_dir is not None:
            (package / DEPLOYMENT_FILE).write_text(json.dumps({"data_dir": str(baked_data_dir)}), encoding="utf-8")
        packages, package_data = _package_layout(package)
        (work / "setup.py").write_text(
            _SETUP.format(version=newscrawler.__version__, packages=packages, package_data=package_data),
            encoding="utf-8",
        )
        dist = Path(tmp) / "dist"
        command = [sys.executable, "setup.py", "-q", "bdist_egg", "--dist-dir", str(dist),
                   "--bdist-dir", str(Path(tmp) / "bdist")]
        try:
            done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                                  env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DeployError(f"building the egg failed: {exc}") from None
        eggs = sorted(dist.glob("*.egg"))
        if done.returncode != 0 or not eggs:
            tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise DeployError(f"building the egg failed (setuptools bdist_egg exit {done.returncode}): {tail}")
        return eggs[0].read_bytes()


# -- upload ---------------------------------------------------------------------------------------------------

def upload_egg(target: Target, version: str, egg: bytes) -> dict:
    """POST the egg to addversion.json; Scrapyd's JSON answer, or DeployError with its message."""
    user, password = os.environ.get("SCRAPYD_USERNAME"), os.environ.get("SCRAPYD_PASSWORD")
    auth = (user, password or "") if user else None
    endpoint = urljoin(target.url, "addversion.json")
    try:
        response = requests.post(
            endpoint, data={"project": target.project, "version": version},
            files={"egg": (f"{target.project}-{version}.egg", egg, "application/octet-stream")},
            auth=auth, timeout=UPLOAD_TIMEOUT,
        )
    except requests.RequestException as exc:
        raise DeployError(f"cannot reach Scrapyd at {target.url}: {exc}") from None
    if response.status_code == 401:
        raise DeployError(f"Scrapyd at {target.url} wants credentials: set SCRAPYD_USERNAME and SCRAPYD_PASSWORD")
    try:
        answer = response.json()
    except ValueError:
        raise DeployError(f"{endpoint} answered HTTP {response.status_code}, not Scrapyd's JSON") from None
    if answer.get("status") != "ok":
        raise DeployError(f"Scrapyd refused the egg: {answer.get('message') or answer}")
    return answer


def main(argv: list[str] | None = None) -> int:
    """`python -m newscrawler.cli.deploy [--target URL] …`: the same command without the main CLI."""
    parser = argparse.ArgumentParser(prog="newscrawler")
    add_arguments(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["deploy", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
