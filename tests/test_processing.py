"""From raw page fields to the public Article: merge_pages, validate, normalize_text/dates, build_article."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.processing import InvalidArticle, build_article, merge_pages, normalize_dates, validate
from newscrawler.items import ARTICLE_FIELDS
from newscrawler.sites import GenericProfile
from newscrawler.sites.suara import SuaraProfile

HERE = Path(__file__).parent
SEED_URL = (
    "https://www.suara.com/news/2025/03/06/080500/"
    "as-gelar-pembicaraan-langsung-dengan-hamas-di-doha-bahas-pembebasan-sandera"
)
MULTIPAGE_URL = "https://www.suara.com/bisnis/2025/03/06/101500/7-fakta-harga-emas-antam-naik-lagi"
GENERIC_URL = "https://news.example.co.id/nasional/banjir-rendam-jakarta-timur"  # no date in the path
#: 12:00 WIB on the seed's day.
NOW = datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
RAW_FIELDS = ("paragraphs", "date_candidates", "modified_candidates", "page_url", "total_pages", "page_urls")


def entry(slug: str, title: str | None = None) -> dict[str, str]:
    return {"title": title or slug.replace("-", " ").title(), "url": f"https://www.suara.com/news/2025/03/05/0{slug}"}


def raw_page(**overrides: Any) -> dict[str, Any]:
    """Raw fields as ArticleExtractor.extract returns them."""
    fields: dict[str, Any] = {
        "url": GENERIC_URL,
        "page_url": GENERIC_URL,
        "site": "example.co.id",
        "section": "nasional",
        "title": "Banjir Rendam Jakarta Timur",
        "description": None,
        "authors": ["Rina Marlina"],
        "date_candidates": [("jsonld", "2025-03-06T09:12:44+07:00")],
        "modified_candidates": [],
        "tags": ["banjir"],
        "image_url": None,
        "language": "id",
        "total_pages": 1,
        "link_lists": {},
        "paragraphs": ["Jakarta - Ratusan rumah di Jakarta Timur terendam banjir sejak Kamis pagi."],
        "page_urls": [],
    }
    fields.update(overrides)
    return fields


# -- merge_pages --------------------------------------------------------------------------------------------


@pytest.fixture
def three_pages() -> list[dict[str, Any]]:
    p1 = raw_page(
        url=MULTIPAGE_URL,
        page_url=MULTIPAGE_URL,
        total_pages=3,
        page_urls=[f"{MULTIPAGE_URL}?page=2", f"{MULTIPAGE_URL}?page=3"],
        paragraphs=["Halaman satu paragraf A.", "Halaman satu paragraf B."],
        link_lists={
            "read_also": [entry("a")],
            "related": [entry("r1"), entry("r2")],
            "popular": [entry("p1"), entry("p2")],
            "latest": [entry("l1")],
        },
    )
    p2 = raw_page(
        url=MULTIPAGE_URL,
        page_url=f"{MULTIPAGE_URL}?page=2",
        title="Judul halaman dua diabaikan",
        total_pages=3,
        paragraphs=["Halaman dua paragraf C."],
        link_lists={
            "read_also": [entry("a", "Judul lain, URL sama"), entry("b")],
            "popular": [entry("p9")],
            "editors_picks": [entry("e1")],
        },
    )
    p3 = raw_page(
        url=MULTIPAGE_URL,
        page_url=f"{MULTIPAGE_URL}?page=3",
        total_pages=3,
        paragraphs=["Halaman tiga paragraf D.", "Halaman tiga paragraf E."],
        link_lists={"read_also": [entry("b"), entry("c")], "related": [entry("r2"), entry("r3")],
                    "latest": [entry("l9")]},
    )
    return [p1, p2, p3]


def test_merge_pages_keeps_paragraph_order_across_pages(three_pages: list[dict]) -> None:
    merged = merge_pages(three_pages)
    assert merged["paragraphs"] == [
        "Halaman satu paragraf A.",
        "Halaman satu paragraf B.",
        "Halaman dua paragraf C.",
        "Halaman tiga paragraf D.",
        "Halaman tiga paragraf E.",
    ]
    assert merged["pages"] == 3
    assert "total_pages" not in merged and "page_urls" not in merged
    # Page 1's metadata.
    assert merged["title"] == "Banjir Rendam Jakarta Timur"
    assert merged["page_url"] == MULTIPAGE_URL


def test_merge_pages_article_lists_merged_without_duplicates(three_pages: list[dict]) -> None:
    lists = merge_pages(three_pages)["link_lists"]
    assert lists["read_also"] == [entry("a"), entry("b"), entry("c")]  # page 1's title kept for "a"
    assert lists["related"] == [entry("r1"), entry("r2"), entry("r3")]


def test_merge_pages_site_lists_come_from_page_one_only(three_pages: list[dict]) -> None:
    lists = merge_pages(three_pages)["link_lists"]
    assert lists["popular"] == [entry("p1"), entry("p2")]
    assert lists["latest"] == [entry("l1")]
    assert "editors_picks" not in lists  # only page 2 had one


def test_merge_pages_leaves_its_input_alone(three_pages: list[dict]) -> None:
    before = copy.deepcopy(three_pages)
    merge_pages(three_pages)
    assert three_pages == before


def test_merge_single_page() -> None:
    merged = merge_pages([raw_page()])
    assert merged["pages"] == 1
    assert merged["paragraphs"] == raw_page()["paragraphs"]
    assert merged["link_lists"] == {}


def test_multipage_article_from_extracted_pages() -> None:
    extractor = ArticleExtractor()
    page1 = extractor.extract(MULTIPAGE_URL, (HERE / "fixtures" / "suara-multipage-p1.html").read_bytes())
    page2_html = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>7 Fakta - Suara.com</title>
      <link rel="canonical" href="https://www.suara.com/bisnis/2025/03/06/101500/7-fakta-harga-emas-antam-naik-lagi">
      </head><body><div class="article-image"><h1>7 Fakta Harga Emas Antam Naik Lagi</h1></div>
      <article class="article-content">
        <p>Harga jual kembali (buyback) emas juga naik menjadi Rp 1.550.000 per gram.</p>
        <div class="article-read"><ul><p>Baca Juga</p>
          <li><a href="/bisnis/2025/03/05/090000/harga-emas-antam-hari-ini">Harga Emas Antam Hari Ini</a></li>
          <li><a href="/bisnis/2025/03/04/080000/cara-investasi-emas">Cara Investasi Emas</a></li></ul></div>
        <p>Investor disarankan membeli emas secara bertahap. (fas/idn)</p>
      </article>
      <aside><h2>Terpopuler</h2>
        <ul><li><a href="/news/2025/03/06/070000/berita-populer">Berita Populer</a></li></ul></aside>
      </body></html>"""
    page2 = extractor.extract(f"{MULTIPAGE_URL}?page=2", page2_html)
    article, errors = build_article([page1, page2], now=NOW)
    assert errors == []
    assert article["url"] == MULTIPAGE_URL
    assert article["pages"] == 2
    assert article["dateline"] == "Suara.com"
    assert article["body"].split("\n\n") == [
        "Harga emas batangan PT Aneka Tambang (Antam) kembali naik Rp 5.000 per gram pada Kamis pagi.",
        "Kenaikan ini terjadi untuk hari ketiga berturut-turut menurut laman Logam Mulia.",
        "Harga jual kembali (buyback) emas juga naik menjadi Rp 1.550.000 per gram.",
        "Investor disarankan membeli emas secara bertahap.",
    ]
    assert [e["title"] for e in article["link_lists"]["read_also"]] == [
        "Harga Emas Antam Hari Ini", "Cara Investasi Emas"
    ]
    assert "popular" not in article["link_lists"]  # page 2's sidebar is not the article's
    # The printed minute, with the seconds the dataLayer adds.
    assert article["published_at"] == "2025-03-06T10:15:27+07:00"
    assert article["published_at_raw"] == "Kamis, 06 Maret 2025 | 10:15 WIB"


# -- validate -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        pytest.param({"url": None}, "missing_url", id="url-none"),
        pytest.param({"url": ""}, "missing_url", id="url-empty"),
        pytest.param({"url": None, "title": None}, "missing_url", id="url-first"),
        pytest.param({"title": None}, "missing_title", id="title-none"),
        pytest.param({"title": "  \n "}, "missing_title", id="title-blank"),
        pytest.param({"paragraphs": []}, "missing_body", id="no-paragraphs"),
        pytest.param({"paragraphs": ["  ", "", None]}, "missing_body", id="blank-paragraphs"),
        pytest.param({"paragraphs": None, "body": "   "}, "missing_body", id="blank-body"),
    ],
)
def test_validate_reasons(change: dict, reason: str) -> None:
    with pytest.raises(InvalidArticle) as info:
        validate(raw_page(**change))
    assert info.value.reason == reason


def test_validate_missing_url_key() -> None:
    fields = raw_page()
    del fields["url"]
    with pytest.raises(InvalidArticle) as info:
        validate(fields)
    assert info.value.reason == "missing_url"


@pytest.mark.parametrize(
    "change",
    [{}, {"paragraphs": None, "body": "Isi berita yang sudah jadi."}, {"paragraphs": ["", "Satu paragraf."]}],
    ids=["paragraphs", "body-only", "one-real-paragraph"],
)
def test_validate_accepts(change: dict) -> None:
    validate(raw_page(**change))  # no exception


def test_build_article_reports_validation_reason() -> None:
    with pytest.raises(InvalidArticle) as info:
        build_article([raw_page(title="")], GenericProfile(), now=NOW)
    assert info.value.reason == "missing_title"


def test_build_article_without_url_key_is_invalid() -> None:
    fields = raw_page()
    del fields["url"]
    with pytest.raises(InvalidArticle) as info:
        build_article([fields], now=NOW)
    assert info.value.reason == "missing_url"


# -- build_article on the seed ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_raw() -> dict:
    html = (HERE / "golden" / "suara.com" / "seed-article.html").read_bytes()
    return ArticleExtractor().extract(SEED_URL, html)


def test_build_article_on_seed_has_contract_fields_in_order(seed_raw: dict) -> None:
    article, errors = build_article([copy.deepcopy(seed_raw)], SuaraProfile(), now=NOW)
    assert errors == []
    assert list(article) == list(ARTICLE_FIELDS)
    assert not set(RAW_FIELDS) & set(article)
    assert article["url"] == SEED_URL
    assert article["site"] == "suara.com"
    assert article["title"] == "AS Gelar Pembicaraan Langsung dengan Hamas di Doha, Bahas Pembebasan Sandera"
    assert article["published_at"] == "2025-03-06T08:05:00+07:00"
    assert article["modified_at"] == "2025-03-06T08:41:12+07:00"
    assert article["published_at_raw"] == "Kamis, 06 Maret 2025 | 08:05 WIB"
    assert article["dateline"] == "Suara.com"
    assert article["tags"] == ["Hamas", "sandera", "Gaza", "Donald Trump"]
    assert article["pages"] == 1
    assert article["crawled_at"] is None
    body = article["body"].split("\n\n")
    assert len(body) == 12
    assert body[0].startswith("Amerika Serikat telah mengadakan")
    assert not any(p.startswith("Suara.com") for p in body)


def test_build_article_profile_defaults_from_the_url(seed_raw: dict) -> None:
    explicit, _ = build_article([copy.deepcopy(seed_raw)], SuaraProfile(), now=NOW)
    implicit, _ = build_article([copy.deepcopy(seed_raw)], now=NOW)
    assert implicit == explicit


# -- normalize_text: bodies that are only boilerplate -------------------------------------------------------------


def test_body_of_only_boilerplate_is_invalid_after_cleaning() -> None:
    fields = raw_page(
        paragraphs=[
            "ADVERTISEMENT",
            "Baca Juga: Banjir Kembali Rendam Kampung Melayu",
            "SCROLL TO CONTINUE WITH CONTENT",
            "[Suara.com/Alfian Winanto]",
            "Pewarta: Rina Marlina",
            "(fas/idn)",
        ]
    )
    validate(fields)  # the raw page looks fine
    with pytest.raises(InvalidArticle) as info:
        build_article([fields], GenericProfile(), now=NOW)
    assert info.value.reason == "empty_body_after_cleaning"


# -- dates ------------------------------------------------------------------------------------------------------------


def test_only_date_in_the_future_gives_no_published_at_and_an_error() -> None:
    fields = raw_page(date_candidates=[("jsonld", "2025-03-08T09:00:00+07:00")])
    article, errors = build_article([fields], GenericProfile(), now=NOW)
    assert article["published_at"] is None
    assert len(errors) == 1
    assert errors[0].startswith("jsonld:") and "future" in errors[0]


def test_future_printed_line_is_rejected_but_kept_for_audit() -> None:
    fields = raw_page(date_candidates=[("printed", "Sabtu, 08 Maret 2025 | 09:00 WIB")])
    article, errors = build_article([fields], GenericProfile(), now=NOW)
    assert article["published_at"] is None
    assert article["published_at_raw"] == "Sabtu, 08 Maret 2025 | 09:00 WIB"
    assert errors and "future" in errors[0]


def test_future_date_loses_to_a_valid_one() -> None:
    fields = raw_page(
        date_candidates=[("jsonld", "2026-03-06T09:00:00+07:00"), ("printed", "Kamis, 06 Maret 2025 | 09:00 WIB")]
    )
    article, errors = build_article([fields], GenericProfile(), now=NOW)
    assert article["published_at"] == "2025-03-06T09:00:00+07:00"
    assert len(errors) == 1


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2 jam yang lalu", "2025-03-06T10:00:00+07:00"),
        ("30 menit yang lalu", "2025-03-06T11:30:00+07:00"),
        ("1 hari yang lalu", "2025-03-05T12:00:00+07:00"),
    ],
)
def test_relative_printed_date_resolved_against_now(printed: str, expected: str) -> None:
    fields = raw_page(date_candidates=[("printed", printed)])
    article, errors = build_article([fields], GenericProfile(), now=NOW)
    assert errors == []
    assert article["published_at"] == expected
    assert article["published_at_raw"] == printed


def test_relative_printed_date_follows_the_now_given() -> None:
    later = NOW + timedelta(days=3, hours=1)
    fields = raw_page(date_candidates=[("printed", "2 jam yang lalu")])
    article, _ = build_article([fields], GenericProfile(), now=later)
    assert article["published_at"] == "2025-03-09T11:00:00+07:00"
    # `now` in another zone is the same instant.
    wita_now = NOW.astimezone(timezone(timedelta(hours=8)))
    article, _ = build_article([raw_page(date_candidates=[("printed", "2 jam yang lalu")])], GenericProfile(),
                               now=wita_now)
    assert article["published_at"] == "2025-03-06T10:00:00+07:00"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Kamis, 06 Maret 2025 | 09:15 WITA", "2025-03-06T09:15:00+08:00"),
        ("Kamis, 06 Maret 2025 09:15 WIT", "2025-03-06T09:15:00+09:00"),
        ("Kamis, 06 Maret 2025 | 09:15 WIB", "2025-03-06T09:15:00+07:00"),
        ("Kamis, 06 Maret 2025 | 09:15", "2025-03-06T09:15:00+07:00"),  # no zone: WIB
    ],
)
def test_printed_zone_offset_is_kept(printed: str, expected: str) -> None:
    fields = raw_page(date_candidates=[("printed", printed)])
    article, errors = build_article([fields], GenericProfile(), now=NOW)
    assert errors == []
    assert article["published_at"] == expected


def test_wita_printed_line_beats_wall_clock_dates_and_keeps_its_offset() -> None:
    """Makassar desk: the dataLayer and the URL carry the same wall clock without a zone (read as WIB)."""
    fields = {
        "date_candidates": [
            ("printed", "Kamis, 06 Maret 2025 | 09:15 WITA"),
            ("datalayer", "2025-03-06 09:15:27"),
            ("url", "https://www.suara.com/news/2025/03/06/091500/gempa-makassar"),
        ]
    }
    errors = normalize_dates(fields, NOW)
    assert errors == []
    assert fields["published_at"] == "2025-03-06T09:15:00+08:00"
    assert fields["published_at_raw"] == "Kamis, 06 Maret 2025 | 09:15 WITA"
    assert "date_candidates" not in fields


def test_normalize_dates_without_candidates() -> None:
    fields: dict[str, Any] = {}
    assert normalize_dates(fields, NOW) == []
    assert fields == {"published_at": None, "published_at_raw": None, "modified_at": None}


def test_suara_profile_keeps_a_leading_place_phrase() -> None:
    from newscrawler.sites import get_profile

    page = {"url": "https://www.suara.com/bola/2026/10/10/220558/x", "title": "Judul",
            "paragraphs": ["Timnas Indonesia - Vietnam berakhir 3-1 di GBK.", "Paragraf kedua."]}
    article, _ = build_article([page], get_profile("suara.com"), now=datetime(2026, 11, 1, tzinfo=UTC))
    assert article["dateline"] is None
    assert article["body"].startswith("Timnas Indonesia - Vietnam")


# -- hostile values (issue 7 item 5): an article is built from what is sound, or rejected with a reason --------


def test_build_article_dates_of_the_wrong_type_are_errors_not_crashes() -> None:
    page = raw_page(date_candidates=[("jsonld", 5), ("meta", ["2025"]), ("meta", "999999999999"),
                                     ("meta", "2025-03-06T09:12:44+07:00")],
                    modified_candidates=[("jsonld", 1.5), ("meta", {"a": 1}), ("meta", "2025-03-06T08:00:00+25:00")])
    article, errors = build_article([page], now=NOW)
    assert article["published_at"] == "2025-03-06T09:12:44+07:00"
    assert article["modified_at"] is None
    assert len(errors) == 6


@pytest.mark.parametrize("title", [5, ["Banjir"], {"text": "Banjir"}, None])
def test_build_article_title_that_is_no_text_is_rejected(title: Any) -> None:
    with pytest.raises(InvalidArticle) as info:
        build_article([raw_page(title=title)], now=NOW)
    assert info.value.reason == "missing_title"


def test_build_article_drops_values_of_the_wrong_type() -> None:
    page = raw_page(
        description=7, image_url=["x"], authors=[5, None, "Rina Marlina"], tags="banjir",
        paragraphs=[None, 5, "Jakarta - Ratusan rumah di Jakarta Timur terendam banjir sejak Kamis pagi."],
        link_lists={"related": [{"title": 5, "url": "https://news.example.co.id/a"}, {"url": "x"}, "junk",
                                {"title": "Banjir Susulan", "url": "https://news.example.co.id/b"}],
                    "popular": "not a list"},
    )
    article, _ = build_article([page], now=NOW)
    assert article["description"] is None and article["image_url"] is None
    assert article["authors"] == ["Rina Marlina"]
    assert article["tags"] == []
    assert article["body"] == "Ratusan rumah di Jakarta Timur terendam banjir sejak Kamis pagi."
    assert article["link_lists"] == {"related": [{"title": "Banjir Susulan", "url": "https://news.example.co.id/b"}]}


def test_build_article_only_malformed_paragraphs_is_missing_body() -> None:
    with pytest.raises(InvalidArticle) as info:
        build_article([raw_page(paragraphs=[5, None, {"p": "x"}])], now=NOW)
    assert info.value.reason == "missing_body"


def test_build_article_from_every_hostile_fixture_page_is_valid_or_rejected() -> None:
    from newscrawler.extract.extractor import NotAnArticle

    url = "https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah"
    outcomes = {}
    for path in sorted((HERE / "fixtures" / "hostile").glob("*.html")):
        try:
            article, _ = build_article([ArticleExtractor().extract(url, path.read_bytes())], now=NOW)
        except (NotAnArticle, InvalidArticle) as exc:
            outcomes[path.name] = type(exc).__name__
            continue
        assert set(article) <= set(ARTICLE_FIELDS) and article["title"] and article["body"]
        outcomes[path.name] = "article"
    assert outcomes.pop("no-article-deep-garbage.html") == "NotAnArticle"
    assert set(outcomes.values()) == {"article"} and len(outcomes) >= 7
