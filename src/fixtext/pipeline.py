"""The repair pipeline, top to bottom: scan, propose, keep improvements, repeat."""

from __future__ import annotations

from fixtext.compose import compose_changes
from fixtext.config import Config
from fixtext.model import Change, Edit, Result
from fixtext.rules.encodings import find_codepage_repairs

__all__ = ["repair_text"]


def repair_text(text: str, config: Config) -> Result:
    """Repair ``text`` under ``config``; the one implementation behind every entry point."""
    if text.isascii() and ("&" not in text or not config.entities):
        return Result(text, ())
    changes: list[Change] = []
    current = text
    for _ in range(config.max_passes):
        edits = _propose(current, config)
        if not edits:
            break
        changes, current = compose_changes(text, changes, current, edits)
    return Result(current, tuple(changes))


def _propose(text: str, config: Config) -> list[Edit]:
    edits: list[Edit] = []
    if config.encodings:
        edits.extend(find_codepage_repairs(text))
    return [edit for edit in edits if edit.confidence >= config.min_confidence]
