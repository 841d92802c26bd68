"""UTF-8 read as Windows-1252, then uppercased: ``OÂ€™BRIEN`` for ``O’BRIEN``,
``.10 - Â€¹ .16`` for ``.10 - ‹ .16``, ``CHÁ»¨NG`` for ``CHỨNG``.

Registers of names, addresses and charges keep text in capitals; when that text was
mojibake, the leads of three- and four-byte sequences ``à … ï`` and ``ð … ô`` (E0–EF,
F0–F4) became ``À … Ï`` and ``Ð … Ô`` (C0–CF, D0–D4), leads of two bytes followed by one
continuation too many, and the continuations ``š œ ž`` became ``Š Œ Ž`` (9A → 8A, …):
no longer UTF-8 read through any code page. Putting the lead back in small letters gives
the UTF-8 sequence, and the character it stands for.

Only in a text with no small letter (it was uppercased whole; the pipeline asks this of
the text as it came), and only where the lead and the byte after it make no letter or sign
as they stand: ``Â€`` is C2 80, a control, and ``Á`` (C1) is never a lead; ``Ã‰`` is
``É`` and stays the code page rules'.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from fixtext.language import LATIN_LANGUAGES, word_zipf
from fixtext.model import Edit
from fixtext.plausibility import char_cost, text_cost
from fixtext.spans import readings_of

__all__ = ["RULE", "find_uppercased_repairs"]

RULE = "uppercased-cp1252"


def _continuations() -> dict[str, tuple[int, ...]]:
    """Each character a continuation byte (80–BF) reads as through Windows-1252 or Latin-1,
    or as once uppercased, with the bytes it may stand for (``Š`` is 8A, or 9A uppercased;
    ``Μ``, Greek, is B5 ``µ`` uppercased)."""
    found: dict[str, set[int]] = {}
    for byte in range(0x80, 0xC0):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        for shown in (char, char.upper(), chr(byte)):
            if len(shown) == 1:
                found.setdefault(shown, set()).add(byte)
    return {char: tuple(sorted(bytes_)) for char, bytes_ in found.items()}


_CONTINUATIONS = _continuations()
# The leads of three and four bytes, uppercased: ``À`` … ``Ï``, ``Ð`` … ``Ô``; and the leads
# of two bytes as they stand (``Ã`` C3), before a continuation uppercasing moved (``Œ`` of
# ``Ãœ``, ``Ü``; ``Μ`` of ``Ðµ``, ``е``).
_LEADS = {chr(byte).upper(): byte for byte in range(0xE0, 0xF5) if chr(byte) != "÷"}
_TWO_BYTE_LEADS = {chr(byte): byte for byte in range(0xC2, 0xE0)}
# The byte each continuation is as it stands, through Windows-1252 or Latin-1.
_OWN_BYTE = {
    **{chr(byte): byte for byte in range(0x80, 0xC0)},
    **{
        char: byte
        for byte in range(0x80, 0xC0)
        for char in [bytes([byte]).decode("cp1252", errors="ignore")]
        if char
    },
}
# The continuations uppercasing may have moved: ``Š Œ Ž`` (two bytes each now), ``Μ``.
_MOVED = {c: b for c, b in _CONTINUATIONS.items() if len(b) > 1 or c not in _OWN_BYTE}
_SEQUENCE = re.compile(
    "[" + re.escape("".join(_LEADS)) + "][" + re.escape("".join(_CONTINUATIONS)) + "]{2}"
    "|[" + re.escape("".join(_TWO_BYTE_LEADS)) + "][" + re.escape("".join(_MOVED)) + "]"
)
_PAIR = re.compile(
    "[" + re.escape("".join(_TWO_BYTE_LEADS)) + "][" + re.escape("".join(_OWN_BYTE)) + "]"
)
_CONFIDENCE = 0.8
_KNOWN_ZIPF = 3.0
_WORD_LANGUAGES = (*LATIN_LANGUAGES, "ru", "uk", "bg", "sr", "el")


def find_uppercased_repairs(text: str) -> list[Edit]:
    """Propose repairs of Windows-1252 mojibake that was uppercased.

    >>> [e.after for e in find_uppercased_repairs("JOHNÂ€™S Â€“ DINER")]
    ['’', '–']
    >>> find_uppercased_repairs("JohnÂ€™s")  # small letters: not uppercased
    []
    """
    if not _uppercased(text) or not _SEQUENCE.search(text):
        return []
    edits = [
        Edit(start, end, after, RULE, _CONFIDENCE)
        for start, end, after in readings_of(text, _SEQUENCE, _reading)
    ]
    return sorted(edits + _riders(text, edits)) if edits else []


def _riders(text: str, edits: list[Edit]) -> list[Edit]:
    """Once the text shows mojibake that was uppercased, its pairs that are whole as they
    stand are mojibake too, however little else shows it: ``DEÂ\xa0DEÂ€¦`` is ``DE\xa0DE…``."""
    taken = [(edit.start, edit.end) for edit in edits]
    riders = []
    for match in _PAIR.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        char = _as_it_stands(text[start], text[start + 1])
        if char is not None and text[start + 1] not in _MOVED:
            riders.append(Edit(start, end, char, "cp1252", _CONFIDENCE))
    return riders


def _uppercased(text: str) -> bool:
    """Whether ``text`` has capitals and no small letter (``º`` and ``ª`` are no small
    letters here: they have no capitals)."""
    return text == text.upper() and text != text.lower()


def _reading(text: str, start: int) -> tuple[int, str] | None:
    """Where the sequence at ``start`` ends, and the character its bytes stand for (in the
    case it had before: uppercasing moved the bytes, not the character); None where the
    lead and the next character read as they stand."""
    found = _long_reading(text, start) if text[start] in _LEADS else None
    if found is None and text[start] in _TWO_BYTE_LEADS and text[start + 1] in _MOVED:
        return _two_byte_reading(text, start)
    return found


def _long_reading(text: str, start: int) -> tuple[int, str] | None:
    lead = _LEADS[text[start]]
    needed = 3 if lead < 0xF0 else 4
    sequence = text[start + 1 : start + needed]
    if len(sequence) < needed - 1 or not all(char in _CONTINUATIONS for char in sequence):
        return None
    readings = [
        char
        for options in itertools.product(*(_CONTINUATIONS[char] for char in sequence))
        for char in [_character(bytes([lead, *options]))]
        if char is not None
    ]
    if not readings:
        return None
    # (``Â€Œ`` is ``“``, E2 80 9C, rather than the invisible U+200C of E2 80 8C.)
    visible = [char for char in readings if unicodedata.category(char) != "Cf"] or readings
    before, after = text[start - 1 : start], text[start + needed : start + needed + 1]
    best = min(visible, key=lambda char: text_cost(before + char + after))
    if len(visible) > 1:
        # (``Á»Š`` is ``Ớ`` in ``THƯỚC``, not ``Ị``: the word decides where it is known.)
        left, right = _word_around(text, start, start + needed)
        zipf = {char: _zipf(left + char + right) for char in visible}
        if max(zipf.values()) >= _KNOWN_ZIPF:
            best = max(visible, key=zipf.__getitem__)
    # Where the lead and the next character are a letter as they stand (``Ã‰`` is ``É``),
    # the longer reading must read better than they do with what follows: ``Ã€Œ`` is
    # ``「`` (E3 80 8C), not ``ÀŒ``; ``Ã‰»`` stays ``É»``, not ``㉻``. (A lead of four
    # bytes with three continuations after it is whole only so: ``ÐŸ˜€`` is ``😀``.)
    shorter = _as_it_stands(text[start], text[start + 1])
    if needed == 3 and shorter is not None:
        rest = text[start + 2 : start + needed]
        if text_cost(before + best + after) >= text_cost(before + shorter + rest + after):
            return None
    return start + needed, best


def _two_byte_reading(text: str, start: int) -> tuple[int, str] | None:
    """A lead of two bytes and a continuation that uppercasing may have moved: the reading
    as it stands unless the other makes a known word (``GRÃŒNE`` is ``GRÜNE``, not
    ``GRÌNE``) or a commoner letter, or is the only one (``ÐΜ`` is ``е``)."""
    lead = _TWO_BYTE_LEADS[text[start]]
    readings = [
        char
        for byte in _CONTINUATIONS[text[start + 1]]
        for char in [_character(bytes([lead, byte]))]
        if char is not None
    ]
    shown = text[start + 1]
    own = _character(bytes([lead, _OWN_BYTE[shown]])) if shown in _OWN_BYTE else None
    others = [char for char in readings if char != own]
    if not others:
        return None
    if own is None or unicodedata.category(own) == "Cc":
        return start + 2, others[0]
    left, right = _word_around(text, start, start + 2)
    if _known(left + own + right):
        return None
    known = [char for char in others if _known(left + char + right)]
    # Else the commoner letter: ``ÐŠ`` is ``К`` (D0 9A), not Serbian ``Њ`` (D0 8A); ``ÅŽ``
    # ``Ş`` (C5 9E), not ``Ŏ``.
    best = known[0] if known else min(others, key=char_cost)
    return (start + 2, best) if known or char_cost(best) < char_cost(own) else None


def _known(word: str) -> bool:
    return _zipf(word) >= _KNOWN_ZIPF


def _zipf(word: str) -> float:
    """How common ``word`` is in the language that uses it most (0 when none knows it)."""
    return max(word_zipf(word.lower(), code) for code in _WORD_LANGUAGES)


def _word_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The letters of the word before ``text[start:end]`` and after it, the pairs of
    Windows-1252 mojibake beside it read as the letters they are (``Ã–`` is ``Ö``); not the
    leads and continuations of other sequences (``Â€Œ`` before ``TÃŒR`` is ``“``)."""
    left = ""
    while start > 0:
        if _plain_letter(text[start - 1]):
            left, start = text[start - 1] + left, start - 1
            continue
        char = _pair_letter(text[start - 2 : start]) if start >= 2 else None
        if char is None:
            break
        left, start = char + left, start - 2
    right = ""
    while end < len(text):
        if _plain_letter(text[end]):
            right, end = right + text[end], end + 1
            continue
        char = _pair_letter(text[end : end + 2])
        if char is None:
            break
        right, end = right + char, end + 2
    return left, right


def _pair_letter(pair: str) -> str | None:
    """The letter a pair of Windows-1252 mojibake is as it stands (``Ã–`` is ``Ö``)."""
    if len(pair) != 2 or pair[0] not in _TWO_BYTE_LEADS or pair[1] not in _OWN_BYTE:
        return None
    char = _as_it_stands(pair[0], pair[1])
    return char if char is not None and char.isalpha() else None


def _plain_letter(char: str) -> bool:
    return (
        char.isalpha()
        and char not in _CONTINUATIONS
        and char not in _LEADS
        and char not in _TWO_BYTE_LEADS
    )


def _as_it_stands(lead: str, continuation: str) -> str | None:
    """The letter or sign ``lead`` and ``continuation`` are UTF-8 for as they stand (``Ã‰``
    is ``É``); None for a control (``Â€`` is C2 80) or nothing (``Á`` is C1)."""
    byte = _OWN_BYTE.get(continuation)
    return None if byte is None else _character(bytes([ord(lead), byte]))


def _character(data: bytes) -> str | None:
    """The one assigned character ``data`` is in UTF-8 (not a control, not private use)."""
    try:
        char = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(char) != 1 or unicodedata.category(char) in ("Co", "Cn", "Cc"):
        return None
    return char
