"""HTML bytes -> text -> one lxml document per page, shared by every extraction step.

Decoding follows what browsers do with the pages Indonesian portals serve (see `decode_html`); parsing
cleans what lxml would refuse later and flattens nesting deeper than libxml2 keeps.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, http_content_type_encoding, read_bom

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# One-byte searches are memchr calls (about a microsecond for a page); longer needles and translate() are
# tens of microseconds. U+FFFE and U+FFFF in UTF-8 start with 0xEF, which almost no Indonesian page holds.
_CONTROL_BYTE_NEEDLES = tuple(bytes([b]) for b in _CONTROL_BYTES)


def _has_non_xml(text: str) -> bool:
    """Whether `_NOT_XML_CHARS` would find anything, answered by C-speed byte operations: the regex scan of a
    whole page costs as much as parsing it, and almost no page holds such a character."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True  # a lone surrogate
    return _utf8_has_non_xml(data)


def _utf8_has_non_xml(data: bytes) -> bool:
    """`_has_non_xml` of the text whose strict UTF-8 encoding is `data` (no surrogate can be in it)."""
    if any(needle in data for needle in _CONTROL_BYTE_NEEDLES):
        return True
    return b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


#: Declarations that CMSs copy onto pages whatever the bytes are: a page that says one of these but
#: decodes as strict UTF-8 is UTF-8 (legacy single-byte text with accents is almost never valid UTF-8).
_SINGLE_BYTE = frozenset({"cp1252", "latin_1", "iso8859_1", "ascii", "iso8859_15"})
#: WHATWG's fallback for undeclared legacy pages in the Indonesian (and most Latin-script) locales.
_LEGACY_FALLBACK = "cp1252"


def decode_html(html: bytes, content_type: str | None = None) -> str:
    """Bytes -> text: the BOM, else strict UTF-8 when a single-byte charset (or nothing, or UTF-8) is
    declared and the bytes are valid UTF-8, else the declared charset, else windows-1252."""
    return _decode(html, content_type)[0]


def _decode(html: bytes, content_type: str | None) -> tuple[str, bool]:
    """(`decode_html`'s text, whether `html` is exactly that text's UTF-8 encoding)."""
    if read_bom(html)[0]:
        return html_to_unicode(content_type, html)[1], False
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(html)
    declared = codecs.lookup(declared).name.replace("-", "_") if declared and _known(declared) else None
    if declared is None or declared in _SINGLE_BYTE or declared == "utf_8":
        try:
            return html.decode("utf-8"), True
        except UnicodeDecodeError:
            # Not UTF-8 whatever it says: a single-byte declaration is right, none or "utf-8" is wrong.
            encoding = declared if declared in _SINGLE_BYTE else _LEGACY_FALLBACK
            return html_to_unicode(f"text/html; charset={encoding}", html)[1], False
    return html_to_unicode(content_type, html)[1], False


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def parse_html(html: str | bytes, content_type: str | None = None):
    """An lxml document from bytes (see `decode_html`) or text.

    Raises lxml's ParserError for an empty document.
    """
    # The page's own bytes when they are its text in UTF-8 (most pages): libxml2 reads those without the
    # re-encoding a str costs, and the checks below run on bytes instead of an encoded copy.
    utf8: bytes | None = None
    if isinstance(html, bytes):
        data = html
        html, is_utf8 = _decode(data, content_type)
        utf8 = data if is_utf8 else None
    # lxml refuses text that still declares an encoding; the text is already decoded.
    without_declaration = _XML_DECLARATION.sub("", html, count=1)
    if len(without_declaration) != len(html):
        html, utf8 = without_declaration, None
    if html.startswith("<?xml"):
        utf8 = None  # lxml refuses a str that opens with a declaration naming an encoding: keep that answer
    # Control characters and lone surrogates (broken bytes, broken CMS exports) are nothing a browser shows,
    # and lxml refuses them later whenever the tree is edited (drop_tree moves text around).
    if _utf8_has_non_xml(utf8) if utf8 is not None else _has_non_xml(html):
        html, utf8 = _NOT_XML_CHARS.sub("", html), None
    if not html.strip():
        raise etree.ParserError("Document is empty")
    root, too_deep = _parse_document(html if utf8 is None else utf8)
    if too_deep:
        # Hundreds or thousands of unclosed wrappers: libxml2 drops whatever lies past 2048 levels even with
        # huge_tree, and the extractor's tree walks recurse, so read the page again without the wrapper tags.
        root, _ = _parse_document(_WRAPPER_TAG_RE.sub(" ", html))
    return root


#: Elements that only wrap: pages nest them thousands deep (unclosed <div>/<font>/<span> per paragraph).
_WRAPPER_TAG_RE = re.compile(r"</?(?:div|span|font|center|section|b|i|u|em|strong|small|big)\b[^>]*>", re.I)


#: Deeper than libxml2's default limit (256 levels) counts as too deep: real pages nest a few dozen levels.
_MAX_DEPTH = 256
_DEEPER_THAN_MAX = etree.XPath("boolean(" + "/*" * _MAX_DEPTH + ")")


def _html_classes() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes, chosen in C: lxml.html.HTMLParser asks a Python method for the class of
    every element the extractor touches (a few hundred calls a page)."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    ))
    # The tag-specific classes lxml.html.HTMLParser gives (<form>, <input>, …); libxml2 lower-cases HTML tags.
    classes = lxml_html.HtmlElementClassLookup._default_element_classes
    lookup.get_namespace(None).update(classes)
    return lookup


_HTML_CLASSES = _html_classes()


def _parse_document(html: str | bytes):
    """(document, whether it is nested too deep) from text or from UTF-8 bytes. huge_tree lifts libxml2's
    10 MB cap on one text node or attribute (and its depth limit, which _MAX_DEPTH replaces); the 8 MB
    response cap bounds a crawl's pages."""
    # A parser per document: lxml parsers are not shareable. Bytes are UTF-8 whatever a <meta> says.
    parser = etree.HTMLParser(huge_tree=True, encoding="utf-8" if isinstance(html, bytes) else None)
    parser.set_element_class_lookup(_HTML_CLASSES)
    root = etree.fromstring(html, parser=parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log) or _DEEPER_THAN_MAX(root)
    return root, bool(too_deep)
