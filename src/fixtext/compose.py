"""Keeping the list of changes in the coordinates of the original text across passes."""

from __future__ import annotations

from collections.abc import Sequence

from fixtext.model import Change, Edit

__all__ = ["compose_changes"]


def compose_changes(
    original: str, changes: Sequence[Change], current: str, edits: Sequence[Edit]
) -> tuple[list[Change], str]:
    """Apply ``edits`` (sorted, non-overlapping, in ``current`` coordinates) on top of
    ``changes`` (which turn ``original`` into ``current``).

    Returns the merged changes, in ``original`` coordinates, and the new text. An edit that
    touches the output of an earlier change merges with it: ``Ã¢â‚¬â„¢`` undone in two
    passes is one change from ``Ã¢â‚¬â„¢`` to ``’`` with the rule ``cp1252+cp1252``.
    """
    # Where each earlier change sits in the current text.
    placed: list[tuple[int, int, Change]] = []
    shift = 0
    for change in changes:
        start = change.start + shift
        placed.append((start, start + len(change.after), change))
        shift += len(change.after) - len(change.before)

    merged: list[Change] = []
    pieces: list[str] = []
    position = 0
    index = 0
    shift = 0  # current minus original, left of the scan position
    for edit in edits:
        # Earlier changes wholly before this edit are kept as they are.
        while (
            index < len(placed)
            and placed[index][1] <= edit.start
            and not (placed[index][0] == placed[index][1] == edit.start and edit.start < edit.end)
        ):
            cur_start, cur_end, change = placed[index]
            merged.append(change)
            shift = cur_end - change.end
            index += 1
        start, end = edit.start, edit.end
        original_start = start - shift
        rules: list[str] = []
        confidence = edit.confidence
        while index < len(placed) and placed[index][0] < max(end, start + 1):
            cur_start, cur_end, change = placed[index]
            if cur_start < start:
                original_start = change.start
                start = cur_start
            end = max(end, cur_end)
            shift = cur_end - change.end
            rules.extend(r for r in change.rule.split("+") if r not in rules)
            confidence = min(confidence, change.confidence)
            index += 1
        original_end = end - shift
        after = current[start : edit.start] + edit.after + current[edit.end : end]
        rule = "+".join([*rules, edit.rule]) if rules else edit.rule
        merged.append(
            Change(
                original_start,
                original_end,
                original[original_start:original_end],
                after,
                rule,
                confidence,
            )
        )
        pieces.append(current[position : edit.start])
        pieces.append(edit.after)
        position = edit.end
    merged.extend(change for _, _, change in placed[index:])
    pieces.append(current[position:])
    return merged, "".join(pieces)
