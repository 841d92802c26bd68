"""HTML entities that are damage in plain text.

Text that went through an HTML escaper once too often shows ``f&amp;uuml;r`` for ``für`` or
``Abbott &amp;amp; Costello``; text copied out of a page keeps ``&eacute;``, ``&#8211;`` or
``&nbsp;``. Those are repaired. The markup characters ``< > & " '`` escaped once
(``&lt;b&gt;``, ``AT&amp;T``, ``&quot;``) are what a writer of plain text may mean
literally, so they stay; so do line breaks and tabs (``&#13;&#10;``), and anything that is
not a known entity (``&foo;``).
"""

from __future__ import annotations

import html
import re

from fixtext.model import Edit

__all__ = ["RULE", "find_entity_repairs"]

RULE = "html-entity"

# One entity, possibly escaped several times: "&amp;amp;eacute;" is three layers.
_ONE_ENTITY = r"(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
_ENTITY = re.compile(f"&(?:amp;)*{_ONE_ENTITY}")
# (The trigger leaves out a named markup entity escaped once, ``&amp;`` or ``&lt;``, which
# is kept: a text holding only those is decided by the scan.)
TRIGGERS = (("[&]", f"(?:amp;)+{_ONE_ENTITY}|(?!(?:amp|lt|gt|quot|apos);){_ONE_ENTITY}"),)
# What HTML escapers escape: the markup characters, and the backtick, the equals sign and the
# slash that some of them add (``&#x60;``, ``&#x3D;``, ``&#x2F;``): in a string those are an
# escaper's output, meant as written.
_MARKUP = frozenset("<>&\"'`=/")
# What named entities text uses: Latin-1, Latin Extended-A, Greek, general punctuation,
# the euro and trade marks.
_COMMON_NAMED = re.compile("[\u00a0-\u017f\u0391-\u03c9\u2010-\u2044\u20ac\u2122]")


def _unescape_once(entity: str) -> str | None:
    """The character ``entity`` stands for, or None when it is not a valid entity."""
    value = html.unescape(entity)
    if value == entity or len(value) > 2 or value == "\ufffd":
        # Not an entity, or one for an invalid code point (&#0;, &#xD800;).
        return None
    if any(0xD800 <= ord(c) <= 0xDFFF or ord(c) < 0x20 for c in value):
        # (Nor a control character: ``&#13;&#10;`` kept in an export is no letter, and
        # decoding it would break the lines of the file it is in.)
        return None
    return value


def _in_text(text: str, start: int, end: int, value: str) -> bool:
    """Whether an entity escaped once stands for text rather than being mentioned.

    A letter entity is part of a word (``caf&eacute;``, ``&#1042;&#1080;``); one standing
    alone is being talked about (``a character reference (&#234; for example)``). A named
    entity must be one that text uses (``&map;`` is rather a name in code).
    """
    if text[start + 1] != "#" and not _COMMON_NAMED.fullmatch(value):
        return False
    if not value.isalpha():
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before.isalpha() or after.isalpha() or before == ";" or after == "&"


def find_entity_repairs(text: str) -> list[Edit]:
    """Propose the decoding of HTML entities in ``text``.

    >>> [e.after for e in find_entity_repairs("f&amp;uuml;r &eacute;t&eacute; &lt;b&gt;")]
    ['ü', 'é', 'é']
    """
    edits = []
    for match in _ENTITY.finditer(text):
        entity = match.group()
        layers = entity.count("&amp;")
        value = _unescape_once("&" + entity[1 + 4 * layers :])
        if value is None:
            continue
        if value in _MARKUP and layers == 0:
            continue
        if layers == 0 and not _in_text(text, match.start(), match.end(), value):
            continue
        edits.append(Edit(match.start(), match.end(), value, RULE, 0.95))
    return edits
