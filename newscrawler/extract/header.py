"""The article header without selectors: the headline, the printed date line, the byline credits.

Metadata (`<title>`, og:title, JSON-LD headline) often adds brand words to the headline ("Brand.com: Section -
Judul", "Judul | other-domain.co.id"); the visible `<h1>` does not, so the two are compared. A page with no
machine date prints one near its headline ("Senin, 15 Februari 2016, 16:15 WIB"); it is found by its shape.
Bylines are "Penulis"/"Pewarta:"/"Reporter:" credits; "Editor:"/"Redaktur:" name editors, not authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from lxml import etree

from newscrawler.extract.dates import CLOCK_RE, DATE_LINE_RE

# Same-length folding, so a match in the folded text slices the original.
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "–": "-", "—": "-"})
_MIN_HEADLINE_WORDS = 2
_MIN_CORE_SHARE = 0.5  # a headline shared by two metadata titles is at least half of each
_MIN_PREFIXED_WORDS = 4  # a visible headline this long inside a longer title is the headline, not a brand


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _fold(text: str) -> str:
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else text.translate(_FOLD)


# -- the headline ----------------------------------------------------------------------------------------


def choose_title(visible: Iterable[str], metadata: Iterable[str], page_title: str | None = None) -> str | None:
    """The headline from the visible title elements (in preference order), metadata titles (JSON-LD
    headline, og:title, twitter:title, in that order) and the document's <title>.

    The visible headline wins when a metadata title contains it (metadata adds brand words) or it contains a
    metadata title (metadata is cut short). Otherwise: the first metadata title, cut down to the headline it
    shares with another title; else the visible one; else <title>.
    """
    visible = [v for v in (clean(t) for t in visible) if len(v.split()) >= _MIN_HEADLINE_WORDS]
    metadata = list(dict.fromkeys(m for m in (clean(t) for t in metadata) if m))
    page_title = clean(page_title)
    every = [*metadata, page_title] if page_title else metadata
    best: tuple[int, str] | None = None
    for v in visible:
        fv = _fold(v)
        for m in every:
            fm = _fold(m)
            if fv in fm or fm in fv:
                share = min(len(v), len(m)) / max(len(v), len(m))
                # A short visible text inside a long title is the brand (a logo <h1>), not the headline.
                enough = share >= _MIN_CORE_SHARE or (fv in fm and len(v.split()) >= _MIN_PREFIXED_WORDS)
                # Of the visible texts a title contains, the shortest: a logo <h1> may repeat the whole title.
                if enough and (best is None or len(v) < best[0]):
                    best = (len(v), v)
    if best:
        return best[1]
    if metadata:
        return _shared_core(every) or metadata[0]
    if visible:
        return visible[0]
    return (_shared_core(every) or page_title) if page_title else None


def _shared_core(metadata: list[str]) -> str | None:
    """The first metadata title without the brand affixes that another title does not repeat."""
    first = metadata[0]
    for other in metadata[1:]:
        f1, f2 = _fold(first), _fold(other)
        if f2 in f1:  # the other is the bare headline
            return other if len(other) >= _MIN_CORE_SHARE * len(first) else None
        if f1 in f2:
            return first
        match = SequenceMatcher(None, f1, f2, autojunk=False).find_longest_match(0, len(f1), 0, len(f2))
        core = first[match.a : match.a + match.size].strip(" -|:·•")
        if len(core) >= _MIN_CORE_SHARE * max(len(first), len(other)) * 0.8 and len(core.split()) >= 3:
            return core
    return None


# -- the printed date line ---------------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
_MAX_LINE_CHARS = 160  # a date line is short; a sentence that mentions a date is not one
_CLIMB = 3
_NODES_BEFORE = 20
_NODES_AFTER = 60
_UPDATED_RE = re.compile(r"\b(?:diperbarui|updated?|modified|diubah)\b", re.I)


def _text_nodes(scope, stop) -> Iterator[tuple[object, str]]:
    """(element, text) for every text and tail string inside `scope`, in reading order, up to `stop`."""
    for el in scope.iter():
        if el is stop:
            return
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            if el is not scope and el.tail and el.tail.strip():
                yield el, el.tail
            continue
        if el.text and el.text.strip():
            yield el, el.text
        if el is not scope and el.tail and el.tail.strip():
            yield el, el.tail


def printed_date_line(anchor, stop=None) -> str | None:
    """A date line printed near `anchor` (the headline element), before `stop` (the body), or None.

    Looks in the anchor's parent, then up to three levels further out; at the first level with a line that
    has a time of day it returns the one nearest after the headline; a date-only line is the last resort.
    """
    if anchor is None:
        return None
    scope = anchor
    day_only = None
    for _ in range(_CLIMB + 1):
        parent = scope.getparent()
        if parent is None or parent.tag in ("html",):
            break
        scope = parent
        found = _date_lines(scope, anchor, stop)
        if found and found[0]:
            return found[1]
        # A day without a time may be the site's "today" bar: look further out for a line with a time.
        day_only = day_only or (found[1] if found else None)
    return day_only


def _date_lines(scope, anchor, stop) -> tuple[bool, str] | None:
    """(has a time, line) of the best date line in `scope`, or None."""
    nodes: list[str] = []
    anchor_at = None
    for el, text in _text_nodes(scope, stop):
        if anchor_at is None and (el is anchor or _is_inside(el, anchor)):
            anchor_at = len(nodes)
        nodes.append(text)
        if anchor_at is not None and len(nodes) - anchor_at > _NODES_AFTER:
            break
    if anchor_at is None:
        anchor_at = len(nodes)
    best: tuple[tuple[int, int, int], str] | None = None
    low = max(0, anchor_at - _NODES_BEFORE)
    for i in range(low, len(nodes)):
        line = clean(nodes[i])
        if len(line) > _MAX_LINE_CHARS:
            continue
        match = DATE_LINE_RE.search(line)
        if not match:
            continue
        found = match.group(0)
        timed = CLOCK_RE.search(found[-12:]) is not None or re.search(r"\d[:.]\d{2}", found) is not None
        if not timed and i + 1 < len(nodes):
            clock = CLOCK_RE.match(clean(nodes[i + 1]))
            if clock:
                found, timed = f"{found} {clock.group(0).strip(' ,|-')}", True
        distance = i - anchor_at if i >= anchor_at else (anchor_at - i) + _NODES_AFTER
        rank = (0 if timed else 1, 1 if _UPDATED_RE.search(line[: match.start()]) else 0, distance)
        if best is None or rank < best[0]:
            best = (rank, found.strip())
    return (best[0][0] == 0, best[1]) if best else None


def _is_inside(el, ancestor) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


# -- bylines ---------------------------------------------------------------------------------------------

_AUTHOR_LABELS = r"penulis|pewarta|reporter|wartawan|jurnalis|kontributor|rep|author|written\s+by"
_EDITOR_LABELS = r"editor|redaktur|red|penyunting|fotografer|foto|videografer|sumber|source"
_CREDIT_RE = re.compile(rf"^\s*(?:{_AUTHOR_LABELS})\b\.?\s*(?::|$)\s*", re.I)
_LOOSE_CREDIT_RE = re.compile(r"^\s*(?:oleh|by)\s*:?\s+", re.I)
_IN_NAV_OR_FOOTER = etree.XPath("boolean(ancestor::nav or ancestor::footer)")  # compiled once
_NEXT_ROLE_RE = re.compile(
    rf"\s*(?:[|/,;•·]|\s-\s)?\s*\b(?:{_EDITOR_LABELS}|{_AUTHOR_LABELS})\b\.?\s*:.*$", re.I | re.S
)
_NAME_END_RE = re.compile(r"\s*(?:[|•·(\[]|\s-\s|\d{1,2}\s+\w+\s+\d{4}).*$", re.S)
_MAX_CREDIT_CHARS = 160
_MAX_NAME_WORDS = 6


def credited_authors(root) -> list[str]:
    """Names after "Penulis"/"Pewarta:"/"Reporter:" labels (and short "Oleh X" lines), in page order."""
    names: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP or not el.text:
            continue
        loose = _LOOSE_CREDIT_RE.match(el.text)
        label = _CREDIT_RE.match(el.text) or loose
        if not label or _IN_NAV_OR_FOOTER(el):
            continue
        whole = _text_with_breaks(el)
        if len(whole) <= _MAX_CREDIT_CHARS:
            rest = whole[label.end():]
        elif loose:
            continue  # "Oleh karena itu, …" opens a sentence, not a byline
        else:
            rest = el.text[label.end():]
        if not clean(rest):
            # "<span>Penulis</span> <a>Nama</a>": the name is the text that follows the label.
            rest = _following_text(el)
        line = next((clean(t) for t in rest.split("\n") if clean(t)), "")
        for name in _names(line, loose is not None):
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


def _text_with_breaks(el) -> str:
    """Text of `el` with a line break for each <br>, so "Pewarta: X<br>Editor: Y" stays two lines."""
    parts: list[str] = []

    def visit(node) -> None:
        parts.append(node.text or "")
        for child in node:
            if child.tag == "br":
                parts.append("\n")
            elif isinstance(child.tag, str) and child.tag not in _SKIP:
                visit(child)
            parts.append(child.tail or "")

    visit(el)
    return "".join(parts).replace("\r", "")


def _following_text(el) -> str:
    """Text after `el` in its parent: its tail, then the next siblings' text."""
    parts = [el.tail or ""]
    for sib in el.itersiblings():
        parts.append(sib.text_content() if isinstance(sib.tag, str) else "")
        parts.append(sib.tail or "")
        if clean("".join(parts)):
            break
    return "".join(parts)


def _names(text: str, loose: bool) -> list[str]:
    text = clean(_NEXT_ROLE_RE.sub("", clean(text)))
    text = clean(_NAME_END_RE.sub("", text)).strip(" :,-")
    names = [clean(n) for n in re.split(r"\s*(?:,|&|\bdan\b|\band\b)\s*", text) if clean(n)]
    limit = 4 if loose else _MAX_NAME_WORDS
    return [
        n for n in names
        if 2 <= len(n) <= 60 and len(n.split()) <= limit and not re.search(r"\d", n) and n[0].isupper()
    ]
