"""Using the collected data from the command line, on both stores, after a real crawl of the demo site."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawler.crawl.mirror import MirrorServer

from crawlkit import DEMO, run_cli

MANIFEST = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = {a["url"]: a for a in MANIFEST["articles"]}
ARTICLE_LISTS = ("read_also", "related")


@pytest.fixture(scope="module", params=["sqlite", "mongo"])
def crawled(request, tmp_path_factory) -> Iterator[tuple[dict[str, str], Path]]:
    """A store filled by one real crawl; yields (environment for the CLI, working folder)."""
    work = tmp_path_factory.mktemp(f"query-{request.param}")
    if request.param == "sqlite":
        env = {"NEWSCRAWLER_DB": str(work / "q.db")}
    else:
        env = {"MONGODB_URI": request.getfixturevalue("mongo_uri"), "MONGODB_DATABASE": f"q_{uuid.uuid4().hex[:8]}"}
    with MirrorServer(DEMO) as server:
        done = run_cli(["crawl", "suara.com", "--mirror", server.base_url], work, env)
        assert done.returncode == 0, done.stderr
        again = run_cli(["crawl", "suara.com", "--mirror", server.base_url], work, env)  # a second snapshot run
        assert again.returncode == 0, again.stderr
    yield env, work
    if "MONGODB_URI" in env:
        from pymongo import MongoClient

        with MongoClient(env["MONGODB_URI"]) as client:
            client.drop_database(env["MONGODB_DATABASE"])


def cli(crawled, *args: str):
    env, work = crawled
    done = run_cli(list(args), work, env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_query_filters(crawled) -> None:
    everything = jsonl(cli(crawled, "query", "--format", "jsonl"))
    assert len(everything) == len(ARTICLES)
    published = [a["published_at"] for a in everything]
    assert published == sorted(published, reverse=True)
    assert all(p.endswith("+07:00") for p in published)  # shown in WIB
    bola = jsonl(cli(crawled, "query", "--section", "bola", "--format", "jsonl"))
    assert {a["url"] for a in bola} == {u for u, a in ARTICLES.items() if a["section"] == "bola"}
    some = next(iter(ARTICLES.values()))
    tag = some["tags"][0]
    tagged = jsonl(cli(crawled, "query", "--tag", tag.upper(), "--format", "jsonl"))
    assert {a["url"] for a in tagged} == {u for u, a in ARTICLES.items() if tag.lower() in map(str.lower, a["tags"])}
    author = some["authors"][0].split()[0].lower()
    by = jsonl(cli(crawled, "query", "--author", author, "--format", "jsonl"))
    assert some["url"] in {a["url"] for a in by}
    oldest = jsonl(cli(crawled, "query", "--sort", "oldest", "--limit", "3", "--format", "jsonl"))
    assert [a["published_at"] for a in oldest] == sorted(published)[:3]
    window = jsonl(cli(crawled, "query", "--since", "2026-10-01", "--until", "2026-10-15", "--format", "jsonl"))
    expected = {u for u, a in ARTICLES.items() if "2026-10-01" <= a["published_at"][:10] < "2026-10-15"}
    assert {a["url"] for a in window} == expected


def test_full_text_search_matches_words_as_typed(crawled) -> None:
    hits = jsonl(cli(crawled, "query", "--text", "BMKG kemarau", "--format", "jsonl"))
    assert hits and all("bmkg" in (a["title"] + a["body"]).lower() for a in hits)
    assert all("kemarau" in (a["title"] + a["body"]).lower() for a in hits)
    assert jsonl(cli(crawled, "query", "--text", "kemara", "--format", "jsonl")) == []  # no prefix/stem guessing


def test_formats(crawled) -> None:
    table = cli(crawled, "query", "--limit", "3", "--format", "table")
    assert table.splitlines()[0].split() == ["TITLE", "SITE", "PUBLISHED", "URL"]
    assert " WIB " in table and "3 article(s)" in table
    as_json = json.loads(cli(crawled, "query", "--limit", "2", "--format", "json"))
    assert len(as_json) == 2
    rows = list(csv.DictReader(io.StringIO(cli(crawled, "query", "--limit", "2", "--format", "csv"))))
    assert len(rows) == 2 and rows[0]["url"].startswith("https://")


def test_show(crawled) -> None:
    url, demo = next(iter(ARTICLES.items()))
    shown = cli(crawled, "show", url)
    assert shown.startswith(demo["title"]) and demo["body"].split("\n\n")[0] in shown
    raw = json.loads(cli(crawled, "show", url, "--json"))
    assert raw["body"] == demo["body"] and raw["version"] == 1


def test_related_both_directions(crawled) -> None:
    target = max(ARTICLES, key=lambda u: sum(u in {e["url"] for n in ARTICLE_LISTS for e in a["link_lists"].get(n, [])}
                                             for a in ARTICLES.values()))
    data = json.loads(cli(crawled, "related", target, "--json"))
    linking = {u for u, a in ARTICLES.items() for n in ARTICLE_LISTS for e in a["link_lists"].get(n, [])
               if e["url"] == target}
    assert {e["url"] for e in data["linked_from"]} == linking
    own = [e["url"] for n in ARTICLE_LISTS for e in ARTICLES[target]["link_lists"].get(n, [])]
    assert [e["url"] for e in data["links_to"]] == own
    text = cli(crawled, "related", target)
    assert "Links to" in text and "Linked from" in text


def test_graph_edges_csv(crawled, tmp_path: Path) -> None:
    out = tmp_path / "edges.csv"
    cli(crawled, "graph", "--site", "suara.com", "--format", "edges-csv", "-o", str(out))
    rows = list(csv.DictReader(out.open()))
    expected = sum(len(a["link_lists"].get(n, [])) for a in ARTICLES.values() for n in ARTICLE_LISTS)
    assert len(rows) == expected
    assert set(rows[0]) == {"source", "source_title", "target", "target_title", "list", "rank"}


def test_popular_history(crawled) -> None:
    ranked = json.loads(cli(crawled, "popular", "suara.com", "--format", "json"))
    expected = [e["url"] for e in MANIFEST["site_lists"]["popular"]]
    assert [r["url"] for r in ranked] == expected  # same every time: ordered by best rank
    assert all(r["appearances"] == 2 for r in ranked)  # two runs, identical lists stored once each time
    latest = json.loads(cli(crawled, "popular", "suara.com", "--list", "latest", "--format", "json"))
    assert [r["url"] for r in latest] == [e["url"] for e in MANIFEST["site_lists"]["latest"]]
    table = cli(crawled, "popular", "suara.com", "--format", "table")
    assert "FIRST SEEN" in table and "BEST" in table


def test_export_streams_to_file(crawled, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    cli(crawled, "export", "--format", "jsonl", "--site", "suara.com", "-o", str(out))
    assert len(jsonl(out.read_text())) == len(ARTICLES)
    out_csv = tmp_path / "bola.csv"
    cli(crawled, "export", "--format", "csv", "--section", "bola", "-o", str(out_csv))
    assert len(list(csv.DictReader(out_csv.open()))) == sum(a["section"] == "bola" for a in ARTICLES.values())


def test_runs(crawled) -> None:
    runs = json.loads(cli(crawled, "runs", "--json"))
    assert len(runs) == 2
    latest, first = runs
    assert first["articles"]["new"] == len(ARTICLES) and latest["articles"]["new"] == 0
    # The re-run skips what it sees as stored; its index walk stops at the first page of only stored articles.
    assert 0 < latest["articles"]["skipped_known"] <= len(ARTICLES)
    for key in ("run_id", "site", "started_at", "finished_at", "finish_reason", "pages_fetched", "errors",
                "field_coverage", "store", "spooled", "dropped_reasons"):
        assert key in latest
    assert "REASON" in cli(crawled, "runs")


@pytest.mark.parametrize(
    "option, value",
    [("--site", '{"$where": "sleep(100)"}'), ("--tag", '{"$ne": null}'), ("--author", ".*"),
     ("--section", "$where"), ("--text", '") OR 1=1 --'), ("--text", "NEAR(a b) * \"")],
)
def test_operators_cannot_be_injected(crawled, option: str, value: str) -> None:
    assert jsonl(cli(crawled, "query", option, value, "--format", "jsonl")) == []


def test_relative_since_and_table_on_a_terminal(crawled) -> None:
    import os
    import pty
    import subprocess
    import sys
    from datetime import UTC, datetime

    env, work = crawled
    oldest = min(datetime.fromisoformat(a["published_at"]) for a in ARTICLES.values())
    days = (datetime.now(UTC) - oldest).days + 2
    recent = jsonl(cli(crawled, "query", "--since", f"{days}d", "--format", "jsonl"))
    assert len(recent) == len(ARTICLES)
    assert jsonl(cli(crawled, "query", "--since", "12h", "--format", "jsonl")) == []
    # No --format on a terminal: a table.
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    proc = subprocess.run([sys.executable, "-m", "newscrawler.cli", "query", "--limit", "2"], cwd=work,
                          env={**full_env, **env, "COLUMNS": "200"}, stdout=follower, stderr=subprocess.PIPE,
                          timeout=60)
    os.close(follower)
    output = os.read(leader, 65536).decode()
    os.close(leader)
    assert proc.returncode == 0, proc.stderr
    assert output.split()[:4] == ["TITLE", "SITE", "PUBLISHED", "URL"] and "2 article(s)" in output


# -- search syntax, popular columns, URL variants (issue 8, item 6) ------------------------------------------


def _texts(article: dict) -> str:
    return f"{article['title']} {article['body']}".lower()


def test_phrase_or_not_search(crawled) -> None:
    bmkg = {u for u, a in ARTICLES.items() if "bmkg" in _texts(a)}
    persija = {u for u, a in ARTICLES.items() if "persija" in _texts(a)}
    assert bmkg and persija
    either = jsonl(cli(crawled, "query", "--text", "BMKG OR persija", "--format", "jsonl"))
    assert {a["url"] for a in either} == bmkg | persija
    # A leading "-" needs the = form (argparse reads "-bmkg" as an option); NOT says the same.
    for spelled in (["--text=-bmkg"], ["--text", "NOT bmkg"]):
        without = jsonl(cli(crawled, "query", *spelled, "--format", "jsonl"))
        assert {a["url"] for a in without} == set(ARTICLES) - bmkg
    some = ARTICLES[sorted(bmkg)[0]]
    phrase = " ".join(some["title"].split()[:3])
    hits = jsonl(cli(crawled, "query", "--text", f'"{phrase}"', "--format", "jsonl"))
    folded = " ".join(phrase.lower().split())
    assert some["url"] in {a["url"] for a in hits}
    assert all(folded in " ".join(_texts(ARTICLES[a["url"]]).split()) for a in hits)
    reversed_phrase = " ".join(reversed(phrase.split()))
    backwards = jsonl(cli(crawled, "query", "--text", f'"{reversed_phrase}"', "--format", "jsonl"))
    assert some["url"] not in {a["url"] for a in backwards}


def test_popular_csv_and_json_carry_ranking_columns(crawled) -> None:
    columns = ["rank", "url", "title", "appearances", "best_rank", "first_seen", "last_seen"]
    rows = list(csv.DictReader(io.StringIO(cli(crawled, "popular", "suara.com", "--format", "csv"))))
    assert rows and list(rows[0]) == columns
    assert [r["url"] for r in rows] == [e["url"] for e in MANIFEST["site_lists"]["popular"]]
    assert [r["rank"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert all(r["appearances"] == "2" and r["first_seen"].endswith("+07:00") for r in rows)
    for line in jsonl(cli(crawled, "popular", "suara.com", "--format", "jsonl")):
        assert list(line) == columns


def test_show_and_related_accept_url_variants(crawled) -> None:
    url = next(iter(ARTICLES))
    bare = url.split("://", 1)[1]
    path = "/" + bare.split("/", 1)[1]
    variants = [url.replace("https://", "http://"), bare, url + "/", f"http://127.0.0.1:8123{path}"]
    for variant in variants:
        assert json.loads(cli(crawled, "show", variant, "--json"))["url"] == url, variant
    assert json.loads(cli(crawled, "show", f"http://127.0.0.1:8123{path}", "--site", "suara", "--json"))["url"] == url
    assert json.loads(cli(crawled, "related", bare + "/", "--json"))["url"] == url
    env, work = crawled
    missing = run_cli(["show", "http://127.0.0.1:8123/no/such/article"], work, env)
    assert missing.returncode == 2 and "no stored article" in missing.stderr
