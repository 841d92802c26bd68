"""Legacy text shown through the wrong legacy code page: ``Thιβtre``, ``K\\x94nig``,
``CU╔NTENOS``, ``ÏÂÔØ±¾Êé``.

Not UTF-8 this time: the bytes of one 8-bit or CJK code page (the writer's) were decoded
with another (the reader's). Re-encoding a damaged word with the reader's code page gives the
bytes back; decoding them with the writer's gives the word: ``Thιβtre`` is cp1252 read as
cp1253, ``K\\x94nig`` cp437 read as Latin-1, ``ÏÂÔØ±¾Êé`` GBK read as Latin-1 (下载本书).

Any pair of code pages turns any byte string into *some* text, so the evidence must come from
the text: only words that look damaged (letters of two scripts, a control character or a
box-drawing character inside a word, symbols glued between letters) are candidates, and one
pair of code pages must explain the text's damaged words better than any other.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from fixtext.language import rank_languages, word_zipf
from fixtext.model import Edit
from fixtext.plausibility import (
    damage,
    drawn_with_lines,
    language_fit,
    line_art,
    scripts_of,
    text_cost,
)
from fixtext.rules import same_alphabet
from fixtext.rules.lost_utf8 import (
    CP1252_SIGNS,
    bytes_shaped_like_lost_utf8,
    shaped_like_lost_utf8,
)
from fixtext.rules.same_alphabet import find_same_alphabet_readings
from fixtext.scan import compile_triggers
from fixtext.spans import applied, outside_spans

__all__ = ["find_legacy_repairs"]

# How the text was decoded (the reader), most common first (Windows-1252 before Latin-1,
# which read most bytes alike: it reads ``˜`` too, Persian ``ک``). The mixed reader decoded what
# was valid UTF-8 as UTF-8 and the other bytes as Latin-1: ``Çѱ¹ÀÇÇÐ`` is EUC-KR 한국의학
# where the bytes D1 B1 happened to form ``ѱ``.
_MIXED = "utf-8+latin-1"
_READERS = (
    "cp1252",
    "latin-1",
    "cp1253",
    "cp1251",
    "cp437",
    "cp850",
    "cp866",
    "mac_roman",
    "cp1250",
    "cp1257",
    _MIXED,
)
# What it was written in. CJK code pages come last: they read any Latin-1 run as something.
_WRITERS = (
    "cp1252",
    "cp437",
    "cp850",
    "cp852",
    "cp1250",
    "cp1251",
    "cp866",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "mac_roman",
    "gbk",
    "euc_kr",
    "big5",
    "shift_jis",
)
_CJK_WRITERS = frozenset({"gbk", "euc_kr", "big5", "shift_jis"})
# Readers double-byte text is shown through: Windows and Latin-1, and the DOS code pages of
# ZIP archives (Japanese file names read as cp437 or cp850).
_LATIN_READERS = frozenset({"latin-1", "cp1252", _MIXED, "cp437", "cp850"})
_ASCII_PAIR = re.compile("[A-Za-z]{2}")
_TOKEN = re.compile(r"\S+")
_RIDER = re.compile(r"(?:[^\s!-/:-@\[-`{-~]|\xa0)+")
_DOUBLE_BYTE_TOKEN = re.compile(r"[^\x00-\x3f]+")
_CJK_SCRIPTS = frozenset({"cjk", "hangul"})
_C1 = re.compile("[\x80-\x9f]")
# The shapes of damage this rule needs, one scan before looking at words: a C1 control; box
# drawing against a letter or digit; a Latin letter against Greek or Cyrillic; a symbol of
# the upper half of Latin-1 or cp1252 inside a run of letters and symbols (not ``·``, which
# clean text puts there, Catalan ``col·lecció``, and which no damage measure counts). Each pattern
# starts with its rarest class, which lets the engine skip through the text.
# Accented letters of Latin-1 and of Latin Extended-A (``Ďđčâĺň`` is ``Привет`` in cp1251
# read as cp1250).
_ACCENTED_LETTER = "[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]"
_ACCENTED_RUN = re.compile(_ACCENTED_LETTER + "{3}")
_ASCII_LETTER = re.compile("[A-Za-z]")
_ASCII_CHARS = "".join(map(chr, range(0x80)))
# Punctuation double-byte pages write, and the signs of Latin-1 and cp1252 it shows as.
_CJK_PUNCTUATION = re.compile("[“”‘’、。，：；！？（）《》「」『』【】…—～\u3000\uff01-\uff0f]+")
_LATIN1_SIGNS = re.compile(
    "[\u00a1-\u00bf\u00d7\u00f7\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]+"
)
# (Split by the block of the first letter, which the scan dispatches on.)
_LATIN1_ONLY = "[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]"
_EXTENDED_A = "[\u0100-\u017f]"
TRIGGERS = (
    ("[\x80-\x9f]", ""),
    ("[\u2500-\u259f]", "(?:(?<=[^\\W_].)|(?=[^\\W_]))"),
    ("[\u0370-\u04ff]", "[A-Za-z\u00c0-\u024f]"),
    ("[\u0370-\u04ff]", "(?<=[A-Za-z\u00c0-\u024f].)"),
    (
        "[\u00a1-\u00ac\u00ae-\u00b6\u00b8-\u00bf\u00d7\u00f7\u0192\u02c6\u02dc\u2020-\u2022"
        "\u2030\u2039\u203a\u20ac\u2122]",
        "(?<=[^\\W\\d_].)(?=[^\\s\\d!-@\\[-`{-~])",
    ),
    # A sign of Latin-1's upper half against a Cyrillic letter: cp866 read as cp1251 gives
    # them for ``а``…``п`` (``¬ҐвЄЁ`` is ``метки``; not ``«``, which opens Russian quotes).
    ("[\u00a4\u00a6\u00a7\u00a9\u00ac\u00ae]", "[\u0400-\u04ff]"),
    # Four accented letters in a row: no language writes that, Cyrillic in cp1251 read as
    # cp1252 does all the time (``äèçàéí`` is ``дизайн``).
    (_LATIN1_ONLY, _ACCENTED_LETTER + "{3}"),
    (_EXTENDED_A, _ACCENTED_LETTER + "{3}"),
    *same_alphabet.TRIGGERS,
)
DAMAGE_SIGNS = compile_triggers(TRIGGERS)
_SWAP_SIGNS = compile_triggers(same_alphabet.TRIGGERS)
_BOX_INSIDE = re.compile("(?<=[^\\W\\d_])[\u2500-\u259f]+(?=[^\\W\\d_])")
_LETTERS = re.compile("[^\\W\\d_]+")
# Signs no word holds between two letters; not ``·`` (Catalan ``col·lecció``) nor ``´``
# (``dell´anno``), which clean text does put there.
_SIGN_INSIDE = re.compile("(?<=[^\\W\\d_])[¢£¤¥¦§¨©¬®¯°±²³¹¼½¾](?=[^\\W\\d_])")
_EDGES = re.compile(r"^[^\w\x80-\x9f]+|[^\w\x80-\x9f]+$")
# What a repair never produces: box drawing and control characters.
_NEVER_AFTER = re.compile("[\x80-\x9f\u2500-\u259f]")

# A word: letters, marks, symbols and controls between spaces or ASCII punctuation.
# A no-break space is part of it: ``а`` of cp866 is the byte A0 (``§\xa0¬Ґ\xad\xa0`` is
# ``замена`` read as cp1251).
_WORD = re.compile(r"(?:[^\s!-/:-@\[-`{-~]|\xa0)*[^\x00-\x7f](?:[^\s!-/:-@\[-`{-~]|\xa0)*")
# How damaged a word must look, and how much better its repair must be.
_MIN_DAMAGE = 2
_MIN_GAIN = 2
_MAX_WORDS = 32
# Longer runs without a space are no words, nor a paragraph of CJK text read as Latin-1.
_MAX_TOKEN = 1024
# How common a repaired word must be to count as known: ``König`` is 5, ``turístico`` 3;
# the rare ``liß`` (from the homoglyph typo ``liс``, a Cyrillic с) is not.
_KNOWN_ZIPF = 2.5
# A CJK reading of a short Latin-1 run (``aí´´``) is a guess, not a repair.
_CJK_MIN_CHARS = 4
_MAX_PAIRS = 2
# Words of a script left as they are that make it one the text is written in.
_LIVING_SCRIPT_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Reading:
    start: int
    end: int
    after: str
    gain: int


def _inner_damage(word: str) -> int:
    """Damage inside the word, case aside: symbols at its edges are quotation marks
    (Greek ``¨ανατροφή¨``), capitals inside it camel case (``ПоздравЂаво``), and an acute
    accent inside it an apostrophe (Turkish ``1970´den``, Italian ``dell´anno``) or, with a
    diaeresis before a vowel, the accent of text extracted from a PDF (``Karhum¨aki``);
    ``×`` between ASCII letters is a product (``B×H×T``)."""
    core = _SPACING_ACCENT.sub("'", _EDGES.sub("", word))
    core = _TIMES_BETWEEN_TERMS.sub("-", core)
    return damage(" " + core.lower() + " ") if core else 0


# An acute accent anywhere, a diaeresis before a vowel: apostrophes, and the accents of text
# extracted from a PDF (``Karhum¨aki``, ``D´ıaz``), not bytes of another code page.
_SPACING_ACCENT = re.compile("´|¨(?=[AEIOUYaeiouy])")
# ``×`` or ``÷`` between ASCII letters or digits: a product (``n×m``, German ``B×H×T``), not
# ``Ч`` or ``ч`` of cp1251 read as cp1252, which stand among Latin-1 letters (``×òî``).
_TIMES_BETWEEN_TERMS = re.compile("(?<=[A-Za-z0-9])[×÷](?=[A-Za-z0-9])")


def _strong_damage(word: str) -> bool:
    """A control character, box drawing or a sign of Latin-1's upper half between letters
    (``K\x94nig``, ``CU╔NTENOS``, ``Niewêg³owski``): shapes clean text does not take. Two
    scripts in a word (``Thιβtre``, but also the homoglyph typo ``viсs``) or a symbol glued
    to a letter (``$Ì¶6``) are weaker evidence: then the repair must be a known word."""
    if _C1.search(word) or _BOX_INSIDE.search(word):
        return True
    # Not a sign that completes a two-byte sequence of UTF-8 read as Latin-1 (``10Î¼s`` is
    # ``10μs``, for the code page rules), nor one that is a continuation byte of UTF-8
    # whose C1 bytes were dropped (``ÐÐ¦ÐÐ¡`` is Cyrillic).
    signs = [m.start() for m in _SIGN_INSIDE.finditer(word)]
    if all("\xc2" <= word[i - 1] <= "\xdf" for i in signs):
        return False
    return not shaped_like_lost_utf8(word)


def _one_sign_between_latin(word: str, after: str) -> bool:
    """Whether a Latin word reads as another Latin word on the strength of one control
    character or one sign alone, and the reading is no better shaped than the word: small
    letters around a capital (``geA¯nspireerde``, whose ``Ã`` lost its tilde, is no
    ``geAīnspireerde``). Such a reading must be a known word (``K\x94nig`` is ``König``)."""
    if scripts_of(word) - {"latin"} or scripts_of(after) != {"latin"}:
        return False
    letters = "".join(_LETTERS.findall(after))
    if letters.islower() or letters.isupper() or letters.istitle():
        return False
    signs = len(_C1.findall(word)) + len(_SIGN_INSIDE.findall(word))
    boxes = sum(len(run) for run in _BOX_INSIDE.findall(word))
    return signs + boxes == 1


def _known(text: str) -> bool:
    """Whether every word of ``text`` is in the word list of the language it reads as."""
    ranked = rank_languages(text)
    if not ranked:
        return False
    words = _LETTERS.findall(text)
    return bool(words) and all(word_zipf(w, ranked[0][0]) >= _KNOWN_ZIPF for w in words)


def _homoglyph_typo(word: str) -> bool:
    """Whether a Greek or Cyrillic word holds Latin letters that look like its own, and is a
    known word with its own letters in their place: ``Tип`` (a Latin ``T``) is ``Тип``,
    ``Прескачанe`` ``Прескачане``, ``στiς`` ``στις``. A typo, not another code page: every
    code page keeps ASCII as it is."""
    others = {c for c in word if c.isalpha() and not c.isascii()}
    if not others or not any(c.isascii() and c.isalpha() for c in word):
        return False
    if all("\u0370" <= c <= "\u03ff" for c in others):
        own = word.translate(_GREEK_LOOKALIKES)
    elif all("\u0400" <= c <= "\u04ff" for c in others):
        own = word.translate(_CYRILLIC_LOOKALIKES)
    else:
        return False
    if any(c.isascii() and c.isalpha() for c in own):
        return False
    # (One Latin letter among four of the word's script is a typo whether or not the word
    # list knows the word: a word in another code page keeps more of its ASCII letters.)
    latin = sum(1 for c in word if c.isascii() and c.isalpha())
    script = sum(1 for c in word if c.isalpha() and not c.isascii())
    return (latin == 1 and script >= _TYPO_AMONG) or _known(own)


_TYPO_AMONG = 4


# Latin letters and the Cyrillic or Greek letters they look like.
_CYRILLIC_LOOKALIKES = str.maketrans("AaBCcEeHIiKMOoPpTXxYy", "АаВСсЕеНІіКМОоРрТХхУу")
_GREEK_LOOKALIKES = str.maketrans("ABEHIiKMNOoPTXYZuv", "ΑΒΕΗΙιΚΜΝΟοΡΤΧΥΖυν")


def _letter_count(word: str) -> int:
    """A table's ``│x│`` is one letter between box drawing, not a damaged word."""
    return sum(1 for c in word if c.isalpha())


def _mostly_latin1(word: str) -> bool:
    """Latin-1 letters with the one UTF-8 character its bytes happened to form (``ѱ`` in
    ``Çѱ¹ÀÇÇÐ``); more than one is rather partly repaired UTF-8 mojibake."""
    high = [c for c in word if c >= "\x80"]
    latin1 = sum(1 for c in high if c <= "\xff")
    return len(high) - latin1 == 1 and latin1 >= _CJK_MIN_CHARS


def _encode(word: str, reader: str) -> bytes:
    if reader == "cp1252" and _C1.search(word):
        # (A Windows-1252 reader shows the five bytes it leaves undefined as C1 controls.)
        return b"".join(c.encode("latin-1" if c < "\xa0" else "cp1252") for c in word)
    if reader != _MIXED:
        return word.encode(reader)
    return b"".join(c.encode("latin-1" if c <= "\xff" else "utf-8") for c in word)


def _ascii_word(word: str) -> bool:
    """Whether ``word`` holds two ASCII letters in a row, and ASCII letters make a quarter
    of it or more."""
    ascii_letters = sum(1 for c in word if c.isascii() and c.isalpha())
    return _ASCII_PAIR.search(word) is not None and 4 * ascii_letters >= len(word)


def _readings(word: str, reader: str, writer: str) -> str | None:
    if reader == _MIXED and (writer not in _CJK_WRITERS or not _mostly_latin1(word)):
        # Only double-byte text comes out of a mixed reading mostly as Latin-1 letters
        # with the odd UTF-8 character between them.
        return None
    if writer in _CJK_WRITERS and reader not in _LATIN_READERS:
        # CJK text shown as Latin-1 or cp1252 is the common case; a Cyrillic word with a Latin
        # homoglyph typo (``Уgанда``) read as GBK is not a repair.
        return None
    if writer in _CJK_WRITERS and (
        _ascii_word(word) or sum(1 for c in word if c >= "\x80") < _CJK_MIN_CHARS
    ):
        # Double-byte text read as 8-bit is mostly high bytes: ASCII letters in a row
        # (``Th`` of ``Thιβtre``) belong to a word of an alphabet, unless they are few in a
        # long run (``ƒgRAM‚É``, Japanese with ``RAM`` inside).
        return None
    try:
        data = _encode(word, reader)
        after = data.decode(writer)
    except UnicodeError:
        return None
    if writer in _CJK_WRITERS and bytes_shaped_like_lost_utf8(data):
        # (Shaped so as the reader read them: see _lost_utf8_token for Latin-1.)
        return None
    if after == word or len(scripts_of(after) - {"latin"}) > 1 or _NEVER_AFTER.search(after):
        return None
    if damage(" " + after + " ") > 0 or _space_for_a_letter(word, after):
        return None  # (n°NOMBRE is not n¡NOMBRE)
    letters_before = _letter_count(word)
    if _letter_count(after) * (2 if writer in _CJK_WRITERS else 1) < letters_before:
        # A repair gives letters back; two Latin-1 letters make one CJK character.
        return None
    if len(after) == len(word) and not _changes_minority(word, after):
        return None
    return after


def _changes_minority(word: str, after: str) -> bool:
    """Whether the letters a reading changes are the odd ones out of ``word``.

    ``Thιβtre`` is a Latin word with two Greek letters: they are the damage. ``στiς`` is a
    Greek word with a Latin typo: turning its Greek letters into Latin ones is not a repair.
    """
    changed = Counter(
        scripts_of(b) == set() or next(iter(scripts_of(b)))
        for b, a in zip(word, after, strict=True)
        if b != a
    )
    kept = Counter(
        next(iter(scripts_of(b)))
        for b, a in zip(word, after, strict=True)
        if b == a and scripts_of(b)
    )
    letters_only = all(a.isalpha() for b, a in zip(word, after, strict=True) if b != a)
    if not kept or (True in changed and letters_only):
        # (A symbol that becomes a letter is the damage, and the letters changed beside it
        # are too, when they become letters: ``wiê³`` is Polish ``więł`` read as cp1252.)
        return True
    majority = max(kept.values())
    return all(
        script is True or kept.get(script, 0) + count < majority
        for script, count in changed.items()
    )


def find_legacy_repairs(text: str) -> list[Edit]:
    """Propose repairs of legacy text decoded with the wrong legacy code page.

    >>> [e.after for e in find_legacy_repairs("Le Thιβtre de K\\x94nig")]
    ['Théâtre', 'König']
    """
    if "\ufffd" in text or not DAMAGE_SIGNS.search(text):
        # (A replacement character says bytes were lost on the way: that is UTF-8 damage
        # for the lost-bytes rules, not legacy text.)
        return []
    edits = _read_through_pairs(text)
    if not _SWAP_SIGNS.search(text):
        return edits
    # A page read as another of its alphabet shows few damaged words: the word lists tell,
    # and read the words the same pair left looking whole (``autentificaci—n`` by ``m‡s``).
    if not edits:
        return find_same_alphabet_readings(text)
    if edits[0].rule in _SWAP_RULES:
        swaps = find_same_alphabet_readings(text, [_SWAP_RULES[edits[0].rule]])
        return sorted(edits + outside_spans(swaps, [(edit.start, edit.end) for edit in edits]))
    # Damage-shaped words read through one pair, and known words through another: what the
    # whole text reads as decides (``оПХ╨ДМЮММЪ`` is cp1251 read as KOI8-R, which a Mac
    # reading of its box drawing would turn into Latin letters).
    swaps = find_same_alphabet_readings(text)
    if swaps and text_cost(applied(text, swaps)) < text_cost(applied(text, edits)):
        return swaps
    return edits


_SWAP_RULES = {f"{writer}-as-{reader}": (writer, reader) for writer, reader in same_alphabet.PAIRS}


def _read_through_pairs(text: str) -> list[Edit]:
    """The repairs of the damaged-looking words of ``text`` (see :func:`_best_pair`)."""
    words = [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
        if len(m.group()) <= _MAX_TOKEN
        and (_inner_damage(m.group()) >= _MIN_DAMAGE or _ACCENTED_RUN.search(m.group()))
        and _letter_count(m.group()) >= 2
        and not _homoglyph_typo(m.group())
        and not _unit_after_placeholder(text, m.start())
        and not _utf8_that_lost_bytes(m.group())
    ]
    # Double-byte text read as 8-bit is cut only where no second byte can be: its second
    # bytes may be ASCII letters and punctuation from 0x40 up (``“ú–{Œê`` is 日本語 in
    # Shift_JIS, with ``{`` for the byte 0x7B), never a space, a digit, ``.`` or ``/``.
    tokens = [
        (m.start(), m.end(), m.group())
        for m in _DOUBLE_BYTE_TOKEN.finditer(text)
        if len(m.group()) <= _MAX_TOKEN
        and sum(1 for c in m.group() if c >= "\x80") >= _CJK_MIN_CHARS
        and damage(" " + m.group() + " ") >= _MIN_DAMAGE
        and not _lost_utf8_token(text, m.start(), m.end())
        and not _homoglyph_typo(m.group())
    ]
    if line_art(text):
        # (A table's ``│ab│cd│`` is no damaged word.)
        words = [w for w in words if not drawn_with_lines(w[2])]
        tokens = [t for t in tokens if not drawn_with_lines(t[2])]
    if not words and not tokens:
        return []
    # The letters of the undamaged rest of the text say which scripts a repair may produce
    # (``$Ì¶6Ì¶`` in an English sentence does not become Greek). ASCII words alone do not
    # rule out CJK: Japanese and Chinese text is full of them (``…_10秒.png``).
    outside = list(text)
    for start, end, _ in words + tokens + _latin1_tokens(text):
        outside[start:end] = " " * (end - start)
    rest = "".join(outside)
    allowed = scripts_of(rest) | {"latin"} if scripts_of(rest) else None
    if allowed == {"latin"} and rest.isascii():
        allowed |= _CJK_SCRIPTS
    # A text with many damaged-looking words left after the UTF-8 repairs holds lost bytes,
    # not legacy text; the search below tries every pair of code pages on every word.
    words, tokens = words[:_MAX_WORDS], tokens[:_MAX_WORDS]
    edits: list[Edit] = []
    for _ in range(_MAX_PAIRS):
        if not words and not tokens:
            break
        found = _best_pair(words, tokens, allowed)
        if found is None:
            break
        total, readings, rule = found
        confidence = round(min(0.95, 0.4 + 0.05 * total), 3)
        readings += _riders(text, readings, rule, edits)
        edits += [Edit(r.start, r.end, r.after, rule, confidence) for r in readings]
        words = [w for w in words if not _overlaps(w, readings)]
        tokens = [t for t in tokens if not _overlaps(t, readings)]
    return sorted(edits)


# A printf conversion (``%li``, ``%s``, ``%zu``) and a letter beyond ASCII right after it.
_CONVERSION_THEN_LETTER = re.compile("(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcs][^\\x00-\\x7f]")


def _unit_after_placeholder(text: str, start: int) -> bool:
    """Whether the word at ``start`` is a printf conversion and the unit written after the
    number (Ukrainian ``%liг %liхв``, hours and minutes): two scripts, but no damage."""
    return text[start - 1 : start] == "%" and _CONVERSION_THEN_LETTER.match(text, start) is not None


def _utf8_that_lost_bytes(word: str) -> bool:
    """Whether ``word`` is UTF-8 read as Latin-1 that lost its C1 bytes, shown by a
    sequence left whole among the lone leads: ``ÏÎ¿ÏÏ`` is Greek ``τους`` (``Î¿`` is ``ο``),
    no Hebrew read as Mac Roman. (Lone leads alone are no evidence: Russian in cp1251 read
    as cp1252, ``Ïðèâåò``, is all of them.)"""
    return _WHOLE_SEQUENCE.search(word) is not None and shaped_like_lost_utf8(word)


_WHOLE_SEQUENCE = re.compile("[\u00c2-\u00df][\u00a0-\u00bf]|[\u00e0-\u00ef][\u00a0-\u00bf]{2}")


def _lost_utf8_token(text: str, start: int, end: int) -> bool:
    """Whether a token's Latin-1 letters are UTF-8 lead and continuation bytes with the C1
    ones dropped (``à¸à¸´``, Thai): lost bytes, not double-byte text. The token may go on
    a sequence whose undefined byte became ``?``: ``í?¬ê¸°`` is ``크기`` (ED 81 AC, EA B8 B0),
    not ``¬ê¸°`` read as Big5."""
    if shaped_like_lost_utf8(text[start:end]):
        return True
    return text[start - 1 : start] == "?" and shaped_like_lost_utf8(text[start - 2 : end])


def _latin1_tokens(text: str) -> list[tuple[int, int, str]]:
    """Tokens whose letters beyond ASCII are all Latin-1 or Windows-1252 (``ÀÚ¿©``,
    ``˜äå``): damaged or not, they say nothing of the scripts a repair may give (EUC-KR read
    as Latin-1 looks like this, Persian read as cp1252 too)."""
    found = []
    for match in [*_TOKEN.finditer(text), *_DOUBLE_BYTE_TOKEN.finditer(text)]:
        high = [c for c in match.group() if c >= "\x80"]
        if high and all(c <= "\xff" or c in CP1252_SIGNS for c in high):
            found.append((match.start(), match.end(), match.group()))
    return found


def _riders(text: str, readings: list[_Reading], rule: str, edits: list[Edit]) -> list[_Reading]:
    """Once a pair of code pages has proven itself on the damaged words, the other tokens
    it reads into the same scripts, no less plausibly: ``ÀÚ¿©`` (``자여``) beside
    ``»ç¶ûÇÏ´Â`` (``사랑하는``), the one-letter word ``à`` (``а``) beside ``÷òî`` (``что``)."""
    writer, reader = rule.split("-as-")
    scripts = scripts_of("".join(r.after for r in readings))
    taken = [(r.start, r.end) for r in readings] + [(e.start, e.end) for e in edits]
    riders = []
    # Scripts whose words the pair leaves as they are, two letters or more: a script the
    # text is written in, whose one-letter words are words too (Bulgarian ``с`` is no
    # ``á``, whatever a homoglyph typo elsewhere proved).
    kept: Counter[str] = Counter()
    # (Cut at ASCII punctuation: ``÷òî,`` is ``что,``, and ``ïî-íàòàòúøíà`` holds ``ïî``
    # beside the word just read; double-byte text keeps it, ``¿©`` is the second half of
    # ``ÀÚ¿©``.)
    for match in (_DOUBLE_BYTE_TOKEN if writer in _CJK_WRITERS else _RIDER).finditer(text):
        if len(match.group()) > _MAX_TOKEN:
            continue
        start, end = match.span()
        word = match.group()
        if writer in _CJK_WRITERS:
            # (ASCII opening a double-byte token is no second byte, and reads as itself:
            # the ``s`` of ``%2$s¡±ÖÐ`` is left out, and ``¡±ÖÐ`` is ``”中``.)
            lead = len(word) - len(word.lstrip(_ASCII_CHARS))
            start, word = start + lead, word[lead:]
        if not any(c >= "\x80" for c in word) or any(s < end and start < e for s, e in taken):
            continue
        after = _reading_of(word, reader, writer)
        if (
            writer in _CJK_WRITERS
            and after is not None
            and _CJK_PUNCTUATION.fullmatch(after)
            and _LATIN1_SIGNS.fullmatch(word)
        ):
            # (Punctuation of the double-byte page alone: ``¡±`` is ``”``.)
            riders.append(_Reading(start, end, after, 0))
            continue
        if after is None or not scripts_of(after) <= scripts or not scripts_of(after):
            if _letter_count(word) >= 2 and _accented(word):
                kept.update(scripts_of(word))
            continue
        same_script = scripts_of(after) == scripts_of(word)
        if not same_script and _ACCENTED_RUN.search(word) and not _ASCII_LETTER.search(word):
            # Accented letters three in a row, and no ASCII letter: no word of a Latin
            # language, and the proven pair reads it whole (``ëßóôáò`` is ``λίστας``).
            riders.append(_Reading(start, end, after, 0))
            continue
        # (A word that stays in its script must read better, not only as well: Turkish
        # ``kullanıcı`` is no ``kullanõcõ`` through Mac Roman.)
        before_cost, after_cost = text_cost(" " + word + " "), text_cost(" " + after + " ")
        if after_cost < before_cost + (0 if same_script else 1) or (
            # (Or as plausible, and a known word where the word is none: ``д\xa0©«л`` is
            # ``файлы``.)
            same_script
            and after_cost == before_cost
            and _known(after)
            and not (_LETTERS.fullmatch(word) and _known(word))
        ):
            riders.append(_Reading(start, end, after, 0))
        elif _letter_count(word) >= 2 and _accented(word):
            kept.update(scripts_of(word))
    alive = {script for script, count in kept.items() if count >= _LIVING_SCRIPT_WORDS}
    riders = [
        rider
        for rider in riders
        if not (scripts_of(text[rider.start : rider.end]) & alive)
        or _letter_count(text[rider.start : rider.end]) > 1
    ]
    if not kept:
        return riders
    # Where some accented word stays as it is, a word of one letter is read so only beside
    # a word read so (``(è âàðèàíòèòå`` is ``(и вариантите``): a French ``à`` elsewhere
    # in the text stays, whatever ``Ïðèâåò`` two words before it proved.
    words = [r for r in riders if _letter_count(text[r.start : r.end]) > 1]
    spans = sorted([(r.start, r.end) for r in readings + words])
    return words + [rider for rider in riders if rider not in words and _beside(text, rider, spans)]


def _beside(text: str, rider: _Reading, spans: list[tuple[int, int]]) -> bool:
    """Whether only spaces and ASCII punctuation stand between ``rider`` and a span."""
    return any(
        _GAP.fullmatch(text, end, rider.start) or _GAP.fullmatch(text, rider.end, start)
        for start, end in spans
    )


_GAP = re.compile(r"[ \t!-/:-@\[-`{-~]*")


def _accented(word: str) -> bool:
    """Whether ``word`` holds a letter beyond ASCII: ``„start“`` shows no script the text is
    written in beyond what its ASCII words show, whatever its quotation marks."""
    return any(c.isalpha() and not c.isascii() for c in word)


def _reading_of(word: str, reader: str, writer: str) -> str | None:
    try:
        after = _encode(word, reader).decode(writer)
    except UnicodeError:
        return None
    if after == word or _NEVER_AFTER.search(after) or damage(" " + after + " ") > 0:
        return None
    return None if _space_for_a_letter(word, after) else after


def _space_for_a_letter(word: str, after: str) -> bool:
    """Whether a letter between letters becomes a no-break space: ``Dahlbаck``, with the
    Cyrillic ``а`` of a homoglyph typo, is no ``Dahlb\xa0ck`` (``а`` is A0 in cp866)."""
    if len(word) != len(after):
        return False
    return any(
        new == "\xa0"
        and old.isalpha()
        and after[i - 1 : i].isalpha()
        and after[i + 1 : i + 2].isalpha()
        for i, (old, new) in enumerate(zip(word, after, strict=True))
    )


def _overlaps(span: tuple[int, int, str], readings: list[_Reading]) -> bool:
    return any(span[0] < r.end and r.start < span[1] for r in readings)


def _best_pair(
    words: list[tuple[int, int, str]],
    tokens: list[tuple[int, int, str]],
    allowed: set[str] | None,
) -> tuple[int, list[_Reading], str] | None:
    """The pair of code pages that explains the damaged ``words`` best, and its readings.

    A text damaged once was damaged by one pair: the pair that repairs most wins; among
    those within a point of it, the one whose readings are known words (``turístico``, Mac
    Roman, over ``tur’stico``, Windows-1252), then the one whose letters fit one language
    best (``König`` over ``Kînig``).
    """
    pairs: list[tuple[int, float, list[_Reading], str]] = []
    for reader in _READERS:
        for writer in _WRITERS:
            if writer == reader:
                continue
            readings = []
            for start, end, word in tokens if writer in _CJK_WRITERS else words:
                after = _readings(word, reader, writer)
                if after is None or (
                    allowed is not None
                    and not scripts_of(after) <= allowed
                    and not _run_made_word(word, after)
                ):
                    continue
                if (
                    writer not in _CJK_WRITERS
                    and not (_strong_damage(word) and not _one_sign_between_latin(word, after))
                    and not _known(after)
                ):
                    continue
                gain = text_cost(" " + word + " ") - text_cost(" " + after + " ")
                if writer not in _CJK_WRITERS:
                    gain += _fit_gain(word, after)
                    if _ACCENTED_RUN.search(word) and word.isupper() == after.isupper():
                        # Four accented Latin-1 letters in a row, which no language writes,
                        # and a known word in the same case: ``ÖÉËÁ`` is Greek ``ΦΙΛΑ`` read
                        # as Latin-1 (KOI8-R would read ``жика``, in small letters).
                        gain += _known(after)
                if gain >= _MIN_GAIN:
                    readings.append(_Reading(start, end, after, gain))
            if readings:
                total = sum(r.gain for r in readings)
                fit = language_fit("".join(r.after for r in readings))
                pairs.append((total, fit, readings, f"{writer}-as-{reader}"))
    if not pairs:
        return None
    top = max(total for total, *_ in pairs)
    close = [pair for pair in pairs if pair[0] >= top - 1]
    if len(close) > 1:
        close.sort(key=lambda pair: (-_known_count(pair[2]), -pair[0], pair[1]))
    else:
        close.sort(key=lambda pair: (-pair[0], pair[1]))
    total, _, readings, rule = close[0]
    return total, readings, rule


def _run_made_word(word: str, after: str) -> bool:
    """Whether a word with accented letters in a row (see ``_ACCENTED_RUN``) reads as a
    known word: evidence enough for a script the rest of the text does not show (``Äîêóìåíò
    StarWriter`` is ``Документ StarWriter``, with only ASCII around)."""
    return _ACCENTED_RUN.search(word) is not None and _known(after)


def _fit_gain(word: str, after: str) -> int:
    """Points for letters that fit one language's alphabet much better after the repair:
    ``äèçàéí`` mixes the accents of five languages, its reading ``дизайн`` is Russian."""
    better = language_fit(word) - language_fit(after)
    return min(_MAX_FIT_GAIN, max(0, int(better // _FIT_STEP)))


_FIT_STEP = 4.0
_MAX_FIT_GAIN = 3


def _known_count(readings: list[_Reading]) -> int:
    return sum(1 for reading in readings if _known(reading.after))
