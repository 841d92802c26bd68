"""Which punctuation a lone ``â`` stood for.

``“ ” ‘ ’ – —`` are ``E2 80 xx`` with ``xx`` in ``93``–``9D``: once a Latin-1 reader and a
C1 filter have dropped ``80 xx``, only ``â`` is left and the bytes cannot tell them apart.
Its neighbours can: ``âWe`` opens a quotation, ``yesâ`` closes one, ``donât`` is an
apostrophe, ``1990â2000`` an en dash, ``word â word`` a dash. The kind of quotation
marks follows what the rest of the text already uses, then the language's convention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

__all__ = [
    "SPACED_GUILLEMETS",
    "QuoteStyle",
    "choose_punctuation",
    "legacy_quotes",
    "quote_style",
    "spaced_dash",
]

QuoteStyle = Literal["double", "single", "low-double", "low-right", "right-double"]

# Each language's usual quotation marks: „…“ (German), „…” (Polish), ”…” (Swedish), ‘…’.
_STYLE_OF_LANGUAGE: dict[str, QuoteStyle] = {
    "de": "low-double", "cs": "low-double", "sk": "low-double", "sl": "low-double",
    "lt": "low-double", "hr": "low-double", "sh": "low-double", "is": "low-double",
    "pl": "low-right", "hu": "low-right", "ro": "low-right", "bg": "low-double",
    "sr": "low-double", "mk": "low-double", "et": "low-double",
    # Russian and Ukrainian quote with «…», and inside those, or where « » are not at
    # hand, with „…“: the marks of three bytes these texts hold.
    "ru": "low-double", "uk": "low-double", "be": "low-double",
    "sv": "right-double", "fi": "right-double", "nl": "single",
}  # fmt: skip
# The quotation marks each language's translations of software set, where any character
# of Windows-1252 may be one: guillemets pointing out (French, Spanish, Italian, Catalan,
# Galician, Norwegian), pointing in (German, Slovenian), ``”…”`` (Swedish, Finnish),
# ``„…“``, ``„…”``, Dutch ``‘…’`` and Danish ``“…”`` (which sets ``»…«`` less often).
_LEGACY_QUOTES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("fr", "es", "it", "ca", "gl", "nb", "nn", "no"), ("«", "»")),
    **dict.fromkeys(("de", "sl"), ("»", "«")),
    **dict.fromkeys(("sv", "fi"), ("”", "”")),
    **dict.fromkeys(("cs", "sk", "hr", "sh", "et", "lt", "is"), ("„", "“")),
    **dict.fromkeys(("hu", "pl", "ro"), ("„", "”")),
    "nl": ("‘", "’"),
    "da": ("“", "”"),
}
# The languages that set a no-break space inside guillemets and before ``: ; ! ?``.
SPACED_GUILLEMETS = frozenset({"fr"})
_OPENING = {"double": "“", "single": "‘", "low-double": "„", "low-right": "„", "right-double": "”"}
_CLOSING = {"double": "”", "single": "’", "low-double": "“", "low-right": "”", "right-double": "”"}
_OPENERS = frozenset("([{<«/\"'-")


def quote_style(text: str, language: str | None, rivals: Sequence[str | None] = ()) -> QuoteStyle:
    """The quotation marks the text uses, or its language's convention when it uses none.
    A convention is followed only when the ``rivals`` of the language (those that fit the
    text nearly as well) share it: otherwise the language is a guess, and ``“…”`` the
    likeliest marks.

    >>> quote_style("She said ‘no’ and left.", "en")
    'single'
    >>> quote_style("Er sagte âneinâ.", "de")
    'low-double'
    >>> quote_style("Ez dago â%sâ bezalako gakorik", "sh", ["sh", "ms"])
    'double'
    """
    low = text.count("„")
    double = text.count("“") + text.count("”")
    single = text.count("‘") + _count_closing_single(text)
    if low:
        return "low-right" if text.count("”") > text.count("“") else "low-double"
    if double or single:
        return "single" if single > double else "double"
    style = _STYLE_OF_LANGUAGE.get(language or "", "double")
    if any(_STYLE_OF_LANGUAGE.get(rival or "", "double") != style for rival in rivals):
        style = "double"
    if style == "double" and _straight_single_quotations(text):
        # ``section [%2d] '%s'`` beside ``â%sâ``: where the writer typed straight quotes,
        # single ones, the curly quotes the bytes lost were single too.
        return "single"
    return style


_STRAIGHT_SINGLE = re.compile("(?<![\\w'=])'[^'\\s][^'\\n]{0,40}?'(?![\\w'])")
_STRAIGHT_DOUBLE = re.compile('"[^"\\n]{1,40}"')


def _straight_single_quotations(text: str) -> bool:
    """Whether the text quotes with straight single quotes more than with double ones."""
    if "'" not in text:
        return False
    single = len(_STRAIGHT_SINGLE.findall(text))
    return single > len(_STRAIGHT_DOUBLE.findall(text))


# Languages whose texts set a dash between spaces as ``–``; the others (and texts of no
# clear language) mostly as ``—``.
_EN_DASH_LANGUAGES = frozenset({"de", "cs", "hu", "fi", "lt", "nb", "sl"})


def spaced_dash(text: str, language: str | None, rivals: Sequence[str | None] = ()) -> str:
    """The dash a text sets between spaces: the one it already uses, else its language's.

    >>> spaced_dash("Name âº value", "de"), spaced_dash("nome â «%s»", "it")
    ('–', '—')
    """
    en, em = text.count(" – "), text.count(" — ")
    if en or em:
        return "–" if en > em else "—"
    if language in _EN_DASH_LANGUAGES and all(r in _EN_DASH_LANGUAGES for r in rivals):
        return "–"
    return "—"


def _count_closing_single(text: str) -> int:
    """``’`` that closes a quotation, not the apostrophe of ``don’t``."""
    count = 0
    for index, char in enumerate(text):
        if char == "’":
            after = text[index + 1] if index + 1 < len(text) else " "
            if not after.isalpha():
                count += 1
    return count


def legacy_quotes(text: str, language: str | None) -> tuple[str, str]:
    """The quotation marks that a Windows-1252 text lost (each byte beyond ASCII read as
    ``�``): its language's, unless the text types straight single quotes (then ``‘…’``).

    >>> legacy_quotes("Fichier �%s� introuvable", "fr")
    ('«', '»')
    >>> legacy_quotes("Cannot open �%s�", "en")
    ('“', '”')
    """
    if _straight_single_quotations(text):
        return "‘", "’"
    return _LEGACY_QUOTES.get(language or "", ("“", "”"))


def choose_punctuation(text: str, start: int, end: int, style: QuoteStyle, dash: str = "—") -> str:
    """The punctuation a lone ``â`` at ``text[start:end]`` most likely stood for.

    >>> choose_punctuation("donât", 3, 4, "double")
    '’'
    >>> choose_punctuation("said: âWe", 6, 7, "double")
    '“'
    >>> choose_punctuation("1990â2000", 4, 5, "double")
    '–'
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if text[start] == "\ufffd":
        # ``“%s�``: of the quotation marks, only ``”`` (E2 80 9D) has a byte Windows-1252
        # leaves undefined.
        return "”"
    if before.isdigit() and after.isdigit():
        return "–"
    if before.isspace() and after.isspace():
        return dash
    if before.isalpha() and after.isalpha() and _joins_letters(text, start, end):
        # ``برÙØ§ÙÙâØ§Û``: between Arabic or Indic letters it is the zero-width non-joiner
        # (E2 80 8C) of ``برنامه‌ای``, not an apostrophe.
        return "\u200c"
    if before.isalnum() and after.isalpha():
        return "’"
    if before in _OPENERS and not before.isspace() and (after.isspace() or after in ";,.:!?)]}"):
        return _CLOSING[style]  # ``“</â;``: a quotation of a lone ``</`` ends here
    if before.isspace() or before in _OPENERS:
        return _OPENING[style]
    return _CLOSING[style]


def _joins_letters(text: str, start: int, end: int) -> bool:
    """Whether the letters around ``text[start:end]`` are of a script that joins words with
    the zero-width non-joiner. A neighbour may itself be damaged (``Ù`` of ``ÙÙâØ§``, a
    lead byte whose continuation was lost): the nearest intact letter before it decides."""
    index = start - 1
    while index >= 0 and _is_lead_or_continuation(text[index]):
        if text[index] in _JOINING_LEADS:
            return True  # ``Ù``: the lead byte of an Arabic letter that lost its second byte
        index -= 1
    if index < 0 or not text[index].isalpha():
        return False
    char = text[index]
    return not (char.isascii() or _is_european(char))


# Lead bytes, read as Latin-1, of the Arabic (D8–DB) and Indic (E0) letters.
_JOINING_LEADS = frozenset("ØÙÚÛà")


def _is_lead_or_continuation(char: str) -> bool:
    return "\u0080" <= char <= "\u00ff" or char in "ƒ†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ€‚„…"


def _is_european(char: str) -> bool:
    """Latin, Greek or Cyrillic: scripts whose words take an apostrophe."""
    return char <= "\u052f" or "\u1e00" <= char <= "\u1fff"
