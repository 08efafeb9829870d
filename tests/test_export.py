"""Exports for other tools, on both stores after a real crawl of the demo site: format from the extension,
Parquet, Excel-friendly CSV with its link-lists companion, and the link graph as GEXF / GraphML + nodes."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from newscrawler.crawl.mirror import MirrorServer

from crawlkit import DEMO, run_cli

MANIFEST = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = {a["url"]: a for a in MANIFEST["articles"]}
STORED: set[str] = set()  # the demo articles the current backend's crawl stored


@pytest.fixture(scope="module", params=["sqlite", "mongo"])
def crawled(request, tmp_path_factory) -> Iterator[tuple[dict[str, str], Path]]:
    work = tmp_path_factory.mktemp(f"export-{request.param}")
    if request.param == "sqlite":
        env = {"NEWSCRAWLER_DB": str(work / "x.db")}
    else:
        env = {"MONGODB_URI": request.getfixturevalue("mongo_uri"), "MONGODB_DATABASE": f"x_{uuid.uuid4().hex[:8]}"}
    with MirrorServer(DEMO) as server:
        done = run_cli(["crawl", "suara.com", "--mirror", server.base_url], work, env)
        assert done.returncode == 0, done.stderr
    stored = run_cli(["query", "--format", "jsonl"], work, env)
    # Exports are compared with what the crawl stored (a page lost to a slow machine is the crawl's business).
    urls = {json.loads(line)["url"] for line in stored.stdout.splitlines()}
    assert urls and urls <= set(ARTICLES)
    STORED.clear()
    STORED.update(urls)
    yield env, work
    if "MONGODB_URI" in env:
        from pymongo import MongoClient

        with MongoClient(env["MONGODB_URI"]) as client:
            client.drop_database(env["MONGODB_DATABASE"])


def cli(crawled, *args: str, status: int = 0):
    env, work = crawled
    done = run_cli(list(args), work, env)
    assert done.returncode == status, done.stderr
    return done


#: The article's own lists; stored articles also carry the page's site-wide lists (popular, latest ...).
OWN_LISTS = ("read_also", "related")


def all_entries() -> list[tuple[str, str, int, str]]:
    """(source, list, rank, target) of every entry of the articles' own lists in the demo site."""
    return sorted((url, name, rank, e["url"]) for url, a in ARTICLES.items() if url in STORED for name in OWN_LISTS
                  for rank, e in enumerate(a["link_lists"].get(name, []), 1))


def own(entries: list[tuple[str, str, int, str]]) -> list[tuple[str, str, int, str]]:
    return sorted(e for e in entries if e[1] in OWN_LISTS)


def test_format_follows_the_extension(crawled, tmp_path: Path) -> None:
    cli(crawled, "export", "-o", str(tmp_path / "a.jsonl"))
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["url"] for line in lines} == STORED
    cli(crawled, "export", "-o", str(tmp_path / "a.json"), "--limit", "2")
    assert len(json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))) == 2
    cli(crawled, "export", "-o", str(tmp_path / "a.csv"))
    assert len(list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))) == len(STORED)
    # --format wins over the extension; an unknown extension without --format is a usage error.
    cli(crawled, "export", "--format", "jsonl", "-o", str(tmp_path / "b.csv"))
    assert json.loads((tmp_path / "b.csv").read_text(encoding="utf-8").splitlines()[0])
    failed = cli(crawled, "export", "-o", str(tmp_path / "a.xlsx"), status=2)
    assert "--format" in failed.stderr and not (tmp_path / "a.xlsx").exists()
    assert cli(crawled, "export", "--limit", "1").stdout.count("\n") == 1  # stdout: JSON Lines


def test_excel_csv_and_link_lists_companion(crawled, tmp_path: Path) -> None:
    out = tmp_path / "berita.csv"
    cli(crawled, "export", "--excel", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    header = raw[3:].split(b"\n", 1)[0]
    assert header.endswith(b"\r") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {r["url"] for r in rows} == STORED
    titled = {r["url"]: r["title"] for r in rows}
    assert all(titled[u] == ARTICLES[u]["title"] for u in STORED)  # Indonesian text survives the round trip
    links = tmp_path / "berita.links.csv"
    assert links.read_bytes().startswith(b"\xef\xbb\xbf")
    entries = list(csv.DictReader(links.open(encoding="utf-8-sig", newline="")))
    assert list(entries[0]) == ["source_url", "list", "rank", "target_url", "target_title"]
    assert own([(e["source_url"], e["list"], int(e["rank"]), e["target_url"]) for e in entries]) == all_entries()
    # The companion is not overwritten by accident either; --no-links leaves it out.
    again = cli(crawled, "export", "-o", str(tmp_path / "lain.csv"), "--no-links")
    assert again.returncode == 0 and not (tmp_path / "lain.links.csv").exists()
    assert cli(crawled, "export", "--excel", "-o", str(tmp_path / "x.jsonl"), status=2).stderr


def test_parquet_export_reads_back_into_pandas(crawled, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "berita.parquet"
    cli(crawled, "export", "-o", str(out))
    frame = pandas.read_parquet(out)
    assert len(frame) == len(STORED) and set(frame["url"]) == STORED
    assert str(frame["published_at"].dt.tz) == "UTC"
    first = frame.iloc[0]
    demo = ARTICLES[first["url"]]
    assert first["published_at"] == pandas.Timestamp(demo["published_at"])
    assert list(first["tags"]) == demo["tags"]
    pairs = zip(frame["url"], frame["link_lists"], strict=True)
    stored = [(u, e["list"], int(e["rank"]), e["url"]) for u, lists in pairs for e in lists]
    assert own(stored) == all_entries() and len(stored) > len(all_entries())
    assert "exists" in cli(crawled, "export", "-o", str(out), status=2).stderr
    assert "binary" in cli(crawled, "export", "--format", "parquet", status=2).stderr


def test_graph_gexf_and_graphml_with_node_list(crawled, tmp_path: Path) -> None:
    edges = all_entries()
    for name, ns in (("g.gexf", "{http://gexf.net/1.3}"), ("g.graphml", "{http://graphml.graphdrawing.org/xmlns}")):
        out = tmp_path / name
        cli(crawled, "graph", "--site", "suara", "-o", str(out))
        root = ET.parse(out).getroot()
        found = root.findall(f".//{ns}edge")
        assert sorted((e.get("source"), e.get("target")) for e in found) == sorted((e[0], e[3]) for e in edges)
        node_ids = {n.get("id") for n in root.findall(f".//{ns}node")}
        assert node_ids == {e[0] for e in edges} | {e[3] for e in edges}
        nodes = list(csv.DictReader((tmp_path / "g.nodes.csv").open(encoding="utf-8")))
        assert {n["url"] for n in nodes} == node_ids
        stored = {n["url"] for n in nodes if n["stored"] == "true"}
        assert stored == {e[0] for e in edges} and all(n["site"] for n in nodes)
        (tmp_path / "g.nodes.csv").unlink()
    gexf = ET.parse(tmp_path / "g.gexf").getroot()
    ranks = [v.get("value") for v in gexf.iter("{http://gexf.net/1.3}attvalue") if v.get("for") == "rank"]
    assert sorted(map(int, ranks)) == sorted(e[2] for e in edges)
    cli(crawled, "graph", "-o", str(tmp_path / "edges.csv"), "--nodes", str(tmp_path / "n.csv"))
    assert len(list(csv.DictReader((tmp_path / "edges.csv").open(encoding="utf-8")))) == len(edges)
    assert (tmp_path / "n.csv").exists()
