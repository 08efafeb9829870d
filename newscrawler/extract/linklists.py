"""Link lists found by the label of their heading, whatever the markup around them.

A heading is the innermost element whose whole text is a known label ("Terpopuler", "BACA JUGA:",
"Berita Terkait" …). Its entries are the links in the siblings that follow it, climbing a few levels
when the heading sits alone in a title box, and stopping at the next labelled heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from newscrawler.items import LIST_NAMES
from newscrawler.urls import absolute_url, canonical_url

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
_MAX_LABEL_CHARS = 40
_CLIMB_LEVELS = 3
_SPACES = re.compile(r"\s+")


def _label_key(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\u2019", "'")).strip().lower()
    return text.strip(" :-–—|»›>#")


def label_index(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map normalised label text -> list name."""
    index = {label: name for name, labels in LIST_LABELS.items() for label in labels}
    for name, labels in (extra or {}).items():
        index.update({_label_key(label): name for label in labels})
    return index


def _text(el) -> str:
    return _SPACES.sub(" ", el.text_content()).strip()


def _entries(anchors: Iterable, base_url: str, seen: set[str]) -> list[dict[str, str]]:
    out = []
    for a in anchors:
        url = absolute_url(a.get("href", ""), base_url)
        title = _text(a) or (a.get("title") or "").strip()
        if not url or not title or _label_key(title) in LIST_LABELS:
            continue
        url = canonical_url(url)
        if url in seen:
            continue
        seen.add(url)
        out.append({"title": title, "url": url})
    return out


class LinkListFinder:
    """Finds the five canonical lists on a page (see DESIGN.md, "Link lists")."""

    def __init__(self, extra_labels: Mapping[str, Iterable[str]] | None = None):
        self.labels = label_index(extra_labels)

    def heading_name(self, el) -> str | None:
        if not isinstance(el.tag, str) or el.tag in _NOT_HEADINGS:
            return None
        text = _text(el)
        if not text or len(text) > _MAX_LABEL_CHARS:
            return None
        return self.labels.get(_label_key(text))

    def headings(self, root) -> list[tuple[object, str]]:
        """Innermost labelled elements outside navigation chrome, in document order."""
        found = []
        for el in root.iter():
            name = self.heading_name(el)
            if name and not el.xpath(_CHROME):
                found.append((el, name))
        inner = {id(el) for el, _ in found}
        # An ancestor whose text is the same label as its child is the title box, not the heading.
        return [
            (el, name) for el, name in found if not any(id(d) in inner for d in el.iterdescendants())
        ]

    def anchors_after(self, heading, heading_ids: set[int]) -> list:
        """Links in the siblings after the heading, up to the next labelled heading."""
        node = heading
        for _ in range(_CLIMB_LEVELS + 1):
            anchors = []
            for sib in node.itersiblings():
                if not isinstance(sib.tag, str):
                    continue
                if any(id(d) in heading_ids for d in sib.iter()):
                    break
                anchors.extend(sib.iter("a"))
            if anchors:
                return anchors
            node = node.getparent()
            if node is None or node.tag in ("body", "html", "main", "article"):
                return []
        return []

    def inline_read_also(self, root) -> list:
        """`<p>Baca Juga: <a>…</a></p>` inside the body."""
        anchors = []
        for p in root.iter("p", "span", "strong", "b"):
            text = _label_key(_text(p))
            if any(text.startswith(label) for label in LIST_LABELS["read_also"]) and len(p) and not p.xpath(_CHROME):
                links = list(p.iter("a"))
                if links and not any(link in anchors for link in links):
                    anchors.extend(links)
        return anchors

    def find(self, root, base_url: str, hints: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[dict]]:
        """All lists present on the page, each entry `{title, url}` in page order."""
        anchors: dict[str, list] = {name: [] for name in LIST_NAMES}
        for name, selectors in (hints or {}).items():
            for css in selectors:
                for container in root.cssselect(css):
                    anchors[name].extend(container.iter("a"))
        headings = self.headings(root)
        heading_ids = {id(el) for el, _ in headings}
        for heading, name in headings:
            if name == "read_also" or not anchors[name]:
                anchors[name].extend(self.anchors_after(heading, heading_ids))
        anchors["read_also"].extend(self.inline_read_also(root))
        # Blocks found by different rules interleave in the body; entries keep page order.
        position = {id(a): i for i, a in enumerate(root.iter("a"))}
        lists = {}
        for name in LIST_NAMES:
            ordered = sorted({id(a): a for a in anchors[name]}.values(), key=lambda a: position.get(id(a), 0))
            entries = _entries(ordered, base_url, set())
            if entries:
                lists[name] = entries
        return lists


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(html: str | bytes, content_type: str | None = None):
    """An lxml document from bytes (charset from the header, the BOM or <meta>, else UTF-8) or text.

    Raises lxml's ParserError for an empty document.
    """
    if isinstance(html, bytes):
        _, html = html_to_unicode(content_type, html)
    # lxml refuses text that still declares an encoding; the text is already decoded.
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise etree.ParserError("Document is empty")
    return lxml_html.document_fromstring(html)
