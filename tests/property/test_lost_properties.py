"""Invariants of lost-byte repairs, on text made of real words.

Words come from wordfreq's lists of the most frequent words, so the texts look like the
languages they claim to be; the damage is the one this rule undoes (C1 bytes dropped after
UTF-8 was read as Latin-1).
"""

from __future__ import annotations

import functools
import re

import wordfreq
from hypothesis import given, settings
from hypothesis import strategies as st

import fixtext
from fixtext.config import Config
from fixtext.model import Edit
from fixtext.rules.lost import find_lost_byte_repairs

CONFIG = Config()
DAMAGED_LANGUAGES = ("en", "fr", "de", "pl", "cs", "ro", "tr", "pt", "es", "ru", "uk", "vi")
# Languages whose words hold ``â`` or ``ã``/``Ã``: clean text in them must stay as it is.
ACCENT_LANGUAGES = ("fr", "pt", "ro", "vi", "tr")
PUNCTUATION = (" ", " ", " ", ", ", ". ", " “", "” ", " – ", "’s ", ": ")


@functools.cache
def words_of(language: str) -> tuple[str, ...]:
    return tuple(
        word for word in wordfreq.top_n_list(language, 1500) if word.isalpha() and len(word) > 1
    )


@functools.cache
def accented_words_of(language: str) -> tuple[str, ...]:
    """Words with ``â`` or ``ã`` among the 30,000 most frequent (Turkish ``hâlâ`` is rarer
    than the few thousand most frequent words)."""
    return tuple(
        word
        for word in wordfreq.top_n_list(language, 30000)
        if word.isalpha() and len(word) > 1 and re.search("[âã]", word)
    )[:300]


@st.composite
def sentences(draw: st.DrawFn, languages: tuple[str, ...]) -> str:
    language = draw(st.sampled_from(languages))
    words = draw(st.lists(st.sampled_from(words_of(language)), min_size=3, max_size=12))
    parts = [words[0].capitalize()]
    for word in words[1:]:
        parts.append(draw(st.sampled_from(PUNCTUATION)))
        parts.append(word)
    return "".join(parts) + "."


@st.composite
def accented_sentences(draw: st.DrawFn) -> str:
    language = draw(st.sampled_from(ACCENT_LANGUAGES))
    plain = st.sampled_from(words_of(language))
    accented = st.sampled_from(accented_words_of(language))
    words = draw(st.lists(st.one_of(plain, accented, accented.map(str.upper)), min_size=2,
                          max_size=10))  # fmt: skip
    words.append(draw(accented))
    return " ".join(draw(st.permutations(words)))


def drop_c1(text: str) -> str:
    return re.sub("[\x80-\x9f]", "", text.encode("utf-8").decode("latin-1"))


def apply(text: str, edits: list[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in edits:
        if edit.confidence >= CONFIG.min_confidence:
            parts.append(text[position : edit.start])
            parts.append(edit.after)
            position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(
                min(previous[column] + 1, current[column - 1] + 1,
                    previous[column - 1] + (char != other))
            )  # fmt: skip
        previous = current
    return previous[-1]


@settings(max_examples=60, deadline=None)
@given(sentences(DAMAGED_LANGUAGES))
def test_repairs_never_make_dropped_c1_damage_worse(original: str) -> None:
    """Text whose C1 bytes were dropped is never further from the original after the
    repairs than before (character error rate does not rise)."""
    damaged = drop_c1(original)
    repaired = apply(damaged, find_lost_byte_repairs(damaged, CONFIG))
    assert edit_distance(repaired, original) <= edit_distance(damaged, original)


@settings(max_examples=60, deadline=None)
@given(accented_sentences())
def test_clean_words_with_a_circumflex_or_a_tilde_get_no_edit(text: str) -> None:
    """Clean French, Portuguese, Romanian, Vietnamese and Turkish text with ``â``, ``ã``,
    ``Ã`` gets no applicable edit."""
    edits = find_lost_byte_repairs(text, CONFIG)
    assert [edit for edit in edits if edit.confidence >= CONFIG.min_confidence] == []


ODD_CHARACTERS = "âÃÐÑÅÄàáæ×ÙØ€?� \u00a0¸ª¹¥aé“”字縺繝ｿ\u0301\u094dक"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(ODD_CHARACTERS), max_size=40))
def test_edits_always_fit_the_text(text: str) -> None:
    """On any text, edits are sorted, do not overlap, lie inside the text, and have a
    confidence between 0 and 1."""
    edits = find_lost_byte_repairs(text, CONFIG)
    position = 0
    for edit in edits:
        assert position <= edit.start < edit.end <= len(text)
        assert 0.0 <= edit.confidence <= 1.0
        position = edit.end


def qmark(text: str) -> str:
    """UTF-8 read as Windows-1252, its undefined bytes shown as ``?``."""
    return "".join(
        "?" if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
        for byte in text.encode("utf-8")
    )


def c1_qmarked(text: str) -> str:
    """UTF-8 read as Latin-1, then each C1 control written as ``?``."""
    return re.sub("[\x80-\x9f]", "?", text.encode("utf-8").decode("latin-1"))


def nbsp_lost(text: str) -> str:
    """UTF-8 read as Windows-1252 (undefined bytes as ``?``), then ``A0`` made a space."""
    return qmark(text).replace("\u00a0", " ")


@settings(max_examples=40, deadline=None)
@given(sentences(DAMAGED_LANGUAGES))
def test_repairs_never_make_undefined_byte_damage_worse(original: str) -> None:
    """Text whose undefined bytes (or, read as Latin-1, whose C1 bytes) became ``?``, or
    whose ``A0`` bytes became spaces, is never further from the original after the whole
    pipeline than before."""
    for damaged in (qmark(original), c1_qmarked(original), nbsp_lost(original)):
        assert edit_distance(fixtext.clean(damaged), original) <= edit_distance(damaged, original)


SPACED_PUNCTUATION = (" … ", " ‰ ", " • ", " € ")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(words_of("fr")), min_size=2, max_size=8),
    st.sampled_from(SPACED_PUNCTUATION),
)
def test_accented_letter_before_spaced_punctuation_stays(words: list[str], mark: str) -> None:
    """``café … ok`` looks like a lead byte, a space for ``A0`` and a continuation byte;
    in clean French it stays as written."""
    text = " ".join(words[:-1]) + " café" + mark + words[-1]
    edits = find_lost_byte_repairs(text, CONFIG)
    assert [edit for edit in edits if edit.confidence >= CONFIG.min_confidence] == []
