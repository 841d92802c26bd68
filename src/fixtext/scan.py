"""One scan that decides most clean text.

Each rule states what any damage it repairs starts with, as a :data:`Trigger`: a character
class, and the pattern that must follow that character. A text where no trigger matches
gives no rule anything to do, and is returned as it is without running any of them.

The triggers are joined into one expression that starts with a single character class, the
union of their first characters: the regular expression engine skips in C every character
that no damage starts with, and tries the rules' own patterns only at the others. At an
accented letter of Latin-1, which Latin text holds in every other word, it tries only the
triggers whose next character class takes the character that follows; at other characters
it first tells which block of Unicode the character is in (Latin, Greek and Cyrillic, Hebrew
and Arabic, Thai), and tries only the triggers that can start with a character of that block.

Russian, Greek, Hebrew or Arabic text would hold a possible first character at nearly every
position: most of their lower-case letters start some code page's sequence. A trigger whose
first class takes many such letters and whose second takes fewer (``[а-р]`` then a sign or
a rare letter) is searched from its second character instead, looking behind for the first;
a trigger that must start on such letters (a Cyrillic letter beside a Latin one) goes to a
second expression, searched only where the first search met a character it can start on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Scan", "Trigger", "compile_triggers"]

Trigger = tuple[str, str]
"""A character class (``"[Ãâ]"``), and the pattern that follows it (``""`` for none)."""


class Scan:
    """The compiled triggers: :meth:`search` tells whether any of them matches a text."""

    __slots__ = ("_common", "_first", "_rare")

    def __init__(
        self, first: re.Pattern[str], rare: re.Pattern[str], common: re.Pattern[str] | None
    ) -> None:
        # ``first`` finds a rare trigger, or else the first character a common one may
        # start on; only text that has one pays for the other two searches.
        self._first = first
        self._rare = rare
        self._common = common

    def search(self, text: str) -> bool:
        match = self._first.search(text)
        if match is None:
            return False
        if self._common is None or match.group(_COMMON_SEEN) is None:
            return True
        start = match.start()
        # (The common triggers are searched from their other character, which may come
        # just before the first one met: see :func:`_turned`.)
        return bool(
            self._rare.search(text, start + 1) or self._common.search(text, max(start - 1, 0))
        )


_COMMON_SEEN = "common"

_BLOCKS = (
    (0x80, 0xBF),
    (0xC0, 0xFF),
    (0x100, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x42F),
    (0x430, 0x45F),
    (0x460, 0x52F),
    (0x590, 0x6FF),
    (0xE00, 0xE7F),
    (0x2000, 0x206F),
)


def compile_triggers(triggers: Iterable[Trigger]) -> Scan:
    """A scan that matches wherever one of ``triggers`` does.

    >>> scan = compile_triggers([("[Ã]", "[\\u00a0-\\u00bf]"), ("[&]", "")])
    >>> [scan.search(text) for text in ("cafÃ©", "SÃO", "a &amp; b", "café")]
    [True, False, True, False]
    """
    rare: list[Trigger] = []
    common: list[Trigger] = []
    for first, rest in triggers:
        if not (first.startswith("[") and first.endswith("]")) or first.startswith("[^"):
            raise ValueError(f"a trigger starts with a character class, not {first!r}")
        first, rest = _rekeyed(first, rest)
        (common if _running_letters(first) >= _COMMON_START else rare).append((first, rest))
    if not common:
        only = _compile(rare)
        return Scan(only, only, None)
    marker = _join_classes([first for first, _ in common])
    turned = [_turned(first, rest) for first, rest in common]
    return Scan(_compile(rare, marker), _compile(rare), _compile(turned))


# The lower-case letters that make up most of running Greek, Cyrillic, Hebrew and Arabic text.
_RUNNING = (
    "αβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщъыьэюяאבגדהוזחטיכלמנסעפצקרשת"
    + "".join(map(chr, range(0x621, 0x64B)))
)
# A trigger starting on this many of them is searched from its second character if that
# is rarer; one that still starts on this many goes to the second expression.
_REKEYED_START = 3
_COMMON_START = 10
_ANY = "[\\s\\S]"
_LATIN_1_RANGE = (0xC0, 0xFF)
_LATIN_1_LETTERS = "".join(map(chr, range(0xC0, 0x100)))
_LATIN_1_BLOCK = "\u00c0-\u00ff"
_ASCII = "".join(map(chr, range(0x80)))
_CLASS_AND_COUNT = re.compile(r"(\[(?:\\.|[^\]\\])*\])(?:\{(\d+)\})?")


def _running_letters(char_class: str) -> int:
    return len(re.findall(char_class, _RUNNING))


_LOOK_BEHIND = re.compile(r"\(\?<=(\[(?:\\.|[^\]\\])*\])\.\)")


def _turned(first: str, rest: str) -> Trigger:
    """A trigger of two characters side by side, searched from the second one: the second
    expression runs on text full of the first one's letters (a Cyrillic letter beside a
    Latin one, in Russian text with a few Latin words), where the regular expression engine
    skips in C every character that is no Latin letter, and tries the rest at a few.

    >>> _turned("[а-я]", "[a-z]"), _turned("[а-я]", "(?<=[a-z].)")
    (('[a-z]', '(?<=[а-я].)'), ('[a-z]', '[а-я]'))
    """
    if _leading_class(rest) == rest:
        return rest, f"(?<={first}.)"
    behind = _LOOK_BEHIND.fullmatch(rest)
    if behind:
        return behind.group(1), first
    return first, rest


def _rekeyed(first: str, rest: str) -> Trigger:
    """``first`` then ``rest`` as the same trigger started on its second character, when
    that one is rarer in running text (``[а-р]`` then ``[«»–—ёі…]``): the class of the
    second character, then the rest of ``rest``, and a look behind for ``first``."""
    second = _leading_class(rest)
    count = _running_letters(first)
    if count < _REKEYED_START or not second or _running_letters(second) >= count:
        return first, rest
    if re.search(second, _ASCII):
        return first, rest  # (ASCII is everywhere: a Cyrillic letter before a Latin one)
    tail = rest[len(second) :]
    repeat = re.match(r"\{(\d+)\}", tail)
    if repeat:
        times = int(repeat.group(1))
        tail = second * (times - 1) + tail[repeat.end() :]
    pieces = list(_CLASS_AND_COUNT.finditer(tail))
    if "".join(piece.group() for piece in pieces) == tail:
        # A fixed width: the look behind goes last, and the rest still starts with a class.
        width = 1 + sum(int(piece.group(2) or 1) for piece in pieces)
        return second, f"{tail}(?<={first}{_ANY * width})"
    return second, f"(?<={first}{_ANY}){tail}"


def _compile(triggers: list[Trigger], marker: str = "") -> re.Pattern[str]:
    """One pattern for ``triggers``; with a ``marker`` class, one that also matches, as the
    group ``common`` and after every trigger, the first character of that class.

    The pattern takes the first character of any trigger, then tries what may follow it.
    Those that may start on an accented letter of Latin-1, which Latin text holds in every
    other word, come first (see :func:`_by_next`); for the others the pattern first tells
    which block of Unicode the character is in (Latin, Greek and Cyrillic, Hebrew and
    Arabic, Thai), and tries only the triggers that can start with a character of that block.
    """
    rests: dict[str, list[str]] = {}
    for first, rest in triggers:
        rests.setdefault(first, []).append(rest)
    if len(rests) == 1 and not marker:
        ((first, alone),) = rests.items()
        return re.compile(f"{first}(?:{'|'.join(alone)})")
    # (Latin-1's letters are the block from U+00C0; ``×`` and ``÷`` go with them.)
    latin = [(first, rest) for first, rest in triggers if re.search(first, _LATIN_1_LETTERS)]
    groups = [f"(?<=[{_LATIN_1_BLOCK}])(?:{_by_next(latin)})"] if latin else []
    groups.append(f"(?<![{_LATIN_1_BLOCK}])(?:{_by_block(triggers)})")
    firsts = list(rests)
    if marker:
        groups.append(f"(?<={marker})(?P<{_COMMON_SEEN}>)")
        firsts.append(marker)
    return re.compile(f"{_join_classes(firsts)}(?:{'|'.join(groups)})")


def _by_next(triggers: list[Trigger]) -> str:
    """Alternatives for ``triggers`` grouped by the class of the character after the first.

    Python's engine passes over, at the cost of one test, an alternative that starts with a
    character class the next character is not in; one that starts by looking behind costs
    several times that. So the triggers whose rest starts with a class look behind for their
    first character only where the next one is in that class; and where it is in none of
    them (an accented letter before a space or an ASCII letter), a look ahead at their union
    passes over all of them. The others look behind for their first character.
    """
    alone = [first for first, rest in triggers if not rest]
    by_next: dict[bool, dict[str, list[tuple[str, str]]]] = {False: {}, True: {}}
    behind: dict[str, list[str]] = {}
    for first, rest in triggers:
        second = _leading_class(rest)
        if not rest:
            continue
        if not second:
            behind.setdefault(first, []).append(rest)
            continue
        tail = rest[len(second) :]
        repeat = re.match(r"\{(\d+)\}", tail)
        if repeat:
            tail = f"{second}{{{int(repeat.group(1)) - 1}}}{tail[repeat.end() :]}"
        by_next[_ascii_only(second)].setdefault(second, []).append((first, tail))
    branches = [f"(?<={_join_classes(alone)})"] if alone else []
    if behind:
        looked = "|".join(f"(?<={first})(?:{'|'.join(rs)})" for first, rs in behind.items())
        branches.append(f"(?<={_join_classes(list(behind))})(?:{looked})")
    # (Those followed by ASCII apart, a space or a quotation mark: the others need not be
    # tried after every accented letter that ends a word.)
    for grouped in by_next.values():
        if grouped:
            tried = "|".join(
                second + "(?:" + "|".join(f"(?<={first}.){tail}" for first, tail in pairs) + ")"
                for second, pairs in grouped.items()
            )
            branches.append(f"(?={_join_classes(list(grouped))})(?:{tried})")
    return "|".join(branches)


def _by_block(triggers: list[Trigger]) -> str:
    """Alternatives for ``triggers`` grouped by the block of Unicode of their first character."""
    rests: dict[str, list[str]] = {}
    for first, rest in triggers:
        rests.setdefault(first, []).append(rest)
    groups = []
    blocks = ""
    for low, high in _BLOCKS:
        if (low, high) == _LATIN_1_RANGE:
            continue  # (see :func:`_by_next`)
        block = f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        blocks += block
        chars = "".join(map(chr, range(low, high + 1)))
        inside = [first for first in rests if re.search(first, chars)]
        if inside:
            groups.append(f"(?<=[{block}])(?:{_alternatives(inside, rests)})")
    # Outside those blocks, every trigger (fewer would do; these characters are rare).
    groups.append(f"(?<![{blocks}])(?:{_alternatives(list(rests), rests)})")
    return "|".join(groups)


def _alternatives(firsts: list[str], rests: dict[str, list[str]]) -> str:
    # A class that suffices alone is tried first; the others check their class again
    # (looking behind at the one character matched) and then what follows it. Those whose
    # every follower starts with a character class are tried only where the next character
    # is in one of these classes: in Russian text, a small letter after a small letter
    # starts no code page's sequence, and is passed over with one test.
    alone = [first for first in firsts if "" in rests[first]]
    simple = [
        first
        for first in firsts
        if first not in alone and all(_leading_class(rest) for rest in rests[first])
    ]
    other = [first for first in firsts if first not in alone and first not in simple]
    branches = [f"(?<={_join_classes(alone)})"] if alone else []
    # (Those followed by ASCII alone, a space or a quotation mark, apart: the others need
    # not be tried after every accented letter that ends a word.)
    for led_by_ascii in (False, True):
        pairs = [
            (first, rest)
            for first in simple
            for rest in rests[first]
            if _ascii_only(_leading_class(rest)) == led_by_ascii
        ]
        if pairs:
            following = _join_classes([_leading_class(rest) for _, rest in pairs])
            grouped: dict[str, list[str]] = {}
            for first, rest in pairs:
                grouped.setdefault(first, []).append(rest)
            branches.append(f"(?={following})(?:{_followed(list(grouped), grouped)})")
    if other:
        branches.append(_followed(other, rests))
    return "|".join(branches)


def _ascii_only(char_class: str) -> bool:
    """Whether ``char_class`` matches ASCII characters only."""
    return re.search(char_class, _NOT_ASCII) is None


_NOT_ASCII = "".join(map(chr, range(0x80, 0x3400)))


def _followed(firsts: list[str], rests: dict[str, list[str]]) -> str:
    return "|".join(f"(?<={first})(?:{'|'.join(rests[first])})" for first in firsts)


def _leading_class(rest: str) -> str:
    """The character class ``rest`` starts with, or ``""``."""
    if not rest.startswith("[") or rest.startswith("[^"):
        return ""
    index = 1
    while index < len(rest) and rest[index] != "]":
        index += 2 if rest[index] == "\\" else 1
    return rest[: index + 1] if index < len(rest) else ""


def _join_classes(classes: list[str]) -> str:
    return "[" + "".join(first[1:-1] for first in classes) + "]"
