"""Clean text comes back identical, code point for code point."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from strategies import CJK_LANGUAGES, LATIN_LANGUAGES, real_texts

from fixtext import clean, repair


@given(real_texts())
@example("SÃO PAULO, pâte, “quoted”, hâlâ, în, Ðorri, NESTLÉ®, ¿Qué?")
@example("Ｆｕｌｌ－ｗｉｄｔｈ ﬁnance ﬂow")
def test_real_text_is_unchanged(text: str) -> None:
    """Text made of real words in any of ~27 languages, with punctuation, curly quotes,
    digits, NBSP and emoji, comes back unchanged."""
    assert clean(text) == text


@given(real_texts())
def test_real_text_reports_no_change(text: str) -> None:
    """repair reports no change on text made of real words."""
    assert repair(text).changes == ()


@given(real_texts(LATIN_LANGUAGES))
def test_decomposed_text_is_unchanged(text: str) -> None:
    """NFD text stays NFD: normalising is not repairing."""
    decomposed = unicodedata.normalize("NFD", text)
    assert clean(decomposed) == decomposed


@given(real_texts(CJK_LANGUAGES + LATIN_LANGUAGES[:3]))
def test_cjk_beside_latin_is_unchanged(text: str) -> None:
    """Japanese, Chinese and Korean mixed with Latin-script text come back unchanged."""
    assert clean(text) == text
