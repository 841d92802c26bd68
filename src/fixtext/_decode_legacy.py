"""Legacy code pages: chardet's guesses, checked by strict decoding and re-scored.

chardet ranks code pages by how much the bytes look like each; fixtext then

1. decodes the *whole* input strictly with each guess (chardet only saw a sample),
2. decodes each guess with the narrowest member of its family that accepts the bytes
   (``gb2312`` before ``gbk`` before ``gb18030``: they map a few characters differently, and
   text that only uses the narrow set was written against the narrow standard), and
3. on short inputs, where chardet's statistics are thin, lets the marks a wrong code page
   leaves in the text (:mod:`fixtext._decode_scoring`) overrule chardet's order when its
   first choice reads badly and another reads clearly better, and
4. prefers cp1252 among single-byte code pages: always when it reads the bytes as the same
   text (it can write more characters back than ISO-8859-1 or cp1258 can), and on thin
   evidence unless the other reading is clearly better.

chardet is imported on first use and kept for the life of the process: its first call
loads models, which costs a noticeable fraction of a second.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from fixtext._decode_scoring import reads_as_western, text_cost
from fixtext.errors import BinaryInputError, UndecodableBytesError
from fixtext.language import guess_language, score_text

__all__ = ["LegacyGuess", "detection_sample", "guess_legacy", "wider_encodings"]

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
# A chardet confidence at which its choice is not second-guessed.
_SURE_CONFIDENCE = 0.5

# chardet's "nothing matched" answer: cp1252 at exactly this confidence, with no language.
_CHARDET_FALLBACK_CONFIDENCE = 0.10

_C1_CONTROL = re.compile("[\x80-\x9f]")

# Most legacy Western text is cp1252. On a sentence or two chardet's statistics barely tell
# it from its neighbours, which read the same bytes as other letters that look just as
# plausible: French "À bientôt, François" as cp1257 "Ą bientōt, Franēois", "déjà" as
# ISO-8859-4 "déjā", "«Ça va?»" as cp1250. So cp1252 wins on thin evidence unless chardet
# was clearly more confident in the other, or the other's text is clearly cleaner.
_PREFERRED_CODE_PAGE = "cp1252"
_PREFERRED_MIN_CONFIDENCE_SHARE = 0.55

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
    if short or unknown:
        best = _prefer_cp1252(data, _rescore(candidates), results, thin=True)
    elif _C1_CONTROL.search(candidates[0].text):
        # chardet saw only a sample; C1 controls beyond it (cp1252 "–" as ISO-8859-1 "\x96")
        # say another of its guesses fits the whole input better.
        candidates = _decodable_candidates(data, results, every=True)
        best = min(candidates, key=lambda c: (len(_C1_CONTROL.findall(c.text)), c.rank))
    else:
        best = candidates[0]
    best = _prefer_cp1252(data, best, results, thin=False)
    best = _prefer_twin(data, best)
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


def wider_encodings(encoding: str) -> tuple[str, ...]:
    """The members of ``encoding``'s family after it, narrowest first (``gb2312`` →
    ``("gbk", "gb18030")``); ``()`` for a codec with no wider relative."""
    family = _family(encoding)
    canonical = codecs.lookup(encoding).name if family else ""
    return family[family.index(canonical) + 1 :] if canonical in family else ()


def _prefer_cp1252(
    data: bytes, best: _Candidate, results: list[dict[str, Any]], *, thin: bool
) -> _Candidate:
    """cp1252 instead of ``best``, another single-byte code page, when it reads ``data`` as
    the same text, or, on ``thin`` evidence, when ``best`` is not clearly better.

    "Clearly better" is chardet being sure of ``best``, or more than twice as confident in it
    as in cp1252, or ``best``'s text carrying clearly fewer marks of a wrong code page.
    """
    if best.encoding == _PREFERRED_CODE_PAGE or not _is_single_byte(best.encoding):
        return best
    try:
        text = data.decode(_PREFERRED_CODE_PAGE)
    except UnicodeDecodeError:
        return best
    if text == best.text:
        return _Candidate(_PREFERRED_CODE_PAGE, text, best.confidence, best.rank)
    if not thin or best.confidence >= _SURE_CONFIDENCE:
        return best
    confidence = max(
        (float(r["confidence"]) for r in results if _canonical(r["encoding"]) == "cp1252"),
        default=0.0,
    )
    if confidence < best.confidence * _PREFERRED_MIN_CONFIDENCE_SHARE:
        return best
    if reads_as_western(text, best.text) and text_cost(text) < text_cost(best.text) + _BETTER_BY:
        return _Candidate(_PREFERRED_CODE_PAGE, text, confidence, best.rank)
    return best


# Code pages that share most of their letters and place a few apart: ISO-8859-2's ``š`` (B9)
# is Windows-1250's ``ą``. chardet's statistics may pick either where the text holds few of
# those letters; the words they make decide. (Not ISO-8859-7 and Windows-1253: they place
# ``Ά`` and the quotation marks apart, which Greek text holds everywhere; chardet tells them
# apart well.)
_TWINS = {
    "iso8859-2": "cp1250",
    "cp1250": "iso8859-2",
    "iso8859-9": "cp1254",
    "cp1254": "iso8859-9",
    "iso8859-13": "cp1257",
    "cp1257": "iso8859-13",
}
# How much likelier (log10) the twin's words must read to be taken instead.
_TWIN_MARGIN = 1.0
_WORD = re.compile(r"\w+")


def _prefer_twin(data: bytes, best: _Candidate) -> _Candidate:
    """``best``'s twin code page instead, where it decodes ``data`` too and the words in
    which the two readings differ are clearly likelier in the text's language (Polish
    ``wziąć`` through Windows-1250, not ``wzišć`` through ISO-8859-2)."""
    twin = _TWINS.get(_canonical(best.encoding))
    if twin is None:
        return best
    try:
        text = data.decode(twin)
    except UnicodeDecodeError:
        return best
    if text == best.text or len(text) != len(best.text):
        return best
    language = guess_language(best.text)
    if language is None:
        return best
    ours = theirs = 0.0
    for match in _WORD.finditer(best.text):
        other = text[match.start() : match.end()]
        if other != match.group():
            ours += score_text(match.group(), language)
            theirs += score_text(other, language)
    if theirs > ours + _TWIN_MARGIN:
        return _Candidate(twin, text, best.confidence, best.rank)
    return best


def _canonical(name: str | None) -> str:
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


@functools.cache
def _is_single_byte(encoding: str) -> bool:
    """Whether ``encoding`` is a charmap codec: one byte, one character."""
    module_name = "encodings." + _canonical(encoding).replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return False
    return hasattr(module, "decoding_table")


def _rescore(candidates: list[_Candidate]) -> _Candidate:
    """chardet's first choice, unless its text carries marks of a wrong code page that
    another candidate's text clearly does not.

    chardet's statistics know more than the marks do, so its choice stands while it is sure
    or its text looks clean; among the others, the fewest marks win, then chardet's order.
    """
    first = candidates[0]
    if first.confidence >= _SURE_CONFIDENCE:
        return first
    first_cost = text_cost(first.text)
    if first_cost < _CLEAN_TEXT_COST:
        return first
    best, best_cost = first, first_cost
    for candidate in candidates[1:]:
        cost = text_cost(candidate.text)
        if cost < best_cost:
            best, best_cost = candidate, cost
    return best if best_cost <= first_cost - _BETTER_BY else first
