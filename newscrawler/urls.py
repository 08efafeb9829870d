"""URL canonicalisation and site keys."""

from __future__ import annotations

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


def absolute_url(href: str, base: str) -> str | None:
    """Resolve an href against its page; only http(s) URLs survive."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    url = safe_url_string(urljoin(base, href))
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    return url


def canonical_url(url: str, keep_params: frozenset[str] = frozenset()) -> str:
    """The URL an article is known by: no fragment, no tracking or paging params, sorted query."""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=False)
        if k in keep_params or not (k.startswith("utm_") or k in TRACKING_PARAMS)
    ]
    cleaned = urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def hostname(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


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


def host_allowed(url: str, allowed_hosts: tuple[str, ...]) -> bool:
    """True for http(s) URLs whose host is one of `allowed_hosts` or a subdomain of one."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in allowed_hosts)


def with_query(url: str, **params: str | int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in params]
    query += [(k, str(v)) for k, v in params.items()]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
