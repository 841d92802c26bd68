"""UTF-8 read through a CJK double-byte code page: ``譁�蟄怜喧縺�``, ``閫夐」`` for ``选项``.

Each UTF-8 character of a CJK text is three bytes; a Shift_JIS, GBK, EUC-KR or Big5 reader
pairs them two by two, so every three characters become two wrong ones. Where every byte
survived, encoding the wrong characters back in that code page gives the UTF-8 bytes, and
decoding them strictly gives the text. Clean CJK text practically never re-encodes to
several characters of valid UTF-8, so a strict decode covering two or more characters is
the evidence.

Only lossless runs are handled here; runs where a byte became ``�`` are guessed by the
lost-bytes rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fixtext.data.char_costs import CHAR_COSTS
from fixtext.language import LATIN_LANGUAGES, word_zipf
from fixtext.model import Edit
from fixtext.plausibility import char_cost, scripts_of, text_cost
from fixtext.spans import select_disjoint

__all__ = ["CJK_CODECS", "find_cjk_repairs", "may_repair"]

# Python codec, and the name a repair reports. Supersets first: cp932 reads everything
# Shift_JIS does, cp949 everything EUC-KR does, and so on.
CJK_CODECS: tuple[tuple[str, str], ...] = (
    ("cp932", "shift_jis"),
    ("gb18030", "gbk"),
    ("cp949", "euc-kr"),
    ("cp950", "big5"),
    ("euc_jp", "euc-jp"),
)

# A run of characters that may be one piece of such mojibake: non-ASCII, with single ASCII
# characters allowed inside, since a double-byte reader may pair a final UTF-8 byte with the
# ASCII character after it.
_RUN = re.compile(r"[^\x00-\x7f]+(?:[\x21-\x7e][^\x00-\x7f]+)*")
# Where a run may hold a clean part and a damaged part: CJK punctuation and spaces.
_BREAK = re.compile(r"[\u3000-\u3002\uff0c\uff1a\uff1b\uff01\uff1f]")
_MIN_WIDE = 2
_RARITY_MARGIN = 3
_MIN_ALPHABETIC = 3
_CJK_TEXT_SHARE = 0.3
# A Latin word read through a CJK code page holds a CJK character per accented letter or
# two: longer runs glued to a Latin word are CJK text (``Unix域的网络套接字``).
_MOST_INSIDE_A_WORD = 3
# (Keyed on the half-width character, rare in CJK text, which the kanji is looked behind for.)
_HALFWIDTH_AFTER_KANJI = re.compile("[\uff61-\uff9f\uf8f0](?<=[\u3000-\u9fff].)")
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\uffef"
# Such mojibake holds CJK characters (ideographs, kana, Hangul, full- and half-width forms):
# two side by side, one inside a Latin word (``d茅couvert``, French read as GBK), or one
# alone in Western text (``芦 %s 禄`` for ``« %s »``). Text without any is decided by this
# one scan.
TRIGGERS = ((f"[{_CJK}]", ""),)
_GATE = re.compile("".join(TRIGGERS[0]))
_CJK_LETTERS = re.compile("[\u2e80-\uff60\uffa0-\U0010ffff]+")
# Kana, ideographs and Hangul syllables: letters, all of them.
_CJK_CORE = re.compile("[\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]+")
# CJK characters inside a Latin word: between letters, after two, before two, or after a
# one-letter word start (``cﾃｳ``, Vietnamese ``có`` read as cp932; not the ``s`` of ``%s``).
# Half-width katakana belong to such runs (``ﾄ妥｡ng`` is ``đáng``), though they do not count
# as CJK letters.
# (Each branch looks behind the first character it took: the pattern then starts with one
# character class, which the engine scans fast.)
_CJK_IN_LATIN_WORD = re.compile(
    "[\u2e80-\U0010ffff](?:"
    "(?<=[A-Za-z].)[\u2e80-\U0010ffff]*(?=[A-Za-z])"
    "|(?<=[A-Za-z]{2}.)[\u2e80-\U0010ffff]*\\b"
    "|(?<=(?<![\\w%\\\\])[A-Za-z].)[\u2e80-\U0010ffff]*\\b"
    "|(?<=\\b.)[\u2e80-\U0010ffff]*(?=[A-Za-z]{2})"
    ")"
)
# (Each starts with the Latin letter, which CJK text holds fewer of than CJK characters.)
_LATIN_BEFORE_CJK = re.compile("[A-Za-z](?=[\u2e80-\U0010ffff])")
_LATIN_AFTER_CJK = re.compile("[A-Za-z](?<=[\u2e80-\U0010ffff].)")
_VALID_MULTIBYTE = re.compile("[\u0080-\ufffc\U00010000-\U0010ffff]")
# What a reading of CJK text must hold to be judged (see ``_judge``): two wide characters,
# or three characters of one alphabet (Greek, Cyrillic, Armenian, Hebrew, Arabic) side by
# side. Clean text re-encoded gives valid two-byte characters here and there by chance,
# even three in a row, but of mixed blocks (``ͬʱʹ``, ``ƴմϴ``, ``Ŀ¼Ϊ``).
# (Written to start with one character class, which the engine scans fast; each branch
# looks behind at the character that class took.)
_WIDE = "\u0800-\ufffc\U00010000-\U0010ffff"
_WIDE_READING = re.compile(
    f"[\u0370-\u06ff{_WIDE}](?:(?<=[{_WIDE}])[{_WIDE}]"
    "|(?<=[\u0370-\u03ff])[\u0370-\u03ff]{2}|(?<=[\u0400-\u052f])[\u0400-\u052f]{2}"
    "|(?<=[\u0530-\u058f])[\u0530-\u058f]{2}|(?<=[\u0590-\u05ff])[\u0590-\u05ff]{2}"
    "|(?<=[\u0600-\u06ff])[\u0600-\u06ff]{2})"
)


def _rarity(text: str) -> int:
    """How rare the ideographs, kana and Hangul of ``text`` are, summed (unseen: 10).

    Mojibake is made of rare characters (``閫夐`` for ``选项``); clean text that re-encodes
    to valid UTF-8 by chance gives characters as rare as its own (``讀取至``, ``椎掊``)."""
    return sum(CHAR_COSTS.get(c, 10) for c in text if c >= "\u2e80")


def _min_letters(run: str) -> int:
    """Letters an alphabetic reading needs to count: three, or two when the run is all
    half-width katakana or holds a kanji glued to one, the unmistakable shapes of cp932
    mojibake (``ﾐｸﾐｼ`` for ``им``, ``ﾗ碩ｪ`` for ``את``)."""
    halfwidth = all("\uff61" <= c <= "\uff9f" for c in run)
    if halfwidth or _HALFWIDTH_AFTER_KANJI.search(run):
        return _MIN_ALPHABETIC - 1
    return _MIN_ALPHABETIC


def _encode(text: str, codec: str, errors: str = "strict") -> bytes:
    """``text`` in ``codec``; through GBK, ``€`` is Windows' byte 0x80 (``涓€`` is ``一``,
    E4 B8 80), which Python's GB18030 writes as four bytes."""
    if codec != "gb18030" or "€" not in text:
        return text.encode(codec, errors)
    return b"\x80".join(part.encode(codec, errors) for part in text.split("€"))


def _decode_run(run: str, codec: str) -> str | None:
    try:
        text = _encode(run, codec).decode("utf-8")
    except UnicodeError:
        return None
    if text == run or text.isascii():
        return None
    if any(c == "\ufffd" or "\ue000" <= c <= "\uf8ff" for c in text):
        return None
    return text


def _judge(
    text: str, start: int, end: int, after: str, main: str | None
) -> tuple[int, float] | None:
    """Score and confidence of reading ``text[start:end]`` as ``after``, or None.

    CJK text read through a CJK code page gives three-byte characters: two of them, no less
    plausible and rarer than what they replace, are the evidence. Alphabetic text gives
    two-byte ones, which clean CJK text can also line up as by chance (模式 in GBK is
    ``ģʽ``); then the letters must be one script and either a run of at least three
    (``锌褉懈褟褌薪芯`` is Russian ``приятно`` read as GBK) or Latin letters inside a Latin
    word (``d茅couvert``).
    """
    run = text[start:end]
    left, right = text[max(0, start - 1) : start], text[end : end + 1]
    gain = text_cost(left + run + right) - text_cost(left + after + right)
    wide = sum(1 for c in after if c >= "\u0800")
    latin = scripts_of(after) == {"latin"}
    # Through cp932, a CJK character's last byte is usually a half-width katakana: a kanji
    # glued to one (``蝗ｽ`` for ``国``) is its mark, rare in clean text, and enough alone.
    signature = _HALFWIDTH_AFTER_KANJI.search(run) is not None
    if (wide >= _MIN_WIDE or (wide and signature)) and not latin:
        if gain < 0 or _rarity(after) > _rarity(run) - _RARITY_MARGIN:
            return None
        return gain + wide, round(min(0.99, 0.5 + 0.1 * wide + 0.05 * max(gain, 0)), 3)
    letters = [c for c in after if c >= "\x80" and c.isalpha()]
    scripts = scripts_of("".join(letters))
    if len(scripts) != 1 or (wide and not latin):
        return None
    if latin:
        if main not in (None, "latin"):
            # In CJK text, particles glue to ASCII words (``PostgreSQL的Windows``).
            return None
        # One CJK character inside a Latin word is the evidence: both sides, or one side
        # and a repair that is more plausible. ASCII on one side only is common in clean
        # CJK text (``%sが``, ``DNS로``); inside the run (``ﾅ凖ｭkﾃ｡`` for ``říká``) it glues
        # the run into a word.
        sides = sum(1 for side in (left, right) if side.isascii() and side.isalpha())
        if any(c.isascii() and c.isalpha() for c in run):
            sides = 2
        if sides == 0 or gain < 2 - sides or _rarity(run) < _RARITY_MARGIN:
            # (Common characters are text: ``PostgreSQL的Windows`` holds a particle.)
            return None
    elif len(letters) < _min_letters(run) or gain < 1 or _rarity(run) < _RARITY_MARGIN:
        return None
    return gain + len(letters), round(min(0.95, 0.5 + 0.05 * (gain + len(letters))), 3)


def _wide_reading(rough: str) -> bool:
    return _WIDE_READING.search(rough) is not None


def _may_read_wide(encoded: bytes) -> bool:
    """Whether the bytes may hold what :func:`_wide_reading` looks for in their UTF-8
    reading: two sequences of three or four bytes side by side, or three of two bytes
    from Greek to Arabic. The bytes become their classes, which two searches for a fixed
    string decide: that costs a fraction of decoding the bytes, and settles most clean CJK
    text."""
    classes = encoded.translate(_BYTE_CLASSES)
    return bool(_TWO_WIDE.search(classes) or _THREE_ALPHABETIC.search(classes))


def _byte_classes() -> bytes:
    table = bytearray(b"." * 256)
    table[0x80:0xC0] = b"c" * 0x40  # a continuation byte
    table[0xCD:0xDC] = b"a" * 0x0F  # the lead of a letter from Greek to Arabic
    table[0xE0:0xF5] = b"w" * 0x15  # the lead of a wide character
    return bytes(table)


_BYTE_CLASSES = _byte_classes()
# (A sequence of three or four bytes and one of three; three letters. Each starts with a
# fixed string, which the engine looks for faster than for a class.)
_TWO_WIDE = re.compile(b"wccc?wcc")
_THREE_ALPHABETIC = re.compile(b"acacac")


# Not a letter: (``\w`` also takes numbers such as ``½`` and ``Ⅱ``; those of Latin-1 are
# left out here, the rest are too rare to tip a share of letters).
_NOT_LETTER = re.compile(r"[\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be]+")


def _main_script(text: str) -> str | None:
    """``cjk`` for text whose letters are largely CJK, whatever ASCII words it holds. (CJK
    characters inside a Latin word do not count: ``zvl叩邸tn鱈`` is Czech read as EUC-JP;
    but a long run glued to a Latin word is CJK text: ``Unix域的网络套接字``.)"""
    if _clearly_cjk(text):
        return "cjk"
    return _counted_main_script(text)


def _clearly_cjk(text: str) -> bool:
    """What most CJK text is decided by: a count of its ideographs, kana and Hangul. Letters
    are no more than the characters of the text, and each place where a Latin letter
    touches a CJK one takes at most one short run from the count (see below)."""
    # (Each run of them becomes one ideograph, which leaves fewer characters to look at for
    # Latin letters beside CJK ones.)
    rest, runs = _CJK_CORE.subn("\u4e00", text)
    core = len(text) - len(rest) + runs
    least = _CJK_TEXT_SHARE * len(text)
    if not core or core < least:
        return False
    return core - _MOST_INSIDE_A_WORD * _latin_beside_cjk(rest) >= least


def _latin_beside_cjk(text: str) -> int:
    """How many times a Latin letter touches a CJK character (from U+2E80) in ``text``."""
    return len(_LATIN_BEFORE_CJK.findall(text)) + len(_LATIN_AFTER_CJK.findall(text))


def _counted_main_script(text: str) -> str | None:
    letters = _NOT_LETTER.sub("", text)
    # (Half-width katakana is what cp932 makes of Latin-1 letters, ``ﾃｩ`` for ``é``.)
    cjk = len(letters) - len(_CJK_LETTERS.sub("", letters))
    if cjk < _CJK_TEXT_SHARE * len(letters) or not letters:
        return None
    if _latin_beside_cjk(text):  # (where ``_CJK_IN_LATIN_WORD`` may match)
        for run in _CJK_IN_LATIN_WORD.findall(text):
            inside = len(run) - len(_CJK_LETTERS.sub("", run))
            if inside <= _MOST_INSIDE_A_WORD:
                cjk -= inside
    return "cjk" if cjk >= _CJK_TEXT_SHARE * len(letters) else None


def _candidates(text: str, codec: str, name: str, main: str | None) -> list[tuple[int, Edit]]:
    """The runs ``codec`` explains, if it explains one of them on its own strength.

    Once a run proves the code page (``锌褉懈褟褌薪芯``), the text's other runs that it decodes
    into the same script are taken too, even short ones (``郇迮訇郋``, ``茅pouse``) that
    would not be evidence alone.
    """
    strong: list[tuple[int, Edit]] = []
    weak: list[tuple[int, Edit]] = []
    readings: list[tuple[int, Edit]] = []
    for start, run in _pieces(text, codec):
        after = _decode_run(run, codec)
        if after is None:
            continue
        end = start + len(run)
        readings.append((0, Edit(start, end, after, name, _TOGETHER_CONFIDENCE)))
        judged = _judge(text, start, end, after, main)
        if judged is not None:
            score, confidence = judged
            strong.append((score, Edit(start, end, after, name, confidence)))
        elif _plausible(text, start, end, after) and (main != "cjk" or not latin_only(after)):
            weak.append((0, Edit(start, end, after, name, 0.6)))
    together = _explaining_all(text, readings) if main is None else []
    if together:
        taken = {(edit.start, edit.end) for _, edit in strong}
        return strong + [(s, e) for s, e in together if (e.start, e.end) not in taken]
    if not strong:
        return []
    scripts = scripts_of("".join(edit.after for _, edit in strong))
    return strong + [(s, e) for s, e in weak if scripts_of(e.after) <= scripts]


def _explaining_all(text: str, readings: list[tuple[int, Edit]]) -> list[tuple[int, Edit]]:
    """Readings that are no evidence one by one, taken together when they explain every
    CJK character of a text that is not CJK, as Latin letters or Latin-1 signs: French
    ``chier 芦 %s 禄`` is ``chier « %s »`` read as GBK, Lithuanian ``Fail懦`` is ``Failų``.
    (Clean Latin text quoting Chinese holds characters that read as nothing of the kind.)"""
    if not readings or not all(_latin_reading(text, edit) for _, edit in readings):
        return []
    covered = sum(_CJK_LETTER_OR_SIGN.subn("", text[e.start : e.end])[1] for _, e in readings)
    if covered != _CJK_LETTER_OR_SIGN.subn("", text)[1]:
        return []
    return readings


# Latin letters and the signs of Latin-1's upper half (``« » © °``), what a CJK code page
# makes of Western text's two-byte characters.
_TOGETHER_CONFIDENCE = 0.6
_COMMON_SIGNS = frozenset("«»©®°¿¡§·\u00a0")
_LATIN_READING = re.compile("[\x21-\x7e]*(?:[\u00a0-\u017f\u1ea0-\u1ef9][\x21-\x7e]*)+")


def _latin_reading(text: str, edit: Edit) -> bool:
    """Latin letters and Latin-1 signs; a letter standing alone is a small one, a word
    such as ``à`` or ``å`` (``同`` alone in Chinese text reads as ``Ʊ``)."""
    if not _LATIN_READING.fullmatch(edit.after):
        return False
    if not all(
        c.isascii() or c in _COMMON_SIGNS or (c.isalpha() and char_cost(c) == 0) for c in edit.after
    ):
        return False  # (``目录`` reads as ``Ŀ¼``, ``每`` as ``ÿ``: rare letters, odd signs)
    alone = (
        not text[edit.start - 1 : edit.start].isalpha()
        and not text[edit.end : edit.end + 1].isalpha()
    )
    if not alone or not edit.after.isalpha():
        return True
    # A letter alone must be an everyday word: ``à`` or ``å``, not ``ä`` (``채``, a Korean
    # syllable, beside English words).
    return edit.after.islower() and (len(edit.after) > 1 or _one_letter_word(edit.after))


# How common a letter standing alone must be as a word, in the language where it is commonest.
_ONE_LETTER_WORD_ZIPF = 5.0


def _one_letter_word(letter: str) -> bool:
    return any(word_zipf(letter, code) >= _ONE_LETTER_WORD_ZIPF for code in LATIN_LANGUAGES)


_CJK_LETTER_OR_SIGN = re.compile(f"[{_CJK}]")


def _pieces(text: str, codec: str) -> list[tuple[int, str]]:
    """Runs that may be mojibake, split at CJK punctuation where a whole run is not."""
    pieces = []
    for match in _RUN.finditer(text):
        if _decode_run(match.group(), codec) is not None:
            pieces.append((match.start(), match.group()))
            continue
        position = match.start()
        for part in _BREAK.split(match.group()):
            if part:
                pieces.append((position, part))
            position += len(part) + 1
    return pieces


def latin_only(text: str) -> bool:
    """Whether the letters of ``text`` are Latin: no reading of CJK text, whatever ASCII
    words it holds (``ID的epoch``)."""
    return scripts_of(text) == {"latin"}


def _plausible(text: str, start: int, end: int, after: str) -> bool:
    """A reading that is no evidence alone but no worse than the run: letters of one script."""
    left, right = text[max(0, start - 1) : start], text[end : end + 1]
    run = text[start:end]
    if text_cost(left + after + right) > text_cost(left + run + right):
        return False
    return len(scripts_of(after) - {"latin"}) <= 1


def find_cjk_repairs(text: str) -> list[Edit]:
    """Propose repairs of UTF-8 read through CJK double-byte code pages.

    >>> find_cjk_repairs("git pull [<閫夐」>]")[0].after
    '选项'
    >>> find_cjk_repairs("锌褉懈褟褌薪芯")[0].after
    'приятно'
    """
    if not _GATE.search(text):
        return []
    main = _MainScript(text)
    by_codec = [_candidates(text, codec, name, main()) for codec, name in _worth_trying(text, main)]
    # A text is damaged through one code page: the one that explains most of it chooses
    # first (``聽`` is a no-break space through GBK, ``ť`` through Big5; the GBK text
    # around it decides), then the others fill the gaps.
    by_codec.sort(key=lambda found: (-len(found), -sum(score for score, _ in found)))
    ordered = [edit for found in by_codec for _, edit in sorted(found, key=lambda item: -item[0])]
    return select_disjoint(ordered)


def may_repair(text: str) -> bool:
    """Whether :func:`find_cjk_repairs` may find anything in ``text``: its first checks,
    which decide most clean CJK text for a fraction of the search.

    >>> may_repair("文字化け"), may_repair("閫夐」")
    (False, True)
    """
    if _GATE.search(text) is None:
        return False
    main = _MainScript(text)
    # What decides most CJK text, before the checks code page by code page: that none of
    # them reads it wide (one search of all their byte classes), and that it is CJK text.
    classes = b".".join(
        _encode(text, codec, "replace").translate(_BYTE_CLASSES) for codec, _ in CJK_CODECS
    )
    if not (
        _TWO_WIDE.search(classes)
        or _THREE_ALPHABETIC.search(classes)
        or _HALFWIDTH_AFTER_KANJI.search(text)
        or main() != "cjk"
    ):
        return False
    return next(_worth_trying(text, main), None) is not None


class _MainScript:
    """:func:`_main_script` of a text, worked out the first time it is asked for."""

    __slots__ = ("_known", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: list[str | None] = []

    def __call__(self) -> str | None:
        if not self._known:
            self._known.append(_main_script(self._text))
        return self._known[0]


def _worth_trying(text: str, main: _MainScript) -> Iterator[tuple[str, str]]:
    """The code pages (Python codec, reported name) worth a search of ``text``'s runs."""
    signature = _HALFWIDTH_AFTER_KANJI.search(text) is not None
    for codec, name in CJK_CODECS:
        # One pass in C first. CJK text needs a ``_WIDE_READING`` (which holds valid
        # multibyte characters), or cp932's mark; only a Latin reading (one character
        # inside a Latin word) needs less. (Neither pattern matches a replacement character.)
        encoded = _encode(text, codec, "replace")
        if not (_may_read_wide(encoded) and _wide_reading(encoded.decode("utf-8", "replace"))):
            if not (signature and codec == "cp932") and main() == "cjk":
                continue
            if not _VALID_MULTIBYTE.search(encoded.decode("utf-8", "replace")):
                continue
        yield codec, name
