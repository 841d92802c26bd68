"""One scan that decides most clean text.

Each rule states what any damage it repairs starts with, as a :data:`Trigger`: a character
class, and the pattern that must follow that character. A text where no trigger matches
gives no rule anything to do, and is returned as it is without running any of them.

The triggers are joined into one expression that starts with a single character class, the
union of their first characters: the regular expression engine skips in C every character
that no damage starts with, and tries the rules' own patterns only at the others. There it
first tells which block of Unicode the character is in (Latin, Greek and Cyrillic, Hebrew
and Arabic), and tries only the triggers that can start with a character of that block:
Russian text holds a possible first character at nearly every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Trigger", "compile_triggers"]

Trigger = tuple[str, str]
"""A character class (``"[Ãâ]"``), and the pattern that follows it (``""`` for none)."""

_BLOCKS = (
    (0x80, 0xFF),
    (0x100, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x42F),
    (0x430, 0x45F),
    (0x460, 0x52F),
    (0x590, 0x6FF),
)


def compile_triggers(triggers: Iterable[Trigger]) -> re.Pattern[str]:
    """One pattern that matches wherever one of ``triggers`` does.

    >>> scan = compile_triggers([("[Ã]", "[\\u00a0-\\u00bf]"), ("[&]", "")])
    >>> [bool(scan.search(text)) for text in ("cafÃ©", "SÃO", "a &amp; b", "café")]
    [True, False, True, False]
    """
    rests: dict[str, list[str]] = {}
    for first, rest in triggers:
        if not (first.startswith("[") and first.endswith("]")) or first.startswith("[^"):
            raise ValueError(f"a trigger starts with a character class, not {first!r}")
        rests.setdefault(first, []).append(rest)
    groups = []
    blocks = ""
    for low, high in _BLOCKS:
        block = f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        blocks += block
        chars = "".join(map(chr, range(low, high + 1)))
        inside = [first for first in rests if re.search(first, chars)]
        if inside:
            groups.append(f"(?<=[{block}])(?:{_alternatives(inside, rests)})")
    # Outside those blocks, every trigger (fewer would do; these characters are rare).
    groups.append(f"(?<![{blocks}])(?:{_alternatives(list(rests), rests)})")
    return re.compile(f"{_join_classes(list(rests))}(?:{'|'.join(groups)})")


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
    if simple:
        following = _join_classes([_leading_class(r) for f in simple for r in rests[f]])
        branches.append(f"(?={following})(?:{_followed(simple, rests)})")
    if other:
        branches.append(_followed(other, rests))
    return "|".join(branches)


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
