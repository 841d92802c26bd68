"""Whole-word guesses for words with several damaged letters.

``иÑполÑзÑемÑй`` has four lost letters with 32 candidates each: scoring them one at a time
says little, since no prefix is a word. Instead the damaged word becomes a pattern,
``и[р-џ]пол[р-џ]з[р-џ]ем[р-џ]й``, matched against the language's word list, and the most
frequent word that fits (``используемый``) gives every letter at once.

A word the rest of the text uses comes first, before the word list: in ``--round=ÐÐÐ¢ÐÐ
метод округления`` the damaged capitals are ``МЕТОД``, which the text writes in lower case,
not ``АВТОР``, which the word list ranks higher. The same holds for a word that starts
with such a word and adds an ending of one or two letters (``МЕТОДА``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from fixtext.language import letter_runs, matching_words
from fixtext.rules.lost_utf8 import ByteUnit

__all__ = ["dictionary_beam", "echo_words", "echoes", "words_of"]

Choice = tuple[str, int] | None
_SENTENCE_ENDS = frozenset(".!?:\n")
# Words of the text that count as its vocabulary: four letters or more (shorter ones are
# too often other words' spelling too), and the ending a longer form may add to them.
_ECHO_MIN_LETTERS = 4
_ECHO_ENDING = 2


def words_of(text: str) -> Counter[str]:
    """The words of ``text`` that may echo elsewhere in it, in lower case, counted."""
    return Counter(word.lower() for word in letter_runs(text) if len(word) >= _ECHO_MIN_LETTERS)


def echo_words(text: str, echo: frozenset[str]) -> int:
    """How many words of ``text`` are, or extend by an ending, a word of ``echo``."""
    if not echo:
        return 0
    count = 0
    for word in letter_runs(text):
        lowered = word.lower()
        shortest = max(_ECHO_MIN_LETTERS, len(lowered) - _ECHO_ENDING)
        if any(lowered[:size] in echo for size in range(shortest, len(lowered) + 1)):
            count += 1
    return count


def echoes(
    text: str, window_start: int, window_end: int, units: list[ByteUnit], echo: frozenset[str]
) -> set[str]:
    """The words of ``echo`` that a damaged word of the window may be (or extend)."""
    found: set[str] = set()
    if not echo:
        return found
    segments = _segments(text, window_start, window_end, units)
    for word in _letter_runs(segments, units):
        for piece in _pieces(text, word):
            if _is_damaged(piece):
                found.update(_echoed(_parts(text, piece, units), echo))
    return found


def dictionary_beam(
    text: str,
    window_start: int,
    window_end: int,
    units: list[ByteUnit],
    language: str | None,
    echo: frozenset[str] = frozenset(),
    *,
    echo_only: bool = False,
) -> tuple[Choice, ...] | None:
    """One choice per unit (``None``: keep it) from the words of ``echo`` and the word
    list (only the words of ``echo`` with ``echo_only``), or ``None`` if no damaged word of
    the window matches any word."""
    if language is None:
        return None
    segments = _segments(text, window_start, window_end, units)
    choices: list[Choice] = [
        unit.candidates[0] if unit.lossless and not echo_only else None for unit in units
    ]
    found = False
    for word in _letter_runs(segments, units):
        picked = _match_word(text, word, units, language, echo, echo_only)
        if picked is not None:
            found = True
            for index, choice in picked.items():
                choices[index] = choice
    return tuple(choices) if found else None


# A segment is a literal character (its index in the text) or a unit (its index, negated - 1).
def _segments(text: str, start: int, end: int, units: list[ByteUnit]) -> list[int]:
    by_start = {unit.start: index for index, unit in enumerate(units)}
    segments: list[int] = []
    position = start
    while position < end:
        index = by_start.get(position)
        if index is None:
            segments.append(position)
            position += 1
        else:
            segments.append(-index - 1)
            position = _short_end(units[index])
    return segments


def _short_end(unit: ByteUnit) -> int:
    return min(stop for _, stop in unit.candidates)


def _letters(unit: ByteUnit) -> list[tuple[str, int]]:
    short = _short_end(unit)
    return [(char, stop) for char, stop in unit.candidates if stop == short and char.isalpha()]


def _spellings(unit: ByteUnit) -> list[tuple[str, int]]:
    """What a unit that may be a letter may be inside a word: its letters, and the marks
    that sit on one (the ``ٔ`` of ``پروندهٔ``, the vowel sign ``ी`` of ``की``)."""
    short = _short_end(unit)
    return [(char, stop) for char, stop in unit.candidates if stop == short and _in_word(char)]


def _in_word(char: str) -> bool:
    """A letter, or a mark that belongs to one (Devanagari writes vowels as such marks)."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _letter_runs(segments: list[int], units: list[ByteUnit]) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for segment in segments:
        # Literal characters are sorted out by the caller, which sees the text.
        if segment >= 0 or _letters(units[-segment - 1]):
            current.append(segment)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _match_word(
    text: str,
    word: list[int],
    units: list[ByteUnit],
    language: str,
    echo: frozenset[str],
    echo_only: bool,
) -> dict[int, Choice] | None:
    picked: dict[int, Choice] = {}
    for piece in _pieces(text, word):
        if _is_damaged(piece):
            result = _match_piece(text, piece, units, language, echo, echo_only)
            if result is not None:
                picked.update(result)
    return picked or None


def _pieces(text: str, word: list[int]) -> list[list[int]]:
    """``word`` split on literal non-letters (the runs above only know about units)."""
    pieces: list[list[int]] = [[]]
    for segment in word:
        if segment >= 0 and not _in_word(text[segment]):
            pieces.append([])
        else:
            pieces[-1].append(segment)
    return pieces


def _is_damaged(piece: list[int]) -> bool:
    return len(piece) >= 2 and any(segment < 0 for segment in piece)


def _parts(text: str, piece: list[int], units: list[ByteUnit]) -> list[str]:
    """One pattern per letter of ``piece``: the letter, or the letters its unit may be."""
    parts: list[str] = []
    for segment in piece:
        if segment >= 0:
            parts.append(re.escape(text[segment].lower()))
            continue
        unit = units[-segment - 1]
        options = {char.lower() for char, _ in _spellings(unit)}
        original = text[unit.start : _short_end(unit)]
        if len(original) == 1 and original.isalpha() and not unit.lossless:
            options.add(original.lower())
        parts.append("[" + "".join(re.escape(option) for option in sorted(options)) + "]")
    return parts


def _echoed(parts: list[str], echo: frozenset[str]) -> Iterator[str]:
    """Words of ``echo`` that the pattern ``parts`` spells, whole words first, then those
    it extends by an ending."""
    whole = re.compile("".join(parts))
    for word in sorted(echo):
        if len(word) == len(parts) and whole.fullmatch(word):
            yield word
    for size in range(len(parts) - 1, len(parts) - _ECHO_ENDING - 1, -1):
        if size < _ECHO_MIN_LETTERS:
            break
        stem = re.compile("".join(parts[:size]))
        for word in sorted(echo):
            if len(word) == size and stem.fullmatch(word):
                yield word


def _match_piece(
    text: str,
    piece: list[int],
    units: list[ByteUnit],
    language: str,
    echo: frozenset[str],
    echo_only: bool,
) -> dict[int, Choice] | None:
    parts = _parts(text, piece, units)
    words: list[str] = []
    for stem in _echoed(parts, echo):
        if len(stem) == len(parts):
            words = [stem]
        else:
            ending = re.compile(re.escape(stem) + "".join(parts[len(stem) :]))
            words = matching_words(ending, len(piece), language, limit=1)
        if words:
            break
    if not words and not echo_only:
        words = matching_words(re.compile("".join(parts)), len(piece), language, limit=1)
    if not words:
        return None
    match = words[0]
    picked: dict[int, Choice] = {}
    upper_context = _is_upper_context(text, piece)
    for offset, segment in enumerate(piece):
        if segment >= 0:
            continue
        index = -segment - 1
        unit = units[index]
        wanted = match[offset]
        original = text[unit.start : _short_end(unit)]
        if original.lower() == wanted and not unit.lossless:
            picked[index] = None
            continue
        fitting = [(char, stop) for char, stop in _spellings(unit) if char.lower() == wanted]
        if not fitting:
            return None
        upper = upper_context or (offset == 0 and _starts_sentence(text, unit.start))
        fitting.sort(key=lambda option: option[0].isupper() != upper)
        picked[index] = fitting[0]
    return picked


def _is_upper_context(text: str, piece: list[int]) -> bool:
    letters = [text[segment] for segment in piece if segment >= 0 and text[segment].isalpha()]
    return len(letters) >= 1 and all(letter.isupper() for letter in letters)


def _starts_sentence(text: str, index: int) -> bool:
    index -= 1
    while index >= 0 and text[index] in " \t\"'“‘„«(":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_ENDS
