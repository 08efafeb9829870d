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

from newscrawler.extract import language
from newscrawler.extract.body import (
    TITLE_CHROME_TAGS,
    body_paragraphs,
    captions,
    continued_bodies,
    drop_picture_blocks,
    find_body,
    is_chrome,
)
from newscrawler.extract.css import PageSelector, select, select_any
from newscrawler.extract.header import choose_title, credited_authors, printed_date_line
from newscrawler.extract.html import parse_html
from newscrawler.extract.linklists import LinkListFinder
from newscrawler.sites import SiteProfile, profile_for_url
from newscrawler.urls import absolute_url, host_allowed, hostname, registrable_domain

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle",
     "LiveBlogPosting", "Report", "WebPage"}
)
_DATALAYER = re.compile(r"dataLayer\.push\(\s*(\{.*?\})\s*\)", re.S)
_HEADLINE_CHARS = 25  # a link with this much text is a headline, not an inline link
_MIN_HEADLINE_WORDS = 3
_MIN_ARTICLE_CHARS = 60  # less body text than this is an empty shell (a video player, a teaser)
_MIN_TEXT_ON_OTHER_PAGES = 400  # a page declared as video/gallery/website needs real text to be an article
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
    "publish_date", "dc.date.issued", "dc.date", "date", "parsely-pub-date", "sailthru.date",
)
_LOCAL_PUBLISHED_META = ("pubdate",)
# A date that states a time of day ("T16:15", " 16:15", detik's "T20-59-53Z"), or an epoch.
# A desk's initials in <meta name="author"> ("bgs", "fas/idn"): a sign-off code, not a name.
_INITIALS_RE = re.compile(r"^[a-z]{2,5}(?:/[a-z]{2,5})*$")
_UTC_LABEL_RE = re.compile(r"(?:Z|[+-]00:?00)$")
_TIMED_RE = re.compile(r"(?:T|\s)\d{1,2}[:.-]\d{2}|\d{1,2}[:.]\d{2}|^\d{9,13}$")
_JSONLD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')
# Compiled once: `el.xpath(string)` compiles its expression on every call.
_PUBLISHED_ITEMPROP = etree.XPath("//*[@itemprop='datePublished'][not(self::meta)]")
_AUTHOR_ITEMPROP = etree.XPath("//*[@itemprop='author'][not(self::meta) and not(self::link)]")
_NAME_ITEMPROP = etree.XPath(".//*[@itemprop='name']")
_IN_LINK = etree.XPath("boolean(ancestor::a)")
# Every itemprop value of the page, read without a predicate per element: the itemprop XPaths above test one
# on every element, and most pages have no such item.
_GALLERY_URL_RE = re.compile(r"/(?:foto|photo|photos|galeri|gallery|galleries|potret|infografis)(?:/|-)", re.I)
_NOT_ARTICLE_KINDS = frozenset({"video", "gallery", "website", "listing", "profile"})


class NotAnArticle(ValueError):
    """The page has no article on it (an index, an error page, an empty document)."""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text_value(value: Any) -> str | None:
    """A JSON-LD / dataLayer value that must be text: the string, the first string of a list, else None
    (pages put numbers, objects and lists where a string belongs)."""
    for v in _as_list(value):
        if isinstance(v, str):
            return v
    return None


def _date_value(value: Any) -> str | None:
    """A machine date as text: a string, or a JSON number (an epoch), or the first of a list of those."""
    for v in _as_list(value):
        if isinstance(v, str):
            return v
        if isinstance(v, int | float) and not isinstance(v, bool) and v == v and abs(v) < 1e15:
            return str(int(v))
    return None


def _names(value: Any, graph: dict[str, dict] | None = None) -> list[str]:
    names = []
    for v in _as_list(value):
        ref = v.get("@id") if isinstance(v, dict) and "name" not in v else None
        if isinstance(ref, str) and ref in (graph or {}):
            v = graph[ref]
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and _clean(name):
            names.append(_clean(name))
    return names


def _section_name(value: Any) -> str | None:
    """The declared channel (JSON-LD articleSection, article:section) as a URL-style name: "Ekonomi Bisnis" ->
    "ekonomi-bisnis", for sites whose article URLs carry no channel (antaranews.com/berita/{id}/…)."""
    for v in _as_list(value):
        if isinstance(v, str) and _clean(v):
            return "-".join(_clean(v).lower().split())
    return None


def _image(value: Any) -> str | None:
    for v in _as_list(value):
        url = v.get("url") or v.get("contentUrl") if isinstance(v, dict) else v
        if isinstance(url, str) and url.strip():
            return url.strip()
    return None


#: Lists and @graph nesting followed this deep; real pages use two or three levels, hostile ones thousands.
_MAX_JSONLD_DEPTH = 32


def _flatten_jsonld(items: Iterable[Any]) -> list[dict]:
    """Every object of the JSON-LD blocks, in document order, through lists and @graph (without recursion:
    a page nesting them thousands deep must not exhaust the stack)."""
    out: list[dict] = []
    stack: list[tuple[Any, int]] = [(item, 0) for item in reversed(list(items))]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            out.append(item)
            children = _as_list(item.get("@graph"))
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth < _MAX_JSONLD_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(children))
    return out


def _jsonld_items(script) -> list:
    """The non-empty top-level items of one JSON-LD block: the JSON is read here (most blocks are valid), and
    only a block json refuses goes to extruct, whose reader forgives the comments CMSs put before the JSON."""
    try:
        data = json.loads("".join(script.itertext()), strict=False)
    except ValueError:
        return JsonLdExtractor().extract_items(script)
    if isinstance(data, list):
        return [item for item in data if item]
    return [data] if isinstance(data, dict) and data else []


def _type_of(obj: dict) -> set[str]:
    return {t for t in _as_list(obj.get("@type")) if isinstance(t, str)}


class ArticleExtractor:
    """Extracts one page. `extract()` returns raw fields; see newscrawler.extract.processing for the rest."""

    def __init__(self, profile: SiteProfile | None = None):
        self.profile = profile
        self.finder = LinkListFinder(profile.extra_list_labels if profile else None)

    def extract(self, url: str, html: str | bytes, content_type: str | None = None) -> dict[str, Any]:
        """Raw fields of the article at `url`; bytes are decoded by `content_type`'s charset, BOM or <meta>."""
        try:
            return self._extract(url, html, content_type)
        except RecursionError as exc:
            # parse_html flattens deep wrapper nesting; a page still deeper than the tree walks go is unreadable.
            raise NotAnArticle("the page is nested too deeply to read") from exc

    def _extract(self, url: str, html: str | bytes, content_type: str | None) -> dict[str, Any]:
        profile = self.profile or profile_for_url(url)
        try:
            root = parse_html(html, content_type)
        except (etree.ParserError, ValueError) as exc:
            raise NotAnArticle(f"not an HTML document: {exc}") from exc
        # Links are resolved when read (lists, pager, canonical), not rewritten all over the tree.
        base = _base_url(root, url)
        jsonld, graph = self._jsonld(root)
        meta = self._meta(root)
        datalayer = self._datalayer(root)
        # Scripts and styles are read (JSON-LD, dataLayer); from here on their text would only pass for prose.
        etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
        canonical = self._canonical(root, url, profile)
        # Every profile selector below reads the page as it is from here on.
        pick = PageSelector(root)
        title, title_el = self._title(root, jsonld, meta, profile, pick)
        body = self._body_root(pick, profile)
        fields: dict[str, Any] = {
            "url": canonical,
            "page_url": url,
            "site": profile.site_key(canonical),
            "section": profile.section_from_url(canonical) or _clean(_text_value(datalayer.get("articleCategory")))
            or _section_name(jsonld.get("articleSection") or meta.get("article:section")),
            "title": title,
            "description": _text_value(jsonld.get("description")) or meta.get("description")
            or meta.get("og:description"),
            "authors": self._authors(root, jsonld, graph, meta, profile, pick),
            "date_candidates": self._dates(root, jsonld, meta, datalayer, canonical, profile, title_el, body, pick),
            "modified_candidates": [
                (src, v) for src, v in (("jsonld", _date_value(jsonld.get("dateModified"))),
                                        ("meta", meta.get("article:modified_time"))) if v
            ],
            "tags": self._css_texts(pick, profile.tags_css) or self._keywords(jsonld.get("keywords"))
            or self._keywords(meta.get("news_keywords") or meta.get("keywords")),
            "image_url": absolute_url(
                _image(jsonld.get("image")) or meta.get("og:image") or meta.get("twitter:image") or "", base
            ),
            "language": None,
            "total_pages": self._total_pages(root, datalayer, profile),
        }
        fields["link_lists"] = self._lists(root, url, base, profile, pick)
        fields["paragraphs"] = self._paragraphs(root, body, profile, jsonld, meta, url)
        fields["language"] = self._language(root, jsonld, meta, profile, fields["paragraphs"])
        fields["page_urls"] = self._pager_urls(pick, base, profile)
        if not fields["title"] or not fields["paragraphs"]:
            raise NotAnArticle("no article title or body found on the page")
        self._check_is_article(url, canonical, profile, jsonld, meta, body, fields["paragraphs"])
        return fields

    def _check_is_article(self, url, canonical, profile, jsonld, meta, body, paragraphs) -> None:
        """Index pages, home pages (where a deleted article redirects), tag pages and video pages without
        text are not articles: they are rejected with the reason, never stored half-empty."""
        if profile.article_url_re is not None and not (
            profile.is_article_url(url) or profile.is_article_url(canonical)
        ):
            raise NotAnArticle(f"not an article URL for {profile.key}: {url}")
        chars = sum(len(p) for p in paragraphs)
        if chars < _MIN_ARTICLE_CHARS:
            raise NotAnArticle(f"too little text for an article ({chars} characters)")
        kind = _declared_kind(jsonld, meta)
        if kind in _NOT_ARTICLE_KINDS and chars < _MIN_TEXT_ON_OTHER_PAGES:
            raise NotAnArticle(f"a {kind} page without article text")
        if profile.article_url_re is not None:
            return
        if kind != "article" and body is not None and _looks_like_listing(body):
            raise NotAnArticle("the page is a list of headlines, not an article")

    # -- metadata ---------------------------------------------------------------------------------
    def _jsonld(self, root) -> tuple[dict, dict[str, dict]]:
        """The page's article object, and every identified object (authors are often `{"@id": …}` links)."""
        data: list[Any] = []
        for script in _JSONLD_SCRIPTS(root):
            # Block by block: one broken block (bad JSON, or nested past json's recursion limit) loses only itself.
            try:
                data.extend(_jsonld_items(script))
            except (ValueError, TypeError, RecursionError):
                continue
        objects = _flatten_jsonld(data)
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

    def _dates(self, root, jsonld, meta, datalayer, url, profile, title_el, body,
               pick: PageSelector) -> list[tuple[str, str]]:
        candidates = [("jsonld", _date_value(jsonld.get("datePublished")))]
        candidates += [("meta", meta.get(key)) for key in _PUBLISHED_META]
        # detik-family `pubdate` is WIB wall-clock time even when it ends in "Z".
        candidates += [("meta_local", meta.get(key)) for key in _LOCAL_PUBLISHED_META]
        candidates.append(("printed", self._css_text(pick, profile.date_css) if profile.date_css else None))
        candidates += [("datalayer", datalayer.get("articleDate")), ("url", url)]
        for el in root.iter("time"):
            candidates.append(("meta", el.get("datetime")))
        for el in _PUBLISHED_ITEMPROP(root) if "datePublished" in pick.itemprops else ():
            candidates.append(("meta", el.get("content") or el.get("datetime")) if el.get("content")
                              or el.get("datetime") else ("printed", _clean(el.text_content())))
        candidates = [(src, _clean(str(v))) for src, v in candidates if v]
        if not any(src != "url" and _TIMED_RE.search(text) and not _UTC_LABEL_RE.search(text)
                   for src, text in candidates):
            # No source gives a local time of day (a UTC label on these portals is often WIB wall-clock time
            # mislabelled): look for the date line printed near the headline, to choose or to cross-check.
            line = printed_date_line(title_el if title_el is not None else body, stop=body)
            if line:
                candidates.append(("printed", line))
        return candidates

    def _title(self, root, jsonld, meta, profile: SiteProfile, pick: PageSelector):
        """(headline, its element on the page or None): see newscrawler.extract.header.choose_title."""
        elements = [el for el in next(_by_preference(pick, profile.title_css), [])
                    if not is_chrome(el, TITLE_CHROME_TAGS)]
        visible = [_clean(el.text_content()) for el in elements]
        metadata = [_clean(jsonld.get("headline")) if isinstance(jsonld.get("headline"), str) else "",
                    meta.get("og:title", ""), meta.get("twitter:title", "")]
        title = choose_title(visible, metadata, _clean(root.findtext(".//title")))
        element = next((el for el, text in zip(elements, visible, strict=True) if text == title), None)
        if element is None and title:
            # No <h1> agrees: the headline printed in another element ("<div class=judul>") is the visible one.
            element, printed = _printed_headline(root, title)
            title = printed or title
        if element is None and elements:
            element = elements[0]
        return title, element

    def _authors(self, root, jsonld: dict, graph: dict[str, dict], meta: dict[str, str], profile,
                 pick: PageSelector) -> list[str]:
        structured = _names(jsonld.get("author"), graph)
        if structured and not profile.byline_over_jsonld:
            return structured
        byline = self._css_texts(pick, profile.author_css) or _itemprop_authors(pick) or credited_authors(root)
        return byline or structured or [n for n in _names(meta.get("author")) if not _INITIALS_RE.match(n)]

    def _keywords(self, value: Any) -> list[str]:
        words: list[str] = []
        for v in _as_list(value):
            if isinstance(v, str):
                words.extend(w for w in (_clean(x) for x in v.split(",")) if w)
        return words

    def _language(self, root, jsonld, meta, profile, paragraphs: list[str]) -> str | None:
        # <meta name="language"> names the text's language; <html lang> is often a template default ("en").
        declared = (jsonld.get("inLanguage") or meta.get("language") or root.get("lang") or meta.get("og:locale")
                    or meta.get("content-language"))
        sample: list[str] = []
        for paragraph in paragraphs:
            sample.append(paragraph)
            if sum(map(len, sample)) >= language.SAMPLE_CHARS:
                break
        return language.choose(declared if isinstance(declared, str) else None, " ".join(sample), profile.language)

    def _total_pages(self, root, datalayer, profile) -> int:
        try:
            declared = int(str(datalayer.get("articleTotalPages", "1")).strip() or 1)
        except ValueError:
            declared = 1
        return max(1, min(declared, profile.max_pages))

    # -- page content -----------------------------------------------------------------------------
    def _css_text(self, pick: PageSelector, css: str | None) -> str | None:
        texts = self._css_texts(pick, css)
        return texts[0] if texts else None

    def _css_texts(self, pick: PageSelector, css: str | None) -> list[str]:
        """Texts of the first selector in a comma list that matches: the list is in order of preference."""
        for el_list in _by_preference(pick, css):
            texts = [t for t in (_clean(el.text_content()) for el in el_list) if t]
            if texts:
                return texts
        return []

    def _lists(self, root, url: str, base: str, profile: SiteProfile, pick: PageSelector) -> dict[str, list[dict]]:
        hints = {"read_also": profile.read_also_css} if profile.read_also_css else None
        lists = self.finder.find(root, base, hints, pick=pick)
        # Only links on the site itself are articles of its lists (ads and partner boxes are not).
        allowed = profile.allowed_hosts or (registrable_domain(hostname(url)),)
        for name in list(lists):
            lists[name] = [e for e in lists[name] if host_allowed(e["url"], allowed)]
            if not lists[name]:
                del lists[name]
        return lists

    def _body_root(self, pick: PageSelector, profile: SiteProfile):
        for found in _by_preference(pick, profile.body_css):
            return found[0]
        return find_body(pick.root)

    def _paragraphs(self, root, body, profile: SiteProfile, jsonld: dict, meta: dict, url: str) -> list[str]:
        paragraphs: list[str] = []
        if body is not None:
            # A profile's body selector names the one container; a body found by its text may go on in
            # sibling blocks (all pages printed in one document).
            parts = [body] if profile.body_css else continued_bodies(body)
            paragraphs = [p for part in parts for p in self._body_text(part, profile)]
        declared = jsonld.get("articleBody")
        if isinstance(declared, str) and len(declared) > 2 * sum(map(len, paragraphs)) + _MIN_ARTICLE_CHARS:
            # The page renders its text with scripts (or not at all); JSON-LD carries it.
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r?\n", declared) if p.strip()]
        if sum(map(len, paragraphs)) < _MIN_TEXT_ON_OTHER_PAGES:
            paragraphs = self._with_captions(root, paragraphs, jsonld, meta, url)
        return paragraphs

    def _body_text(self, body, profile: SiteProfile) -> list[str]:
        """Paragraphs of one body container, read from a copy without the profile's and the generic noise."""
        body = copy.deepcopy(body)
        dropped = ", ".join(profile.drop_css + profile.read_also_css)
        for el in select_any(body, dropped) if dropped else []:
            if el.getparent() is not None:  # a match inside one already dropped went with it
                el.drop_tree()
        if profile.paragraph_css != "p":
            return [t for t in (_clean(_inline_text(p)) for p in select(body, profile.paragraph_css)) if t]
        drop_picture_blocks(body)
        return body_paragraphs(body)

    def _with_captions(self, root, paragraphs: list[str], jsonld, meta, url: str) -> list[str]:
        """Photo and gallery pages: the captions are the text (a lone lead-photo caption is not)."""
        found = [c for c in captions(root) if c not in paragraphs]
        gallery = _declared_kind(jsonld, meta) == "gallery" or _GALLERY_URL_RE.search(url)
        if len(found) >= 2 or (found and gallery):
            return paragraphs + found
        return paragraphs

    def _pager_urls(self, pick: PageSelector, base: str, profile: SiteProfile) -> list[str]:
        if not profile.pager_css:
            return []
        return [absolute_url(a.get("href"), base) for a in pick(profile.pager_css) if a.get("href")]


def _by_preference(pick: PageSelector, css: str | None):
    """Matches of each selector of a comma list in turn, so a fallback never beats the preferred one."""
    for part in (css or "").split(","):
        if part.strip():
            found = pick(part.strip())
            if found:
                yield found


_TEXT_EQUALS = etree.XPath("//body//text()[normalize-space(.) = $text]")
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS_RE = re.compile(r"title|judul|headline|heading", re.I)
_TITLE_PARTS_RE = re.compile(r"\s+(?:[-|—–:]|::)\s+")


def _printed_headline(root, title: str) -> tuple[Any, str | None]:
    """(element, text) of the page's own printing of a metadata title or of its longest part ("Judul ::
    Brand" -> "Judul"), or (None, None)."""
    parts = sorted((p for p in _TITLE_PARTS_RE.split(title) if len(p.split()) >= _MIN_HEADLINE_WORDS),
                   key=len, reverse=True)
    for text in dict.fromkeys([title, *parts]):
        if _NOT_XML_RE.search(text):
            continue  # control characters from a broken attribute: no text node of the tree can hold them
        for run in _TEXT_EQUALS(root, text=text):
            element = run.getparent()
            if run.is_tail or element is None or element.tag in ("title", "option"):
                continue
            if element.tag == "a":  # a linked headline: the heading around the link, never a list entry
                element = element.getparent()
                if element is None or not (element.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(
                        f"{element.get('class') or ''} {element.get('id') or ''}")):
                    continue
            if element is not None and not is_chrome(element, TITLE_CHROME_TAGS) and not _IN_LINK(element):
                return element, text
    return None, None


def _base_url(root, url: str) -> str:
    """The URL relative links resolve against: <base href> if the page has one, else the page's URL."""
    for el in root.iter("base"):
        href = el.get("href")
        if href:
            return absolute_url(href, url) or url
    return url


def _itemprop_authors(pick: PageSelector) -> list[str]:
    """Microdata bylines: `<span itemprop="author">Name</span>` or an author item with a `name` inside."""
    names = []
    for el in _AUTHOR_ITEMPROP(pick.root) if "author" in pick.itemprops else ():
        named = _NAME_ITEMPROP(el)
        name = _clean((named[0].get("content") or named[0].text_content()) if named else el.text_content())
        if name and len(name) <= 60 and name not in names:
            names.append(name)
    return names


def _declared_kind(jsonld: dict, meta: dict[str, str]) -> str | None:
    """What the page says it is: "article", "video", "gallery", "website", "listing", "profile" or None."""
    if jsonld and _type_of(jsonld) - {"WebPage"}:
        return "article"
    og_type = meta.get("og:type", "").lower()
    if og_type.startswith("video"):
        return "video"
    return _OG_KINDS.get(og_type)


_OG_KINDS = {"article": "article", "website": "website", "profile": "profile", "gallery": "gallery",
             "photo": "gallery", "object": None}


def _looks_like_listing(body) -> bool:
    """As many headline links as paragraphs: teasers on an index page, not the text of one article."""
    paragraphs = len(body.findall(".//p"))
    headlines = sum(1 for a in body.iter("a") if len(_clean(a.text_content())) >= _HEADLINE_CHARS)
    return headlines >= 3 and headlines >= paragraphs


def _inline_text(el) -> str:
    """Text of one paragraph; inline markup adds no spaces, as in a browser."""
    return "".join(el.itertext())
