"""CSS selectors compiled once: lxml's `el.cssselect(css)` translates the selector to XPath on every call,
which costs more than running it; profiles use the same few dozen selectors on every page."""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import parse as parse_css
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlHTMLTranslator


@lru_cache(maxsize=1024)
def compiled(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def select(el, css: str) -> list:
    """`el.cssselect(css)`, with the selector compiled once per process."""
    return compiled(css)(el)


# A selector of one class, maybe with a tag on it, maybe followed by a descendant tag: ".article-read",
# "div.info h1", ".article-tags a". Most profile hints have this shape; libxml2 answers each of them by
# testing a class predicate on every element of the page, several times a page.
_SIMPLE_RE = re.compile(r"^\s*([a-z][a-z0-9]*)?\.(-?[A-Za-z_][A-Za-z0-9_-]*)(?:\s+([a-z][a-z0-9]*))?\s*$")
# normalize-space() splits on these four characters only (not on every Unicode space).
_XML_SPACE = str.maketrans("\t\r\n", "   ")
_CLASS_ATTRIBUTES = etree.XPath("descendant-or-self::*/@class")
_ITEMPROPS = etree.XPath("//@itemprop", smart_strings=False)


@lru_cache(maxsize=1024)
def _simple(css: str) -> tuple[str | None, str, str | None] | None:
    match = _SIMPLE_RE.match(css)
    return (match.group(1), match.group(2), match.group(3)) if match else None


class PageSelector:
    """`select(root, css)` for one document that is no longer edited: the class attributes are read once,
    and a simple selector (see `_SIMPLE_RE`) is answered from them, as cssselect's XPath would answer it
    (class tokens split on XML spaces, document order, no duplicates); any other selector goes to lxml."""

    def __init__(self, root):
        self.root = root
        self._classes: list | None = None
        self._itemprops: set[str] | None = None

    @property
    def itemprops(self) -> set[str]:
        """Every itemprop value on the page, read once: steps that look for one microdata field ask here
        first instead of each walking the page."""
        if self._itemprops is None:
            self._itemprops = set(_ITEMPROPS(self.root))
        return self._itemprops

    def __call__(self, css: str) -> list:
        shape = _simple(css)
        if shape is None:
            return select(self.root, css)
        tag, name, descendant = shape
        if self._classes is None:
            # Attribute strings that know their element, in document order.
            self._classes = _CLASS_ATTRIBUTES(self.root)
        scopes = [value.getparent() for value in self._classes
                  if name in value and name in value.translate(_XML_SPACE).split(" ")]
        if tag is not None:
            scopes = [el for el in scopes if el.tag == tag]
        if descendant is None:
            return scopes
        # Descendants of a scope inside another scope are the outer one's: kept scopes are disjoint subtrees,
        # in document order.
        kept: set = set()
        found = []
        for scope in scopes:
            if any(ancestor in kept for ancestor in scope.iterancestors()):
                continue
            kept.add(scope)
            found.extend(el for el in scope.iter(descendant) if el is not scope)
        return found


@lru_cache(maxsize=256)
def _one_pass(css: str) -> etree.XPath | None:
    """The selector list as one walk: every part without a combinator becomes a test of one predicate over
    the elements (`self::p and (…)`), the others stay union branches. cssselect's union of twenty parts walks
    the subtree twenty times. None for lists this cannot express exactly (pseudo-elements, lxml's own
    functions, positional tests); those go to lxml as they are."""
    translator = LxmlHTMLTranslator()
    tests: list[str] = []
    branches: list[str] = []
    for selector in parse_css(css):
        if selector.pseudo_element is not None:
            return None
        expr = translator.xpath(selector.parsed_tree)
        condition = expr.condition
        if "__lxml" in condition or "position()" in condition or "last()" in condition:
            return None
        if expr.path:  # a combinator: its own branch, exactly as cssselect writes it
            branches.append(translator.selector_to_xpath(selector))
            continue
        element = "" if expr.element == "*" else f"self::{expr.element}"
        tests.append(" and ".join(f"({t})" for t in (element, condition) if t) or "true()")
    if tests:
        branches.insert(0, "descendant-or-self::*[" + " or ".join(tests) + "]")
    try:
        return etree.XPath(" | ".join(branches))
    except etree.XPathSyntaxError:
        return None


def select_any(el, css: str) -> list:
    """`select(el, css)` for a long selector list (a profile's drop list): one walk of `el` for all the
    simple parts instead of one per part; same elements, in document order, each once."""
    one_pass = _one_pass(css)
    return one_pass(el) if one_pass is not None else select(el, css)
