"""C1 control characters that stand for Windows-1252 punctuation: ``Ecuador\\x92s``.

Latin-1 decoders turn the bytes 0x80–0x9F into C1 controls, which no text uses; the writer
meant the Windows-1252 characters at those bytes (``’`` for 0x92, ``…`` for 0x85). Controls
that are part of a UTF-8 sequence (``â\\x80\\x99``) are undone by the code-page rule first.
"""

from __future__ import annotations

import re

from fixtext.model import Edit

__all__ = ["find_c1_controls"]

_C1 = re.compile("[\\x80-\\x9f]")
TRIGGERS = (("[\\x80-\\x9f]", ""),)


def _cp1252(control: str) -> str | None:
    try:
        return bytes([ord(control)]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: nothing to stand for
        return None


_MEANING = {chr(code): _cp1252(chr(code)) for code in range(0x80, 0xA0)}


def find_c1_controls(text: str) -> list[Edit]:
    """Propose the Windows-1252 character for each C1 control in ``text``.

    >>> [e.after for e in find_c1_controls("\\x93ok\\x94\\x85")]
    ['“', '”', '…']
    """
    edits = []
    for match in _C1.finditer(text):
        start = match.start()
        if 0 < start < len(text) - 1 and text[start - 1].isalpha() and text[start + 1].isalpha():
            # Inside a word the writer's code page is a question for the legacy rule:
            # ``tur\x92stico`` is Mac Roman ``turístico``, ``it\x92s`` Windows-1252 ``it’s``.
            continue
        meaning = _MEANING[match.group()]
        if meaning is not None:
            edits.append(Edit(match.start(), match.end(), meaning, "c1-control", 0.9))
    return edits
