"""Golden pages: saved HTML + the Article a reader would write down from it (like Fundus' fixtures)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.processing import build_article
from newscrawler.items import ARTICLE_FIELDS
from newscrawler.sites import profile_for_url

GOLDEN = Path(__file__).parent / "golden"
PAIRS = sorted(GOLDEN.glob("*/*.expected.json"))
DATE_FIELDS = ("published_at", "modified_at")
#: Contract fields a golden file may leave out (it lists what a reader checks on the page).
EXTRA_FIELDS = {"description", "published_at_raw", "pages", "crawled_at"}


def extract(expected_path: Path) -> tuple[dict, dict]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    html = expected_path.with_name(expected_path.name.replace(".expected.json", ".html")).read_bytes()
    profile = profile_for_url(expected["url"])
    article, errors = build_article([ArticleExtractor(profile).extract(expected["url"], html)], profile)
    assert errors == []
    return article, expected


@pytest.mark.parametrize("path", PAIRS, ids=[f"{p.parent.name}/{p.name}" for p in PAIRS])
def test_golden_page(path: Path) -> None:
    article, expected = extract(path)
    for field in DATE_FIELDS:
        if expected.get(field) is not None:
            assert datetime.fromisoformat(article[field]) == datetime.fromisoformat(expected[field]), field
            assert article[field][-6:] == expected[field][-6:], f"{field} keeps the site's zone"
    assert {k: v for k, v in article.items() if k in expected and k not in DATE_FIELDS} == {
        k: v for k, v in expected.items() if k not in DATE_FIELDS
    }
    assert set(article) - set(expected) <= EXTRA_FIELDS
    assert list(article) == [f for f in ARTICLE_FIELDS if f in article]


def test_seed_extra_fields() -> None:
    article, _ = extract(GOLDEN / "suara.com" / "seed-article.expected.json")
    assert article["published_at_raw"] == "Kamis, 06 Maret 2025 | 08:05 WIB"
    assert article["pages"] == 1
    assert article["description"].startswith("Amerika Serikat telah mengadakan pembicaraan langsung")


def test_seed_matches_shared_copy() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seed"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    ours = GOLDEN / "suara.com"
    assert (ours / "seed-article.html").read_bytes() == (shared / "suara-article.html").read_bytes()
    assert json.loads((ours / "seed-article.expected.json").read_text()) == json.loads(
        (shared / "suara-article.expected.json").read_text()
    )
