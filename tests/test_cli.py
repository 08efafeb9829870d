"""The `newscrawler` command: extract, bad input, read-only commands on an empty or unreachable store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from crawlkit import run_cli

GOLDEN = Path(__file__).parent / "golden" / "suara.com"
SEED_HTML = GOLDEN / "seed-article.html"
SEED = json.loads((GOLDEN / "seed-article.expected.json").read_text())
DEAD_MONGO = {"MONGODB_URI": "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300"}


def assert_one_line_error(done, code: int = 2, contains: str = "") -> None:
    assert done.returncode == code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert contains in done.stderr


def test_extract_reproduces_the_seed(tmp_path: Path) -> None:
    done = run_cli(["extract", "--url", SEED["url"], str(SEED_HTML)], tmp_path)
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert datetime.fromisoformat(article.pop("published_at")) == datetime.fromisoformat(SEED["published_at"])
    assert datetime.fromisoformat(article.pop("modified_at")) == datetime.fromisoformat(SEED["modified_at"])
    for key, value in SEED.items():
        if key not in ("published_at", "modified_at"):
            assert article[key] == value, key


def test_extract_from_stdin_with_site(tmp_path: Path) -> None:
    done = run_cli(["extract", "--site", "suara", "--url", SEED["url"], "-"], tmp_path, input=SEED_HTML.read_text())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == SEED["title"]


def test_extract_not_an_article_prints_json_error(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><body><nav><a href='/a'>A</a></nav></body></html>")
    done = run_cli(["extract", "--url", "https://www.suara.com/indeks", str(page)], tmp_path)
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"] == "not_an_article"


@pytest.mark.parametrize(
    "args, contains",
    [
        (["extract", "--url", SEED["url"], "/no/such/file.html"], "cannot read /no/such/file.html"),
        (["extract", "--site", "nosuchsite", "--url", SEED["url"], str(SEED_HTML)], "unknown site 'nosuchsite'"),
        (["extract", "--url", "not a url", str(SEED_HTML)], "--url must be an http(s) URL"),
        (["crawl", "nosuchsite"], "unknown site 'nosuchsite'"),
        (["crawl", "suara.com", "--since", "kemarin lusa entah"], "--since"),
        (["crawl", "suara.com", "--since", "2026-10-10", "--until", "2026-10-01"], "--since must be before --until"),
        (["crawl", "suara.com", "--max-articles", "0"], "must be greater than 0"),
        (["crawl", "suara.com", "--mirror", "ftp://x"], "--mirror must be an http:// URL"),
        (["query", "--limit", "0"], "must be greater than 0"),
        (["query", "--limit", "-3"], "must be greater than 0"),
        (["query", "--since", "31/31/2026"], "--since"),
        (["query", "--format", "xml"], "invalid choice"),
        (["query", "--bogus", "1"], "unrecognized arguments"),
        (["schedule", "suara.com", "--every", "7x"], "bad interval"),
        (["popular", "suara.com", "--list", "nope"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args: list[str], contains: str, tmp_path: Path) -> None:
    assert_one_line_error(run_cli(args, tmp_path, {"NEWSCRAWLER_DB": str(tmp_path / "x.db")}), 2, contains)


@pytest.mark.parametrize("args", [["query"], ["show", SEED["url"]], ["runs"], ["popular", "suara.com"],
                                  ["related", SEED["url"]], ["export", "--format", "jsonl"]])
def test_read_commands_fail_in_one_line_when_store_is_unreachable(args: list[str], tmp_path: Path) -> None:
    assert_one_line_error(run_cli(args, tmp_path, DEAD_MONGO), 5, "unreachable")


def test_reading_a_missing_embedded_store_does_not_create_one(tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "none.db")}
    assert_one_line_error(run_cli(["query"], tmp_path, env), 2, "no embedded store at")
    assert not (tmp_path / "none.db").exists()


def test_unknown_url_for_show_and_related(tmp_path: Path) -> None:
    from newscrawler.store import open_store

    env = {"NEWSCRAWLER_DB": str(tmp_path / "empty.db")}
    open_store(path=env["NEWSCRAWLER_DB"]).close()
    assert_one_line_error(run_cli(["show", "https://www.suara.com/none"], tmp_path, env), 2, "no stored article")
    assert_one_line_error(run_cli(["related", "https://www.suara.com/none"], tmp_path, env), 2, "no stored article")


def test_sites_lists_suara(tmp_path: Path) -> None:
    done = run_cli(["sites", "--json"], tmp_path)
    (suara,) = [s for s in json.loads(done.stdout) if s["key"] == "suara.com"]
    assert "https://www.suara.com/sitemap.xml" in suara["sitemaps"]


# -- numbers and environment that are user mistakes: one line, status 2, nothing fetched ---------------------


@pytest.mark.parametrize("args", [
    ["query", "--since", "99999999d"],
    ["query", "--until", "9999999999999999999999h"],
    ["crawl", "suara.com", "--since", "99999999d"],
    ["query", "--limit", str(10**20)],
    ["export", "--format", "jsonl", "--limit", "9" * 5000],
    ["runs", "--limit", str(2**63)],
    ["crawl", "suara.com", "--recheck-days", str(10**30)],
    ["crawl", "suara.com", "--max-articles", str(10**20)],
    ["demo", "--port", "99999"],
    ["demo", "--port", "-1"],
    ["serve", "--port", "70000"],
])
def test_out_of_range_numbers_are_one_line_and_status_2(args: list[str], tmp_path: Path) -> None:
    assert_one_line_error(run_cli(args, tmp_path, {"NEWSCRAWLER_DB": str(tmp_path / "x.db")}), 2)


BAD_ENV = [
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_TIMEOUT_MS": "-1"}, "MONGODB_TIMEOUT_MS"),
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_DATABASE": "news/crawler"}, "MONGODB_DATABASE"),
    ({"MONGODB_URI": "mongodb://scraper:hunter2@127.0.0.1:1:2:3/"}, "MONGODB_URI"),
    ({"MONGODB_URI": "mongodb://scraper:hunter2@[::1"}, "MONGODB_URI"),
]


@pytest.mark.parametrize(("env", "contains"), BAD_ENV)
@pytest.mark.parametrize("args", [["crawl", "suara.com", "--mirror", "http://127.0.0.1:9"], ["query"]])
def test_bad_store_settings_are_status_2_without_secrets(args, env, contains, tmp_path: Path) -> None:
    done = run_cli(args, tmp_path, env)
    assert_one_line_error(done, 2, contains)
    assert "hunter2" not in done.stderr + done.stdout
    assert not (tmp_path / "data").exists()  # refused before any lock, spool or log was made


def test_unwritable_places_are_status_2(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    db = {"NEWSCRAWLER_DB": str(tmp_path / "x.db")}
    crawl = ["crawl", "suara.com", "--mirror", "http://127.0.0.1:9"]
    assert_one_line_error(run_cli([*crawl, "--log-file", str(blocker / "c.log")], tmp_path, db), 2, "--log-file")
    assert_one_line_error(run_cli([*crawl, "--jobdir", str(blocker / "job")], tmp_path, db), 2, "--jobdir")
    locked = run_cli(crawl, tmp_path, {**db, "NEWSCRAWLER_LOCK_DIR": str(blocker / "locks")})
    assert_one_line_error(locked, 2, "lock folder")


def test_crawl_lock_is_keyed_on_the_store_not_the_folder(tmp_path: Path) -> None:
    from newscrawler.crawl.runner import site_lock
    from newscrawler.store import store_identity

    env = {"NEWSCRAWLER_DB": str(tmp_path / "shared.db")}
    other = tmp_path / "elsewhere"
    other.mkdir()
    with site_lock("suara.com", store_identity(env)):
        done = run_cli(["crawl", "suara.com", "--mirror", "http://127.0.0.1:9"], other, env)
    assert done.returncode == 3 and "another crawl of suara.com is running" in done.stderr
    assert str(tmp_path / ".newscrawler-locks") in done.stderr


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    from newscrawler.store import open_store

    env = {"NEWSCRAWLER_DB": str(tmp_path / "e.db")}
    open_store(path=env["NEWSCRAWLER_DB"]).close()
    target = tmp_path / "precious.jsonl"
    target.write_text("keep me\n")
    for args in (["export", "--format", "jsonl", "-o", str(target)], ["graph", "-o", str(target)]):
        assert_one_line_error(run_cli(args, tmp_path, env), 2, "--force")
        assert target.read_text() == "keep me\n"
    done = run_cli(["export", "--format", "jsonl", "-o", str(target), "--force"], tmp_path, env)
    assert done.returncode == 0 and target.read_text() == ""


def test_unreachable_mongo_errors_never_show_the_password(tmp_path: Path) -> None:
    env = {"MONGODB_URI": "mongodb://scraper:hunter2@127.0.0.1:1/?serverSelectionTimeoutMS=300&authSource=admin"}
    for args in (["query"], ["runs"], ["spool", "replay"]):
        done = run_cli(args, tmp_path, env)
        assert_one_line_error(done, 5, "unreachable")
        assert "hunter2" not in done.stderr + done.stdout and "scraper:***@127.0.0.1:1" in done.stderr


def test_help_documents_every_exit_status(tmp_path: Path) -> None:
    text = run_cli(["--help"], tmp_path).stdout
    for code in range(6):
        assert f"\n  {code}  " in text


# -- crawl's generic form and sites ----------------------------------------------------------------------

GENERIC_SITE = Path(__file__).parent / "fixtures" / "generic-site"


@pytest.mark.parametrize(
    "args, contains",
    [
        (["crawl", "https://"], "not a site URL with a host name"),
        (["crawl", "http:///berita/satu"], "not a site URL with a host name"),
        (["crawl", "ftp://example.id/"], "not a site URL with a host name"),
        (["crawl", "https://localhost/"], "not a site URL with a host name"),
        (["crawl", "example-tanpa-profil.id"], "unknown site 'example-tanpa-profil.id'"),
        (["crawl", "https://www.contoh.id/", "--sitemap", "sitemap.xml"], "--sitemap/--rss take http(s) URLs"),
    ],
)
def test_crawl_bad_site_is_one_line_and_status_2(args: list[str], contains: str, tmp_path: Path) -> None:
    assert_one_line_error(run_cli(args, tmp_path, {"NEWSCRAWLER_DB": str(tmp_path / "x.db")}), 2, contains)
    assert not (tmp_path / "x.db").exists()


def test_crawl_url_of_a_known_site_uses_its_profile(tmp_path: Path) -> None:
    from newscrawler.crawl.mirror import MirrorServer

    from crawlkit import DEMO

    env = {"NEWSCRAWLER_DB": str(tmp_path / "k.db")}
    with MirrorServer(DEMO) as mirror:
        done = run_cli(["crawl", "https://jakarta.suara.com/", "--mirror", mirror.base_url, "--max-articles", "2",
                        "--no-follow-related", "--summary"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert "jakarta.suara.com belongs to suara.com: crawling it with the suara.com profile" in done.stderr
    assert done.stdout.startswith("suara.com: finished")


def test_extract_on_a_host_without_a_profile_uses_the_generic_profile(tmp_path: Path) -> None:
    path = "/read/77120/warga-bantaran-kali-gotong-royong-bersihkan-sampah"
    page = GENERIC_SITE / "www.beritacontoh.id" / path.strip("/") / "index.html"
    done = run_cli(["extract", "--url", f"https://www.beritacontoh.id{path}", str(page)], tmp_path)
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["site"] == "beritacontoh.id"
    assert article["title"] == "Warga Bantaran Kali Gotong Royong Bersihkan Sampah"
    assert datetime.fromisoformat(article["published_at"]) == datetime.fromisoformat("2026-11-22T07:45:00+07:00")
    assert article["authors"] == ["Rina Wulandari"]
    video = GENERIC_SITE / "www.beritacontoh.id" / "video/2026/11/26/cuplikan-banjir-rob-di-pesisir-utara/index.html"
    done = run_cli(["extract", "--url", "https://www.beritacontoh.id/video/2026/11/26/cuplikan", str(video)], tmp_path)
    assert done.returncode == 1 and json.loads(done.stdout)["error"] == "not_an_article"


def test_sites_shows_every_profile_and_generic(tmp_path: Path) -> None:
    from newscrawler.sites import PROFILES

    done = run_cli(["sites", "--json"], tmp_path)
    assert done.returncode == 0, done.stderr
    described = {d["key"]: d for d in json.loads(done.stdout)}
    assert set(PROFILES) | {"generic"} <= set(described)
    for key, cls in PROFILES.items():
        assert described[key]["hosts"] and described[key]["spider"] == cls.spider_name()
        assert described[key]["sitemaps"] or described[key]["rss"] or described[key]["index_pages"], key
    assert "crawl https://" in described["generic"]["name"]
    text = run_cli(["sites"], tmp_path).stdout
    assert "suara.com  (Suara.com; spider: suara; hosts: suara.com)" in text
    assert "    index page: https://www.suara.com/indeks?page={page}" in text
    assert text.rstrip().splitlines()[-4].startswith("generic  (any other news site")


def test_crontab_line_escapes_percent_signs(tmp_path: Path) -> None:
    from newscrawler.cli import schedule

    env = {"NEWSCRAWLER_DB": "data/100%-news.db", "NEWSCRAWLER_USER_AGENT": "bot (50% off)"}
    line = schedule.cron_line("suara.com", "30m", extra=["--since", "2d"], project_dir=tmp_path, env=env)
    command = line.split(" ", 5)[5]
    # cron reads every unescaped % as a newline: each one must carry a backslash.
    assert command.count("%") == 2 and command.count("\\%") == 2


def test_schedule_output_hides_mongo_credentials(tmp_path: Path) -> None:
    table = tmp_path / "crontab.txt"
    fake = tmp_path / "crontab"
    fake.write_text("#!/bin/sh\nif [ \"$1\" = -l ]; then cat " + str(table) + " 2>/dev/null || "
                    "{ echo 'no crontab for x' >&2; exit 1; }; else cat > " + str(table) + "; fi\n")
    fake.chmod(0o755)
    env = {"MONGODB_URI": "mongodb://scraper:hunter2@db.internal:27017/?authSource=admin&tls=true",
           "NEWSCRAWLER_CRONTAB": str(fake)}
    for args in (["schedule", "suara.com", "--every", "1h"], ["schedule", "suara.com", "--every", "1h", "--install"]):
        done = run_cli(args, tmp_path, env)
        assert done.returncode == 0, done.stderr
        assert "hunter2" not in done.stdout + done.stderr and "scraper:***@db.internal:27017" in done.stdout
    # The installed line has to carry the real URI: cron starts with an empty environment.
    assert "hunter2" in table.read_text()


def test_schedule_env_file_keeps_credentials_out_of_the_line(tmp_path: Path) -> None:
    import subprocess

    from newscrawler.cli import schedule

    env_file = tmp_path / "store.env"
    env_file.write_text("MONGODB_URI='mongodb://scraper:hunter2@db.internal:27017'\n")
    env = {"MONGODB_URI": "mongodb://scraper:hunter2@db.internal:27017"}
    line = schedule.cron_line("suara.com", "1h", project_dir=tmp_path, env=env, env_file=env_file)
    assert "hunter2" not in line and f". {env_file} &&" in line
    # The sourcing part is valid sh and exports what the file sets.
    shell = line.split(" ", 5)[5].split(" && mkdir", 1)[0] + " && printenv MONGODB_URI"
    done = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == env["MONGODB_URI"]
    missing = run_cli(["schedule", "suara.com", "--every", "1h", "--env-file", str(tmp_path / "none.env")], tmp_path)
    assert_one_line_error(missing, 2, "--env-file")


def test_servers_bind_loopback_unless_told_otherwise() -> None:
    from newscrawler.cli.main import build_parser

    parser = build_parser()
    assert parser.parse_args(["demo"]).host == "127.0.0.1"
    assert parser.parse_args(["serve"]).host == "127.0.0.1"


def test_crawl_into_an_unreachable_mongo_never_shows_the_password(tmp_path: Path) -> None:
    from newscrawler.crawl.mirror import MirrorServer

    demo = Path(__file__).resolve().parent.parent / "data" / "demo-site"
    env = {"MONGODB_URI": "mongodb://scraper:hunter2@127.0.0.1:1/?serverSelectionTimeoutMS=200&authSource=admin",
           "NEWSCRAWLER_SPOOL": str(tmp_path / "spool")}
    log = tmp_path / "logs" / "crawl.log"
    with MirrorServer(demo) as mirror:
        done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "3",
                        "--log-file", str(log)], tmp_path, env)
    assert done.returncode == 4, done.stderr
    assert f"spooled to {tmp_path / 'spool'}" in done.stderr  # the real spool path, not a default
    spooled = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "spool").glob("*.jsonl"))
    assert '"store_error"' in spooled and "scraper:***@127.0.0.1:1" in spooled
    for text in (done.stdout, done.stderr, log.read_text(encoding="utf-8"), spooled):
        assert "hunter2" not in text


def test_store_down_and_spool_unwritable_fails_loudly(tmp_path: Path) -> None:
    from newscrawler.crawl.mirror import MirrorServer

    demo = Path(__file__).resolve().parent.parent / "data" / "demo-site"
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the spool folder should be")
    env = {"MONGODB_URI": "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200",
           "NEWSCRAWLER_SPOOL": str(blocker / "spool")}
    with MirrorServer(demo) as mirror:
        done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "3"], tmp_path, env)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("newscrawler: error:")]
    assert len(errors) == 1 and str(blocker / "spool") in errors[0] and "lost" in errors[0]
    assert "spooled to" not in done.stderr and "Traceback" not in done.stderr


# -- the demo and the README's examples ------------------------------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_commands(section: str) -> list[str]:
    """The `newscrawler` lines of the ```sh blocks under the README heading `section`."""
    import re

    text = README.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for block in re.findall(r"```sh\n(.*?)```", body, re.S) for line in block.splitlines()]
    return [line.split("   #", 1)[0].strip() for line in lines if line.startswith(".venv/bin/newscrawler ")]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("demo")
    data = work / "data"
    user_db = work / "mine.db"
    done = run_cli(["demo"], work, {"NEWSCRAWLER_DATA_DIR": str(data), "NEWSCRAWLER_DB": str(user_db)})
    assert done.returncode == 0, done.stderr
    assert not user_db.exists(), "the demo wrote into the user's store"
    assert (data / "demo.db").is_file()
    return data / "demo.db"


def test_demo_next_lines_read_the_demo_store(demo_db: Path, tmp_path: Path) -> None:
    import shlex
    import sys

    from newscrawler.cli.demo import next_commands

    commands = [c for c in next_commands(str(demo_db), had_mongo=True) if not c.endswith(" serve")]
    assert commands and all(f"NEWSCRAWLER_DB={demo_db}" in c for c in commands)
    for command in commands:
        words = shlex.split(command)
        env = dict(w.split("=", 1) for w in words if "=" in w and not w.startswith("-") and w.isascii()
                   and w.split("=", 1)[0].isupper())
        args = words[words.index(next(w for w in words if w.endswith("newscrawler"))) + 1:]
        # a MONGODB_URI in the user's environment must not win over the line's NEWSCRAWLER_DB
        done = run_cli(args, tmp_path, {**env, **DEAD_MONGO} if "-u" not in words else env)
        assert done.returncode == 0 and done.stdout.strip(), (command, done.stderr)
    assert sys.executable


def test_readme_examples_return_rows_on_the_demo_data(demo_db: Path, tmp_path: Path) -> None:
    import shlex

    from newscrawler.store import open_store

    store = open_store(path=str(demo_db))
    try:
        url = next(iter(store.query(site="suara.com", limit=1)))["url"]
    finally:
        store.close()
    commands = readme_commands("Querying what was collected")
    assert len(commands) >= 6, commands
    for command in commands:
        words = [url if w == "URL" else w for w in shlex.split(command)[1:]]
        target = None
        if ">" in words:  # a shell redirect: the file is what the command printed
            target, words = tmp_path / words[words.index(">") + 1], words[: words.index(">")]
        elif "-o" in words:
            target = tmp_path / words[words.index("-o") + 1]
        done = run_cli(words, tmp_path, {"NEWSCRAWLER_DB": str(demo_db)})
        assert done.returncode == 0, (command, done.stderr)
        if target is not None and ">" in command:
            target.write_text(done.stdout, encoding="utf-8")
        printed = target.read_text(encoding="utf-8") if target is not None else done.stdout
        rows = [line for line in printed.splitlines() if line.strip()]
        assert len(rows) >= 2 if printed.startswith(("url,", "source,")) else rows, (command, printed[:300])
