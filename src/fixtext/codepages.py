"""Single-byte code pages that UTF-8 is commonly misread through, built once at import.

Each :class:`CodePage` knows which characters stand for which byte, so that mojibake can be
turned back into the bytes it was made from (``"Ã©"`` → ``b"\\xc3\\xa9"`` → ``"é"``).

Bytes a code page leaves undefined are read, as browsers and Latin-1 do, as the C1 control
character of the same number (cp1252 has no character for 0x81, so ``Ã\\x81`` is ``Á``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CODE_PAGES", "CodePage", "may_hold_sequence"]


@dataclass(frozen=True, slots=True)
class CodePage:
    """A single-byte code page, and the patterns of UTF-8 sequences misread through it."""

    name: str
    codec: str
    to_byte: dict[str, int]
    """Every non-ASCII character of the code page, and its byte."""
    sequence: re.Pattern[str]
    """One UTF-8 multi-byte sequence seen through this code page: a lead character
    (bytes C2–F4) followed by the right number of continuation characters (80–BF)."""
    gate: re.Pattern[str]
    """A lead character followed by a continuation character: a fast test that must pass
    before ``sequence`` can match (a single character class scans much faster)."""
    leads: str
    continuations: str
    letter_pairs: bool

    def encode(self, text: str) -> bytes:
        """The bytes ``text`` stood for; every character must be ASCII or in ``to_byte``."""
        to_byte = self.to_byte
        return bytes(ord(c) if c < "\x80" else to_byte[c] for c in text)


def _character_class(chars: Iterable[str]) -> str:
    members = sorted(set(chars))
    return "[" + "".join(re.escape(c) for c in members) + "]" if members else "(?!)"


def _build(
    name: str,
    codec: str,
    *,
    thai_only: bool = False,
    latin1_controls: bool = False,
    letter_pairs: bool = True,
) -> CodePage:
    """Build the table and patterns of one code page.

    ``thai_only``: only Thai's own three-byte sequences count (see cp874 below).
    ``letter_pairs=False``: where the code page puts lower-case letters at lead bytes and
    letters at continuation bytes too (cp866, KOI8), ordinary words line up as sequences
    (``раб`` in cp866 is E0 A0 A1); only sequences that also hold a capital, a box-drawing
    character or the Cyrillic lead bytes D0/D1 are looked at.
    """
    to_byte: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte) if byte < 0xA0 else ""
        if len(char) == 1 and char >= "\x80" and char not in to_byte:
            to_byte[char] = byte
    if latin1_controls:
        # Latin-1 readers show the 0x80–0x9F bytes as C1 controls: "â\x80\x9c" is “ read
        # as Latin-1. cp1252 and Latin-1 differ only there, so one table serves both.
        for byte in range(0x80, 0xA0):
            to_byte.setdefault(chr(byte), byte)

    def chars(low: int, high: int) -> str:
        return "".join(c for c, b in to_byte.items() if low <= b <= high)

    lead2, lead3, lead4 = chars(0xC2, 0xDF), chars(0xE0, 0xEF), chars(0xF0, 0xF4)
    if thai_only:
        # Of the three-byte sequences, only those of Thai itself (E0 B8–B9 xx).
        lead3, lead4 = chars(0xE0, 0xE0), ""
    conts = chars(0x80, 0xBF)
    cont = _character_class(conts)
    if letter_pairs:
        two = f"{_character_class(lead2)}{cont}"
        three = f"{_character_class(lead3)}{cont}{{2}}"
    else:
        lower = _character_class(c for c in conts if c.islower())
        not_lower = _character_class(c for c in conts if not c.islower())
        not_letter = _character_class(c for c in conts if not c.isalpha())
        lower_leads = "".join(c for c in lead2 if c.islower() and to_byte[c] not in (0xD0, 0xD1))
        other_leads = "".join(c for c in lead2 if c not in lower_leads)
        two = (
            f"{_character_class(other_leads)}{cont}|{_character_class(lower_leads)}{not_letter}"
            if lower_leads
            else f"{_character_class(lead2)}{cont}"
        )
        three = f"{_character_class(lead3)}(?:{not_lower}{cont}|{lower}{not_lower})"
    pattern = re.compile(f"{two}|{three}|{_character_class(lead4)}{cont}{{3}}")
    return CodePage(
        name=name,
        codec=codec,
        to_byte=to_byte,
        sequence=pattern,
        gate=re.compile(_character_class(lead2 + lead3 + lead4) + cont),
        leads=lead2 + lead3 + lead4,
        continuations=conts,
        letter_pairs=letter_pairs,
    )


# Try order: when two code pages give the same repair, the earlier one names it.
CODE_PAGES: tuple[CodePage, ...] = (
    _build("cp1252", "cp1252", latin1_controls=True),
    _build("cp1250", "cp1250"),
    _build("cp1251", "cp1251"),
    _build("cp1253", "cp1253"),
    _build("cp1254", "cp1254"),
    _build("cp1257", "cp1257"),
    _build("iso-8859-2", "iso8859_2"),
    _build("iso-8859-15", "iso8859_15"),
    _build("mac-roman", "mac_roman"),
    _build("cp437", "cp437"),
    _build("cp850", "cp850"),
    _build("cp852", "cp852"),
    _build("cp866", "cp866", letter_pairs=False),
    _build("koi8-r", "koi8_r", letter_pairs=False),
    _build("koi8-u", "koi8_u", letter_pairs=False),
    _build("mac-cyrillic", "mac_cyrillic", letter_pairs=False),
    _build("iso-8859-5", "iso8859_5"),
    _build("iso-8859-7", "iso8859_7"),
    _build("cp1255", "cp1255"),
    _build("cp1256", "cp1256"),
    _build("cp1258", "cp1258"),
    _build("iso-8859-4", "iso8859_4"),
    _build("iso-8859-10", "iso8859_10"),
    _build("iso-8859-13", "iso8859_13"),
    _build("iso-8859-16", "iso8859_16"),
    # Thai letters fill both halves of windows-874: clean Thai lines up as three-byte
    # sequences of other scripts everywhere, so only Thai's own ("เธช" for "ส") count.
    _build("cp874", "cp874", thai_only=True),
)


def _gates(code_pages: Iterable[CodePage]) -> tuple[re.Pattern[str], ...]:
    """Fast scans, one of which matches wherever any code page's ``sequence`` could.

    A lead character of any code page followed by a continuation character of any would
    do, but for cp866 and KOI8, whose continuation bytes are Cyrillic letters, that is every
    other pair of Russian letters; those code pages get a gate of their own that asks for a
    capital, a box-drawing character or a symbol, as their ``sequence`` patterns do.
    (An alternation of the code pages' own patterns would be exact, but scans about a
    hundred times slower than a pair of character classes.)
    """
    pages = list(code_pages)
    lead_a = "".join(p.leads for p in pages if p.letter_pairs)
    cont_a = "".join(p.continuations for p in pages if p.letter_pairs)
    lead_b = "".join(p.leads for p in pages if not p.letter_pairs)
    cont_b = "".join(p.continuations for p in pages if not p.letter_pairs)
    lower_b = "".join(c for c in cont_b if c.islower())
    return (
        re.compile(_character_class(lead_a) + _character_class(cont_a)),
        re.compile(
            _character_class(lead_b + lower_b)
            + _character_class(c for c in cont_b if not c.islower())
        ),
        re.compile(
            _character_class(c for c in lead_b if not c.islower()) + _character_class(cont_b)
        ),
    )


GATES: tuple[re.Pattern[str], ...] = _gates(CODE_PAGES)


def may_hold_sequence(text: str) -> bool:
    """False when no code page's ``sequence`` can match ``text``: most clean text."""
    return any(gate.search(text) for gate in GATES)
