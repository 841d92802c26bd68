"""The values a repair produces."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Change", "Edit", "Result", "apply_changes"]


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: ``text[start:end]`` was ``before`` and became ``after``.

    Offsets are code-point indexes into the text given to the repair. ``rule`` names the
    damage undone (``"cp1252"``, ``"cp1252+cp1252"`` for two layers, ``"html-entity"``, …);
    ``confidence`` is between 0 and 1.
    """

    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float


class Edit(NamedTuple):
    """A repair proposed by a rule, in the coordinates of the text the rule was given:
    replace ``text[start:end]`` with ``after``."""

    start: int
    end: int
    after: str
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Result:
    """The repaired text and the changes that turned the input into it.

    ``changes`` are sorted, never overlap, and :func:`apply_changes` of them to the input
    gives ``text``. An empty tuple means nothing was changed.

    ``unapplied`` are repairs found but not made, because their confidence was below
    ``Config.min_confidence``; their offsets are into ``text``.
    """

    text: str
    changes: tuple[Change, ...]
    unapplied: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Apply sorted, non-overlapping ``changes`` to ``text``.

    >>> apply_changes("cafÃ©", [Change(3, 5, "Ã©", "é", "cp1252", 1.0)])
    'café'
    """
    parts: list[str] = []
    position = 0
    for change in changes:
        if change.start < position or text[change.start : change.end] != change.before:
            raise ValueError(f"change does not fit the text: {change!r}")
        parts.append(text[position : change.start])
        parts.append(change.after)
        position = change.end
    parts.append(text[position:])
    return "".join(parts)
