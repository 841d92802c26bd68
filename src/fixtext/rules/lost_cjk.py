"""UTF-8 read as Shift_JIS, GBK, EUC-KR or Big5, with ``�`` where bytes did not decode.

``文字化け`` is ``E6 96 87 E5 AD 97 E5 8C 96 E3 81 91`` in UTF-8. Read as Shift_JIS it
shows as ``譁�蟄怜喧縺�``: ``E6 96`` is ``譁``, the byte ``87`` decodes to nothing and becomes
``�``, and so on. Re-encoding each character gives the bytes back; each ``�`` is one lost
byte (Python's decoders replace one byte at a time). The UTF-8 structure then fixes where
every character starts, and a lost byte leaves at most 64 (continuation byte) or 16 (lead
byte) candidates for its character, ranked by character frequency. A character still
uncertain stays ``�``; the rest of the run is repaired.

When the whole run does not decode, the damage may be glued to clean text
(``このテキストは譁�蟄怜喧縺�です``): each character is then kept as it is or read as
bytes, and only the damaged part is repaired.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from fixtext.language import (
    char_logprob,
    chinese_variants,
    cjk_mark_cost,
    language_data,
    pair_logprob,
    script_of,
    scripts_of_language,
    word_logprob,
)
from fixtext.model import Edit

__all__ = ["find_cjk_repairs"]

_CODECS = ("shift_jis", "gbk", "euc_kr", "big5")
_LANGUAGES = ("zh", "ja", "ko")
_RUN_RE = re.compile("[^\\x00-\\x7f]+")
# A lost byte is the set of values it can have had: those the codec would have shown as
# ``�`` at that place (a valid byte there would have decoded to a character instead).
Byte = int | frozenset[int]
_UNWANTED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})
# A character chosen for lost bytes must be this likely among its candidates, else ``�``.
_CHAR_CERTAINTY = 0.3
# The repaired run must beat the mojibake by this many log10 units per character.
_MIN_GAIN_PER_CHAR = 0.5
_TABLE_SIZE = 8000
_REFINEMENTS = 2
_WELL_KNOWN_BYTES = 0.8
_SENTENCE_END_BONUS = 2.0
# Marks that do not end a text or a line: commas and opening brackets.
_NEVER_LAST = frozenset("，、（「『【《〈")
_NEVER_LAST_COST = 2.0
_CLOSING_BONUS = 3.0
_LONGEST_WORD = 6
_SEGMENT_WINDOW = 12
_SINGLE_WORD_COST = 3.0
_WORD_FLOOR = -8.0
_PER_CHAR_BONUS = 0.5
_OPTIONS_KEPT = 64
_BETWEEN_ITEMS = frozenset("、：")
# Words of one character that stand between two words of ASCII: Chinese conjunctions,
# Japanese particles.
_STANDALONE_WORDS = frozenset("或和与及がはをにでとのもへや")
_SEPARATOR_BONUS = 3.0
_CLOSING_PUNCTUATION = frozenset("。、，：；！？）」』")
# How much of the line before a run is looked at for a bracket it leaves open.
_LINE_KEPT = 200
# What a character of the other Chinese variant than the text's costs, in log10 units.
_VARIANT_COST = 2.0


# Read in a run that also holds clean text, a damaged part must make this much more likely
# text than the characters it replaces: a part that happens to re-encode to UTF-8 does not.
_PART_COST = 2.0
# Lost bytes beside clean text must be chosen more surely: the part of the damage there is
# cut off by the clean text, so it has no byte after it to narrow it down, and the clean
# text's words, from a word list without inflections, would often complete the wrong one
# (``でき�`` before ``ません`` as ``ですません``).
_PART_CERTAINTY = 0.6
# A character the codec cannot encode: clean text, never part of the damage.
_BARRIER = 0x100


@dataclass(frozen=True, slots=True)
class _Unit:
    """A character of the reading: decoded from ``skeleton[start:end]``, or ``kept``, the
    run's own character there left as it is."""

    start: int
    end: int
    options: list[tuple[float, str]]
    kept: bool = False


@dataclass(frozen=True, slots=True)
class _Decoding:
    text: str
    score: float
    uncertain: int
    chars: int
    units: tuple[_Unit, ...] = ()
    pieces: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()


def find_cjk_repairs(text: str) -> list[Edit]:
    """Repairs of CJK round trips in ``text``: one edit per damaged run.

    >>> [edit.after for edit in find_cjk_repairs("譁�蟄怜喧縺�")]  # け or し? ``�`` stays
    ['文字化�']

    Clean text in the same run stays as it is; only the damaged part is repaired:

    >>> [edit.after for edit in find_cjk_repairs("このテキストは譁�蟄怜喧縺�です")]
    ['文字化�']
    """
    if "\ufffd" not in text:
        return []
    edits = []
    lossless: list[re.Match[str]] = []
    codecs: set[str] = set()
    for match in _RUN_RE.finditer(text):
        run = match.group()
        if "\ufffd" not in run:
            lossless.append(match)
            continue
        if run.count("\ufffd") == len(run):
            continue
        following = text[match.end()] if match.end() < len(text) else ""
        # The line before the run: its last characters, and the brackets it leaves open.
        line_start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - _LINE_KEPT)
        preceding = text[line_start : match.start()]
        repaired = _repair_run(run, match.start(), following, _CODECS, preceding)
        if repaired is not None:
            edits.append(repaired[0])
            codecs.add(repaired[1])
            continue
        parts = _repair_parts(run, match.start(), following, preceding)
        if parts is not None:
            edits.extend(parts[0])
            codecs.add(parts[1])
    if len(codecs) == 1:
        # ``縺ｨ`` beside ``縺�`` is ``と`` misread the same way, only without a lost byte.
        for match in lossless:
            repaired = _repair_run(match.group(), match.start(), "", tuple(codecs))
            if repaired is not None:
                edits.append(repaired[0])
    return sorted(edits)


def _repair_run(
    run: str, offset: int, following: str, codecs: tuple[str, ...], preceding: str = ""
) -> tuple[Edit, str] | None:
    best: tuple[_Decoding, str] | None = None
    for codec in codecs:
        skeleton = _skeleton(run, codec, following)
        if skeleton is None:
            continue
        decoding = _decode(skeleton, None, codec)
        if decoding is not None and (best is None or decoding.score > best[0].score):
            best = (decoding, codec)
    if best is None:
        return None
    decoding, codec = best
    language = _language_of(decoding.text)
    skeleton = _skeleton(run, codec, following)
    if skeleton is None:
        return None
    final = _decode(skeleton, language, codec, following, preceding)
    if final is None:
        return None
    edit = _edit(run, offset, final, skeleton, language, codec)
    return None if edit is None else (edit, codec)


def _edit(
    run: str,
    offset: int,
    decoding: _Decoding,
    skeleton: tuple[Byte, ...],
    language: str,
    codec: str,
) -> Edit | None:
    """The edit replacing ``run`` (at ``offset``) by its ``decoding`` from ``skeleton``, if
    it is consistent and a clear enough gain."""
    if not _round_trips(decoding.text, run, codec):
        return None
    original = sum(char_logprob(char, language) for char in run if char != "\ufffd")
    gain = (decoding.score - original) / max(1, decoding.chars)
    if gain < _MIN_GAIN_PER_CHAR:
        return None
    certain = 1.0 - decoding.uncertain / max(1, decoding.chars)
    confidence = certain * (1.0 - 10 ** (-gain))
    # Read as EUC-KR or Big5, most characters keep one byte of three or none: the guesses
    # are then only character frequencies, too weak to apply (``자료`` → ``자르``).
    known = sum(1 for value in skeleton if isinstance(value, int)) / max(1, len(skeleton))
    if known < _WELL_KNOWN_BYTES:
        confidence *= (known / _WELL_KNOWN_BYTES) ** 2
    confidence = round(min(0.99, confidence), 3)
    return Edit(offset, offset + len(run), decoding.text, "lost-cjk", confidence)


def _repair_parts(
    run: str, offset: int, following: str, preceding: str
) -> tuple[list[Edit], str] | None:
    """Repairs of the damaged parts of a run that also holds clean text
    (``このテキストは譁�蟄怜喧縺�です``): each character of the run is either kept as it is
    or part of bytes that decode to UTF-8, whichever reads better, and the clean text,
    whose bytes do not make UTF-8 (``こ`` is ``82 B1`` in Shift_JIS), stays as it is."""
    best: tuple[_Decoding, str] | None = None
    for codec in _CODECS:
        skeleton = _skeleton(run, codec, following, parts=True)
        if skeleton is None:
            continue
        kept = _kept_characters(run, codec)[0]
        decoding = _decode(skeleton, None, codec, kept=kept)
        if decoding is not None and (best is None or decoding.score > best[0].score):
            best = (decoding, codec)
    if best is None:
        return None
    decoding, codec = best
    language = _language_of(decoding.text)
    skeleton = _skeleton(run, codec, following, parts=True)
    if skeleton is None:
        return None
    kept, starts = _kept_characters(run, codec)
    final = _decode(skeleton, language, codec, following, preceding, kept, _PART_CERTAINTY)
    if final is None:
        return None
    scripts = scripts_of_language(language)
    clean = (unit.options[0][1] for unit in final.units if unit.kept)
    if any(script_of(char) not in (None, *scripts) for char in clean):
        return None  # ``стаў�ца``: the clean text is not in the language of the repair
    index_of = {start: index for index, start in enumerate(starts)}
    edits: list[Edit] = []
    lossless: list[Edit] = []
    for first, last in _damaged_parts(final.units):
        start = index_of[final.units[first].start]
        end = index_of[final.units[last - 1].end]
        part = run[start:end]
        pieces = final.pieces[first:last]
        part_decoding = _Decoding(
            "".join(pieces),
            sum(final.scores[first:last]),
            sum(1 for piece in pieces if piece == "\ufffd"),
            last - first,
        )
        part_skeleton = skeleton[final.units[first].start : final.units[last - 1].end]
        edit = _edit(part, offset + start, part_decoding, part_skeleton, language, codec)
        if edit is not None:
            (edits if "\ufffd" in part else lossless).append(edit)
    if not edits:
        return None
    # A part without a lost byte may be clean text that happens to re-encode to UTF-8;
    # beside damage repaired with the same codec in the same run, it is the same damage
    # (``这是一个鏂囦欢鍚�和璁剧疆閫夐」的例子``).
    return sorted(edits + lossless), codec


def _damaged_parts(units: tuple[_Unit, ...]) -> list[tuple[int, int]]:
    """The spans ``(first, last)`` of consecutive decoded units."""
    spans: list[tuple[int, int]] = []
    first: int | None = None
    for index, unit in enumerate((*units, None)):
        if unit is not None and not unit.kept:
            first = index if first is None else first
        elif first is not None:
            spans.append((first, index))
            first = None
    return spans


def _kept_characters(run: str, codec: str) -> tuple[dict[int, tuple[int, str]], list[int]]:
    """Each character of the run that may be kept as it is, by where its bytes start in the
    skeleton: where they end, and the character (``�`` is damage, never kept); and where
    each character of the run starts in the skeleton, then where the skeleton ends."""
    kept: dict[int, tuple[int, str]] = {}
    starts = [0]
    for char in run:
        position = starts[-1]
        if char == "\ufffd":
            starts.append(position + 1)
            continue
        try:
            size = len(char.encode(codec))
        except UnicodeEncodeError:
            size = 1
        kept[position] = (position + size, char)
        starts.append(position + size)
    return kept, starts


def _skeleton(run: str, codec: str, following: str, parts: bool = False) -> tuple[Byte, ...] | None:
    """The bytes the run stood for; each byte lost behind a ``�`` is the set of values it
    can have had.

    With ``parts``, the run may hold clean text: a character the codec cannot encode is a
    barrier no decoded character crosses, and the damage may end after any ``�``, where
    the codec met the end of its bytes rather than the character that follows."""
    values: list[int | None] = []
    for char in run:
        if char == "\ufffd":
            values.append(None)
            continue
        try:
            values.extend(char.encode(codec))
        except UnicodeEncodeError:
            if not parts:
                return None
            values.append(_BARRIER)
    after = following.encode("ascii", "replace")[:1] or b" "
    skeleton: list[Byte] = []
    for index, value in enumerate(values):
        if value is not None:
            skeleton.append(value)
            continue
        successor = values[index + 1] if index + 1 < len(values) else after[0]
        if successor is None:
            skeleton.append(_undecodable_bytes(codec, 0x20))
        elif successor == _BARRIER:
            skeleton.append(_undecodable_bytes(codec, None))
        elif parts and index + 1 < len(values):
            lost = _undecodable_bytes(codec, successor) | _undecodable_bytes(codec, None)
            skeleton.append(lost)
        else:
            skeleton.append(_undecodable_bytes(codec, successor))
    return tuple(skeleton)


@lru_cache(maxsize=4096)
def _undecodable_bytes(codec: str, successor: int | None) -> frozenset[int]:
    """The bytes ``codec`` shows as ``�`` when ``successor`` follows them (``None``: when
    they are the last)."""
    found = set()
    for value in range(0x80, 0x100):
        data = bytes([value]) if successor is None else bytes([value, successor])
        if data.decode(codec, "replace")[0] == "\ufffd":
            found.add(value)
    return frozenset(found)


def _language_of(decoded: str) -> str:
    kana = sum(1 for char in decoded if "\u3040" <= char <= "\u30ff")
    hangul = sum(1 for char in decoded if "\uac00" <= char <= "\ud7af")
    if hangul and hangul >= kana:
        return "ko"
    return "ja" if kana else "zh"


def _round_trips(decoded: str, run: str, codec: str) -> bool:
    """Whether the repair, misread again the same way, gives back exactly the run (a
    ``�`` kept in the repair stands for bytes we could not pin down)."""
    if "\ufffd" in decoded:
        return True
    return decoded.encode("utf-8").decode(codec, "replace") == run


def _decode(
    skeleton: tuple[Byte, ...],
    language: str | None,
    codec: str,
    following: str = "",
    preceding: str = "",
    kept: dict[int, tuple[int, str]] | None = None,
    certainty: float = _CHAR_CERTAINTY,
) -> _Decoding | None:
    """The most likely UTF-8 text with these bytes: a Viterbi pass over character
    boundaries with character frequencies, then each character of lost bytes chosen again
    knowing its neighbours (``て�ません`` → ``ていません``). Characters in ``kept`` may
    also be read as they are (see :func:`_viterbi`)."""
    units = _viterbi(skeleton, language, codec, kept)
    if units is None:
        return None
    path = [unit.options for unit in units]
    chosen = [options[0][1] for options in path]
    if language is not None:
        for _ in range(_REFINEMENTS):
            for index, options in enumerate(path):
                if len(options) > 1:
                    ranked = _in_context(options, chosen, index, language, following, preceding)
                    chosen[index] = ranked[0][1]
    scores: list[float] = []
    uncertain = 0
    text: list[str] = []
    for index, options in enumerate(path):
        ranked = (
            _in_context(options, chosen, index, language, following, preceding)
            if language
            else options
        )
        top = ranked[0][0]
        scores.append(top)
        if len(ranked) > 1 and 1.0 / sum(10 ** (other - top) for other, _ in ranked) < certainty:
            uncertain += 1
            text.append("\ufffd")
        else:
            text.append(ranked[0][1])
    return _Decoding(
        "".join(text), sum(scores), uncertain, len(path), tuple(units), tuple(text), tuple(scores)
    )


def _in_context(
    options: list[tuple[float, str]],
    chosen: list[str],
    index: int,
    language: str,
    following: str = "",
    preceding: str = "",
) -> list[tuple[float, str]]:
    if len(options) == 1:
        return options
    left = chosen[index - 1] if index > 0 else None
    right = chosen[index + 1] if index + 1 < len(chosen) else None
    inside = "".join(chosen[:index])
    opened = inside.count("（") > inside.count("）")
    if right is None and not following.isalnum():
        # ``（同 -L锛�`` + line end: a bracket opened before the run closes at its end; not
        # before a word (``标准锛�32/Z85`` is ``标准：32/Z85``).
        before = preceding + inside
        opened = opened or before.count("（") > before.count("）")
    segments = _segments(chosen, index, language)
    other_variant = (
        _other_variant(chosen[:index] + chosen[index + 1 :]) if language == "zh" else frozenset()
    )
    # (No list counts pairs with a mark: where marks are candidates, each keeps its own
    # cost, see _char_score, and so does any other.)
    paired = all(cjk_mark_cost(char) is None for _, char in options)
    rescored = []
    for score, char in options:
        value = score + _word_bonus(chosen, index, char, language, segments)
        if paired and left is not None and not left.isascii():
            value += _pair(left, char, language) - char_logprob(left, language) - score
        if paired and right is not None and not right.isascii():
            value += _pair(char, right, language) - char_logprob(right, language) - score
        if char in other_variant:
            value -= _VARIANT_COST  # ``縮碼開始`` in Traditional text, not ``开始``
        if right is None and (not following or following.isspace()):
            if char == "。":
                value += _SENTENCE_END_BONUS  # ``能用于读操作�`` + line end: a full stop
            elif char in _NEVER_LAST:
                value -= _NEVER_LAST_COST  # ``数据锛�`` + line end: ``：``, not ``，``
        if char == "）":
            # ``（不安全�`` closes what it opened; nothing opened, nothing closes.
            value += _CLOSING_BONUS if opened else -_NEVER_LAST_COST
        value += _ascii_context_bonus(char, left, right, preceding, following)
        rescored.append((value, char))
    rescored.sort(reverse=True)
    return rescored


def _pair(first: str, second: str, language: str) -> float:
    """The pair's log10 frequency; in Chinese, of its Simplified form, the one counted."""
    if language == "zh":
        first, second = _simplified(first), _simplified(second)
    return pair_logprob(first, second, language)


def _simplified(char: str) -> str:
    return chinese_variants()[0].get(char, char)


def _other_variant(chosen: list[str]) -> frozenset[str]:
    """The characters of the Chinese variant the rest of the reading is not written in:
    Traditional and Simplified characters do not mix. Simplified, the word list's, unless
    the reading shows more Traditional characters (``路径``, not ``路徑``)."""
    _, traditional_only, simplified_only = chinese_variants()
    traditional = sum(1 for char in chosen if char in traditional_only)
    simplified = sum(1 for char in chosen if char in simplified_only)
    return simplified_only if traditional > simplified else traditional_only


def _ascii_context_bonus(
    char: str, left: str | None, right: str | None, preceding: str, following: str
) -> float:
    """Support for a mark or a one-character word at the edge of a run, from the ASCII
    text around the run (``preceding``: its last two characters, ``following``: one)."""
    preceding = preceding[-2:]
    bonus = 0.0
    alone = left is None and right is None
    if alone and char in _BETWEEN_ITEMS and _between_items(preceding, following):
        # ``16銆�32``, ``'%1$s'銆�'%2$s'``, ``%ld锛�%s``: a mark standing alone between
        # two items of ASCII separates them; a full stop or a bracket would not.
        bonus += _SEPARATOR_BONUS
    if alone and char in _STANDALONE_WORDS and _between_ascii(preceding, following):
        # A character standing alone between ASCII is a word of its own: a particle
        # (``ID 縺� '%s'`` is ``が``) or a conjunction (``64 鎴� 128`` is ``或``).
        bonus += _SEPARATOR_BONUS
    if char in "“‘" and right is None and following.strip() and following.isascii():
        bonus += _SEPARATOR_BONUS  # ``地址鈥�%.*s``: a mark before ASCII opens a quotation
    if char in "”’" and left is None and _closes_ascii(preceding, following):
        bonus += _SEPARATOR_BONUS  # ``%.*s鈥�``: after ASCII, before a space, it closes
    return bonus


def _between_items(preceding: str, following: str) -> bool:
    before = preceding[-1:]
    return all(
        char.isascii() and (char.isalnum() or char in "'\"%)]") for char in (before, following)
    ) and bool(before and following)


def _closes_ascii(preceding: str, following: str) -> bool:
    before = preceding[-1:]
    return bool(before.strip()) and before.isascii() and not following.isalnum()


def _between_ascii(preceding: str, following: str) -> bool:
    """``64 鎴� 128``, ``ID 縺� '%s'``: the character stands between ASCII words."""
    before = preceding.strip()[-1:]
    return bool(before) and before.isascii() and (not following or following.isascii())


def _word_value(word: str, language: str) -> float | None:
    """What a known word is worth in a segmentation: longer and more frequent words more
    (``ディレクトリ`` over ``ティ``)."""
    logprob = word_logprob(word, language)
    if logprob is None:
        return None
    return logprob - _WORD_FLOOR + _PER_CHAR_BONUS * len(word)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _best_segmentation(chars: list[str], language: str, backward: bool = False) -> list[float]:
    """The best value of a segmentation into known words (other characters standing alone,
    worth nothing) of each prefix of ``chars``, ``result[n]`` for ``chars[:n]``; or, going
    ``backward``, of each suffix, ``result[n]`` for the last ``n`` characters."""
    size = len(chars)
    best = [0.0] * (size + 1)
    for length in range(1, size + 1):
        value = best[length - 1]
        for shorter in range(max(0, length - _LONGEST_WORD), length - 1):
            piece = chars[size - length : size - shorter] if backward else chars[shorter:length]
            word = _word_value("".join(piece), language)
            if word is not None:
                value = max(value, best[shorter] + word)
        best[length] = value
    return best


@dataclass(frozen=True, slots=True)
class _Segments:
    """Best segmentations around position ``index`` of a run, within a window: of the
    characters before each boundary (``before``), after each boundary (``after``), and
    between each boundary and the position itself (``left``, ``right``)."""

    first: int
    last: int
    before: dict[int, float]
    after: dict[int, float]
    left: dict[int, float]
    right: dict[int, float]


def _segments(chosen: list[str], index: int, language: str) -> _Segments:
    first = max(0, index - _SEGMENT_WINDOW)
    last = min(len(chosen), index + 1 + _SEGMENT_WINDOW)
    forward = _best_segmentation(chosen[first:index], language)
    backward = _best_segmentation(chosen[index + 1 : last], language, backward=True)
    left = _best_segmentation(chosen[first:index], language, backward=True)
    right = _best_segmentation(chosen[index + 1 : last], language)
    return _Segments(
        first,
        last,
        {first + n: value for n, value in enumerate(forward)},
        {last - n: value for n, value in enumerate(backward)},
        {index - n: value for n, value in enumerate(left)},
        {index + 1 + n: value for n, value in enumerate(right)},
    )


def _word_bonus(
    chosen: list[str], index: int, char: str, language: str, segments: _Segments
) -> float:
    """How much a known word around the character supports it (``ま�`` → ``ます``).

    A Han character is read the way Chinese is segmented: a word holding it counts less
    what it costs the words around it (``一出`` in ``信息一出现`` takes ``出`` from
    ``出现``, a better word, and supports nothing), and the character may be a word by
    itself (``中`` there), worth less than a word of two. Kana are left out of both:
    Japanese inflections (``し`` + ``ます``) come in pieces the word list does not hold as
    one word, and a segmentation into listed words would break them."""
    best = 0.0
    if char in _CLOSING_PUNCTUATION:
        # ``ます�`` at a sentence end: ``。`` completes ``ます``, while ``む`` would only
        # make ``すむ``, which splits it. Punctuation is supported by the word it closes.
        for start in range(max(0, index - _LONGEST_WORD), index - 1):
            logprob = word_logprob("".join(chosen[start:index]), language)
            if logprob is not None:
                best = max(best, logprob - _WORD_FLOOR + _PER_CHAR_BONUS * (index - start))
    alone = segments.before[index] + segments.after[index + 1]
    for start in range(max(segments.first, index - _LONGEST_WORD + 1), index + 1):
        for end in range(index + 1, min(segments.last, start + _LONGEST_WORD) + 1):
            if end - start < 2 and not _is_han(char):
                continue
            word = "".join(chosen[start:index]) + char + "".join(chosen[index + 1 : end])
            value = _word_value(word, language)
            if value is None:
                continue
            if len(word) == 1:
                value -= _SINGLE_WORD_COST
            if _is_han(char):
                kept = (
                    segments.before[start]
                    + segments.left[start]
                    + segments.right[end]
                    + segments.after[end]
                )
                value -= alone - kept
            best = max(best, value)
    return best


def _viterbi(
    skeleton: tuple[Byte, ...],
    language: str | None,
    codec: str,
    kept: dict[int, tuple[int, str]] | None = None,
) -> list[_Unit] | None:
    """The most likely characters of UTF-8 for the skeleton. With ``kept``, a character of
    the run may also be read as it is, from where its bytes start to where they end; each
    stretch of decoded characters then costs ``_PART_COST``."""
    size = len(skeleton)
    # The best score of each position, after a kept character (or none: 0) or a decoded
    # one (1), and the unit that reached it with the state before that unit.
    best = [[-math.inf, -math.inf] for _ in range(size + 1)]
    back: list[list[tuple[_Unit, int] | None]] = [[None, None] for _ in range(size + 1)]
    best[0][0] = 0.0
    for position in range(size):
        for state in (0, 1):
            base = best[position][state]
            if base == -math.inf:
                continue
            if kept is not None and position in kept:
                end, char = kept[position]
                value = _char_score(char, language)
                if base + value > best[end][0]:
                    best[end][0] = base + value
                    back[end][0] = (_Unit(position, end, [(value, char)], kept=True), state)
            cost = _PART_COST if kept is not None and state == 0 else 0.0
            for length in (1, 2, 3, 4):
                if position + length > size:
                    break
                options = _characters(skeleton[position : position + length], language, codec)
                if not options:
                    continue
                score = base + options[0][0] - cost
                if score > best[position + length][1]:
                    best[position + length][1] = score
                    unit = _Unit(position, position + length, options[:_OPTIONS_KEPT])
                    back[position + length][1] = (unit, state)
    state = 0 if best[size][0] >= best[size][1] else 1
    if best[size][state] == -math.inf:
        return None
    units: list[_Unit] = []
    position = size
    while position > 0:
        step = back[position][state]
        assert step is not None
        unit, state = step
        units.append(unit)
        position = unit.start
    units.reverse()
    return units


@lru_cache(maxsize=65536)
def _characters(
    pattern: tuple[Byte, ...], language: str | None, codec: str
) -> list[tuple[float, str]]:
    """The characters whose UTF-8 fits ``pattern``, each with its log10 frequency, most
    likely first."""
    length = len(pattern)
    lead = pattern[0]
    if length == 1:
        return [(0.0, chr(lead))] if isinstance(lead, int) and lead < 0x80 else []
    leads = _LEADS[length]
    if isinstance(lead, int) and lead not in leads:
        return []
    for value in pattern[1:]:
        if isinstance(value, int) and value not in _CONTINUATIONS:
            return []
    holes = sum(1 for value in pattern if not isinstance(value, int))
    if holes <= 1:
        found = _enumerate(pattern)
    else:
        found = [char for char in _common_chars(language, length) if _fits(char, pattern)]
        # ``音频`` as GBK: ``A2`` then ``91`` are both lost, since ``A2 91`` is no GBK
        # character; ``音量`` would need ``87 8F``, which is one, so ``量`` is impossible.
        found = [char for char in found if _lost_pairs_undecodable(char, pattern, codec)]
    scored = [(_char_score(char, language), char) for char in found]
    scored.sort(reverse=True)
    return scored


_CONTINUATIONS = range(0x80, 0xC0)
_LEADS = {2: range(0xC2, 0xE0), 3: range(0xE0, 0xF0), 4: range(0xF0, 0xF5)}


def _enumerate(pattern: tuple[Byte, ...]) -> list[str]:
    choices = [b""]
    for index, value in enumerate(pattern):
        if isinstance(value, int):
            choices = [prefix + bytes([value]) for prefix in choices]
        else:
            allowed = _LEADS[len(pattern)] if index == 0 else _CONTINUATIONS
            options = sorted(option for option in value if option in allowed)
            choices = [prefix + bytes([option]) for prefix in choices for option in options]
    found = []
    for data in choices:
        try:
            char = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(char) == 1 and unicodedata.category(char) not in _UNWANTED_CATEGORIES:
            found.append(char)
    return found


def _lost_pairs_undecodable(char: str, pattern: tuple[Byte, ...], codec: str) -> bool:
    data = char.encode("utf-8")
    for index in range(len(pattern) - 1):
        both_lost = not isinstance(pattern[index], int) and not isinstance(pattern[index + 1], int)
        if both_lost and data[index] not in _undecodable_bytes(codec, data[index + 1]):
            return False
    return True


def _fits(char: str, pattern: tuple[Byte, ...]) -> bool:
    data = char.encode("utf-8")
    if len(data) != len(pattern):
        return False
    for value, byte in zip(pattern, data, strict=True):
        if value != byte if isinstance(value, int) else byte not in value:
            return False
    return True


@cache
def _common_chars(language: str | None, length: int) -> tuple[str, ...]:
    codes = _LANGUAGES if language is None else (language,)
    found: dict[str, None] = {}
    for code in codes:
        table = language_data(code).chars
        ranked = sorted(table, key=lambda char: table[char], reverse=True)[:_TABLE_SIZE]
        for char in ranked:
            if len(char.encode("utf-8")) == length:
                found.setdefault(char, None)
            if code == "zh" and language == "zh":
                # The list is Simplified; Traditional text has the other forms (``檔``).
                for form in _traditional_forms().get(char, ()):
                    if len(form.encode("utf-8")) == length:
                        found.setdefault(form, None)
    return tuple(found)


@cache
def _traditional_forms() -> dict[str, tuple[str, ...]]:
    forms: dict[str, list[str]] = {}
    for traditional, simplified in chinese_variants()[0].items():
        forms.setdefault(simplified, []).append(traditional)
    return {simplified: tuple(found) for simplified, found in forms.items()}


def _char_score(char: str, language: str | None) -> float:
    mark = cjk_mark_cost(char)
    if mark is not None:
        # (No word list counts punctuation: the marks' own costs rank them, ``，`` before
        # ``：`` before ``！``.)
        return mark
    if language is not None:
        return char_logprob(char, language)
    return max(char_logprob(char, code) for code in _LANGUAGES)
