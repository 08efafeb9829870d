"""Link lists found by the label of their heading, whatever the markup around them.

A heading is the innermost element whose whole text is a known label ("Terpopuler", "BACA JUGA:",
"Berita Terkait" …). Its entries are the links in the siblings that follow it, climbing a few levels
when the heading sits alone in a title box, and stopping at the next labelled heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from newscrawler.extract.css import select
from newscrawler.extract.dates import DATE_LINE_RE
from newscrawler.items import LIST_NAMES
from newscrawler.urls import absolute_url, canonical_url, is_plain_url

LIST_LABELS: dict[str, tuple[str, ...]] = {
    "read_also": ("baca juga", "lihat juga", "simak juga", "baca pula", "read also"),
    "related": (
        "berita terkait", "artikel terkait", "topik terkait", "related", "related news",
        "related articles", "berita lainnya terkait",
    ),
    "popular": ("terpopuler", "berita terpopuler", "populer", "most popular", "trending", "paling populer"),
    "editors_picks": (
        "pilihan", "pilihan editor", "pilihan redaksi", "editor's pick", "editors pick", "editor's picks",
    ),
    "latest": ("terkini", "berita terkini", "terbaru", "berita terbaru", "latest", "latest news"),
}
#: Elements never taken as a heading: links and menu items are entries, not titles.
_NOT_HEADINGS = frozenset({"a", "li", "option", "button", "title", "script", "style", "html", "body", "head"})
_CHROME = "ancestor-or-self::nav or ancestor-or-self::header or ancestor-or-self::footer or ancestor::a"
_IN_CHROME = etree.XPath(_CHROME)  # compiled once: el.xpath() compiles the expression on every call
_MAX_LABEL_CHARS = 40
_CLIMB_LEVELS = 3
_MAX_MORE_CHARS = 25
_FIRST_WORD_SPAN = 40  # characters of a text run read to find its first word
_INLINE_PREFIX_CHARS = 40
#: Lines inside the text that carry a list entry: label prefixes per list.
_INLINE_LABELS: dict[str, tuple[str, ...]] = {
    "read_also": LIST_LABELS["read_also"],
    "editors_picks": ("pilihan editor", "pilihan redaksi"),
}
_INLINE_LINE_RE = {"editors_picks": re.compile(r"^\s*pilihan\s+(?:editor|redaksi)\s*:", re.I)}
_INLINE_FIRST_WORDS = frozenset(label.split()[0] for labels in _INLINE_LABELS.values() for label in labels)
# Characters whose lower case opens one of those words: the initials in both cases, and the only two non-ASCII
# characters whose lower case opens with an ASCII letter (U+0130 -> "i̇", KELVIN SIGN -> "k").
_INLINE_INITIALS = frozenset(
    c for word in _INLINE_FIRST_WORDS
    for c in (word[0], word[0].upper(), *{"i": "\u0130", "k": "\u212a"}.get(word[0], ""))
)
_ALL_LABELS = frozenset(label for labels in LIST_LABELS.values() for label in labels)


_LABEL_EDGES = " \t\r\n:-–—|»›>#"


def _label_key(text: str) -> str:
    text = " ".join(text.replace("\u2019", "'").split()).lower()
    return text.strip(_LABEL_EDGES)


def label_index(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map normalised label text -> list name."""
    index = {label: name for name, labels in LIST_LABELS.items() for label in labels}
    for name, labels in (extra or {}).items():
        index.update({_label_key(label): name for label in labels})
    return index


def _text(el) -> str:
    # itertext() reads the same text runs as lxml.html's text_content() without evaluating an XPath; an
    # element without children (most links) has only its own text.
    if not len(el):
        return " ".join((el.text or "").split())
    return " ".join("".join(el.itertext()).split())


#: What `[\s…]` skips before a label's first word: Unicode whitespace (none lies above U+3000) and the edges.
_OPENING_SKIP = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _LABEL_EDGES


def _starts_with_any(words: Iterable[str]):
    """`_opening_runs` for a set of words; finders are shared, since a page costs less than compiling one."""
    return _opening_runs(tuple(sorted({w for w in words if w}, key=lambda w: (-len(w), w))))


@lru_cache(maxsize=64)
def _opening_runs(words: tuple[str, ...]):
    """A finder of the text runs whose first word is one of `words` (case and edge punctuation aside), as
    (element, whether the run is its tail), in document order. Every run is read in one walk over the
    elements (cheaper than an XPath for the runs plus lxml's element-aware strings for them); a run whose
    first character opens none of the words is dropped before the regex, which alone decides."""
    alternatives = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    opening = re.compile(rf"^[\s{re.escape(_LABEL_EDGES)}]*(?:{alternatives})", re.I)
    # An ASCII character matches an ASCII letter of the pattern only as its own lower or upper case; other
    # characters (the Kelvin sign is a "k" to the regex) always go to the regex. A word that opens with a
    # character the regex may skip (from a profile's labels) leaves every run but a blank one to the regex.
    initials = {w[0] for w in words}
    if all(w[0].isascii() and w[0] not in _OPENING_SKIP for w in words):
        # What a run's first character after the skipped ones may not be ("" for nothing left).
        blocked = frozenset(["", *(c for c in map(chr, range(128)) if c.lower() not in initials)])
    else:
        blocked = frozenset([""])

    def find(root) -> list[tuple[object, bool]]:
        found = []
        for el in root.iter():
            # Comments and processing instructions hold no text run, but their tails are runs.
            text = el.text
            if (text and text.lstrip(_OPENING_SKIP)[:1] not in blocked and isinstance(el.tag, str)
                    and opening.match(text)):
                found.append((el, False))
            tail = el.tail
            if tail and tail.lstrip(_OPENING_SKIP)[:1] not in blocked and opening.match(tail):
                found.append((el, True))
        return found

    return find


def _first_word(text: str) -> str:
    """The first word of a text run, lowercased, as `_label_key` would spell it (called for every element)."""
    words = text.lstrip(_LABEL_EDGES)[:_FIRST_WORD_SPAN].split(None, 1)
    return words[0].lower().replace("\u2019", "'").rstrip(":.-–—|»›>") if words else ""


def _short_text(el, limit: int) -> str | None:
    """`el`'s text, or None as soon as it is longer than `limit`: a label is short, and reading every
    container's whole text to learn that would read the page once per element."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece.strip())
        if size > limit:
            return None
        parts.append(piece)
    return " ".join("".join(parts).split())


def _text_start(el, limit: int) -> str:
    """The first `limit`-odd characters of `el`'s text."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= limit:
            break
    return " ".join("".join(parts).split())


def _anchor_title(a) -> str:
    """A card link that wraps a rank, a kanal label and a headline (`<a><span>02</span><h2>…</h2>
    <span>Teknologi</span></a>`) is titled by its headline element; any other link by its text without
    rank numbers, read counts and times (see `entry_title`)."""
    if len(a):
        for heading in a.iter("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _text(heading)
            if text:
                return entry_title(text)
        text = _text_without_noise(a)
    else:  # most links: one run of text, read without iterators
        text = _piece_without_noise(a.text or "")
    attribute = " ".join((a.get("title") or "").split())
    # A title attribute found inside the text is the headline without what the card glued around it.
    if len(attribute) >= _MIN_ATTRIBUTE_TITLE and attribute.casefold() in text.casefold():
        return attribute
    return entry_title(text) or attribute


# Pieces of a list entry that are not its headline: a rank ("1", "#1", "01."), a read count ("Dibaca 12.410
# kali", "12.410 views"), a time ("2 jam lalu", "16:15 WIB", a date line).
_RANK = r"#?\d{1,3}[.)]?"
_COUNT = (
    r"(?:dibaca|views?|dilihat)\s*:?\s*\d[\d.,]*(?:\s*(?:rb|ribu|k|jt))?\s*(?:kali|x)?"
    r"|\d[\d.,]*(?:\s*(?:rb|ribu|k|jt))?\s*(?:x|kali)?\s*(?:dibaca|views?|pembaca|dilihat)"
)
_RELATIVE = (
    r"\d+\s*(?:detik|menit|jam|hari|minggu|bulan|tahun|seconds?|minutes?|hours?|days?)\s+(?:yang\s+)?(?:lalu|ago)"
)
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?"
_ZONED_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)"  # at the end of a headline a bare "10.00" may be its own
_NOISE_PIECE_RE = re.compile(rf"(?:{_RANK}|{_COUNT}|{_RELATIVE}|{_CLOCK}|\|)", re.I)
_TRAILING_NOISE_RE = re.compile(
    rf"(?:\s*[|•·-]\s*|\s*)(?:{_COUNT}|{_RELATIVE}|(?:{DATE_LINE_RE.pattern})|{_ZONED_CLOCK})\s*$", re.I
)
_NOISY_END_CHARS = 12
_NOISY_END_RE = re.compile(r"(?:\d|lalu|ago|kali|dibaca|views?|pembaca|dilihat|WIB|WITA|WIT|rb|ribu|jt|k)\s*$", re.I)
# "1Judul berita": a rank glued to a capitalised headline; "#1 Judul", "01. Judul": a marked rank.
_LEADING_RANK_RE = re.compile(r"^\s*(?:#\d{1,3}\s*|\d{1,2}[.)]\s+|\d{1,2}(?=[A-Z][a-z]))")
_MIN_ATTRIBUTE_TITLE = 10


# Every piece of trailing noise holds a digit, and a date line a year: tried at every position of a title,
# the date-line pattern costs tens of microseconds, so it is only tried where a year could let it match.
_TRAILING_NOISE_WITHOUT_DATE_RE = re.compile(
    rf"(?:\s*[|•·-]\s*|\s*)(?:{_COUNT}|{_RELATIVE}|{_ZONED_CLOCK})\s*$", re.I
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_DIGIT_RE = re.compile(r"\d")


# How a match of `_TRAILING_NOISE_RE` can end (before trailing spaces): a digit or the end of a number, a unit
# or "kali"/"x" right after a number, a count word, "lalu"/"ago", a zone. Titles ending in "…Anak" pass
# `_NOISY_END_RE` ("12k"), but not this; read on a title's last characters (its spaces are single ones).
_NOISE_END_RE = re.compile(
    r"(?:\d|[.,]|[\d.,]\s*(?:rb|ribu|k|jt)|(?:[\d.,]|rb|ribu|k|jt)\s*(?:kali|x)|dibaca|views?|pembaca|dilihat"
    r"|lalu|ago|WIB|WITA|WIT)$",
    re.I,
)
_NOISE_END_SPAN = 12


def _without_trailing_noise(text: str) -> str:
    """`_TRAILING_NOISE_RE.sub("", text)`, skipping the alternatives that cannot match `text`."""
    if not _NOISE_END_RE.search(text.rstrip()[-_NOISE_END_SPAN:]):
        return text
    if _YEAR_RE.search(text):
        return _TRAILING_NOISE_RE.sub("", text)
    if _DIGIT_RE.search(text):
        return _TRAILING_NOISE_WITHOUT_DATE_RE.sub("", text)
    return text


def entry_title(text: str) -> str:
    """A list entry's headline without a leading rank and trailing read counts or times."""
    text = " ".join(text.split())
    previous = None if _NOISY_END_RE.search(text[-_NOISY_END_CHARS:]) else text  # most titles end clean
    while previous != text:
        previous = text
        text = _without_trailing_noise(text).strip(" |•·-")
    return _LEADING_RANK_RE.sub("", text).strip()


def _piece_without_noise(piece: str) -> str:
    """`_text_without_noise` of a link whose only text is `piece`."""
    return "" if _NOISE_PIECE_RE.fullmatch(piece.strip()) else " ".join(piece.split())


def _text_without_noise(a) -> str:
    """The link's text with pieces that are only a rank, a count or a time left out (each piece is an
    element's own text, so "<span>1</span>Judul" loses the "1" but "7 Fakta" keeps its 7)."""
    parts = []
    for piece in a.itertext():
        parts.append(" " if _NOISE_PIECE_RE.fullmatch(piece.strip()) else piece)
    return " ".join("".join(parts).split())


# A heading's own link to the full list ("Lihat Semua", "Selengkapnya", "Indeks"): never an entry.
_MORE_LABELS = frozenset({
    "lihat semua", "semua", "selengkapnya", "lihat selengkapnya", "indeks", "index", "indeks berita",
    "lihat indeks", "lainnya", "lihat lainnya", "berita lainnya", "lebih banyak", "lihat lebih banyak",
    "muat lebih banyak", "tampilkan lebih banyak", "more", "view all", "see all", "see more", "show more",
    "load more", "read more", "baca selengkapnya",
})


_WORDLESS_RE = re.compile(r"^[\W_]*$")


def is_more_link(a) -> bool:
    """"Lihat Semua", "Indeks", or a bare "+" / "»": a link to the whole list, not an entry of it."""
    text = _text(a)
    key = _label_key(text or a.get("title") or "")
    return key in _MORE_LABELS or (bool(text) and _WORDLESS_RE.match(key) is not None)


def entry_url(href: str | None, base_url: str) -> str | None:
    """The canonical absolute URL of a link, None for a link that is not http(s)."""
    href = (href or "").strip()
    plain = is_plain_url(href)
    if href and not plain and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
        try:
            joined = urljoin(base_url, href)
        except ValueError:  # an invalid IPv6 literal in the link or the base
            return None
        if is_plain_url(joined):
            href, plain = joined, True
    if plain:
        scheme, _, rest = href.partition("://")
        host, _, path = rest.partition("/")
        if int(host.partition(":")[2] or 0) > 65535:  # a port no request can be made to
            return None
        return f"{scheme}://{host.lower()}/{path}"
    url = absolute_url(href, base_url)
    return canonical_url(url) if url else None


def _entries(anchors: Iterable, base_url: str, seen: set[str]) -> list[dict[str, str]]:
    out = []
    for a in anchors:
        url = entry_url(a.get("href"), base_url)
        if not url:
            continue
        title = _anchor_title(a)
        key = _label_key(title)
        if not title or key in _ALL_LABELS or key in _MORE_LABELS or _WORDLESS_RE.match(title):
            continue
        if url in seen:
            continue
        seen.add(url)
        out.append({"title": title, "url": url})
    return out


def _holders(headings: Iterable) -> set:
    """The headings and every ancestor of one: what holds a heading, found by climbing from the few headings
    instead of reading every descendant of every sibling. The set keeps the proxies alive, and lxml hands out
    the live proxy again for its element, so membership is by element."""
    holders = set()
    for heading in headings:
        holders.add(heading)
        for ancestor in heading.iterancestors():
            if ancestor in holders:
                break  # its ancestors are in already
            holders.add(ancestor)
    return holders


@lru_cache(maxsize=64)
def _finder_parts(extra_labels: tuple[tuple[str, tuple[str, ...]], ...]):
    """The label index and the candidate finder for a profile's extra labels: an extractor is made per page
    in places, and indexing some sixty labels costs more than finding the lists of a small page."""
    labels = label_index(dict(extra_labels))
    return labels, _starts_with_any(_first_word(label) for label in labels)


class LinkListFinder:
    """Finds the five canonical lists on a page (see DESIGN.md, "Link lists")."""

    def __init__(self, extra_labels: Mapping[str, Iterable[str]] | None = None):
        labels, self._candidate_texts = _finder_parts(
            tuple((name, tuple(names)) for name, names in (extra_labels or {}).items()))
        self.labels = dict(labels)

    def heading_name(self, el) -> str | None:
        if not isinstance(el.tag, str) or el.tag in _NOT_HEADINGS:
            return None
        return self._name_for_text(_short_text(el, _MAX_LABEL_CHARS + _MAX_MORE_CHARS))

    def _name_for_text(self, text: str | None) -> str | None:
        """The list a heading's (short) text names, if any."""
        if not text:
            return None
        key = _label_key(text)
        if key in self.labels:
            return self.labels[key] if len(text) <= _MAX_LABEL_CHARS else None
        # "Terpopuler Lihat Semua": a title box holding the label and its own link to the full list.
        for more in _MORE_LABELS:
            if key.endswith(" " + more) and _label_key(key[: -len(more)]) in self.labels:
                return self.labels[_label_key(key[: -len(more)])]
        return None

    def _labelled(self, root) -> list[tuple[object, str]]:
        """Labelled elements in document order: the owners of text runs that open with a label's first word,
        and up to three of their ancestors (a label split over two elements, a title box), climbing no
        further than the first element whose text is too long to be a label. The runs are found by one
        XPath call and one regex; reading every element's text in Python would cost more than the rest."""
        found: list[tuple[object, str]] = []
        seen: set = set()
        for element, is_tail in self._candidate_texts(root):
            owner = element.getparent() if is_tail else element
            chain = []
            for _ in range(_CLIMB_LEVELS + 1):
                if owner is None or owner in seen:
                    break
                seen.add(owner)
                text = _short_text(owner, _MAX_LABEL_CHARS + _MAX_MORE_CHARS)  # read once, for both questions
                if text is None:
                    break  # longer than any label: its ancestors are too
                name = None if not isinstance(owner.tag, str) or owner.tag in _NOT_HEADINGS else (
                    self._name_for_text(text))
                if name:
                    chain.append((owner, name))
                owner = owner.getparent()
            found.extend(reversed(chain))  # an ancestor comes before what it holds
        return found

    def headings(self, root) -> list[tuple[object, str]]:
        """Innermost labelled elements outside navigation chrome, in document order."""
        found = [(el, name) for el, name in self._labelled(root) if not _IN_CHROME(el)]
        # An ancestor whose text is the same label as its child is the title box, not the heading. The
        # labelled elements' ancestors are collected (a few each) rather than every one's descendants read:
        # the set holds the proxies, and a live proxy is the one lxml hands out again for its element.
        outer = {ancestor for el, _ in found for ancestor in el.iterancestors()}
        return [(el, name) for el, name in found if el not in outer]

    def anchors_after(self, heading, holders: set) -> list:
        """Links in the siblings after the heading, up to the next labelled heading. `holders` are the
        headings and their ancestors (see `_holders`): a sibling holds a heading if it is one of them."""
        node = heading
        for _ in range(_CLIMB_LEVELS + 1):
            anchors = []
            for sib in node.itersiblings():
                if not isinstance(sib.tag, str):
                    continue
                if sib in holders:
                    break
                # An inline label in <br>-separated text ("<b>Baca Juga:</b> <a>…</a><br>Text …"): its entries
                # end where the running text resumes after a line break.
                if sib.tag == "br" and anchors and (sib.tail or "").strip():
                    break
                # The heading's own "Lihat Semua" link does not make its title box a list.
                anchors.extend(a for a in sib.iter("a") if not is_more_link(a))
            if anchors:
                return anchors
            node = node.getparent()
            if node is None or node.tag in ("body", "html", "main", "article"):
                return []
        return []

    def inline_read_also(self, root) -> list:
        """`<p>Baca Juga: <a>…</a></p>` inside the body."""
        return self.inline_lists(root)["read_also"]

    def inline_lists(self, root) -> dict[str, list]:
        """Links of lines that open with a label inside the text: `<p>Baca Juga: <a>…</a></p>` (read_also),
        `<p>Pilihan Editor: <a>…</a></p>` (editors_picks, tempo)."""
        anchors: dict[str, list] = {name: [] for name in _INLINE_LABELS}
        taken: set = set()
        for p in root.iter("p", "span", "strong", "b", "div"):
            if not len(p):
                continue
            opening = (p.text or "").strip() or p[0].text or ""
            # The first word's first character, as `_first_word` finds it: most elements stop here.
            if opening.lstrip(_LABEL_EDGES).lstrip()[:1] not in _INLINE_INITIALS:
                continue
            if _first_word(opening) not in _INLINE_FIRST_WORDS:
                continue
            if p.find(".//a") is None:
                continue
            head = _label_key(_text_start(p, _INLINE_PREFIX_CHARS))
            name = next((n for n, labels in _INLINE_LABELS.items() if head.startswith(labels)), None)
            if name is None or _IN_CHROME(p):
                continue
            if name != "read_also" and not _INLINE_LINE_RE[name].match(_text_start(p, _INLINE_PREFIX_CHARS)):
                continue  # "Pilihan" alone opens sentences; only "Pilihan Editor:" with a colon is a line
            links = list(p.iter("a"))
            if links and not any(link in taken for link in links):
                anchors[name].extend(links)
                taken.update(links)
        return anchors

    def find(self, root, base_url: str, hints: Mapping[str, Iterable[str]] | None = None,
             pick: Callable[[str], list] | None = None) -> dict[str, list[dict]]:
        """All lists present on the page, each entry `{title, url}` in page order. `pick` answers the hints'
        selectors on `root` (the extractor's `css.PageSelector`), else each is run on the page."""
        anchors: dict[str, list] = {name: [] for name in LIST_NAMES}
        for name, selectors in (hints or {}).items():
            for css in selectors:
                for container in pick(css) if pick is not None else select(root, css):
                    anchors[name].extend(container.iter("a"))
        headings = self.headings(root)
        holders = _holders(el for el, _ in headings)
        for heading, name in headings:
            if name == "read_also" or not anchors[name]:
                anchors[name].extend(self.anchors_after(heading, holders))
        for name, found in self.inline_lists(root).items():
            anchors[name].extend(found)
        # Blocks found by different rules interleave in the body; entries keep page order.
        position = {id(a): i for i, a in enumerate(root.iter("a"))}
        lists = {}
        for name in LIST_NAMES:
            ordered = sorted({id(a): a for a in anchors[name]}.values(), key=lambda a: position.get(id(a), 0))
            entries = _entries(ordered, base_url, set())
            if entries:
                lists[name] = entries
        return lists
