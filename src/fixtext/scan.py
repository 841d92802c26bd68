"""One scan that decides most clean text.

Each rule states what any damage it repairs starts with, as a :data:`Trigger`: a character
class, and the pattern that must follow that character. A text where no trigger matches
gives no rule anything to do, and is returned as it is without running any of them.

The triggers are joined into one expression that starts with a single character class, the
union of their first characters: the regular expression engine skips in C every character
that no damage starts with, and tries the rules' own patterns only at the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Trigger", "compile_triggers"]

Trigger = tuple[str, str]
"""A character class (``"[Ãâ]"``), and the pattern that follows it (``""`` for none)."""


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
    union = "[" + "".join(first[1:-1] for first in rests) + "]"
    # A class that suffices alone is tried first; the others check their class again
    # (looking behind at the one character matched) and then what follows it.
    alone = [first for first, followers in rests.items() if "" in followers]
    branches = ([f"(?<={_join_classes(alone)})"] if alone else []) + [
        f"(?<={first})(?:{'|'.join(followers)})"
        for first, followers in rests.items()
        if "" not in followers
    ]
    return re.compile(f"{union}(?:{'|'.join(branches)})")


def _join_classes(classes: list[str]) -> str:
    return "[" + "".join(first[1:-1] for first in classes) + "]"
