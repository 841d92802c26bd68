"""Repairing twice is the same as repairing once."""

from __future__ import annotations

from hypothesis import example, given
from strategies import Damaged, any_texts, damaged_texts, real_texts

from fixtext import clean


@given(any_texts())
@example("donâ€™t")
@example("Ã¢â‚¬â„¢")
@example("")
@example("A\x86Î®")  # Mac Roman read as Latin-1: ``AÜŒÆ``, which holds no more repairs
@example("A\x83ÎÀ")  # the C1 control kept shows no C1 byte was dropped after ``Î``
def test_clean_is_idempotent_on_any_text(text: str) -> None:
    """clean(clean(text)) == clean(text) for any string."""
    once = clean(text)
    assert clean(once) == once


@given(real_texts())
def test_clean_is_idempotent_on_real_text(text: str) -> None:
    """clean(clean(text)) == clean(text) for text made of real words."""
    once = clean(text)
    assert clean(once) == once


@given(damaged_texts())
def test_clean_is_idempotent_on_mojibake(case: Damaged) -> None:
    """clean(clean(damaged)) == clean(damaged) for real text damaged by a code page."""
    once = clean(case.damaged)
    assert clean(once) == once
