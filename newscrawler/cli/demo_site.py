"""Generator of the demo site: a small suara.com-style news site written to ``data/demo-site/``.

``python -m newscrawler.cli.demo_site [OUT_DIR]`` regenerates it. The output is a pure function of this module
(fixed content, no randomness, no clock), so the committed copy and a fresh run are byte-identical; the
test suite checks that. Pages are laid out for ``newscrawler.crawl.mirror`` (one folder per host; see its
docstring for the URL -> file mapping) and copy the markup of the real article template in
``shared/seed/suara-article.html``.

What is on it:
  * ``www.suara.com``: articles in the sections news, bisnis, bola and lifestyle at
    ``/{section}/YYYY/MM/DD/HHMMSS/slug`` (the path's date/time = datePublished, WIB); some span several pages
    (``?page=2`` …); a front page ``/``, section pages ``/{section}``, ``/indeks?page=N`` (10 a page, newest
    first, one empty page past the end), ``/robots.txt``, ``/sitemap.xml`` (index) and Google News sitemaps
    ``/{section}/sitemap-news.xml``;
  * ``jakarta.suara.com``: regional articles at ``/read/YYYY/MM/DD/HHMMSS/slug`` (section ``jakarta``),
    a front page, ``/robots.txt`` and a plain ``/sitemap.xml`` urlset;
  * ``manifest.json`` (not served): the ground truth, i.e. the Article each page should yield;
  * ``README.md`` (not served).

All stories are fictional, written for the demo; people quoted in them are invented.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newscrawler.crawl.mirror import relative_file

WIB = timezone(timedelta(hours=7))
WWW = "www.suara.com"
JAKARTA = "jakarta.suara.com"
HOSTS = (WWW, JAKARTA)
SITE_KEY = "suara.com"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "demo-site"
INDEX_PAGE_SIZE = 10
SECTION_NAMES = {
    "news": "News", "bisnis": "Bisnis", "bola": "Bola", "lifestyle": "Lifestyle", "jakarta": "Jakarta",
}
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jum'at", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
AUTHORS = (
    "Rina Kusumawati", "Bagus Prasetyo", "Dinda Ayu Lestari", "Fauzan Hidayat", "Yohanes Sitorus",
    "Nur Aini Safitri", "Galih Permana", "Putri Handayani", "Reza Maulana", "Agus Wibisono", "Sekar Arum",
)
PHOTO_CREDITS = (
    "Suara.com/Arga Wicaksono", "ANTARA/Dok", "Suara.com/Dok", "Shutterstock", "Suara.com/Rahmat Pratama",
    "Dok. Humas",
)
DESK_CODES = ("ant/rin", "rds/bgp", "dnd/fzh", "ysr/nas", "gpm/aw", "pdh/aik")
# Indices (in publication order, oldest first) of the site-wide lists every page shows.
POPULAR = (38, 30, 22, 35, 12)
EDITORS_PICKS = (5, 17, 28, 33, 41)
LATEST_COUNT = 10


# --- content ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """One article as written: header fields and pages of paragraphs."""

    host: str
    section: str
    sub: str
    when: datetime
    title: str
    tags: tuple[str, ...]
    photo: str
    brief: tuple[str, ...]
    pages: tuple[tuple[str, ...], ...]


def parse_stories(text: str) -> list[Story]:
    """Parse the story source.

    Each story: ``### host section/sub YYYY-MM-DD HH:MM:SS``, ``key: value`` lines, a blank line, then the
    body (paragraphs separated by blank lines, pages by a ``===`` line, wrapped lines joined with a space).
    """
    stories = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        header, _, rest = block.partition("\n")
        host_key, section_sub, day, clock = header.split()
        section, sub = section_sub.split("/")
        meta_text, _, body = rest.strip("\n").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in meta_text.splitlines())
        stories.append(Story(
            host={"www": WWW, "jakarta": JAKARTA}[host_key],
            section=section,
            sub=sub,
            when=datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=WIB),
            title=meta["title"],
            tags=tuple(t.strip() for t in meta["tags"].split(";")),
            photo=meta["photo"],
            brief=tuple(b.strip() for b in meta["brief"].split("|")),
            pages=tuple(_paragraphs(page) for page in re.split(r"^===$", body, flags=re.M)),
        ))
    return stories


def _paragraphs(page: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", page) if p.strip())


# --- the site model ---------------------------------------------------------------------------------------


@dataclass(eq=False)
class Article:
    story: Story
    number: int  # position in publication order, oldest first
    read_also: Article | None = None  # the .article-read block on page 1
    inline_read: Article | None = None  # a "Baca Juga: <a>" paragraph on page 1 (some articles)
    related: list[Article] = field(default_factory=list)

    @property
    def host(self) -> str:
        return self.story.host

    @property
    def section(self) -> str:
        return self.story.section

    @property
    def title(self) -> str:
        return self.story.title

    @property
    def published(self) -> datetime:
        return self.story.when

    @property
    def modified(self) -> datetime:
        delay = timedelta(minutes=6 + (self.number * 13) % 47, seconds=(self.number * 29) % 60)
        return self.published + delay

    @property
    def content_id(self) -> int:
        return 4_870_100 + self.number * 37

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def path(self) -> str:
        first = "read" if self.host == JAKARTA else self.section
        return f"/{first}/{self.published:%Y/%m/%d/%H%M%S}/{self.slug}"

    @property
    def url(self) -> str:
        return f"https://{self.host}{self.path}"

    @property
    def pages(self) -> tuple[tuple[str, ...], ...]:
        return self.story.pages

    @property
    def description(self) -> str:
        return first_sentence(self.pages[0][0])

    @property
    def authors(self) -> tuple[str, ...]:
        first = AUTHORS[self.number % len(AUTHORS)]
        if self.number % 4 == 2:
            return first, AUTHORS[(self.number + 5) % len(AUTHORS)]
        return (first,)

    @property
    def photo_credit(self) -> str:
        return PHOTO_CREDITS[self.number % len(PHOTO_CREDITS)]

    @property
    def image_url(self) -> str:
        name = slugify(self.story.photo)[:48].rstrip("-")
        return f"https://media.suara.com/pictures/970x544/{self.published:%Y/%m/%d}/{self.content_id}-{name}.jpg"

    @property
    def desk_code(self) -> str | None:
        """A sign-off like ``(ant/rin)`` ending the last paragraph (of the last page), on some articles."""
        signed = self.number % 5 == 3 or len(self.pages) == 3
        return f"({DESK_CODES[self.number % len(DESK_CODES)]})" if signed else None

    @property
    def scroll_notice(self) -> bool:
        """A "SCROLL TO CONTINUE WITH CONTENT" paragraph after the first paragraph, on some articles."""
        return self.number % 7 == 2

    @property
    def date_line(self) -> str:
        return indonesian_date(self.published)


@dataclass
class DemoSite:
    articles: list[Article]  # publication order, oldest first
    popular: list[Article]
    editors_picks: list[Article]
    latest: list[Article]

    def newest_first(self, host: str | None = None, section: str | None = None) -> list[Article]:
        chosen = [a for a in self.articles if (host is None or a.host == host)
                  and (section is None or a.section == section)]
        return sorted(chosen, key=lambda a: a.published, reverse=True)

    @property
    def sections(self) -> list[str]:
        """www sections, in menu order."""
        return [s for s in SECTION_NAMES if any(a.section == s and a.host == WWW for a in self.articles)]

    @property
    def site_lists(self) -> dict[str, list[Article]]:
        return {"popular": self.popular, "editors_picks": self.editors_picks, "latest": self.latest}


def build_site(stories: Sequence[Story] | None = None) -> DemoSite:
    stories = parse_stories(STORIES) if stories is None else stories
    ordered = sorted(stories, key=lambda s: s.when)
    articles = [Article(story, number) for number, story in enumerate(ordered)]
    for article in articles:
        _link(article, articles)
    newest = sorted(articles, key=lambda a: a.published, reverse=True)
    return DemoSite(
        articles=articles,
        popular=[articles[i] for i in POPULAR],
        editors_picks=[articles[i] for i in EDITORS_PICKS],
        latest=newest[:LATEST_COUNT],
    )


def _link(article: Article, articles: list[Article]) -> None:
    """Related (3-5 of the same section, nearest in time, newest first), Baca Juga and inline Baca Juga."""
    same = [a for a in articles if a.section == article.section and a is not article]
    nearest = sorted(same, key=lambda a: (abs((a.published - article.published).total_seconds()), a.number))
    article.related = sorted(nearest[: 3 + article.number % 3], key=lambda a: a.published, reverse=True)
    earlier = [a for a in same if a.published < article.published]
    article.read_also = earlier[-1] if earlier else same[0]
    if article.number % 6 == 1:
        article.inline_read = articles[(article.number + 7) % len(articles)]


# --- text helpers -----------------------------------------------------------------------------------------


def slugify(text: str, limit: int = 90) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def first_sentence(paragraph: str) -> str:
    match = re.match(r"(.+?[.!?])(?=\s+[A-Z“\"(]|$)", paragraph)
    return match.group(1) if match else paragraph


def indonesian_date(moment: datetime) -> str:
    """``Kamis, 06 Maret 2025 | 08:05 WIB``."""
    return (f"{DAYS[moment.weekday()]}, {moment.day:02d} {MONTHS[moment.month - 1]} {moment.year}"
            f" | {moment:%H:%M} WIB")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def xml_esc(text: str) -> str:
    return html.escape(text, quote=False)


def script_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def link(article: Article, attrs: str = "") -> str:
    return f'<a{attrs} href="{esc(article.url)}">{esc(article.title)}</a>'


def person_url(name: str) -> str:
    return f"https://www.suara.com/author/{slugify(name)}"


def tag_url(tag: str) -> str:
    return f"https://www.suara.com/tag/{slugify(tag)}"


# --- page chrome ------------------------------------------------------------------------------------------


def _head(title: str, canonical: str, extra: Iterable[str] = ()) -> list[str]:
    lines = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '  <meta charset="utf-8">',
        f"  <title>{esc(title)}</title>",
        f'  <link rel="canonical" href="{esc(canonical)}">',
    ]
    return lines + [f"  {line}" for line in extra] + ["</head>", "<body>"]


def _header(sections: Sequence[str]) -> str:
    links = [f'<a href="https://www.suara.com/{s}">{SECTION_NAMES[s]}</a>' for s in sections]
    links += ['<a href="https://jakarta.suara.com/">Jakarta</a>', '<a href="https://www.suara.com/indeks">Indeks</a>']
    return f'<header class="header"><nav class="menu">{" ".join(links)}</nav></header>'


AD_PLACEHOLDER = '    <div id="div-ad-inarticle" class="placeholder_read_body">ADVERTISEMENT</div>'
FOOTER = '<footer class="footer"><p>&copy; 2026 Suara.com - All Rights Reserved.</p></footer>'


def _list_items(articles: Iterable[Article], item_class: bool = True) -> list[str]:
    cls = ' class="item"' if item_class else ""
    return [f"      <li{cls}>{link(a)}</li>" for a in articles]


def _widget(kind: str, label: str, articles: Sequence[Article], style: str) -> list[str]:
    """One sidebar list; ``style``: "widget" (seed), "box" (``p.title``) or "head" (``span.widget-head``)."""
    tag = "ol" if kind == "popular" else "ul"
    if style == "box":
        return ['  <div class="box">', f'    <p class="title">{label.upper()}</p>', f"    <{tag}>",
                *_list_items(articles, item_class=False), f"    </{tag}>", "  </div>"]
    if style == "head":
        return ['  <div class="widget">', f'    <span class="widget-head">{label}</span>', f"    <{tag}>",
                *_list_items(articles, item_class=False), f"    </{tag}>", "  </div>"]
    css = {"popular": "trending", "editors_picks": "pilihan", "latest": "terkini"}[kind]
    list_class = ' class="trending-list"' if kind == "popular" else ""
    return [f'  <div class="widget {css}">', f'    <div class="widget-title"><h2>{label}</h2></div>',
            f"    <{tag}{list_class}>", *_list_items(articles), f"    </{tag}>", "  </div>"]


def sidebar(site: DemoSite, variant: int = 0) -> list[str]:
    """The three site-wide lists. The markup varies with ``variant`` so that lists must be found by their
    heading label: about a third of pages box Terpopuler, another third head Pilihan with a span, every
    fourth says "Berita Terkini", every fifth puts Terkini first."""
    popular = _widget("popular", "Terpopuler", site.popular, "box" if variant % 3 == 1 else "widget")
    picks = _widget("editors_picks", "Pilihan", site.editors_picks, "head" if variant % 3 == 2 else "widget")
    latest_label = "Berita Terkini" if variant % 4 == 3 else "Terkini"
    latest = _widget("latest", latest_label, site.latest, "widget")
    blocks = [latest, popular, picks] if variant % 5 == 4 else [popular, picks, latest]
    return ['<aside class="sidebar">', *[line for block in blocks for line in block], "</aside>"]


# --- article pages ----------------------------------------------------------------------------------------


def _json_ld(article: Article) -> str:
    return script_json({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "headline": article.title,
        "datePublished": iso(article.published),
        "dateModified": iso(article.modified),
        "image": {"@type": "ImageObject", "url": article.image_url, "width": 970, "height": 544},
        "author": [{"@type": "Person", "name": name, "url": person_url(name)} for name in article.authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": "Suara.com",
                      "logo": {"@type": "ImageObject", "url": "https://assets.suara.com/desktop/images/logo.png"}},
        "description": article.description,
    })


def _data_layer(article: Article) -> str:
    return script_json({
        "articleContentId": str(article.content_id),
        "articleDate": f"{article.published:%Y-%m-%d %H:%M:%S}",
        "articleCategory": article.section,
        "articleSubcategory": article.story.sub,
        "articleKeyword": ",".join(article.story.tags),
        "articleTotalPages": str(len(article.pages)),
    })


def _article_head(article: Article) -> list[str]:
    return _head(f"{article.title} - Suara.com", article.url, [
        f'<meta name="description" content="{esc(article.description)}">',
        f'<meta name="keywords" content="{esc(", ".join(article.story.tags))}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:url" content="{esc(article.url)}">',
        f'<meta property="og:image" content="{esc(article.image_url)}">',
        f'<script type="application/ld+json">{_json_ld(article)}</script>',
        "<script>window.dataLayer = window.dataLayer || []; "
        f"dataLayer.push({_data_layer(article)});</script>",
    ])


def _breadcrumb(article: Article) -> str:
    if article.host == JAKARTA:
        crumbs = ['<a href="https://www.suara.com/">Home</a>', '<a href="https://jakarta.suara.com/">Jakarta</a>']
    else:
        section_url = f"https://www.suara.com/{article.section}"
        sub_name = article.story.sub.replace("-", " ").title()
        crumbs = ['<a href="https://www.suara.com/">Home</a>',
                  f'<a href="{section_url}">{SECTION_NAMES[article.section]}</a>',
                  f'<a href="{section_url}/{article.story.sub}">{sub_name}</a>']
    return f'  <div class="breadcrumb">{" / ".join(crumbs)}</div>'


def _title_block(article: Article) -> list[str]:
    authors = ", ".join(f'<a href="{person_url(n)}">{esc(n)}</a>' for n in article.authors)
    caption = f"{article.story.photo}. [{article.photo_credit}]"
    return [
        '  <div class="article-image">',
        f"    <h1>{esc(article.title)}</h1>",
        f"    <span>{esc(article.date_line)}</span>",
        f'    <h3 class="author-trigger">{authors}</h3>',
        f'    <figure class="img-cover"><img src="{esc(article.image_url)}" alt="{esc(article.story.photo)}">'
        f"<figcaption>{esc(caption)}</figcaption></figure>",
        "  </div>",
    ]


def _ten_second(article: Article) -> str:
    items = "".join(f"<li>{esc(b)}</li>" for b in article.story.brief)
    return f'  <div class="ten-second"><p>Baca 10 detik</p><ul>{items}</ul></div>'


def _read_also_block(target: Article) -> list[str]:
    return ['    <div class="article-read">', "      <ul><p>Baca Juga</p>",
            f"        <li>{link(target)}</li>", "      </ul>", "    </div>"]


def body_paragraphs(article: Article, page: int) -> list[str]:
    """The clean paragraphs of one page, as an extractor should return them."""
    return list(article.pages[page - 1])


def _body(article: Article, page: int) -> list[str]:
    paragraphs = [f"    <p>{esc(p)}</p>" for p in body_paragraphs(article, page)]
    if page == 1:
        paragraphs[0] = f"    <p><strong>Suara.com - </strong>{esc(article.pages[0][0])}</p>"
    if page == len(article.pages) and article.desk_code:
        paragraphs[-1] = paragraphs[-1].replace("</p>", f" {article.desk_code}</p>")
    inserts: dict[int, list[str]] = {}  # after paragraph n (1-based)
    if page == 1:
        count = len(paragraphs)
        if article.scroll_notice:
            inserts.setdefault(1, []).append("    <p>SCROLL TO CONTINUE WITH CONTENT</p>")
        if article.inline_read:
            inserts.setdefault(2, []).append(f"    <p>Baca Juga: {link(article.inline_read)}</p>")
        read_at = min(count - 1, max(3, 2 * count // 3))
        inserts.setdefault(read_at, []).extend(_read_also_block(article.read_also))
    lines = ['  <article class="article-content">']
    for number, paragraph in enumerate(paragraphs, start=1):
        lines.append(paragraph)
        lines.extend(inserts.get(number, []))
    lines += [AD_PLACEHOLDER, "  </article>"]
    return lines


def _pager(article: Article, page: int) -> list[str]:
    if len(article.pages) == 1:
        return []
    links = []
    for number in range(1, len(article.pages) + 1):
        href = article.path if number == 1 else f"?page={number}"
        active = ' class="active"' if number == page else ""
        links.append(f'<a{active} href="{href}">{number}</a>')
    return [f'  <div class="pagination-custom">{" ".join(links)}</div>']


def _tags(article: Article) -> str:
    links = " ".join(f'<a href="{tag_url(t)}"># {esc(t)}</a>' for t in article.story.tags)
    return f'  <div class="article-tags">{links}</div>'


def _related(article: Article) -> list[str]:
    return ['  <div class="related-news">', '    <div class="title-box"><h2>Berita Terkait</h2></div>',
            "    <ul>", *_list_items(article.related), "    </ul>", "  </div>"]


def render_article_page(site: DemoSite, article: Article, page: int) -> str:
    lines = [*_article_head(article), _header(site.sections), '<main class="main-content">']
    lines += [_breadcrumb(article), *_title_block(article)]
    if page == 1:
        lines.append(_ten_second(article))
    lines += _body(article, page) + _pager(article, page)
    lines += [_tags(article), *_related(article), "</main>"]
    lines += sidebar(site, variant=article.number + 7 * (page - 1))
    lines += [FOOTER, "</body>", "</html>"]
    return "\n".join(lines) + "\n"


# --- listings ---------------------------------------------------------------------------------------------


def _index_item(article: Article) -> str:
    return (f'    <div class="item"><a class="title" href="{esc(article.url)}">{esc(article.title)}</a>'
            f'<span class="date">{esc(article.date_line)}</span></div>')


def index_pages(site: DemoSite) -> list[list[Article]]:
    """``/indeks`` pages (all hosts, newest first, 10 a page) plus one empty page past the end."""
    articles = site.newest_first()
    pages = [articles[i:i + INDEX_PAGE_SIZE] for i in range(0, len(articles), INDEX_PAGE_SIZE)]
    return [*pages, []]


def render_index_page(site: DemoSite, page: int, items: Sequence[Article], last_page: int) -> str:
    canonical = "https://www.suara.com/indeks" + (f"?page={page}" if page > 1 else "")
    title = "Indeks Berita Terkini Hari Ini - Suara.com" + (f" - Halaman {page}" if page > 1 else "")
    lines = _head(title, canonical, ['<meta name="robots" content="index, follow">'])
    lines += [_header(site.sections), '<main class="main-content">',
              '  <h1 class="title-indeks">Indeks Berita</h1>',
              '  <div class="list-indeks">', *[_index_item(a) for a in items], "  </div>"]
    if not items:
        lines.append('  <p class="empty">Tidak ada berita untuk ditampilkan.</p>')
    if page < last_page:
        next_link = f'<a class="next" href="/indeks?page={page + 1}">Selanjutnya</a>'
        lines.append(f'  <div class="pagination">{next_link}</div>')
    lines += ["</main>", FOOTER, "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def render_front_page(site: DemoSite, host: str) -> str:
    if host == WWW:
        title, heading = "Suara.com - Berita Hari Ini, Berita Terbaru dan Terkini", "Berita Utama"
        items = site.newest_first(host=WWW)[:6]
    else:
        title, heading = "Suara Jakarta - Berita Jakarta Hari Ini", "Berita Jakarta"
        items = site.newest_first(host=host)
    lines = _head(title, f"https://{host}/", ['<meta name="description" content="Berita terkini dan terbaru '
                                                'hari ini dari Suara.com.">'])
    lines += [_header(site.sections), '<main class="main-content">', '  <div class="headline">',
              f'    <div class="headline-title"><h1>{heading}</h1></div>', "    <ul>",
              *[f'      <li class="headline-item">{link(a)}</li>' for a in items], "    </ul>", "  </div>",
              "</main>", *sidebar(site), FOOTER, "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def render_section_page(site: DemoSite, section: str) -> str:
    name = SECTION_NAMES[section]
    lines = _head(f"Berita {name} Terkini Hari Ini - Suara.com", f"https://www.suara.com/{section}")
    lines += [_header(site.sections), '<main class="main-content">', f'  <h1 class="title-kanal">{name}</h1>',
              '  <div class="list-indeks">', *[_index_item(a) for a in site.newest_first(WWW, section)],
              "  </div>", "</main>", FOOTER, "</body>", "</html>"]
    return "\n".join(lines) + "\n"


# --- discovery documents ----------------------------------------------------------------------------------

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def render_robots(host: str) -> str:
    return f"User-agent: *\nDisallow: /loadmoredetail?\nAllow: /\n\nSitemap: https://{host}/sitemap.xml\n"


def render_sitemap_index(site: DemoSite) -> str:
    lines = [XML_DECL, f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for section in site.sections:
        newest = max(a.modified for a in site.articles if a.host == WWW and a.section == section)
        lines.append(f"  <sitemap><loc>https://www.suara.com/{section}/sitemap-news.xml</loc>"
                     f"<lastmod>{iso(newest)}</lastmod></sitemap>")
    return "\n".join([*lines, "</sitemapindex>"]) + "\n"


def render_news_sitemap(articles: Sequence[Article]) -> str:
    lines = [XML_DECL, f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">']
    for a in articles:
        lines += [
            "  <url>",
            f"    <loc>{xml_esc(a.url)}</loc>",
            f"    <lastmod>{iso(a.modified)}</lastmod>",
            "    <news:news>",
            "      <news:publication><news:name>Suara.com</news:name><news:language>id</news:language>"
            "</news:publication>",
            f"      <news:publication_date>{iso(a.published)}</news:publication_date>",
            f"      <news:title>{xml_esc(a.title)}</news:title>",
            f"      <news:keywords>{xml_esc(', '.join(a.story.tags))}</news:keywords>",
            "    </news:news>",
            "  </url>",
        ]
    return "\n".join([*lines, "</urlset>"]) + "\n"


def render_plain_sitemap(articles: Sequence[Article]) -> str:
    lines = [XML_DECL, f'<urlset xmlns="{SITEMAP_NS}">']
    lines += [f"  <url><loc>{xml_esc(a.url)}</loc><lastmod>{iso(a.modified)}</lastmod></url>"
              for a in articles]
    return "\n".join([*lines, "</urlset>"]) + "\n"


# --- ground truth -----------------------------------------------------------------------------------------


def _entries(articles: Iterable[Article]) -> list[dict[str, str]]:
    return [{"title": a.title, "url": a.url} for a in articles]


def expected_article(article: Article) -> dict[str, object]:
    """The Article (DESIGN.md contract) a correct pipeline yields for this demo article, all pages merged.

    ``link_lists`` holds the article's own lists; popular, editors_picks and latest are the manifest's
    ``site_lists`` (the same on every page).
    """
    read_also = [a for a in (article.inline_read, article.read_also) if a is not None]
    body = [p for page in range(1, len(article.pages) + 1) for p in body_paragraphs(article, page)]
    return {
        "url": article.url,
        "site": SITE_KEY,
        "section": article.section,
        "title": article.title,
        "description": article.description,
        "authors": list(article.authors),
        "published_at": iso(article.published),
        "modified_at": iso(article.modified),
        "published_at_raw": article.date_line,
        "dateline": "Suara.com",
        "body": "\n\n".join(body),
        "tags": list(article.story.tags),
        "image_url": article.image_url,
        "language": "id",
        "pages": len(article.pages),
        "link_lists": {
            "read_also": _entries(read_also),
            "related": _entries(article.related),
        },
        "boilerplate": [name for name, present in (
            ("inline_read_also", article.inline_read is not None),
            ("scroll_notice", article.scroll_notice),
            ("desk_code", article.desk_code is not None),
        ) if present],
    }


def render_manifest(site: DemoSite) -> str:
    data = {
        "generator": "python -m newscrawler.cli.demo_site",
        "site": SITE_KEY,
        "hosts": list(HOSTS),
        "site_lists": {name: _entries(items) for name, items in site.site_lists.items()},
        "articles": [expected_article(a) for a in site.articles],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# --- the whole site ---------------------------------------------------------------------------------------


def page_file(host: str, path: str, query: str = "") -> str:
    """The file (relative to the demo root) that the mirror serves for ``https://host/path?query``."""
    return f"{host}/{relative_file(path, query)}"


def render_site(site: DemoSite | None = None) -> dict[str, str]:
    """Every generated file: relative path (posix) -> text."""
    site = build_site() if site is None else site
    files: dict[str, str] = {}
    for article in site.articles:
        for page in range(1, len(article.pages) + 1):
            name = page_file(article.host, article.path, f"page={page}" if page > 1 else "")
            files[name] = render_article_page(site, article, page)
    pages = index_pages(site)
    for number, items in enumerate(pages, start=1):
        text = render_index_page(site, number, items, last_page=len(pages) - 1)
        files[page_file(WWW, "/indeks", f"page={number}")] = text
        if number == 1:
            files[page_file(WWW, "/indeks")] = text
    for host in HOSTS:
        files[page_file(host, "/")] = render_front_page(site, host)
        files[page_file(host, "/robots.txt")] = render_robots(host)
    files[page_file(WWW, "/sitemap.xml")] = render_sitemap_index(site)
    for section in site.sections:
        sitemap = render_news_sitemap(site.newest_first(WWW, section))
        files[page_file(WWW, f"/{section}/sitemap-news.xml")] = sitemap
        files[page_file(WWW, f"/{section}")] = render_section_page(site, section)
    files[page_file(JAKARTA, "/sitemap.xml")] = render_plain_sitemap(site.newest_first(JAKARTA))
    files["manifest.json"] = render_manifest(site)
    files["README.md"] = render_readme(site, files)
    return dict(sorted(files.items()))


def write_site(out: Path, site: DemoSite | None = None) -> dict[str, str]:
    """(Re)write the demo site under ``out``: the host folders are replaced, nothing else is touched."""
    files = render_site(site)
    out.mkdir(parents=True, exist_ok=True)
    for host in HOSTS:
        if (out / host).is_dir():
            shutil.rmtree(out / host)
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return files


# --- README -----------------------------------------------------------------------------------------------


def render_readme(site: DemoSite, files: dict[str, str]) -> str:
    www = [a for a in site.articles if a.host == WWW]
    regional = [a for a in site.articles if a.host == JAKARTA]
    multi = [a for a in site.articles if len(a.pages) > 1]
    per_section = ", ".join(f"{s} {sum(a.section == s for a in www)}" for s in site.sections)
    size = sum(len(t.encode()) for t in files.values())
    first, last = site.articles[0].published, site.articles[-1].published
    multi_lines = "\n".join(f"- `{a.url}` ({len(a.pages)} pages)" for a in multi)
    index_count = len(index_pages(site))
    return f"""# Demo site: a small suara.com look-alike

Generated by `python -m newscrawler.cli.demo_site [OUT_DIR]` (default: this folder) from the stories in
`newscrawler/demo_site.py`. **Do not edit these files by hand**: edit the generator and regenerate.
The output is deterministic; `tests/test_demo_site.py` checks that a fresh run is byte-identical to
this folder.

All stories are fictional (written for the demo, in Indonesian); the people quoted are invented.

## What is here

- {len(site.articles)} articles: {len(www)} on `www.suara.com` ({per_section}) and {len(regional)} on
  the regional host `jakarta.suara.com` (section `jakarta`), published {first:%Y-%m-%d} … {last:%Y-%m-%d}
  (WIB).
- {len(multi)} multi-page articles (pages 2… at `?page=N`, pager `.pagination-custom`, `articleTotalPages`
  in the dataLayer, `<link rel=canonical>` always page 1):
{multi_lines}
- Article pages copy the markup of `shared/seed/suara-article.html`: canonical, meta description and
  keywords, og:*, JSON-LD NewsArticle (`datePublished`/`dateModified` with `+07:00`, authors as Person),
  the dataLayer, breadcrumb, `.article-image h1`/`span` date line, `h3.author-trigger a`, figure + credit,
  `.ten-second`, `article.article-content p` (the first paragraph starts `<strong>Suara.com - </strong>`),
  an inline `.article-read` Baca Juga block, an ADVERTISEMENT placeholder, `.article-tags`,
  `.related-news` (Berita Terkait: 3–5 articles of the same section) and the sidebar lists Terpopuler,
  Pilihan and Terkini.
- The sidebar lists are the same on every page (one "crawl"), but their markup varies: some pages use
  `<div class="box"><p class="title">TERPOPULER</p><ol>`, some `<span class="widget-head">Pilihan</span>`,
  some head Terkini "Berita Terkini", some put Terkini first. Find lists by their heading label.
- Body boilerplate on some pages, for the extractor to remove: a `<p>Baca Juga: <a>…</a></p>` paragraph,
  a `<p>SCROLL TO CONTINUE WITH CONTENT</p>` paragraph, a desk code like `(ant/rin)` ending the last
  paragraph.
- `manifest.json` (not served): for every article, the Article a correct pipeline produces (url, title,
  authors, dates, clean body, tags, read_also/related, pages, and which boilerplate the page carries), and
  the site-wide lists (popular, editors_picks, latest) that every page shows.

## Discovery

- `www.suara.com/robots.txt` (`Disallow: /loadmoredetail?`, `Sitemap: https://www.suara.com/sitemap.xml`);
  `/sitemap.xml` is a sitemap index of `/{{section}}/sitemap-news.xml` (Google News format, newest first).
- `/indeks` = `/indeks?page=1` … `?page={index_count}`: the articles of both hosts (absolute URLs), newest
  first, {INDEX_PAGE_SIZE} a page, `<div class="list-indeks"><div class="item"><a class="title">…</a>`
  `<span class="date">…</span></div>`, a `Selanjutnya` link (`.pagination a.next`) on all but the last
  page with items; page {index_count} is empty.
- `/` (headlines + the three lists) and `/{{section}}` (the section's articles) on www; `/` on jakarta.
- `jakarta.suara.com/robots.txt` and a plain `/sitemap.xml` urlset with `lastmod`.
- Not present (404): RSS, `/tag/…`, `/author/…`, sub-section pages, images.

## URL → file (the layout `newscrawler.crawl.mirror` serves)

| URL | file |
|---|---|
| `https://www.suara.com/` | `www.suara.com/index.html` |
| `https://www.suara.com/robots.txt` | `www.suara.com/robots.txt` |
| `https://www.suara.com/news/sitemap-news.xml` | `www.suara.com/news/sitemap-news.xml` |
| `https://www.suara.com/indeks?page=2` | `www.suara.com/indeks/index__page=2.html` |
| `https://www.suara.com/news/Y/M/D/HHMMSS/slug` | `www.suara.com/news/Y/M/D/HHMMSS/slug/index.html` |
| `…/slug?page=2` | `…/slug/index__page=2.html` |
| `https://jakarta.suara.com/read/Y/M/D/HHMMSS/slug` | `jakarta.suara.com/read/…/slug/index.html` |

A path with a file extension is that file; any other path is `…/index.html`, or `…/index__{{query}}.html`
with a query string (characters outside `[A-Za-z0-9=._-]` replaced by `_`). See `newscrawler/mirror.py`.

## Use

```
python -m newscrawler.crawl.mirror data/demo-site --port 8000
curl -H 'Host: www.suara.com' http://127.0.0.1:8000/robots.txt
newscrawler crawl suara.com --mirror http://127.0.0.1:8000
python -m newscrawler.cli.demo_site          # regenerate after editing the generator
```

{len(files)} files, {size // 1024} KiB.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawler.cli.demo_site",
                                     description="Regenerate the demo suara.com-style site.")
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    files = write_site(args.out)
    site = build_site()
    pages = sum(len(a.pages) for a in site.articles)
    print(f"wrote {len(files)} files to {args.out}: {len(site.articles)} articles ({pages} article pages)")
    return 0


# --- the stories ------------------------------------------------------------------------------------------
# Format: "### host section/sub YYYY-MM-DD HH:MM:SS" (WIB), then title/tags/photo/brief lines, a blank line
# and the paragraphs (blank-line separated; a "===" line starts the next page of a multi-page article).

STORIES = """
### www news/nasional 2026-09-01 06:45:10
title: BMKG Prediksi Musim Kemarau Berakhir Akhir September, Warga Diminta Waspadai Cuaca Ekstrem
tags: BMKG; musim kemarau; cuaca ekstrem; pancaroba
photo: Awan mendung menggantung di langit Jakarta
brief: Kemarau diprediksi berakhir akhir September. | Pancaroba berlangsung hingga pertengahan Oktober.

Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memprediksi musim kemarau di sebagian besar wilayah
Indonesia akan berakhir pada akhir September 2026. Masa peralihan atau pancaroba diperkirakan berlangsung
hingga pertengahan Oktober sebelum musim hujan tiba secara merata.

Deputi Bidang Klimatologi BMKG, Andri Setiawan, mengatakan awal musim hujan tidak akan terjadi serentak.
Wilayah Sumatera bagian utara dan Kalimantan bagian barat diperkirakan lebih dulu memasuki musim hujan,
disusul Jawa bagian barat pada awal Oktober.

“Pada masa peralihan, pola cuaca cenderung tidak menentu. Pagi hari bisa cerah dan terik, lalu sore hingga
malam turun hujan lebat disertai petir dan angin kencang dalam durasi singkat,” kata Andri dalam keterangan
tertulis, Senin (31/8).

BMKG meminta pemerintah daerah memeriksa kesiapan saluran drainase dan memangkas pohon-pohon rawan tumbang,
terutama di kawasan perkotaan dengan kepadatan lalu lintas tinggi.

Petani juga diimbau menyesuaikan jadwal tanam dengan informasi prakiraan musim yang diperbarui setiap
sepuluh hari. Informasi tersebut dapat diakses melalui situs resmi dan aplikasi InfoBMKG.

Andri menambahkan, fenomena La Nina lemah yang terpantau sejak Juli berpotensi membuat curah hujan pada awal
musim hujan sedikit di atas normal di beberapa wilayah.

### www bisnis/makro 2026-09-02 10:05:31
title: Inflasi Agustus 2026 Tercatat 2,1 Persen, Harga Cabai dan Bawang Merah Mulai Turun
tags: inflasi; BPS; harga pangan; cabai
photo: Pedagang cabai melayani pembeli di sebuah pasar tradisional
brief: Inflasi tahunan Agustus 2,1 persen. | Harga cabai dan bawang merah turun karena panen raya.

Badan Pusat Statistik (BPS) mencatat inflasi tahunan pada Agustus 2026 sebesar 2,1 persen. Angka itu lebih
rendah dibandingkan Juli yang mencapai 2,4 persen.

Deputi Bidang Statistik Distribusi dan Jasa BPS, Kurniawan Saputra, mengatakan penurunan inflasi terutama
didorong turunnya harga cabai merah, cabai rawit, dan bawang merah seiring panen raya di sejumlah sentra
produksi.

“Secara bulanan terjadi deflasi 0,08 persen. Kelompok makanan, minuman, dan tembakau memberikan andil
deflasi terbesar,” kata Kurniawan dalam rilis di Jakarta, Selasa (1/9).

Meski demikian, BPS mencatat kenaikan harga pada komoditas emas perhiasan dan biaya pendidikan seiring
dimulainya tahun ajaran baru.

Ekonom menilai inflasi yang terkendali membuka ruang bagi bank sentral untuk menjaga suku bunga tetap rendah
guna mendorong pertumbuhan ekonomi.

### www bola/liga-indonesia 2026-09-03 20:15:44
title: Persija Tundukkan Persebaya 2-1 di Jakarta International Stadium
tags: Persija; Persebaya; Liga 1
photo: Pemain Persija merayakan gol ke gawang Persebaya
brief: Persija menang 2-1 atas Persebaya. | Dua gol tuan rumah lahir dari skema bola mati.

Persija Jakarta meraih kemenangan 2-1 atas Persebaya Surabaya dalam lanjutan Liga 1 di Jakarta International
Stadium, Kamis (3/9) malam. Dua gol Persija dicetak melalui skema bola mati.

Tuan rumah unggul lebih dulu pada menit ke-23 lewat sundulan bek tengah Fajar Nugraha yang memanfaatkan
sepak pojok. Persebaya menyamakan skor pada awal babak kedua melalui tendangan jarak jauh gelandang Yosua
Mandagi.

Gol kemenangan Persija lahir pada menit ke-78. Penyerang asal Brasil, Thiago Ribeiro, menuntaskan umpan
silang dari sisi kanan dengan tendangan voli.

“Kami tahu Persebaya kuat dalam transisi. Anak-anak disiplin menjaga jarak antarlini dan memanfaatkan
peluang dari situasi bola mati,” kata pelatih Persija, Rudy Gunawan, seusai laga.

Tambahan tiga poin membuat Persija naik ke posisi kedua klasemen sementara dengan koleksi tujuh poin dari
tiga pertandingan.

### jakarta jakarta/transportasi 2026-09-03 07:35:20
title: Ganjil Genap Jakarta Hari Ini Berlaku di 26 Ruas Jalan, Simak Jam dan Lokasinya
tags: ganjil genap; lalu lintas; Jakarta
photo: Petugas memantau kendaraan di kawasan ganjil genap Jalan Sudirman
brief: Ganjil genap berlaku di 26 ruas jalan. | Kendaraan listrik dan angkutan umum dikecualikan.

Kebijakan pembatasan kendaraan dengan sistem ganjil genap kembali berlaku di 26 ruas jalan di Jakarta pada
Kamis (3/9). Karena hari ini tanggal ganjil, hanya kendaraan berpelat nomor akhir ganjil yang boleh
melintas.

Aturan ganjil genap berlaku pada pagi hari pukul 06.00–10.00 WIB dan sore hari pukul 16.00–21.00 WIB.
Kebijakan tidak berlaku pada akhir pekan dan hari libur nasional.

Ruas jalan yang terkena aturan antara lain Jalan Sudirman, Jalan MH Thamrin, Jalan Gatot Subroto, Jalan HR
Rasuna Said, dan Jalan Fatmawati.

Kendaraan listrik, angkutan umum berpelat kuning, ambulans, dan kendaraan pemadam kebakaran dikecualikan
dari aturan ini.

Pelanggar akan dikenai tilang elektronik dengan denda maksimal Rp500.000 sesuai ketentuan undang-undang lalu
lintas.

### www news/metropolitan 2026-09-04 09:20:33
title: Uji Coba Jalur Sepeda Permanen di Sudirman-Thamrin Diperpanjang hingga Akhir Oktober
tags: jalur sepeda; Sudirman; Thamrin; Dishub DKI
photo: Pesepeda melintasi jalur sepeda di kawasan Sudirman
brief: Uji coba diperpanjang hingga 31 Oktober. | Rata-rata 2.800 pesepeda melintas pada jam sibuk pagi.

Dinas Perhubungan DKI Jakarta memperpanjang uji coba jalur sepeda permanen di koridor Sudirman-Thamrin
hingga 31 Oktober 2026. Perpanjangan dilakukan untuk mengumpulkan data volume pesepeda pada musim hujan.

Kepala Bidang Lalu Lintas Dishub DKI, Wahyu Nugroho, menyebut jumlah pesepeda yang melintas pada jam sibuk
pagi rata-rata mencapai 2.800 orang per hari selama Agustus.

“Kami ingin melihat apakah angkanya tetap stabil saat hujan mulai turun. Data ini menjadi dasar apakah
pembatas jalur akan dibuat permanen dengan material beton,” ujar Wahyu.

Selama uji coba, petugas gabungan tetap berjaga di sejumlah titik rawan, seperti simpang Bundaran HI dan
kawasan Dukuh Atas, untuk mencegah kendaraan bermotor masuk ke jalur sepeda.

Sejumlah komunitas pesepeda menyambut baik perpanjangan tersebut. Mereka berharap pemerintah juga menambah
fasilitas parkir sepeda di stasiun MRT dan halte Transjakarta.

### www lifestyle/kesehatan 2026-09-05 08:00:45
title: Musim Pancaroba, Dokter Ingatkan Lonjakan Kasus ISPA pada Anak
tags: ISPA; kesehatan anak; pancaroba
photo: Ilustrasi anak sakit batuk dan pilek
brief: Kasus ISPA anak kerap naik saat pancaroba. | Segera ke dokter bila anak sesak napas.

Peralihan musim kemarau ke musim hujan kerap diikuti meningkatnya kasus infeksi saluran pernapasan akut
(ISPA) pada anak. Orang tua diminta lebih waspada terhadap gejala batuk, pilek, dan demam yang tidak kunjung
membaik.

Dokter spesialis anak, dr. Maya Septiani, Sp.A, menjelaskan perubahan suhu dan kelembapan yang drastis
membuat virus lebih mudah menyebar, terutama di lingkungan sekolah dan tempat penitipan anak.

“Kalau anak sesak napas, napasnya cepat, atau tidak mau minum, segera bawa ke fasilitas kesehatan. Jangan
menunggu sampai demamnya tinggi,” kata Maya.

Untuk pencegahan, ia menyarankan orang tua memastikan anak cukup tidur, mengonsumsi makanan bergizi, dan
rutin mencuci tangan. Imunisasi lengkap juga membantu melindungi anak dari komplikasi berat.

Anak yang sedang sakit sebaiknya beristirahat di rumah agar tidak menularkan penyakit kepada teman-temannya.

### www bola/liga-inggris 2026-09-06 22:40:07
title: Hasil Liga Inggris: Arsenal Tumbangkan Brighton 3-1 dan Naik ke Puncak Klasemen
tags: Arsenal; Brighton; Liga Inggris
photo: Suasana laga Arsenal melawan Brighton di Stadion Emirates
brief: Arsenal menang 3-1 atas Brighton. | The Gunners naik ke puncak klasemen.

Arsenal menang 3-1 atas Brighton & Hove Albion pada pekan keempat Liga Inggris di Stadion Emirates, Minggu
(6/9). Hasil ini mengantar The Gunners ke puncak klasemen sementara.

Arsenal membuka keunggulan pada menit ke-12 setelah winger mereka menerima umpan terobosan dari lini tengah.
Brighton sempat menyamakan kedudukan menjelang turun minum lewat serangan balik cepat.

Pada babak kedua, tuan rumah tampil lebih dominan dan mencetak dua gol tambahan dalam rentang sepuluh menit.
Gol ketiga lahir dari tendangan bebas yang membentur tiang sebelum masuk ke gawang.

Pelatih Arsenal menyebut timnya tampil sabar menghadapi pertahanan rapat Brighton. Ia juga memuji kontribusi
pemain pengganti yang mengubah tempo permainan.

Dengan hasil ini, Arsenal mengoleksi 10 poin, unggul satu angka dari pesaing terdekatnya.

### www bisnis/keuangan 2026-09-07 15:45:02
title: Rupiah Ditutup Menguat Jelang Rilis Data Tenaga Kerja Amerika Serikat
tags: rupiah; dolar AS; pasar uang
photo: Petugas menghitung uang pecahan rupiah dan dolar AS
brief: Rupiah menguat 45 poin ke Rp15.910 per dolar AS. | IHSG ditutup naik 0,6 persen.

Nilai tukar rupiah ditutup menguat 45 poin ke level Rp15.910 per dolar AS pada perdagangan Senin sore.
Penguatan terjadi seiring melemahnya indeks dolar jelang rilis data ketenagakerjaan Amerika Serikat.

Analis pasar uang, Dimas Prakoso, mengatakan pelaku pasar memperkirakan data tenaga kerja AS akan
menunjukkan perlambatan. Kondisi itu memperbesar peluang bank sentral AS melonggarkan kebijakan moneternya.

“Sentimen eksternal masih dominan. Dari dalam negeri, data inflasi yang rendah juga memberi dukungan bagi
rupiah,” ujar Dimas.

Sepanjang hari, rupiah bergerak di kisaran Rp15.895 hingga Rp15.960 per dolar AS. Sementara itu, Indeks
Harga Saham Gabungan ditutup naik 0,6 persen.

Untuk perdagangan besok, rupiah diperkirakan bergerak fluktuatif dengan kecenderungan menguat terbatas.

### www news/internasional 2026-09-08 13:05:48
title: Gempa Magnitudo 6,4 Guncang Pesisir Selatan Filipina, KJRI Pastikan Tak Ada WNI Jadi Korban
tags: gempa; Filipina; KJRI Davao; WNI
photo: Warga berkumpul di luar gedung setelah gempa di Mindanao
brief: Gempa M6,4 mengguncang Mindanao. | Tidak ada WNI yang menjadi korban.

Gempa bermagnitudo 6,4 mengguncang pesisir selatan Pulau Mindanao, Filipina, pada Selasa pagi waktu
setempat. Pusat gempa berada di laut pada kedalaman sekitar 35 kilometer.

Lembaga vulkanologi dan seismologi Filipina (Phivolcs) menyatakan gempa tidak berpotensi tsunami, tetapi
warga di pesisir diminta menjauhi pantai sementara waktu sebagai langkah kewaspadaan.

Otoritas setempat melaporkan sejumlah bangunan sekolah dan rumah warga mengalami retak. Aliran listrik di
beberapa kota sempat padam selama beberapa jam.

Konsulat Jenderal RI di Davao memastikan tidak ada warga negara Indonesia yang menjadi korban. Petugas
konsulat telah menghubungi perwakilan komunitas WNI yang sebagian besar bekerja di sektor perikanan.

“Sampai siang ini kondisi WNI dalam keadaan aman. Kami tetap membuka hotline bagi keluarga di Tanah Air yang
ingin menanyakan kabar kerabatnya,” kata pejabat Fungsi Perlindungan WNI, Nadia Rahmawati.

Getaran gempa dilaporkan terasa hingga wilayah Sulawesi Utara. BMKG menyebut guncangan di Kepulauan Talaud
dirasakan lemah dan tidak menimbulkan kerusakan.

### www lifestyle/kuliner 2026-09-09 12:45:18
title: Berburu Soto Legendaris di Solo, Ini Rekomendasi untuk Sarapan Akhir Pekan
tags: kuliner Solo; soto; wisata kuliner
photo: Semangkuk soto khas Solo dengan taburan tauge dan seledri
brief: Soto Solo berkuah bening cocok untuk sarapan. | Harganya mulai Rp10.000 per mangkuk.

Solo dikenal sebagai surga kuliner dengan cita rasa yang khas. Salah satu menu yang tak pernah sepi peminat
adalah soto, baik soto daging sapi maupun soto ayam berkuah bening.

Warung soto di kawasan Pasar Gede menjadi salah satu yang paling sering diburu wisatawan. Sotonya disajikan
dalam mangkuk kecil dengan taburan tauge, seledri, dan bawang goreng.

Tak jauh dari Keraton Kasunanan, terdapat warung soto yang sudah berdiri sejak 1970-an. Pengunjung biasanya
menambahkan perkedel, tempe goreng, atau sate paru sebagai pelengkap.

Di kawasan Manahan, ada soto sapi dengan kuah lebih gurih karena menggunakan kaldu tulang yang dimasak
berjam-jam. Warung ini buka sejak pukul 06.00 WIB dan biasanya habis sebelum siang.

“Soto Solo itu kuahnya ringan, jadi cocok untuk sarapan. Harganya juga masih ramah di kantong, mulai
Rp10.000 per mangkuk,” kata Arif, pemandu wisata kuliner di Solo.

Bagi wisatawan, datang lebih pagi menjadi kunci agar tidak kehabisan dan bisa menikmati suasana kota yang
masih lengang.

### www bola/timnas 2026-09-10 18:05:36
title: Timnas Indonesia U-23 Panggil 26 Pemain untuk Pemusatan Latihan di Bali
tags: Timnas U-23; PSSI; pemusatan latihan
photo: Pemain Timnas Indonesia U-23 menjalani sesi latihan
brief: 26 pemain dipanggil untuk TC di Bali. | Dua pemain berkarier di luar negeri.

Tim nasional Indonesia U-23 memanggil 26 pemain untuk mengikuti pemusatan latihan di Bali pada 14–28
September 2026. Pemusatan latihan ini menjadi bagian persiapan menuju kualifikasi Piala Asia U-23.

Dari daftar tersebut, sebanyak 19 pemain berasal dari klub Liga 1, lima pemain dari Liga 2, dan dua pemain
yang berkarier di luar negeri.

Pelatih Timnas U-23, Agus Salim Harahap, mengatakan pemanggilan didasarkan pada pemantauan performa pemain
di kompetisi musim ini. Ia menegaskan pintu timnas tetap terbuka bagi pemain lain yang tampil konsisten.

“Kami butuh pemain yang siap secara fisik dan memahami taktik. Pemusatan latihan ini juga akan dipakai untuk
menguji beberapa skema permainan,” kata Agus.

Selama di Bali, timnas dijadwalkan menjalani dua laga uji coba tertutup melawan klub lokal.

### www bisnis/energi 2026-09-11 08:30:19
title: Pemerintah Targetkan 1.500 Stasiun Pengisian Kendaraan Listrik Beroperasi Akhir Tahun
tags: kendaraan listrik; SPKLU; energi
photo: Mobil listrik mengisi daya di sebuah SPKLU
brief: Target 1.500 SPKLU baru hingga akhir 2026. | Penjualan mobil listrik naik hampir dua kali lipat.

Pemerintah menargetkan 1.500 stasiun pengisian kendaraan listrik umum (SPKLU) baru beroperasi hingga akhir
2026. Penambahan difokuskan pada jalur mudik dan kawasan wisata di luar Jawa.

Direktur Jenderal Ketenagalistrikan Kementerian ESDM, Eko Santoso, mengatakan saat ini baru sekitar 60
persen target yang tercapai. Sisanya akan dipercepat melalui kerja sama dengan badan usaha swasta.

“Kendala utama ada pada kesiapan lahan dan jaringan listrik di lokasi. Kami mendorong pemilik rest area dan
pusat perbelanjaan ikut menyediakan lahan,” kata Eko.

Penjualan mobil listrik di dalam negeri terus meningkat. Data asosiasi industri otomotif menunjukkan
penjualan pada Januari hingga Agustus 2026 naik hampir dua kali lipat dibandingkan periode yang sama tahun
lalu.

Pengamat energi menilai ketersediaan infrastruktur pengisian menjadi faktor penentu minat konsumen beralih
ke kendaraan listrik, terutama untuk perjalanan jarak jauh.

Pemerintah juga tengah menyiapkan standar tarif dan sistem pembayaran terintegrasi agar pengguna tidak perlu
memasang banyak aplikasi.

### www news/nasional 2026-09-12 10:30:41
title: Antrean Pembuatan Paspor Membludak, Kantor Imigrasi Buka Layanan Akhir Pekan
tags: paspor; imigrasi; layanan publik
photo: Warga mengantre di sebuah kantor imigrasi
brief: Layanan paspor dibuka Sabtu dan Minggu. | Permohonan paspor Agustus naik 24 persen.

Sejumlah kantor imigrasi di kota besar membuka layanan pembuatan paspor pada akhir pekan untuk mengurai
antrean yang menumpuk sejak Agustus. Lonjakan permohonan dipicu meningkatnya perjalanan umrah dan wisata ke
luar negeri menjelang akhir tahun.

Direktorat Jenderal Imigrasi mencatat jumlah permohonan paspor pada Agustus 2026 naik sekitar 24 persen
dibandingkan bulan yang sama tahun lalu.

“Layanan Sabtu dan Minggu kami buka dengan kuota terbatas. Pemohon tetap wajib mendaftar melalui aplikasi
agar tidak terjadi penumpukan di kantor,” kata Kepala Bagian Humas Ditjen Imigrasi, Lestari Wulandari.

Di Kantor Imigrasi Jakarta Selatan, antrean pemohon sudah terlihat sejak pukul 07.00 WIB. Sebagian warga
mengaku kesulitan mendapatkan jadwal kedatangan di aplikasi karena kuota cepat habis.

Imigrasi mengimbau masyarakat tidak menggunakan jasa calo dan mewaspadai situs palsu yang menawarkan
percepatan pembuatan paspor dengan biaya tambahan.

### www bola/liga-indonesia 2026-09-14 21:55:10
title: Persib Ditahan Imbang Bali United, Pelatih Soroti Penyelesaian Akhir
tags: Persib; Bali United; Liga 1
photo: Gelandang Persib berduel dengan pemain Bali United
brief: Persib bermain imbang 1-1 dengan Bali United. | Banyak peluang emas gagal dikonversi.

Persib Bandung harus puas bermain imbang 1-1 saat menjamu Bali United di Stadion Gelora Bandung Lautan Api,
Senin (14/9) malam. Hasil ini membuat Persib gagal mendekati papan atas klasemen.

Bali United unggul lebih dulu pada menit ke-31 melalui penalti setelah pemain belakang Persib dinilai
melakukan pelanggaran di kotak terlarang.

Persib menyamakan kedudukan pada menit ke-64 lewat gelandang muda Rizky Ardiansyah. Setelah itu, tuan rumah
terus menekan, tetapi sejumlah peluang emas gagal dikonversi menjadi gol.

“Kami menciptakan banyak peluang, tapi penyelesaian akhir masih menjadi pekerjaan rumah. Ini yang akan kami
perbaiki di latihan,” ujar pelatih Persib, Hendra Saputra.

Persib kini berada di peringkat keenam dengan delapan poin, sedangkan Bali United naik ke posisi keempat.

### www lifestyle/travel 2026-09-15 16:20:03
title: Labuan Bajo Terapkan Kuota Harian Pengunjung Pulau Padar Mulai Oktober
tags: Labuan Bajo; Pulau Padar; Taman Nasional Komodo; wisata
photo: Pemandangan Pulau Padar dari puncak bukit
brief: Kuota maksimal 1.000 pengunjung per hari. | Wisatawan wajib memesan slot secara daring.

Pengelola Taman Nasional Komodo akan menerapkan kuota harian pengunjung di Pulau Padar mulai 1 Oktober 2026.
Pembatasan dilakukan untuk mengurangi tekanan terhadap jalur pendakian dan vegetasi di pulau tersebut.

Kuota ditetapkan maksimal 1.000 pengunjung per hari yang dibagi dalam beberapa sesi kunjungan. Wisatawan
wajib memesan slot kunjungan melalui sistem reservasi daring.

Kepala Balai Taman Nasional Komodo, Yosef Mbete, mengatakan jumlah pengunjung Pulau Padar pada musim ramai
bisa mencapai dua kali lipat kapasitas jalur.

“Kami ingin wisatawan tetap bisa menikmati pemandangan Padar, tetapi dengan cara yang lebih tertib dan aman
bagi lingkungan,” ujar Yosef.

Pelaku usaha perjalanan di Labuan Bajo meminta sosialisasi dilakukan lebih luas agar wisatawan yang sudah
memesan paket perjalanan tidak dirugikan.

### www news/nasional 2026-09-16 08:15:27
title: Tujuh Hal Penting soal Seleksi CASN 2026, dari Jadwal Pendaftaran hingga Formasi
tags: CASN 2026; CPNS; PPPK; seleksi ASN
photo: Peserta mengikuti seleksi kompetensi dasar berbasis komputer
brief: Pendaftaran CASN dibuka 1–21 Oktober 2026. | Seluruh tahapan seleksi tidak dipungut biaya.

Pemerintah resmi membuka seleksi calon aparatur sipil negara (CASN) 2026. Pendaftaran dijadwalkan
berlangsung mulai 1 hingga 21 Oktober 2026 melalui portal resmi seleksi nasional.

Seleksi tahun ini mencakup formasi calon pegawai negeri sipil (CPNS) dan pegawai pemerintah dengan
perjanjian kerja (PPPK) di instansi pusat maupun daerah. Berikut tujuh hal penting yang perlu diketahui
calon pelamar.

Pertama, jadwal. Setelah pendaftaran ditutup, panitia akan mengumumkan hasil seleksi administrasi pada pekan
pertama November. Seleksi kompetensi dasar berbasis komputer direncanakan mulai pertengahan November.

Kedua, jumlah formasi. Panitia seleksi nasional menyebut formasi tahun ini didominasi tenaga pendidik,
tenaga kesehatan, dan tenaga teknis di daerah terpencil.
===
Ketiga, syarat usia. Pelamar CPNS minimal berusia 18 tahun dan maksimal 35 tahun pada saat pendaftaran,
kecuali untuk jabatan tertentu yang batas usianya diatur lebih lanjut oleh instansi.

Keempat, satu akun untuk satu formasi. Setiap pelamar hanya dapat memilih satu instansi dan satu jabatan.
Kesalahan memilih formasi tidak dapat diperbaiki setelah akun dikunci.

Kelima, dokumen. Pelamar perlu menyiapkan pindaian KTP, ijazah, transkrip nilai, pasfoto berlatar merah,
serta surat lamaran sesuai ketentuan masing-masing instansi.

“Kami minta pelamar membaca pengumuman instansi dengan teliti. Banyak yang gugur di tahap administrasi hanya
karena dokumen tidak sesuai format,” kata juru bicara panitia seleksi nasional, Yudi Hermawan.
===
Keenam, biaya. Seluruh tahapan seleksi tidak dipungut biaya. Panitia menegaskan tidak ada pihak yang bisa
menjamin kelulusan dengan imbalan uang.

Ketujuh, nilai ambang batas. Peserta harus memenuhi nilai minimal pada setiap subtes seleksi kompetensi
dasar, yakni tes wawasan kebangsaan, tes intelegensia umum, dan tes karakteristik pribadi.

Bagi pelamar PPPK, tahapan seleksi disesuaikan dengan jenis jabatan. Tenaga guru dan tenaga kesehatan akan
mengikuti seleksi kompetensi teknis yang soalnya disusun kementerian terkait.

Informasi resmi mengenai seleksi hanya disampaikan melalui kanal pemerintah. Calon pelamar diimbau
mewaspadai tautan palsu yang beredar di media sosial dan aplikasi pesan.

### www bisnis/umkm 2026-09-17 12:20:41
title: Tenggat Sertifikasi Halal Oktober 2026, Pelaku UMKM Kuliner Diminta Segera Mengurus
tags: sertifikasi halal; UMKM; BPJPH
photo: Pelaku UMKM mengemas produk makanan ringan
brief: Tenggat sertifikasi halal UMKM 17 Oktober 2026. | BPJPH menyediakan kuota sertifikasi gratis.

Pelaku usaha mikro dan kecil di sektor makanan dan minuman diminta segera mengurus sertifikat halal sebelum
tenggat 17 Oktober 2026. Setelah tanggal tersebut, produk yang belum bersertifikat berpotensi dikenai sanksi
administratif.

Badan Penyelenggara Jaminan Produk Halal (BPJPH) menyediakan kuota sertifikasi gratis melalui skema
pernyataan pelaku usaha atau self declare. Pendaftaran dilakukan secara daring dengan pendampingan petugas.

“Prosesnya tidak rumit. Pelaku usaha cukup menyiapkan nomor induk berusaha, daftar bahan, dan alur produksi
sederhana,” kata Kepala Pusat Registrasi BPJPH, Aminah Zulfa.

Meski demikian, sejumlah pedagang mengaku belum memahami prosedurnya. Rohmah, penjual keripik di Depok,
mengatakan baru mengetahui adanya tenggat tersebut dari grup pesan komunitas pedagang.

BPJPH menargetkan satu juta sertifikat halal gratis diterbitkan sepanjang tahun ini.

### jakarta jakarta/transportasi 2026-09-18 10:40:09
title: Transjakarta Tambah 40 Bus Listrik untuk Rute Kawasan Penyangga
tags: Transjakarta; bus listrik; transportasi umum
photo: Bus listrik Transjakarta melintas di koridor Sudirman
brief: 40 bus listrik baru untuk rute penyangga. | Waktu tunggu ditargetkan sekitar sepuluh menit.

Transjakarta menambah 40 unit bus listrik untuk melayani rute dari kawasan penyangga seperti Bekasi, Depok,
dan Tangerang menuju pusat kota Jakarta. Armada baru mulai beroperasi pada pekan depan.

Direktur Operasional Transjakarta, Lukman Hakim, mengatakan penambahan armada diharapkan mempersingkat waktu
tunggu penumpang pada jam sibuk menjadi sekitar sepuluh menit.

“Rute kawasan penyangga selalu penuh pada pagi hari. Dengan bus tambahan, kami berharap lebih banyak warga
beralih dari kendaraan pribadi,” ujar Lukman.

Hingga akhir September, jumlah bus listrik yang dioperasikan Transjakarta mencapai lebih dari 500 unit.

### www bola/timnas 2026-09-19 09:30:52
title: PSSI Umumkan Dua Laga Uji Coba Timnas Indonesia pada FIFA Matchday Oktober
tags: Timnas Indonesia; PSSI; FIFA Matchday
photo: Para pemain Timnas Indonesia berfoto sebelum laga
brief: Timnas menghadapi Vietnam dan Oman di GBK. | Tiket dijual daring mulai akhir September.

PSSI mengumumkan Timnas Indonesia akan menjalani dua laga uji coba pada agenda FIFA Matchday Oktober 2026.
Kedua laga akan digelar di Stadion Utama Gelora Bung Karno, Jakarta.

Timnas dijadwalkan menghadapi Vietnam pada 10 Oktober dan Oman pada 13 Oktober. Laga uji coba ini menjadi
bagian persiapan menuju Piala AFF akhir tahun.

Sekretaris Jenderal PSSI, Teguh Wibowo, mengatakan pemilihan lawan disesuaikan dengan kebutuhan tim pelatih
yang ingin menguji kekuatan melawan tim dengan gaya bermain berbeda.

“Tiket akan dijual secara daring mulai akhir September. Kami minta suporter membeli hanya melalui kanal
resmi,” kata Teguh.

Daftar pemain yang dipanggil untuk kedua laga tersebut akan diumumkan sekitar dua pekan sebelum
pertandingan.

### www news/internasional 2026-09-20 19:40:12
title: Jepang Perluas Skema Visa Pekerja Terampil, Buka Peluang bagi Perawat Asal Indonesia
tags: Jepang; visa kerja; pekerja migran; perawat
photo: Calon pekerja migran mengikuti kelas bahasa Jepang
brief: Jepang menambah bidang perawatan lansia dan logistik. | Kemampuan bahasa menjadi kunci seleksi.

Pemerintah Jepang memperluas skema visa pekerja berketerampilan khusus dengan menambah bidang perawatan
lansia, logistik, dan pengolahan makanan. Kebijakan ini diumumkan untuk mengatasi kekurangan tenaga kerja
akibat populasi yang menua.

Indonesia menjadi salah satu negara asal pekerja yang diprioritaskan. Saat ini, pekerja asal Indonesia
menempati peringkat kedua terbanyak dalam skema tersebut setelah Vietnam.

Atase Ketenagakerjaan KBRI Tokyo, Hendra Kurniawan, mengatakan minat perusahaan Jepang merekrut perawat dari
Indonesia terus meningkat. Menurut dia, kemampuan bahasa menjadi kunci agar calon pekerja lolos seleksi.

“Standar bahasa Jepang minimal setara level N4. Kami mendorong lembaga pelatihan di daerah menyiapkan kelas
bahasa yang lebih intensif,” ujar Hendra.

Pemerintah mengingatkan calon pekerja migran untuk berangkat melalui jalur resmi dan memastikan kontrak
kerja diverifikasi sebelum keberangkatan.

### www lifestyle/kesehatan 2026-09-21 10:10:26
title: Kurang Tidur Bisa Picu Kenaikan Berat Badan, Begini Penjelasan Ahli Gizi
tags: tidur; berat badan; gizi; kesehatan
photo: Ilustrasi orang sulit tidur di malam hari
brief: Kurang tidur memicu naiknya hormon lapar. | Orang dewasa disarankan tidur 7–9 jam.

Kebiasaan kurang tidur ternyata tidak hanya membuat tubuh lelah, tetapi juga dapat memicu kenaikan berat
badan. Hal ini berkaitan dengan perubahan hormon yang mengatur rasa lapar dan kenyang.

Ahli gizi, Laila Fitriani, menjelaskan tidur kurang dari enam jam per malam dapat meningkatkan hormon
ghrelin yang memicu rasa lapar. Sebaliknya, hormon leptin yang memberi sinyal kenyang justru menurun.

“Orang yang kurang tidur cenderung mencari makanan tinggi gula dan lemak, terutama pada malam hari,” kata
Laila.

Ia menyarankan orang dewasa tidur tujuh hingga sembilan jam setiap malam dan menjaga jadwal tidur yang
konsisten, termasuk pada akhir pekan.

Menghindari layar ponsel satu jam sebelum tidur, membatasi kafein pada sore hari, dan menjaga kamar tetap
gelap juga dapat membantu kualitas tidur menjadi lebih baik.

### www bisnis/properti 2026-09-22 09:55:37
title: Suku Bunga KPR Mulai Turun, Ini Simulasi Cicilan Rumah Subsidi dan Komersial
tags: KPR; properti; suku bunga; rumah subsidi
photo: Deretan rumah di sebuah perumahan di pinggiran Jakarta
brief: Bunga promo KPR mulai 3,5 persen. | Perhatikan bunga mengambang setelah masa promo.

Sejumlah bank mulai menurunkan suku bunga kredit pemilikan rumah (KPR) seiring tren penurunan suku bunga
acuan sepanjang tahun ini. Bunga promo untuk tahun-tahun awal kini ditawarkan mulai 3,5 persen.

Kondisi ini menjadi angin segar bagi calon pembeli rumah pertama. Namun, calon debitur diingatkan untuk
memperhatikan bunga mengambang yang berlaku setelah masa promo berakhir.

Untuk rumah subsidi dengan skema fasilitas likuiditas pembiayaan perumahan (FLPP), bunga tetap 5 persen
berlaku selama masa tenor hingga 20 tahun. Dengan harga rumah Rp185 juta dan uang muka 1 persen, cicilan per
bulan berada di kisaran Rp1,2 juta.

Sementara itu, untuk rumah komersial seharga Rp600 juta dengan uang muka 10 persen, cicilan pada masa promo
tiga tahun pertama dengan bunga 3,5 persen dan tenor 20 tahun sekitar Rp3,1 juta per bulan.
===
Setelah masa promo berakhir, bunga mengambang di kisaran 9 hingga 11 persen dapat membuat cicilan naik
menjadi sekitar Rp4,8 juta hingga Rp5,5 juta per bulan.

Perencana keuangan, Melati Anggraini, menyarankan calon pembeli menghitung kemampuan bayar dengan asumsi
bunga tertinggi. “Idealnya cicilan tidak lebih dari 30 persen penghasilan bulanan,” ujarnya.

Selain bunga, calon debitur perlu menyiapkan biaya tambahan seperti provisi, asuransi, biaya notaris, dan
pajak pembelian yang totalnya bisa mencapai 5 hingga 7 persen dari harga rumah.

Asosiasi pengembang memperkirakan penjualan rumah tapak pada kuartal IV 2026 meningkat seiring turunnya
bunga dan insentif pajak pertambahan nilai yang masih berlaku.

### www news/metropolitan 2026-09-24 11:02:55
title: Kualitas Udara Jakarta Memburuk, Warga Diimbau Kenakan Masker saat di Luar Ruangan
tags: polusi udara; kualitas udara; Jakarta; kesehatan
photo: Gedung-gedung tinggi Jakarta tertutup kabut polusi
brief: PM2,5 melebihi baku mutu harian. | Kelompok rentan diminta membatasi aktivitas di luar.

Kualitas udara di Jakarta kembali masuk kategori tidak sehat pada Kamis pagi. Konsentrasi partikel halus
PM2,5 di sejumlah stasiun pemantauan tercatat melebihi ambang batas baku mutu harian.

Dinas Lingkungan Hidup DKI Jakarta menyebut kondisi ini dipengaruhi minimnya hujan, kecepatan angin yang
rendah, dan tingginya emisi kendaraan bermotor pada jam berangkat kerja.

“Kami mengimbau kelompok rentan seperti anak-anak, lansia, dan penderita penyakit pernapasan untuk membatasi
aktivitas di luar ruangan dan menggunakan masker,” kata Kepala Seksi Pengendalian Pencemaran Udara DLH DKI,
Sari Widyaningrum.

DLH juga meningkatkan razia uji emisi kendaraan di lima wilayah kota. Kendaraan yang tidak lolos uji emisi
dikenai tarif parkir tertinggi di lokasi parkir milik pemerintah daerah.

Pakar kesehatan lingkungan, Bambang Riyadi, menilai pengendalian polusi udara membutuhkan kerja sama lintas
daerah. Menurut dia, sumber emisi tidak hanya berasal dari Jakarta, tetapi juga dari kawasan industri di
sekitarnya.

Warga dapat memantau kualitas udara secara langsung melalui situs dan aplikasi pemantau yang disediakan
pemerintah provinsi.

### www lifestyle/travel 2026-09-27 14:25:59
title: Tujuh Destinasi Wisata Alam di Jawa Barat untuk Libur Akhir Tahun
tags: wisata Jawa Barat; destinasi wisata; libur akhir tahun
photo: Danau Kawah Putih di Ciwidey diselimuti kabut tipis
brief: Tujuh destinasi alam terjangkau dari Jakarta. | Pesan penginapan lebih awal menjelang akhir tahun.

Libur akhir tahun menjadi momen yang tepat untuk menikmati wisata alam bersama keluarga. Jawa Barat memiliki
banyak pilihan destinasi yang bisa dijangkau dalam beberapa jam perjalanan dari Jakarta.

Pertama, Kawah Putih di Ciwidey, Kabupaten Bandung. Danau kawah berwarna hijau pucat ini dikelilingi
pepohonan dan kabut tipis yang membuat suasananya tampak magis, terutama pada pagi hari.

Kedua, Situ Patenggang yang masih berada di kawasan Ciwidey. Pengunjung dapat menyewa perahu untuk
berkeliling danau dan mengunjungi Pulau Asmara di tengahnya.

Ketiga, kawasan Tangkuban Parahu di perbatasan Bandung Barat dan Subang. Gunung api ini terkenal dengan
Kawah Ratu yang dapat dilihat dari dekat melalui jalur pejalan kaki.
===
Keempat, Curug Cimahi di Bandung Barat. Air terjun setinggi sekitar 87 meter ini kini dilengkapi pertunjukan
lampu warna-warni pada malam akhir pekan.

Kelima, Pantai Pangandaran. Selain berenang dan bermain pasir, wisatawan dapat menyeberang ke Cagar Alam
Pananjung untuk melihat satwa liar dan gua peninggalan Jepang.

Keenam, Green Canyon atau Cukang Taneuh di Pangandaran. Wisatawan dapat menyusuri sungai berair hijau toska
dengan perahu sebelum berenang di antara tebing batu.

“Untuk Green Canyon, sebaiknya datang saat cuaca cerah karena wisata air ini bisa ditutup jika debit sungai
naik,” kata pemandu wisata setempat, Ujang Suherman.
===
Ketujuh, Kebun Raya Cibodas di kaki Gunung Gede Pangrango. Tempat ini cocok untuk piknik keluarga sambil
menikmati udara sejuk dan koleksi tanaman pegunungan.

Sebelum berangkat, wisatawan disarankan memeriksa prakiraan cuaca karena akhir tahun bertepatan dengan
puncak musim hujan di Jawa Barat.

Memesan penginapan lebih awal juga penting mengingat tingkat hunian hotel di kawasan wisata biasanya
melonjak menjelang pergantian tahun.

Jangan lupa membawa jas hujan, alas kaki yang nyaman, dan obat-obatan pribadi agar perjalanan tetap aman dan
menyenangkan.

### www bola/liga-spanyol 2026-09-27 05:10:25
title: Real Madrid Menang Dramatis atas Sevilla lewat Gol Menit Akhir
tags: Real Madrid; Sevilla; Liga Spanyol
photo: Pemain Real Madrid merayakan gol kemenangan
brief: Madrid menang 2-1 lewat tendangan bebas di injury time. | Rekor kandang tak terkalahkan berlanjut.

Real Madrid menang dramatis 2-1 atas Sevilla pada lanjutan Liga Spanyol di Stadion Santiago Bernabeu, Sabtu
(26/9) malam waktu setempat. Gol kemenangan lahir pada masa injury time.

Sevilla unggul lebih dulu pada menit ke-40 melalui serangan balik cepat. Madrid baru bisa menyamakan
kedudukan pada menit ke-70 lewat sundulan yang memanfaatkan umpan silang dari sisi kiri.

Ketika laga tampak akan berakhir imbang, Madrid mendapat tendangan bebas di depan kotak penalti. Eksekusi
yang melengkung ke pojok atas gawang memastikan kemenangan tuan rumah.

Kemenangan ini membuat Madrid memperpanjang rekor tak terkalahkan di kandang musim ini menjadi empat laga.

### www bisnis/keuangan 2026-09-28 17:10:50
title: OJK Blokir 230 Entitas Pinjol dan Investasi Ilegal Sepanjang September
tags: OJK; pinjol ilegal; investasi ilegal
photo: Ilustrasi aplikasi pinjaman online di ponsel
brief: 230 entitas ilegal diblokir sepanjang September. | Cek legalitas melalui kontak OJK 157.

Otoritas Jasa Keuangan (OJK) bersama satuan tugas pemberantasan aktivitas keuangan ilegal memblokir 230
entitas pinjaman daring dan investasi ilegal sepanjang September 2026. Sebagian besar entitas beroperasi
melalui aplikasi dan tautan di media sosial.

Juru bicara OJK, Widya Kartika, mengatakan modus yang paling banyak ditemukan adalah tawaran pinjaman tanpa
agunan dengan pencairan instan.

“Masyarakat jangan tergiur pinjaman yang cair dalam hitungan menit tanpa verifikasi. Biasanya ada bunga dan
denda yang tidak wajar serta penyalahgunaan data pribadi,” ujar Widya.

OJK mencatat lebih dari 11.000 pengaduan terkait pinjol ilegal sejak awal tahun. Pengaduan terbanyak
berkaitan dengan penagihan yang disertai ancaman dan penyebaran data kontak.

Masyarakat dapat memeriksa daftar penyelenggara pinjaman daring berizin melalui kontak resmi OJK 157 atau
layanan pesan resmi OJK.

### www news/nasional 2026-09-29 16:25:40
title: Pendaftaran Beasiswa Pendidikan Indonesia Tahap II Diperpanjang hingga 15 Oktober
tags: beasiswa; LPDP; pendidikan
photo: Mahasiswa mengakses laman pendaftaran beasiswa
brief: Pendaftaran diperpanjang dua pekan. | Pendaftar sudah lebih dari 41.000 orang.

Pendaftaran Beasiswa Pendidikan Indonesia tahap II tahun 2026 diperpanjang hingga 15 Oktober 2026.
Perpanjangan dilakukan karena banyak pelamar yang mengalami kendala saat mengunggah dokumen pada hari-hari
terakhir pendaftaran.

Pengelola beasiswa menyebut lonjakan akses pada pekan terakhir membuat sistem pendaftaran sempat melambat.
Panitia pun memutuskan menambah waktu pendaftaran selama dua pekan.

“Kami tidak ingin ada pelamar potensial yang gagal mendaftar hanya karena persoalan teknis,” kata Direktur
Beasiswa, Ratna Puspitasari, dalam konferensi pers di Jakarta.

Hingga akhir September, jumlah pendaftar tercatat lebih dari 41.000 orang. Program magister dalam negeri dan
luar negeri masih menjadi pilihan terbanyak, disusul program doktoral.

Pelamar diingatkan memeriksa kembali keabsahan sertifikat kemampuan bahasa asing yang diunggah. Sertifikat
yang sudah kedaluwarsa akan membuat pendaftaran dinyatakan tidak memenuhi syarat.

### www bisnis/makro 2026-10-01 11:40:26
title: Harga Emas Antam Naik Rp12.000 per Gram di Awal Oktober
tags: harga emas; Antam; investasi
photo: Emas batangan berbagai ukuran dipajang di gerai penjualan
brief: Emas Antam naik ke Rp1.987.000 per gram. | Harga buyback ikut naik.

Harga emas batangan produksi PT Aneka Tambang Tbk (Antam) naik Rp12.000 menjadi Rp1.987.000 per gram pada
perdagangan Kamis (1/10). Harga pembelian kembali atau buyback juga naik ke level Rp1.832.000 per gram.

Kenaikan harga emas di dalam negeri mengikuti pergerakan harga emas dunia yang menguat setelah data ekonomi
Amerika Serikat menunjukkan perlambatan.

Analis komoditas, Fikri Ramadhan, mengatakan emas masih menjadi pilihan aset lindung nilai di tengah
ketidakpastian global. Ia memperkirakan harga emas berpotensi bergerak naik hingga akhir tahun.

“Bagi investor jangka panjang, membeli secara bertahap lebih aman dibandingkan membeli sekaligus saat harga
sedang tinggi,” kata Fikri.

Pembelian emas batangan dikenai pajak penghasilan sesuai ketentuan yang berlaku, sementara penjualan kembali
dengan nilai tertentu juga dikenai potongan pajak.

### www news/nasional 2026-10-02 08:10:05
title: Peringati Hari Batik Nasional, Pegawai dan Pelajar di Berbagai Daerah Kompak Berbatik
tags: Hari Batik Nasional; batik; budaya
photo: Perajin membatik di sebuah sanggar di Pekalongan
brief: Warga kompak berbatik pada 2 Oktober. | Permintaan batik tulis pewarna alam meningkat.

Peringatan Hari Batik Nasional pada Jumat (2/10) disambut meriah di berbagai daerah. Pegawai pemerintah,
karyawan swasta, hingga pelajar kompak mengenakan batik sejak pagi.

Di Pekalongan, ratusan perajin menggelar pameran batik tulis di alun-alun kota. Pengunjung dapat mencoba
langsung proses membatik menggunakan canting dan malam.

Ketua paguyuban perajin batik setempat, Slamet Riyanto, mengatakan momentum Hari Batik Nasional selalu
mendongkrak penjualan. Menurutnya, permintaan batik tulis dengan pewarna alam meningkat dalam dua tahun
terakhir.

“Anak muda sekarang mulai mencari batik yang ada ceritanya, bukan sekadar motif. Itu kabar baik bagi perajin
kecil seperti kami,” ujar Slamet.

Hari Batik Nasional diperingati setiap 2 Oktober sejak UNESCO menetapkan batik Indonesia sebagai Warisan
Budaya Takbenda pada 2009.

### jakarta jakarta/lingkungan 2026-10-02 15:15:33
title: Genangan di Kemang Surut, Dinas SDA Percepat Normalisasi Kali Krukut
tags: banjir; Kali Krukut; Kemang; Dinas SDA
photo: Pengendara motor melintasi genangan di kawasan Kemang
brief: Genangan sempat mencapai 40 sentimeter. | Normalisasi Kali Krukut dipercepat.

Genangan yang sempat merendam sejumlah ruas jalan di kawasan Kemang, Jakarta Selatan, berangsur surut pada
Jumat (2/10) siang. Genangan terjadi setelah hujan deras mengguyur Jakarta sejak dini hari.

Ketinggian air di beberapa titik sempat mencapai 40 sentimeter sehingga kendaraan roda dua kesulitan
melintas.

Kepala Dinas Sumber Daya Air DKI Jakarta, Yusuf Hidayat, mengatakan pihaknya mempercepat pengerukan dan
pelebaran Kali Krukut yang menjadi penyebab utama luapan air di kawasan tersebut.

“Kami kerahkan pompa mobile dan alat berat. Target kami, pekerjaan di segmen Kemang rampung sebelum puncak
musim hujan,” ujar Yusuf.

Warga diimbau tidak membuang sampah ke saluran air dan segera melapor melalui kanal pengaduan jika melihat
saluran tersumbat.

### www bola/liga-indonesia 2026-10-04 19:20:31
title: Klasemen Liga 1 Pekan Kedelapan: PSM Makassar Geser Persija dari Puncak
tags: klasemen Liga 1; PSM Makassar; Persija; Liga 1
photo: Pemain PSM Makassar merayakan kemenangan atas Borneo FC
brief: PSM memimpin klasemen dengan 17 poin. | Kompetisi libur sepekan karena FIFA Matchday.

PSM Makassar menggeser Persija Jakarta dari puncak klasemen Liga 1 setelah menang 2-0 atas Borneo FC pada
pekan kedelapan, Minggu (4/10). Juku Eja kini mengoleksi 17 poin.

Persija turun ke posisi kedua setelah hanya bermain imbang tanpa gol melawan Dewa United sehari sebelumnya.
Kedua tim terpaut satu poin.

Di papan tengah, Bali United dan Persib Bandung sama-sama meraih kemenangan tandang sehingga jarak dengan
zona empat besar semakin tipis.

Sementara itu, tiga tim promosi masih tertahan di zona degradasi. Salah satunya belum meraih kemenangan
sejak awal musim.

Kompetisi akan diliburkan selama sepekan karena agenda FIFA Matchday dan kembali bergulir pada pertengahan
Oktober.

### www lifestyle/kuliner 2026-10-06 09:05:11
title: Tren Kopi Susu Gula Aren Belum Surut, Kedai Lokal Berinovasi dengan Rempah
tags: kopi susu; kedai kopi; kuliner
photo: Segelas kopi susu gula aren dengan taburan kayu manis
brief: Kedai lokal menambahkan kayu manis, kapulaga, dan jahe. | Kopi susu rempah jadi menu terlaris.

Kopi susu gula aren masih menjadi menu andalan di banyak kedai kopi lokal. Untuk menarik pelanggan, sejumlah
pemilik kedai kini berinovasi dengan menambahkan rempah seperti kayu manis, kapulaga, dan jahe.

Di sebuah kedai di kawasan Blok M, Jakarta Selatan, menu kopi susu rempah menjadi minuman terlaris sejak
diluncurkan tiga bulan lalu.

“Pelanggan suka karena rasanya familier, tapi ada sensasi hangat dari rempah. Banyak yang bilang rasanya
seperti wedang, tapi versi kopi,” kata pemilik kedai, Bima Aditya.

Pengamat kuliner, Sinta Dewi, menilai inovasi berbasis bahan lokal membantu kedai kecil bersaing dengan
jaringan kedai kopi besar.

Menurut Sinta, kekuatan kedai lokal terletak pada kedekatan dengan pelanggan dan keberanian bereksperimen
dengan cita rasa khas daerah.

### www bisnis/makro 2026-10-07 07:25:14
title: Ekspor Kopi Indonesia Naik 18 Persen, Eropa Jadi Pasar Utama
tags: ekspor; kopi; perdagangan
photo: Pekerja menyortir biji kopi arabika di gudang eksportir
brief: Ekspor kopi Januari–Agustus naik 18 persen. | Eksportir wajib memenuhi aturan bebas deforestasi.

Nilai ekspor kopi Indonesia pada Januari hingga Agustus 2026 naik 18 persen dibandingkan periode yang sama
tahun lalu. Kenaikan didorong permintaan kopi spesialti dari negara-negara Eropa.

Kementerian Perdagangan mencatat Jerman, Italia, dan Belanda menjadi tujuan ekspor utama, disusul Amerika
Serikat dan Jepang.

Direktur Pengembangan Ekspor Produk Primer Kemendag, Taufik Hidayat, mengatakan eksportir kini dituntut
memenuhi aturan bebas deforestasi yang diterapkan Uni Eropa.

“Petani harus bisa menunjukkan bahwa kebunnya tidak berasal dari pembukaan hutan baru. Karena itu, pemetaan
lahan dan ketertelusuran menjadi sangat penting,” ujar Taufik.

Ketua asosiasi eksportir kopi wilayah Sumatera Utara, Leonardus Simanjuntak, berharap pemerintah membantu
pendanaan sertifikasi bagi petani kecil agar tidak tertinggal.

Kopi arabika Gayo, Toraja, dan Kintamani masih menjadi varietas yang paling banyak diminati pembeli
mancanegara.

### www news/hukum 2026-10-09 14:35:22
title: Polisi Bongkar Sindikat Investasi Bodong Bermodus Aplikasi Titip Saham, Kerugian Capai Rp73 Miliar
tags: investasi bodong; penipuan; polisi; saham
photo: Polisi menunjukkan barang bukti kasus investasi bodong
brief: Sekitar 2.100 orang menjadi korban. | Empat tersangka dijerat pasal penipuan dan TPPU.

Polisi membongkar sindikat investasi bodong yang menawarkan keuntungan tetap melalui aplikasi titip saham.
Sedikitnya 2.100 orang menjadi korban dengan total kerugian diperkirakan mencapai Rp73 miliar.

Direktur Reserse Kriminal Khusus Polda Metro Jaya, Komisaris Besar Dimas Aryanto, mengatakan penyidik telah
menetapkan empat tersangka berinisial RS, DN, AW, dan TP.

“Para tersangka menjanjikan imbal hasil 3 persen per bulan. Padahal dana korban tidak pernah diinvestasikan
di pasar modal, melainkan diputar untuk membayar anggota lama,” kata Dimas.

Polisi menyita sejumlah barang bukti berupa tiga unit mobil, puluhan telepon genggam, dan rekening bank
dengan saldo sekitar Rp9 miliar.

Para tersangka dijerat pasal penipuan dan Undang-Undang Pencegahan dan Pemberantasan Tindak Pidana Pencucian
Uang dengan ancaman hukuman maksimal 20 tahun penjara.

Polisi mengimbau masyarakat memeriksa legalitas perusahaan investasi melalui kanal resmi Otoritas Jasa
Keuangan sebelum menanamkan dana.

Kasus ini terungkap setelah puluhan korban melapor karena dana mereka tidak bisa ditarik sejak Juli lalu.

### www lifestyle/kesehatan 2026-10-10 07:30:38
title: Hari Kesehatan Jiwa Sedunia, Psikolog Bagikan Cara Sederhana Kelola Stres Kerja
tags: kesehatan mental; stres kerja; Hari Kesehatan Jiwa Sedunia
photo: Ilustrasi pekerja kantoran yang sedang stres
brief: Kenali tanda awal stres kerja. | Buat batas jelas antara jam kerja dan waktu pribadi.

Setiap 10 Oktober diperingati sebagai Hari Kesehatan Jiwa Sedunia. Momentum ini menjadi pengingat bahwa
kesehatan mental sama pentingnya dengan kesehatan fisik, termasuk di lingkungan kerja.

Psikolog klinis, Anindya Paramitha, mengatakan stres kerja yang dibiarkan berlarut-larut dapat berdampak
pada kualitas tidur, pola makan, hingga hubungan sosial.

“Tanda awalnya sering diabaikan, misalnya mudah marah, sulit berkonsentrasi, atau merasa lelah meski sudah
beristirahat,” ujarnya.

Ia menyarankan pekerja membuat batasan yang jelas antara jam kerja dan waktu pribadi, termasuk tidak
membalas pesan pekerjaan di luar jam kantor jika tidak mendesak.

Aktivitas fisik ringan, seperti berjalan kaki 20 menit setiap hari, juga terbukti membantu menurunkan
ketegangan.

Jika keluhan berlangsung lebih dari dua pekan dan mengganggu aktivitas sehari-hari, Anindya menyarankan
untuk segera berkonsultasi dengan tenaga profesional.

### www bola/timnas 2026-10-10 22:05:58
title: Timnas Indonesia Bungkam Vietnam 3-1 dalam Laga Uji Coba di GBK
tags: Timnas Indonesia; Vietnam; FIFA Matchday; GBK
photo: Suporter memadati tribun Stadion Utama Gelora Bung Karno
brief: Indonesia menang 3-1 atas Vietnam. | Koordinasi lini belakang masih perlu dibenahi.

Timnas Indonesia menang 3-1 atas Vietnam dalam laga uji coba FIFA Matchday di Stadion Utama Gelora Bung
Karno, Sabtu (10/10) malam. Sekitar 60.000 suporter memadati stadion.

Indonesia unggul cepat pada menit ke-9 lewat tendangan keras dari luar kotak penalti. Vietnam menyamakan
kedudukan pada menit ke-35 memanfaatkan kesalahan di lini belakang.

Pada babak kedua, Indonesia bermain lebih agresif dan mencetak dua gol tambahan melalui skema serangan
balik. Gol penutup dicetak pemain pengganti pada menit ke-84.

Pelatih Timnas Indonesia mengapresiasi kerja keras pemain yang mampu bangkit setelah kebobolan. Namun, ia
menyoroti koordinasi lini belakang yang masih perlu dibenahi.

“Hasil ini bagus untuk kepercayaan diri, tetapi kami harus lebih konsentrasi selama 90 menit,” ujarnya.

Indonesia akan kembali bertanding melawan Oman pada Selasa (13/10) di stadion yang sama.

### jakarta jakarta/kota 2026-10-11 10:05:47
title: Car Free Day Sudirman-Thamrin Ramai Pengunjung, Pedagang Ditata di Zona Khusus
tags: car free day; Sudirman; pedagang kaki lima
photo: Warga berolahraga saat car free day di Bundaran HI
brief: Ribuan warga memadati car free day. | Pedagang dipindahkan ke zona khusus.

Hari Bebas Kendaraan Bermotor atau car free day di kawasan Sudirman-Thamrin kembali dipadati warga pada
Minggu (11/10) pagi. Ribuan orang berolahraga, bersepeda, dan menikmati kuliner di sepanjang jalan protokol
tersebut.

Berbeda dari pekan-pekan sebelumnya, pedagang kini ditata di zona khusus di sekitar kawasan Gelora Bung
Karno dan Jalan Sudirman sisi barat.

Kepala Satpol PP setempat, Agung Wicaksono, mengatakan penataan dilakukan agar jalur pejalan kaki dan
pesepeda tidak terhalang lapak pedagang.

Sejumlah pedagang mengaku omzet mereka tetap stabil meski harus berpindah lokasi. Pengunjung juga merasa
lebih nyaman karena jalur lebih lapang.

### www bisnis/keuangan 2026-10-15 13:15:03
title: Bank Indonesia Tahan Suku Bunga Acuan di Level 5 Persen
tags: Bank Indonesia; suku bunga; BI Rate
photo: Gedung Bank Indonesia di kawasan Thamrin, Jakarta
brief: BI Rate tetap 5 persen. | Inflasi diperkirakan tetap dalam sasaran.

Bank Indonesia (BI) memutuskan mempertahankan suku bunga acuan BI Rate di level 5 persen dalam Rapat Dewan
Gubernur yang berakhir Kamis (15/10). Suku bunga deposit facility dan lending facility juga tetap.

Keputusan tersebut dinilai konsisten dengan upaya menjaga stabilitas nilai tukar rupiah di tengah
ketidakpastian pasar keuangan global.

Dalam konferensi pers, BI menyatakan inflasi diperkirakan tetap terkendali dalam sasaran 1,5 hingga 3,5
persen hingga akhir tahun.

Ekonom sebuah bank swasta, Rahmat Hidayat, menilai ruang penurunan suku bunga masih terbuka pada awal tahun
depan jika kondisi global membaik.

“Pasar sebenarnya sudah memperkirakan BI menahan suku bunga. Yang ditunggu adalah sinyal kebijakan untuk
kuartal pertama 2027,” kata Rahmat.

### www news/internasional 2026-10-17 21:05:09
title: Topan Kuat Terjang Okinawa, Ratusan Penerbangan Dibatalkan
tags: topan; Okinawa; Jepang; cuaca ekstrem
photo: Ombak tinggi menghantam tanggul di pesisir Okinawa
brief: Angin topan mencapai 180 km per jam. | Sekitar 90.000 rumah mengalami pemadaman listrik.

Topan kuat menerjang Prefektur Okinawa, Jepang, pada Sabtu (17/10) dengan kecepatan angin maksimum mencapai
180 kilometer per jam. Ratusan penerbangan domestik dan internasional dibatalkan.

Badan Meteorologi Jepang meminta warga tetap berada di dalam rumah dan menjauhi kawasan pesisir karena
gelombang tinggi. Sekitar 90.000 rumah dilaporkan mengalami pemadaman listrik.

Otoritas setempat membuka puluhan pusat evakuasi bagi warga yang tinggal di daerah rawan longsor dan banjir.

KBRI Tokyo mengimbau WNI di Okinawa mengikuti arahan pemerintah setempat. Sebagian besar WNI di prefektur
itu merupakan pelajar dan pekerja di sektor perhotelan.

Topan diperkirakan bergerak ke arah utara menuju Pulau Kyushu pada Minggu dengan intensitas yang sedikit
melemah.

### www bola/liga-inggris 2026-10-18 15:35:40
title: Manchester United Perpanjang Rekor Tak Terkalahkan Jadi Tujuh Laga
tags: Manchester United; Everton; Liga Inggris
photo: Pemain Manchester United merayakan gol di Old Trafford
brief: United menang 2-0 atas Everton. | Rekor tak terkalahkan menjadi tujuh laga.

Manchester United memperpanjang rekor tak terkalahkan di semua kompetisi menjadi tujuh laga setelah menang
2-0 atas Everton di Old Trafford, Sabtu (17/10) waktu setempat.

Kedua gol United tercipta pada babak pertama. Gol pembuka lahir dari situasi sepak pojok, sementara gol
kedua dicetak melalui kombinasi umpan pendek di depan kotak penalti.

Everton mencoba bangkit pada babak kedua, tetapi penampilan solid penjaga gawang United menggagalkan
sejumlah peluang berbahaya.

Hasil ini membawa United naik ke peringkat kelima klasemen sementara, hanya terpaut dua poin dari zona Liga
Champions.

Manajer United menyebut kemenangan itu sebagai buah dari konsistensi latihan dan kebugaran pemain yang
terjaga.

### www lifestyle/travel 2026-10-21 11:35:24
title: Festival Danau Toba 2026 Digelar November, Ini Rangkaian Acaranya
tags: Danau Toba; festival; wisata Sumatera Utara
photo: Perahu tradisional berlayar di Danau Toba
brief: Festival digelar 20–23 November di Balige. | Lomba solu bolon jadi acara paling dinanti.

Festival Danau Toba 2026 akan digelar pada 20 hingga 23 November di kawasan Balige, Kabupaten Toba. Festival
tahunan ini menampilkan seni budaya Batak, lomba perahu tradisional, dan pameran kuliner khas.

Panitia menyiapkan pertunjukan musik dan tari setiap malam di panggung terbuka di tepi danau. Sejumlah
musisi daerah dijadwalkan tampil bersama kelompok paduan suara gereja setempat.

Lomba solu bolon atau perahu tradisional menjadi acara yang paling dinantikan. Tahun ini, peserta berasal
dari tujuh kabupaten di sekitar Danau Toba.

Kepala dinas pariwisata setempat, Robert Sinaga, berharap festival dapat mendongkrak kunjungan wisatawan
pada akhir tahun. Ia menyebut tingkat hunian hotel di sekitar Balige mulai meningkat sejak pengumuman jadwal
festival.

Wisatawan dapat menjangkau Balige melalui Bandara Silangit yang berjarak sekitar 30 menit perjalanan darat.

### www bisnis/umkm 2026-10-23 16:48:29
title: Pameran Kriya Nusantara Catat Transaksi Rp48 Miliar dalam Lima Hari
tags: pameran; kriya; UMKM; ekonomi kreatif
photo: Pengunjung melihat kain tenun di Pameran Kriya Nusantara
brief: Transaksi Rp48 miliar melampaui target. | 650 pelaku usaha dari 34 provinsi ikut serta.

Pameran Kriya Nusantara 2026 yang digelar di Jakarta Convention Center mencatat nilai transaksi sementara
Rp48 miliar selama lima hari penyelenggaraan. Angka tersebut melampaui target panitia sebesar Rp40 miliar.

Sebanyak 650 pelaku usaha dari 34 provinsi ikut serta dalam pameran. Produk yang paling banyak diminati
antara lain tenun, anyaman rotan, keramik, dan perhiasan perak.

Ketua panitia, Dewi Anggraeni, mengatakan transaksi tidak hanya terjadi secara langsung, tetapi juga melalui
kontrak dagang dengan pembeli dari Malaysia, Singapura, dan Australia.

“Banyak pembeli luar negeri yang datang khusus untuk mencari mitra pemasok. Ini peluang besar bagi perajin
daerah,” kata Dewi.

Seorang perajin tenun asal Nusa Tenggara Timur, Maria Goreti, mengaku mendapatkan pesanan 300 lembar kain
dari pembeli di Australia.

Panitia berencana menggelar pameran serupa di Surabaya dan Makassar pada tahun depan.

### www bola/liga-indonesia 2026-10-26 20:50:17
title: Laga Derbi Jatim Digelar Sore Hari, Suporter Diimbau Datang Lebih Awal
tags: derbi Jatim; Persebaya; Arema FC; suporter
photo: Suporter memadati tribun stadion jelang laga derbi
brief: Derbi Jatim dimulai pukul 15.30 WIB. | Sekitar 2.000 personel disiagakan.

Laga derbi Jawa Timur antara Persebaya Surabaya dan Arema FC pada pekan kesebelas Liga 1 dipastikan digelar
sore hari pukul 15.30 WIB. Keputusan itu diambil dengan pertimbangan keamanan.

Panitia pelaksana pertandingan menyatakan hanya suporter tuan rumah yang diizinkan hadir di stadion.
Penjualan tiket dilakukan secara daring dengan verifikasi identitas.

“Kami mengimbau suporter datang lebih awal karena pemeriksaan di pintu masuk akan dilakukan berlapis,” kata
ketua panitia pelaksana, Andik Purnomo.

Kepolisian menyiapkan sekitar 2.000 personel gabungan untuk mengamankan pertandingan dan jalur menuju
stadion.

Kedua tim sama-sama membutuhkan kemenangan untuk menjaga peluang bersaing di papan atas klasemen.

### www news/nasional 2026-10-28 06:30:15
title: Peringatan Sumpah Pemuda ke-98, Kirab Pemuda Digelar Serentak di 38 Provinsi
tags: Sumpah Pemuda; pemuda; Kemenpora
photo: Peserta kirab pemuda membawa bendera Merah Putih
brief: Kirab pemuda digelar di 38 provinsi. | Museum Sumpah Pemuda gratis sepanjang hari.

Peringatan Hari Sumpah Pemuda ke-98 pada Rabu (28/10) diisi dengan kirab pemuda yang digelar serentak di 38
provinsi. Kegiatan ini melibatkan organisasi kepemudaan, pelajar, dan komunitas kreatif.

Di Jakarta, kirab dimulai dari Museum Sumpah Pemuda di Jalan Kramat Raya dan berakhir di kawasan Monas.
Peserta membawa bendera Merah Putih dan mengenakan pakaian adat dari berbagai daerah.

Deputi Pengembangan Pemuda Kemenpora, Irfan Maulana, mengatakan tema peringatan tahun ini menekankan peran
pemuda dalam ekonomi digital dan pelestarian lingkungan.

“Semangat 1928 adalah semangat persatuan. Hari ini tantangannya berbeda, tetapi kebutuhan untuk bersatu dan
bergotong royong tetap sama,” ujar Irfan.

Selain kirab, sejumlah daerah menggelar lomba inovasi pemuda, festival film pendek, dan aksi bersih sungai.

Museum Sumpah Pemuda juga membuka akses gratis bagi pengunjung sepanjang hari peringatan.

### jakarta jakarta/pendidikan 2026-10-30 17:45:12
title: Pendaftaran KJP Plus Tahap II Dibuka Awal November, Simak Syaratnya
tags: KJP Plus; pendidikan; bantuan sosial
photo: Pelajar menunjukkan kartu KJP Plus di sekolah
brief: Pendaftaran KJP Plus tahap II dibuka awal November. | Dana tidak boleh ditarik tunai.

Pemerintah Provinsi DKI Jakarta akan membuka pendaftaran Kartu Jakarta Pintar (KJP) Plus tahap II pada awal
November 2026. Bantuan pendidikan ini menyasar pelajar dari keluarga kurang mampu.

Kepala Pusat Pelayanan Pendanaan Personal dan Operasional Pendidikan, Nurul Hasanah, mengatakan data calon
penerima diambil dari data terpadu kesejahteraan sosial yang telah diperbarui.

“Orang tua bisa mengecek status anaknya melalui situs resmi. Jika belum terdata, silakan melapor ke sekolah
atau kelurahan,” kata Nurul.

Dana KJP Plus dapat digunakan untuk membeli perlengkapan sekolah, seragam, dan kebutuhan penunjang belajar
lainnya.

Pemprov DKI mengingatkan dana bantuan tidak boleh ditarik tunai untuk keperluan di luar pendidikan.
"""


if __name__ == "__main__":
    raise SystemExit(main())
