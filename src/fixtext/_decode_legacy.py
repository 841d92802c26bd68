"""Legacy code pages: chardet's guesses, checked by strict decoding and re-scored.

chardet ranks code pages by how much the bytes look like each; fixtext then

1. decodes the *whole* input strictly with each guess (chardet only saw a sample),
2. decodes each guess with the narrowest member of its family that accepts the bytes
   (``gb2312`` before ``gbk`` before ``gb18030``: they map a few characters differently, and
   text that only uses the narrow set was written against the narrow standard), and
3. on short inputs, where chardet's statistics are thin, lets the marks a wrong code page
   leaves in the text (:mod:`fixtext._decode_scoring`) overrule chardet's order.

chardet is imported on first use and kept for the life of the process: its first call
loads models, which costs a noticeable fraction of a second.
"""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from fixtext._decode_scoring import text_cost, word_cost
from fixtext.errors import BinaryInputError, UndecodableBytesError

__all__ = ["LegacyGuess", "detection_sample", "guess_legacy"]

# chardet reads at most this much: the head of the file and a slice from its middle. Enough
# for its statistics; a whole log file would only cost time.
SAMPLE_HEAD_BYTES = 64 * 1024
SAMPLE_MIDDLE_BYTES = 16 * 1024

# Below this many bytes chardet's ranking is re-scored by the text each guess produces.
SHORT_INPUT_BYTES = 4096

# Text costs (marks of a wrong code page per 100 characters, see _decode_scoring): below the
# first, chardet's choice is left alone; another candidate must be better by the second.
_CLEAN_TEXT_COST = 1.0
_BETTER_BY = 1.0

# chardet's "nothing matched" answer: cp1252 at exactly this confidence, with no language.
_CHARDET_FALLBACK_CONFIDENCE = 0.10

# Each family, narrowest first. A codec missing here is its own family.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("ascii", "utf-8"),
    ("gb2312", "gbk", "gb18030"),
    ("shift_jis", "cp932", "shift_jis_2004"),
    ("euc_jp", "euc_jis_2004"),
    ("big5", "cp950", "big5hkscs"),
    ("euc_kr", "cp949"),
    ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_ext"),
)
_FAMILY_OF: dict[str, tuple[str, ...]] = {
    codecs.lookup(name).name: family for family in _FAMILIES for name in family
}

# The languages whose words decide between Latin, Cyrillic or Greek code pages that all give
# plausible letters. Only consulted on short inputs, and only for the scripts listed here.
_LANGUAGES: dict[str, tuple[str, ...]] = {
    "cp1252": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ca"),
    "iso8859-1": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ca"),
    "iso8859-15": ("fr", "de", "fi"),
    "cp1250": ("pl", "cs", "sk", "hu", "ro", "sl", "sh"),
    "iso8859-2": ("pl", "cs", "sk", "hu", "ro", "sl", "sh"),
    "cp1254": ("tr",),
    "iso8859-9": ("tr",),
    "cp1257": ("lt", "lv"),
    "iso8859-13": ("lt", "lv"),
    "cp1251": ("ru", "uk", "bg", "mk"),
    "koi8-r": ("ru",),
    "koi8-u": ("uk", "ru"),
    "iso8859-5": ("ru", "bg"),
    "mac-cyrillic": ("ru", "bg"),
    "cp866": ("ru",),
    "cp1253": ("el",),
    "iso8859-7": ("el",),
    "mac-roman": ("en", "fr", "de"),
}


@dataclass(frozen=True, slots=True)
class LegacyGuess:
    """A decoding of bytes in a legacy code page."""

    text: str
    encoding: str
    confidence: float
    unknown: bool  # chardet found nothing and this is its fallback, or a guess as weak


@dataclass(frozen=True, slots=True)
class _Candidate:
    encoding: str
    text: str
    confidence: float
    rank: int


@functools.lru_cache(maxsize=1)
def _chardet() -> ModuleType:
    """chardet, imported once per process on first need (its import and first call are slow)."""
    import chardet

    return chardet


def detection_sample(data: bytes) -> bytes:
    """A bounded slice of ``data`` for detection: its head and, for long input, its middle."""
    if len(data) <= SAMPLE_HEAD_BYTES + SAMPLE_MIDDLE_BYTES:
        return data
    middle = len(data) // 2
    # Start the middle slice on a new line so it does not begin inside a multi-byte character.
    newline = data.find(b"\n", middle, middle + 1024)
    start = newline + 1 if newline != -1 else middle
    return data[:SAMPLE_HEAD_BYTES] + b"\n" + data[start : start + SAMPLE_MIDDLE_BYTES]


def guess_legacy(data: bytes) -> LegacyGuess:
    """Decode ``data`` (not UTF-8, no BOM, no NUL) with the best-supported legacy code page.

    Raises:
        BinaryInputError: chardet sees no text encoding (an image, an archive, …).
        UndecodableBytesError: no guess decodes the whole input.
    """
    sample = detection_sample(data)
    results: list[dict[str, Any]] = _chardet().detect_all(sample, compat_names=False)
    top = results[0] if results else {"encoding": None, "mime_type": None}
    if top["encoding"] is None:
        kind = top.get("mime_type") or "binary data"
        raise BinaryInputError(f"the bytes are {kind}, not text (no text encoding fits them)")
    unknown = _is_chardet_fallback(top)
    short = len(data) <= SHORT_INPUT_BYTES
    candidates = list(_decodable_candidates(data, results, every=short or unknown))
    if not candidates:
        names = ", ".join(str(r["encoding"]) for r in results[:5])
        raise UndecodableBytesError(
            f"the bytes are not UTF-8 and no likely code page decodes them (tried {names}); "
            "pass the encoding explicitly"
        )
    best = _rescore(candidates) if short or unknown else candidates[0]
    confidence = min(best.confidence, 1.0)
    return LegacyGuess(best.text, best.encoding, confidence, unknown or confidence < 0.2)


def _is_chardet_fallback(result: dict[str, Any]) -> bool:
    return (
        result.get("language") is None
        and abs(float(result["confidence"]) - _CHARDET_FALLBACK_CONFIDENCE) < 1e-9
    )


def _decodable_candidates(
    data: bytes, results: list[dict[str, Any]], *, every: bool
) -> list[_Candidate]:
    """chardet's guesses that decode all of ``data``, each as its narrowest family member.

    With ``every`` false, stop at the first: on long input chardet's first choice that decodes
    is the answer, and decoding a large file with a dozen code pages would only cost time.
    """
    candidates: list[_Candidate] = []
    tried: set[str] = set()
    for rank, result in enumerate(results):
        name = result["encoding"]
        if name is None:
            continue
        for encoding in _family(name):
            if encoding in tried:
                continue
            tried.add(encoding)
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            candidates.append(_Candidate(encoding, text, float(result["confidence"]), rank))
            if not every:
                return candidates
            break
    return candidates


def _family(name: str) -> tuple[str, ...]:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return ()
    return _FAMILY_OF.get(canonical, (canonical,))


def _rescore(candidates: list[_Candidate]) -> _Candidate:
    """chardet's first choice, unless its text carries marks of a wrong code page that
    another candidate's text does not.

    chardet's statistics know more than the marks do, so its choice stands while its text
    looks clean; the marks only overrule it, and words only break ties between the others.
    """
    first = candidates[0]
    first_cost = text_cost(first.text)
    if first_cost < _CLEAN_TEXT_COST:
        return first
    costs = {c.encoding: text_cost(c.text) for c in candidates}
    lowest = min(costs.values())
    if lowest > first_cost - _BETTER_BY:
        return first
    close = [c for c in candidates if costs[c.encoding] <= lowest + 0.5]
    if len(close) > 1 and len({c.text for c in close}) > 1:
        with_words = [c for c in close if c.encoding in _LANGUAGES]
        if len(with_words) > 1:
            return min(
                with_words,
                key=lambda c: (
                    word_cost(c.text, _LANGUAGES[c.encoding]) + costs[c.encoding],
                    c.rank,
                ),
            )
    return min(close, key=lambda c: (costs[c.encoding], c.rank))
