"""ArticleExtractor: a pure function of (url, html) -> the raw fields of one article page.

Order of evidence for every field: JSON-LD, then meta tags, then the profile's CSS hints, then generic
heuristics. Normalisation (text, dates) is the pipelines' job, shared with `newscrawler extract` through
newscrawler.extract.processing.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from typing import Any

from extruct.jsonld import JsonLdExtractor
from lxml import etree

from newscrawler.extract.linklists import LinkListFinder, parse_html
from newscrawler.sites import SiteProfile, profile_for_url
from newscrawler.urls import absolute_url, host_allowed, hostname, registrable_domain

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle",
     "LiveBlogPosting", "Report", "WebPage"}
)
_DATALAYER = re.compile(r"dataLayer\.push\(\s*(\{.*?\})\s*\)", re.S)
_SPACES = re.compile(r"\s+")
_BREAK = "\u2029"  # marks a <br> while the text of a <br>-separated body is read
_HEADLINE_CHARS = 25  # a link with this much text is a headline, not an inline link


class NotAnArticle(ValueError):
    """The page has no article on it (an index, an error page, an empty document)."""


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _names(value: Any, graph: dict[str, dict] | None = None) -> list[str]:
    names = []
    for v in _as_list(value):
        if isinstance(v, dict) and "name" not in v and v.get("@id") in (graph or {}):
            v = graph[v["@id"]]
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and _clean(name):
            names.append(_clean(name))
    return names


def _image(value: Any) -> str | None:
    for v in _as_list(value):
        url = v.get("url") or v.get("contentUrl") if isinstance(v, dict) else v
        if isinstance(url, str) and url.strip():
            return url.strip()
    return None


def _flatten_jsonld(items: Iterable[Any]) -> list[dict]:
    out: list[dict] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten_jsonld(item))
        elif isinstance(item, dict):
            out.append(item)
            out.extend(_flatten_jsonld(_as_list(item.get("@graph"))))
    return out


def _type_of(obj: dict) -> set[str]:
    return {t for t in _as_list(obj.get("@type")) if isinstance(t, str)}


class ArticleExtractor:
    """Extracts one page. `extract()` returns raw fields; see newscrawler.extract.processing for the rest."""

    def __init__(self, profile: SiteProfile | None = None):
        self.profile = profile
        self.finder = LinkListFinder(profile.extra_list_labels if profile else None)

    def extract(self, url: str, html: str | bytes, content_type: str | None = None) -> dict[str, Any]:
        """Raw fields of the article at `url`; bytes are decoded by `content_type`'s charset, BOM or <meta>."""
        profile = self.profile or profile_for_url(url)
        try:
            root = parse_html(html, content_type)
        except (etree.ParserError, ValueError) as exc:
            raise NotAnArticle(f"not an HTML document: {exc}") from exc
        root.make_links_absolute(url, resolve_base_href=True, handle_failures="ignore")
        jsonld, graph = self._jsonld(root)
        meta = self._meta(root)
        datalayer = self._datalayer(root)
        canonical = self._canonical(root, url, profile)
        fields: dict[str, Any] = {
            "url": canonical,
            "page_url": url,
            "site": profile.site_key(canonical),
            "section": profile.section_from_url(canonical) or _clean(datalayer.get("articleCategory")) or None,
            "title": _clean(jsonld.get("headline")) or meta.get("og:title") or self._css_text(root, profile.title_css)
            or _clean(root.findtext(".//title")),
            "description": jsonld.get("description") or meta.get("description") or meta.get("og:description"),
            "authors": _names(jsonld.get("author"), graph) or self._css_texts(root, profile.author_css)
            or _names(meta.get("author")),
            "date_candidates": self._dates(root, jsonld, meta, datalayer, canonical, profile),
            "modified_candidates": [
                (src, v) for src, v in (("jsonld", jsonld.get("dateModified")),
                                        ("meta", meta.get("article:modified_time"))) if v
            ],
            "tags": self._css_texts(root, profile.tags_css) or self._keywords(jsonld.get("keywords"))
            or self._keywords(meta.get("news_keywords") or meta.get("keywords")),
            "image_url": absolute_url(
                _image(jsonld.get("image")) or meta.get("og:image") or meta.get("twitter:image") or "", url
            ),
            "language": self._language(root, jsonld, meta, profile),
            "total_pages": self._total_pages(root, datalayer, profile),
        }
        fields["link_lists"] = self._lists(root, url, profile)
        body = self._body_root(root, profile)
        fields["paragraphs"] = self._paragraphs(body, profile, jsonld)
        fields["page_urls"] = self._pager_urls(root, profile)
        if not fields["title"] or not fields["paragraphs"]:
            raise NotAnArticle("no article title or body found on the page")
        self._check_is_article(url, canonical, profile, jsonld, meta, body)
        return fields

    def _check_is_article(self, url, canonical, profile, jsonld, meta, body) -> None:
        """Index pages, home pages (where a deleted article redirects) and tag pages are not articles."""
        if profile.article_url_re is not None:
            if not (profile.is_article_url(url) or profile.is_article_url(canonical)):
                raise NotAnArticle(f"not an article URL for {profile.key}: {url}")
            return
        declared = bool(jsonld) or meta.get("og:type", "").lower() == "article"
        if not declared and body is not None and _looks_like_listing(body):
            raise NotAnArticle("the page is a list of headlines, not an article")

    # -- metadata ---------------------------------------------------------------------------------
    def _jsonld(self, root) -> tuple[dict, dict[str, dict]]:
        """The page's article object, and every identified object (authors are often `{"@id": …}` links)."""
        try:
            data = JsonLdExtractor().extract_items(root)
        except (ValueError, TypeError):
            return {}, {}
        objects = _flatten_jsonld(list(data))
        graph = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
        articles = [o for o in objects if _type_of(o) & ARTICLE_TYPES and (o.get("headline") or o.get("datePublished"))]
        articles.sort(key=lambda o: "WebPage" in _type_of(o))  # a real article type beats a WebPage
        return (articles[0] if articles else {}), graph

    def _meta(self, root) -> dict[str, str]:
        meta: dict[str, str] = {}
        for el in root.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            value = el.get("content")
            if key and value and key not in meta:
                meta[key] = value.strip()
        return meta

    def _datalayer(self, root) -> dict:
        for script in root.iter("script"):
            text = script.text or ""
            if "dataLayer" not in text:
                continue
            for match in _DATALAYER.finditer(text):
                try:
                    data = json.loads(match.group(1))
                except json.JSONDecodeError:
                    continue
                if isinstance(data, dict) and ("articleDate" in data or "articleTotalPages" in data):
                    return data
        return {}

    def _canonical(self, root, url: str, profile: SiteProfile) -> str:
        for el in root.iter("link"):
            if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
                href = absolute_url(el.get("href"), url)
                # A canonical pointing at another site (syndication) does not rename this page.
                if href and registrable_domain(hostname(href)) == registrable_domain(hostname(url)):
                    return profile.canonical(href)
        return profile.canonical(url)

    def _dates(self, root, jsonld, meta, datalayer, url, profile) -> list[tuple[str, str]]:
        candidates = [
            ("jsonld", jsonld.get("datePublished")),
            ("meta", meta.get("article:published_time") or meta.get("pubdate") or meta.get("publishdate")),
            ("printed", self._css_text(root, profile.date_css) if profile.date_css else None),
            ("datalayer", datalayer.get("articleDate")),
            ("url", url),
        ]
        for el in root.iter("time"):
            candidates.append(("meta", el.get("datetime")))
        return [(src, _clean(str(v))) for src, v in candidates if v]

    def _keywords(self, value: Any) -> list[str]:
        words: list[str] = []
        for v in _as_list(value):
            if isinstance(v, str):
                words.extend(w for w in (_clean(x) for x in v.split(",")) if w)
        return words

    def _language(self, root, jsonld, meta, profile) -> str | None:
        lang = jsonld.get("inLanguage") or root.get("lang") or meta.get("og:locale") or profile.language
        if isinstance(lang, str) and lang.strip():
            return re.split(r"[-_]", lang.strip().lower())[0]
        return None

    def _total_pages(self, root, datalayer, profile) -> int:
        try:
            declared = int(str(datalayer.get("articleTotalPages", "1")).strip() or 1)
        except ValueError:
            declared = 1
        return max(1, min(declared, profile.max_pages))

    # -- page content -----------------------------------------------------------------------------
    def _css_text(self, root, css: str | None) -> str | None:
        texts = self._css_texts(root, css)
        return texts[0] if texts else None

    def _css_texts(self, root, css: str | None) -> list[str]:
        """Texts of the first selector in a comma list that matches: the list is in order of preference."""
        for el_list in _by_preference(root, css):
            texts = [t for t in (_clean(el.text_content()) for el in el_list) if t]
            if texts:
                return texts
        return []

    def _lists(self, root, url: str, profile: SiteProfile) -> dict[str, list[dict]]:
        hints = {"read_also": profile.read_also_css} if profile.read_also_css else None
        lists = self.finder.find(root, url, hints)
        # Only links on the site itself are articles of its lists (ads and partner boxes are not).
        allowed = profile.allowed_hosts or (registrable_domain(hostname(url)),)
        for name in list(lists):
            lists[name] = [e for e in lists[name] if host_allowed(e["url"], allowed)]
            if not lists[name]:
                del lists[name]
        return lists

    def _body_root(self, root, profile: SiteProfile):
        for found in _by_preference(root, profile.body_css):
            return found[0]
        # Generic: the element holding the most paragraph text, in <p> children or in <br>-separated runs.
        best, best_len = None, 0
        for el in root.iter("article", "div", "section", "main"):
            length = max(sum(len(p.text_content()) for p in el.findall("p")), _br_text_length(el))
            if length > best_len:
                best, best_len = el, length
        return best

    def _paragraphs(self, body, profile: SiteProfile, jsonld: dict) -> list[str]:
        if body is None:
            text = jsonld.get("articleBody")
            return [p for p in re.split(r"\n\s*\n|\r?\n", text or "") if p.strip()]
        body = copy.deepcopy(body)
        for css in profile.drop_css + profile.read_also_css:
            for el in body.cssselect(css):
                el.drop_tree()
        paragraphs = [_inline_text(p) for p in body.cssselect(profile.paragraph_css)]
        if sum(len(p) for p in paragraphs) < _br_text_length(body):
            # Bodies split by <br> (sindonews): one paragraph per run of text between breaks.
            for br in body.iter("br"):
                br.tail = _BREAK + (br.tail or "")
            paragraphs = [_clean(t) for t in body.text_content().split(_BREAK)]
        return [p for p in paragraphs if p]

    def _pager_urls(self, root, profile: SiteProfile) -> list[str]:
        if not profile.pager_css:
            return []
        return [a.get("href") for a in root.cssselect(profile.pager_css) if a.get("href")]


def _by_preference(root, css: str | None):
    """Matches of each selector of a comma list in turn, so a fallback never beats the preferred one."""
    for part in (css or "").split(","):
        if part.strip():
            found = root.cssselect(part.strip())
            if found:
                yield found


def _looks_like_listing(body) -> bool:
    """As many headline links as paragraphs: teasers on an index page, not the text of one article."""
    paragraphs = len(body.findall(".//p"))
    headlines = sum(1 for a in body.iter("a") if len(_clean(a.text_content())) >= _HEADLINE_CHARS)
    return headlines >= 3 and headlines >= paragraphs


def _br_text_length(el) -> int:
    """Text directly inside `el` around its <br>s (0 when it has none)."""
    if el.find("br") is None:
        return 0
    return len((el.text or "").strip()) + sum(len((child.tail or "").strip()) for child in el)


def _inline_text(el) -> str:
    """Text of one paragraph; inline markup adds no spaces, as in a browser."""
    return "".join(el.itertext())
