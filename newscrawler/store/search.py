"""The search syntax shared by `query --text`, the Python API and the web reader: words, "quoted phrases",
OR / |, NOT / -word.

The stores only know one text filter: every word must occur (FTS5 on SQLite, $text on MongoDB). A query is
therefore split in two: the words every match must contain go to the store, which narrows the candidates
with its index, and the whole query is checked again here on each candidate (phrases, alternatives,
exclusions). The second step is the same Python code for both stores, so both answer alike.

Precedence follows web search engines: `a b OR c -d` means a AND (b OR c) AND NOT d.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: Letters and digits: what both FTS5's unicode61 tokenizer and MongoDB's text index treat as word characters.
_WORD_RE = re.compile(r"[^\W_]+")
#: A quoted phrase (an unclosed quote runs to the end), or a run of non-space characters; either may be negated.
_PART_RE = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<word>\S+)')
_OR, _NOT, _AND = "OR", "NOT", "AND"


def fold(text: str) -> str:
    """Case and accents removed (é -> e), as both stores compare words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of `text` (NFC, as the extractor stores text)."""
    for match in _WORD_RE.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def words_of(text: str) -> list[str]:
    return [w for _, _, w in word_spans(unicodedata.normalize("NFC", text))]


@dataclass(frozen=True)
class Term:
    """A word or a phrase, as folded words that must appear next to each other in this order.

    A hyphenated word (`covid-19`) is a phrase of its parts, as both stores tokenize it."""

    words: tuple[str, ...]
    quoted: bool = False

    def found_in(self, padded: str) -> bool:
        """`padded` is a document's folded words joined by single spaces, with a space at each end."""
        return f" {' '.join(self.words)} " in padded

    def __str__(self) -> str:
        text = " ".join(self.words)
        return f'"{text}"' if self.quoted or len(self.words) > 1 else text


@dataclass
class SearchQuery:
    """All `clauses` must match (a clause matches when any of its terms does); no `excluded` term may."""

    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.excluded

    @property
    def positive_words(self) -> frozenset[str]:
        """Every word a match may be found by: these are highlighted."""
        return frozenset(w for clause in self.clauses for term in clause for w in term.words)

    def store_texts(self) -> list[str | None]:
        """Text filters for the store, one query each, whose union holds every match (possibly more).

        Words of single-term clauses must occur in every match, so one AND query covers them all. With only
        alternatives, the smallest OR clause gives one query per alternative. [None] = no text filter."""
        required = [w for clause in self.clauses if len(clause) == 1 for w in clause[0].words]
        if required:
            return [" ".join(dict.fromkeys(required))]
        if self.clauses:
            smallest = min(self.clauses, key=len)
            return [" ".join(term.words) for term in smallest]
        return [None]

    @property
    def exact_in_store(self) -> bool:
        """True when the store's text filter alone gives exactly the matches (plain words, nothing else):
        then the store can count and page without the post-filter."""
        return not self.excluded and all(len(c) == 1 and len(c[0].words) == 1 for c in self.clauses)

    def matches(self, *texts: str | None) -> bool:
        padded = " " + " ".join(" ".join(words_of(t)) for t in texts if t) + " "
        if any(term.found_in(padded) for term in self.excluded):
            return False
        return all(any(term.found_in(padded) for term in clause) for clause in self.clauses)

    def __str__(self) -> str:
        parts = [" OR ".join(str(t) for t in clause) for clause in self.clauses]
        parts += [f"-{t}" for t in self.excluded]
        return " ".join(parts)


def _term(text: str, quoted: bool) -> Term | None:
    words = tuple(words_of(text))
    return Term(words, quoted) if words else None


def parse_query(text: str | None) -> SearchQuery:
    """Parse what a reader typed. Never raises: stray operators and punctuation are ignored."""
    query = SearchQuery()
    pending_or = negate_next = False
    for match in _PART_RE.finditer(text or ""):
        word = match.group("word")
        if word in (_OR, "|"):
            pending_or = bool(query.clauses)
            continue
        if word == _AND:
            continue
        if word == _NOT:
            negate_next = True
            continue
        negate = negate_next or bool(match.group("neg"))
        if word is not None and word.startswith("-") and len(word) > 1:
            negate, word = True, word[1:]
        negate_next = False
        term = _term(match.group("phrase") if word is None else word, quoted=word is None)
        if term is None:
            continue
        if negate:
            query.excluded.append(term)
            pending_or = False
        elif pending_or:
            query.clauses[-1].append(term)
            pending_or = False
        else:
            query.clauses.append([term])
    return query


# -- running a query on a store -----------------------------------------------------------------------------


def _newest_key(doc: dict) -> tuple[bool, float, str]:
    published = doc.get("published_at")
    return (published is None, -published.timestamp() if published else 0.0, doc.get("url") or "")


def _oldest_key(doc: dict) -> tuple[bool, float, str]:
    published = doc.get("published_at")
    return (published is not None, published.timestamp() if published else 0.0, doc.get("url") or "")


def candidates(store: Any, query: SearchQuery, sort: str = "newest", **filters: Any) -> Iterator[dict]:
    """Articles that may match, in `sort` order, each once: the union of the store's indexed text queries.

    `store` is a raw store (its `query` knows only "every word must occur"); `filters` are its other filters."""
    texts = query.store_texts()
    if len(texts) == 1:
        yield from store.query(text=texts[0], sort=sort, **filters)
        return
    # Several alternatives: merge the per-alternative streams, which the store sorts by date.
    order = "oldest" if sort == "oldest" else "newest"
    key = _oldest_key if order == "oldest" else _newest_key
    streams = [store.query(text=text, sort=order, **filters) for text in texts]
    seen: set[str] = set()
    for doc in heapq.merge(*streams, key=key):
        if doc["url"] not in seen:
            seen.add(doc["url"])
            yield doc


def search_store(store: Any, text: str | None, sort: str = "newest", limit: int | None = None,
                 **filters: Any) -> Iterator[dict]:
    """Articles matching `text` in the full syntax, on any store: plain words go straight to the store's index
    (which also limits); phrases, OR and NOT are checked here on the title and body of its candidates."""
    query = parse_query(text)
    if query.empty:
        if text and text.strip():
            return iter(())  # only punctuation or stray operators: nothing can match
        return store.query(text=None, sort=sort, limit=limit, **filters)
    if query.exact_in_store:
        return store.query(text=query.store_texts()[0], sort=sort, limit=limit, **filters)
    matches = (doc for doc in candidates(store, query, sort, **filters)
               if query.matches(doc.get("title"), doc.get("body")))
    return matches if limit is None else itertools.islice(matches, limit)


def count_store(store: Any, text: str | None, **filters: Any) -> int:
    """How many articles match `text` (full syntax): counted by the store when its index alone decides."""
    query = parse_query(text)
    if query.empty and not (text and text.strip()):
        return store.count(**filters)
    if query.exact_in_store and not query.empty:
        return store.count(text=query.store_texts()[0], **filters)
    return sum(1 for _ in search_store(store, text, **filters))
