"""tempo.co: the 2024 Nuxt site (www.tempo.co/{rubrik}/{slug}-{id}) and the kanal subdomains before it
({kanal}.tempo.co/read/{id}/{slug}, and /read/news/YYYY/MM/DD/{id}/{slug} before 2017)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# Hosts that are the portal itself rather than a kanal; their old /read/ URLs carry no channel.
_PORTAL_HOSTS = {"www", "m", "en"}


class TempoProfile(SiteProfile):
    key = "tempo.co"
    name = "Tempo.co"
    allowed_hosts = ("tempo.co",)
    home_url = "https://www.tempo.co/"
    rss_urls = (
        "https://rss.tempo.co/nasional",
        "https://rss.tempo.co/bisnis",
        "https://rss.tempo.co/metro",
        "https://rss.tempo.co/dunia",
    )
    index_urls = ("https://www.tempo.co/indeks?page={page}",)
    article_url_re = re.compile(
        r"^https?://(?:"
        # 2024–: /{rubrik}/{slug}-{id}; media and listing rubriks are not text articles.
        r"(?:www\.)?tempo\.co/(?!(?:video|foto|podcast|infografik|data|newsletter|tag|indeks|penulis|search)/)"
        r"[a-z0-9-]+/[a-z0-9-]+-\d{5,}/?(?:[?#]|$)"
        # –2024: {kanal}.tempo.co/read/{id}/{slug}, majalah/koran /read/{rubrik}/{id}/{slug},
        # and –2016 /read/news/YYYY/MM/DD/{id}/{slug}; video. and foto. are galleries.
        r"|(?!(?:video|foto|tv)\.)(?:[a-z0-9-]+\.)?tempo\.co/read/(?:news/\d{4}/\d{2}/\d{2}/|[a-z-]+/)?\d{4,}/[^/?#]+"
        r")"
    )

    title_css = "h1[itemprop=headline], .detail-title h1, h1"
    # Nuxt pages print "18 Juni 2025 | 11.32 WIB" under the byline; older ones a datePublished span.
    date_css = "#article-date, span[itemprop=datePublished], .detail-title .date, p.date"
    author_css = "#article-author a, [itemprop=author] [itemprop=name], .reporter a"
    body_css = "#content-wrapper, #isi, .detail-in[itemprop=articleBody], .detail-konten"
    tags_css = "#article-tags a, .article-tags a, .detail-tag a, .tags ul li a"
    drop_css = (
        *SiteProfile.drop_css, ".ads-wrapper", ".ads-placeholder", ".paywall", ".bacajuga", "#premium-banner",
        "img[src*=logo-tempo-ads]",
    )
    # Credits always name the brand ("TEMPO.CO, Jakarta - "); 2024 articles open with an upper-case word instead.
    place_datelines = False
    boilerplate_patterns = (
        # The reporter's sign-off in capitals closing older articles: "GHOIDA RAHMAH", "ANDITA RAHMA | ANTARA".
        r"^[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,3}(?:\s*\|\s*[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,3})*$",
        r"^Artikel ini (?:telah|sudah) (?:tayang|terbit) di Koran Tempo",
    )

    def section_from_url(self, url: str) -> str | None:
        """The rubrik of 2024 URLs; before, the kanal subdomain (nasional.tempo.co/read/…)."""
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if not segments:
            return None
        if segments[0] != "read":
            return segments[0].lower() if len(segments) > 1 else None
        label = (parts.hostname or "").lower().split(".")[0]
        return None if label in _PORTAL_HOSTS or label == "tempo" else label
