"""Whole-word guesses for words with several damaged letters.

``иÑполÑзÑемÑй`` has four lost letters with 32 candidates each: scoring them one at a time
says little, since no prefix is a word. Instead the damaged word becomes a pattern,
``и[р-џ]пол[р-џ]з[р-џ]ем[р-џ]й``, matched against the language's word list, and the most
frequent word that fits (``используемый``) gives every letter at once.
"""

from __future__ import annotations

import re

from fixtext.language import matching_words
from fixtext.rules.lost_utf8 import ByteUnit

__all__ = ["dictionary_beam"]

Choice = tuple[str, int] | None
_SENTENCE_ENDS = frozenset(".!?:\n")


def dictionary_beam(
    text: str, window_start: int, window_end: int, units: list[ByteUnit], language: str | None
) -> tuple[Choice, ...] | None:
    """One choice per unit (``None``: keep it) from the word list, or ``None`` if no
    damaged word of the window matches any word."""
    if language is None:
        return None
    segments = _segments(text, window_start, window_end, units)
    choices: list[Choice] = [unit.candidates[0] if unit.lossless else None for unit in units]
    found = False
    for word in _letter_runs(segments, units):
        picked = _match_word(text, word, units, language)
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
    text: str, word: list[int], units: list[ByteUnit], language: str
) -> dict[int, Choice] | None:
    # Split on literal non-letters first: the runs above only know about units.
    pieces: list[list[int]] = [[]]
    for segment in word:
        if segment >= 0 and not text[segment].isalpha():
            pieces.append([])
        else:
            pieces[-1].append(segment)
    picked: dict[int, Choice] = {}
    for piece in pieces:
        if len(piece) < 2 or all(segment >= 0 for segment in piece):
            continue
        result = _match_piece(text, piece, units, language)
        if result is not None:
            picked.update(result)
    return picked or None


def _match_piece(
    text: str, piece: list[int], units: list[ByteUnit], language: str
) -> dict[int, Choice] | None:
    parts: list[str] = []
    for segment in piece:
        if segment >= 0:
            parts.append(re.escape(text[segment].lower()))
            continue
        unit = units[-segment - 1]
        options = {char.lower() for char, _ in _letters(unit)}
        original = text[unit.start : _short_end(unit)]
        if len(original) == 1 and original.isalpha() and not unit.lossless:
            options.add(original.lower())
        parts.append("[" + "".join(re.escape(option) for option in sorted(options)) + "]")
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
        fitting = [(char, stop) for char, stop in _letters(unit) if char.lower() == wanted]
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
