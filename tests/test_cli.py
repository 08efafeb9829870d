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
    assert_one_line_error(run_cli(args, tmp_path, DEAD_MONGO), 2, "unreachable")


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
