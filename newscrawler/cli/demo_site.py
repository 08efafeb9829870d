"""Generator of the demo site: a small suara.com-style news site written to ``data/demo-site/``.

``python -m newscrawler.cli.demo_site [OUT_DIR]`` regenerates it. The output is a pure function of this module
and ``data/demo-stories.txt`` (fixed content, no randomness, no clock), so the committed copy and a fresh run
are byte-identical; the test suite checks that. Pages are laid out for ``newscrawler.crawl.mirror`` (one
folder per host; see its docstring for the URL -> file mapping) and copy the markup of the real article template in
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
#: The stories the site is generated from (long text lives in data files, not in this module).
STORIES_FILE = DEFAULT_OUT.parent / "demo-stories.txt"
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
    stories = parse_stories(STORIES_FILE.read_text(encoding="utf-8")) if stories is None else stories
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
`data/demo-stories.txt` (layout: `newscrawler/cli/demo_site.py`). **Do not edit these files by hand**: edit
those and regenerate.
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


if __name__ == "__main__":
    raise SystemExit(main())
