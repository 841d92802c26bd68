"""Scoring candidate repairs with word and character frequencies.

When bytes were lost (``donât`` for ``don’t``, ``Ñекст`` with the second byte of ``т`` gone),
several characters fit the bytes that remain; the most likely one in the language of the
rest of the text wins. Frequencies come from ``wordfreq``'s ``small`` word lists (about
30,000 words per language, 42 languages), loaded lazily, once per language per process.

Words are looked up directly in the frequency dictionary rather than through
``wordfreq.word_frequency``: that function tokenizes Japanese, Chinese and Korean with
optional packages (MeCab, jieba) and raises when they are missing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "LanguageData",
    "char_logprob",
    "guess_language",
    "language_data",
    "matching_words",
    "score_text",
    "script_of",
    "word_logprob",
    "word_zipf",
]

# Log10 frequency given to a word no word list knows, and to a character never seen.
UNKNOWN_WORD = -8.5
UNKNOWN_CHAR = -7.0

_LATIN_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ca", "ro", "pl", "cs", "sk", "sl", "sh",
    "hu", "fi", "sv", "nb", "da", "is", "lt", "lv", "tr", "vi", "id", "ms", "fil",
)  # fmt: skip
_SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": _LATIN_LANGUAGES,
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Greek": ("el",),
    "Arabic": ("ar", "fa", "ur"),
    "Hebrew": ("he",),
    "Devanagari": ("hi",),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
    "Hangul": ("ko",),
    "Han": ("zh", "ja"),
    "Kana": ("ja",),
}

# First code point of each block → script, for the scripts above; a bisect would be faster
# but this runs once per distinct character (cached).
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFF66, 0xFF9F, "Kana"),
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class LanguageData:
    """Frequencies for one language: ``words`` maps a lower-case word to its frequency,
    ``chars`` a character to its log10 share of the characters in running text."""

    code: str
    words: dict[str, float]
    chars: dict[str, float]


@lru_cache(maxsize=None)
def script_of(char: str) -> str | None:
    """The script of a letter, or ``None`` for anything else.

    >>> script_of("ж"), script_of("é"), script_of("ー"), script_of("!")
    ('Cyrillic', 'Latin', 'Kana', None)
    """
    point = ord(char)
    if point in (0x30FC, 0x3005):  # the long-vowel mark and the iteration mark
        return "Kana" if point == 0x30FC else "Han"
    if not unicodedata.category(char).startswith(("L", "M")):
        return None
    for first, last, script in _SCRIPT_RANGES:
        if first <= point <= last:
            return script
    return "Other"


@lru_cache(maxsize=None)
def language_data(code: str) -> LanguageData:
    """Load the frequencies of one language (paid once per process, then cached)."""
    import wordfreq  # deferred: importing fixtext must not load word lists

    try:
        words: dict[str, float] = dict(wordfreq.get_frequency_dict(code, "small"))
    except LookupError:
        words = {}
    counts: Counter[str] = Counter()
    for word, frequency in words.items():
        for char in word:
            counts[char] += frequency
    total = sum(counts.values()) or 1.0
    chars = {char: math.log10(count / total) for char, count in counts.items()}
    return LanguageData(code, words, chars)


@lru_cache(maxsize=None)
def _words_by_length(code: str) -> dict[int, tuple[str, ...]]:
    """The words of a language grouped by length, most frequent first."""
    grouped: dict[int, list[str]] = {}
    for word in language_data(code).words:  # wordfreq lists words most frequent first
        grouped.setdefault(len(word), []).append(word)
    return {length: tuple(words) for length, words in grouped.items()}


def matching_words(pattern: re.Pattern[str], length: int, code: str | None, limit: int = 2) -> list[str]:
    """The most frequent words of ``length`` letters matching ``pattern`` (lower case),
    most frequent first: the words a damaged word with a few unknown letters may have been.

    >>> matching_words(re.compile("gr[aeiou]ss"), 5, "de")
    ['gross']
    """
    if code is None:
        return []
    found: list[str] = []
    for word in _words_by_length(code).get(length, ()):
        if pattern.fullmatch(word):
            found.append(word)
            if len(found) >= limit:
                break
    return found


def word_logprob(word: str, code: str | None) -> float | None:
    """The log10 frequency of ``word`` in language ``code``, or ``None`` if unknown."""
    if code is None:
        return None
    words = language_data(code).words
    frequency = words.get(word.lower())
    if frequency is None and "’" in word:
        frequency = words.get(word.lower().replace("’", "'"))
    if not frequency:
        return None
    return math.log10(frequency)


def word_zipf(word: str, code: str | None) -> float:
    """The Zipf frequency (log10 per billion words) of ``word``; 0 when unknown.

    >>> word_zipf("the", "en") > 7
    True
    """
    logprob = word_logprob(word, code)
    return 0.0 if logprob is None else logprob + 9.0


def char_logprob(char: str, code: str | None) -> float:
    """The log10 share of ``char`` among the letters of language ``code``."""
    if code is None:
        return UNKNOWN_CHAR
    chars = language_data(code).chars
    value = chars.get(char)
    if value is None:
        value = chars.get(char.lower(), UNKNOWN_CHAR)
        if char != char.lower():
            value -= 0.5  # capitals are rarer than the lower-case letters counted
    return value


def guess_language(text: str) -> str | None:
    """Guess the language of ``text`` from the scripts of its letters and, among languages
    sharing a script, from which word list knows most of its words.

    >>> guess_language("Der Hund schläft unter dem Tisch, und die Katze auch.")
    'de'
    >>> guess_language("Съешь же ещё этих мягких французских булок")
    'ru'
    """
    scripts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            script = script_of(char)
            if script is not None:
                scripts[script] += 1
    if not scripts:
        return None
    if scripts["Kana"] > 0 and scripts["Kana"] >= scripts["Han"] // 10:
        return "ja"
    script = scripts.most_common(1)[0][0]
    if script == "Kana":
        return "ja"
    candidates = _SCRIPT_LANGUAGES.get(script)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    words = [word.lower() for word in _WORD_RE.findall(text)][:200]
    if script == "Han" or not words:
        return candidates[0]
    return _best_covering_language(tuple(words), candidates)


def _best_covering_language(words: tuple[str, ...], candidates: tuple[str, ...]) -> str:
    best_code, best_score = candidates[0], -math.inf
    for code in candidates:
        known = language_data(code).words
        score = 0.0
        for word in words:
            frequency = known.get(word)
            score += math.log10(frequency) + 9.0 if frequency else -1.0
        if score > best_score:
            best_code, best_score = code, score
    return best_code


# The cost, in log10 units, of punctuation and symbols: typographic punctuation is ordinary;
# a lone ``¸`` or ``¤`` in running text is almost always a piece of mojibake (``à¸ª``).
_TYPOGRAPHIC = frozenset("“”‘’„‚«»‹›–—…•\u00a0\u2009\u202f·")
_QUOTES = frozenset("“”‘’„‚")
_TYPOGRAPHIC_COST = -1.0
_QUOTE_INSIDE_WORD_COST = -4.0
_SYMBOL_COST = -6.0
_TYPICAL_CHAR = -1.3
# ``gröÜer`` for ``größer``: a capital after a small letter is rare inside a word.
_MIXED_CASE_COST = -3.0


def score_text(text: str, code: str | None) -> float:
    """A log10 plausibility of ``text`` in language ``code``: higher is more plausible.

    Only differences between candidate repairs of the same span are meaningful: words known
    to the language's word list score their frequency, unknown words a low base lowered
    further by rare characters, and stray symbols are penalised.

    >>> score_text("don’t", "en") > score_text("donât", "en")
    True
    """
    total = 0.0
    position = 0
    for match in _WORD_RE.finditer(text):
        total += _score_gap(text, position, match.start())
        total += _score_word(match.group(), code)
        position = match.end()
    total += _score_gap(text, position, len(text))
    return total


def _score_word(word: str, code: str | None) -> float:
    score = _score_plain_word(word, code)
    if "’" in word or "'" in word:
        # ``l’enregistrement``: word lists hold the elided article and the word apart.
        pieces = re.split("['’]", word)
        split = sum(_score_plain_word(piece, code) for piece in pieces if piece)
        score = max(score, split)
    if any(low.islower() and high.isupper() for low, high in zip(word, word[1:])):
        score += _MIXED_CASE_COST
    return score


def _score_plain_word(word: str, code: str | None) -> float:
    logprob = word_logprob(word, code)
    if logprob is not None:
        return logprob
    rarity = sum(min(0.0, char_logprob(char, code) - _TYPICAL_CHAR) for char in word)
    return UNKNOWN_WORD + rarity


def _score_gap(text: str, start: int, end: int) -> float:
    total = 0.0
    for index in range(start, end):
        char = text[index]
        if char.isascii() or char.isspace():
            continue
        if char in _TYPOGRAPHIC:
            total += _TYPOGRAPHIC_COST
            inside = 0 < index < len(text) - 1 and text[index - 1].isalpha()
            if char in _QUOTES and inside and text[index + 1].isalpha() and char != "’":
                total += _QUOTE_INSIDE_WORD_COST
        elif unicodedata.category(char)[0] in "PN":
            total += _TYPOGRAPHIC_COST * 2
        else:
            total += _SYMBOL_COST
    return total
