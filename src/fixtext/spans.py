"""Choosing among overlapping proposals, in time proportional to their number."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    import re

    from fixtext.model import Edit

__all__ = [
    "applied",
    "merge_edits",
    "outside_spans",
    "readings_of",
    "select_disjoint",
    "token_end",
    "token_start",
]


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


class _Taken:
    """Disjoint spans, sorted, with a fast test for overlap."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end)
        # Only the span starting last before ``end`` can reach into [start, end).
        return (index > 0 and self.ends[index - 1] > start) or (
            start == end and index < len(self.starts) and self.starts[index] == start
        )

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def select_disjoint(candidates: Iterable[SpanT]) -> list[SpanT]:
    """Keep, in the order given (best first), each candidate that overlaps none kept before;
    return them sorted by position.

    >>> from fixtext.model import Edit
    >>> [e.after for e in select_disjoint([Edit(2, 5, "b", "r", 1), Edit(0, 3, "a", "r", 1)])]
    ['b']
    """
    taken = _Taken()
    kept = []
    for candidate in candidates:
        if not taken.overlaps(candidate.start, candidate.end):
            taken.add(candidate.start, candidate.end)
            kept.append(candidate)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def merge_edits(first: Iterable[SpanT], second: Iterable[SpanT]) -> list[SpanT]:
    """All of ``first`` (disjoint), and those of ``second`` that overlap none of it, sorted."""
    both = [*first, *second]
    return select_disjoint(both) if both else both


def applied(text: str, edits: Iterable[Edit], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` once ``edits`` (sorted, disjoint, inside it) are made.

    >>> from fixtext.model import Edit
    >>> applied("cafÃ© noir", [Edit(3, 5, "é", "cp1252", 1)])
    'café noir'
    """
    pieces: list[str] = []
    position = start
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.after)
        position = edit.end
    pieces.append(text[position : len(text) if end is None else end])
    return "".join(pieces)


def readings_of(
    text: str, pattern: re.Pattern[str], read: Callable[[str, int], tuple[int, str] | None]
) -> list[tuple[int, int, str]]:
    """Where ``pattern`` matches ``text`` and ``read(text, start)`` gives a reading (its end
    and what it stands for), left to right: ``(start, end, after)``, none overlapping. After
    a match that reads as nothing, the search goes on from the next character."""
    found = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        reading = read(text, match.start())
        if reading is None:
            position = match.start() + 1
            continue
        end, after = reading
        found.append((match.start(), end, after))
        position = end
    return found


def outside_spans(items: Iterable[SpanT], spans: Iterable[tuple[int, int]]) -> list[SpanT]:
    """The ``items`` (edits, units: anything with ``start`` and ``end``) that overlap none
    of ``spans``."""
    spans = list(spans)
    return [
        item
        for item in items
        if not any(start < item.end and item.start < stop for start, stop in spans)
    ]


def token_start(text: str, index: int) -> int:
    """Where the run of non-space characters holding ``text[index - 1]`` starts."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def token_end(text: str, index: int) -> int:
    """Where the run of non-space characters holding ``text[index]`` ends."""
    while index < len(text) and not text[index].isspace():
        index += 1
    return index
