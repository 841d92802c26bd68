"""UTF-8 read through a single-byte code page: ``donâ€™t``, ``РїСЂРёРІРµС‚``, ``ΓÇÿ%sΓÇÖ``.

Every UTF-8 character beyond ASCII is a lead byte (C2–F4) and one to three continuation
bytes (80–BF). Read through a single-byte code page, it becomes a short run of characters
that the code page's table turns back into exactly those bytes. This rule finds such runs for
every code page in :data:`fixtext.codepages.CODE_PAGES`, decodes them strictly, and proposes
the repair where it makes the text around it more plausible
(:func:`fixtext.plausibility.text_cost`).

It works sequence by sequence, so only the damaged runs of a line change: correct curly
quotes, Cyrillic or CJK text beside them stay as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from fixtext.codepages import CODE_PAGES, CodePage, find_candidate_pages
from fixtext.language import LATIN_LANGUAGES, is_common_word, language_data, rank_languages
from fixtext.model import Edit
from fixtext.plausibility import (
    LEADERS,
    after_copyright,
    alphabet_fit,
    dominant_of,
    drawn_with_lines,
    language_fit,
    line_art,
    rare_letters_only,
    script_counts,
    scripts_of,
    text_cost,
)
from fixtext.rules.lost_utf8 import byte_of, bytes_shaped_like_lost_utf8, shaped_like_lost_utf8
from fixtext.spans import select_disjoint

__all__ = ["find_codepage_repairs"]

# A repair must lower the cost by this much on its own; once a code page has been shown to
# damage a text, its other runs there need only not make things worse.
_MIN_GAIN = 1
_STRONG_GAIN = 2
_CONTEXT = 1
_MAX_LAYERS = 4
_FIT_MARGIN = 1.5
_SCRIPT_BONUS = 2
_LONE_GAIN = 2
# The leaders, and the invisible controls of bidirectional text (``тАм`` is U+202C through cp866).
_INVISIBLE_OR_LEADER = LEADERS | frozenset(
    "\u200e\u200f\u2028\u2029" + "".join(map(chr, range(0x202A, 0x202F)))
)
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
_CYRILLIC_CAMEL_CASE = re.compile(
    "[\u0400-\u04ff]+(?<=[\u0430-\u045f\u0491])(?=[\u0400-\u042f\u0490])[\u0400-\u04ff]+"
)
_THAI_ALONE = frozenset("«»©®°±§·àèéìòùåÀÈÉÅ")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    before: str
    after: str
    code_page: str
    gain: int
    sequences: int
    touches_letter: bool
    # Whether the place tells the character, whatever the measures say (``Copyright ┬⌐``).
    told: bool = False


def _camel_case(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a small Cyrillic letter then a capital inside a
    Cyrillic word: camel case (``АвиаПорт``, ``ЗаявкаНаЗакрытие``), not UTF-8 read through
    ISO 8859-5 (``аП`` is D0 BF, ``п``), whose mojibake runs on for the whole word. (A letter
    before it that is a lead byte alone, ``а`` or ``б`` after a dropped C1 control, is
    mojibake's.)"""
    if start == 0 or end >= len(text) or text[start - 1] in "аб":
        return False
    return _CYRILLIC_CAMEL_CASE.fullmatch(text, start - 1, end + 1) is not None


def _decoded_sequences(
    text: str, code_page: CodePage, *, loose: bool = False
) -> list[tuple[int, int, str]]:
    """Every sequence of ``code_page`` in ``text`` that decodes, with its character.

    Sequences of the code page's own (family-narrowed) pattern are found first; then, right
    beside each, sequences of any shape, since damage comes in runs.
    """
    found: dict[int, tuple[int, int, str]] = {}
    pattern = code_page.neighbour if loose else code_page.sequence
    for match in pattern.finditer(text):
        _add_sequence(found, text, code_page, match.start(), match.end())
    if found and code_page.family in ("cyrillic", "thai", "dos"):
        for start in sorted(found):
            _extend_run(found, text, code_page, found[start][1])
    if found and code_page.family == "thai":
        _drop_lone_thai(found, text)
    return [found[start] for start in sorted(found)]


def _drop_lone_thai(found: dict[int, tuple[int, int, str]], text: str) -> None:
    """Two Thai letters standing alone (``non รจ`` for ``non è``) are damage only in a text
    that has no Thai of its own: in Thai text, ``ยก`` is a word (to lift), not ``¡``."""
    covered: set[int] = set()
    for start, end, _ in found.values():
        covered.update(range(start, end))
    if not any("\u0e00" <= c <= "\u0e7f" and i not in covered for i, c in enumerate(text)):
        return
    for start, (_, end, _) in list(found.items()):
        beside = text[start - 1 : start] + text[end : end + 1]
        if end - start == 2 and not any(c.isascii() and c.isalpha() for c in beside):
            del found[start]


def _add_sequence(
    found: dict[int, tuple[int, int, str]], text: str, page: CodePage, start: int, end: int
) -> bool:
    data = page.encode(text[start:end])
    try:
        char = data.decode("utf-8")
    except UnicodeDecodeError:
        # CESU-8 (Java, MySQL's utf8) writes an emoji as two three-byte surrogates,
        # ``í\xa0½í¸\x8d`` for 😍: keep each half, to be paired in its cluster.
        if data[0] != 0xED or len(data) != 3:
            return False
        char = data.decode("utf-8", "surrogatepass")
    found[start] = (start, end, char)
    return True


def _extend_run(
    found: dict[int, tuple[int, int, str]], text: str, page: CodePage, position: int
) -> None:
    """Decode sequences of any shape that follow ``position`` without a gap."""
    while position not in found:
        match = page.neighbour.match(text, position)
        if match is None or not _add_sequence(found, text, page, position, match.end()):
            return
        position = match.end()


def _pair_surrogates(text: str) -> str | None:
    """``text`` with its surrogate halves paired into characters; None if one is alone."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return None


def _clusters(
    text: str,
    code_page: CodePage,
    dominant: Callable[[], str | None],
    max_layers: int,
    *,
    loose: bool = False,
) -> list[_Candidate]:
    """Adjacent decodable sequences, grouped, each with the gain its repair brings.

    ``dominant()`` is the main script of the text: a run in another script that becomes
    letters of the main one is likely damage (``non ГЁ den`` is Italian ``non è den`` read
    through cp1251). The converse is no evidence: in a wholly damaged text the main script
    is the damage's (``Ð¿Ñ€Ð¸`` is Latin).
    """
    candidates = []
    sequences = _decoded_sequences(text, code_page, loose=loose)
    index = 0
    while index < len(sequences):
        start, end, after = sequences[index]
        count = 1
        while index + count < len(sequences) and sequences[index + count][0] == end:
            end = sequences[index + count][1]
            after += sequences[index + count][2]
            count += 1
        index += count
        paired = _pair_surrogates(after)
        if paired is None or _cuts_latin1_unit(text, start, code_page):
            continue
        after, layers = _undo_layers(paired, code_page, max_layers)
        if _camel_case(text, start, end):
            continue
        if count == 1 and code_page.family == "cyrillic" and after in _INVISIBLE_OR_LEADER:
            # Cyrillic letters line up as cp866 or KOI8 sequences of these all the time
            # (``ЛатАм``, ``ВіртАдр``); bidi controls of damaged Arabic or Hebrew text
            # stand beside damaged letters or ASCII, not inside a Cyrillic word.
            left, right = text[start - 1 : start], text[end : end + 1]
            if _CYRILLIC_LETTER.match(left) or _CYRILLIC_LETTER.match(right):
                continue
        if count == 1 and code_page.family == "cyrillic" and _nbsp_between_words(text, start, end):
            continue
        left = text[max(0, start - _CONTEXT) : start]
        right = text[end : end + _CONTEXT]
        touches = left.isalpha() or right.isalpha()
        before_cost = text_cost(left + text[start:end] + right)
        gain = before_cost - text_cost(left + after + right)
        punctuation = _is_common_punctuation(after) and code_page.family in ("windows", "dos")
        if before_cost > text_cost(left + right) or count >= 3 or punctuation:
            # Once the text shows damage, the byte structure is evidence too: clean text
            # rarely lines up as lead, continuation, lead, continuation…, or as a valid
            # three-byte sequence (``‚Äò`` for ``‘`` through Mac Roman).
            gain += count - 1 + (end - start - count * 2 > 0)
        if code_page.name == "cp1252" and _mixes_latin1_and_cp1252(text[start:end]):
            gain -= 1
        if _classic(text[start:end]):
            gain += 1
        if _capital_pair_of_no_language(text, start, end, after) or _sign_as_a_word(
            text, start, end, after
        ):
            gain += _LONE_GAIN
        if after == "\ufffd" and text[start:end] == _REPLACEMENT_READ_AS_CP1252 and not touches:
            # The replacement character's own mojibake, which no measure of characters
            # tells from clean text (``ï¿½`` is a letter and two signs). Inside a word it
            # would be a letter whose bytes are lost, not this rule's to guess.
            gain += _TELLING_SHAPE_BONUS
        if _science_greek(text[start:end], after, code_page.name):
            gain += _TELLING_SHAPE_BONUS
        if _lone_box_run(text, start, end):
            gain += 2
        # ``Copyright ┬⌐``, ``Copyright ТЉ``: ``©`` (C2 A9) through a DOS or Cyrillic page.
        told = after == "©" and after_copyright(text, start, end)
        if told:
            gain = max(gain, _STRONG_GAIN)
        if _nbsp_inside_word(text, start, end):
            gain += 1
        main = dominant()
        if (
            main is not None
            and scripts_of(after) == {main}
            and main not in scripts_of(text[start:end])
            # (Rare letters alone are no sign of damage in the main script, as rare there
            # as the letters they replace: German ``»З« und »Ж«`` would be ``»ǫ und »ƫ``.)
            and not rare_letters_only(after)
            and not (code_page.family in _NARROWED and shaped_like_lost_utf8(text[start:end], 1))
        ):
            gain += _SCRIPT_BONUS
        elif code_page.family == "thai" and after in _THAI_ALONE and main != "thai":
            # Two Thai letters in a text of another script, with no Thai of its own (see
            # _drop_lone_thai), that become a sign or a one-letter word: ``Copyright ยฉ``
            # is ``Copyright ©``. (Not ``¡``: ``the word ยก`` is Thai, ``¡`` stands alone.)
            gain += _SCRIPT_BONUS
        if gain < _LONE_GAIN and count == 1 and _makes_word(text, start, end, after):
            gain = _LONE_GAIN
        name = "+".join([code_page.name] * layers)
        candidates.append(
            _Candidate(start, end, text[start:end], after, name, gain, count, touches, told)
        )
    return candidates


def _nbsp_between_words(text: str, start: int, end: int) -> bool:
    """Whether a lone sequence is a Cyrillic word's last letter and the no-break space after
    it, with a Cyrillic word going on after: Russian ``комиссия\xa0в`` is clean, not ``њ``
    through KOI8-R (D1 9A); Cyrillic read through a Cyrillic code page runs on for whole
    words. (Between Latin letters it is damage: ``е\xa0`` is ``Ś``, C5 9A.)"""
    return (
        text[end - 1] == "\xa0"
        and _CYRILLIC_LETTER.match(text[start - 1 : start]) is not None
        and _CYRILLIC_LETTER.match(text[end : end + 1]) is not None
    )


def _nbsp_inside_word(text: str, start: int, end: int) -> bool:
    """Whether a sequence holds a no-break space as a continuation byte, inside a word in
    small letters or one with only its first letter a capital: ``GÃ\xa0idhlig`` is
    ``Gàidhlig`` (C3 A0). Clean text puts a no-break space between words, not after a
    capital glued to a small letter (an all-caps ``IRMÃ`` may end before one)."""
    if start == 0 or "\xa0" not in text[start + 1 : end]:
        return False
    left, right = text[start - 1], text[end : end + 1]
    if not (left.isalpha() and right.isalpha() and right.islower()):
        return False
    return left.islower() or start == 1 or not text[start - 2].isalpha()


def _cuts_latin1_unit(text: str, start: int, code_page: CodePage) -> bool:
    """Whether a sequence of a code page other than Latin-1 starts inside a UTF-8
    sequence seen through Latin-1, one whose C1 bytes were dropped: in ``à¤à¤ª`` (Hindi),
    ``¤à`` is ``υ`` through cp850, but ``¤`` is the second byte of ``à¤``; in ``Ð»Ñ``
    (Russian), ``»Ñ`` is ``Ȅ`` through Mac Roman, but ``»`` is the second byte of ``Ð»``."""
    if code_page.family not in ("dos", "cyrillic") or start == 0:
        return False
    lead, first = byte_of(text[start - 1]), byte_of(text[start])
    return lead is not None and 0xC2 <= lead <= 0xF4 and first is not None and 0x80 <= first < 0xC0


def _makes_word(text: str, start: int, end: int, after: str) -> bool:
    """Whether one sequence turns a word no language knows into a common word of the
    language of the text: ``for ĂĄ velge`` is Norwegian ``for å velge`` through cp1250,
    which no measure of single characters tells from clean text (``ĂĄ`` is two capitals)."""
    word_start, word_end = start, end
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    repaired = text[word_start:start] + after + text[end:word_end]
    if not repaired.isalpha() or repaired.isupper() or len(repaired) > _LONGEST_CHECKED_WORD:
        return False  # (capitals may be an abbreviation: Serbian ``БРЈ`` is no ``БУ``)
    if not (repaired.islower() or repaired.istitle()):
        return False  # (``éTRE`` is no word, whatever ``étre`` is)
    if not _is_known_word(repaired.lower()) or _is_known_word(text[word_start:word_end].lower()):
        return False  # (looked up first: ranking the text's languages costs more)
    # (The languages of the text as the repair leaves it: ``Ăźzenet`` alone reads as no
    # language, ``üzenet`` as Hungarian; but a letter alone is no evidence: ``Оё`` is not
    # Greek ``θ``.)
    as_repaired = text[:start] + after + text[end:] if len(repaired) >= 3 else text
    languages = [code for code, _ in rank_languages(as_repaired)]
    return any(is_common_word(repaired, code) for code in languages[:_WORD_LANGUAGES])


def _fits_in_text_language(text: str, letters: dict[str, str]) -> dict[str, float]:
    """For each code page family, how well the letters its repairs give fit the alphabets
    of the languages whose words the text holds most of (see :func:`alphabet_fit`): 0.0
    for those within a margin of the best, so that only a clear difference counts."""
    # (Languages that know some of its words: a text of unknown words tells none.)
    languages = [code for code, known in rank_languages(text)[:_TEXT_LANGUAGES] if known > 0]
    if not languages:
        return {}
    return _close_fits_equal(
        {
            family: min(alphabet_fit(chars, code) for code in languages)
            for family, chars in letters.items()
        }
    )


def _close_fits_equal(fits: dict[str, float]) -> dict[str, float]:
    """``fits`` with every fit within a margin of the best made 0.0: a close fit is no
    evidence (``č`` and ``ī`` are equally at home in Slovenian and Latvian)."""
    best = min(fits.values(), default=0.0)
    return {family: 0.0 if fit <= best + _FIT_MARGIN else fit for family, fit in fits.items()}


_TEXT_LANGUAGES = 3
# How far behind the best total gain a code page may be and still win on the words it makes
# (``─¥`` is ``ĝ`` through cp437 and ``ľ`` through cp850: ``horloĝo`` is a word, and ``ľ`` a
# commoner letter than ``ĝ`` overall).
_WORDS_OVER_GAIN = 2
_WORDS_OVER_SHARE = 0.25


def _known_words(text: str, candidates: list[_Candidate]) -> int:
    """How many of the words ``candidates`` repair become words some language knows."""
    known = 0
    for c in candidates:
        word_start, word_end = c.start, c.end
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        word = (text[word_start : c.start] + c.after + text[c.end : word_end]).lower()
        if word.isalpha() and _is_known_word(word):
            known += 1
    return known


@lru_cache(maxsize=65536)
def _is_known_word(word: str) -> bool:
    """Whether ``word`` (lower case) is in the common-word list of some language."""
    return any(word in language_data(code).words for code in _ALL_WORD_LANGUAGES)


_LONGEST_CHECKED_WORD = 30
_WORD_LANGUAGES = 2
_ALL_WORD_LANGUAGES = (*LATIN_LANGUAGES, "ru", "uk", "bg", "sr", "el")


# C1 controls for bytes cp1252 defines (0x80 €, 0x9F Ÿ, …), and cp1252's own characters
# for bytes 0x80–0x9F: a Latin-1 reader shows the first, a cp1252 reader the second.
_DEFINED_C1 = frozenset(
    chr(b) for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
)
_CP1252_ONLY = frozenset(
    bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if chr(b) in _DEFINED_C1
)


def _mixes_latin1_and_cp1252(run: str) -> bool:
    """Whether ``run`` needs both readers at once (``ð\x9f\x8fœ``): then it was rather
    read as ISO-8859-15, which has C1 controls and ``œ`` (at 0xBD) both."""
    chars = set(run)
    return bool(chars & _DEFINED_C1) and bool(chars & _CP1252_ONLY)


def _classic(run: str) -> bool:
    """``Ã`` or ``Â`` before a symbol or a no-break space (``AÃ‘OS``, ``OÃ™``, ``Â©``,
    ``CÃ\xa0nan``): the commonest mojibake there is, and a shape clean text hardly takes.
    (Not before an apostrophe: ``Ã’s`` is a plural.)"""
    return len(run) == 2 and run[0] in "ÃÂ" and not run[1].isalpha() and run[1] not in "’'"


def _capital_pair_of_no_language(text: str, start: int, end: int, after: str) -> bool:
    """``Ã`` before a letter the code page keeps among its C1 bytes, for a capital in a
    word of capitals (``STRAÃŸE``, ``PEUT-ÃŠTRE`` through cp1252): two letters no language
    writes side by side, which the measure of letters takes for two capitals. (Through
    ISO-8859-15 the same pairs are small letters, ``non Ãš`` is ``non è``: a word of
    capitals tells them apart.)"""
    if end - start != 2 or text[start] != "Ã" or text[start + 1] not in "ŠŒŽŸšœž":
        return False
    if not (after.isupper() or after == "ß"):
        return False
    return text[start - 1 : start].isupper() or text[end : end + 1].isupper()


def _sign_as_a_word(text: str, start: int, end: int, after: str) -> bool:
    """``Â`` and a letter standing alone as a word, for a sign of Latin-1's upper half
    (``Copyright ÂŠ %s``, ``ÂŤ %s Âť`` are ``©``, ``«`` and ``»`` through ISO-8859-2): a word
    of two letters that no language writes side by side, where ``Â©`` shows no letter."""
    if end - start != 2 or text[start] != "Â" or not text[start + 1].isalpha():
        return False
    if text[start - 1 : start].isalpha() or text[end : end + 1].isalpha():
        return False
    return len(after) == 1 and "\u00a0" <= after <= "\u00bf" and not after.isalpha()


def _science_greek(run: str, after: str, code_page: str) -> bool:
    """``Î`` or ``Ï`` before a continuation byte (a sign of cp1252 or Latin-1), for a Greek
    letter of science and mathematics: a shape no word takes (``Î²-catenin``, ``TNF-Î±``,
    ``IL2RÎ³cKO``, ``2Ï€``), and a letter Latin text writes inside its own words."""
    # (Through cp1252 only: ISO-8859-15 reads ``ÎŸ``, capital omicron, as ``ξ``.)
    return code_page == "cp1252" and len(run) == 2 and run[0] in "ÎÏ" and after in _SCIENCE_GREEK


def _lone_box_run(text: str, start: int, end: int) -> bool:
    """Box drawing with no box drawing beside it (``┬╗%s┬л``: ``»%s«`` through cp866): a
    table's lines run on (``┌──┐``), the remains of a character stand alone."""
    if not all("\u2500" <= c <= "\u259f" for c in text[start:end]):
        return False
    beside = text[start - 1 : start] + text[end : end + 1]
    return not any("\u2500" <= c <= "\u259f" for c in beside)


def _unnarrowed(
    text: str,
    pages: list[CodePage],
    confirmed: set[str],
    strong: list[_Candidate],
    dominant: Callable[[], str | None],
    max_layers: int,
    viable: list[_Candidate],
) -> list[_Candidate]:
    """Once a narrowed code page (cp866, KOI8, …) is shown to damage the text, its sequences
    of every shape: ``чоб`` is ``管`` through cp866, too ordinary a shape to look for unless
    the text already holds that code page's damage, and decoding to a script its proven
    repairs produce."""
    extra: list[_Candidate] = []
    taken = {(c.start, c.end) for c in viable}
    for page in pages:
        if page.name not in confirmed or page.family not in _NARROWED:
            continue
        scripts = scripts_of("".join(c.after for c in strong if c.code_page.startswith(page.name)))
        for c in _clusters(text, page, dominant, max_layers, loose=True):
            if (c.start, c.end) not in taken and c.gain >= 0 and scripts_of(c.after) <= scripts:
                extra.append(c)
    return extra


_NARROWED = frozenset({"cyrillic", "dos", "thai"})
_FAMILIES = {page.name: page.family for page in CODE_PAGES}
_CYRILLIC_PAGES = tuple(p for p in CODE_PAGES if p.family == "cyrillic")


_REPLACEMENT_READ_AS_CP1252 = "ï¿½"  # EF BF BD
_SCIENCE_GREEK = frozenset("αβγδεζηθικλνξπρστφχψωΔΣΦΩ")
# The gain a shape no clean text takes brings on its own: enough to outweigh the seams of
# a Greek letter glued to Latin ones, and then some.
_TELLING_SHAPE_BONUS = 4


def _covered(text: str, candidates: list[_Candidate]) -> str:
    """The characters of ``text`` some candidate covers, each once."""
    spans = sorted((c.start, c.end) for c in candidates)
    pieces: list[str] = []
    reached = 0
    for start, end in spans:
        start = max(start, reached)
        if start < end:
            pieces.append(text[start:end])
            reached = end
    return "".join(pieces)


def _lone_and_weak(
    candidate: _Candidate,
    counts: Counter[str],
    text_scripts: set[str] | None,
) -> bool:
    """A single two-character sequence, the only damage its code page finds in the text,
    needs more evidence: ``AHÅ™`` (a product name, not ``AHř``), ``5×£35`` (not ``5ף35``),
    ``∆°``, ``√π`` are clean text that happens to line up as UTF-8. Its repair must gain
    more, and must not bring a script other than the main one of the text around it
    (Ukrainian ``ці`` is not ``æ``), though punctuation of another script may come."""
    if candidate.told or candidate.sequences > 1 or counts[candidate.code_page.split("+")[0]] > 1:
        return False
    if len(candidate.after) != 1 or _is_common_punctuation(candidate.after):
        return False
    # (Not μ: Latin text writes it as the micro sign, ``10Î¼s`` is ``10μs``; nor the Greek
    # letters of science, see ``_science_greek``.)
    letters = "".join(c for c in candidate.after if c.isalpha() and c != "\u03bc")
    if _science_greek(candidate.before, candidate.after, candidate.code_page):
        letters = ""
    if text_scripts is not None and scripts_of(letters) - text_scripts:
        # (A script's letters: ``，`` is punctuation, ``Ningboï¼ŒChina`` a full-width comma
        # read through cp1252.)
        return True
    before = candidate.before
    if not any(c.isalpha() for c in before + candidate.after) and not candidate.touches_letter:
        # Symbols for a symbol, away from any word, may be an emoticon (`` `¬´ `` is not
        # ``«`` through Mac Roman); ``┬┐que`` (``¿que`` through cp437) touches a word, and
        # ``√†`` gives one (``à``).
        return True
    if before.isalpha() and scripts_of(before) == scripts_of(candidate.after) != {"latin"}:
        # Two letters of a script becoming one of the same (``аН`` → ``н`` through
        # ISO-8859-5): such damage comes in runs, never alone. (Not so for Latin: ``Ãª``
        # alone in ``mÃªme`` is the commonest mojibake there is.)
        return True
    # cp866 and KOI8 turn many a Russian word into some symbol (``ВіртАдр`` is no ``Вір․р``).
    narrowed = any(candidate.code_page.startswith(p.name) for p in _CYRILLIC_PAGES)
    if narrowed and not candidate.after.isalpha():
        return True
    return candidate.gain < _LONE_GAIN + narrowed


def _inside_lost_utf8(text: str, candidate: _Candidate) -> bool:
    """Whether a DOS or Cyrillic code page reads part of a run that is UTF-8 read as Latin-1
    with C1 bytes lost: ``Ø®Ø§ØµÙØ©`` is Arabic ``خاصية`` that lost the 8A of its ``ي``, and
    its ``ÙØ©`` only by chance ``띸`` through cp850. The run must hold both a lead byte
    without its continuation and a whole sequence, their leads next to each other (D8 and
    D9 are Arabic): ``ÔÇ£`` (``“`` through cp850) is no lost ``Ô`` before ``ǣ``."""
    if _FAMILIES[candidate.code_page.split("+")[0]] not in _NARROWED:
        return False
    start, end = candidate.start, candidate.end
    while start > 0 and not text[start - 1].isascii() and byte_of(text[start - 1]):
        start -= 1
    while end < len(text) and not text[end].isascii() and byte_of(text[end]):
        end += 1
    values = [byte_of(char) for char in text[start:end]]
    if None in values:
        return False
    data = bytes(value for value in values if value is not None)
    if not bytes_shaped_like_lost_utf8(data):
        return False
    leads = [value for value in data if value >= 0xC0]
    if not leads or max(leads) > 0xDF or max(leads) - min(leads) > 1:
        return False
    decoded = data.decode("utf-8", "replace")
    return "\ufffd" in decoded and any(char != "\ufffd" for char in decoded)


def _is_common_punctuation(text: str) -> bool:
    """``‘ ’ “ ” – — … • € № ™ → ✔ ♫``: what three-byte mojibake most often stands for."""
    if len(text) != 1 or text in LEADERS:
        return False
    return (
        "\u2010" <= text <= "\u206f"
        or "\u20a0" <= text <= "\u214f"
        or "\u2190" <= text <= "\u21ff"
        or "\u2600" <= text <= "\u27bf"
    )


def _undo_layers(text: str, code_page: CodePage, max_layers: int) -> tuple[str, int]:
    """Undo further layers of the same damage: ``â€˜`` (from ``Ã¢â‚¬Ëœ``) → ``‘``."""
    layers = 1
    while layers < max_layers and not text.isascii():
        try:
            deeper = code_page.encode(text).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            break
        # Clean words can be valid UTF-8 again by chance ("только" through cp866 is
        # "⮫쪮", "тип" is "⨯"): a further layer must not make the text less plausible.
        if text_cost(deeper) > text_cost(text):
            break
        text = deeper
        layers += 1
    return text, layers


def _confidence(gain: int) -> float:
    return round(max(gain, 0) / (max(gain, 0) + 1), 3)


def find_codepage_repairs(text: str, max_layers: int = _MAX_LAYERS) -> list[Edit]:
    """Propose repairs of UTF-8 misread through single-byte code pages in ``text``.

    >>> find_codepage_repairs("donâ€™t")
    [Edit(start=3, end=6, after='’', rule='cp1252', confidence=0.8)]
    """
    candidates: list[_Candidate] = []
    pages = find_candidate_pages(text)
    # The letters of the text by script, and its main script, counted only once a sequence
    # is found.
    known: list[dict[str, int]] = []

    def letters_by_script() -> dict[str, int]:
        if not known:
            known.append(script_counts(text))
        return known[0]

    def dominant() -> str | None:
        return dominant_of(letters_by_script())

    for code_page in pages:
        candidates.extend(_clusters(text, code_page, dominant, max_layers))
    candidates = [c for c in candidates if not _inside_lost_utf8(text, c)]
    if candidates and line_art(text):
        candidates = [c for c in candidates if not drawn_with_lines(c.before)]
    if not candidates:
        return []
    counts = Counter(c.code_page.split("+")[0] for c in candidates if c.gain >= _MIN_GAIN)
    # The main script of the text around the candidates: a lone repair may not bring
    # another one in.
    around = dict(letters_by_script())
    for script, count in script_counts(_covered(text, candidates)).items():
        around[script] -= count
    main = dominant_of(around)
    text_scripts = {main} if main else None
    strong = [
        c for c in candidates if c.gain >= _MIN_GAIN and not _lone_and_weak(c, counts, text_scripts)
    ]
    # A code page is shown to damage the text by one strong repair, or by two.
    strong_counts = Counter(c.code_page.split("+")[0] for c in strong)
    confirmed = {
        c.code_page.split("+")[0]
        for c in strong
        if c.gain >= _STRONG_GAIN or strong_counts[c.code_page.split("+")[0]] > 1
    }
    # Weak repairs ride on a proven code page, if they give the script its strong ones give.
    proven_scripts: dict[str, set[str]] = {}
    for c in strong:
        proven_scripts.setdefault(c.code_page.split("+")[0], set()).update(scripts_of(c.after))
    viable = strong + [
        c
        for c in candidates
        if 0 <= c.gain < _MIN_GAIN
        and c.code_page.split("+")[0] in confirmed
        and scripts_of(c.after) <= proven_scripts[c.code_page.split("+")[0]]
    ]
    viable += _unnarrowed(text, pages, confirmed, strong, dominant, max_layers, viable)
    # A text is usually damaged by one code page: the code page that explains most of it
    # chooses first (``─¥`` is ``ĝ`` through cp437, ``ľ`` through cp850: the rest of the
    # text decides), then the others fill the gaps; among equals, the one listed first.
    order = {code_page.name: rank for rank, code_page in enumerate(CODE_PAGES)}
    # Between code pages that explain the text equally well (cp1250 and ISO-8859-2 read
    # ``ĂĄ`` as ``å`` and ``á``), the one whose letters fit one language better wins.
    totals: dict[str, int] = {}
    letters: dict[str, str] = {}
    for c in viable:
        family = c.code_page.split("+")[0]
        totals[family] = totals.get(family, 0) + max(c.gain, 0)
        letters[family] = letters.get(family, "") + c.after
    best = max(totals.values(), default=0)
    fits = {
        family: language_fit(letters[family]) if totals[family] == best else 0.0
        for family in totals
    }
    # Between close fits, the code page listed first, the more common one, wins.
    fits = _close_fits_equal(fits)
    # Before the fit of letters, the words: ``tamaĂąo`` is ``tamaño`` through ISO-8859-2
    # and ``tamaùo`` through cp1250, one letter each, but only one of them is a word.
    tied = [family for family in totals if totals[family] == best]
    # (Latin letters only: the pages of one script differ by letters too, ``і`` or ``и``,
    # which the totals weigh better than lists of words that both may hold; and a page that
    # gives punctuation, ``…`` of ``‚Ä¶`` through Mac Roman, makes no word to count.)
    margin = max(_WORDS_OVER_GAIN, best * _WORDS_OVER_SHARE)
    close = [family for family in totals if totals[family] >= best - margin]
    if all(
        letters[family].isalpha() and scripts_of(letters[family]) <= {"latin"} for family in close
    ):
        tied = close
    words = (
        {
            family: _known_words(text, [c for c in viable if c.code_page.split("+")[0] == family])
            for family in tied
        }
        if len(tied) > 1
        else {}
    )
    # Then the letters of the language the rest of the text is written in: ``for ĂĽ lytte``
    # is Norwegian ``å`` through ISO-8859-2, ``ü`` through cp1250, both letters of some
    # language, but only one of them of Norwegian.
    # (Only where their letters differ: cp1252 and Latin-1 mostly give the same ones.)
    alphabets = {f: frozenset(c for c in letters[f] if c >= "\x80" and c.isalpha()) for f in tied}
    in_text = (
        _fits_in_text_language(text, {f: letters[f] for f in tied})
        if len(set(alphabets.values())) > 1
        else {}
    )
    viable.sort(
        key=lambda c: (
            c.code_page.split("+")[0] not in tied,
            -words.get(c.code_page.split("+")[0], 0),
            -totals[c.code_page.split("+")[0]],
            in_text.get(c.code_page.split("+")[0], 0.0),
            fits[c.code_page.split("+")[0]],
            order[c.code_page.split("+")[0]],
            -c.gain,
            c.start,
        )
    )
    taken = select_disjoint(viable)
    return [Edit(c.start, c.end, c.after, c.code_page, _confidence(max(c.gain, 1))) for c in taken]
