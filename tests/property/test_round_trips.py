"""Text damaged by a supported code-page round trip comes back exactly."""

from __future__ import annotations

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
