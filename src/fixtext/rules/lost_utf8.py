"""Candidates for UTF-8 read as Latin-1 or Windows-1252 with some bytes lost.

The bytes of ``“`` are ``E2 80 9C``; read as Latin-1 they are ``â`` and two C1 control
characters, and a filter that drops C1 controls leaves a lone ``â``. Likewise ``č``
(``C4 8D``) becomes a lone ``Ä``, ``т`` (``D1 82``) a lone ``Ñ``. Read as Windows-1252, the
undefined bytes ``81 8D 8F 90 9D`` become ``?`` (``â€?`` for ``”``), and the byte ``A0``
of ``à`` or of a no-break space can end up as a plain space (``Ã  partir``).

Here the text is looked at as the bytes it would have been: every character up to U+00FF
(and the Windows-1252 punctuation) stands for one byte. Where a lead byte lacks the
continuation bytes UTF-8 requires, the candidates are exactly the characters the byte
structure allows: the known bytes in place, each missing byte anywhere in ``80``–``9F``.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import itemgetter

from fixtext.codepages import CODE_PAGES
from fixtext.language import language_data

__all__ = [
    "CP1252_SIGNS",
    "LATIN1",
    "LATIN1_C1_QMARKED",
    "SINGLE_BYTE_CHARACTERS",
    "ByteUnit",
    "Reading",
    "bytes_shaped_like_lost_utf8",
    "c1_shown_as_qmarks",
    "few_qmarks",
    "find_byte_units",
    "layered_units",
    "reading_of",
    "replacement_units",
    "shaped_like_lost_utf8",
    "stands_alone",
]

# Windows-1252 characters for the bytes 0x80–0x9F (``€`` is 0x80, ``™`` is 0x99, …).
_CP1252_BYTES: dict[str, int] = {}
for _byte in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):  # 81 8D 8F 90 9D are undefined
        _CP1252_BYTES[bytes([_byte]).decode("cp1252")] = _byte
# The characters Windows-1252 has beyond Latin-1 (``€`` ``˜`` ``™`` …).
CP1252_SIGNS = frozenset(_CP1252_BYTES)

# Bytes Windows-1252 leaves undefined: a decoder with errors="replace" shows them as "?".
UNDEFINED_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
# What a lost continuation byte can have been: the C1 range a Latin-1 reader drops.
_LOST_BYTES = range(0x80, 0xA0)
_C1_BYTES = tuple(_LOST_BYTES)
_SOFT_HYPHEN = 0xAD
# ``â`` alone (``E2`` + two lost bytes) is punctuation of U+2000–U+201F in practice.
_LONE_E2_CHOICES = frozenset("‘’‚“”„–—")
# Spaces typography sets, which a lost byte may have been: the no-break space, and the
# narrow one French and Czech set before ``:`` and inside ``« »`` (E2 80 AF).
_TYPOGRAPHIC_SPACES = frozenset("\u00a0\u202f")
_UNWANTED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs"})
# The Arabic tatweel (D9 80) only stretches words for display: never a lost letter.
_UNWANTED_CHARACTERS = frozenset("\u0640")

# How a Windows-1252 decoder shows an undefined byte: ``?`` or the replacement character.
_UNDEFINED_SHOWN_AS = frozenset("?\ufffd")
# Leads that make an everyday letter with the byte A0, which another page than Latin-1
# shows as a no-break space or leaves undefined: ``à`` (C3 A0), ``Š`` (C5 A0), ``Π`` (CE A0),
# ``Р`` (D0 A0), and the no-break space itself (C2 A0).
_EVERYDAY_A0_LEADS = frozenset({0xC2, 0xC3, 0xC5, 0xCE, 0xD0})
_QMARK = -1
_SPACE_A0 = -2
# Quotation marks straightened after the damage (``â"¢`` for ``™``, E2 84 A2): a straight
# quote stands for the bytes of the curly ones it replaced.
_STRAIGHT_DOUBLE = -3
_STRAIGHT_SINGLE = -4
_STRAIGHTENED = {'"': _STRAIGHT_DOUBLE, "'": _STRAIGHT_SINGLE}
_CURLY_BYTES = {_STRAIGHT_DOUBLE: (0x84, 0x93, 0x94), _STRAIGHT_SINGLE: (0x82, 0x91, 0x92)}
_CURLY = frozenset("‘’‚“”„")
_MOST_MISSING = 2


@dataclass(frozen=True, slots=True)
class Reading:
    """A code page UTF-8 was misread through, as the lost-byte rules see it.

    ``to_byte`` maps the page's non-ASCII characters to their bytes; ``undefined`` are the
    bytes a decoder shows as ``?`` or ``�``; ``lost`` those that may be gone without a trace
    (the C1 controls a Latin-1 reader drops, or the undefined bytes of a Windows page that
    a decoder skipped). ``latin1`` is the reading of Latin-1 and Windows-1252 together.
    """

    name: str
    to_byte: dict[str, int]
    undefined: tuple[int, ...]
    lost: tuple[int, ...]
    latin1: bool


LATIN1 = Reading("cp1252", {}, UNDEFINED_CP1252, tuple(_LOST_BYTES), latin1=True)
# Latin-1 whose C1 controls a later step wrote as ``?`` (an encoder to Windows-1252 or ASCII
# with errors="replace"): every byte of 80–9F may stand behind a ``?`` (``donâ??t`` for
# ``don’t``, E2 80 99; ``Ð?Ñ?`` for ``Пр``).
LATIN1_C1_QMARKED = Reading("latin-1", {}, _C1_BYTES, tuple(_LOST_BYTES), latin1=True)


@cache
def reading_of(name: str) -> Reading | None:
    """The reading through the code page ``name`` (see :mod:`fixtext.codepages`), or
    ``None`` for pages whose lost bytes are not guessed."""
    if name in ("cp1252", "latin-1", "iso-8859-15"):
        return LATIN1
    page = next((page for page in CODE_PAGES if page.name == name), None)
    if page is None or page.family not in ("windows", "windows-cyrillic"):
        return None
    undefined: list[int] = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(page.codec)
        except UnicodeDecodeError:
            undefined.append(byte)
    if name.startswith("iso-"):
        # Latin-1 style: the 80–9F bytes are C1 controls, which filters drop.
        return Reading(name, page.to_byte, tuple(undefined), tuple(_LOST_BYTES), latin1=False)
    return Reading(name, page.to_byte, tuple(undefined), tuple(undefined), latin1=False)


# A "?" inside a sequence: after a lead byte, or after continuation bytes that follow one.
_QMARK_IN_SEQUENCE = re.compile("[\u00c2-\u00f4][\u00a0-\u00bf]{0,2}\\?")
# A byte of 80–9F that Windows-1252 shows as a sign (``€`` ``™`` ``œ``) inside a sequence.
_SIGN_IN_SEQUENCE = re.compile(
    "[\u00c2-\u00f4][\u00a0-\u00bf?]{0,2}[" + "".join(sorted(CP1252_SIGNS)) + "]"
)


def c1_shown_as_qmarks(text: str) -> bool:
    """Whether the ``?`` inside the UTF-8 sequences of ``text`` may stand for any byte of
    80–9F (see :data:`LATIN1_C1_QMARKED`): no byte of 80–9F is shown as Windows-1252 shows
    it, which would leave a ``?`` only the five bytes that page leaves undefined (``â€?`` is
    ``”``).

    >>> c1_shown_as_qmarks("I donâ??t know"), c1_shown_as_qmarks("â€?Helloâ€?")
    (True, False)
    """
    return _QMARK_IN_SEQUENCE.search(text) is not None and _SIGN_IN_SEQUENCE.search(text) is None


def few_qmarks(text: str) -> bool:
    """Whether the ``?`` inside UTF-8 sequences of ``text`` are few (one or two) and make
    characters in a Windows-1252 reading too: Windows-1252 shows only five bytes as ``?``,
    Latin-1 read back any of 80–9F, and a few may be either."""
    return "â??" not in text and len(_QMARK_IN_SEQUENCE.findall(text)) < _MANY_QMARKS


_MANY_QMARKS = 3


@dataclass(frozen=True, slots=True)
class ByteUnit:
    """``text[start:…]`` may be the remains of one UTF-8 character. Each candidate is a
    character the surviving bytes allow and the end of the text it replaces (a space taken
    for a lost ``A0`` byte extends it). ``end`` is the furthest of those ends. ``lossless``
    is true when no byte is missing (a leftover like ``Ã¥`` for ``å``)."""

    start: int
    end: int
    candidates: tuple[tuple[str, int], ...]
    rule: str
    lossless: bool
    # Read through ``LATIN1_C1_QMARKED``: the candidates Windows-1252 allows too (each
    # ``?`` one of its five undefined bytes).
    windows: frozenset[str] | None = None


def byte_of(char: str, reading: Reading = LATIN1) -> int | None:
    """The byte a character stands for when UTF-8 was read through ``reading`` (by
    default Latin-1 or Windows-1252)."""
    point = ord(char)
    if not reading.latin1:
        return point if point < 0x80 else reading.to_byte.get(char)
    if point < 0x100:
        return point
    return _CP1252_BYTES.get(char)


def _continuations_needed(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 1
    if 0xE0 <= lead <= 0xEF:
        return 2
    if 0xF0 <= lead <= 0xF4:
        return 3
    return 0


def find_byte_units(
    text: str,
    starts: list[int],
    reading: Reading = LATIN1,
    barriers: frozenset[int] = frozenset(),
) -> list[ByteUnit]:
    """The byte units beginning at the lead-byte characters at ``starts``, the text read
    through ``reading``. No unit takes in the character at one of ``barriers``: where a
    repair already wrote a character (``“`` of ``â€œ``), it is no byte of the unit before it
    (``ã¯“`` is ``は“``, E3 81 AF less its 81, not ``㯓``, E3 AF 93)."""
    units: list[ByteUnit] = []
    position = 0
    for start in starts:
        if start < position:
            continue
        unit = _unit_at(text, start, reading, barriers)
        if unit is not None:
            units.append(unit)
            position = unit.end
    return units


def _unit_at(
    text: str, start: int, reading: Reading, barriers: frozenset[int] = frozenset()
) -> ByteUnit | None:
    lead = byte_of(text[start], reading)
    if lead is None:
        return None
    needed = _continuations_needed(lead)
    if not needed:
        return None
    present: list[int] = []
    end = start + 1
    while len(present) < needed and end < len(text) and end not in barriers:
        char = text[end]
        if char in _UNDEFINED_SHOWN_AS:
            # ``Ã?ndices``: a "?" is an undefined byte only where it completes the
            # character; elsewhere (``âoverwrite %sâ?``) it is a question mark. A decoder
            # may show the undefined byte as ``�`` instead (``â€�`` for ``”``).
            if len(present) + 1 < needed and not _completes(
                text, end + 1, needed - len(present) - 1, reading
            ):
                break
            present.append(_QMARK)
        elif char == "Â" and text[end + 1 : end + 2] == "\ufffd" and reading.latin1:
            # ``Ã¢â‚¬Â�`` for ``”``, two layers deep: the outer one wrote the C1 control
            # that stood for the undefined byte 9D as C2 9D, ``Â`` and a ``�``. Once the
            # outer layer is undone (``â€Â�``), the two stand for that undefined byte.
            present.append(_QMARK)
            end += 1
        elif (
            char in _STRAIGHTENED
            and reading.latin1
            and _straightened(text, end, needed - len(present), (lead, *present))
        ):
            present.append(_STRAIGHTENED[char])
        elif (
            char == " "
            and len(present) + 1 < needed
            and end + 1 not in barriers
            and _continues(text, end + 1, reading)
        ):
            # ``é …`` for ``項`` (E9 A0 85): the A0 inside a character became a space.
            present.append(_SPACE_A0)
        else:
            value = byte_of(char, reading)
            if value is None or not 0x80 <= value <= 0xBF:
                break
            present.append(value)
        end += 1
    if _QMARK in present or _STRAIGHT_DOUBLE in present or _STRAIGHT_SINGLE in present:
        qmarked = _fill(lead, present, needed, reading, qmark=True)
        if reading is not LATIN1_C1_QMARKED or _QMARK not in present:
            return _make(start, [(char, end) for char in qmarked], "lost-qmark", lossless=False)
        if lead == 0xE2 and present == [_QMARK, _QMARK]:
            # ``â??``: two C1 bytes after E2, punctuation of U+2000–U+201F in practice.
            qmarked = tuple(char for char in qmarked if char in _LONE_E2_CHOICES)
        unit = _make(start, [(char, end) for char in qmarked], "lost-qmark", lossless=False)
        windows = frozenset(_fill(lead, present, needed, LATIN1, qmark=True))
        return None if unit is None else replace(unit, windows=windows)
    if _SPACE_A0 in present:
        if len(present) < needed:
            return None
        decoded = _decode(bytes([lead, *(0xA0 if v == _SPACE_A0 else v for v in present)]))
        readings = [(decoded, end)] if decoded else []
        if lead == 0xE2 and present[0] == _SPACE_A0:
            # ``nome â «%s»``: the space may be a space, and ``â`` a dash alone before ``«``.
            readings += [
                (char, start + 1) for char in _candidates(lead, (), needed, True, reading.lost)
            ]
        return _make(start, readings, "lost-nbsp", lossless=False)
    if len(present) == needed:
        decoded = _decode(bytes([lead, *present]))
        if decoded is None:
            return None
        return _make(start, [(decoded, end)], "lost-c1", lossless=True)
    choices: dict[str, int] = {}
    # ``áƒ`` keeps ``ƒ``, the byte 83 read as Windows-1252: this text was not read as
    # Latin-1 and filtered, so no byte of 80–9F can have been dropped; only a space taken
    # for ``A0`` (``áƒ `` for ``რ``) can complete it.
    # A lone ``â`` (E2) stands for punctuation only: filtering its thousands of candidates
    # first keeps the common French ``â`` cheap.
    lone_e2 = lead == 0xE2 and not present
    if not reading.latin1 and not present and not _bare_lead_allowed(lead, reading):
        choices = {}
    elif not reading.latin1 or not any(0x80 <= value <= 0x9F for value in present):
        candidates = _candidates(lead, tuple(present), needed, lone_e2, reading.lost)
        choices = dict.fromkeys(candidates, end)
    elif reading.latin1 and len(present) + 1 == needed:
        # ``抖动ã€误差``: a byte of 80–9F shown (``€`` is 80) says Windows-1252 read the text,
        # and only a byte it leaves undefined can be gone, there or before the byte shown:
        # ``、`` is E3 80 81, ``す`` (``ã™``) E3 81 99.
        choices = {
            char: end
            for gone in UNDEFINED_CP1252
            for place in range(len(present) + 1)
            for char in [_decode(bytes([lead, *present[:place], gone, *present[place:]]))]
            if char is not None
        }
    if end == len(text) and present and len(present) + 1 == needed:
        # ``…å…ƒç´`` for ``…元素``: the text was cut inside its last character, whose final
        # byte, gone with the rest, may have been any continuation byte.
        choices.update(dict.fromkeys(_truncated(lead, tuple(present)), end))
    rule = "lost-c1"
    # ``Ã  partir``: the byte A0 of ``à`` became a plain space.
    pairs = list(choices.items())
    if end < len(text) and text[end] == " ":
        spaced = _candidates(lead, (*present, 0xA0), needed, lone_e2, reading.lost)
        if not reading.latin1 and (present or lead not in _EVERYDAY_A0_LEADS):
            spaced = ()  # through other pages, only an everyday letter stands before a space
        # ``Ã  partir``: the byte A0 of ``à`` became a plain space; or ``Ã perturber``: the
        # A0 was dropped and the spaces around it ran together. Both readings compete.
        pairs += [(char, end + 1) for char in spaced if char not in choices]
        if lead in (0xC2, 0xC3):  # Latin-1 letters, where words like ``à`` stand alone
            pairs += [(char, end) for char in spaced if char not in choices]
        if len(pairs) > len(choices):
            rule = "lost-nbsp"
    return _make(start, pairs, rule, lossless=False)


def layered_units(text: str) -> list[ByteUnit]:
    """Units for UTF-8 read as Latin-1 twice and then stripped of its C1 controls.

    ``é`` (C3 A9) became ``Ã©``, then ``Ã\x83Â©``, and without its ``\x83``, ``ÃÂ©``. Each
    byte of the first reading became two characters, ``Ã`` or ``Â`` and one that is kept
    only where it is no C1 control: a lone ``Ã`` is a lead byte ``C0``–``DF``, a lone ``Â`` a
    continuation byte ``80``–``9F``. ``ÃÂ©`` is the lead of a two-byte character and ``A9``:
    ``é``, but also ``©`` or ``ũ``, which the language decides. ``Ã¢ÂÂ`` is ``E2`` and two
    lost bytes: ``“`` and the rest of the punctuation of U+2000–U+201F.
    """
    units: list[ByteUnit] = []
    position = text.find("Ã")
    while position != -1:
        unit = _layered_unit_at(text, position)
        if unit is not None:
            units.append(unit)
        position = text.find("Ã", unit.end if unit is not None else position + 1)
    if not any(_evidence_of_layers(text, unit) for unit in units if not unit.lossless):
        return []  # ``ÃÂ`` alone, a word of its own, may be just what it says; or, with
        # nothing lost, two layers the lossless rules undo
    return units


def _evidence_of_layers(text: str, unit: ByteUnit) -> bool:
    """Whether ``unit`` keeps one of its bytes, or stands inside a word (``bÃÂÃÂdny``)."""
    if unit.end - unit.start > 2 or text[unit.start + 1] != "Â":
        return True
    before = text[unit.start - 1 : unit.start]
    after = text[unit.end : unit.end + 1]
    return before.isalpha() or after.isalpha()


def _layered_unit_at(text: str, start: int) -> ByteUnit | None:
    end = start + 1
    second = text[end : end + 1]
    if second and "\x80" <= second <= "\xbf":
        lead: int | None = ord(second) + 0x40
        end += 1
    else:
        lead = None  # lost: any lead of a two-byte character
    needed = _continuations_needed(lead) if lead is not None else 1
    if not needed:
        return None
    slots: list[tuple[int, ...]] = []
    while len(slots) < needed and text[end : end + 1] == "Â":
        following = text[end + 1 : end + 2]
        if following and "\x80" <= following <= "\xbf":
            slots.append((ord(following),))
            end += 2
        else:
            slots.append(tuple(_LOST_BYTES))
            end += 1
    if len(slots) < needed:
        return None
    if lead is not None and all(len(slot) == 1 for slot in slots):
        # Nothing lost (``Ã¡Â»Â£``, ``ợ``): beside lost bytes, no other rule can read it.
        whole = _decode(bytes([lead, *(slot[0] for slot in slots)]))
        return _make(start, [(whole, end)] if whole else [], "lost-c1", lossless=True)
    leads = (lead,) if lead is not None else _TWO_BYTE_LEADS
    choices = _layered_candidates(leads, tuple(slots))
    return _make(start, [(char, end) for char in choices], "lost-c1", lossless=False)


# The leads of two-byte characters, Latin-1 letters (C3) first, then the rest of Latin
# (C4 C5) and the other scripts: the first candidate stands for the unit until the language
# of the text is known.
_TWO_BYTE_LEADS = (0xC3, 0xC5, 0xC4, 0xC2, *range(0xC6, 0xE0))


@lru_cache(maxsize=1024)
def _layered_candidates(
    leads: tuple[int, ...], slots: tuple[tuple[int, ...], ...]
) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for lead in leads:
        for tail in itertools.product(*slots):
            char = _decode(bytes([lead, *tail]))
            if char is None:
                continue
            if lead <= 0xDF and char > "\u00ff" and unicodedata.category(char)[0] != "L":
                continue  # a lost lead makes a letter, or a sign of Latin-1 (``©``, ``«``)
            found.setdefault(char, None)
    if len(slots) == 2 and leads == (0xE2,) and all(len(slot) > 1 for slot in slots):
        return tuple(char for char in found if char in _LONE_E2_CHOICES)
    return tuple(found)


@lru_cache(maxsize=1024)
def _truncated(lead: int, present: tuple[int, ...]) -> tuple[str, ...]:
    """The characters of ``lead`` and the ``present`` continuation bytes that lack only
    their final byte."""
    found = (_decode(bytes([lead, *present, last])) for last in range(0x80, 0xC0))
    return tuple(char for char in found if char is not None)


def _bare_lead_allowed(lead: int, reading: Reading) -> bool:
    """Whether a lead alone, through a page other than Latin-1, may have lost all that
    followed it: only where a Latin-1 reader would have dropped C1 controls (the ISO
    pages), and only for the leads of Latin-1 and Latin Extended-A letters."""
    return reading.lost == tuple(_LOST_BYTES) and 0xC3 <= lead <= 0xC5


def _straightened(text: str, index: int, missing: int, before: tuple[int, ...] = ()) -> bool:
    """Whether the straight quote at ``index`` is a curly one straightened after the damage,
    a continuation byte of the character being read (whose bytes so far are ``before``),
    ``missing`` bytes short of whole: in a text that holds no curly quote, followed by the
    continuations still needed (``â"¢`` for ``™``), or, as the last, by a letter (``dÄ"zl``
    for ``dēzl``, a quote does not close inside a word), or by a space or the end where
    it makes a dash (``â€"`` is ``—``, E2 80 94, its ``”`` straightened)."""
    if any(char in _CURLY for char in text):
        return False
    if missing > 1:
        return _completes(text, index + 1, missing - 1, LATIN1)
    after = text[index + 1 : index + 2]
    if before == (0xE2, 0x80) and text[index] == '"':
        return after.isalpha() or not after or after.isspace() or after in ".,;:!?)"
    return after.isalpha()


def _completes(text: str, index: int, count: int, reading: Reading) -> bool:
    """Whether the ``count`` characters at ``index`` are continuation bytes or ``?``: then a
    ``?`` before them is an undefined byte inside a character (``ì?¸`` for ``인``,
    EC 9D B8), not a question mark."""
    if index + count > len(text):
        return False
    return all(
        text[i] in _UNDEFINED_SHOWN_AS or _continues(text, i, reading)
        for i in range(index, index + count)
    )


def _continues(text: str, index: int, reading: Reading = LATIN1) -> bool:
    """Whether ``text[index]`` stands for a continuation byte."""
    if index >= len(text):
        return False
    value = byte_of(text[index], reading)
    return value is not None and 0x80 <= value <= 0xBF


def _make(
    start: int, candidates: list[tuple[str, int]], rule: str, *, lossless: bool
) -> ByteUnit | None:
    if not candidates:
        return None
    end = max(map(itemgetter(1), candidates))
    return ByteUnit(start, end, tuple(candidates), rule, lossless)


@lru_cache(maxsize=1024)
def _candidates(
    lead: int,
    present: tuple[int, ...],
    needed: int,
    lone_e2: bool,
    lost: tuple[int, ...] = tuple(_LOST_BYTES),
) -> tuple[str, ...]:
    found = (
        _fill_cached(lead, present, needed, (), lost)
        if needed - len(present) <= _MOST_MISSING
        else ()
    )
    return tuple(c for c in found if c in _LONE_E2_CHOICES) if lone_e2 else found


def _fill(
    lead: int, present: list[int], needed: int, reading: Reading, *, qmark: bool
) -> tuple[str, ...]:
    """Every valid character with ``lead``, the ``present`` continuation bytes in order, and
    the missing ones (``needed - len(present)``) among the bytes ``reading`` may lose, in
    any slots; with ``qmark``, a ``?`` present is one of the page's undefined bytes."""
    if needed - len(present) > _MOST_MISSING:
        return ()  # ``ó`` or ``ñ`` alone: an emoji that lost three bytes is beyond repair
    undefined = reading.undefined if qmark else ()
    return _fill_cached(lead, tuple(present), needed, undefined, reading.lost)


@lru_cache(maxsize=4096)
def _fill_cached(
    lead: int,
    present: tuple[int, ...],
    needed: int,
    undefined: tuple[int, ...],
    lost: tuple[int, ...],
) -> tuple[str, ...]:
    missing = needed - len(present)
    if lost == _C1_BYTES and (lead in (0xC3, 0xD8) or 0xE0 <= lead <= 0xEF):
        # The soft hyphen (AD), which display and copying drop, may be gone beside the C1
        # controls: ``aquÃ`` is ``aquí`` (C3 AD), ``ä¸`` ``中`` (E4 B8 AD), ``ØÙ…ÛŒØ¯``
        # ``حمید`` (D8 AD: D8 and a C1 byte is no letter, only signs and marks; see
        # ``lost._SOFT_HYPHEN_ONLY``). (Not after the leads of other alphabets, where a
        # dropped ``έ`` would compete with every letter that lost its C1 byte.)
        lost = (*lost, _SOFT_HYPHEN)
    found: dict[str, None] = {}
    slot_sets = itertools.combinations(range(needed), len(present)) if missing else [()]
    for slots in slot_sets:
        layout: list[list[int]] = [list(lost) for _ in range(needed)]
        if missing:
            for slot, value in zip(slots, present, strict=True):
                layout[slot] = [value]
        else:
            layout = [[value] for value in present]
        layout = [
            list(undefined) if v == [_QMARK] else list(_CURLY_BYTES[v[0]]) if _curly(v) else v
            for v in layout
        ]
        for tail in itertools.product(*layout):
            char = _decode(bytes([lead, *tail]))
            if char is not None:
                found.setdefault(char, None)
    return tuple(found)


def _curly(slot: list[int]) -> bool:
    """Whether a slot holds a straightened quotation mark (see ``_STRAIGHTENED``)."""
    return len(slot) == 1 and slot[0] in _CURLY_BYTES


def _decode(data: bytes) -> str | None:
    try:
        char = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(char) != 1 or char in _TYPOGRAPHIC_SPACES:
        return char if len(char) == 1 else None
    if unicodedata.category(char) in _UNWANTED_CATEGORIES or char in _UNWANTED_CHARACTERS:
        return None
    return char


# Punctuation whose UTF-8 holds an undefined Windows-1252 byte: ``”`` is ``E2 80 9D``.
_PUNCTUATION_WITH_UNDEFINED_BYTE = ("”", "‐")
_MAX_LANGUAGE_CHARS = 600


def replacement_units(
    text: str, language: str | None, taken: list[tuple[int, int]], *, single_bytes: bool = False
) -> list[ByteUnit]:
    """Units for ``�`` left where a whole character was replaced because one of its bytes
    is undefined in Windows-1252 (``“%s�`` for ``“%s”``, ``e �ndices`` for ``e Índices``).

    Any character whose UTF-8 holds such a byte is possible; the candidates are those the
    language uses, and the punctuation among them. With ``single_bytes``, the text may also
    be Latin-1 or Windows-1252 read as UTF-8, each byte beyond ASCII a ``�`` (``Jos�
    Mar�a``): the letters of the language in Latin-1 and the Windows-1252 punctuation are
    candidates too (rule ``lost-replaced``).
    """
    chars = _characters_with_undefined_byte(language)
    candidates = tuple((char, 1) for char in chars)
    legacy = tuple(
        (char, 1) for char in dict.fromkeys((*chars, *SINGLE_BYTE_CHARACTERS)) if single_bytes
    )
    units = []
    for index, char in enumerate(text):
        if char != "\ufffd" or any(start <= index < end for start, end in taken):
            continue
        if _beside_cjk(text, index, single_bytes):
            continue  # a CJK round trip, not a Windows-1252 one
        if single_bytes and len(_run_around(text, index)) >= _LONGEST_LEGACY_RUN:
            continue  # no word of accented letters makes four or more ``�`` in a row
        # (Legacy text of Latin letters only: a ``�`` beside Cyrillic is no Latin-1 byte.)
        latin = single_bytes and not _beside_other_script(text, index)
        if not _touches_letter_or_quote(text, index) and not (latin and _spaced(text, index)):
            continue  # ``a broken byte: �`` tells nothing of what it was
        rule = "lost-replaced" if latin else "lost-qmark"
        shifted = tuple((option, index + 1) for option, _ in (legacy if latin else candidates))
        units.append(ByteUnit(index, index + 1, shifted, rule, False))
    return units


_LONGEST_LEGACY_RUN = 4


def _run_around(text: str, index: int) -> str:
    """The run of ``�`` that ``text[index]`` is in."""
    start = end = index
    while start > 0 and text[start - 1] == "\ufffd":
        start -= 1
    while end < len(text) and text[end] == "\ufffd":
        end += 1
    return text[start:end]


def stands_alone(text: str, index: int) -> bool:
    """Whether ``text[index]`` stands between spaces, a word of its own: in legacy text, a
    word of one letter (French ``à``, Italian ``è``) or a sign (``«``, ``–``, ``©``)."""
    return text[index - 1 : index].isspace() and text[index + 1 : index + 2].isspace()


def _spaced(text: str, index: int) -> bool:
    """Whether ``text[index]`` stands alone, or closes a phrase: a space before it, and the
    end or punctuation after it (``« %s »`` at the end of a sentence)."""
    after = text[index + 1 : index + 2]
    return text[index - 1 : index].isspace() and (
        not after or after.isspace() or after in ".,;:!?)"
    )


def _beside_other_script(text: str, index: int) -> bool:
    """Whether a letter beyond Latin touches ``text[index]``."""
    return any(
        char.isalpha() and char > "\u024f"
        for char in (text[index - 1 : index], text[index + 1 : index + 2])
        if char
    )


# What one byte of Latin-1 or Windows-1252 text stood for, as far as a word shows: its
# letters (Windows-1252 adds ``Š š Ž ž Œ œ Ÿ``), its quotation marks and dashes (``’`` is 92,
# ``–`` 96, ``«`` AB), ``©`` and the no-break space French sets before ``:`` and inside
# ``« »``.
SINGLE_BYTE_CHARACTERS = (
    tuple("’‘“”„‚«»–—…©\xa0")
    + tuple(char for char in bytes(range(0xC0, 0x100)).decode("latin-1") if char not in "×÷")
    + tuple("ŠšŽžŒœŸ")
)


@cache
def _characters_with_undefined_byte(language: str | None) -> tuple[str, ...]:
    found: dict[str, None] = dict.fromkeys(_PUNCTUATION_WITH_UNDEFINED_BYTE)
    if language is not None:
        table = language_data(language).chars
        common = sorted(table, key=lambda char: table[char], reverse=True)[:_MAX_LANGUAGE_CHARS]
        for char in common:
            for variant in (char, char.upper()):
                if "\ufe00" <= variant <= "\ufe0f":
                    continue  # variation selectors come with emoji in the word lists
                if len(variant) == 1 and any(b in UNDEFINED_CP1252 for b in variant.encode()):
                    found.setdefault(variant, None)
    return tuple(found)


def _beside_cjk(text: str, index: int, single_bytes: bool = False) -> bool:
    """Whether a ``�`` touches CJK text, or another ``�`` (the many lost bytes of a CJK
    round trip; not so for legacy text, whose accented letters come two in a row:
    ``na��o`` is ``nação``; but the run of them is looked through: ``��듭`` touches
    Hangul)."""
    before, after = index - 1, index + 1
    if single_bytes:
        while before >= 0 and text[before] == "\ufffd":
            before -= 1
        while after < len(text) and text[after] == "\ufffd":
            after += 1
    for neighbour in (before, after):
        if 0 <= neighbour < len(text):
            char = text[neighbour]
            if char == "\ufffd" and not single_bytes:
                return True
            if "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af":
                return True
            if "\uff00" <= char <= "\uffef":
                return True
    return False


def _touches_letter_or_quote(text: str, index: int) -> bool:
    """Whether a ``�`` sits in a word (``e �ndices``, ``đ�``) or closes a quotation
    (``“%s�``, ``�<�``)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalpha() or after.isalpha():
        return True
    if before.isspace() and not after.isspace():
        return True  # ``använd �%s”``: a quotation opened the Swedish way
    if before.isspace():
        return False
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    # (Or one the word opened with another: ``�<�``.)
    return "“" in text[:index] or text[start] == "\ufffd"


def shaped_like_lost_utf8(word: str, min_units: int = 2) -> bool:
    """Whether the bytes of ``word`` read as Latin-1 are UTF-8 whose only flaw is missing
    continuation bytes: lead bytes each followed by no more continuations than they need,
    none without a lead, and at least ``min_units`` of them. That is the shape UTF-8 takes
    once a Latin-1 reader and a C1 filter have dropped ``80``–``9F`` (``à¸à¸´`` is Thai
    ``กิ``); a double-byte code page read as Latin-1 hardly ever takes it.

    >>> shaped_like_lost_utf8("à¸à¸´à¸"), shaped_like_lost_utf8("ÏÂÔØ±¾Êé")
    (True, False)
    """
    data = bytearray()
    for char in word:
        value = byte_of(char)
        if value is None:
            return False
        data.append(value)
    return bytes_shaped_like_lost_utf8(bytes(data), min_units)


def bytes_shaped_like_lost_utf8(data: bytes, min_units: int = 2) -> bool:
    """:func:`shaped_like_lost_utf8` for bytes."""
    units = 0
    owed = 0  # continuation bytes the current lead still accepts
    for value in data:
        if value == 0x3F and owed:
            owed -= 1  # ``í?¬``: an undefined byte shown as ``?`` (ED 81 AC is 크)
        elif value < 0x80:
            owed = 0
        elif value < 0xC0:
            if owed == 0:
                return False
            owed -= 1
        else:
            owed = _continuations_needed(value)
            if owed == 0:
                return False
            units += 1
    return units >= min_units
