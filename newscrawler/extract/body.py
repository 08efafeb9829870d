"""Where the article text is on a page, and its paragraphs, whatever markup carries them.

Portals put article text in `<p>`s, but also as loose text before the first `<p>`, in `<br>`-separated runs
(sindonews), in `<div>`s with no `<p>` at all, or in an `itemprop="articleBody"` span. The body is found in one
pass that credits every piece of text to the container it reads in; paragraphs are read by one walk that
breaks text where a browser would (block elements and `<br>`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from newscrawler.extract.css import select_any

#: Elements that start a new line in a browser; everything else is inline.
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
     "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul"}
)
#: Never article text.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "svg", "form", "button", "select", "textarea", "template",
     "object", "embed", "video", "audio", "canvas", "map"}
)
#: Headings are titles and widget labels, not paragraphs (the reader's body text has no h1-h6 either).
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Containers that can hold an article body.
CONTAINER_TAGS = ("article", "div", "section", "main", "td", "span", "font", "center")

# Blocks that are page furniture whatever text they hold: a footer's copyright and contact lines, sidebars,
# comments, menus. Matched against tag names, and class/id tokens of the block and its ancestors.
_CHROME_TAGS = frozenset({"footer", "nav", "aside", "header"})
#: An article's headline often sits in its own <header>: only these rule a headline out.
TITLE_CHROME_TAGS = frozenset({"footer", "nav", "aside"})
_CHROME_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:footer|foot|copyright|copyrights|kontak|contact|sidebar|side-bar|comments?|komentar"
    r"|navbar|menu|breadcrumbs?|redaksi|disclaimer|pedoman|cookie)(?:$|[\s_-])",
    re.I,
)
_ARTICLE_BODY_XPATH = etree.XPath("//*[@itemprop='articleBody']")  # compiled once
_MIN_DECLARED_BODY = 80  # chars: an itemprop="articleBody" with less is an empty placeholder
_PROSE_MIN_CHARS = 60
_PROSE_MIN_WORDS = 8
_MAX_LINK_SHARE = 0.5
_CAPTION_CSS = "figcaption, [class*=caption], [class*=Caption], [class*=keterangan]"


def is_chrome(el, tags: frozenset[str] = _CHROME_TAGS) -> bool:
    """Whether `el` sits in a footer, menu, sidebar, comment or contact block (or one of `tags`)."""
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in tags:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if marks.strip() and _CHROME_CLASS_RE.search(marks):
            return True
        node = node.getparent()
    return False


def _link_chars(el) -> int:
    return sum(len((a.text_content() or "").strip()) for a in el.iter("a"))


def _container_of(el):
    """The nearest block ancestor of `el` that can be a body (a <p> inside <span><font> credits the div)."""
    node = el.getparent()
    while node is not None and node.tag not in CONTAINER_TAGS[:5] and node.get("itemprop") != "articleBody":
        node = node.getparent()
    return node


def _has_block_child(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el)


def _loose_chars(el) -> int:
    """Text read directly in `el`: its own text, inline children and tails (not its block children)."""
    total = len((el.text or "").strip())
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in BLOCK_TAGS and tag not in SKIP_TAGS and tag != "a":
            total += len(child.text_content().strip())
        total += len((child.tail or "").strip())
    return total


def score_containers(root) -> dict:
    """Container -> characters of non-link text that reads as its paragraphs, in one pass over the page."""
    scores: dict = {}

    def credit(el, chars: int) -> None:
        if el is not None and chars > 0:
            scores[el] = scores.get(el, 0) + chars

    def paragraph(container, chars: int) -> None:
        # A container holding nothing but this one paragraph is a wrapper (DraftJS and CMS blocks wrap each
        # paragraph in its own <div>): the paragraph also counts for the element that holds the wrappers.
        credit(container, chars)
        if container is not None and chars > 0 and len(container) == 1:
            credit(_container_of(container), chars)

    for el in root.iter("p", *CONTAINER_TAGS):
        if el.tag in ("p", "span", "font") and el.get("itemprop") != "articleBody":
            if el.tag == "p":
                paragraph(_container_of(el), len(el.text_content().strip()) - _link_chars(el))
            continue
        if _has_block_child(el):
            credit(el, _loose_chars(el))
        elif el.find("br") is not None or el.get("itemprop") == "articleBody":
            credit(el, len(el.text_content().strip()) - _link_chars(el))  # a <br>-separated body by itself
        else:
            # A leaf block is one paragraph of its parent (<div>-only bodies).
            paragraph(_container_of(el), len(el.text_content().strip()) - _link_chars(el))
    return scores


def find_body(root):
    """The element whose paragraphs are the article: declared articleBody, else the best-scored container
    that is not page furniture."""
    for el in _ARTICLE_BODY_XPATH(root):
        if len(el.text_content().strip()) >= _MIN_DECLARED_BODY and not is_chrome(el):
            return el
    scores = score_containers(root)
    for el, _ in sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:8]:
        if not is_chrome(el):
            return el
    return None


_CONTINUATION_LEVELS = 2
_MIN_CONTINUATION_CHARS = 100


def continued_bodies(body) -> list:
    """The body and its continuations: pages printed in one document as sibling blocks of the same class
    (liputan6's `article-content-body__item-content` per page), found within two levels up, in page order."""
    marks = body.get("class")
    if not marks:
        return [body]
    scope = body
    for _ in range(_CONTINUATION_LEVELS):
        if scope.getparent() is None:
            break
        scope = scope.getparent()
    parts = []
    for el in scope.iter(body.tag):
        if el.get("class") != marks or any(el in p.iterdescendants() for p in parts):
            continue
        if el is body or (len(el.text_content().strip()) >= _MIN_CONTINUATION_CHARS and not is_chrome(el)):
            parts.append(el)
    return parts if body in parts else [body]


# -- paragraphs ---------------------------------------------------------------------------------------


class _Run:
    """Inline text being gathered into one paragraph, with how much of it is link text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, link: bool = False) -> None:
        if text:
            self.parts.append(text)
            if link:
                self.link_chars += len(text.strip())

    def peek(self) -> str:
        return "".join(self.parts).strip()

    def take(self) -> tuple[str, int]:
        text = " ".join("".join(self.parts).split())
        link_chars = self.link_chars
        self.parts, self.link_chars = [], 0
        return text, link_chars


def _is_chrome_block(el) -> bool:
    """A footer, comment, menu or contact block nested inside the body (its own marks only)."""
    if el.tag in _CHROME_TAGS:
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(marks.strip()) and _CHROME_CLASS_RE.search(marks) is not None


def _contains_block(el) -> bool:
    return any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants())


def _blocks(body) -> Iterator[tuple[str, str, int]]:
    """(text, kind, link chars) in reading order; kind "p" for <p> paragraphs, "loose" for other text."""
    run = _Run()
    out: list[tuple[str, str, int]] = []

    def flush() -> None:
        text, link_chars = run.take()
        if text:
            out.append((text, "loose", link_chars))

    def visit(el) -> None:
        run.add(el.text)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS or tag in HEADING_TAGS or _is_chrome_block(child):
                pass
            elif tag == "br":
                if _ends_paragraph(run.peek()):
                    flush()
                else:
                    run.add(" ")
            elif tag == "p":
                flush()
                for text in _split_on_breaks(child):
                    out.append((text, "p", 0))
            elif tag in BLOCK_TAGS or _contains_block(child):
                flush()
                visit(child)
                flush()
            else:
                run.add("".join(child.itertext()), link=tag == "a" or child.find(".//a") is not None)
            run.add(child.tail)

    visit(body)
    flush()
    return iter(out)


def _split_on_breaks(p) -> list[str]:
    """A <p>'s text; a <p> holding <br>-separated paragraphs or credit lines gives one paragraph each."""
    if p.find(".//br") is None:
        return [t for t in [" ".join("".join(p.itertext()).split())] if t]
    pieces: list[str] = []
    run = _Run()

    def visit(el) -> None:
        run.add(el.text)
        for child in el:
            if child.tag == "br":
                if _ends_paragraph(run.peek()):
                    pieces.append(run.take()[0])
                else:
                    run.add(" ")  # a line wrapped mid-sentence ("tidak lagi overheated,<br>namun ia …")
            elif isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
                visit(child)
            run.add(child.tail)

    visit(p)
    pieces.append(run.take()[0])
    return [t for t in pieces if t]


# A <br> ends a paragraph after a finished sentence, after a labelled line ("Pewarta: X", "Baca juga: Y"), or
# when the text so far is empty (<br><br>); after words mid-sentence it is a line wrap.
_SENTENCE_END_RE = re.compile(r"[.!?:;\"”’)\]]$")
_LABEL_LINE_RE = re.compile(r"^[^\W\d][\w\s'’]{0,30}:")


def _ends_paragraph(text: str) -> bool:
    return not text or bool(_SENTENCE_END_RE.search(text) or _LABEL_LINE_RE.match(text))


# "<strong>Jakarta</strong> - <p>Text …</p>": a dateline printed before the first paragraph belongs to it.
_LEADING_CREDIT_RE = re.compile(r"^[^.!?]{1,60}?\s*(?:--|[-–—])$")


def _prose(text: str, link_chars: int) -> bool:
    """A loose run that reads as a sentence of the article, not a label, a byline or a row of links."""
    if link_chars > _MAX_LINK_SHARE * len(text):
        return False
    return len(text) >= _PROSE_MIN_CHARS and len(text.split()) >= _PROSE_MIN_WORDS


def body_paragraphs(body) -> list[str]:
    """Paragraphs of the body element in reading order.

    <p>s are always paragraphs. Other text counts too: all of it when it is most of the body (a <br> or
    <div> body), else only runs that read as prose (the loose first paragraph before the first <p>).
    """
    blocks = _join_leading_credit(list(_blocks(body)))
    p_chars = sum(len(t) for t, kind, _ in blocks if kind == "p")
    loose_chars = sum(len(t) - links for t, kind, links in blocks if kind == "loose")
    mostly_loose = loose_chars > p_chars
    return [
        text for text, kind, links in blocks
        if kind == "p" or (_prose(text, links) or (mostly_loose and links <= _MAX_LINK_SHARE * len(text)))
    ]


def _join_leading_credit(blocks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A short loose credit ending in a dash, right before the first <p>, opens that paragraph."""
    for i, (text, kind, links) in enumerate(blocks[:-1]):
        if kind == "p":
            break
        following = blocks[i + 1]
        if kind == "loose" and not links and following[1] == "p" and _LEADING_CREDIT_RE.match(text):
            return [*blocks[:i], (f"{text} {following[0]}", "p", 0), *blocks[i + 2:]]
    return blocks


# Picture boxes inside the body: their text is a caption ("(Bagus Kurniawan/detikcom)"), not a paragraph.
_CAPTION_MARK_RE = re.compile(r"caption|keterangan|ket-foto|credit", re.I)
_PICTURE_MARK_RE = re.compile(
    r"(?:^|[\s_-])(?:pic|pict|picture|photo|foto|image|img|thumb|thumbnail|figure|media)(?:$|[\s_\d-])", re.I
)
_MAX_CAPTION_CHARS = 600
_MAX_PICTURE_TEXT = 400


def drop_picture_blocks(body) -> None:
    """Remove caption and picture boxes from a body (a copy): short blocks marked as such by their class or
    id, holding an image or no <p> (a wrapper of the article's paragraphs is never one)."""
    doomed = []
    for el in body.iterdescendants():
        if not isinstance(el.tag, str) or (el.tag not in BLOCK_TAGS and el.tag != "span"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
        if not marks:
            continue
        if _CAPTION_MARK_RE.search(marks):
            limit = _MAX_CAPTION_CHARS
        elif _PICTURE_MARK_RE.search(marks) and (el.find(".//img") is not None or el.find(".//p") is None):
            limit = _MAX_PICTURE_TEXT
        else:
            continue
        if len(el.text_content()) <= limit:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def captions(root, body=None) -> list[str]:
    """Photo and gallery captions, for pages whose captions are the text; duplicates (thumbnails) once."""
    scope = body if body is not None else root
    seen: set[str] = set()
    texts = []
    for el in select_any(scope, _CAPTION_CSS):
        if _inside_caption(el) or is_chrome(el):
            continue
        text = " ".join(el.text_content().split())
        if len(text) >= 20 and text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def _inside_caption(el) -> bool:
    """A caption nested in another caption is read with its parent."""
    node = el.getparent()
    while node is not None and isinstance(node.tag, str):
        if node.tag == "figcaption" or "caption" in (node.get("class") or "").lower():
            return True
        node = node.getparent()
    return False


def text_length(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)

