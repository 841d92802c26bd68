"""Emoji whose variation selector lost its last byte: ``☺ï¸`` for ``☺️``.

Many emoji are a symbol followed by the variation selector U+FE0F, ``EF B8 8F`` in UTF-8.
Read as Windows-1252, ``8F`` is undefined: a decoder drops it, or shows it as ``�`` or
``?``, and ``❤️`` arrives as ``â¤ï¸``, ``â�¤ï¸�`` (``9D`` of ``E2 9D A4`` is undefined
too) or, where the ``A0`` of ``⚠`` (``E2 9A A0``) became a space, ``âš ï¸``. The lossless
rules decode what is whole (``â˜º`` is ``☺``); the selector is left over, and the symbol
when it lost a byte as well.

The selector only ever follows a symbol that has an emoji form, so ``ï¸`` right after one
is the selector; and where the symbol before it lost a byte, the one emoji among the
characters its bytes allow is the symbol (``⍤ ⏤ ␤ ❤`` fit ``â�¤``: ``❤``). A keycap
(``1️⃣``, ``31 EF B8 8F E2 83 A3``) has a digit, ``#`` or ``*`` before the selector.
"""

from __future__ import annotations

import re
import unicodedata

from fixtext.model import Edit
from fixtext.rules.lost_utf8 import CP1252_SIGNS, find_byte_units

__all__ = ["EMOJI_SYMBOLS", "find_emoji_repairs"]

# ``EF B8`` read as Windows-1252, then the selector's ``8F`` dropped, or shown as ``�`` or
# ``?``; a keycap's ``E2 83 A3`` after it, read the same way or already decoded.
# (Not before a continuation byte: ``ï¸\x8f``, whole, is the lossless rules' to decode.)
_SELECTOR_RE = re.compile(
    f"\u00ef\u00b8(?:[\ufffd?]|(?![\u0080-\u00bf{''.join(sorted(CP1252_SIGNS))}]))"
    "(?P<keycap>\u00e2\u0192\u00a3|\u20e3)?"
)
_SELECTOR = "\ufe0f"
_KEYCAP = "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")

# The symbols below U+10000 that have an emoji form (Unicode's ``Emoji`` property, ASCII
# aside): those a variation selector may follow.
EMOJI_SYMBOLS = frozenset(
    "©®‼⁉™ℹ↔↕↖↗↘↙↩↪⌚⌛⌨⏏⏩⏪⏫⏬⏭⏮⏯⏰⏱⏲⏳⏸⏹⏺Ⓜ▪▫▶◀◻◼◽◾"
    "☀☁☂☃☄☎☑☔☕☘☝☠☢☣☦☪☮☯☸☹☺♀♂♈♉♊♋♌♍♎♏♐♑♒♓♟♠♣♥♦♨♻♾♿"
    "⚒⚓⚔⚕⚖⚗⚙⚛⚜⚠⚡⚧⚪⚫⚰⚱⚽⚾⛄⛅⛈⛎⛏⛑⛓⛔⛩⛪⛰⛱⛲⛳⛴⛵⛷⛸⛹⛺⛽"
    "✂✅✈✉✊✋✌✍✏✒✔✖✝✡✨✳✴❄❇❌❎❓❔❕❗❣❤➕➖➗➡➰➿⤴⤵⬅⬆⬇⬛⬜⭐⭕〰〽㊗㊙"
)
# Leads of the symbols' UTF-8 read as Windows-1252: ``Â`` (C2: ``©`` ``®``), ``â`` (E2),
# ``ã`` (E3: ``〰`` ``㊗``), ``ð`` (F0: emoji beyond U+FFFF).
_LEADS = "\u00c2\u00e2\u00e3\u00f0"
# Characters of a symbol's bytes, at most, before the selector (``ðŸ–¥`` is four).
_LONGEST_SYMBOL = 4
# A selector after a symbol is all but certain; a symbol chosen as the one emoji its
# bytes allow is a guess.
_AFTER_SYMBOL = 0.95
_GUESSED_SYMBOL = 0.9


def find_emoji_repairs(text: str) -> list[Edit]:
    """Repairs of emoji whose variation selector lost its last byte, sorted.

    >>> [edit.after for edit in find_emoji_repairs("Hi ☺ï¸ there")]
    ['️']
    >>> [edit.after for edit in find_emoji_repairs("I â�¤ï¸� NY")]
    ['❤️']
    """
    if "\u00ef\u00b8" not in text:
        return []
    edits: list[Edit] = []
    taken = 0
    for match in _SELECTOR_RE.finditer(text):
        start = match.start()
        keycap = _KEYCAP if match.group("keycap") else ""
        before = text[start - 1] if start > 0 else ""
        previous, taken = taken, match.end()
        if keycap:
            if before in _KEYCAP_BASES:
                edits.append(Edit(start, match.end(), _SELECTOR + keycap, "lost-c1", _AFTER_SYMBOL))
            continue
        if _is_emoji(before):
            edits.append(Edit(start, match.end(), _SELECTOR, "lost-c1", _AFTER_SYMBOL))
            continue
        symbol = _damaged_symbol(text, start, previous)
        if symbol is not None:
            edits.append(
                Edit(symbol[0], match.end(), symbol[1] + _SELECTOR, "lost-c1", _GUESSED_SYMBOL)
            )
    return edits


def _is_emoji(char: str) -> bool:
    return char in EMOJI_SYMBOLS or (
        "\U0001f000" <= char <= "\U0001faff" and unicodedata.category(char) == "So"
    )


def _damaged_symbol(text: str, end: int, taken: int) -> tuple[int, str] | None:
    """Where the bytes of a symbol ending at ``end`` start, and the symbol: the one emoji
    among the characters they allow. None if there is no such unit, or not one emoji."""
    for start in range(end - 2, max(taken, end - _LONGEST_SYMBOL) - 1, -1):
        if text[start] not in _LEADS:
            continue
        units = find_byte_units(text, [start])
        if not units or units[0].start != start:
            continue
        emoji = {char for char, stop in units[0].candidates if stop == end and _is_emoji(char)}
        if len(emoji) == 1:
            return start, emoji.pop()
        return None
    return None
