"""A byte-order mark read as text: ``ï»¿`` (UTF-8's EF BB BF through cp1252 or Latin-1).

The mark says how a file is encoded; it is not part of the text. Concatenated files can
leave it in the middle of a text as well as at the start.
"""

from __future__ import annotations

import re

from fixtext.model import Edit

__all__ = ["TRIGGERS", "find_bom_residue"]

_RESIDUE = re.compile("ï»¿")
TRIGGERS = (("[ï]", "[»]¿"),)


def find_bom_residue(text: str) -> list[Edit]:
    """Propose removing ``ï»¿`` anywhere in ``text``.

    >>> find_bom_residue("ï»¿Title")
    [Edit(start=0, end=3, after='', rule='bom-residue', confidence=0.95)]
    """
    return [Edit(m.start(), m.end(), "", "bom-residue", 0.95) for m in _RESIDUE.finditer(text)]
