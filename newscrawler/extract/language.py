"""The language of an article: what the page declares, checked against what its text is.

Detection uses py3langid (langid.py's model, shipped inside the package: nothing is downloaded). Rules:

* no declaration: the detected language, when the text is long enough to tell;
* a declaration the text clearly contradicts (`lang="id"` on an English page: portals copy the main
  edition's template onto their English editions) loses to the text. "Clearly" = at least
  `CONFIDENT_CHARS` of text and a probability of at least `CONFIDENT`; anything less keeps the declaration;
* Malay and Indonesian are too close for character n-grams on news text: "ms" is read as "id" on these
  portals unless Malay wins outright.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

MIN_CHARS = 80  # below this the text is a caption, not evidence
CONFIDENT_CHARS = 200
CONFIDENT = 0.9
SAMPLE_CHARS = 400  # the start of the body tells id from en; more only costs time
_MALAY_OUTRIGHT = 0.9
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    """The model, loaded once per process on first use (about a second: it is decompressed)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with _LOCK:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of `text`, or None when there is too little text to tell."""
    sample = (text or "")[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    ranked = _identifier().rank(sample)
    (best, p_best), (second, p_second) = ranked[0], ranked[1]
    if {best, second} == {"id", "ms"} and not (best == "ms" and p_best >= _MALAY_OUTRIGHT):
        return "id", p_best + p_second
    return best, p_best


def normalise(code: object) -> str | None:
    """'id-ID', 'id_ID', 'ID' -> 'id'; None for anything that is not a language tag."""
    if not isinstance(code, str):
        return None
    primary = re.split(r"[-_]", code.strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


# Function words of the two languages these portals publish in. Only a pre-filter: a page declared "id"
# whose text has almost none of the English ones cannot be contradicted, so the model (a second to load,
# a millisecond a page) is not consulted; anything else is decided by the model.
_FUNCTION_WORDS = {
    "en": frozenset({"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at",
                     "from", "it", "are", "be", "has", "have", "said"}),
    "id": frozenset({"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "pada", "tidak", "akan", "ke",
                     "dalam", "juga", "ada", "kata", "bisa"}),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
_CONTRADICTION_SHARE = 0.06


def _could_contradict(declared: str, text: str) -> bool:
    words = _WORD_RE.findall(text[:SAMPLE_CHARS].lower())
    if declared not in _FUNCTION_WORDS or not words:
        return True
    other = set().union(*(w for lang, w in _FUNCTION_WORDS.items() if lang != declared))
    return sum(word in other for word in words) >= _CONTRADICTION_SHARE * len(words)


def choose(declared: str | None, text: str, default: str | None = None) -> str | None:
    """The article's language from the page's declaration, its text and the profile's default."""
    declared = normalise(declared)
    if declared and not _could_contradict(declared, text):
        return declared
    detected = detect(text)
    if detected and len(text) >= CONFIDENT_CHARS and detected[1] >= CONFIDENT:
        return detected[0]
    if declared:
        return declared
    if detected and detected[1] >= 0.5:
        return detected[0]
    return normalise(default)
