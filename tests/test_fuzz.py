"""Fuzzing (issue 7, fault suite item 5): hostile and mutated pages, dates and command lines.

* Pages: every golden page, mutated deterministically (a seeded RNG per page index, so a failure names the
  index that reproduces it): byte flips, truncation, tag deletion, deep nesting, huge attributes, random
  Unicode with lone surrogates, JSON-LD values of the wrong type, broken URLs. Each page goes through
  extraction and build_article and must end as a valid Article or a counted drop (NotAnArticle /
  InvalidArticle); what survives is written to both stores and read back.
* DateNormalizer (parse_printed / parse_instant / choose) and the CLI's option parsing: hypothesis.
* A crawl of the demo site with hostile pages among the good ones: the run record counts each lost page.

The fast versions run in `make test`; the >= 10,000-page run is marked `faults` (`make faults`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawler.cli.commands import UsageError
from newscrawler.cli.main import build_parser, main
from newscrawler.extract.dates import DateNormalizer, DateParseError
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.processing import InvalidArticle, build_article
from newscrawler.items import ARTICLE_FIELDS
from newscrawler.store import Store
from newscrawler.store.common import encodable
from newscrawler.store.writes import write_records

from crawlkit import DEMO, ROOT, demo_articles

HERE = Path(__file__).parent
GOLDEN = sorted((HERE / "golden").glob("*/*.html"))
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SEED = 20261127

FAST_PAGES = 1_000
FAULT_PAGES = 10_000


# -- mutators: (rng, page) -> page; pages are str until a byte-level mutation turns them into bytes ----------

_TAG_RE = re.compile(r"<[^<>]{0,400}>")
_JSONLD_RE = re.compile(r'(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script>)', re.S | re.I)
_URL_ATTR_RE = re.compile(r'(\b(?:href|src|content)=")([^"]*)(")', re.I)

BAD_URLS = (
    "http://[::1/x", "http://[zz::1]/berita", "https://www.suara.com:99999/news/x", "https://x.id:-1/",
    "/news/\x00nul", "/news/\x1b[31m", "\x01\x02http://a.id/", "javascript:alert(1)", "http://", "//:0",
    "http://exa mple.com/", "https://xn--/x", "https://" + "a" * 300 + ".id/", "data:text/html,<p>x</p>",
    "http://[::1]:8080/p", "https://www.suara.com/news/%zz/%", "\ud800/lone",
)
#: Values where JSON-LD should have text, a date or a person.
WRONG_VALUES: tuple[Any, ...] = (
    5, -1, 0, 1.5, 1e308, 99999999999999999999, True, False, None, [], {}, [1, [2, [3]]], {"@id": {"x": 1}},
    {"name": {"first": 5}}, "\ud800", "9" * 13, "999999999999", "2025-03-06T08:00:00+25:00",
    "2025-13-45T99:99:99", "0000-00-00", "-1", "", " ", "\x00", ["2025-03-06T08:00:00+07:00", 7],
    {"@type": "Person", "name": "Rina"}, "x" * 5000,
)
JSONLD_KEYS = ("headline", "datePublished", "dateModified", "author", "description", "keywords", "image",
               "articleSection", "articleBody", "inLanguage", "@type", "@id", "@graph", "mainEntityOfPage")


def _wrong_value(rng: random.Random) -> Any:
    if rng.random() < 0.1:
        depth = rng.choice((50, 2000))
        return json.loads("[" * depth + "]" * depth) if depth < 900 else {"@graph": [{"@graph": []}] * 3}
    return rng.choice(WRONG_VALUES)


def _walk_replace(rng: random.Random, value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict):
        return {k: (_wrong_value(rng) if rng.random() < 0.3 else _walk_replace(rng, v, depth + 1))
                for k, v in value.items()}
    if isinstance(value, list) and depth < 20:
        return [_walk_replace(rng, v, depth + 1) for v in value]
    return value


def jsonld_wrong_types(rng: random.Random, page: str) -> str:
    def mutate(match: re.Match) -> str:
        try:
            data = json.loads(match.group(2))
        except (ValueError, RecursionError):
            data = {}
        data = _walk_replace(rng, data)
        if isinstance(data, dict):
            for key in rng.sample(JSONLD_KEYS, 3):
                data[key] = _wrong_value(rng)
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.1:  # nested past json's recursion limit
            text = "[" * 5000 + text + "]" * 5000
        return match.group(1) + text.replace("</", "<\\/") + match.group(3)

    if _JSONLD_RE.search(page):
        return _JSONLD_RE.sub(mutate, page)
    block = {"@type": "NewsArticle", **{k: _wrong_value(rng) for k in rng.sample(JSONLD_KEYS, 4)}}
    script = f'<script type="application/ld+json">{json.dumps(block)}</script>'
    return page.replace("</head>", script + "</head>", 1)


def truncate(rng: random.Random, page: str) -> str:
    return page[: rng.randrange(len(page) + 1)]


def delete_tags(rng: random.Random, page: str) -> str:
    tags = list(_TAG_RE.finditer(page))
    doomed = {id(m) for m in rng.sample(tags, min(len(tags), rng.randint(1, 40)))}
    return _TAG_RE.sub(lambda m: "" if id(m) in doomed else m.group(0), page) if tags else page


def deep_nesting(rng: random.Random, page: str) -> str:
    depth = rng.choice((300, 1000, 2100, 5000))
    tag = rng.choice(("div", "span", "blockquote", "font", "li"))
    at = rng.randrange(len(page) + 1)
    closing = f"</{tag}>" * depth if rng.random() < 0.5 else ""
    return page[:at] + f"<{tag}>" * depth + page[at:] + closing


def huge_attribute(rng: random.Random, page: str) -> str:
    size = rng.choice((10_000, 200_000, 2_000_000))
    name = rng.choice(("class", "content", "data-x", "href", "style"))
    tags = list(_TAG_RE.finditer(page))
    if not tags:
        return page + f'<p {name}="{"x" * size}">'
    m = rng.choice(tags)
    if m.group(0).startswith("</"):
        return page
    return page[: m.end() - 1] + f' {name}="{rng.choice("x<> ")* size}"' + page[m.end() - 1:]


_UNICODE_POOLS = (
    [chr(c) for c in range(0xD800, 0xE000, 97)],  # lone surrogates
    ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"],
    ["\u202e", "\u200b", "\u200d", "\u0301", "\u0e3f", "🎉", "𝔘", "\U0010ffff", "ﷺ", "Ꙃ"],
)


def random_unicode(rng: random.Random, page: str) -> str:
    out = list(page)
    for _ in range(rng.randint(1, 60)):
        pool = rng.choice(_UNICODE_POOLS)
        char = rng.choice(pool) if rng.random() < 0.7 else chr(rng.randrange(0x110000))
        out.insert(rng.randrange(len(out) + 1), char * rng.choice((1, 1, 3, 200)))
    return "".join(out)


def hostile_urls(rng: random.Random, page: str) -> str:
    def swap(m: re.Match) -> str:
        return m.group(1) + rng.choice(BAD_URLS) + m.group(3) if rng.random() < 0.3 else m.group(0)

    page = _URL_ATTR_RE.sub(swap, page)
    if rng.random() < 0.5:
        page = page.replace("<head>", f'<head><base href="{rng.choice(BAD_URLS)}">', 1)
    return page


def byte_flips(rng: random.Random, page: str | bytes) -> bytes:
    data = bytearray(page.encode("utf-8", "surrogatepass") if isinstance(page, str) else page)
    for _ in range(rng.randint(1, 200)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


TEXT_MUTATORS = (truncate, delete_tags, deep_nesting, huge_attribute, random_unicode, jsonld_wrong_types,
                 hostile_urls)


@dataclass(frozen=True)
class Golden:
    url: str
    html: str


def _golden_pages() -> list[Golden]:
    pages = []
    for path in GOLDEN:
        expected = json.loads(path.with_name(path.name.removesuffix(".html") + ".expected.json").read_text())
        pages.append(Golden(expected["url"], path.read_text(encoding="utf-8")))
    return pages


def mutated_page(index: int, goldens: list[Golden]) -> tuple[str, str, str | bytes]:
    """(what was done, url, page) for page number `index`: the same for the same index on every run."""
    rng = random.Random(f"{SEED}:{index}")
    golden = goldens[index % len(goldens)]
    page: str | bytes = golden.html
    steps = []
    for mutator in rng.sample(TEXT_MUTATORS, rng.choice((1, 1, 2, 3))):
        page = mutator(rng, page)
        steps.append(mutator.__name__)
    if rng.random() < 0.25:
        page = byte_flips(rng, page)
        steps.append("byte_flips")
    return "+".join(steps), golden.url, page


# -- one page through extraction and processing ----------------------------------------------------------------


def check_article(article: dict[str, Any]) -> None:
    """The Article contract, for anything a mutated page became."""
    assert set(article) <= set(ARTICLE_FIELDS)
    assert isinstance(article["url"], str) and article["url"].startswith(("http://", "https://"))
    assert isinstance(article["title"], str) and article["title"].strip()
    assert isinstance(article["body"], str) and article["body"].strip()
    for name in ("published_at", "modified_at"):
        if article.get(name) is not None:
            assert datetime.fromisoformat(article[name]).tzinfo is not None
    assert all(isinstance(a, str) for a in article.get("authors") or [])
    assert all(isinstance(t, str) for t in article.get("tags") or [])
    for entries in (article.get("link_lists") or {}).values():
        assert all(isinstance(e["title"], str) and isinstance(e["url"], str) for e in entries)
    json.dumps(encodable(article))  # encodable for every store and export


@dataclass
class FuzzReport:
    outcomes: Counter = field(default_factory=Counter)
    articles: dict[str, dict] = field(default_factory=dict)  # last article per URL, for the store round trip
    failures: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(self.outcomes.values())


def run_page(url: str, page: str | bytes, report: FuzzReport, label: str) -> None:
    try:
        raw = ArticleExtractor().extract(url, page, "text/html")
        # The pipelines make the text encodable first (ValidatePipeline), then build the article.
        article, _ = build_article([encodable(raw)], now=NOW)
        check_article(article)
    except NotAnArticle:
        report.outcomes["dropped/not_an_article"] += 1
    except InvalidArticle as exc:
        report.outcomes[f"dropped/{exc.reason}"] += 1
    except Exception:  # the point of the test: nothing else may escape
        report.failures.append(f"{label}: {traceback.format_exc(limit=-4)}")
    else:
        report.outcomes["article"] += 1
        report.articles[article["url"]] = article


def fuzz_pages(count: int) -> FuzzReport:
    goldens = _golden_pages()
    report = FuzzReport()
    for index in range(count):
        steps, url, page = mutated_page(index, goldens)
        run_page(url, page, report, f"page {index} ({steps}, {url})")
    return report


def assert_clean(report: FuzzReport, count: int) -> None:
    assert not report.failures, f"{len(report.failures)} pages raised:\n" + "\n".join(report.failures[:5])
    assert report.pages == count  # every page is an article or a counted drop
    # Mutations keep most pages readable: a fuzzer that only produces rejects tests nothing.
    assert report.outcomes["article"] >= count // 4, report.outcomes
    assert sum(v for k, v in report.outcomes.items() if k.startswith("dropped/")) >= count // 50, report.outcomes


def round_trip(store: Store, articles: list[dict]) -> Counter:
    """Write what survived the way StorePipeline does (batches; a refused record costs only itself) and read
    every stored one back."""
    records = [{**a, "crawled_at": NOW.isoformat()} for a in articles]
    counts: Counter = Counter()
    for start in range(0, len(records), 50):
        result = write_records(store, "articles", records[start:start + 50], run_id="fuzz")
        counts["stored"] += result.stored
        counts["rejected"] += len(result.rejected)
    rejected_urls: set[str] = set()
    for record in records:
        stored = store.get(record["url"])
        if stored is None:
            rejected_urls.add(record["url"])
            continue
        assert stored["title"] == record["title"]
        assert stored["body"] == record["body"]
    assert len(rejected_urls) == counts["rejected"]
    return counts


@pytest.fixture(scope="module")
def fast_report() -> FuzzReport:
    return fuzz_pages(FAST_PAGES)


def test_mutated_pages_become_articles_or_counted_drops(fast_report: FuzzReport) -> None:
    assert_clean(fast_report, FAST_PAGES)


def test_mutated_pages_are_deterministic() -> None:
    goldens = _golden_pages()
    assert mutated_page(17, goldens) == mutated_page(17, goldens)
    assert mutated_page(17, goldens) != mutated_page(18, goldens)


def test_what_survives_mutation_round_trips_through_the_store(fast_report: FuzzReport, store: Store) -> None:
    articles = list(fast_report.articles.values())
    assert articles
    counts = round_trip(store, articles)
    assert counts["stored"] + counts["rejected"] == len(articles)


@pytest.mark.faults
def test_ten_thousand_mutated_pages(store: Store) -> None:
    report = fuzz_pages(FAULT_PAGES)
    assert_clean(report, FAULT_PAGES)
    counts = round_trip(store, list(report.articles.values()))
    assert counts["stored"] + counts["rejected"] == len(report.articles)


@pytest.mark.parametrize("path", sorted((HERE / "fixtures" / "hostile").glob("*.html")), ids=lambda p: p.stem)
def test_hostile_fixture_pages_survive_further_mutation(path: Path) -> None:
    report = FuzzReport()
    url = "https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah"
    page = path.read_text(encoding="utf-8")
    for index in range(10):
        rng = random.Random(f"{SEED}:{path.name}:{index}")
        mutated = rng.choice(TEXT_MUTATORS)(rng, page)
        run_page(url, mutated, report, f"{path.name} #{index}")
    assert not report.failures, report.failures[0]
    assert report.pages == 10


# -- the date normaliser -----------------------------------------------------------------------------------------

DN = DateNormalizer()
SOURCES = ("jsonld", "meta", "sitemap", "printed", "relative", "meta_local", "datalayer", "url")
_MONTHS = ("Januari", "Februari", "Maret", "Mei", "Agt", "Agustus", "Sept", "Okt", "Nopember", "Des", "March")
_DAYS = ("Senin", "Jum'at", "Minggu", "Sabtu,", "")
_ZONES = ("WIB", "WITA", "WIT", "GMT+7", "UTC-12", "GMT+99", "")


@st.composite
def printed_dates(draw: st.DrawFn) -> str:
    day = draw(st.integers(-5, 99))
    year = draw(st.sampled_from((0, 1, 1994, 2025, 9999, 10000, 99999)) | st.integers(0, 3000))
    clock = draw(st.sampled_from(("", " 08:05", " 23.59", " 99:99", " pukul 07:08", " | 7.30")))
    return (f"{draw(st.sampled_from(_DAYS))} {day} {draw(st.sampled_from(_MONTHS))} {year}{clock} "
            f"{draw(st.sampled_from(_ZONES))}").strip()


@st.composite
def machine_dates(draw: st.DrawFn) -> str:
    year, month, day = draw(st.integers(0, 99999)), draw(st.integers(0, 99)), draw(st.integers(0, 99))
    hour, minute = draw(st.integers(0, 99)), draw(st.integers(0, 99))
    sign = draw(st.sampled_from("+-"))
    oh, om = draw(st.integers(0, 99)), draw(st.integers(0, 99))
    return draw(st.sampled_from((
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{sign}{oh:02d}:{om:02d}",
        f"{year:04d}-{month:02d}-{day:02d}",
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}-{minute:02d}-00Z",
        f"Fri, {day:02d} Mar {year} {hour:02d}:{minute:02d}:00 {sign}{oh:02d}{om:02d}",
    )))


EPOCHS = st.from_regex(r"\A[0-9]{9,13}(\.[0-9]{1,4})?\Z")
DATE_TEXT = st.one_of(st.text(max_size=60), printed_dates(), machine_dates(), EPOCHS)
#: Candidates as a page may give them: text, or a JSON-LD number, list or object.
CANDIDATE_VALUE = st.one_of(DATE_TEXT, st.integers(), st.floats(allow_nan=True), st.none(),
                            st.lists(st.text(max_size=5), max_size=2),
                            st.dictionaries(st.text(max_size=3), st.integers()))
NOWS = st.datetimes(min_value=datetime(1996, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))

FUZZ_SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                         suppress_health_check=[HealthCheck.too_slow])


@FUZZ_SETTINGS
@given(DATE_TEXT, NOWS)
def test_parse_printed_returns_an_aware_date_or_raises_date_parse_error(text: str, now: datetime) -> None:
    try:
        value = DN.parse_printed(text, now)
    except DateParseError:
        return
    assert value.tzinfo is not None and value.utcoffset() is not None
    DN.to_iso(value)


@FUZZ_SETTINGS
@given(DATE_TEXT)
def test_parse_instant_returns_an_aware_date_or_raises_date_parse_error(text: str) -> None:
    try:
        value = DN.parse_instant(text)
    except DateParseError:
        return
    assert value.tzinfo is not None
    assert abs(value.utcoffset()) <= timedelta(hours=14)
    assert datetime.fromisoformat(DN.to_iso(value)) == value.replace(microsecond=0)  # to_iso keeps seconds


@FUZZ_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(SOURCES), CANDIDATE_VALUE), max_size=6), NOWS)
def test_choose_returns_a_plausible_date_or_none(candidates: list[tuple[str, Any]], now: datetime) -> None:
    value, raw, errors = DN.choose(candidates, now)
    assert all(isinstance(e, str) for e in errors)
    assert raw is None or isinstance(raw, str)
    if value is not None:
        assert DN.earliest <= value <= now + DN.future_tolerance
        assert datetime.fromisoformat(DN.to_iso(value)) == value.replace(microsecond=0)


# -- the command line ----------------------------------------------------------------------------------------------

COMMANDS = ("sites", "crawl", "extract", "query", "show", "related", "graph", "popular", "export", "runs",
            "schedule", "spool", "demo", "serve")
OPTIONS = ("--since", "--until", "--max-articles", "--limit", "--recheck-days", "--related-depth", "--port",
           "--format", "--site", "--text", "--section", "--tag", "--list", "--every", "--at", "--json", "--url",
           "--follow-related", "--no-follow-related", "--full", "--force", "-o", "--help", "--version", "--db")
NUMBERS = ("0", "-1", "1", "99999", "10" * 20, "1e400", "nan", "inf", "99999999d", "1.5", "0x10", "٣", "")
VALUES = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(("2d", "2026-13-01", "12h", "hari ini", "30m")),
                   st.text(max_size=12))
ARGV = st.lists(st.one_of(st.sampled_from(COMMANDS), st.sampled_from(OPTIONS), VALUES), max_size=8)

#: Commands main() may run here: they read the (empty, temporary) store or print; none crawls, serves,
#: installs a crontab line or listens on a port.
SAFE_COMMANDS = ("sites", "query", "show", "related", "popular", "export", "runs", "schedule", "spool", "graph")
SAFE_OPTIONS = tuple(o for o in OPTIONS if o not in ("-o", "--db"))


def _run_main(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse: --help / --version 0, a usage mistake 2
            status = exc.code if isinstance(exc.code, int) else 2
    return status, err.getvalue()


@FUZZ_SETTINGS
@given(ARGV)
def test_option_parsing_exits_0_or_2_on_any_argv(argv: list[str]) -> None:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            build_parser().parse_args(argv)
        except UsageError:
            pass  # main() prints its one line and exits 2
        except SystemExit as exc:  # --help, --version
            assert exc.code == 0, (argv, exc.code)
    assert "Traceback" not in err.getvalue()


@pytest.fixture
def cli_env(tmp_path: Path) -> Iterator[Path]:
    """An empty SQLite store, spool and lock folder of the test's own, and no MongoDB."""
    env = {"NEWSCRAWLER_DB": str(tmp_path / "fuzz.db"), "NEWSCRAWLER_SPOOL": str(tmp_path / "spool"),
           "NEWSCRAWLER_LOCK_DIR": str(tmp_path / "locks")}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MONGODB_")}
    with mock.patch.dict(os.environ, {**clean, **env}, clear=True), contextlib.chdir(tmp_path):
        yield tmp_path


@settings(max_examples=120, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SAFE_COMMANDS),
       st.lists(st.one_of(st.sampled_from(SAFE_OPTIONS), VALUES), max_size=6))
def test_main_on_random_argv_exits_with_a_documented_status(cli_env: Path, command: str, rest: list[str]) -> None:
    if command == "schedule" and ("--install" in rest or "--remove" in rest):
        return  # never touch the user's crontab
    status, err = _run_main([command, *rest])
    assert status in (0, 1, 2, 3, 4, 5), (command, rest, status, err)
    assert "Traceback" not in err, err


# -- a crawl with hostile pages among good ones --------------------------------------------------------------------

#: Runs the CLI with one fault injected for real: extraction raises on pages that carry the marker, as a bug
#: would. Everything else is the normal `newscrawler` entry point.
INJECT = """
import runpy, sys
from newscrawler.extract import extractor
original = extractor.ArticleExtractor.extract
def extract(self, url, html, content_type=None):
    if b"FUZZ-INJECTED-BUG" in (html if isinstance(html, bytes) else html.encode("utf-8", "replace")):
        raise RuntimeError("injected extraction bug")
    return original(self, url, html, content_type)
extractor.ArticleExtractor.extract = extract
sys.argv = ["newscrawler", *sys.argv[1:]]
runpy.run_module("newscrawler.cli", run_name="__main__")
"""


def _hostile_site(root: Path) -> dict[str, str]:
    """The demo site with three of its single-page articles replaced: one hostile but sound, one that is no
    article, one that trips the injected bug. Returns {role: url}."""
    shutil.copytree(DEMO, root)
    singles = [a for a in demo_articles() if a.pages == 1]
    roles = {"hostile": singles[1], "not_article": singles[3], "bug": singles[5]}
    pages = {role: root / a.path.relative_to(DEMO) / "index.html" for role, a in roles.items()}  # in the copy
    hostile_page = pages["hostile"]
    html = hostile_page.read_text(encoding="utf-8")
    ld = json.dumps({"@type": "NewsArticle", "headline": 5, "datePublished": ["x", 9], "dateModified": 1e308,
                     "author": [5, {"@id": {"a": 1}}], "description": {"x": 1}})
    html = _JSONLD_RE.sub(lambda m: m.group(1) + ld + m.group(3), html, count=1)
    html = html.replace("<head>", '<head><base href="http://[::1/x"><meta property="og:image" '
                        'content="https://media.suara.com:99999/x.jpg">', 1)
    html = html.replace('<article class="article-content">', '<article class="article-content">' + "<div>" * 3000, 1)
    hostile_page.write_text(html, encoding="utf-8")
    garbage = (HERE / "fixtures" / "hostile" / "no-article-deep-garbage.html").read_text(encoding="utf-8")
    pages["not_article"].write_text(garbage, encoding="utf-8")
    bug_page = pages["bug"]
    bug_page.write_text(bug_page.read_text(encoding="utf-8").replace("<head>", "<head><!-- FUZZ-INJECTED-BUG -->"),
                        encoding="utf-8")
    return {role: article.url for role, article in roles.items()}


def test_crawl_counts_each_hostile_page_and_keeps_the_rest(tmp_path: Path) -> None:
    from newscrawler.crawl.mirror import MirrorServer
    from newscrawler.store import open_store

    roles = _hostile_site(tmp_path / "site")
    (tmp_path / "inject.py").write_text(INJECT, encoding="utf-8")
    db = tmp_path / "crawl.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env |= {"NEWSCRAWLER_DB": str(db), "PYTHONPATH": str(ROOT)}
    with MirrorServer(tmp_path / "site") as server:
        done = subprocess.run([sys.executable, str(tmp_path / "inject.py"), "crawl", "suara.com", "--mirror",
                               server.base_url], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    store = open_store(path=str(db))
    try:
        stored = {a["url"] for a in store.query(site="suara.com")}
        (run,) = store.runs()
        hostile = store.get(roles["hostile"])
    finally:
        store.close()
    expected = {a.url for a in demo_articles()} - {roles["not_article"], roles["bug"]}
    assert stored == expected  # every other article, and the hostile page's sound part
    assert hostile["title"] and hostile["body"] and hostile["published_at"]
    assert run["dropped_reasons"].get("not_an_article") == 1
    assert run["errors"].get("extraction_failed") == 1
    assert run["articles"]["scraped"] == len(expected)
