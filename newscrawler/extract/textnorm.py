"""Text clean-up for Indonesian news articles: titles, datelines, boilerplate paragraphs, bylines, tags.

The rules are the noise the portals put around an article (see shared/sites.md): site suffixes in titles,
credit prefixes in the first paragraph ("JAKARTA, KOMPAS.com - "), "Baca Juga" lines, ads, photo credits,
copyright and editor lines, desk codes like "(fas/idn)". Site profiles add their own regexes through the
constructor; everything here is pure string work so the pipeline and `newscrawler extract` share it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

PatternLike = str | re.Pattern[str]

# -- characters --------------------------------------------------------------------------------------
# Spaces that look like spaces but defeat split()/strip() comparisons; turned into a plain space.
_SPACES = dict.fromkeys(
    map(ord, "\xa0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"), " "
)
# Invisible characters copied along from CMS editors: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Only the non-breaking-space entities: they leak through double-escaped CMS fields. Other entities are
# left alone so that text about "&amp;" is not rewritten.
_NBSP_ENTITY_RE = re.compile(r"&(?:nbsp|#160|#x0*a0);?", re.I)
# Both in one precompiled table: one translate pass, only for text that holds one of them.
_ODD_CHARS = str.maketrans({**_SPACES, **_INVISIBLE})
_ODD_CHARS_RE = re.compile("[" + "".join(chr(c) for c in sorted({*_SPACES, *_INVISIBLE})) + "]")

# -- titles and bylines ------------------------------------------------------------------------------
# A suffix separator: " - X", " | X", " — X", " – X", " :: X" (okezone).
_SUFFIX_SEP_RE = re.compile(r"\s+(?:[-|—–]|::)\s+")
# Brands that are not ordinary words: found anywhere in a suffix.
_DISTINCT_BRAND_RE = re.compile(
    r"\b(?:detik\w*|kompas\w*|tribun\w*|liputan6\w*|okezone\w*|sindonews\w*|republika\w*|kumparan\w*"
    r"|antaranews\w*|cnn\s+indonesia|cnbc\s+indonesia)",
    re.I,
)
# Brands that are also Indonesian words (suara = voice, tempo, antara = between, merdeka = free, viva):
# a domain form anywhere, or a short Title-Case suffix led by the brand ("Tempo Gaya", "ANTARA News").
_COMMON_BRANDS = r"suara|tempo|antara|merdeka|viva"
_COMMON_DOMAIN_RE = re.compile(rf"\b(?:{_COMMON_BRANDS})\.(?:com|co|id|co\.id)\b", re.I)
_COMMON_LEAD_RE = re.compile(rf"^(?:{_COMMON_BRANDS})\b", re.I)
_MAX_SUFFIX_WORDS = 6
_MAX_DOMAIN_SUFFIX_WORDS = 4
_MIN_DOMAIN_LABEL = 5  # shorter labels ("viva", "tempo") are also words that start headline phrases
# What may follow a spelled-out domain in a brand suffix ("Kabar Kota English"); "Suara Hati" is a headline.
_EDITION_WORDS = frozenset({"", "online", "news", "english", "en", "id", "com", "coid", "tv", "indonesia", "daily",
                            "network", "digital", "media"})

_ROLE_LABEL_RE = re.compile(
    r"^(?:(?:rep|red|reporter|redaktur|editor|penulis|pewarta|kontributor|fotografer)\s*:\s*"
    r"|(?:oleh|by)\s*:?\s+)",
    re.I,
)

# -- datelines ---------------------------------------------------------------------------------------
# The credit is everything before the first dash that is followed by a space (or ends the paragraph).
_DATELINE_RE = re.compile(r"^(?P<dateline>[^-–—]{1,60}?)\s*(?:--|[-–—])(?=\s|$)\s*(?P<rest>.*)$", re.S)
_DATELINE_CHARS_RE = re.compile(r"^[\w\s.,()&'’]+$")
_DOMAIN_TOKEN_RE = re.compile(r"\w\.(?:com|co|id|net|tv)\b", re.I)
_PAREN_BRAND_RE = re.compile(r"\([A-Z][A-Za-z.]+\)")  # "(ANTARA)"
# A brandless dateline is a place ("Jakarta - "): at most three capitalised words that are not a title or a
# role ("Presiden Jokowi - yang …" is an aside, not a dateline).
_NOT_PLACES = {
    "presiden",
    "wakil",
    "menteri",
    "ketua",
    "gubernur",
    "bupati",
    "wali",
    "walikota",
    "kapolri",
    "kapolda",
    "kapolres",
    "direktur",
    "kepala",
    "sekretaris",
    "pak",
    "bu",
    "mantan",
    "calon",
    "anggota",
    "juru",
    "pemerintah",
    "dia",
    "ia",
    "mereka",
    "kami",
    "saya",
    "ini",
    "itu",
}

# -- boilerplate -------------------------------------------------------------------------------------
_BOILER_START_RE = re.compile(
    r"^(?:baca\s+juga|lihat\s+juga|simak\s+juga|simak\s+video|tonton\s+juga|tonton\s+video"
    r"|saksikan\s+(?:juga|video))\b"
    # tribun's "Baca: Judul"; promotions and rights notices that close the text on many portals
    r"|^baca\s*:"
    r"|^(?:baca\s+berita\s+tanpa\s+iklan|simak\s+breaking\s+news|dapatkan\s+(?:update|informasi)\s+berita"
    r"|ikuti\s+(?:juga\s+)?(?:kami|berita|saluran|channel|akun)\b|download\s+aplikasi|unduh\s+aplikasi)"
    r"|^dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memproduksi|mereproduksi)\b",
    re.I,
)
_BOILER_LABEL_RE = re.compile(
    r"^(?:pilihan\s+editor|ringkasan\s+berita|selanjutnya|pewarta|editor|penulis|reporter|redaktur|penyunting"
    r"|fotografer|kontributor)\s*:"
    r"|^copyright\s*(?:©|\(c\)|&copy;)"
    r"|^©\s*(?:19|20)\d{2}",
    re.I,
)
_BOILER_EXACT = {
    "advertisement",
    "scroll to continue with content",
    "scroll ke bawah untuk melanjutkan membaca",
    "baca 10 detik",
}
# A paragraph that is only a photo credit: "[Suara.com/Alfian Winanto]", "(Foto: ANTARA/…)", "Foto: …".
_PHOTO_CREDIT_RE = re.compile(
    r"^\[[^\[\]/]{1,60}/[^\[\]]{1,80}\]$"
    r"|^\([\w.\s-]{1,40}\.(?:com|co\.id|id|net)/[^()]{1,80}\)$"  # "(Tribunjateng.com/Eka Yulianti)"
    r"|^\((?:foto|photo|dok|dok\.|dokumentasi|ilustrasi|sumber\s+foto)\s*[:.][^()]*\)$"
    r"|^(?:foto|ilustrasi)\s*:.{0,200}$",
    re.I,
)
_INLINE_NOISE_RE = re.compile(r"\[Gambas:[^\]]*\]", re.I)
# Credit and copyright lines glued to the last sentence by the markup ("…katanya.Editor: Ani",
# "…lanjutnya. COPYRIGHT © 2026"): from the label to the end of the paragraph.
_GLUED_TRAILER_RE = re.compile(
    r"(?<=[.!?\"”’)])\s*(?:(?:editor|pewarta|penulis|reporter|redaktur|penyunting|baca\s+juga)\s*:"
    r"|copyright\s*(?:©|\(c\)|&copy;)|©\s*(?:19|20)\d{2}).*$",
    re.I | re.S,
)
# A headline led by a domain and a colon: "Brand.com: Judul", "Brand.co.id: Section - Judul".
_DOMAIN_PREFIX_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co|id|net|tv|org)\s*:\s+(?=\S)", re.I)
# A title suffix that is nothing but a domain ("| other-domain.co.id"): always a brand.
_BARE_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co|id|net|tv|org)$", re.I)
# Desk sign-off at the very end: "(fas/idn)", "(lau/pta)", "(abc/def/ghi)", "(*)".
_DESK_CODE_RE = re.compile(r"\s*\((?:[a-z]{2,4}(?:/[a-z]{2,4})+|\*)\)\s*$")


def _drop_inline_noise(text: str) -> str:
    """Text without "[Gambas:…]" tokens; the bracket test spares the regex scan of almost every paragraph."""
    return _INLINE_NOISE_RE.sub(" ", text) if "[" in text else text


def _compile(patterns: Iterable[PatternLike]) -> list[re.Pattern[str]]:
    return [p if isinstance(p, re.Pattern) else re.compile(p) for p in patterns]


class TextNormalizer:
    """Cleans article text. `credit_patterns` and `boilerplate_patterns` are a site's extra regexes:
    credit patterns are matched at the start of the first paragraph (a named group `dateline` picks the
    credit, else the whole match minus its dash); boilerplate patterns are searched in each paragraph."""

    def __init__(
        self,
        credit_patterns: Iterable[PatternLike] = (),
        boilerplate_patterns: Iterable[PatternLike] = (),
        place_datelines: bool = True,
    ):
        self.credit_patterns = _compile(credit_patterns)
        self.boilerplate_patterns = _compile(boilerplate_patterns)
        # A site whose credits always name the brand ("Suara.com - ") must not lose "Timnas Indonesia - …".
        self.place_datelines = place_datelines

    # -- characters -------------------------------------------------------------------------------
    def clean_text(self, s: str | None) -> str:
        """NFC, no NBSP/zero-width/soft hyphens, single spaces, stripped. Quotes are kept as typed."""
        if not s:
            return ""
        s = str(s)
        ascii_only = s.isascii()
        if not ascii_only and not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)  # before the entities: NFC can spell one (U+037E -> ";")
        if "&" in s:
            s = _NBSP_ENTITY_RE.sub(" ", s)
        if ascii_only:  # most paragraphs: nothing to translate
            return " ".join(s.split())
        if _ODD_CHARS_RE.search(s):  # str.translate costs a lookup per character: only when needed
            s = s.translate(_ODD_CHARS)
        # str.split() splits on exactly the characters regex \s matches: single spaces, stripped.
        return " ".join(s.split())

    # -- titles -----------------------------------------------------------------------------------
    def clean_title(self, title: str | None, site_names: Iterable[str] = ()) -> str:
        """Headline without trailing site suffixes (" - Suara.com", " | Tempo Gaya", " - detikNews")."""
        title = self.clean_text(title)
        title = _DOMAIN_PREFIX_RE.sub("", title)
        names = [n.strip().lower() for n in site_names if n and n.strip()]
        while True:
            stripped = _strip_site_suffix(title, names)
            if stripped == title:
                return title
            title = stripped

    # -- datelines --------------------------------------------------------------------------------
    def split_dateline(self, paragraph: str) -> tuple[str | None, str]:
        """(credit prefix, rest) — ("JAKARTA, KOMPAS.com", "Pemerintah …"); (None, paragraph) if none."""
        text = self.clean_text(paragraph)
        for pattern in self.credit_patterns:
            match = pattern.match(text)
            if match:
                if "dateline" in pattern.groupindex and match.group("dateline"):
                    dateline = match.group("dateline")
                else:
                    dateline = match.group(0)
                dateline = dateline.strip(" -–—|:")
                return dateline or None, text[match.end() :].lstrip(" -–—|:")
        match = _DATELINE_RE.match(text)
        if match and _looks_like_dateline(match.group("dateline").strip(), match.group("rest"), self.place_datelines):
            return match.group("dateline").strip(), match.group("rest").strip()
        return None, text

    # -- boilerplate ------------------------------------------------------------------------------
    def is_boilerplate(self, paragraph: str) -> bool:
        """True for a paragraph that is page furniture, not article text."""
        text = self.clean_text(_drop_inline_noise(paragraph or ""))
        if not text:
            return True
        if text.strip(" .:!").lower() in _BOILER_EXACT:
            return True
        if _BOILER_START_RE.match(text) or _BOILER_LABEL_RE.match(text) or _PHOTO_CREDIT_RE.match(text):
            return True
        return any(p.search(text) for p in self.boilerplate_patterns)

    def clean_paragraphs(self, paragraphs: Sequence[str | None]) -> list[str]:
        """Cleaned paragraphs without boilerplate, inline "[Gambas:…]" tokens or a closing desk code."""
        kept = []
        for paragraph in paragraphs:
            text = self.clean_text(_drop_inline_noise(paragraph or ""))
            text = _GLUED_TRAILER_RE.sub("", text).strip()
            if text and not self.is_boilerplate(text):
                kept.append(text)
        if kept:
            last = _DESK_CODE_RE.sub("", kept[-1]).strip()
            if last:
                kept[-1] = last
            else:
                kept.pop()  # the sign-off stood on its own line
        return kept

    def join_body(self, paragraphs: Iterable[str]) -> str:
        return "\n\n".join(paragraphs)

    # -- bylines and tags -------------------------------------------------------------------------
    def clean_authors(
        self, authors: Iterable[str | None] | str | None, site_names: Iterable[str] = ()
    ) -> list[str]:
        """Names in order, without duplicates, site suffixes ("X - detikNews") or role labels ("Rep: X")."""
        if isinstance(authors, str):
            authors = [authors]
        names_lower = [n.strip().lower() for n in site_names if n and n.strip()]
        result: list[str] = []
        seen: set[str] = set()
        for author in authors or []:
            for name in _split_byline(self.clean_text(author)):
                name = _strip_site_suffix(name, names_lower).strip(" ,;")
                key = name.casefold()
                if name and key not in seen:
                    seen.add(key)
                    result.append(name)
        return result

    def clean_tags(self, tags: Iterable[str | None] | None) -> list[str]:
        """Tags in order, "#" removed, without case-insensitive duplicates."""
        result: list[str] = []
        seen: set[str] = set()
        for tag in tags or []:
            text = self.clean_text(tag).lstrip("#").strip()
            key = text.casefold()
            if text and key not in seen:
                seen.add(key)
                result.append(text)
        return result

    # -- the whole article ------------------------------------------------------------------------
    def normalize_article(self, fields: dict[str, Any], site_names: Iterable[str] = ()) -> dict[str, Any]:
        """title, dateline, body, description, authors, tags — cleaned, from the raw extracted fields."""
        site_names = tuple(site_names)
        paragraphs = self.clean_paragraphs(fields.get("paragraphs") or [])
        dateline = None
        if paragraphs:
            # Only the first real paragraph carries the credit; later " - " are the writer's own.
            dateline, rest = self.split_dateline(paragraphs[0])
            if rest:
                paragraphs[0] = rest
            else:
                paragraphs.pop(0)
        return {
            "title": self.clean_title(fields.get("title"), site_names),
            "dateline": dateline,
            "body": self.join_body(paragraphs),
            "description": self.clean_text(fields.get("description")),
            "authors": self.clean_authors(fields.get("authors"), site_names),
            "tags": self.clean_tags(fields.get("tags")),
        }


def _is_brand(suffix: str, site_names: Sequence[str]) -> bool:
    """Whether a title/byline suffix names a portal rather than continuing the headline."""
    lowered = suffix.lower()
    if any(name in lowered for name in site_names):
        return True
    if _names_domain(suffix, site_names):
        return True
    if len(suffix.split()) > _MAX_SUFFIX_WORDS:
        return False
    if _DISTINCT_BRAND_RE.search(suffix) or _COMMON_DOMAIN_RE.search(suffix) or _BARE_DOMAIN_RE.match(suffix):
        return True
    words = suffix.split()
    # "Tempo Gaya", "ANTARA News", "Suara Jakarta" — but not "Antara Cinta dan Benci".
    return bool(_COMMON_LEAD_RE.match(suffix)) and len(words) <= 3 and all(w[:1].isupper() for w in words)


def _names_domain(suffix: str, site_names: Sequence[str]) -> bool:
    """A suffix spelling a site's domain label with spaces: "Kabar Kota English" for kabarkota.example."""
    words = suffix.split()
    if len(words) > _MAX_DOMAIN_SUFFIX_WORDS:
        return False
    compact = re.sub(r"[\W_]+", "", suffix.lower())
    for name in site_names:
        label = name.split(".")[0]
        if "." in name and len(label) >= _MIN_DOMAIN_LABEL and compact.startswith(label):
            return compact[len(label):] in _EDITION_WORDS
    return False


def _strip_site_suffix(text: str, site_names: Sequence[str]) -> str:
    """text without its last " - X" part when X is a portal brand; unchanged otherwise."""
    separators = list(_SUFFIX_SEP_RE.finditer(text))
    if not separators:
        return text
    last = separators[-1]
    head, suffix = text[: last.start()].strip(), text[last.end() :].strip()
    if head and suffix and _is_brand(suffix, site_names):
        return head
    return text


def _split_byline(byline: str) -> list[str]:
    """'Rep: X / Red: Y' -> ['X', 'Y']; a plain name -> [name]."""
    if not byline:
        return []
    parts = re.split(r"\s*[/|]\s*", byline) if _ROLE_LABEL_RE.search(byline) or " / " in byline else [byline]
    names = []
    for part in parts:
        # Labels may appear mid-string after a split ("Red: Y"), so strip them per part.
        names.append(_ROLE_LABEL_RE.sub("", part).strip())
    return [n for n in names if n]


def _looks_like_dateline(dateline: str, rest: str, allow_place: bool = True) -> bool:
    """A short run of place/brand words with no sentence punctuation."""
    if not dateline or len(dateline) > 60 or not _DATELINE_CHARS_RE.match(dateline):
        return False
    if re.search(r"[.,]\s*$|\.\s", dateline):  # a full stop ends a sentence, not a credit
        return False
    tokens = re.findall(r"[^\s,]+", dateline)
    if not all(_credit_token(t) for t in tokens):
        return False
    branded = (
        _DOMAIN_TOKEN_RE.search(dateline)
        or _PAREN_BRAND_RE.search(dateline)
        or _DISTINCT_BRAND_RE.search(dateline)
        or re.search(r"\b(?:ANTARA|TEMPO)\b", dateline)
    )
    if branded:
        return True
    if not allow_place:
        return False
    # A bare place ("Jakarta - ", detik): short, not a person's title, and not the opening of an aside
    # closed by a second dash in the same sentence ("Menteri X - yang baru dilantik - mengatakan").
    if len(tokens) > 3 or "," in dateline or any(t.lower() in _NOT_PLACES for t in tokens):
        return False
    first_sentence = re.split(r"[.!?](?:\s|$)", rest, maxsplit=1)[0]
    return not re.search(r"\s(?:--|[-–—])\s", first_sentence)


def _credit_token(token: str) -> bool:
    """Place or brand word: capitalised ("Jakarta", "KOMPAS.com", "(ANTARA)") or a brand ("detikNews")."""
    word = token.strip("()")
    if not word:
        return False
    return word[0].isupper() or bool(_DISTINCT_BRAND_RE.match(word) or _DOMAIN_TOKEN_RE.search(word))
