"""CSS selectors compiled once: lxml's `el.cssselect(css)` translates the selector to XPath on every call,
which costs more than running it; profiles use the same few dozen selectors on every page."""

from __future__ import annotations

from functools import lru_cache

from lxml.cssselect import CSSSelector


@lru_cache(maxsize=1024)
def compiled(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def select(el, css: str) -> list:
    """`el.cssselect(css)`, with the selector compiled once per process."""
    return compiled(css)(el)
