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

from fixtext.data.char_costs import CHAR_COSTS
from fixtext.model import Edit
from fixtext.plausibility import text_cost
from fixtext.spans import select_disjoint

__all__ = ["CJK_CODECS", "find_cjk_repairs"]

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
_RUN = re.compile(r"[^\x00-\x7f]{2,}(?:[\x21-\x7e][^\x00-\x7f]+)*")
# Where a run may hold a clean part and a damaged part: CJK punctuation and spaces.
_BREAK = re.compile(r"[\u3000-\u3002\uff0c\uff1a\uff1b\uff01\uff1f]")
_MIN_MULTIBYTE = 2
_RARITY_MARGIN = 3
# Besides two characters of valid UTF-8, the repair must be no less plausible than the run:
# clean Chinese reaches valid UTF-8 by chance (讀取至 in cp932 is 椎掊, rarer characters).
# Such mojibake always holds two CJK characters (ideographs, kana, Hangul, full- and
# half-width forms) side by side; most text without them is decided by this one scan.
_DECODED_PAIR = re.compile(r"[\u0800-\ufffc]{2}")
_CJK_PAIR = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\uffef]{2}")


def _rarity(text: str) -> int:
    """How rare the ideographs, kana and Hangul of ``text`` are, summed (unseen: 10).

    Mojibake is made of rare characters (``閫夐`` for ``选项``); clean text that re-encodes
    to valid UTF-8 by chance gives characters as rare as its own (``讀取至``, ``椎掊``)."""
    return sum(CHAR_COSTS.get(c, 10) for c in text if c >= "\u2e80")


def _decode_run(run: str, codec: str) -> str | None:
    try:
        data = run.encode(codec)
        text = data.decode("utf-8")
    except UnicodeError:
        return None
    # Two-byte UTF-8 characters (Greek, Hebrew, Latin accents) line up by chance in
    # clean text (模式 in GBK is ģʽ); three-byte ones practically never do.
    if text == run or sum(1 for c in text if c >= "\u0800") < _MIN_MULTIBYTE:
        return None
    return text


def _candidates(text: str, codec: str, name: str) -> list[tuple[int, Edit]]:
    found: list[tuple[int, Edit]] = []
    for match in _RUN.finditer(text):
        pieces = [(match.start(), match.group())]
        if _decode_run(match.group(), codec) is None:
            pieces = []
            position = match.start()
            for part in _BREAK.split(match.group()):
                if len(part) >= 2:
                    pieces.append((position, part))
                position += len(part) + 1
        for start, run in pieces:
            after = _decode_run(run, codec)
            if after is None:
                continue
            end = start + len(run)
            left, right = text[max(0, start - 1) : start], text[end : end + 1]
            gain = text_cost(left + run + right) - text_cost(left + after + right)
            evidence = sum(1 for c in after if c >= "\u0800")
            if _rarity(after) > _rarity(run) - _RARITY_MARGIN:
                continue
            score = gain + evidence
            if gain < 0 or any(c in "\ufffd" or "\ue000" <= c <= "\uf8ff" for c in after):
                continue
            confidence = round(min(0.99, 0.5 + 0.1 * evidence + 0.05 * max(gain, 0)), 3)
            found.append((score, Edit(start, end, after, name, confidence)))
    return found


def find_cjk_repairs(text: str) -> list[Edit]:
    """Propose repairs of UTF-8 read through CJK double-byte code pages.

    >>> find_cjk_repairs("git pull [<閫夐」>]")[0].after
    '选项'
    """
    if not _CJK_PAIR.search(text):
        return []
    candidates: list[tuple[int, Edit]] = []
    for codec, name in CJK_CODECS:
        # One pass in C first: text that holds no two adjacent characters of valid
        # three-byte UTF-8 once re-encoded has nothing for this code page.
        rough = text.encode(codec, "replace").decode("utf-8", "replace")
        if _DECODED_PAIR.search(rough):
            candidates.extend(_candidates(text, codec, name))
    candidates.sort(key=lambda item: -item[0])
    return select_disjoint(edit for _, edit in candidates)
