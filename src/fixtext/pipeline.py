"""The repair pipeline, top to bottom: scan, propose, keep improvements, repeat."""

from __future__ import annotations

from fixtext.compose import compose_changes
from fixtext.config import Config
from fixtext.model import Change, Edit, Result
from fixtext.rules.bom import find_bom_residue
from fixtext.rules.cjk import find_cjk_repairs
from fixtext.rules.encodings import find_codepage_repairs
from fixtext.rules.entities import find_entity_repairs

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
        edits = find_bom_residue(text)
        edits = _merge(edits, find_codepage_repairs(text))
        edits = _merge(edits, find_cjk_repairs(text))
    if config.entities:
        edits = _merge(edits, find_entity_repairs(text))
    return [edit for edit in edits if edit.confidence >= config.min_confidence]


def _merge(first: list[Edit], second: list[Edit]) -> list[Edit]:
    """``first`` and the edits of ``second`` that do not overlap it, sorted."""
    kept = list(first)
    for edit in second:
        if all(edit.end <= e.start or edit.start >= e.end for e in first):
            kept.append(edit)
    return sorted(kept)
