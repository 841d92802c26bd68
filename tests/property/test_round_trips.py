"""Text damaged by a supported code-page round trip comes back exactly."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from strategies import (
    Damaged,
    cjk_damaged_texts,
    damage,
    damaged_texts,
    real_texts,
    sentences,
)

from fixtext import clean


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(damaged_texts())
@example(Damaged("don’t", "donâ€™t", "cp1252"))
@example(Damaged("Локальный", "╨Ы╨╛╨║╨░╨╗╤М╨╜╤Л╨╣", "cp437"))
def test_single_byte_round_trip_is_undone(case: Damaged) -> None:
    """Real text, encoded as UTF-8 and decoded with a single-byte code page (cp1252, latin-1,
    cp1250/1/3/4/5/6/7, iso8859-2/5/7/15, mac_roman, mac_cyrillic, cp437/850/852/866,
    koi8_r/u) where every byte has a character, or twice with cp1252, is restored exactly.

    The text needs two non-ASCII letters: one lone letter of a foreign script among ASCII
    words (``the Ùˆ`` for ``the و``) has the very shape of clean text that must stay
    (``5×£35``, ``AHÅ™``); see docs/limits.md."""
    assume(sum(1 for c in case.clean if c.isalpha() and not c.isascii()) >= 2)
    assert clean(case.damaged) == case.clean


@pytest.mark.slow
@settings(max_examples=30, suppress_health_check=[HealthCheck.filter_too_much])
@given(cjk_damaged_texts())
def test_cjk_round_trip_is_undone(case: Damaged) -> None:
    """Real text with at least three non-ASCII letters, encoded as UTF-8 and decoded
    losslessly with shift_jis, euc_jp, gbk, euc_kr or big5, is restored exactly. (Less is no
    evidence: ``«\xa0the\xa0»`` read as GBK is ``芦聽the聽禄``, Russian ``им`` read as EUC-JP
    is ``亳仄``, both also plausible CJK text; see docs/limits.md.)"""
    assume(sum(1 for c in case.clean if c.isalpha() and not c.isascii()) >= 3)
    assert clean(case.damaged) == case.clean


@given(real_texts(), sentences(), real_texts())
def test_partial_damage_is_undone(before: str, middle: str, after: str) -> None:
    """Only one part of a text damaged (UTF-8 read as cp1252), between clean text in any
    script, is restored and the rest left alone. (The part needs two non-ASCII letters, as
    in the single-byte round trip above.)"""
    assume(sum(1 for c in middle if c.isalpha() and not c.isascii()) >= 2)
    damaged_middle = damage(middle, "cp1252")
    if damaged_middle is None or damaged_middle == middle:
        damaged_middle = damage(middle, "latin-1")
    assert damaged_middle is not None
    clean_text = f"{before}\n{middle}\n{after}"
    assert clean(f"{before}\n{damaged_middle}\n{after}") == clean_text


# Languages whose letters beyond ASCII are two bytes of UTF-8 with a lead that lowercasing
# moves (``Ã`` C3 → ``ã`` E3): Latin, Greek and Cyrillic.
_LOWERCASED_LANGUAGES = ("fr", "de", "es", "pt", "cs", "pl", "tr", "ru", "uk", "el")


@given(real_texts(_LOWERCASED_LANGUAGES, max_sentences=2))
@example("crème brûlée")
@example("привет мир")
def test_lowercased_mojibake_is_undone(text: str) -> None:
    """Real text in small letters, read as cp1252 (Latin-1 for the bytes it leaves undefined)
    and then lowercased, comes back exactly: ``crã¨me brã»lã©e`` is ``crème brûlée``.
    The damage must show in each script: two Greek or Cyrillic letters or none (``ð²`` alone
    for ``в`` is also an emoji whose C1 bytes were dropped, F0 9F 92 B2), and two Latin
    letters beyond ASCII in words holding ASCII ones (``ä\x8d ä\x8d`` for ``č č`` has the
    shape of CJK text whose C1 bytes were dropped, ``ã¤ã³`` for ``イン``). Bytes 8A 8C 8E,
    ``Š Œ Ž``, lowercase to 9A 9C 9E: ``「`` E3 80 8C becomes ``〜`` E3 80 9C, and nothing
    tells which it was; texts with such characters are left out."""
    text = text.lower()
    assume(not any(byte in (0x8A, 0x8C, 0x8E) for byte in text.encode("utf-8")))
    assume(_shows_lowercasing(text))
    damaged = _read_as_cp1252(text).lower()
    assume(damaged != text and not any(c.isupper() for c in damaged))
    assume(sum(1 for c in text if c.isalpha() and not c.isascii()) >= 2)
    assert clean(damaged) == text


def _shows_lowercasing(text: str) -> bool:
    for script in ("[\u0370-\u03ff]", "[\u0400-\u04ff]"):
        if len(re.findall(script, text)) == 1:
            return False
    latin = re.compile("[^\\W\\d_a-z\u0370-\u04ff]")
    beside_ascii = sum(
        len(latin.findall(word)) for word in re.findall("\\w+", text) if re.search("[a-z]", word)
    )
    return not latin.search(text) or beside_ascii >= 2


def _read_as_cp1252(text: str) -> str:
    """UTF-8 read as cp1252, the five bytes it leaves undefined read as Latin-1 (C1)."""
    return "".join(_CP1252_OR_LATIN1[byte] for byte in text.encode("utf-8"))


_CP1252_OR_LATIN1 = [
    bytes([byte]).decode("cp1252", errors="replace").replace("\ufffd", chr(byte))
    for byte in range(256)
]


@given(real_texts(("ru", "uk", "bg"), max_sentences=2))
@example("Акция «Приведи друга» за клиента")
@example("Если Вы не являетесь адресатом")
@example("В на на?")
def test_two_layers_of_cp1251_with_spaces_for_no_break_spaces_are_undone(text: str) -> None:
    """Cyrillic read as Windows-1251 twice puts the byte A0 after nearly every letter of the
    first layer (``Р`` is D0 A0: ``Р С’Р С”`` for ``Ак``); a page or an editor that then made
    each no-break space a space leaves text that is still repaired exactly, where the two
    round trips lost no byte and the text held no no-break space of its own. The shape must
    show twice: two letters of ``А``–``п`` (D0 in UTF-8) before another Cyrillic letter. Text
    that is itself UTF-8 read through Windows-1251 is left out: ``в”…`` is ``┅`` (E2 94 85),
    and then nothing tells how many layers there were."""
    assume("\u00a0" not in text)
    assume(not any(_reads_through_cp1251(run) for run in re.findall("[^\x00-\x7f]+", text)))
    assume(len(re.findall("[\u0400-\u043f](?=[\u0400-\u04ff])", text)) >= 2)
    once = damage(text, "cp1251")
    twice = None if once is None else damage(once, "cp1251")
    assume(twice is not None and "\u00a0" in twice)
    assert twice is not None
    assert clean(twice.replace("\u00a0", " ")) == text


def _reads_through_cp1251(run: str) -> bool:
    try:
        return bool(run.encode("cp1251").decode("utf-8"))
    except UnicodeError:
        return False


@given(real_texts(("fr", "de", "es", "pt", "cs", "pl", "tr", "vi"), max_sentences=2))
@example("DON’T STOP “NOW”")
def test_uppercased_mojibake_is_undone(text: str) -> None:
    """Real text in capitals, read as cp1252 (Latin-1 for the bytes it leaves undefined) and
    then uppercased, comes back as the same mojibake not uppercased does, where the
    uppercasing changed it: ``â€™`` is ``Â€™``, ``á»‡`` ``Á»‡``, ``ðŸ˜€`` ``ÐŸ˜€``. (A short
    word in capitals may be too little to repair either way: ``CÃ“`` alone is left.) Bytes
    9A 9C 9E, ``š œ ž``, uppercase to 8A 8C 8E, and ``Á»Ž`` is as much ``Ỏ`` (E1 BB 8E) as
    ``Ở`` (E1 BB 9E): texts with such bytes are left out, but for ``“`` (E2 80 9C, where
    E2 80 8C is an invisible joiner)."""
    text = text.upper()
    data = text.replace("“", "").encode("utf-8")
    assume(not any(byte in (0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E) for byte in data))
    damaged = _read_as_cp1252(text).upper()
    assume(damaged != _read_as_cp1252(text))
    assume(clean(_read_as_cp1252(text)) == text)
    assert clean(damaged) == text
