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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

__all__ = [
    "LATIN_LANGUAGES",
    "LanguageData",
    "char_logprob",
    "chinese_variants",
    "compound_pairs",
    "guess_language",
    "has_frequencies",
    "is_common_word",
    "language_data",
    "languages_of_script",
    "letter_runs",
    "matching_words",
    "pair_logprob",
    "rank_languages",
    "score_text",
    "script_of",
    "scripts_of_language",
    "simplified_chinese",
    "word_logprob",
    "word_zipf",
]

# Log10 frequency given to a word no word list knows, and to a character never seen.
UNKNOWN_WORD = -8.5
UNKNOWN_CHAR = -7.0
_PAIR_SMOOTHING = 0.1
_CJK_PUNCTUATION = "。、，：；！？（）「」『』“”《》・…～"
_CJK_PUNCTUATION_LOGPROB = -2.0
_PUNCTUATION_PAIR_BONUS = 1.0

_LATIN_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ca", "ro", "pl", "cs", "sk", "sl", "sh",
    "hu", "fi", "sv", "nb", "da", "is", "lt", "lv", "tr", "vi", "id", "ms", "fil",
    "et", "eo", "ga", "gl", "eu",
)  # fmt: skip
LATIN_LANGUAGES = _LATIN_LANGUAGES
_SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": _LATIN_LANGUAGES,
    "Cyrillic": ("ru", "uk", "bg", "mk", "sr"),
    "Greek": ("el",),
    "Arabic": ("ar", "fa", "ur"),
    "Hebrew": ("he",),
    "Devanagari": ("hi",),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
    "Hangul": ("ko",),
    "Georgian": ("ka",),
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

# A word: letters with their combining marks (Python's ``\w`` leaves out the vowel signs
# of ``स्थिति`` and the shadda of ``يعرّف``), maybe joined by apostrophes.
_LETTER = (
    "(?:[^\\W\\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983"
    "\u09bc-\u09d7\u0b82\u0bbe-\u0bcd\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u200d])"
)
_LETTER_RUN = re.compile(f"{_LETTER}+")
_WORD_RE = re.compile(f"{_LETTER}+(?:['’]{_LETTER}+)*")


@dataclass(frozen=True, slots=True)
class LanguageData:
    """Frequencies for one language: ``words`` maps a lower-case word to its frequency,
    ``chars`` a character to its log10 share of the characters in running text."""

    code: str
    words: dict[str, float]
    chars: dict[str, float]


@cache
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


@cache
def language_data(code: str) -> LanguageData:
    """Load the frequencies of one language (paid once per process, then cached)."""
    # Chinese and Japanese are written without spaces: their longer lists hold the
    # compounds (``分隔符``) whose character pairs tell apart candidates for a lost byte.
    size = "large" if code in ("zh", "ja") else "small"
    words = _frequencies(code, size)
    counts: dict[str, float] = defaultdict(float)
    for word, frequency in words.items():
        for char in word:
            counts[char] += frequency
    total = sum(counts.values()) or 1.0
    chars = {char: math.log10(count / total) for char, count in counts.items()}
    if code in _CJK_LANGUAGES:
        # Word lists hold no punctuation; full-width marks are as common as frequent words.
        for mark in _CJK_PUNCTUATION:
            chars.setdefault(mark, _CJK_PUNCTUATION_LOGPROB)
    return LanguageData(code, words, chars)


@cache
def _full_words(code: str) -> dict[str, float]:
    """The longest word list of a language (up to ~500,000 words), for scoring candidates:
    the small list that is enough to guess a language lacks words like ``wyświetlić``."""
    return _frequencies(code, "best")


# Serbian in Cyrillic: wordfreq lists Serbo-Croatian in Latin letters, which map one to one
# (digraphs included) onto Serbian Cyrillic.
_SERBIAN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_SERBIAN_LETTERS = dict(
    zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True)
)


# Languages wordfreq lacks, with a word list of their own in ``fixtext/data`` (see
# ``scripts/build_tesseract_words.py``): words without counts, each given one frequency,
# that of a word of middling use (Zipf 3.5); a word no list knows stays far below.
_BUNDLED_WORDS = {code: f"{code}_words.txt.xz" for code in ("ka", "et", "eo", "ga", "gl", "eu")}
_BUNDLED_FREQUENCY = 10**-5.5


def _frequencies(code: str, size: str) -> dict[str, float]:
    import wordfreq  # deferred: importing fixtext must not load word lists

    if code in _BUNDLED_WORDS:
        return _bundled_frequencies(code)
    if code == "sr":
        return {
            cyrillic: frequency
            for word, frequency in _frequencies("sh", size).items()
            if (cyrillic := _serbian_cyrillic(word)) is not None
        }
    # Read from wordfreq's files directly: its own reader caches every list it reads as
    # lists of lists, millions of objects that the garbage collector would then walk
    # through at each full collection (a tenth of a second, again and again in a long
    # ingestion run). A dictionary of strings to numbers is not tracked by the collector.
    sizes = ("small", "large") if size == "best" else (size,)
    paths = {
        lang: path for name in sizes for lang, path in wordfreq.available_languages(name).items()
    }
    if code not in paths:
        return {}
    return {
        word: wordfreq.cB_to_freq(-index)
        for index, bucket in enumerate(wordfreq.read_cBpack(paths[code]))
        for word in bucket
    }


def has_frequencies(code: str | None) -> bool:
    """Whether the word list of ``code`` tells common words from rare ones: not so for the
    lists fixtext bundles, whose words all weigh alike.

    >>> has_frequencies("fr"), has_frequencies("ka")
    (True, False)
    """
    return code is not None and code not in _BUNDLED_WORDS


@cache
def _bundled_frequencies(code: str) -> dict[str, float]:
    """A bundled list, read once: its small and full lists are one and the same."""
    import lzma
    from importlib.resources import files

    data = files("fixtext.data").joinpath(_BUNDLED_WORDS[code]).read_bytes()
    words = lzma.decompress(data).decode("utf-8").split("\n")
    return dict.fromkeys(words, _BUNDLED_FREQUENCY)


def _serbian_cyrillic(word: str) -> str | None:
    """``trajanja`` → ``трајања``; ``None`` for a word with other letters (``wiki``)."""
    for digraph, letter in _SERBIAN_DIGRAPHS.items():
        word = word.replace(digraph, letter)
    converted = "".join(_SERBIAN_LETTERS.get(char, char) for char in word)
    return None if any("a" <= char <= "z" or char in "čćđšž" for char in converted) else converted


@cache
def _words_by_length(code: str) -> dict[int, tuple[str, ...]]:
    """The words of a language grouped by length, most frequent first."""
    grouped: dict[int, list[str]] = {}
    for word in _full_words(code):  # wordfreq lists words most frequent first
        if code == "el" and len(word) > 1 and word[-1] == "σ":
            word = word[:-1] + "ς"  # wordfreq folds the final sigma; Greek writes it
        grouped.setdefault(len(word), []).append(word)
    return {length: tuple(words) for length, words in grouped.items()}


@cache
def _word_lines(code: str, length: int) -> str:
    """The words of ``length`` letters, most frequent first, one per line: searched by one
    regular expression instead of matched one by one."""
    return "\n".join(_words_by_length(code).get(length, ()))


def letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text``, with their combining marks (``پروندهٔ``).

    >>> letter_runs("l’état, 2 fois")
    ['l', 'état', 'fois']
    """
    return _LETTER_RUN.findall(text)


def matching_words(
    pattern: re.Pattern[str], length: int, code: str | None, limit: int = 2
) -> list[str]:
    """The most frequent words of ``length`` letters matching ``pattern`` (lower case),
    most frequent first: the words a damaged word with a few unknown letters may have been.
    ``pattern`` must not match a line break.

    >>> matching_words(re.compile("gr[aeiou]ss"), 5, "de")
    ['gross', 'gruss']
    """
    if code is None:
        return []
    return list(_matching_words(pattern.pattern, length, code, limit))


@lru_cache(maxsize=8192)
def _matching_words(pattern: str, length: int, code: str, limit: int) -> tuple[str, ...]:
    lines = re.compile(f"^(?:{pattern})$", re.MULTILINE)
    found: list[str] = []
    for match in lines.finditer(_word_lines_at_edge(code, length, *_literal_edges(pattern))):
        found.append(match.group())
        if len(found) >= limit:
            break
    return tuple(found)


def _literal_edges(pattern: str) -> tuple[str, str]:
    """The letter a pattern starts with and the one it ends with, where they are literal
    letters (``""`` where not): only words with those letters need searching."""
    first = pattern[0] if pattern[:1].isalpha() else ""
    last = pattern[-1] if pattern[-1:].isalpha() and pattern[-2:-1] != "\\" else ""
    return first, last


def _word_lines_at_edge(code: str, length: int, first: str, last: str) -> str:
    """The lines of :func:`_word_lines` that start with ``first``, or else end with ``last``
    (either may be empty: any letter)."""
    if first:
        return _word_lines_by_letter(code, length, 0).get(first, "")
    if last:
        return _word_lines_by_letter(code, length, -1).get(last, "")
    return _word_lines(code, length)


@cache
def _word_lines_by_letter(code: str, length: int, index: int) -> dict[str, str]:
    """The lines of :func:`_word_lines` by their letter at ``index``, in the same order."""
    grouped: dict[str, list[str]] = {}
    for word in _words_by_length(code).get(length, ()):
        grouped.setdefault(word[index], []).append(word)
    return {letter: "\n".join(words) for letter, words in grouped.items()}


@cache
def _pairs(code: str) -> dict[str, float]:
    """How often each two characters follow each other inside the words of a language."""
    counts: dict[str, float] = defaultdict(float)
    for word, frequency in language_data(code).words.items():
        for index in range(len(word) - 1):
            counts[word[index : index + 2]] += frequency
    total = sum(counts.values()) or 1.0
    return {pair: count / total for pair, count in counts.items()}


def pair_logprob(first: str, second: str, code: str | None) -> float:
    """The log10 frequency of ``first`` followed by ``second``, smoothed towards the product
    of their own frequencies: a pair never seen inside a word may still meet across two.

    >>> pair_logprob("て", "い", "ja") > pair_logprob("て", "ぁ", "ja")
    True
    """
    if code is None:
        return 2 * UNKNOWN_CHAR
    if first in _CJK_PUNCTUATION or second in _CJK_PUNCTUATION:
        # Word lists hold no punctuation, so no pair with it was counted; ``す。`` ends a
        # sentence far more often than independence suggests.
        return char_logprob(first, code) + char_logprob(second, code) + _PUNCTUATION_PAIR_BONUS
    seen = _pairs(code).get(first + second, 0.0)
    independent = 10 ** (char_logprob(first, code) + char_logprob(second, code))
    return math.log10(seen + _PAIR_SMOOTHING * independent)


def word_logprob(word: str, code: str | None) -> float | None:
    """The log10 frequency of ``word`` in language ``code``, or ``None`` if unknown."""
    if code is None:
        return None
    words = _full_words(code)
    frequency = words.get(_lower(word))
    if frequency is None and "ß" in word:
        frequency = words.get(word.lower().replace("ß", "ss"))  # wordfreq folds ß to ss
    if frequency is None and "’" in word:
        frequency = words.get(word.lower().replace("’", "'"))
    if frequency is None and "ς" in word:
        frequency = words.get(word.lower().replace("ς", "σ"))  # and the final sigma to σ
    if frequency is None and code == "el" and _without_accents(word) == word:
        # Greek capitals drop the tonos (``ΦΙΛΑ`` is ``φίλα``), and so does informal writing,
        # far less often than it sets it (``βασικος`` is rarer than ``βασικού``).
        frequency = _greek_without_accents().get(word.lower().replace("ς", "σ"))
        if frequency is not None and not word.isupper():
            frequency *= _INFORMAL_GREEK
    if frequency is None and code == "fa" and word.endswith("\u0647\u0654"):
        # wordfreq drops the ezafe's hamza: ``پروندهٔ`` is listed as ``پرونده``.
        frequency = words.get(word[:-1])
    if frequency is None and code == "zh":
        # The Chinese list is Simplified: ``選項`` is listed as ``选项``.
        frequency = words.get(word.translate(_simplified_chinese()))
    if not frequency:
        return None
    return math.log10(frequency)


_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")
_OTHER_CYRILLIC = tuple(code for code in _SCRIPT_LANGUAGES["Cyrillic"] if code != "sr")


def _is_hangul(text: str) -> bool:
    return all("\uac00" <= char <= "\ud7a3" for char in text)


# The longest ending looked for after a Korean stem, in syllables.
_KOREAN_ENDING = 3


def _korean_with_ending(word: str, words: dict[str, float]) -> float | None:
    """The frequency of a Korean word as a listed stem and a listed ending (``작업을`` is
    ``작업`` and the particle ``을``; ``가지고`` is ``가지`` and ``고``), the way wordfreq's
    morphological tokenizer lists them: the two combined as wordfreq combines the tokens of
    a phrase (the reciprocal of the summed reciprocals), the best split winning. After a
    name in Latin letters (``WAL에``), the ending alone."""
    best = None
    for cut in range(max(1, len(word) - _KOREAN_ENDING), len(word)):
        stem, ending = word[:cut], word[cut:]
        tail = words.get(ending) if _is_hangul(ending) else None
        if not tail:
            continue
        if stem.isascii():
            found = tail
        else:
            head = words.get(stem)
            if not head:
                continue
            found = 1.0 / (1.0 / head + 1.0 / tail)
        best = found if best is None else max(best, found)
    return best


def _lower(word: str) -> str:
    """``word`` in small letters, Turkish ``İ`` as ``i`` (``str.lower`` adds a combining dot)."""
    return word.replace("İ", "i").lower() if "İ" in word else word.lower()


# The share of Greek words in small letters written without their accent.
_INFORMAL_GREEK = 0.03


@lru_cache(maxsize=1)
def _greek_without_accents() -> dict[str, float]:
    """The Greek word list keyed by its words without accents, each key the frequency of the
    commonest word it stands for."""
    found: dict[str, float] = {}
    for word, frequency in _full_words("el").items():
        key = _without_accents(word).replace("ς", "σ")
        if frequency > found.get(key, 0.0):
            found[key] = frequency
    return found


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def is_common_word(word: str, code: str, min_zipf: float = 3.0) -> bool:
    """Whether ``word`` is in the small (common words) list of ``code`` at ``min_zipf`` or
    more: the long lists also hold rare debris such as ``sâ``.

    >>> is_common_word("âge", "fr"), is_common_word("sâ", "en")
    (True, False)
    """
    frequency = language_data(code).words.get(word.lower())
    return frequency is not None and math.log10(frequency) + 9.0 >= min_zipf


def word_zipf(word: str, code: str | None) -> float:
    """The Zipf frequency (log10 per billion words) of ``word``; 0 when unknown.

    >>> word_zipf("the", "en") > 7
    True
    """
    logprob = word_logprob(word, code)
    return 0.0 if logprob is None else logprob + 9.0


@lru_cache(maxsize=1)
def _simplified_chinese() -> dict[int, str]:
    """wordfreq's table from Traditional to Simplified characters: its Chinese word list
    is Simplified, so ``從`` is looked up as ``从``."""
    import gzip

    import msgpack  # type: ignore[import-untyped]
    from wordfreq.util import data_path

    with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as stream:
        table: dict[int, str] = msgpack.load(stream, raw=False, strict_map_key=False)
    return table


def simplified_chinese() -> dict[int, str]:
    """The table from Traditional to Simplified Chinese characters (code point to text).

    >>> simplified_chinese()[ord("檔")]
    '档'
    """
    return _simplified_chinese()


@cache
def chinese_variants() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """The Simplified form of each Traditional character that has another, the characters
    only Traditional Chinese writes, and those only Simplified Chinese writes.

    >>> "從" in chinese_variants()[1], "从" in chinese_variants()[2]
    (True, True)
    """
    simplified = {
        chr(code): form
        for code, form in _simplified_chinese().items()
        if len(form) == 1 and chr(code) != form
    }
    # A character both variants write (``合`` is also the Simplified form of ``閤``) is in
    # the code pages of both: Big5 for Traditional, GB2312 for Simplified.
    traditional_only = frozenset(char for char in simplified if not _encodes(char, "gb2312"))
    simplified_only = frozenset(
        char
        for char in simplified.values()
        if char not in simplified and not _encodes(char, "big5")
    )
    return simplified, traditional_only, simplified_only


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def char_logprob(char: str, code: str | None) -> float:
    """The log10 share of ``char`` among the letters of language ``code``."""
    if code is None:
        return UNKNOWN_CHAR
    chars = language_data(code).chars
    value = chars.get(char)
    if value is None and code == "zh":
        simplified = _simplified_chinese().get(ord(char))
        if simplified is not None:
            value = chars.get(simplified)
    if value is None and char == "ß":
        value = chars.get("s", UNKNOWN_CHAR) - 1.0  # wordfreq folds ß to ss
    if value is None and char == "ς":
        value = chars.get("σ")  # and the final sigma to σ
    if value is None and code == "sr" and script_of(char) == "Latin":
        # (Latin letters in Serbian Cyrillic text: see :func:`_score_plain_word`.)
        return max(char_logprob(char, other) for other in _OTHER_CYRILLIC)
    if value is None:
        value = chars.get(_lower(char))
        if value is None:
            value = _borrowed(_lower(char), code)
        if char != char.lower():
            value -= 0.5  # capitals are rarer than the lower-case letters counted
    return value


# How much rarer a letter of its alphabet that a language's word list never writes is
# there than in the language of that alphabet that writes it most.
_BORROWED_COST = 3.0


def _borrowed(char: str, code: str) -> float:
    """The log10 share of a letter the word list of ``code`` lacks: the languages without
    a word list (Estonian, Irish, Esperanto) are guessed as others of their alphabet, and
    their letters are more often letters some language writes (Estonian ``õ``, common in
    Portuguese) than letters none does (``ŵ``)."""
    if script_of(char) != "Latin" or code not in _LATIN_LANGUAGES:
        return UNKNOWN_CHAR
    best = _latin_letter_shares().get(char)
    return UNKNOWN_CHAR if best is None else max(UNKNOWN_CHAR, best - _BORROWED_COST)


@lru_cache(maxsize=1)
def _latin_letter_shares() -> dict[str, float]:
    shares: dict[str, float] = {}
    for code in _LATIN_LANGUAGES:
        for char, value in language_data(code).chars.items():
            if value > shares.get(char, -math.inf):
                shares[char] = value
    return shares


def scripts_of_language(code: str | None) -> frozenset[str]:
    """The scripts a language is written in (``ja``: Han and Kana).

    >>> sorted(scripts_of_language("ja"))
    ['Han', 'Kana']
    """
    return frozenset(
        script for script, codes in _SCRIPT_LANGUAGES.items() if code is not None and code in codes
    )


def languages_of_script(script: str) -> tuple[str, ...]:
    """The languages with a word list that are written in ``script``.

    >>> languages_of_script("Arabic")
    ('ar', 'fa', 'ur')
    """
    return _SCRIPT_LANGUAGES.get(script, ())


def guess_language(text: str) -> str | None:
    """Guess the language of ``text`` from the scripts of its letters and, among languages
    sharing a script, from which word list knows most of its words.

    >>> guess_language("Der Hund schläft unter dem Tisch, und die Katze auch.")
    'de'
    >>> guess_language("Съешь же ещё этих мягких французских булок")
    'ru'
    """
    ranked = rank_languages(text)
    return ranked[0][0] if ranked else None


def rank_languages(text: str) -> list[tuple[str, float]]:
    """Candidate languages of ``text``, best first, each with a coverage score (the sum over
    its words of their Zipf frequency, -1 for a word the language does not know)."""
    scripts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            script = script_of(char)
            if script is not None:
                scripts[script] += 1
    if not scripts:
        return []
    if scripts["Kana"] > 0 and scripts["Kana"] >= scripts["Han"] // 10:
        return [("ja", 0.0)]
    script = scripts.most_common(1)[0][0]
    candidates = _SCRIPT_LANGUAGES.get(script)
    if not candidates:
        return []
    words = [word.lower() for word in _WORD_RE.findall(text)][:200]
    if len(candidates) == 1 or script == "Han" or not words:
        return [(candidates[0], 0.0)]
    scored = [(code, _coverage(tuple(words), code)) for code in candidates]
    scored.sort(key=lambda item: item[1], reverse=True)
    return scored


def likeliest_of(text: str, codes: Iterable[str]) -> str | None:
    """Of the languages ``codes``, the one whose word list covers the words of ``text``
    best (as :func:`rank_languages` scores them), or ``None`` if ``text`` has no word.

    >>> likeliest_of("un petit chat", ("de", "fr"))
    'fr'
    """
    words = tuple(word.lower() for word in _WORD_RE.findall(text))[:200]
    if not words:
        return None
    return max(codes, key=lambda code: _coverage(words, code), default=None)


def _coverage(words: tuple[str, ...], code: str) -> float:
    known = language_data(code).words
    score = 0.0
    for word in words:
        frequency = known.get(word)
        score += math.log10(frequency) + 9.0 if frequency else -1.0
    return score


# The cost, in log10 units, of punctuation and symbols: typographic punctuation is ordinary;
# a lone ``¸`` or ``¤`` in running text is almost always a piece of mojibake (``à¸ª``).
_TYPOGRAPHIC = frozenset("“”‘’„‚«»‹›–—…•\u00a0\u2009\u202f·")
_QUOTES = frozenset("“”‘’„‚")
# The comma, semicolon and question mark of Arabic script, the full stop of Urdu, Devanagari
# and Armenian: as common there as ``,`` and ``.`` (``،`` is not some sign of U+0600–061F).
_SCRIPT_PUNCTUATION = frozenset("،؛؟۔।॥։")
# Marks of one language of their script: Persian and Arabic end a sentence with ``.``, not
# with Urdu's ``۔`` (DB 94, one lost byte from Persian ``ی``, DB 8C).
_PUNCTUATION_OF_LANGUAGE = {"۔": "ur"}
_TYPOGRAPHIC_COST = -1.0
# A middle dot touching no letter separates the items of a menu, not the words of a sentence:
# Greek ``και · αρχή`` is ``και η αρχή`` (η, CE B7, losing its lead).
_SPACED_DOT_COST = -1.0
# The marks of Chinese and Japanese text, the common ones cheaper (``、`` over ``」`` over
# ``』`` for ``ã€?``, E3 80 and an undefined byte).
_CJK_MARK_COSTS = {
    **dict.fromkeys("。、，", -1.0),
    **dict.fromkeys("：（）「」", -1.5),
    **dict.fromkeys("；！？・…～", -2.0),
    **dict.fromkeys("『』《》【】〈〉", -2.5),
}
# Brackets closed where the text opened them: ``「%s」``, not ``「%s、``.
_CJK_BRACKETS = (("「", "」"), ("『", "』"), ("（", "）"), ("【", "】"), ("《", "》"), ("〈", "〉"))
_CJK_CLOSING = re.compile("[」』）】》〉]")
_PAIRED_BRACKET_BONUS = 1.5
# A CJK run is split into listed words of up to this many characters; a character no word
# takes costs this much besides its own frequency.
_LONGEST_SEGMENT = 6
_ALONE_CHAR_COST = -2.0
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
# What a character of the other Chinese variant than the rest of the text's costs.
_VARIANT_MIX_COST = -2.0
_QUOTE_INSIDE_WORD_COST = -4.0
_SYMBOL_COST = -6.0
_RARE_PUNCTUATION_COST = -4.0
_TYPICAL_CHAR = -1.3
# ``gröÜer`` for ``größer``: a capital after a small letter is rare inside a word.
_MIXED_CASE_COST = -3.0
_SPLIT_COST = -1.0
_MIXED_SCRIPT_COST = -3.0
_MID_SENTENCE_CAPITAL_COST = -0.5
# ``À  partir`` beside ``à partir``: a doubled space is a sign of a space taken for A0.
_DOUBLE_SPACE_COST = -1.0
# Letter sequences of an unknown word that no common word of the language has.
_GRAM = 4
_UNSEEN_GRAM_COST = -1.0
# Two syllables that make a word of a language written a syllable at a time (``hợp lệ``,
# ``cửa sổ``): word lists of single syllables cannot tell ``lệ`` from ``lễ``, the word can.
_COMPOUND_BONUS = 3.0


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
    previous = ""
    compounds = compound_pairs(code)
    matches = list(_WORD_RE.finditer(text))
    for index, match in enumerate(matches):
        total += _score_gap(text, position, match.start(), code)
        word = match.group()
        total += _score_word(word, code)
        gap = text[position : match.start()]
        if compounds and previous and gap == " " and f"{previous} {word}".lower() in compounds:
            total += _COMPOUND_BONUS
        following = matches[index + 1] if index + 1 < len(matches) else None
        if _capital_mid_sentence(previous, gap, word) or (
            following is not None
            and _capital_letter_between_words(
                previous, gap, word, text[match.end() : following.start()], following.group()
            )
        ):
            total += _MID_SENTENCE_CAPITAL_COST
        previous = word
        position = match.end()
    total += _score_gap(text, position, len(text), code)
    if _CJK_CLOSING.search(text):
        total += _PAIRED_BRACKET_BONUS * _paired_brackets(text)
    if code == "zh" and not text.isascii():
        total += _VARIANT_MIX_COST * _mixed_variants(text)
    return total + text.count("  ") * _DOUBLE_SPACE_COST


def _mixed_variants(text: str) -> int:
    """How many characters of the Chinese variant ``text`` writes less: Traditional and
    Simplified characters do not mix (``为地區`` is ``为地址``)."""
    _, traditional_only, simplified_only = chinese_variants()
    traditional = sum(1 for char in text if char in traditional_only)
    simplified = sum(1 for char in text if char in simplified_only) if traditional else 0
    return min(traditional, simplified)


def _paired_brackets(text: str) -> int:
    """How many CJK brackets of ``text`` close one it opened before."""
    paired = 0
    for opening, closing in _CJK_BRACKETS:
        depth = 0
        for char in text:
            if char == opening:
                depth += 1
            elif char == closing and depth:
                depth -= 1
                paired += 1
    return paired


@cache
def compound_pairs(code: str | None) -> frozenset[str]:
    """Pairs of syllables, lower case and separated by a space, that are (part of) a word of
    ``code``, for the languages that write a word as syllables apart (Vietnamese).

    >>> "hợp lệ" in compound_pairs("vi"), "hợp lễ" in compound_pairs("vi")
    (True, False)
    """
    if code != "vi":
        return frozenset()
    from fixtext.data.vi_compounds import VI_COMPOUNDS  # deferred: a large table

    return frozenset(VI_COMPOUNDS.splitlines())


def _capital_mid_sentence(previous: str, gap: str, word: str) -> bool:
    """``documentare Și cadrul``, ``Tạo Đồ thị``, ``Tạo ĐỒ thị``: a capital after a
    lower-case word (or one that only starts with a capital) and spaces, maybe a bracket
    (``start (Đầu)``), is rarer than the same word in lower case (names and acronyms
    aside)."""
    return (
        (previous.islower() or previous[1:].islower())
        and _INNER_GAP.fullmatch(gap) is not None
        and len(word) > 1
        and word[0].isupper()
        and (word[1:].islower() or word.isupper())
    )


# Between two words of one sentence: spaces (a column of them too), maybe a bracket opened
# or closed (``start (đầu)``, ``git-pull(1) để``).
_INNER_GAP = re.compile("[ \t]+[(\\[]?|[)\\]][ \t]+[(\\[]?")


def _capital_letter_between_words(
    previous: str, gap: str, word: str, next_gap: str, following: str
) -> bool:
    """``Écart À la normale``: a one-letter word in capitals between a word and a lower-case
    word, single spaces around it, is rarer than the same letter in lower case."""
    return (
        bool(previous)
        and gap == " "
        and next_gap == " "
        and len(word) == 1
        and word.isupper()
        and following[0].islower()
    )


@lru_cache(maxsize=65536)
def _score_word(word: str, code: str | None) -> float:
    score = _score_plain_word(word, code)
    if "’" in word or "'" in word or "\u200c" in word:
        # ``l’enregistrement``: word lists hold the elided article and the word apart; but
        # ``c’t`` is no elision, so the longer piece must be a word of its own. So do they
        # hold the parts of a Persian word that a zero-width non-joiner keeps apart
        # (``فاصله‌گذاری``, ``دکمه‌ها``).
        pieces = [piece for piece in re.split("['’\u200c]", word) if piece]
        longest = max((len(piece) for piece in pieces), default=0)
        # (A shorter longest piece counts where every piece is listed: Catalan ``s’ha``,
        # ``d’ús``.)
        if longest >= 3 or (
            longest == 2 and all(word_logprob(piece, code) is not None for piece in pieces)
        ):
            split = sum(_score_plain_word(piece, code) for piece in pieces) + _SPLIT_COST
            score = max(score, split)
    if _has_mixed_case(word):
        score += _MIXED_CASE_COST
    if _has_mixed_scripts(word):
        score += _MIXED_SCRIPT_COST
    if word[0] == "ß":
        score += _MIXED_CASE_COST  # no word starts with ``ß``: ``ßärise`` is ``Äärise``
    if "ς" in word[:-1] or (len(word) > 1 and word[-1] == "σ"):
        score += _MIXED_CASE_COST  # Greek writes ``ς`` at the end of a word, ``σ`` elsewhere
    return score


def _has_mixed_scripts(word: str) -> bool:
    """``的事é``: a Latin letter glued to letters of another script (no word list holds
    such a word, and an unknown word of one script must not look as likely)."""
    scripts = {script_of(char) for char in word if char.isalpha()}
    return "Latin" in scripts and len(scripts - {"Other", None}) > 1


def _has_mixed_case(word: str) -> bool:
    """``BŁąd``, ``gröÜer``: capitals inside a word that is neither all capitals nor a
    capitalised word (``ß`` has no capital in everyday writing, so ``STRAßE`` is fine)."""
    letters = word.replace("ß", "")
    return not (letters.isupper() or letters.islower() or letters.istitle() or not letters)


@lru_cache(maxsize=65536)
def _score_plain_word(word: str, code: str | None) -> float:
    if code is None:
        # Thai, Georgian: no frequencies, so no letter is rarer than another; a word one
        # letter longer must not lose to a stray symbol (``๏คว้น`` for ``แคว้น``).
        return UNKNOWN_WORD
    if code == "sr" and not _HAS_CYRILLIC.search(word):
        # Serbian's list is Serbo-Croatian's spelled in Cyrillic, without the Latin words
        # every Cyrillic text quotes (``d`` of ``%d``, ``EXIDX``): those are as likely in
        # Serbian text as in the other Cyrillic languages' texts.
        return max(_score_plain_word(word, other) for other in _OTHER_CYRILLIC)
    logprob = word_logprob(word, code)
    if logprob is None and code == "ko":
        # (Here, not in the segmentation below: every run would split that way.)
        combined = _korean_with_ending(word, _full_words(code))
        logprob = None if combined is None else math.log10(combined)
    if logprob is not None:
        return logprob
    if code in _CJK_LANGUAGES and len(word) > 1:
        # Chinese and Japanese write words without spaces between them (and Korean glues
        # endings to words): the run is as likely as its best split into listed words.
        return max(_segmented(word, code), _unknown_word(word, code))
    return _unknown_word(word, code)


def _segmented(run: str, code: str) -> float:
    """The log10 frequency of the best split of ``run`` into words of the list, a
    character no listed word takes costing its own frequency and ``_ALONE_CHAR_COST``."""
    best = [0.0] + [-math.inf] * len(run)
    for end in range(1, len(run) + 1):
        value = best[end - 1] + char_logprob(run[end - 1], code) + _ALONE_CHAR_COST
        for start in range(max(0, end - _LONGEST_SEGMENT), end):
            logprob = word_logprob(run[start:end], code)
            if logprob is not None:
                value = max(value, best[start] + logprob)
        best[end] = value
    return best[-1]


def _unknown_word(word: str, code: str) -> float:
    # An unknown word is as plausible as its letters and their pairs: ``нераспознанный``
    # beats ``нетатпознанный`` on ``ра`` and ``сп`` though neither is listed.
    lowered = word.lower()
    # (wordfreq folds the final sigma: its Greek words end in ``σ``, never ``ς``.)
    folded = lowered.replace("ς", "σ") if code == "el" else lowered
    rarity = min(0.0, char_logprob(word[0], code) - _TYPICAL_CHAR)
    rarity += _UNSEEN_GRAM_COST * _unseen_grams(folded, code)
    for index in range(1, len(word)):
        conditional = pair_logprob(folded[index - 1], folded[index], code) - char_logprob(
            folded[index - 1], code
        )
        rarity += min(0.0, conditional - _TYPICAL_CHAR)
        if word[index] != lowered[index]:
            rarity += min(0.0, char_logprob(word[index], code) - char_logprob(lowered[index], code))
    # And its last letter, as likely to end a word as letters that do (Greek ``-ος`` ends
    # words, ``-ρό`` rarely; where the pairs tell nothing the ending decides).
    if len(word) > 1:
        ending = _endings(code).get(folded[-1], 0.0)
        conditional = math.log10(ending) - char_logprob(folded[-1], code) if ending else _NO_ENDING
        rarity += min(0.0, max(conditional, _NO_ENDING) - _TYPICAL_ENDING)
    return UNKNOWN_WORD + rarity


@cache
def _endings(code: str) -> dict[str, float]:
    """The share of the words of a language (by frequency) that end with each letter."""
    counts: dict[str, float] = defaultdict(float)
    for word, frequency in language_data(code).words.items():
        if len(word) > 1:
            counts[word[-1]] += frequency
    total = sum(counts.values()) or 1.0
    return {char: count / total for char, count in counts.items()}


# log10 of how much likelier than its share of letters a letter is to end a word: about
# what a letter gets in a word of six, and the least a letter no listed word ends with gets.
_TYPICAL_ENDING = -0.8
_NO_ENDING = -3.0


@cache
def _grams(code: str) -> dict[str, None]:
    """The sequences of ``_GRAM`` letters found in the common words of a language, words
    bounded by ``^`` and ``$``. (Kept as the keys of a dictionary: a set of hundreds of
    thousands of strings would be walked through by every full garbage collection, a
    dictionary of strings to ``None`` is not tracked by the collector.)"""
    found: dict[str, None] = {}
    for word in language_data(code).words:
        bounded = f"^{word}$"
        found.update(
            dict.fromkeys(
                bounded[index : index + _GRAM] for index in range(len(bounded) - _GRAM + 1)
            )
        )
    return found


def _unseen_grams(word: str, code: str) -> int:
    """How many sequences of ``_GRAM`` letters of a lower-case word no common word of the
    language has: ``нетаспознанный`` has ``етас`` and ``тасп``, ``нераспознанный`` none."""
    if len(word) < _GRAM - 1:
        return 0
    known = _grams(code)
    bounded = f"^{word}$"
    return sum(
        1
        for index in range(len(bounded) - _GRAM + 1)
        if bounded[index : index + _GRAM] not in known
    )


def _touches_letter(text: str, index: int) -> bool:
    """Whether ``text[index]`` has a letter right before or after it."""
    return text[index - 1 : index].isalpha() or text[index + 1 : index + 2].isalpha()


def cjk_mark_cost(char: str) -> float | None:
    """The log10 cost of a mark of Chinese and Japanese text (``，`` is cheap, ``』`` dear),
    or None for any other character.

    >>> cjk_mark_cost("，") > cjk_mark_cost("：") > cjk_mark_cost("』"), cjk_mark_cost("a")
    (True, None)
    """
    return _CJK_MARK_COSTS.get(char)


def _score_gap(text: str, start: int, end: int, code: str | None) -> float:
    if text[start:end].isascii():
        return 0.0
    total = 0.0
    for index in range(start, end):
        char = text[index]
        if char.isascii() or char.isspace():
            continue
        if unicodedata.category(char).startswith("M"):
            total += char_logprob(char, code)  # a mark left alone by a lost byte
            continue
        if char in _CJK_MARK_COSTS and code in _CJK_LANGUAGES:
            total += _CJK_MARK_COSTS[char]
        elif char in _TYPOGRAPHIC:
            total += _TYPOGRAPHIC_COST
            if char == "·" and not _touches_letter(text, index):
                total += _SPACED_DOT_COST
            inside = 0 < index < len(text) - 1 and text[index - 1].isalpha()
            if char in _QUOTES and inside and text[index + 1].isalpha() and char != "’":
                total += _QUOTE_INSIDE_WORD_COST
        elif char in _SCRIPT_PUNCTUATION:
            own = _PUNCTUATION_OF_LANGUAGE.get(char, code)
            total += _TYPOGRAPHIC_COST if code in (None, own) else _RARE_PUNCTUATION_COST
        elif unicodedata.category(char)[0] in "PN":
            total += _RARE_PUNCTUATION_COST
        else:
            total += _SYMBOL_COST
    return total
