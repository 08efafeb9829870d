"""URL canonicalisation and site keys.

Every helper here takes URLs straight from pages (links, <base>, canonical, og:image), so none of them raises:
urllib and w3lib raise ValueError on an invalid IPv6 literal or an out-of-range port, and a hostile page must
cost at most that one link.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

#: Query parameters that only track the reader; dropped from canonical URLs.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref", "rs",
        "tag_from", "source", "src", "utm_id", "amp", "single", "page", "showpage",
    }
)
#: Second-level labels under which Indonesian (and other) portals register domains.
SECOND_LEVEL = frozenset({"co", "com", "net", "or", "ac", "go", "web", "my", "sch", "org", "gov", "edu"})


# WHATWG URL parsing: C0 controls and spaces around a URL are dropped, tabs and newlines anywhere are removed.
_EDGE_JUNK = "".join(map(chr, range(0x21)))
_TAB_NEWLINE_RE = re.compile(r"[\t\n\r]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# A host after w3lib's IDNA encoding is DNS labels (an IPv4 address is four of them) or a bracketed IPv6
# literal. Bounded repetition only: a hostile page's 100 KB "host" must cost linear time.
_LABEL_RE = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?", re.I)
_IPV6_RE = re.compile(r"\[[0-9a-f:.]{2,45}\]", re.I)
_MAX_HOST = 253


def is_valid_url(url: str) -> bool:
    """An absolute http(s) URL with a well-formed host and a port in range (what a request can be made to)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of 0-65535 or not a number
    except (ValueError, TypeError):
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = parts.netloc.rpartition("@")[2]
    host = host.rsplit(":", 1)[0] if not host.endswith("]") and ":" in host else host
    return _valid_host(host)


def _valid_host(host: str) -> bool:
    if host.startswith("["):
        return _IPV6_RE.fullmatch(host) is not None
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    return 0 < len(host) <= _MAX_HOST and all(_LABEL_RE.fullmatch(label) for label in labels)


def absolute_url(href: str, base: str) -> str | None:
    """Resolve an href against its page; only valid http(s) URLs survive (None for anything else)."""
    if not isinstance(href, str):
        return None
    href = _TAB_NEWLINE_RE.sub("", href.strip(_EDGE_JUNK))
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    if _CONTROL_RE.search(href):
        # Browsers would percent-encode them, but no real article link carries NUL or DEL: it is junk.
        return None
    try:
        url = safe_url_string(urljoin(base, href))
    except (ValueError, TypeError, UnicodeError):  # bad IPv6 literal, port out of range, unencodable host
        return None
    return url if is_valid_url(url) else None


def canonical_url(url: str, keep_params: frozenset[str] = frozenset()) -> str:
    """The URL an article is known by: no fragment, no tracking or paging params, sorted query.

    A URL that cannot be parsed (bad IPv6, port out of range) is returned as given: callers pass URLs that
    went through `absolute_url` or came from a response, and must not crash on the odd one that did not.
    """
    try:
        parts = urlsplit(url)
        query = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=False)
            if k in keep_params or not (k.startswith("utm_") or k in TRACKING_PARAMS)
        ]
        cleaned = urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))
        return canonicalize_url(cleaned, keep_fragments=False)
    except (ValueError, TypeError, UnicodeError):
        return url


def hostname(url: str) -> str:
    """The lower-cased host, or "" when the URL has none or cannot be parsed."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except (ValueError, TypeError):
        return ""


def registrable_domain(host: str) -> str:
    """`jakarta.suara.com` -> `suara.com`, `nasional.republika.co.id` -> `republika.co.id`.

    A small offline rule instead of a public-suffix download: crawls must not reach the network for it.
    """
    labels = [p for p in host.lower().strip(".").split(".") if p]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# An absolute http(s) URL with nothing to escape, normalise or drop: its canonical form is itself with a
# lower-case host. Most links on a page are like this, and the general path (w3lib) costs ~50 µs a link. The
# shape is one character class; the dot rules are substring searches (lookaheads tried at every character of
# a long path would cost microseconds a URL).
_PLAIN_SHAPE_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/([A-Za-z0-9_~./-]*))?\Z")


def is_plain_url(url: str) -> bool:
    """Whether `url` is a plain absolute http(s) URL: letters, digits and `_~.-/` only, and no path segment
    after the first that is or starts with a dot ("/./", "/../", "//.x"), nor a final dot."""
    shape = _PLAIN_SHAPE_RE.match(url)
    if shape is None:
        return False
    path = shape.group(1)
    return path is None or not ("/." in path or ".." in path or "./" in path or path.endswith("."))


def host_allowed(url: str, allowed_hosts: tuple[str, ...]) -> bool:
    """True for http(s) URLs whose host is one of `allowed_hosts` or a subdomain of one."""
    if is_plain_url(url):  # read without urlsplit; one with a port goes the general way (range check)
        host = url.partition("://")[2].partition("/")[0]
        if ":" not in host:
            host = host.lower()
            return any(host == h or host.endswith("." + h) for h in allowed_hosts)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port out of range: no request can be made to it
    except (ValueError, TypeError):
        return False
    if parts.scheme not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower()
    return bool(host) and any(host == h or host.endswith("." + h) for h in allowed_hosts)


def with_query(url: str, **params: str | int) -> str:
    """`url` with `params` set (replacing any already there); an unparsable URL is returned as given."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError):
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in params]
    query += [(k, str(v)) for k, v in params.items()]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
