"""Single-byte code pages that UTF-8 is commonly misread through, built once at import.

Each :class:`CodePage` knows which characters stand for which byte, so that mojibake can be
turned back into the bytes it was made from (``"Ã©"`` → ``b"\\xc3\\xa9"`` → ``"é"``).

Bytes a code page leaves undefined are read, as browsers and Latin-1 do, as the C1 control
character of the same number (cp1252 has no character for 0x81, so ``Ã\\x81`` is ``Á``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from fixtext.plausibility import char_cost

__all__ = ["CODE_PAGES", "TRIGGERS", "CodePage", "Family", "find_candidate_pages"]

Family = Literal["windows", "windows-cyrillic", "dos", "cyrillic", "thai"]

# Lead bytes of the two-byte UTF-8 sequences worth looking for through DOS and Mac pages:
# Latin-1 and Latin Extended-A (C2–C5), Romanian ș ț (C8), Greek, Cyrillic, Hebrew and Arabic
# (CE–D1, D6–DB). Their other lead characters are punctuation (Mac Roman’s ’ is D5) that clean
# text glues to letters.
_DOS_TWO_BYTE_LEADS = frozenset(
    [0xC2, 0xC3, 0xC4, 0xC5, 0xC8, *range(0xCE, 0xD2), *range(0xD6, 0xDC)]
)
# Lead bytes that a Cyrillic code page's letter may stand for before a continuation letter:
# Latin-1 and Latin Extended-A (``цЁ`` is ó through KOI8-R) and Cyrillic itself.
_CYRILLIC_LETTER_LEADS = frozenset([0xC2, 0xC3, 0xC4, 0xC5, 0xD0, 0xD1])


@dataclass(frozen=True, slots=True)
class CodePage:
    """A single-byte code page, and the patterns of UTF-8 sequences misread through it."""

    name: str
    codec: str
    to_byte: dict[str, int]
    """Every non-ASCII character of the code page, and its byte."""
    sequence: re.Pattern[str]
    """One UTF-8 multi-byte sequence seen through this code page: a lead character
    (bytes C2–F4) followed by the right number of continuation characters (80–BF)."""
    neighbour: re.Pattern[str]
    """Any sequence of this code page, unnarrowed by family: looked for only right beside a
    sequence already found, where damage continues (``тАЬрдкрд░тАЭ`` is ``“पर”`` through cp866,
    and ``рдк``, all lower-case, is too ordinary a shape to look for on its own)."""
    gate: re.Pattern[str]
    """A lead character followed by a continuation character: a fast test that must pass
    before ``sequence`` can match (a single character class scans much faster)."""
    trigger: tuple[str, str]
    """``gate`` as a character class and what follows it (see :mod:`fixtext.scan`)."""
    leads: str
    continuations: str
    family: Family
    """Code pages of a family share one gate (see :func:`find_candidate_pages`)."""

    def encode(self, text: str) -> bytes:
        """The bytes ``text`` stood for; every character must be ASCII or in ``to_byte``."""
        to_byte = self.to_byte
        return bytes(ord(c) if c < "\x80" else to_byte[c] for c in text)


def _character_class(chars: Iterable[str]) -> str:
    members = sorted(set(chars))
    return "[" + "".join(re.escape(c) for c in members) + "]" if members else "(?!)"


def _build(name: str, codec: str, family: Family, *, latin1_controls: bool = False) -> CodePage:
    """Build the table and patterns of one code page.

    The family narrows the patterns where clean text would otherwise match all the time:

    * ``dos`` (cp437, cp850, cp852, Mac Roman): two-byte sequences only for the lead bytes
      in ``_DOS_TWO_BYTE_LEADS``;
    * ``cyrillic`` (cp866, KOI8, Mac Cyrillic), whose lead and continuation bytes are both
      Cyrillic letters: ordinary words line up as sequences (``раб`` in cp866 is E0 A0 A1),
      so a sequence must also hold a capital, a box-drawing character or a symbol, or start
      with one of ``_CYRILLIC_LETTER_LEADS``;
    * ``thai`` (windows-874): Thai letters fill both halves of the code page, so only Thai's
      own three-byte sequences (E0 B8–B9 xx), general punctuation (E2 80 xx: ``โ€ฆ`` is
      ``…``), and two-byte sequences beside an ASCII letter, inside a Latin word
      (``utรถkning`` is ``utökning``), or standing alone (``non รจ``, ``ยซ %s ยป``); the
      rule keeps lone ones only where no other Thai is in the text.
    """
    to_byte: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte) if byte < 0xA0 else ""
        if len(char) == 1 and char >= "\x80" and char not in to_byte:
            to_byte[char] = byte
    if latin1_controls:
        # Latin-1 readers show the 0x80–0x9F bytes as C1 controls: "â\x80\x9c" is “ read
        # as Latin-1. cp1252 and Latin-1 differ only there, so one table serves both.
        for byte in range(0x80, 0xA0):
            to_byte.setdefault(chr(byte), byte)

    def chars(low: int, high: int) -> str:
        return "".join(c for c, b in to_byte.items() if low <= b <= high)

    # Four-byte sequences: only F0 (emoji, CJK extension B); F1–F4 are unassigned planes.
    lead2, lead3, lead4 = chars(0xC2, 0xDF), chars(0xE0, 0xEF), chars(0xF0, 0xF0)
    conts = chars(0x80, 0xBF)
    cont = _character_class(conts)
    if family == "dos":
        lead2 = "".join(c for c in lead2 if to_byte[c] in _DOS_TWO_BYTE_LEADS)
    trigger = (_character_class(lead2 + lead3 + lead4), cont)
    two = f"{_character_class(lead2)}{cont}"
    three = f"{_character_class(lead3)}{cont}{{2}}"
    if family == "thai":
        lead3, lead4 = chars(0xE0, 0xE0), ""
        thai = _character_class(chars(0xB8, 0xB9))
        punctuation = chars(0xE2, 0xE2) + chars(0x80, 0x80)  # E2 80 xx: ``โ€ฆ`` is ``…``
        beside_latin = "(?:(?=[A-Za-z])|(?<=[A-Za-z]..))"
        # (Thai's vowel and tone marks are no ``\w``, yet part of the word: ``มือช่วย``.)
        word = "[\\w\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
        alone = f"(?!{word})(?<!{word}..)"
        # (Thai's own sequences start with ``เ``, E0: ``ัน`` of ``วันที่``, D1 B9, is none.)
        own = f"(?<={_character_class(lead3)}){thai}{cont}"
        trigger = (
            _character_class(lead2 + lead3 + punctuation[0]),
            f"(?:{own}|{cont}{beside_latin}|{cont}{alone}|{punctuation[1]}{cont})",
        )
        thai_lead2 = _character_class(lead2)
        two = (
            f"(?<=[A-Za-z]){thai_lead2}{cont}|{thai_lead2}{cont}(?=[A-Za-z])"
            f"|(?<!{word}){thai_lead2}{cont}(?!{word})"
        )
        three = f"{_character_class(lead3)}{thai}{cont}|{punctuation}{cont}"
    if family == "cyrillic":
        lower = _character_class(c for c in conts if c.islower())
        not_lower = _character_class(c for c in conts if not c.islower())
        not_letter = _character_class(c for c in conts if not c.isalpha())
        lower_leads = "".join(
            c for c in lead2 if c.islower() and to_byte[c] not in _CYRILLIC_LETTER_LEADS
        )
        other_leads = "".join(c for c in lead2 if c not in lower_leads)
        two = f"{_character_class(other_leads)}{cont}|{_character_class(lower_leads)}{not_letter}"
        three = f"{_character_class(lead3)}(?:{not_lower}{cont}|{lower}{not_lower})"
    pattern = re.compile(f"{two}|{three}|{_character_class(lead4)}{cont}{{3}}")
    all_leads = _character_class(chars(0xC2, 0xDF)), _character_class(chars(0xE0, 0xEF))
    neighbour = re.compile(
        f"{all_leads[0]}{cont}|{all_leads[1]}{cont}{{2}}|{_character_class(lead4)}{cont}{{3}}"
    )
    return CodePage(
        name=name,
        codec=codec,
        to_byte=to_byte,
        sequence=pattern,
        neighbour=neighbour,
        gate=re.compile(trigger[0] + trigger[1]),
        trigger=trigger,
        leads=lead2 + lead3 + lead4,
        continuations=conts,
        family=family,
    )


# Try order: when two code pages give the same repair, the earlier one names it.
CODE_PAGES: tuple[CodePage, ...] = (
    _build("cp1252", "cp1252", "windows", latin1_controls=True),
    _build("cp1250", "cp1250", "windows"),
    _build("cp1251", "cp1251", "windows-cyrillic"),
    _build("cp1253", "cp1253", "windows"),
    _build("cp1254", "cp1254", "windows"),
    _build("cp1257", "cp1257", "windows"),
    _build("iso-8859-2", "iso8859_2", "windows"),
    _build("iso-8859-15", "iso8859_15", "windows"),
    _build("mac-roman", "mac_roman", "dos"),
    _build("cp437", "cp437", "dos"),
    _build("cp850", "cp850", "dos"),
    _build("cp852", "cp852", "dos"),
    _build("cp866", "cp866", "cyrillic"),
    _build("koi8-r", "koi8_r", "cyrillic"),
    _build("koi8-u", "koi8_u", "cyrillic"),
    _build("mac-cyrillic", "mac_cyrillic", "cyrillic"),
    _build("iso-8859-5", "iso8859_5", "windows-cyrillic"),
    _build("iso-8859-7", "iso8859_7", "windows"),
    _build("cp1255", "cp1255", "windows"),
    _build("cp1256", "cp1256", "windows"),
    _build("cp1258", "cp1258", "windows"),
    _build("iso-8859-4", "iso8859_4", "windows"),
    _build("iso-8859-10", "iso8859_10", "windows"),
    _build("iso-8859-13", "iso8859_13", "windows"),
    _build("iso-8859-16", "iso8859_16", "windows"),
    _build("cp874", "cp874", "thai"),
)


def _family_gates(pages: list[CodePage]) -> tuple[tuple[str, str], ...]:
    """Scans, one of which matches wherever a ``sequence`` of one of ``pages`` could, each
    as a pair of character classes (a lead, then a continuation).

    Any lead character of the family followed by any continuation character of it: looser
    than the code pages' own patterns (it mixes their tables), but a pair of character
    classes scans about a hundred times faster than an alternation of them.

    The Cyrillic family's lead and continuation bytes are both letters, and mixing its
    tables would match every other pair of Russian letters; its sequences start with one
    of these pairs instead:

    * a lead that is not a letter (box drawing, symbols, dashes), or a four-byte lead;
    * a lower-case letter before anything but a lower-case letter;
    * a KOI8 or Mac Cyrillic capital before a continuation of the same table;
    * one of ``_CYRILLIC_LETTER_LEADS`` before a capital, or before a small letter beside an
      ASCII letter (``nцёo`` is ``não`` through KOI8-U; Ukrainian writes ``пі`` and ``ці``
      all the time).
    """
    leads = "".join(p.leads for p in pages)
    conts = "".join(p.continuations for p in pages)
    if pages[0].family == "windows-cyrillic":
        # cp1251's lower-case letters are three- and four-byte leads: they must be followed
        # by two continuations (Ukrainian ``ві`` is not a sequence, ``вЂ™`` is).
        # The two tables disagree on which letters are leads, so each gets its own gates.
        pairs = []
        for page in pages:
            two = [c for c in page.leads if page.to_byte[c] < 0xE0]
            longer = _character_class(c for c in page.leads if page.to_byte[c] >= 0xE0)
            cont = _character_class(page.continuations)
            upper = [c for c in two if c.isupper() and "\u0400" <= c <= "\u04ff"]
            if page.name == "iso-8859-5" and upper:
                # ISO 8859-5 reads C2–CF as the upper ``Т``–``Я`` and 80–BF as ``А``–``П``:
                # Russian in upper lines up as such pairs all the time (``ТЕКСТ``,
                # ``СТАТУС``). Mojibake's pair starts a run of Cyrillic letters that is
                # all sequences to its end (``УМber`` is ``über``, ``ЮБЮГ`` is ``αβ``);
                # ``ДАТОТЕЦИ`` starts with two continuations.
                rest = [c for c in two if c not in upper]
                lead2 = _character_class(c for c in page.leads if page.to_byte[c] < 0xE0)
                lead3 = _character_class(c for c in page.leads if 0xE0 <= page.to_byte[c] < 0xF0)
                run = f"(?:{lead2}{cont}|{lead3}{cont}{cont})*"
                pairs.append((_character_class(upper), f"{cont}(?<![Ѐ-ӿ]..){run}(?![Ѐ-ӿ])"))
                two = rest
            # A sequence starts after ASCII or after the last byte of another, never after
            # a byte of C0–FF (a lead, or no UTF-8 byte at all): ``ФАЙЛ…`` and ``об’єкт``
            # hold no sequence. Nor does E0 take a byte below A0, or ED one above 9F
            # (``лінії``: ``ні`` would be ED B3, a surrogate).
            first_or_lead = _character_class(_from_c0(page))
            conts_from_a0 = _character_class(
                c for c in page.continuations if page.to_byte[c] >= 0xA0
            )
            conts_to_9f = _character_class(c for c in page.continuations if page.to_byte[c] < 0xA0)
            e0, ed = (
                _character_class(c for c in page.leads if page.to_byte[c] == byte)
                for byte in (0xE0, 0xED)
            )
            # (One trigger for every longer lead, the E0 and ED cases looked behind for: the
            # scan then starts it on its rarer second character, see ``fixtext.scan``.)
            pairs += [
                (_character_class(two), f"{cont}(?<!{first_or_lead}..)"),
                (
                    longer,
                    f"{cont}{cont}(?<!{first_or_lead}...)"
                    f"(?<!{e0}{conts_to_9f}.)(?<!{ed}{conts_from_a0}.)",
                ),
            ]
        return tuple(pair for pair in pairs if "(?!)" not in pair[0])
    if pages[0].family == "thai":
        return tuple(page.trigger for page in pages)
    if pages[0].family != "cyrillic":
        return ((_character_class(leads), _character_class(conts)),)
    four_byte = "".join(c for p in pages for c in p.leads if p.to_byte[c] >= 0xF0)
    gates: list[tuple[str, str]] = [
        (
            _character_class(
                [*(c for c in leads if not c.isalpha()), *(c for c in four_byte if not c.islower())]
            ),
            _character_class(conts),
        ),
        (
            _character_class(c for c in leads + conts if c.islower()),
            _character_class(c for c in conts if not c.islower()),
        ),
    ]
    for codec_family in ("koi8", "mac"):
        group = [p for p in pages if p.codec.startswith(codec_family)]
        group_conts = "".join(p.continuations for p in group)
        capitals = "".join(c for p in group for c in p.leads if c.isupper())
        free = "".join(
            c
            for p in group
            for c in p.leads
            if c.islower() and p.to_byte[c] in _CYRILLIC_LETTER_LEADS
        )
        letters = [c for c in group_conts if c.isalpha()]
        lower = _character_class(c for c in letters if c.islower())
        gates.append((_character_class(capitals), _character_class(group_conts)))
        gates.append((_character_class(free), _character_class(c for c in letters if c.isupper())))
        gates.append(
            (_character_class(free), f"{lower}(?:(?<=[A-Za-z]..)|(?=[A-Za-z]))"),
        )
    if len(pages) == 1:
        # One page's own gates that start on a lead (all but the second; each takes two
        # characters): a sequence starts after ASCII or after the last byte of another,
        # never after a byte of C0–FF; and a small letter of C0–FF right after it is a lead
        # with a continuation of its own. Ukrainian ``об’єкт`` and ``„Файл“`` are no Mac
        # Cyrillic (``’є`` would be Armenian, ``„Ф`` Hebrew).
        (page,) = pages
        first_or_lead = _character_class(_from_c0(page))
        small_leads = _character_class(c for c in _from_c0(page) if c.islower())
        cont = _character_class(page.continuations)
        bounds = f"(?<!{first_or_lead}..)(?!{small_leads}(?!{cont}))"
        gates = [
            (first, rest if index == 1 else rest + bounds)
            for index, (first, rest) in enumerate(gates)
        ]
    return tuple(gate for gate in gates if "(?!)" not in gate[0] + gate[1])


def _from_c0(page: CodePage) -> list[str]:
    """The characters ``page`` gives the bytes C0–FF: leads, or no UTF-8 byte at all; no
    sequence ends with one."""
    return [c for c, b in page.to_byte.items() if b >= 0xC0]


def _by_family() -> tuple[tuple[tuple[tuple[str, str], ...], tuple[CodePage, ...]], ...]:
    families: dict[str, list[CodePage]] = {}
    for page in CODE_PAGES:
        families.setdefault(page.family, []).append(page)
    return tuple((_family_gates(pages), tuple(pages)) for pages in families.values())


def _page_gates(page: CodePage) -> tuple[tuple[str, str], ...]:
    """The gates of one code page on its own: what the family's gates look for, in this
    page's table only (``«`` is a lead in Mac Cyrillic, a no-break space a continuation in
    KOI8-R: French ``«\u00a0`` is neither's sequence)."""
    if page.family in _NARROWED_FAMILIES:
        return _family_gates([page])
    if page.name == "cp1256":
        return _arabic_gates(page)
    if page.family == "thai":
        return (page.trigger,)
    # A lead and as many continuations as it needs: the scan need not stop at ``íš`` or
    # ``ší`` (Czech, a three-byte lead and one continuation through cp1252 or cp852).
    by_length: dict[int, list[str]] = {}
    for lead in page.leads:
        byte = page.to_byte[lead]
        by_length.setdefault(1 if byte < 0xE0 else 2 if byte < 0xF0 else 3, []).append(lead)
    cont = _character_class(page.continuations)
    return tuple(
        (_character_class(leads), cont if length == 1 else f"{cont}{{{length}}}")
        for length, leads in sorted(by_length.items())
    )


_SCRIPT_LEADS = frozenset((0xC2, 0xC3, 0xC4, 0xC5, 0xCE, 0xCF, 0xD0, 0xD1, 0xD8, 0xD9))


def _arabic_gates(page: CodePage) -> tuple[tuple[str, str], ...]:
    """cp1256 gives Arabic letters to both halves: Arabic text puts ``،`` ``؛`` ``؟`` after
    its letters, and Persian and Urdu text ``پ`` ``چ`` ``گ`` ``ک`` and the zero-width
    non-joiner, all continuation bytes there. An Arabic letter before one of these counts
    only as one of UTF-8's lead bytes of Latin-1 and Latin Extended-A (``آ أ ؤ إ``, C2–C5:
    ``pأ،gina`` is ``página``), Greek (``خ د``, CE CF), Cyrillic (``ذ ر``, D0 D1) or Arabic
    (``ط ظ``, D8 D9) letters."""

    def arabic(char: str) -> bool:
        return "\u0600" <= char <= "\u06ff" or char in "\u200c\u200d"

    letters = [c for c in page.leads if arabic(c) and page.to_byte[c] not in _SCRIPT_LEADS]
    # (``آ أ ؤ إ``, C2–C5, stay with every continuation: ``أ،`` is ``á``, ``إپ`` is ``Ł``.)
    scripts = [c for c in page.leads if arabic(c) and c not in letters and page.to_byte[c] >= 0xCE]
    others = [c for c in page.leads if c not in letters and c not in scripts]
    # Nor ``·`` after an Arabic letter, a separator some Arabic text writes between its
    # words, where it makes a rare letter (``ا·`` is ``Ƿ``, C7 B7; ``د·`` is ``Ϸ``, CF B7).
    # Nor, after the Arabic letters that are leads of Greek, Cyrillic and Arabic (``خ د ذ ر
    # ط ظ``), the letters Persian and Urdu add (``رچ`` is ``э``, D1 8D, but Persian writes
    # ``برچسب``): UTF-8 of those scripts read this way also gives signs there (``ذ°``, ``а``).
    dotted = [c for c in scripts if char_cost(_with_middle_dot(page, c)) >= _RARE]
    foreign = [c for c in page.continuations if not arabic(c)]
    gates = [
        (_character_class(others), _character_class(page.continuations)),
        (_character_class(letters), _character_class(c for c in foreign if c != "·")),
        (_character_class(c for c in scripts if c not in dotted), _character_class(foreign)),
        (_character_class(dotted), _character_class(c for c in foreign if c != "·")),
    ]
    return tuple(gate for gate in gates if "(?!)" not in gate[0])


def _with_middle_dot(page: CodePage, lead: str) -> str:
    return bytes([page.to_byte[lead], _MIDDLE_DOT]).decode("utf-8")


_MIDDLE_DOT = 0xB7
_RARE = 2


_NARROWED_FAMILIES = ("cyrillic", "windows-cyrillic")
_GATES = _by_family()
_FAMILIES = tuple(
    (tuple(re.compile(lead + rest) for lead, rest in gates), pages) for gates, pages in _GATES
)
_NARROWED = {
    page.name: tuple(re.compile(lead + rest) for lead, rest in _page_gates(page))
    for page in CODE_PAGES
    if page.family in _NARROWED_FAMILIES or page.name == "cp1256"
}
TRIGGERS: tuple[tuple[str, str], ...] = tuple(
    dict.fromkeys(gate for page in CODE_PAGES for gate in _page_gates(page))
)
"""What a sequence of any code page starts with: a character class, then the pattern that
follows it (see :mod:`fixtext.scan`)."""


def find_candidate_pages(text: str) -> list[CodePage]:
    """The code pages whose ``sequence`` may match ``text``, in try order.

    Decided by a few scans, one or a few per family of code pages, then one or a few per
    code page of the families that passed.
    """
    search = _searcher(text)
    families = {pages[0].family for gates, pages in _FAMILIES if any(map(search, gates))}
    return [
        page
        for page in CODE_PAGES
        if page.family in families
        and page.gate.search(text)
        and (page.name not in _NARROWED or any(map(search, _NARROWED[page.name])))
    ]


def _searcher(text: str) -> Callable[[re.Pattern[str]], re.Match[str] | None]:
    return lambda gate: gate.search(text)
