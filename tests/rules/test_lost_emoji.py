"""Emoji whose variation selector (EF B8 8F) lost its byte 8F, undefined in Windows-1252."""

from __future__ import annotations

import unicodedata

import pytest

import fixtext
from fixtext.rules.lost_emoji import EMOJI_SYMBOLS, find_emoji_repairs

# Emoji written with the selector, in running text of several scripts.
TEXTS = [
    "I ❤️ NY",
    "✔️ Done",
    "⚠️ Warning: do not unplug",
    "Hi ☺️ there",
    "✌️ peace",
    "Call me ☎️ now",
    "Press 1️⃣ to continue",
    "🖥️ Desktop",
    "I ❤️❤️ you",
    "Ótimo ☀️ dia à praia",
    "Привет ❤️ друзья",
    "素敵 ❤️ です",
]


def _damaged(text: str) -> set[str]:
    """``text`` read as Windows-1252 with the undefined bytes dropped or shown as ``�``,
    each also with its no-break spaces made spaces (``⚠`` is E2 9A A0)."""
    data = text.encode("utf-8")
    readings = {data.decode("cp1252", errors) for errors in ("ignore", "replace")}
    return readings | {reading.replace("\xa0", " ") for reading in readings}


@pytest.mark.parametrize("text", TEXTS)
def test_emoji_with_a_lost_selector_byte_is_repaired(text: str) -> None:
    for damaged in _damaged(text):
        assert fixtext.clean(damaged) == text, damaged


@pytest.mark.parametrize("text", TEXTS)
def test_emoji_read_as_latin_1_stays_a_lossless_repair(text: str) -> None:
    # Latin-1 keeps 8F as a C1 control: nothing is lost, the code page rules decode it.
    damaged = text.encode("utf-8").decode("latin-1")
    assert fixtext.clean(damaged) == text
    assert all(change.rule != "lost-c1" for change in fixtext.repair(damaged).changes)


def test_the_symbol_is_the_one_emoji_its_bytes_allow() -> None:
    # ``â�¤`` is E2, an undefined byte, A4: ``⍤ ⏤ ␤ ❤`` fit, and ``❤`` alone is an emoji.
    (edit,) = find_emoji_repairs("I â�¤ï¸� NY")
    assert (edit.start, edit.end, edit.after) == (2, 8, "❤\ufe0f")
    assert 0.5 < edit.confidence < 1.0


@pytest.mark.parametrize(
    "clean",
    [
        "naïve¸ text",  # no symbol before ``ï¸``
        "Xï¸ marks",  # a letter is no emoji
        "☺️ already whole",
        "Ã¯Â¸ is not this",
    ],
)
def test_no_selector_without_a_symbol_before_it(clean: str) -> None:
    assert find_emoji_repairs(clean) == []


def test_emoji_symbols_are_symbols() -> None:
    # The list is of symbols and punctuation with an emoji form (and ``ℹ``, a letter to
    # Unicode), none of them ASCII.
    assert all(unicodedata.category(char)[0] in "SP" or char == "ℹ" for char in EMOJI_SYMBOLS)
    assert not any(char.isascii() for char in EMOJI_SYMBOLS)
    assert {"❤", "☺", "⚠", "✔", "©", "™"} <= EMOJI_SYMBOLS
