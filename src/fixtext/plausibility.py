"""How plausible a piece of text is as something a person wrote: the judge of repairs.

A repair is kept only when it makes the text around it more plausible. Mojibake has tell-tale
shapes that real text of any language avoids, and each costs something here:

* characters that almost never occur in text: C1 controls (``â\\x80\\x9c``), unassigned and
  private-use code points, IPA and rare historic letters (``NESTLÉ®`` through cp1252 would be
  ``NESTLɮ``), box drawing beside letters (``╨Ы╨╛`` for ``Ло``);
* letters of two scripts touching inside a word (``Ãœ`` beside Latin, ``Ÿ`` inside Cyrillic);
* a lower-case letter followed by a capital of a non-ASCII script (``РїСЂРёРІРµС‚``, ``тАЩ``);
* a letter glued to an odd symbol (``Ã©``, ``â€™``, ``Ä‡``).

Costs are small whole numbers so that a decision can be explained; they are compared, never
read as probabilities.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from fixtext.data.char_costs import ALPHABETS, CHAR_COSTS

__all__ = [
    "LEADERS",
    "after_copyright",
    "char_cost",
    "damage",
    "dominant_script",
    "drawn_with_lines",
    "language_fit",
    "line_art",
    "rare_letters_only",
    "scripts_of",
    "text_cost",
]

# Script of a letter, by block. Only the distinction between scripts matters here.
_BLOCKS: tuple[tuple[int, str], ...] = (
    (0x0000, "latin"),
    (0x0250, "ipa"),
    (0x02B0, "modifier"),
    (0x0300, "mark"),
    (0x0370, "greek"),
    (0x0400, "cyrillic"),
    (0x0530, "armenian"),
    (0x0590, "hebrew"),
    (0x0600, "arabic"),
    (0x0700, "rare"),
    (0x0900, "indic"),
    (0x0E00, "thai"),
    (0x0E80, "lao"),
    (0x0F00, "tibetan"),
    (0x1000, "myanmar"),
    (0x10A0, "georgian"),
    (0x1100, "hangul"),
    (0x1200, "ethiopic"),
    (0x13A0, "rare"),
    (0x1780, "khmer"),
    (0x1800, "rare"),
    (0x1AB0, "mark"),
    (0x1B00, "rare"),
    (0x1C80, "cyrillic"),
    (0x1C90, "georgian"),
    (0x1CC0, "rare"),
    (0x1D00, "ipa"),
    (0x1DC0, "mark"),
    (0x1E00, "latin"),
    (0x1F00, "greek"),
    (0x2000, "common"),
    (0x2C00, "rare"),
    (0x2C60, "latin"),
    (0x2C80, "rare"),
    (0x2D00, "georgian"),
    (0x2D30, "rare"),
    (0x2DE0, "cyrillic"),
    (0x2E00, "common"),
    (0x2E80, "cjk"),
    (0xA000, "rare"),
    (0xA640, "cyrillic"),
    (0xA6A0, "rare"),
    (0xA720, "latin"),
    (0xA800, "rare"),
    (0xAC00, "hangul"),
    (0xD7B0, "rare"),
    (0xF900, "cjk"),
    (0xFB00, "latin"),  # the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
    (0xFB07, "common"),
    (0xFB1D, "hebrew"),
    (0xFB50, "arabic"),
    (0xFE00, "common"),
    (0xFE70, "arabic"),
    (0xFF00, "cjk"),
    (0xFFF0, "common"),
    (0x10000, "rare"),
    (0x1F000, "emoji"),
    (0x20000, "cjk"),
    (0x30000, "rare"),
)
_BLOCK_STARTS = [start for start, _ in _BLOCKS]

# Punctuation that real text glues to letters (``don’t``, ``“quoted”``, ``word…``).
_GLUE_PUNCTUATION = frozenset(
    "‘’‚“”„…–—«»¡¿·‹›′″\u00a0\u2009\u202f"
    # Zero-width (non-)joiners live inside words (Persian ``ط\u200c``). The soft hyphen
    # does too, but it is also the second byte of ``ŭ`` (``aÅ\xad``): it keeps its cost.
    "\u200b\u200c\u200d\u2060"
)
# Symbols real text uses, though not glued to a letter: as the debris of mojibake they
# usually are (``â€™``, ``Ã©``, ``Â°``).
# (With the currency signs in use: ``₹`` is as everyday in Indian text as ``€`` in European.)
_COMMON_SYMBOLS = frozenset("§©®°±×÷€£¥¢•™†‡№²³¹½¼¾µ¶₩₪₫₭₮₱₲₴₵₸₹₺₼₽₾₿₦")
# Latin Extended-B is rare but for Vietnamese ơ ư, pinyin ǎ … ǜ, Romanian ș ț and a few more.
_COMMON_IN_LATIN_EXT_B = frozenset(
    [0x01A0, 0x01A1, 0x01AF, 0x01B0, *range(0x01CD, 0x01DD), *range(0x0218, 0x021C)]
)
_RARE_IN_LATIN_EXT_B = frozenset(range(0x0180, 0x0250)) - _COMMON_IN_LATIN_EXT_B
# Letters of the IPA and Latin Extended-B blocks that living orthographies write every day,
# though no word list here covers them: Azerbaijani ``ə Ə``, the open ``ɛ ɔ`` of Akan, Ewe,
# Lingala and Bambara. Rare, not unheard of.
_WRITTEN_PHONETIC = frozenset("əƏɛƐɔƆ")

_NFD_ACCENTS = frozenset(
    [*range(0x0300, 0x030D), 0x030F, 0x0311, 0x031B, 0x0323, 0x0326, 0x0327, 0x0328]
)
# Marks that style text rather than spell it, put on any character: lines over, under and
# through (``$̶6̶3̶``, a price struck out).
_STYLE_MARKS = frozenset([0x0305, 0x0332, 0x0333, *range(0x0334, 0x0339), 0x033F])

# Cost of each kind of character.
_FREE = 0
_ODD_SYMBOL = 1
_BOX = 0  # box drawing is fine in tables; glued to letters, the seams cost
_RARE = 3
_CONTROL = 5
_UNASSIGNED = 6

# Letters of scripts the word lists cover are rare when unseen there; scripts they do not
# cover (Thai, Georgian, most Indic) get a neutral cost.
_COVERED_SCRIPTS = frozenset({"latin", "greek", "cyrillic", "hebrew", "arabic"})


def _letter_cost(char: str, script: str) -> int:
    """0 for letters of everyday text, 1 for rare ones, 2 for letters never seen in it."""
    rarity = CHAR_COSTS.get(char)
    if script in ("cjk", "hangul"):
        # Thousands of ideographs share one language's letters: being in its word list at
        # all is what counts (丂 and 縺 are not; 仓 and 库 are).
        return 1 if rarity is None else 0
    if rarity is None:
        # Latin-1 and Latin Extended-A letters all belong to some living language
        # (Esperanto's ĉ ĝ ŝ are unseen in the word lists); beyond them, unseen is rare.
        if "\u00c0" <= char <= "\u017f":
            return 1
        return 2 if script in _COVERED_SCRIPTS else 0
    return 1 if rarity >= 7 else 0


# Kinds of character, for the seams between neighbours.
LETTER = "letter"
MARK = "mark"
PUNCT = "punct"
SYMBOL = "symbol"
BOX = "box"
OTHER = "other"

Info = tuple[str, str, str, int]  # (kind, script, case, cost)


@lru_cache(maxsize=65536)
def _describe(char: str) -> Info:
    """(kind, script, case, cost) of one non-ASCII character. Case is "u", "l" or ""."""
    code = ord(char)
    category = unicodedata.category(char)
    script = _BLOCKS[bisect_right(_BLOCK_STARTS, code) - 1][1]
    # (``ß`` has no capital in everyday writing: ``STRAßE`` is how capitals write it.)
    case = "u" if category == "Lu" else "l" if category == "Ll" and char != "ß" else ""
    if category in ("Cn", "Co", "Cs"):
        return (OTHER, "", "", _UNASSIGNED)
    if category == "Cc":
        return (OTHER, "", "", _CONTROL if 0x80 <= code <= 0x9F else _FREE)
    if category.startswith("L"):
        if script == "modifier":
            return (SYMBOL, "", "", _ODD_SYMBOL)
        if char in _WRITTEN_PHONETIC:
            return (LETTER, "latin", case, _ODD_SYMBOL)
        if script in ("ipa", "rare") or code in _RARE_IN_LATIN_EXT_B:
            return (LETTER, script, case, _RARE)
        return (LETTER, script, case, _letter_cost(char, script))
    if category.startswith("M"):
        # The accents of decomposed (NFD) European text are common; other combining marks
        # are not (``Ã©`` through Mac Roman is U+0329, a vertical line below).
        common = (
            code in _NFD_ACCENTS
            or code in _STYLE_MARKS
            or script not in ("mark", "rare", "latin", "ipa")
        )
        return (MARK, script, "", _FREE if common else _RARE)
    if char in _GLUE_PUNCTUATION or category == "Zs":
        return (PUNCT, "", "", _FREE)
    if category == "Nd":
        # A digit of another script is as out of place as a letter of it (``рез`` read
        # through cp866 would be ``१``).
        return (LETTER, script, "", _FREE) if script != "common" else (OTHER, "", "", _FREE)
    if 0x2500 <= code <= 0x259F:
        return (BOX, "", "", _BOX)
    if script == "rare":
        return (SYMBOL, "", "", _RARE)
    if char in _COMMON_SYMBOLS or 0x2190 <= code <= 0x27BF or 0x1F000 <= code <= 0x1FAFF:
        # Arrows, mathematical and technical signs, shapes, dingbats, emoji (``✔ ♫ 😀``): fine
        # on their own; glued to a letter, the seam costs.
        return (SYMBOL, "", "", _FREE)
    if category.startswith(("S", "N")) or category in ("Cf", "Zl", "Zp"):
        # (Format characters, and the line and paragraph separators U+2028 and U+2029,
        # which text exchanged as such hardly holds: ``â\x80Š`` is ``…`` through
        # ISO-8859-16, not ``\u2029`` through ISO-8859-2.)
        return (SYMBOL, "", "", _ODD_SYMBOL)
    if script not in _SCRIPTS_WITHOUT_LETTERS and category.startswith(("P", "N")):
        # Punctuation and digits of a script are as out of place as its letters
        # (Armenian ``՝``, Devanagari ``।`` inside Cyrillic or Arabic text).
        return (LETTER, script, "", _FREE)
    if category.startswith("P"):
        return (SYMBOL, "", "", _ODD_SYMBOL if code < 0x100 else _FREE)
    return (PUNCT, "", "", _FREE)


_ASCII_LOWER: Info = (LETTER, "latin", "l", 0)
_ASCII_UPPER: Info = (LETTER, "latin", "u", 0)
_ASCII_OTHER: Info = (OTHER, "", "", 0)


def _info(char: str) -> Info:
    if char < "\x80":
        if char.isalpha():
            return _ASCII_UPPER if char.isupper() else _ASCII_LOWER
        return _ASCII_OTHER
    return _describe(char)


def language_fit(letters: Iterable[str]) -> float:
    """How well ``letters`` fit the alphabet of one language: the best, over the languages
    of the word lists, of the summed ``-log10`` shares of the non-ASCII letters (7 for a
    letter the language does not use). Lower is better.

    Two code pages often explain the same mojibake equally well and differ in a letter or
    two (``ĂĄ`` is ``á`` through ISO-8859-2, ``å`` through cp1250): the letters the rest of
    the repair produces tell which language, and so which code page, it was.

    >>> language_fit("ñá") < language_fit("ùå")
    True
    """
    wanted = _non_ascii_letters(letters)
    if not wanted:
        return 0.0
    return min(_fit(wanted, alphabet) for alphabet in ALPHABETS.values())


_UNUSED_LETTER = 7.0


def _non_ascii_letters(letters: Iterable[str]) -> Counter[str]:
    return Counter(c.lower() for c in letters if c >= "\x80" and c.isalpha())


def _fit(wanted: Counter[str], alphabet: dict[str, float]) -> float:
    return sum(alphabet.get(char, _UNUSED_LETTER) * count for char, count in wanted.items())


def alphabet_fit(letters: Iterable[str], code: str) -> float:
    """How well ``letters`` fit the alphabet of the language ``code``, measured as
    :func:`language_fit` does (a language without a table fits nothing: 0.0 for every
    letter set, which leaves the choice to other measures).

    >>> alphabet_fit("å", "nb") < alphabet_fit("á", "nb")
    True
    """
    alphabet = ALPHABETS.get(code)
    return 0.0 if alphabet is None else _fit(_non_ascii_letters(letters), alphabet)


def damage(text: str) -> int:
    """The part of :func:`text_cost` that is not the rarity of letters: seams between
    scripts, controls, box drawing, symbols glued to letters. Rare letters are real text
    (Greek ``ό``, Serbian ``ћ``); these shapes are not."""
    letters = sum(info[3] for info in map(_info, text) if info[0] == LETTER)
    return text_cost(text) - letters


def scripts_of(text: str) -> set[str]:
    """The scripts of the letters in ``text`` (ASCII letters are ``latin``)."""
    return {info[1] for info in map(_info, set(text)) if info[0] == LETTER}


def dominant_script(text: str, share: float = 0.8) -> str | None:
    """The script at least ``share`` of the letters of ``text`` are written in, or None
    (no letters, or no script that clearly dominates: ``опис цілі у XML GDB``)."""
    return dominant_of(script_counts(text), share)


def script_counts(text: str) -> dict[str, int]:
    """How many letters of ``text`` each script has."""
    counts: dict[str, int] = {}
    scripts = _LETTER_SCRIPTS
    for char, count in Counter(text).items():
        script = scripts.get(char)
        if script is None:
            if len(scripts) > _LETTER_SCRIPTS_KEPT:
                scripts.clear()
            info = _info(char)
            script = scripts[char] = info[1] if info[0] == LETTER else ""
        if script:
            counts[script] = counts.get(script, 0) + count
    return counts


def dominant_of(counts: dict[str, int], share: float = 0.8) -> str | None:
    """:func:`dominant_script` of letters counted by :func:`script_counts`."""
    counts = {script: count for script, count in counts.items() if count > 0}
    if not counts:
        return None
    script = max(counts, key=counts.__getitem__)
    return script if counts[script] >= share * sum(counts.values()) else None


# The script of each letter met (``""`` for anything else), looked up in a plain dictionary:
# this runs on every text a code page's sequences are found in.
_LETTER_SCRIPTS: dict[str, str] = {}
_LETTER_SCRIPTS_KEPT = 65536


def char_cost(char: str) -> int:
    """The cost of one character on its own."""
    return _info(char)[3]


_SCRIPT_FAMILY = {"hangul": "cjk"}
# Between two letters: double quotes and ``‘`` are not apostrophes, inverted marks open
# sentences (``n¡NOMBRE``); an ellipsis rarely
# joins two letters. (A no-break space may: Polish and Czech glue ``w`` and ``s`` to the
# next word with one.)
_BETWEEN_LETTERS = {**dict.fromkeys("“”„‟«»‹›¡¿", 2), "…": 1, "‘": 1}


def _family(script: str) -> str:
    return _SCRIPT_FAMILY.get(script, script)


_SCRIPTS_WITHOUT_LETTERS = frozenset({"common", "latin", "mark", "modifier"})


def _seam_cost(left: Info, right: Info, ascii_side: bool) -> int:
    left_kind, left_script, left_case, _ = left
    right_kind, right_script, right_case, _ = right
    if left_kind == LETTER:
        if right_kind == LETTER:
            left_family = _SCRIPT_FAMILY.get(left_script, left_script)
            right_family = _SCRIPT_FAMILY.get(right_script, right_script)
            if left_family != right_family:
                # ASCII beside CJK is everyday text ("DNS로", "USB接続"); beside another
                # script (``theВ``) it is odd, if less so than two non-ASCII scripts.
                if ascii_side:
                    return 0 if "cjk" in (left_family, right_family) else 2
                return 3
            return 2 if left_case == "l" and right_case == "u" else 0
        if right_kind == SYMBOL:
            return 1
        return 2 if right_kind == BOX else 0
    if right_kind == MARK:
        return 0 if left_kind == LETTER else 2
    if left_kind == SYMBOL:
        return 1 if right_kind in (LETTER, SYMBOL, BOX) else 0
    if left_kind == BOX:
        # Box drawing meets box drawing and spaces in a table; ``┬½`` is « through cp437.
        return 2 if right_kind == LETTER else 1 if right_kind == SYMBOL else 0
    return 0


@lru_cache(maxsize=8192)
def text_cost(text: str) -> int:
    """The cost of ``text``: its characters, and the seams between neighbours.
    (Remembered: the code pages of a family judge the same spans, in the same context.)

    Seams between two ASCII characters cost nothing: ASCII is the same in every repair.

    >>> text_cost("café") < text_cost("cafÃ©")
    True
    >>> text_cost("привет") < text_cost("РїСЂРёРІРµС‚")
    True
    """
    total = 0
    previous = _ASCII_OTHER
    previous_char = " "
    before_previous = _ASCII_OTHER
    for char in text:
        info = _info(char)
        total += info[3]
        if (
            info[0] in (PUNCT, SYMBOL)
            and char != " "
            and previous[2] == "u"
            and previous_char >= "\x80"
            and before_previous[0] != LETTER
            and (char != "\xa0" or previous[1] != "cyrillic")
            and char not in "’'"
        ):
            # A one-letter capital word glued to punctuation: `` Â« ``, `` Β» ``, ``Ã\xa0``
            # (the lead byte C2 or C3 of « » à read through cp1252 or cp1253). Lower-case
            # one-letter words take a no-break space in Polish, Czech or Russian (``w\xa0``,
            # ``я\xa0``), and so do Russian capitals (``В\xa0этом``).
            total += 2
        if info[0] == MARK:
            # Marks stack on their base letter (Thai ั้, Vietnamese ệ): the seam that
            # matters is between base letters, so a mark leaves ``previous`` alone. A mark
            # of one script on a letter of another (a Hebrew point on a Latin U) is odd.
            if previous[0] not in (LETTER, MARK):
                total += 2
            elif info[1] not in ("mark", "latin", "ipa") and _family(info[1]) != _family(
                previous[1]
            ):
                total += 3
            continue
        if info[0] == LETTER and before_previous[0] == LETTER:
            # A double quote or an ellipsis between two letters (``K”nig``, ``CU…NTENOS``);
            # apostrophes are single quotes.
            total += _BETWEEN_LETTERS.get(previous_char, 0)
        if char >= "\x80" or previous_char >= "\x80":
            total += _seam_cost(previous, info, previous_char < "\x80" or char < "\x80")
        before_previous = previous
        previous = info
        previous_char = char
    return total


# In the General Punctuation block but no mark text is written with: leaders.
LEADERS = frozenset("\u2024\u2025\u2027")


def rare_letters_only(text: str) -> bool:
    """Whether the letters of ``text`` are all rare ones (``ǫ``, ``ƫ``).

    >>> rare_letters_only("ǫ"), rare_letters_only("ǫa"), rare_letters_only("…")
    (True, False, False)
    """
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(_info(char)[3] >= _RARE for char in letters)


# Three horizontal lines in a row, or a line drawn with box drawing alone: a table or a
# frame. No misreading makes them: ``─`` and ``═`` are lead bytes of UTF-8 through cp437
# and cp866 (C4, CD), three leads in a row are no UTF-8, and no language writes ``ÄÄÄ`` or
# ``ÍÍÍ``, nor a line of such letters alone, for a legacy page to have misread.
_LINE_ART = re.compile(
    "[\u2500\u2501\u2550]{3}|^[ \t]*[\u2500-\u257f]{3}[\u2500-\u257f \t]*$", re.MULTILINE
)
_BOX_DRAWING = re.compile("[\u2500-\u257f]")


def line_art(text: str) -> bool:
    """Whether ``text`` draws with box-drawing characters (``┌──┬──┐``): then those beside
    letters are the table's lines (``│ab│cd│``), not damage.

    >>> line_art("┌──┬──┐\\n│ab│cd│"), line_art("w│╣czony"), line_art("K──NN╓S")
    (True, False, False)
    """
    return _LINE_ART.search(text) is not None


def drawn_with_lines(run: str) -> bool:
    """Whether ``run`` holds a box-drawing character."""
    return _BOX_DRAWING.search(run) is not None


def after_copyright(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone right after the word ``Copyright``, where
    the sign ``©`` goes.

    >>> after_copyright("Copyright ┬⌐ 2020", 10, 12), after_copyright("the ┬⌐ 2020", 4, 6)
    (True, False)
    """
    before = text[:start].split()
    return (
        bool(before)
        and before[-1].lower() == "copyright"
        and text[start - 1 : start].isspace()
        and text[end : end + 1] in ("", " ")
    )
