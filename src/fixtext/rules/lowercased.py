"""UTF-8 read as Windows-1252, then lowercased: ``cafã©`` for ``café``, ``ð¿ñ€ð¸`` for
``при``, ``ä\\x8dau`` for ``čau``, ``ðÿ˜€`` for ``😀``.

Search indexes, stop-word lists and URL slugs lowercase text; when that text was mojibake,
the lead characters ``Ã Ä Å Ð Ñ`` (bytes C3 C4 C5 D0 D1) became ``ã ä å ð ñ`` (E3 E4 E5 F0 F1),
three- and four-byte leads followed by a single continuation byte, and the continuations
``Š Œ Ž Ÿ`` became ``š œ ž ÿ`` (8A → 9A, …, 9F → FF): no longer UTF-8 read through any code
page, so the code page rules leave them. Putting them back in upper case gives the UTF-8
sequence, and the character it stands for, lowercased as the text was.

A text that shows this has no capital letter anywhere (it was lowercased whole; the
pipeline asks this of the text as it came, before other repairs), and either two such
sequences that read better, or one that makes a known word.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

from fixtext.language import LATIN_LANGUAGES, rank_languages, word_zipf
from fixtext.model import Edit
from fixtext.plausibility import char_cost, scripts_of, text_cost
from fixtext.spans import applied, readings_of

__all__ = ["RULE", "TRIGGERS", "find_lowercased_repairs"]

RULE = "lowercased-cp1252"


def _continuations() -> tuple[dict[str, tuple[int, ...]], dict[str, int]]:
    """Each character a continuation byte (80–BF) reads as through Windows-1252 or Latin-1,
    or as once lowercased, with the bytes it may stand for (``š`` is 9A, or 8A lowercased);
    and the byte each such character is as it stands."""
    found: dict[str, list[int]] = {}
    own: dict[str, int] = {}
    for byte in range(0x80, 0xC0):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        # (Through Latin-1, every byte 80–9F is its C1 control.)
        own[char] = own[chr(byte)] = byte
        for shown in dict.fromkeys((char, char.lower(), chr(byte))):
            if len(shown) == 1:
                found.setdefault(shown, []).append(byte)
    return {char: tuple(sorted(set(bytes_))) for char, bytes_ in found.items()}, own


_CONTINUATIONS, _OWN_BYTE = _continuations()
# The two-byte leads C2–DE, lowercased: ``â ã ä å … þ`` (E2–FE, except ÷).
_LEADS = {
    chr(byte).lower(): byte
    for byte in range(0xC2, 0xDF)
    if chr(byte).lower() != chr(byte) and len(chr(byte).lower()) == 1
}
_LEAD_CLASS = "[" + re.escape("".join(_LEADS)) + "]"
_CONTINUATION_CLASS = "[" + re.escape("".join(_CONTINUATIONS)) + "]"
# A lowercased lead and a continuation. (Where the lead, as it now stands, makes whole UTF-8
# with what follows, ``ã€‚`` for ``。``, the code page rules repair it.)
TRIGGERS = ((_LEAD_CLASS, _CONTINUATION_CLASS),)
_SEQUENCE = re.compile(_LEAD_CLASS + _CONTINUATION_CLASS)
_MIN_SEQUENCES = 2
_LEADS_TOGETHER = re.compile("[â-ï](?=[â-ï])")
_KNOWN_ZIPF = 3.0
_CONFIDENCE = 0.8
_KNOWN_WORD_CONFIDENCE = 0.6


def find_lowercased_repairs(text: str) -> list[Edit]:
    """Propose repairs of Windows-1252 mojibake that was lowercased.

    >>> [e.after for e in find_lowercased_repairs("crã¨me brã»lã©e")]
    ['è', 'û', 'é']
    >>> find_lowercased_repairs("Crã¨me")  # a capital: not lowercased text
    []
    """
    if not text.islower() or not _SEQUENCE.search(text):
        return []
    if len(_LEADS_TOGETHER.findall(text)) >= _MIN_SEQUENCES:
        # Leads of three-byte sequences side by side, ``ãã``, which no lowercased sequence
        # makes: UTF-8 whose C1 bytes were dropped (Japanese ``ããã`` of ``ありま``), whose
        # other sequences read as lowercased ones too (``ã¤`` of ``イ``, E3 82 A4).
        return []
    edits = [
        Edit(start, end, after, RULE, _CONFIDENCE)
        for start, end, after in readings_of(text, _SEQUENCE, _reading)
    ]
    edits = _improving(text, edits)
    if not edits or all(_sign_alone(text, edit) for edit in edits):
        # ``â`` and a continuation alone is as likely UTF-8 punctuation whose middle byte
        # was dropped (``â¹300`` is ``₹300``, E2 82 B9), not ``Â¹``: they only ride along.
        return []
    if len(edits) >= _MIN_SEQUENCES:
        return edits
    (edit,) = edits
    start, end = _word_span(text, edit.start, edit.end)
    word = text[start : edit.start] + edit.after + text[edit.end : end]
    repaired = text[: edit.start] + edit.after + text[edit.end :]
    # (The languages the text reads as, and for a short one any Latin language: ``até``.)
    languages = [code for code, _ in rank_languages(repaired)[:2]]
    if scripts_of(word) == {"latin"}:
        languages += LATIN_LANGUAGES
    if not any(word_zipf(word, code) >= _KNOWN_ZIPF for code in dict.fromkeys(languages)):
        return []
    return [edit._replace(confidence=_KNOWN_WORD_CONFIDENCE)]


def _reading(text: str, start: int) -> tuple[int, str] | None:
    """Where the sequence at ``start`` ends, and the lowercased character it stands for.

    The longest reading first: a lead as it stands (``ð`` is F0) and the three or four
    bytes it needs (``ðÿ˜€`` is F0 9F 98 80, ``😀``), unless they are whole UTF-8 without
    undoing the lowercasing (the code page rules' then); else the lead put back in upper
    case and one continuation (``ð¿`` is D0 BF, ``п``), a letter, a combining mark (``ìˆ`` is
    U+0308) or a sign of Latin-1 (``â©`` is ``©``); of two readings of a lowercased
    continuation, the one that fits its word.
    """
    lead = text[start]
    needed = 3 if "â" <= lead <= "ï" else 4 if "ð" <= lead <= "ô" else 0
    sequence = text[start : start + needed]
    if needed and len(sequence) == needed and all(c in _CONTINUATIONS for c in sequence[1:]):
        as_it_stands = bytes([ord(lead), *(_OWN_BYTE.get(c, 0) for c in sequence[1:])])
        if _character(as_it_stands) is not None:
            return None
        for options in itertools.product(*(_CONTINUATIONS[c] for c in sequence[1:])):
            char = _character(bytes([ord(lead), *options]))
            if char is not None:
                return start + needed, char.lower()
    # A combining mark only after another sequence: Czech ``vypíše`` holds ``íš``, which
    # reads as U+034A.
    mark = start >= 2 and text[start - 2] in _LEADS and text[start - 1] in _CONTINUATIONS
    readings = [
        char
        for byte in _CONTINUATIONS[text[start + 1]]
        for char in [bytes([_LEADS[lead], byte]).decode("utf-8").lower()]
        if len(char) == 1
        and (char.isalpha() or "\xa0" <= char <= "\xbf" or (mark and _combining(char)))
    ]
    if not readings:
        return None
    word_start, word_end = _word_span(text, start, start + 2)
    left, right = text[word_start:start], text[start + 2 : word_end]
    return start + 2, min(readings, key=lambda char: text_cost(left + char + right))


def _combining(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


def _sign_alone(text: str, edit: Edit) -> bool:
    """Whether ``edit`` reads ``â`` and one continuation (``Â`` C2: a sign of Latin-1)."""
    return text[edit.start] == "â" and edit.end - edit.start == 2


def _character(data: bytes) -> str | None:
    """The one assigned character ``data`` is in UTF-8 (not private use), or None."""
    try:
        char = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return char if unicodedata.category(char) not in ("Co", "Cn") else None


def _improving(text: str, edits: list[Edit]) -> list[Edit]:
    """The edits whose words read no worse once repaired (with the words' other sequences),
    in the shapes lowercasing gives (see :func:`_word_shaped`)."""
    starts = {edit.start: edit for edit in edits}
    in_scripts: Counter[str] = Counter()
    for edit in edits:
        in_scripts.update(scripts_of(edit.after))
    kept = []
    lone_letters = []
    index = 0
    while index < len(edits):
        start, end = _word_span(text, edits[index].start, edits[index].end, starts)
        inside = [edit for edit in edits[index:] if edit.end <= end]
        word = text[start:end]
        after = applied(text, inside, start, end)
        # (A Latin word must read no worse; a Cyrillic or Greek one read from sequences alone
        # is as plausible as its letters: ``ð²`` costs no more than ``в``.)
        latin = any(c.isascii() and c.isalpha() for c in word)
        if _word_shaped(word, inside, in_scripts) and (
            not latin or text_cost(f" {after} ") <= text_cost(f" {word} ")
        ):
            kept += inside
        elif _only_sequences(word, inside):
            lone_letters.append(inside)
        index += len(inside)
    if sum(1 for edit in kept if scripts_of(edit.after) == {"latin"}) >= _MIN_SEQUENCES:
        # Once Latin words show the damage, words of such letters alone are damaged too
        # (Portuguese ``ã\xa0 alguã©m`` is ``à alguém``, Turkish ``ã¼ã§ yä±llä±k`` is
        # ``üç yıllık``), if their letters are common ones.
        for inside in lone_letters:
            if all(scripts_of(e.after) == {"latin"} and char_cost(e.after) <= 1 for e in inside):
                kept += inside
    return sorted(kept)


def _sign_or_mark(word: str, edit: Edit, edits: list[Edit]) -> bool:
    """Whether ``edit`` reads as a sign, or as a combining mark on a Latin, Greek or Cyrillic
    letter (as it stands or as another of the ``edits`` reads it)."""
    if not _combining(edit.after):
        return not edit.after.isalpha()
    before = next((e.after[-1:] for e in edits if e.end == edit.start), "")
    return before.isalpha() and bool(scripts_of(before) & {"latin", "greek", "cyrillic"})


def _only_sequences(word: str, edits: list[Edit]) -> bool:
    """Whether ``word`` is made of the ``edits`` alone."""
    return sum(edit.end - edit.start for edit in edits) == len(word)


def _word_shaped(word: str, edits: list[Edit], in_scripts: Counter[str]) -> bool:
    """Whether the repaired word is one lowercasing explains: Latin letters read beside ASCII
    ones (``cafã©``), or common Cyrillic or Greek letters (``ð½ð°``) where the text reads
    two or more in that script (``in_scripts``: how many sequences read as each). UTF-8 whose
    C1 bytes were dropped takes the same shapes in runs of its own (``ã¤ã³ã`` is Japanese
    ``イン``, E3 82 A4, E3 83 B3, and no ``äó``; ``ï¼`` is a full-width sign, not ``ϼ``). Whole
    sequences (``ðÿ˜€``) and Latin-1 signs (``â©``) are no letters and take any shape."""
    pairs = [edit for edit in edits if edit.end - edit.start == 2]
    scripts = scripts_of("".join(edit.after for edit in pairs))
    if not scripts:
        # (Whole sequences once their continuations are put back in upper case, ``ðÿ˜€``,
        # and Latin-1 signs, ``â©``, which only ride along; a combining mark only on a letter
        # of an alphabet. Korean whose C1 bytes were dropped, ``ë\xa0ì´`` of ``레이``, reads
        # as no modifier letter ``ˠ`` nor U+0334 on it.)
        return all(_sign_or_mark(word, edit, edits) for edit in pairs)
    if any(c.isascii() and c.isalpha() for c in word):
        return scripts <= {"latin"}
    return (
        len(scripts) == 1
        and scripts <= {"cyrillic", "greek"}
        and in_scripts[next(iter(scripts))] >= _MIN_SEQUENCES
        and any(char_cost(edit.after) == 0 for edit in pairs)
    )


def _word_span(
    text: str, start: int, end: int, edits: dict[int, Edit] | None = None
) -> tuple[int, int]:
    """The word around ``text[start:end]``: its letters, and the ``edits`` inside it that
    read as letters. An edit that reads as a sign or a space (``â\xa0``) is a word of its
    own, and ends the words beside it."""
    edits = edits or {}
    if start in edits and not edits[start].after.isalpha():
        return start, end
    letters = {s: e for s, e in edits.items() if e.after.isalpha()}
    others = {e.end for e in edits.values() if not e.after.isalpha()}
    ends = {edit.end: edit for edit in letters.values()}
    while start > 0 and start not in others:
        if start in ends:
            start = ends[start].start
        elif _plain_letter(text[start - 1]):
            start -= 1
        else:
            break
    while end < len(text) and end not in edits.keys() - letters.keys():
        if end in letters:
            end = letters[end].end
        elif _plain_letter(text[end]):
            end += 1
        else:
            break
    return start, end


def _plain_letter(char: str) -> bool:
    """A letter that is no lowercased lead nor continuation: in lowercased mojibake, ``â`` of
    ``â€\x9d`` and ``œ`` of ``â€œ`` (quotation marks) are no part of the words beside them."""
    return char.isalpha() and char not in _LEADS and char not in _CONTINUATIONS
