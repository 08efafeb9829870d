"""The reader's view of search: highlighting and snippets (HTML). The syntax itself and the matching live in
newscrawler.store.search, shared with `query --text` and the Python API."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from markupsafe import Markup, escape

from newscrawler.store.search import SearchQuery, Term, fold, parse_query, word_spans, words_of

__all__ = ["SearchQuery", "Term", "fold", "highlight", "parse_query", "snippet", "word_spans", "words_of"]


# -- highlighting -------------------------------------------------------------------------------------------


def highlight(text: str | None, words: Iterable[str]) -> Markup:
    """`text` HTML-escaped, with each word of `words` (folded) inside <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    wanted = frozenset(words)
    out, position = [], 0
    for start, end, word in word_spans(text):
        if word in wanted:
            out += [escape(text[position:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
            position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def snippet(text: str | None, query: SearchQuery, width: int = 40) -> Markup:
    """About `width` words of `text` around the first place the query matches, words highlighted.

    Without a match in `text` (the title matched, or no query), the opening words are shown."""
    text = unicodedata.normalize("NFC", text or "")
    spans = list(word_spans(text))
    if not spans:
        return Markup("")
    first = _first_hit(spans, query) if query.clauses else None
    start = max(0, (first or 0) - width // 4)
    end = min(len(spans), start + width)
    begin_at = 0 if start == 0 else spans[start][0]
    end_at = len(text) if end == len(spans) else spans[end - 1][1]
    body = highlight(" ".join(text[begin_at:end_at].split()), query.positive_words)
    return Markup("").join([Markup("… ") if start else Markup(""), body, Markup(" …") if end < len(spans) else ""])


def _first_hit(spans: list[tuple[int, int, str]], query: SearchQuery) -> int | None:
    words = [w for _, _, w in spans]
    terms = [term for clause in query.clauses for term in clause]
    for index in range(len(words)):
        for term in terms:
            if tuple(words[index:index + len(term.words)]) == term.words:
                return index
    return None
