"""The steps between raw extraction and a finished Article, shared by the pipelines and `extract`.

Each step takes and returns a plain dict so a Scrapy pipeline and the offline `extract` command run
exactly the same code.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from newscrawler.extract.dates import MACHINE_SOURCES, DateNormalizer, DateParseError
from newscrawler.extract.textnorm import TextNormalizer
from newscrawler.items import ARTICLE_LISTS, article_dict
from newscrawler.sites import SiteProfile, profile_for_url


class InvalidArticle(ValueError):
    """An article that must not be stored; `reason` is a short counter name."""

    def __init__(self, reason: str, url: str | None = None):
        super().__init__(f"{reason}: {url or 'no url'}")
        self.reason = reason


def merge_pages(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """One article from its pages: page 1's metadata, every page's paragraphs and inline lists."""
    merged = dict(pages[0])
    merged["paragraphs"] = [p for page in pages for p in page.get("paragraphs") or []]
    # Entries are copied: normalising their titles must not change the pages passed in.
    lists = {name: [dict(e) for e in entries] for name, entries in (pages[0].get("link_lists") or {}).items()}
    for page in pages[1:]:
        for name in ARTICLE_LISTS:
            seen = {e.get("url") for e in lists.get(name, [])}
            extra = [dict(e) for e in (page.get("link_lists") or {}).get(name, []) if e.get("url") not in seen]
            if extra:
                lists.setdefault(name, []).extend(extra)
    merged["link_lists"] = lists
    merged["pages"] = len(pages)
    for key in ("total_pages", "page_urls"):
        merged.pop(key, None)
    return merged


def validate(fields: dict[str, Any]) -> None:
    """Raise InvalidArticle for an item that would be stored half-empty. Values of the wrong type (a number
    where the page should have had text) are dropped first, in place: they are no text to keep."""
    _drop_malformed(fields)
    if not fields.get("url"):
        raise InvalidArticle("missing_url")
    if not (fields.get("title") or "").strip():
        raise InvalidArticle("missing_title", fields.get("url"))
    if not (fields.get("body") or "").strip() and not any(p.strip() for p in fields.get("paragraphs") or []):
        raise InvalidArticle("missing_body", fields.get("url"))


_TEXT_FIELDS = ("url", "title", "body", "description", "dateline", "image_url", "section", "language")
_TEXT_LIST_FIELDS = ("paragraphs", "authors", "tags")


def _drop_malformed(fields: dict[str, Any]) -> None:
    for name in _TEXT_FIELDS:
        if name in fields and not isinstance(fields[name], str):
            fields[name] = None
    for name in _TEXT_LIST_FIELDS:
        if name in fields:
            values = fields[name] if isinstance(fields[name], list | tuple) else []
            fields[name] = [v for v in values if isinstance(v, str)]
    lists = fields.get("link_lists")
    if "link_lists" in fields:
        fields["link_lists"] = {
            name: [e for e in entries if _is_entry(e)]
            for name, entries in (lists.items() if isinstance(lists, dict) else ())
            if isinstance(entries, list)
        }


def _is_entry(entry: Any) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("url"), str) and isinstance(entry.get("title"), str)


def normalize_text(fields: dict[str, Any], profile: SiteProfile, normalizer: TextNormalizer | None = None) -> None:
    """Title, body, dateline, authors, tags, link-list titles: cleaned in place."""
    normalizer = normalizer or text_normalizer(profile)
    paragraphs = fields.pop("paragraphs", None)
    if paragraphs is None:
        paragraphs = (fields.get("body") or "").split("\n\n")
    cleaned = normalizer.normalize_article(
        {
            "title": fields.get("title") or "",
            "paragraphs": paragraphs,
            "description": fields.get("description"),
            "authors": fields.get("authors") or [],
            "tags": fields.get("tags") or [],
        },
        # A site without a profile is named by its domain ("kabarkota.example" brands " - Kabar Kota").
        site_names=profile.site_names() or tuple(n for n in (fields.get("site"),) if n),
    )
    fields.update(cleaned)
    fields["description"] = fields.get("description") or None
    for entries in (fields.get("link_lists") or {}).values():
        for entry in entries:
            entry["title"] = normalizer.clean_text(entry["title"])
    if not fields.get("body"):
        raise InvalidArticle("empty_body_after_cleaning", fields.get("url"))


def normalize_dates(fields: dict[str, Any], now: datetime, normalizer: DateNormalizer | None = None) -> list[str]:
    """published_at / modified_at as ISO strings with offset; returns the date errors met."""
    normalizer = normalizer or DateNormalizer()
    candidates = [tuple(c) for c in fields.pop("date_candidates", None) or []]
    published, raw, errors = normalizer.choose(candidates, now)
    fields["published_at"] = normalizer.to_iso(published) if published else None
    fields["published_at_raw"] = raw
    modified_candidates = [tuple(c) for c in fields.pop("modified_candidates", None) or []]
    modified, modified_errors = None, []
    if modified_candidates:
        modified, _, modified_errors = normalizer.choose(modified_candidates, now)
    if modified is not None and published is not None:
        modified = _relabel_like_published(modified, candidates, published, normalizer)
    fields["modified_at"] = normalizer.to_iso(modified) if modified else None
    return errors + modified_errors


def _relabel_like_published(
    modified: datetime, candidates: list[tuple], published: datetime, normalizer: DateNormalizer
) -> datetime:
    """A CMS that writes local wall-clock time under a wrong offset (kompas JSON-LD "+00:00") does it in
    dateModified too: when the publish time was relabelled from a machine date's offset, so is `modified`."""
    for source, text in candidates:
        if source not in MACHINE_SOURCES:
            continue
        try:
            machine = normalizer.parse_instant(text)
        except DateParseError:
            continue
        wrong = machine.utcoffset()
        if wrong != published.utcoffset() and machine.replace(tzinfo=published.tzinfo) == published:
            return modified.replace(tzinfo=published.tzinfo) if modified.utcoffset() == wrong else modified
    return modified


def text_normalizer(profile: SiteProfile) -> TextNormalizer:
    return TextNormalizer(
        credit_patterns=profile.credit_patterns,
        boilerplate_patterns=profile.boilerplate_patterns,
        place_datelines=profile.place_datelines,
    )


def build_article(
    pages: list[dict[str, Any]], profile: SiteProfile | None = None, now: datetime | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Raw page fields -> the public Article (contract order) and the date errors met on the way."""
    now = now or datetime.now(UTC)
    pages = [dict(page) for page in pages]  # shallow copies: _drop_malformed replaces values, never edits them
    for page in pages:
        _drop_malformed(page)
    fields = merge_pages(pages)
    validate(fields)
    profile = profile or profile_for_url(fields["url"])
    normalize_text(fields, profile)
    errors = normalize_dates(fields, now)
    fields.pop("page_url", None)
    return article_dict(fields), errors
