"""UTF-8 mojibake whose lead letter lost its accent afterwards: ``geA¯nspireerde``.

``ï`` is ``C3 AF`` in UTF-8, ``Ã¯`` read as Windows-1252; a later step that strips accents
to plain letters (for search keys, file names, ASCII-only systems) makes ``Ã`` an ``A`` and
leaves the sign ``¯``, which has no accent to strip. Between two small letters, ``A`` and a
sign of ``A1``–``BF`` is that sequence: the lead ``C3`` and the byte of the sign give the letter
back (``geïnspireerde``, ``Legaïa``).
"""

from __future__ import annotations

import re

from fixtext.language import guess_language, letter_runs, score_text, word_zipf
from fixtext.model import Edit
from fixtext.spans import token_end, token_start

__all__ = ["TRIGGERS", "find_stripped_repairs"]

_SIGNS = "\u00a1-\u00bf"
_SMALL = "[a-z\u00df-\u00ff]"
# ``A`` and a sign between small letters, or ending a word (``cafA©``, ``pA¥``).
_STRIPPED = re.compile(f"(?<={_SMALL})A([{_SIGNS}])(?:(?={_SMALL})|(?![^\\W\\d_]))")
TRIGGERS = (("[A]", f"[{_SIGNS}](?<={_SMALL}A.)"),)
# How much more plausible (log10) the word must read with the letter than with the sign.
_MARGIN = 2.0
_CONFIDENCE = 0.9
# The letter each sign gives after the lead C3 (``¯`` → ``ï``); not ``÷`` (C3 B7), no letter.
_LETTER_OF_SIGN = {
    chr(byte): letter
    for byte in range(0xA1, 0xC0)
    if (letter := bytes([0xC3, byte]).decode("utf-8")).isalpha()
}


def find_stripped_repairs(text: str) -> list[Edit]:
    """Propose the letter for each ``A`` and sign that stand for a stripped ``Ã`` sequence.

    >>> [e.after for e in find_stripped_repairs("animatie geA¯nspireerde tekeningen")]
    ['ï']
    >>> find_stripped_repairs("a 2000 mA·h battery")  # ``÷`` (C3 B7) is no letter
    []
    """
    matches = [m for m in _STRIPPED.finditer(text) if m.group(1) in _LETTER_OF_SIGN]
    if not matches:
        return []
    letters = {m.start(): _LETTER_OF_SIGN[m.group(1)] for m in matches}
    repaired = _STRIPPED.sub(lambda m: letters.get(m.start(), m.group()), text)
    language = guess_language(repaired)
    edits = []
    for match in matches:
        start, end = token_start(text, match.start()), token_end(text, match.end())
        letter = letters[match.start()]
        fixed = text[start : match.start()] + letter + text[match.end() : end]
        if match.end() < len(text) and text[match.end()].isalpha():
            better = score_text(fixed, language) - score_text(text[start:end], language) >= _MARGIN
        else:
            # Ending the word, the sign may be a unit's (``mA°``): the letter must make a word.
            ending = letter_runs(text[start : match.start()] + letter)[-1]
            better = word_zipf(ending, language) > 0
        if better:
            edits.append(Edit(match.start(), match.end(), letter, "stripped-cp1252", _CONFIDENCE))
    return edits
