"""Repairs of lost bytes: mojibake whose original must be inferred, not decoded.

Runs after the lossless repairs. Three families:

- ``lost-c1``: UTF-8 read as Latin-1 and the C1 controls dropped, so ``“`` became a lone
  ``â`` (``âWe are ready``), ``č`` a lone ``Ä``, ``т`` a lone ``Ñ``;
- ``lost-qmark``: bytes Windows-1252 leaves undefined shown as ``?`` (``â€?`` for ``”``,
  ``Ã?ndices`` for ``Índices``);
- ``lost-nbsp``: the byte ``A0`` turned into a plain space (``Ã  partir`` for ``à partir``);
- ``lost-cjk``: UTF-8 read as Shift_JIS, GBK, EUC-KR or Big5 with ``�`` for what did not
  decode (``譁�蟄怜喧縺�`` for ``文字化け``), see :mod:`fixtext.rules.lost_cjk`.

For each damaged span, the byte structure gives the candidates and the language of the rest
of the text chooses among them (:mod:`fixtext.language`). The original text is always a
candidate, with a head start: ``âge``, ``SÃO``, ``hâlâ`` are words, and stay.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import pairwise

from fixtext.config import Config
from fixtext.language import (
    LATIN_LANGUAGES,
    UNKNOWN_CHAR,
    char_logprob,
    compound_pairs,
    has_frequencies,
    is_common_word,
    language_data,
    languages_of_script,
    matching_words,
    rank_languages,
    score_text,
    script_of,
    scripts_of_language,
    word_zipf,
)
from fixtext.model import Edit
from fixtext.plausibility import LEADERS, after_copyright, scripts_of
from fixtext.rules.lost_cjk import find_cjk_repairs
from fixtext.rules.lost_emoji import find_emoji_repairs
from fixtext.rules.lost_punctuation import (
    SPACED_GUILLEMETS,
    QuoteStyle,
    choose_punctuation,
    legacy_quotes,
    quote_style,
    spaced_dash,
)
from fixtext.rules.lost_utf8 import (
    CP1252_SIGNS,
    LATIN1,
    LATIN1_C1_QMARKED,
    SINGLE_BYTE_CHARACTERS,
    ByteUnit,
    Reading,
    byte_of,
    c1_shown_as_qmarks,
    few_qmarks,
    find_byte_units,
    layered_units,
    reading_of,
    replacement_units,
    stands_alone,
)
from fixtext.rules.lost_words import dictionary_beam as _dictionary_beam
from fixtext.rules.lost_words import echo_words, echoes, words_of
from fixtext.scan import compile_triggers
from fixtext.spans import applied, outside_spans, token_end, token_start

__all__ = ["TRIGGERS", "find_lost_byte_repairs"]

# What every lost-byte candidate holds: a UTF-8 lead byte seen as Latin-1 (``Ã``, ``â``, ``Ñ``…)
# or a replacement character. Anything else has no lost-byte candidate.
_CANDIDATE_RE = re.compile("[\u00c2-\u00f4\ufffd]")
_LEAD_RE = re.compile("[\u00c2-\u00f4]")
# Lone lead bytes worth a look even when nothing else in the text looks damaged; other
# accented letters (``é`` ``è`` ``ü``) are taken for mojibake only beside stronger evidence.
_LONE_SUSPECTS = frozenset("ÂÃÄÅÈÎÏÐÑâ")
_SUSPECT_RE = re.compile("[ÂÃÄÅÈÎÏÐÑâ]")
# What ``_is_strong`` looks for, as one search: a lead byte beside a continuation byte or a
# "?", a lead that is no letter, or a lead touching a letter of a non-Latin script.
_CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Continuation bytes that are closing punctuation in cp1252: after a capital ending a word
# (``KAPCSOLÓ…``, ``CAFÉ»``) they are no sequence, inside a word they are (``Ã…pen``).
_CLOSING = "\u00bb\u2013\u2014\u2019\u201d\u2026\u203a"
# Leads whose character with the byte A0 is rare (``ɠ``, C9 A0): before a no-break space
# they are a word's last letter, as French sets it before ``:`` (``DÉCONSEILLÉ\u00a0:``).
# The others make everyday characters there (``à`` ``Š`` ``Π`` ``Р`` ``נ`` ``٠``).
_RARE_BEFORE_A0 = "[\u00c4\u00c6-\u00cd\u00cf\u00d1-\u00d6\u00d8\u00da-\u00df]"
# (Each pattern after the first character starts with a character class: the scan then
# tries it only where the next character is in that class, see :mod:`fixtext.scan`.)
_EVIDENCE = (
    ("[\u00c2-\u00df]", f"[?{_CONTINUATION[1:]}(?<![{_CLOSING}])(?<!{_RARE_BEFORE_A0}\u00a0)"),
    ("[\u00c2-\u00df]", f"[{_CLOSING}](?=[^\\W_])"),
    # A longer sequence needs a second continuation byte, or a symbol of Latin-1 that its
    # lost C1 byte left alone (``â¦`` is ``…`` less its \x80, ``á»`` Vietnamese ``ệ`` less
    # its \x87): ``í?`` ending a Czech question, ``é\u00a0?`` a French one, ``íš`` and
    # ``é«`` are no sequences. After ``á`` (E1) only B8–BF count: Vietnamese and Greek
    # letters; E1 A1–B7 are rare scripts, and ``á§`` ends many a Latin word before ``§``.
    ("[\u00e0-\u00f4]", "[\u0080-\u009f\u00b8-\u00bf]"),
    ("[\u00e0-\u00f4]", "[\u00a1-\u00aa\u00ac-\u00b7](?<!\u00e1.)"),
    # Georgian (E1 83 90–BF): the C1 byte 83 dropped, each letter is ``á`` alone or ``á``
    # and one sign; three such in a row are no Latin word (``á¬ááááá`` for ``წვდომა``).
    ("[\u00e1]", "(?:[\u00a0-\u00bf]?\u00e1){2}"),
    ("[\u00e0-\u00f4]", f"[?{_CONTINUATION[1:]}(?=[?{_CONTINUATION[1:]})"),
    # ``ì €`` for ``저`` (EC A0 80): a space for the A0 between a lead and a continuation;
    # not a quotation mark, dash or bullet, which clean text puts after a space all the
    # time (``è «sovrascrivi»``, ``tä ”%s”``).
    (
        "[\u00e0-\u00ef]",
        "[ ](?![\u00a0\u00a1\u00ab\u00b7\u00bb\u00bf\u0152\u0153\u0160\u0161\u0178"
        "\u017d\u017e\u0192\u2013-\u2022\u2026\u2039\u203a])" + _CONTINUATION,
    ),
    ("[\u00d7\u00f7]", ""),
    # A curly quotation mark inside a longer sequence, straightened after the damage:
    # ``â"¢`` is ``™`` (E2 84 A2); ``â€"`` is ``—`` (E2 80 94), its ``”`` straightened.
    ("[\u00e0-\u00ef]", f"[\"'](?={_CONTINUATION})"),
    # ``â€`` alone: E2 80, the start of punctuation, read as Windows-1252; the byte that
    # followed was dropped (``“helloâ€`` ends with ``”``, 9D, which the page leaves undefined).
    ("[\u00e2]", "[\u20ac]"),
    # A lead beside a letter of another script; written to start with the lead, which is
    # rare, rather than with the letter, which is all there is in Greek or Hindi text.
    ("[\u00c2-\u00f4]", "[\u0370-\u1fff\u3040-\u9fff\uac00-\ud7af]"),
    ("[\u00c2-\u00f4]", "(?<=[\u0370-\u1fff\u3040-\u9fff\uac00-\ud7af].)"),
)
# (One scan that starts with the union of the first characters: a plain alternation would
# try every branch at every character of the text.)
_EVIDENCE_SCAN = compile_triggers(_EVIDENCE)
# A replacement character or a lone suspect, which clean text in many languages holds
# (``âmbito``, ``OPÇÃO``, ``È``): :func:`worth_guessing` looks closer.
LONE_TRIGGER = ("[\ufffd" + "".join(sorted(_LONE_SUSPECTS)) + "]", "")
# Nothing is looked at without a replacement character, a lone suspect or evidence.
TRIGGERS = (LONE_TRIGGER, *_EVIDENCE)

# log10 head start of the text as it is over any repair of it.
_KEEP_BONUS = 1.0
# log10 head start of a word the rest of the text uses (see ``_echo_pass``).
_ECHO_BONUS = 2.0
# A lost letter the text writes elsewhere is at least as likely as a typical letter (log10),
# however rare the language's letter frequencies make it.
_TYPICAL_LETTER = -2.0
_BEAM_WIDTH = 12
_MOST_UNITS_TOGETHER = 16
_OPTIONS_PER_UNIT = 10
# How much rarer (log10) a ``?`` is taken to be a C1 control that Latin-1 read than one of
# the five bytes Windows-1252 leaves undefined, where the text shows only one or two ``?``
# (see ``few_qmarks``): Esperanto ``Å?ablono`` is ``ŝablono`` (C5 9D), not ``ŀablono``.
_LATIN1_QMARK_COST = 0.8
_OPTIONS_PER_COMPOUND_UNIT = 32
# Languages whose words have the letters a lone lead byte looks like (``â`` ``Ã`` ``Ä`` ``Å``).
_ACCENTED_LANGUAGES = ("fr", "pt", "ro", "vi", "tr", "it", "es", "ca", "de", "sv", "da", "nb",
                       "fi", "is", "hu", "cs", "sk", "nl", "en")  # fmt: skip
_REAL_WORD_ZIPF = 2.5
_COHERENT_SHARE = 0.8
_MOST_CONFIDENT = 0.99
_RIVAL_LANGUAGES = 3
_RIVAL_MARGIN = 3.0
# Scripts whose lost letters are tried in the best few of the languages that write them,
# however far behind the first (see ``_likely_languages``).
_SHARED_ALPHABETS = {script: languages_of_script(script) for script in ("Cyrillic", "Arabic")}

Choice = tuple[str, int] | None
# A window's units, its span, and the edits decided for it.
_Decided = tuple[list[ByteUnit], tuple[int, int], list[Edit]]


def find_lost_byte_repairs(
    text: str,
    config: Config,
    pages: Sequence[str] = (),
    repaired: Sequence[tuple[int, int]] = (),
    *,
    c1_kept: frozenset[int] = frozenset(),
) -> list[Edit]:
    """Propose repairs of lost-byte damage in ``text``, sorted and non-overlapping.

    ``pages`` are the code pages the lossless repairs of the text went through: besides
    Latin-1 and Windows-1252, UTF-8 read through them may have lost bytes too (``Ă�frica``
    for ``África`` through Windows-1250, ``Г l’ouest`` for ``à l’ouest`` through
    Windows-1251). ``repaired`` are the spans of ``text`` the lossless repairs wrote: a
    letter there that lacks every continuation byte (``Ää`` from ``Ã„Ã¤``, Estonian) was
    just decoded, not left over. ``c1_kept`` are the bytes 80–9F those repairs show the
    text kept (cp1252 shows all but five as ``€`` ``„`` …; a Latin-1 reader keeps all 32 as
    C1 controls): none of them is taken for lost (``à¸ `` beside ``à¹\x81`` is ``ภ``,
    E0 B8 A0 with its A0 turned into a space, not ``ก`` less its 81). Edits below
    ``config.min_confidence`` are returned too, for reporting.

    >>> [edit.after for edit in find_lost_byte_repairs("She said: âWe agree.", Config())]
    ['“']
    >>> find_lost_byte_repairs("Ça coûte cher, à mon âge.", Config())
    []
    """
    if not config.lost_bytes:
        return []
    readings = _other_readings(text, pages)
    if _CANDIDATE_RE.search(text) is None and not readings:
        return []
    cjk_edits = find_cjk_repairs(text)
    cjk_edits += outside_spans(find_emoji_repairs(text), [(e.start, e.end) for e in cjk_edits])
    taken = [(edit.start, edit.end) for edit in cjk_edits]
    # Without a sign of mojibake beyond a lone accented letter, only the usual suspects are
    # looked at: building the 1,024 candidates of every ``é`` in French text is wasted.
    lead_re = _LEAD_RE if _EVIDENCE_SCAN.search(text) else _SUSPECT_RE
    # ``ÃÂ©`` (two Latin-1 readings, then C1 controls dropped) before the lone ``Ã``.
    found = outside_spans(layered_units(text), taken) if "Ã" in text else []
    layered = _in_likeliest_script(text, found)
    # Units of the other scripts stay as they are, whole: not read as one layer either.
    taken += [(unit.start, unit.end) for unit in found]
    leads = [m.start() for m in lead_re.finditer(text)]
    written = frozenset(start for start, _ in repaired)
    reading = LATIN1_C1_QMARKED if "?" in text and c1_shown_as_qmarks(text) else LATIN1
    # (A few ``?`` may be Windows-1252's as well: its readings of them come first.)
    windows_first = reading is LATIN1_C1_QMARKED and few_qmarks(text)
    units = outside_spans(find_byte_units(text, leads, reading, barriers=written), taken)
    if not windows_first:
        units = [replace(unit, windows=None) if unit.windows else unit for unit in units]
    units = sorted(units + layered, key=lambda unit: unit.start)
    units = _plausible_units(text, units)
    words = [unit for unit in units if _forms_real_word(text, unit)]
    if words:
        # In a text whose letters are all lost (Georgian ``ááá`` is ``აკრ``), a lone ``á`` is
        # no letter of a Latin word, though Hungarian writes ``ááá``.
        voted = _voted_script([unit for unit in units if unit.end - unit.start > 1])
        if voted:
            words = [w for w in words if all(script_of(c) != voted for c, _ in w.candidates)]
    units = [
        unit
        for unit in units
        if unit not in words
        and not _small_among_capitals(text, unit)
        and not _operator_between_terms(text, unit)
    ]
    if lead_re is _SUSPECT_RE and not repaired:
        # (Not after a repair: ``Ã¡rea`` just repaired shows the text was damaged.)
        units = [unit for unit in units if not _written_as_letter(text, unit, words)]
    if c1_kept:
        units = _c1_bytes_kept(text, c1_kept, units)
    elif not any(_signs_inside(text, unit) for unit in units):
        units = _filtered(units, lambda unit, char, end: _soft_hyphen_shown(text, unit, char, end))
    units = _with_other_readings(text, units, readings, taken)
    if "\xa0" in text:
        units = _spaces_kept(text, units)
    if repaired:
        units = [unit for unit in units if not _decoded_lone_lead(unit, repaired)]
    if all(unit.lossless for unit in units):
        # ``DATÙ™`` alone: complete sequences are the lossless repairs' call, made already.
        units = []
    if not units and "\ufffd" not in text:
        return sorted(cjk_edits)
    edits = list(cjk_edits)
    best_total = -math.inf
    best_edits: list[Edit] = []
    best_decided: list[_Decided] = []
    best_language: str | None = None
    best_style: tuple[QuoteStyle, str] = ("double", "")
    tentative = _tentative_repair(text, units)
    determined = [unit for unit in units if unit.end - unit.start > 1]
    new_letters = _new_letters(text, _tentative_repair(text, determined))
    if not _is_coherent(new_letters):
        return sorted(cjk_edits)
    damaged_script = _main_new_script(new_letters) or _script_of_lone_units(text, units)
    if damaged_script in (None, "Other"):
        # No letter left whole, and the first candidates are of rare scripts (``á¬`` is
        # Balinese ``ᬀ`` first): the script the most units can be a letter of decides.
        damaged_script = _voted_script(determined) or damaged_script
        if damaged_script not in (None, "Other"):
            tentative = _tentative_repair(text, units, damaged_script)
    letters = _written_letters(text, units)
    languages = _likely_languages(tentative, text, damaged_script, units, letters)
    qmarked = "\ufffd" in text
    # A ``�`` in text that shows no UTF-8 mojibake (none left, none just repaired) may be a
    # byte of Latin-1 or Windows-1252 text read as UTF-8 (``Jos� Mar�a``); not in text that
    # holds CJK, where ``������`` is what a CJK round trip left (no ``çóßßßß``).
    single_bytes = lead_re is _SUSPECT_RE and not repaired and not _WIDE.search(text)
    if qmarked and single_bytes:
        languages = _legacy_languages(text) or languages
    inside = _sequences_with_replacement(text) if qmarked else []
    whole = _whole_words_known(text, units, languages)
    for language in languages:
        fitting = _in_script_of(units, language, text)
        # A ``�`` inside a unit (``â€�``) is that unit's undefined byte, not a character.
        covered = taken + [(unit.start, unit.end) for unit in fitting] + inside
        replacements = (
            replacement_units(text, language, covered, single_bytes=single_bytes) if qmarked else []
        )
        clusters = _clusters(
            text,
            sorted(fitting + replacements, key=lambda unit: unit.start),
            join_spaced=bool(compound_pairs(language)),
        )
        style = (quote_style(text, language, languages), spaced_dash(text, language, languages))
        # (The words no byte of which was lost tell the language too: ``МЕТОДА`` beside
        # Russian words, not Bulgarian ``МЕТОДИ``.)
        total = _WHOLE_WORD_WEIGHT * (whole.get(language, 0) - max(whole.values(), default=0))
        decided: list[_Decided] = []
        for cluster, window in clusters:
            score, cluster_edits = _decide(text, *window, cluster, language, style, letters)
            total += score
            decided.append((cluster, window, cluster_edits))
        if total > best_total:
            best_total, best_decided, best_language, best_style = total, decided, language, style
    if best_decided:
        best_edits = _echo_pass(text, best_decided, best_language, (best_style, letters), config)
    lossless_at = {unit.start for unit in units if unit.lossless}
    if all(edit.start in lossless_at for edit in best_edits):
        # Every lost byte left as it was: the complete sequences beside them are no longer
        # shown to be damage (``AÜŒÆ`` keeps its ``ÜŒ``, no Syriac ``܌``).
        best_edits = []
    return sorted(edits + _join_lone_to_sequences(text, sorted(best_edits)))


def _whole_words_known(
    text: str, units: Sequence[ByteUnit], languages: Sequence[str | None]
) -> dict[str | None, int]:
    """For each of ``languages``, how many of the words of ``text`` that no unit touches
    its word list holds (none where only one language is tried)."""
    if len(languages) < 2:
        return {}
    spans = [(unit.start, unit.end) for unit in units]
    words = [
        match.group()
        for match in _WHOLE_WORD.finditer(text)
        if not any(start < match.end() and match.start() < end for start, end in spans)
    ][:_WHOLE_WORDS]
    return {
        code: sum(1 for word in words if code is not None and word_zipf(word, code) > 0)
        for code in languages
    }


_WHOLE_WORD = re.compile(r"[^\W\d_]{2,}")
_WHOLE_WORDS = 40
# log10 units a language loses per word of the text it does not know and the best one does.
_WHOLE_WORD_WEIGHT = 1.0


# Scripts whose letters are two bytes in UTF-8: what a lost lead byte may have been.
_TWO_BYTE_SCRIPTS = ("Latin", "Greek", "Cyrillic", "Hebrew", "Arabic")
# log10 weight of a letter beside such a unit, for the script it is written in.
_NEIGHBOUR_WEIGHT = 2.0


# A word of legacy text read as UTF-8: letters, and ``�`` for each letter beyond ASCII.
_LEGACY_WORD = re.compile("(?:[^\\W\\d_]|\ufffd)+")
# How many words of a text tell its language, at most.
_LEGACY_WORDS = 60


def _legacy_languages(text: str) -> list[str | None]:
    """The likely languages of legacy text read as UTF-8, best first, by how common the
    words of each language that its words fit are, each ``�`` any letter beyond ASCII:
    ``nor�ur`` is Icelandic ``norður``, which the letters around the ``�`` alone, ``nor``
    and ``ur``, do not tell. Empty where no word holds a ``�``."""
    # (Only a ``�`` inside a word: at its edge it may be a quotation mark, ``�left�``.)
    words = [
        word.lower()
        for word in _LEGACY_WORD.findall(text)
        if "\ufffd" not in word or ("\ufffd" not in word[0] + word[-1])
    ][:_LEGACY_WORDS]
    if not any("\ufffd" in word for word in words):
        return []
    scored = []
    for code in LATIN_LANGUAGES:
        known = language_data(code).words
        skeletons = _legacy_skeletons(code)
        score = 0.0
        fits = 0
        for word in words:
            frequency = skeletons.get(word) if "\ufffd" in word else known.get(word)
            score += math.log10(frequency) + 9.0 if frequency else -1.0
            fits += bool(frequency) and "\ufffd" in word
        scored.append((code, score, fits))
    scored.sort(key=lambda item: item[1], reverse=True)
    top = scored[0][1]
    if not scored[0][2]:
        return []  # no damaged word fits a word of the first language: no better guess
    return [code for code, score, _ in scored[:_RIVAL_LANGUAGES] if score >= top - _RIVAL_MARGIN]


@cache
def _legacy_skeletons(code: str) -> dict[str, float]:
    """The words of a language as legacy text read as UTF-8 shows them (each letter beyond
    ASCII a ``�``), with the frequency of the commonest word each stands for."""
    found: dict[str, float] = {}
    for word, frequency in language_data(code).words.items():
        if word.isascii():
            continue
        skeleton = "".join(char if char.isascii() else "\ufffd" for char in word)
        if frequency > found.get(skeleton, 0.0):
            found[skeleton] = frequency
    return found


def _in_likeliest_script(text: str, units: list[ByteUnit]) -> list[ByteUnit]:
    """``units`` with only the letters of one script, the likeliest first: the script whose
    frequent letters they make. Where the lead byte is lost (``ÃÂ¸``: any lead, then B8),
    each unit is a letter of any script; ``ÃÂ¸ÃÂ²ÃÂµ`` is ``иве`` in Cyrillic but ``øòõ``
    in Latin, and the letters of Russian are the likelier; but a letter of the same word
    outside the damage counts for more (``FÃÂ©dÃÂ©ration`` is no Arabic ``FةdةRation``).
    Signs and punctuation stay candidates, last. The first candidate stands for the unit
    until the language is known: ``ÃÂ±`` is rather Turkish ``ı`` than Spanish ``ñ``."""
    if not units:
        return units
    neighbours = [
        script_of(char)
        for unit in units
        for char in (text[unit.start - 1 : unit.start], text[unit.end : unit.end + 1])
        if char.isalpha() and char not in "ÃÂ"
    ]
    # A unit that is a word alone (Italian ``ÃÂ¨`` for ``è``) has the text around it.
    alone = sum(
        1
        for unit in units
        if not text[unit.start - 1 : unit.start].isalpha()
        and not text[unit.end : unit.end + 1].isalpha()
    )
    if alone:
        outside = Counter(script_of(char) for char in _outside_units(text, units) if char.isalpha())
        outside.pop(None, None)
        if outside:
            neighbours += [outside.most_common(1)[0][0]] * alone
    # Each language scores the letters it would make of the units: Icelandic ``þ``, Turkish
    # ``ı`` and Estonian ``õ`` are each a common letter, but of no one language together.
    totals = {
        key: _NEIGHBOUR_WEIGHT * neighbours.count(key[0]) for key in _languages_of_two_bytes()
    }
    for unit in units:
        shares = _best_shares(tuple(char for char, _ in unit.candidates))
        for key, share in zip(totals, shares, strict=True):
            totals[key] += share
    chosen = max(totals, key=lambda key: totals[key])[0]  # Latin, first, wins a tie
    ordered = sorted(units, key=lambda unit: unit.start)
    ranked = [
        sorted(
            (option for option in unit.candidates if _of_script(option[0], chosen)),
            key=lambda option: -_likeliest(option[0], chosen),
        )
        for unit in ordered
    ]
    capitals = _capitals_allowed(text, ordered, ranked)
    kept: list[ByteUnit] = []
    before = ""
    for unit, options, capital in zip(ordered, ranked, capitals, strict=True):
        # Right after another unit, the letter before is that unit's likeliest one, if it
        # kept a byte (``ÃÂ°`` is rather ``а`` than ``Ѱ``); a bare ``ÃÂ`` tells nothing.
        if not kept or kept[-1].end != unit.start:
            before = text[unit.start - 1 : unit.start]
        elif text[kept[-1].start : kept[-1].end] != "ÃÂ":
            before = kept[-1].candidates[0][0]
        # (A unit with no letter of the script keeps its signs as they are.)
        checked = any(script_of(char) == chosen for char, _ in options)
        candidates = [
            option
            for option in options
            if not checked or _sign_fits(text, unit, option[0], before, capital)
        ]
        if candidates:
            kept.append(replace(unit, candidates=tuple(candidates)))
    return kept


def _of_script(char: str, script: str) -> bool:
    """Whether ``char`` is a letter of ``script`` or an everyday sign: of Latin-1, or of
    General Punctuation and the currency signs (not Myanmar ``၊`` nor Ethiopic ``፡``)."""
    found = script_of(char)
    if found is not None:
        return found == script
    return char <= "\u00ff" or "\u2000" <= char <= "\u20cf"


def _capitals_allowed(
    text: str, units: list[ByteUnit], ranked: list[list[tuple[str, int]]]
) -> list[bool]:
    """For each unit (in text order), whether it may be a capital: at the start of its word,
    or anywhere in a word of written capitals, or in a word with no small letter, written
    or surely made by a unit that kept a byte (``ÃÂ´ÃÂ°ÃÂ½ÃÂ½ÃÂÃÂ`` may be ``данных``,
    never ``данныМ``: ``ÃÂ°`` is ``а``, far likelier than ``Ұ``)."""
    pieces: list[str] = []
    places: list[int] = []
    position = length = 0
    for unit, options in zip(units, ranked, strict=True):
        pieces.append(text[position : unit.start])
        length += len(pieces[-1])
        if not any(char.isalpha() for char, _ in options):
            pieces.append(" ")  # punctuation (``Ã¢ÂÂ``) ends a word
        elif text[unit.start : unit.end] != "ÃÂ" and _surely_small(options):
            pieces.append(_SMALL)
        else:
            pieces.append(_UNKNOWN)
        places.append(length)
        length += 1
        position = max(position, unit.end)
    pieces.append(text[position:])
    rendered = "".join(pieces)
    allowed = []
    for place in places:
        start = place
        while start > 0 and _IN_WORD.match(rendered[start - 1]):
            start -= 1
        end = place + 1
        while end < len(rendered) and _IN_WORD.match(rendered[end]):
            end += 1
        word = rendered[start:end]
        written = [char for char in word if char not in (_SMALL, _UNKNOWN)]
        if start == place or (len(written) > 1 and all(char.isupper() for char in written)):
            allowed.append(True)
        else:
            allowed.append(not any(char.islower() or char == _SMALL for char in word))
    return allowed


# Stand-ins for units in :func:`_capitals_allowed`: surely a small letter, or any letter.
_SMALL = "\x02"
_UNKNOWN = "\x01"
_IN_WORD = re.compile(rf"[^\W\d_]|[{_SMALL}{_UNKNOWN}]")
# How much likelier (log10) the likeliest small letter of a unit must be than any capital.
_SMALL_MARGIN = 2.0


def _surely_small(options: list[tuple[str, int]]) -> bool:
    """Whether the likeliest of ``options`` (ranked) is a small letter, far likelier than any
    capital among them."""
    first = options[0][0]
    if not first.islower():
        return False
    script = script_of(first)
    if script is None:
        return False
    capitals = [_likeliest(char, script) for char, _ in options if char.isupper()]
    return not capitals or _likeliest(first, script) - max(capitals) >= _SMALL_MARGIN


def _outside_units(text: str, units: Sequence[ByteUnit]) -> str:
    """``text`` without the spans of ``units``."""
    parts = []
    position = 0
    for unit in sorted(units, key=lambda unit: unit.start):
        parts.append(text[position : unit.start])
        position = max(position, unit.end)
    parts.append(text[position:])
    return "".join(parts)


def _sign_fits(text: str, unit: ByteUnit, char: str, before: str, capital: bool) -> bool:
    """Whether ``char`` may stand where a unit whose lead was lost is: a capital only where
    ``capital`` allows (see :func:`_capitals_allowed`); ``«`` or ``»``
    only with its partner in the text; a sign of Latin-1 not between
    two letters (``YalÃÂ¡lag`` is ``Yalálag``, no ``Yal¡lag``), but for the Catalan middle
    dot (``cel·la``); a no-break space not beside a space (``al ÃÂ\u00a0 EN`` is
    ``al à EN``)."""
    if script_of(char) is not None and not char.isupper():
        return True
    after = text[unit.end : unit.end + 1]
    if char.isupper():
        return capital  # (no capital inside a word: ``ÃÂ`` after ``к`` is ``т``)
    if char == "\u00a0":
        return not (before.isspace() or after.isspace())
    if char in _GUILLEMET_PAIRS and not _could_be_in(text, _GUILLEMET_PAIRS[char]):
        return False  # ``«`` and ``»`` come in pairs: ``ÃÂ»`` alone is ``л`` (D0 BB)
    return char == "·" or not (before.isalpha() and after.isalpha())


_GUILLEMET_PAIRS = {"«": "»", "»": "«"}


def _could_be_in(text: str, char: str) -> bool:
    """Whether ``text`` writes ``char``, or holds a unit that may stand for it."""
    return char in text or "ÃÂ" + char in text


@cache
def _languages_of_two_bytes() -> tuple[tuple[str, str], ...]:
    """Each language of a script of two-byte UTF-8 letters, with its script."""
    return tuple(
        (script, code) for script in _TWO_BYTE_SCRIPTS for code in languages_of_script(script)
    )


@lru_cache(maxsize=4096)
def _best_shares(chars: tuple[str, ...]) -> tuple[float, ...]:
    """For each of :func:`_languages_of_two_bytes`, the share of the likeliest of ``chars``."""
    return tuple(
        max((_share(char, script, code) for char in chars), default=UNKNOWN_CHAR)
        for script, code in _languages_of_two_bytes()
    )


@cache
def _share(char: str, script: str, code: str) -> float:
    """The log10 share of ``char`` in language ``code`` of ``script``; a sign of no script
    (``«``, ``©``) counts as a letter of every language, an uncommon one."""
    if script_of(char) not in (script, None):
        return UNKNOWN_CHAR
    if script_of(char) is None:
        return _SIGN_SHARE
    return char_logprob(char, code)


# log10 share of a sign of Latin-1 in any language, as an uncommon letter's
_SIGN_SHARE = -4.5


@cache
def _likeliest(char: str, script: str) -> float:
    """The log10 share of ``char`` in the language of ``script`` that uses it most; a sign
    of no script ranks below every letter."""
    if script_of(char) not in (script, None):
        return UNKNOWN_CHAR
    if script_of(char) is None:
        return UNKNOWN_CHAR - 1.0
    return max(char_logprob(char, code) for code in languages_of_script(script))


def _sequences_with_replacement(text: str) -> list[tuple[int, int]]:
    """The spans of UTF-8 sequences (seen through Windows-1252) that hold a ``�`` for an
    undefined byte (``ðŸ�°``, ``â€�``), whether or not a language takes their candidates:
    such a ``�`` is a byte of a character, not a character replaced whole."""
    starts = [match.start() for match in _LEAD_RE.finditer(text)]
    return [
        (unit.start, unit.end)
        for unit in find_byte_units(text, starts)
        if "\ufffd" in text[unit.start : unit.end]
    ]


def _echo_pass(
    text: str,
    decided: list[_Decided],
    language: str | None,
    context: tuple[tuple[QuoteStyle, str], frozenset[str]],
    config: Config,
) -> list[Edit]:
    """The edits ``decided``, with the windows whose damaged words may be words the rest of
    the text uses decided again, those words given a head start: in ``--round=ÐÐÐ¢ÐÐ метод
    округления`` the capitals are ``МЕТОД``, not ``АВТОР``. The rest of the text is read
    as repaired (``метод`` is ``Ð¼ÐµÑÐ¾Ð´`` with a lost byte too), with the edits sure
    enough to be made; a window's own words do not count for it."""

    def sure(edits: list[Edit]) -> list[Edit]:
        return [edit for edit in edits if edit.confidence >= config.min_confidence]

    vocabulary = words_of(applied(text, sorted(e for _, _, w in decided for e in sure(w))))
    edits: list[Edit] = []
    for units, (start, end), window_edits in decided:
        guessed = _guessed_words(text, start, end, units, sure(window_edits))
        echo = frozenset(word for word in vocabulary - guessed if len(scripts_of(word)) == 1)
        # (Where the words the window may echo are the ones it chose, it stands.)
        if not echoes(text, start, end, units, echo) <= guessed.keys():
            _, window_edits = _decide(text, start, end, units, language, *context, echo)
        edits.extend(window_edits)
    return edits


def _guessed_words(
    text: str, start: int, end: int, units: list[ByteUnit], edits: list[Edit]
) -> Counter[str]:
    """The words of the window that hold a lost byte, as ``edits`` repaired them."""
    guessed: Counter[str] = Counter()
    for token in re.finditer(r"\S+", text[start:end]):
        first, last = start + token.start(), start + token.end()
        if any(first <= unit.start < last and not unit.lossless for unit in units):
            inside = [edit for edit in edits if first <= edit.start < last]
            guessed += words_of(applied(text, inside, first, max([last, *(e.end for e in inside)])))
    return guessed


# Windows pages whose undefined bytes a decoder shows as ``�``: looked at for the page of
# the character before a ``�`` when no repair named one.
_REPLACING_PAGES = ("cp1250", "cp1251", "cp1253", "cp1257")


def _other_readings(text: str, pages: Sequence[str]) -> list[Reading]:
    """The readings other than Latin-1 whose lost bytes to look for: those of ``pages``,
    and the page in which the character before a ``�`` is a lead byte, where Latin-1 has
    no such character (``Р�`` is ``И``, D0 98, through Windows-1251)."""
    found: dict[str, Reading] = {}
    for name in pages:
        reading = reading_of(name)
        if reading is not None and not reading.latin1:
            found.setdefault(name, reading)
    for match in _AFTER_LEAD_RE.finditer(text):
        char = match.group(1)
        if char <= "\u00ff" or char in CP1252_SIGNS:
            continue
        for name in _REPLACING_PAGES:
            reading = reading_of(name)
            if reading is not None and 0xC2 <= reading.to_byte.get(char, 0) <= 0xF4:
                found.setdefault(name, reading)
                break
    return list(found.values())


_AFTER_LEAD_RE = re.compile("([^\x00-\x7f])(?=[\ufffd?])")


def _with_other_readings(
    text: str, units: list[ByteUnit], readings: list[Reading], taken: list[tuple[int, int]]
) -> list[ByteUnit]:
    """``units`` and the lossy units of the ``readings``, where they overlap no other.

    Through these pages, a lead character is an everyday letter (Romanian ``Ă``, Russian
    ``Р``): only a unit that lost a byte counts, and only its candidates in the scripts of
    the text's letters or punctuation."""
    if not readings:
        return units
    occupied = taken + [(unit.start, unit.end) for unit in units]
    # ``Ä�`` is a unit through Latin-1 too, but only through Windows-1250 may it be ``ă``
    # (C4 83): a unit both readings see, from the same lead, takes the candidates of both.
    lossy_at = {unit.start: index for index, unit in enumerate(units) if not unit.lossless}
    units = list(units)
    scripts = frozenset({"Latin"}).union(
        script for script in map(script_of, text) if script is not None
    )
    added: list[ByteUnit] = []
    for reading in readings:
        leads = [i for i, c in enumerate(text) if 0xC2 <= reading.to_byte.get(c, 0) <= 0xF4]
        for unit in find_byte_units(text, leads, reading):
            if unit.lossless:
                continue
            if unit.rule == "lost-nbsp" and text[unit.start].islower():
                # Through ISO-8859-5 ``а`` is the lead D0: a word ending in it before a
                # space (``заглавља одељка``) is no ``Р`` whose A0 byte became a space.
                continue
            if unit.rule == "lost-nbsp" and _one_letter_word(text, unit.start):
                # Through Windows-1251 ``В`` is the lead C2: ``В на`` is Russian, not a
                # no-break space (C2 A0) whose A0 became a space.
                continue
            candidates = tuple(
                (char, end) for char, end in unit.candidates if _fits_scripts(char, scripts)
            )
            if unit.start in lossy_at:
                index = lossy_at[unit.start]
                known = units[index]
                merged = tuple(dict.fromkeys(known.candidates + candidates))
                end = max(e for _, e in merged)
                if not any(known.end <= s < end for s, _ in occupied):
                    units[index] = replace(known, candidates=merged, end=end)
                continue
            if any(s < unit.end and unit.start < e for s, e in occupied):
                continue
            if candidates:
                end = max(e for _, e in candidates)
                added.append(replace(unit, candidates=candidates, end=end))
                occupied.append((unit.start, end))
    return sorted(units + added, key=lambda unit: unit.start)


def _decoded_lone_lead(unit: ByteUnit, repaired: Sequence[tuple[int, int]]) -> bool:
    return unit.end - unit.start == 1 and any(s <= unit.start < e for s, e in repaired)


def _join_lone_to_sequences(text: str, edits: list[Edit]) -> list[Edit]:
    """A guessed letter for a lone lead letter, joined to the repair of a sequence just
    before it: ``ã¹ã`` is one damaged run (``スト``), and the lone ``ã`` at its end has the
    evidence of the ``ã¹`` before it. The joined edit is as sure as the less sure of the two."""
    joined: list[Edit] = []
    joinable = False  # whether the last edit kept is a sequence's, not yet joined
    for edit in edits:
        last = joined[-1] if joined else None
        if (
            joinable
            and last is not None
            and last.end == edit.start
            and edit.end - edit.start == 1
            and edit.after.isalpha()
        ):
            joined[-1] = Edit(
                last.start,
                edit.end,
                last.after + edit.after,
                last.rule,
                min(last.confidence, edit.confidence),
            )
            joinable = False
        else:
            joined.append(edit)
            joinable = _is_sequence(text, edit)
    return joined


def _is_sequence(text: str, edit: Edit) -> bool:
    """Whether an edit replaces a lead letter and the continuation bytes after it."""
    return (
        edit.end - edit.start > 1
        and " " not in text[edit.start : edit.end]
        and len(edit.after) == 1
    )


def _new_letters(text: str, tentative: str) -> Counter[str | None]:
    """How many letters of each script a repair would bring."""
    before = Counter(script_of(char) for char in text if char.isalpha())
    after = Counter(script_of(char) for char in tentative if char.isalpha())
    new = Counter({script: count - before[script] for script, count in after.items()})
    return Counter({script: count for script, count in new.items() if count > 0})


def _is_coherent(new: Counter[str | None]) -> bool:
    """Whether the letters a repair would bring are mostly of one script. ``ÏÂÔØ±¾Êé`` is
    GBK read as Latin-1; taken for UTF-8 it would give Greek, Cyrillic and Arabic at once.
    Japanese writes kana and Chinese characters together: they count as one script."""
    total = sum(new.values())
    counts = [count for script, count in new.items() if script not in ("Han", "Kana")]
    counts.append(new["Han"] + new["Kana"])
    return total == 0 or max(counts) >= _COHERENT_SHARE * total


def _main_new_script(new: Counter[str | None]) -> str | None:
    """The script most letters a repair would bring are in, if any."""
    return new.most_common(1)[0][0] if new else None


def _in_script_of(units: list[ByteUnit], language: str | None, text: str) -> list[ByteUnit]:
    """Keep the candidates a text in ``language`` can hold: its letters (and Latin ones,
    which every script's text borrows) and punctuation; and ``™`` where a straightened
    quotation mark stands for its middle byte (``â"¢``, E2 84 A2; ``â¢`` alone is ``•``), and
    ``©`` right after ``Copyright``."""
    if language is None:
        # Thai: no word list, but the intact letters show the script, and ``à¸ `` in Thai
        # text is ``ภ`` (E0 B8 A0), not a character of another block.
        script = _main_script(text)
        if script is None:
            # Still no symbol, and no letter of a script none of the languages write:
            # ``ðŸ‘ðŸ»`` (``👍🏻`` less its bytes 8D and 8F) is no ``𝟑𝟻``, mathematical
            # digits whose 9D was lost.
            return _filtered(
                units,
                lambda _, char, __: (
                    script_of(char) not in (None, "Other") or _fits_scripts(char, frozenset())
                ),
            )
        scripts = frozenset({script, "Latin"})
    else:
        scripts = scripts_of_language(language) | {"Latin"}
    return _filtered(
        units,
        lambda unit, char, end: (
            _fits_scripts(char, scripts)
            or (char == "™" and any(q in text[unit.start : end] for q in "\"'"))
            or (char == "©" and after_copyright(text, unit.start, end))
        ),
    )


def _spaces_kept(text: str, units: list[ByteUnit]) -> list[ByteUnit]:
    """Without the candidates that read a space as a lost ``A0`` byte: a text where that
    byte survives as a no-break space elsewhere did not lose it (``ש× ק`` is ``של ק``, not
    ``שנק``, ``נ`` being D7 A0)."""
    return _filtered(units, lambda unit, _, end: " " not in text[unit.start : end])


# Letters whose lost byte is the soft hyphen, of a lead that makes no letter with a C1
# byte (``ح``, D8 AD): taken to have lost it only where the text shows it kept its C1
# bytes (read as Windows-1252, which defines most of them). Where a filter dropped them,
# a lone ``Ø`` lost one of them, and is the comma ``،`` or another sign of D8 80–9F.
_SOFT_HYPHEN_ONLY = frozenset("ح")


def _soft_hyphen_shown(text: str, unit: ByteUnit, char: str, end: int) -> bool:
    """Whether ``char`` is no letter of :data:`_SOFT_HYPHEN_ONLY`, or its soft hyphen is
    there (``ÃÂ\xad``, two readings of ``ح``)."""
    return char not in _SOFT_HYPHEN_ONLY or "\xad" in text[unit.start : end]


def _signs_inside(text: str, unit: ByteUnit) -> bool:
    """Whether a byte after the lead of ``unit`` shows as a sign of Windows-1252 (``ÛŒ``
    is ``ی``, DB 8C): the text was read through it, and kept the bytes it defines."""
    return any(char in CP1252_SIGNS for char in text[unit.start + 1 : unit.end])


def _c1_bytes_kept(text: str, kept: frozenset[int], units: list[ByteUnit]) -> list[ByteUnit]:
    """``units`` (read through Latin-1 or cp1252) without the candidates that need one of
    the ``kept`` bytes to have been lost. Through cp1252, the five bytes it leaves undefined
    (81 8D 8F 90 9D) may still have gone (``Ñ Ñ€`` is ``я р``, D1 8F), and ``A0`` may."""

    def possible(unit: ByteUnit, char: str, end: int) -> bool:
        present = {byte_of(c) for c in text[unit.start : end]}
        return not any(
            b in kept and b not in present for b in char.encode("utf-8", "surrogatepass")
        )

    return _filtered(units, possible)


def _filtered(
    units: list[ByteUnit], possible: Callable[[ByteUnit, str, int], bool]
) -> list[ByteUnit]:
    """``units`` with only their ``possible`` candidates; those left with none dropped."""
    kept = []
    for unit in units:
        candidates = tuple(
            (char, end) for char, end in unit.candidates if possible(unit, char, end)
        )
        if candidates:
            kept.append(replace(unit, candidates=candidates, end=max(e for _, e in candidates)))
    return kept


def _script_of_lone_units(text: str, units: list[ByteUnit]) -> str | None:
    """The main script of the text outside Latin, when the lost bytes may be its letters:
    ``Eiffel ש× ק××`` once the whole sequences are repaired, where ``×`` is a Hebrew
    letter that lost its second byte and ``Eiffel`` would make the text English."""
    script = _main_script(text)
    if script is None:
        return None
    for unit in units:
        if any(script_of(char) == script for char, _ in unit.candidates):
            return script
    return None


# Share of the units that must each have a letter of one script among their candidates for
# that script to be the damaged one, with no letter of it whole in the text.
_VOTED_SHARE = 0.9
_MIN_VOTERS = 3


def _voted_script(units: Sequence[ByteUnit]) -> str | None:
    """The alphabet with a word list that nearly every unit may be a letter of: Georgian for
    ``á¬ááááá`` (each ``á`` is E1 83 and a lost byte, or any of a thousand others). Not
    Chinese, Japanese or Korean: nearly every unit may be one of their characters."""
    if len(units) < _MIN_VOTERS:
        return None
    votes: Counter[str] = Counter()
    for unit in units:
        scripts = {script_of(char) for char, _ in unit.candidates}
        votes.update(script for script in scripts if script and languages_of_script(script))
    for script in ("Latin", "Han", "Kana", "Hangul"):
        votes.pop(script, None)
    if not votes:
        return None
    script, count = votes.most_common(1)[0]
    return script if count >= _VOTED_SHARE * len(units) else None


def _main_script(text: str) -> str | None:
    """The script of most letters of ``text`` outside Latin, if any."""
    counts = Counter(script_of(char) for char in text if char.isalpha() and char > "\u00ff")
    counts.pop("Latin", None)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def _fits_scripts(char: str, scripts: frozenset[str]) -> bool:
    """A letter of one of ``scripts``, or punctuation; not a symbol such as ``꓂`` (a Yi
    radical that ``ê‚`` would give, in Shift_JIS read as Windows-1252)."""
    script = script_of(char)
    if script is not None:
        return script in scripts
    if char in LEADERS or not ("\x20" <= char < "\u2070" or _CJK_PUNCTUATION.match(char)):
        # (Punctuation of historic scripts, ``𑙠``, ornamental or mathematical brackets
        # ``❬ ⟬`` and the leaders ``․ ‥ ‧``: what a lone ``ð`` or ``â¤`` of an emoji, or
        # ``â¬`` of ``€``, would give, were they candidates.)
        return char in _CURRENCIES
    category = unicodedata.category(char)
    return category[0] in "PZ" or (category == "Sc" and char <= "\xff")


_CJK_PUNCTUATION = re.compile("[\u3000-\u303f\uff00-\uff65]")
# Hangul jamo, CJK marks, kana, Han, Hangul syllables, full-width forms.
_WIDE = re.compile(
    "[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]"
)
# Currency signs in use (not the lira's ``₤`` or the peseta's ``₧``).
_CURRENCIES = frozenset("€₩₪₫₭₮₱₲₴₵₸₹₺₼₽₾₿₦")


def _likely_languages(
    text: str,
    original: str,
    damaged_script: str | None,
    units: Sequence[ByteUnit],
    letters: frozenset[str] = frozenset(),
) -> list[str | None]:
    """The guessed language, and its close rivals: ``nie powiodÅo siÄ`` is Polish, but
    until ``Å`` and ``Ä`` are decided its known words fit Slovak as well.

    When the sequences whose bytes are all there become letters of a script the language
    of the text does not write but the text holds, the damage is in a passage of that
    script: ``Puppeteer
    å¤„ç\x90†æ–‡ä»¶ä¸Šä¼`` holds more Latin letters than Chinese ones, but its lost byte is
    Chinese."""
    ranked = rank_languages(text)
    if (
        ranked
        and damaged_script not in (None, "Latin", "Other")
        and damaged_script not in scripts_of_language(ranked[0][0])
        and any(script_of(char) == damaged_script for char in original if char.isalpha())
    ):
        passage = "".join(c if script_of(c) == damaged_script else " " for c in text)
        ranked = rank_languages(passage) or ranked
    if not ranked:
        return [None]
    top = ranked[0][1]
    # Rivals: the best few. When the words tell nothing (``SlovenÄ�ina`` alone: no language
    # knows any of them), the languages tied at the top in whose common words a candidate
    # completes a damaged word (only Slovak has ``slovenčina``); the damaged word decides.
    tied = [(code, score) for code, score in ranked if score == top]
    rivals = ranked[:_RIVAL_LANGUAGES]
    if len(tied) > _RIVAL_LANGUAGES:
        scripts = frozenset().union(*(scripts_of_language(code) for code, _ in tied))
        completed = _completed_words(original, units, scripts)
        rivals = [
            item for item in tied if not language_data(item[0]).words.keys().isdisjoint(completed)
        ] or rivals
    codes: list[str | None] = [code for code, score in rivals if score >= top - _RIVAL_MARGIN]
    if damaged_script in _SHARED_ALPHABETS:
        # Most letters of a word may be the damage (``ÑÑÑеÑÑвÑеÑ`` is ``существует``), so
        # what is left of the words says little of the language: every language of the
        # script is tried however far behind (what is left of Serbian ``није``, ``ни е``,
        # reads as Russian first), the repair that reads best decides.
        order = [code for code, _ in ranked] + list(_SHARED_ALPHABETS[damaged_script])
        codes += [
            code
            for code in dict.fromkeys(order)
            if code not in codes and code in _SHARED_ALPHABETS[damaged_script]
        ]
    if codes[0] == "zh" and "ã" in original:
        # ``ã`` is the lead byte of kana (E3 81/82/83): until it is decided, Japanese
        # read this way looks like Chinese with stray letters.
        codes.append("ja")
    if codes[0] is not None and _writes_foreign_letters(letters, codes[0]):
        # The text writes a letter the language never does: a rival that writes them all is
        # the language (``і`` and ``ь`` beside words Serbian shares with Ukrainian); with
        # none (``ĝ`` beside Slovenian words), the text may be in a language without a word
        # list, whose letters none can rank.
        fitting: list[str | None] = [
            code
            for code in codes
            if code is not None and not _writes_foreign_letters(letters, code)
        ]
        codes = [*fitting, *(c for c in codes if c not in fitting)] if fitting else [*codes, None]
    return codes


def _writes_foreign_letters(letters: frozenset[str], language: str) -> bool:
    """Whether among ``letters`` is one of the language's alphabetic scripts that its word
    list never has (not so for Chinese characters: their list is never complete)."""
    scripts = scripts_of_language(language) & _ALPHABETS
    return any(
        script_of(char) in scripts and char_logprob(char, language) <= UNKNOWN_CHAR
        for char in letters
    )


_ALPHABETS = frozenset({"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew"})
# Scripts whose letters have frequencies: in the others (Thai, Georgian) a letter the text
# writes elsewhere is as likely as the next one, since what was lost is another set of
# letters than what survived.
_WORD_LIST_SCRIPTS = _ALPHABETS | {"Devanagari", "Bengali", "Tamil"}


def _letters_from(text: str, index: int) -> int:
    """Where the letters right before ``text[index]`` begin (``index`` if there are none)."""
    while index > 0 and text[index - 1].isalpha():
        index -= 1
    return index


def _letters_until(text: str, index: int) -> int:
    """Where the letters from ``text[index]`` on end (``index`` if there are none)."""
    while index < len(text) and text[index].isalpha():
        index += 1
    return index


def _completed_words(
    text: str, units: Sequence[ByteUnit], scripts: frozenset[str]
) -> frozenset[str]:
    """The words (lower case) the candidates of ``units`` in ``scripts`` make of the words
    around them, built once for every language they are looked up in (``è`` has thousands
    of ideographs among its candidates, which no word of a Latin language holds)."""
    words = set()
    for unit in units:
        start = _letters_from(text, unit.start)
        before = text[start : unit.start]
        for char, end in unit.candidates:
            if script_of(char[0]) in scripts:
                words.add((before + char + text[end : _letters_until(text, end)]).lower())
    return frozenset(words)


def _operator_between_terms(text: str, unit: ByteUnit) -> bool:
    """Whether a lone ``×`` or ``÷`` stands between digits or CJK characters, as the sign
    it is (``基本給×勤続年数``, ``3×4``), not the lead byte of a Hebrew letter or sign."""
    if unit.end - unit.start != 1 or text[unit.start] not in "×÷":
        return False
    before = text[unit.start - 1 : unit.start]
    after = text[unit.end : unit.end + 1]
    return all(side.isdigit() or _CJK_TERM.match(side) for side in (before, after))


_CJK_TERM = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uff10-\uff19]")


def _small_among_capitals(text: str, unit: ByteUnit) -> bool:
    """Whether a complete sequence would put a small letter into a word of capitals: no
    text is written ``MģÄM``, leetspeak is (``MÄ£ÄM``, with ``£`` for ``L``). (``ß`` has no
    capital in everyday writing: ``STRAÃŸE`` is ``STRAßE``.)"""
    if not unit.lossless or len(unit.candidates) != 1:
        return False
    char = unit.candidates[0][0]
    # (A Latin letter only: beside Russian read as Latin-1, the capitals ``Ð`` and ``Ñ``
    # are lead bytes, whatever the case of the letters they stand for.)
    if not char.islower() or char == "ß" or script_of(char) != "Latin":
        return False
    around = text[_letters_from(text, unit.start) : unit.start]
    around += text[unit.end : _letters_until(text, unit.end)]
    return sum(1 for c in around if c.isupper()) >= _CAPITALS_AROUND and not any(
        c.islower() for c in around
    )


_CAPITALS_AROUND = 2


def _plausible_units(text: str, units: list[ByteUnit]) -> list[ByteUnit]:
    """Drop units that only a text full of mojibake would make plausible, unless it is."""
    if any(_is_strong(text, unit) for unit in units):
        return units
    return [unit for unit in units if text[unit.start] in _LONE_SUSPECTS]


_ONE_LETTER_WORD_ZIPF = 6.0


def _forms_real_word(text: str, unit: ByteUnit) -> bool:
    """Whether a lone lead letter belongs to a word some language knows: ``âge``, ``SÃO``,
    ``hâlâ``, ``cât`` are written that way, whatever the language of the rest."""
    if not _lone_letter(text, unit):
        return False
    start = _letters_from(text, unit.start)
    word = text[start : _letters_until(text, unit.start + 1)]
    if any(script_of(char) != "Latin" for char in word):
        return False
    if start > 0 and text[start - 1] == "%":
        return False  # (``c`` in ``â%câ:`` is a placeholder's, ``câ`` no word)
    if len(word) == 1:
        # A word of one letter is a very common one or none: Italian ``È``, Norwegian ``Å``.
        zipf = max(_common_zipf(word, code) for code in _ACCENTED_LANGUAGES)
        # Unless the space after it is its lost ``A0`` byte and makes with the letters
        # after it a word of any language: ``Å veices`` is Latvian ``Šveices``.
        return zipf >= _ONE_LETTER_WORD_ZIPF and not _joins_more_common_word(
            text, unit, "", start, LATIN_LANGUAGES
        )
    if not (word.isupper() or word.islower() or word.istitle()):
        return False  # ``siÄ`` is no way to write a word, whatever ``siä`` means in Finnish
    if not any(is_common_word(word, code, _REAL_WORD_ZIPF) for code in _ACCENTED_LANGUAGES):
        return False
    return not _joins_more_common_word(text, unit, word, start)


def _lone_letter(text: str, unit: ByteUnit) -> bool:
    """Whether ``unit`` is a lead letter that lost every byte after it (a space after it at
    most): ``â`` of ``âge``, not ``Ã©`` nor ``â€``."""
    return (
        not unit.lossless
        and text[unit.start].isalpha()
        and not text[unit.start + 1 : unit.end].strip()
    )


def _written_as_letter(text: str, unit: ByteUnit, words: list[ByteUnit]) -> bool:
    """Whether a lone suspect inside a word, in a text with no sign of mojibake, is a
    letter the same text writes elsewhere as a letter: in a real word (``AÇÃO`` beside
    ``IDAPLICAÇÃO``, ``decât`` beside ``rândurilor``), or in its small form where that is
    no suspect (``väärtust`` beside ``Äärise``, ``KÄÄNNÖSJOUKKO`` beside ``Käyttö``). Lost
    bytes would make each occurrence a different character; a text written in a language
    writes its letters again."""
    if not _lone_letter(text, unit):
        return False
    char = text[unit.start]
    if not any(c.isalpha() for c in text[max(0, unit.start - 1) : unit.start + 2] if c != char):
        return False
    if any(text[word.start].lower() == char.lower() for word in words):
        return True
    small = char.lower()
    return small != char and small not in _LONE_SUSPECTS and small in text


def _one_letter_word(text: str, index: int) -> bool:
    """Whether the letter at ``index`` stands alone as a word that is a common one in a
    language of its script, in a text that writes whole words in that script (Russian
    ``В на``; not the ``Г`` of ``se trouve Г l’ouest``, ``à`` through Windows-1251)."""
    char = text[index]
    if text[index - 1 : index].isalnum() or text[index + 1 : index + 2].isalnum():
        return False
    script = script_of(char)
    words = _WORDS_OF_SCRIPT.get(script or "")
    if words is None or not words.search(text):
        return False
    return any(
        _common_zipf(char.lower(), code) >= _ONE_LETTER_WORD_ZIPF
        for code in _ONE_LETTER_LANGUAGES[script or ""]
    )


_ONE_LETTER_LANGUAGES = {"Cyrillic": ("ru", "uk", "bg", "sr", "mk"), "Greek": ("el",)}
_WORDS_OF_SCRIPT = {
    "Cyrillic": re.compile("(?<![^\\W\\d_])[\u0400-\u04ff]{2,}(?![^\\W\\d_])"),
    "Greek": re.compile("(?<![^\\W\\d_])[\u0370-\u03ff]{2,}(?![^\\W\\d_])"),
}


def _joins_more_common_word(
    text: str,
    unit: ByteUnit,
    word: str,
    start: int,
    languages: Sequence[str] = _ACCENTED_LANGUAGES,
) -> bool:
    """Whether the lead letter, the space after it taken for its lost ``A0`` byte, makes
    with the letters after that space a more common word in one of ``languages``: ``VÃ ng``
    is ``Vàng``, far more common than ``vã``. (With no ``word``, any word at all.)"""
    after = unit.start + 2
    end = _letters_until(text, after)
    if end == after or not any(stop == after for _, stop in unit.candidates):
        return False
    zipf = max(_common_zipf(word, code) for code in languages) if word else 0.0
    return any(
        _common_zipf(text[start : unit.start] + char + text[after:end], code) > zipf
        for char, stop in unit.candidates
        if stop == after
        for code in languages
    )


def _common_zipf(word: str, code: str) -> float:
    """The Zipf frequency of ``word`` in the common words of ``code``; 0 when not among them."""
    frequency = language_data(code).words.get(word.lower())
    return math.log10(frequency) + 9.0 if frequency else 0.0


def _is_strong(text: str, unit: ByteUnit) -> bool:
    """Whether a unit looks like mojibake on its own: a lead byte with a continuation byte
    beside it (``Ã¥``, ``å³``, ``Ð?``), a lead that is no letter (``×``, the first byte of
    ``מ``), or a lead inside a word of another script (``Ñекст``)."""
    lead = text[unit.start]
    if unit.end - unit.start > 1 and text[unit.start + 1] != " ":
        return True
    if not lead.isalpha():
        return True
    for index in (unit.start - 1, unit.end):
        if 0 <= index < len(text):
            script = script_of(text[index])
            if script is not None and script not in ("Latin", "Other"):
                return True
    return False


def _tentative_repair(text: str, units: Sequence[ByteUnit], script: str | None = None) -> str:
    """The text with every unit replaced by its first candidate (of ``script`` if it has
    one): enough to see its script."""
    parts: list[str] = []
    position = 0
    for unit in units:
        fitting = (item for item in unit.candidates if script and script_of(item[0]) == script)
        char, end = next(fitting, unit.candidates[0])
        parts.append(text[position : unit.start])
        parts.append(char)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _clusters(
    text: str, units: list[ByteUnit], *, join_spaced: bool = False
) -> list[tuple[list[ByteUnit], tuple[int, int]]]:
    """Group units whose words touch: they are decided together. With ``join_spaced``, so
    are units of words a single space apart: in Vietnamese, where a word is syllables apart,
    ``Äá» thá»`` is ``đồ thị``, one word of two damaged syllables."""
    clusters: list[tuple[list[ByteUnit], tuple[int, int]]] = []
    for unit in units:
        start = token_start(text, unit.start)
        end = token_end(text, unit.end)
        if end < len(text) and min(stop for _, stop in unit.candidates) < unit.end:
            end = token_end(text, end + 1)  # ``Ã  partir``: see the doubled space
        previous_end = clusters[-1][1][1] if clusters else -1
        if clusters and (
            start < previous_end
            or (join_spaced and start == previous_end + 1 and text[previous_end] == " ")
        ):
            members, (first, _) = clusters[-1]
            clusters[-1] = ([*members, unit], (first, max(end, clusters[-1][1][1])))
        else:
            clusters.append(([unit], (start, end)))
    return [piece for cluster in clusters for piece in _pieces(text, cluster)]


def _pieces(
    text: str, cluster: tuple[list[ByteUnit], tuple[int, int]]
) -> list[tuple[list[ByteUnit], tuple[int, int]]]:
    """A cluster of more than ``_MOST_UNITS_TOGETHER`` units, in as many pieces of about
    equal size, each decided on its own: a beam over a window costs the square of its
    units, and CJK or Thai text with every character damaged is one word of hundreds of
    them. (Words of alphabets rarely hold that many; the letters a piece sees beside it
    are left as they are.)"""
    units, (start, end) = cluster
    if len(units) <= _MOST_UNITS_TOGETHER:
        return [cluster]
    words = _in_words(text, units)
    if max(map(len, words)) <= _MOST_UNITS_TOGETHER:
        # Words of alphabets joined by units that may stand for a space (``Ñ `` may be
        # ``Ñ\xa0``): pieces of whole words, so that each word is decided as a word
        # (``Ð¿Ð°ÑÐ°Ð¼ÐµÑÐ°ÑÐ°`` is ``параметара`` only while its three lost letters go together).
        groups = [words[0]]
        for word in words[1:]:
            if len(groups[-1]) + len(word) <= _MOST_UNITS_TOGETHER:
                groups[-1] = groups[-1] + word
            else:
                groups.append(word)
        bounds = [start]
        bounds += [max(token_start(text, g[0].start), p[-1].end) for p, g in pairwise(groups)]
        bounds.append(end)
        return [(group, (bounds[i], bounds[i + 1])) for i, group in enumerate(groups)]
    count = -(-len(units) // _MOST_UNITS_TOGETHER)
    size = -(-len(units) // count)
    groups = [units[index : index + size] for index in range(0, len(units), size)]
    bounds = [start, *(group[0].start for group in groups[1:]), end]
    return [(group, (bounds[i], bounds[i + 1])) for i, group in enumerate(groups)]


def _in_words(text: str, units: list[ByteUnit]) -> list[list[ByteUnit]]:
    """``units`` (in order) grouped by the word they are in: a space between two units as
    they stand ends a word (one a unit may take in, ``Ñ `` for ``Ñ\xa0``, too)."""
    words = [[units[0]]]
    for unit in units[1:]:
        if any(char.isspace() for char in text[words[-1][-1].start : unit.start]):
            words.append([unit])
        else:
            words[-1].append(unit)
    return words


def _decide(
    text: str,
    window_start: int,
    window_end: int,
    units: list[ByteUnit],
    language: str | None,
    style: tuple[QuoteStyle, str],
    letters: frozenset[str] = frozenset(),
    echo: frozenset[str] = frozenset(),
) -> tuple[float, list[Edit]]:
    """The best repair of the units of one window, with its score (for comparing
    languages) and its edits (none when the text as it is wins). Words of ``echo``, used
    elsewhere in the text, have a head start; so have the ``letters`` the text writes
    outside its damage (see :func:`_written_letters`)."""
    options = [_options(text, unit, language, style, letters) for unit in units]
    bonuses = _letter_bonuses(options, language, letters) if letters else {}
    # The word before the window, scored alike for every candidate, so that its case
    # counts: ``documentare Èi`` is ``și``, not ``Și``. Where pairs of syllables make words,
    # the syllables on both sides count: ``hợp lá»`` is ``hợp lệ``, ``cá»a sá»`` ``cửa sổ``.
    compounds = bool(compound_pairs(language))
    before = _previous_word(text, window_start)
    after = _next_word(text, window_end) if compounds else ""
    keep: tuple[Choice, ...] = tuple(None for _ in units)
    # (Less their own scores, which differ from language to language: ``P`` of ``(?P``
    # before a Serbian word is no word of Serbian's list, which holds no Latin words.)
    beside = sum(score_text(word, language) for word in (before.strip(), after.strip()) if word)

    def value(rendered: str, beam: tuple[Choice, ...]) -> float:
        score = score_text(before + rendered + after, language) - beside
        if echo:
            score += _ECHO_BONUS * echo_words(rendered, echo)
        if bonuses:
            score += _echoed_letters(beam, bonuses)
        score -= _LATIN1_QMARK_COST * sum(
            1
            for unit, choice in zip(units, beam, strict=False)
            if choice is not None and unit.windows and choice[0] not in unit.windows
        )
        if language is None:
            score += _COMMONEST_BONUS * sum(
                1
                for choice, rare_beside in zip(beam, rare_twins, strict=False)
                if rare_beside and choice is not None and choice[0] in _COMMONEST_OF_THEIR_BYTES
            )
        return (
            score
            + _currency_before_amounts(text, beam)
            - _SOFT_HYPHEN_COST * _soft_hyphens_supposed(text, units, beam)
        )

    rare_twins = [_only_rare_twins(unit) for unit in units] if language is None else []
    beams: list[tuple[Choice, ...]] = [()]
    for index, unit_options in enumerate(options):
        grown = [
            (*beam, option)
            for beam in beams
            for option in (None, *unit_options)
            if _fits(beam, option, units, index)
        ]
        scored = [
            (value(_render(text, window_start, window_end, units, beam), beam), beam)
            for beam in grown
        ]
        scored.sort(key=lambda item: item[0], reverse=True)
        beams = [beam for _, beam in scored[:_BEAM_WIDTH]]
    # (A ``�`` where only a quotation mark fits stays one for the word list too: ``“%s�``
    # is ``“%s”``, not ``“%sú``.)
    worded = [
        replace(unit, candidates=tuple(unit_options))
        if text[unit.start] == "\ufffd" and len(unit_options) == 1
        else unit
        for unit, unit_options in zip(units, options, strict=True)
    ]
    guesses = [_dictionary_beam(text, window_start, window_end, worded, language, echo)]
    if echo:
        # The words the text uses alone, laid over each beam too: the beam may have the
        # rest of the window right where the word list's first choices are not.
        guesses.append(
            _dictionary_beam(text, window_start, window_end, worded, language, echo, echo_only=True)
        )
    for guessed in guesses:
        if guessed is None:
            continue
        # The word list's choices, alone and laid over each beam: ``пакетниÑ Ñайл`` is
        # ``пакетния файл``, where only ``файл`` is in the list and ``ф``, a rare letter,
        # is not among the options the beam tried.
        merged = [
            tuple(g if g is not None else b for b, g in zip(beam, guessed, strict=True))
            for beam in beams
        ]
        beams += [beam for beam in dict.fromkeys([guessed, *merged]) if beam not in beams]
    finals: dict[str, tuple[float, tuple[Choice, ...]]] = {}
    for beam in beams:
        rendered = _render(text, window_start, window_end, units, beam)
        score = value(rendered, beam)
        if rendered not in finals or finals[rendered][0] < score:
            finals[rendered] = (score, beam)
    kept = text[window_start:window_end]
    # (A ``�`` of legacy text standing alone is damage as it stands, and what it was is
    # told by its place, not by word lists: see :func:`_told_by_place`.)
    alone = all(_told_by_place(text, unit, language) for unit in units)
    if alone and len(finals.keys() - {kept}) > 0:
        finals.pop(kept, None)
    else:
        finals[kept] = (value(kept, keep) + _KEEP_BONUS, keep)
    top, best = max(finals.values(), key=lambda item: item[0])
    if best == keep:
        return top, []
    weights = [(10 ** (score - top), beam) for score, beam in finals.values()]
    total = sum(weight for weight, _ in weights)
    edits = []
    for index, (unit, choice) in enumerate(zip(units, best, strict=True)):
        if choice is None:
            continue
        # Each letter is as sure as the share of likely repairs that agree on it.
        agreeing = sum(weight for weight, beam in weights if beam[index] == choice)
        # A guess is never certain: the bytes that would prove it are gone.
        confidence = round(min(_MOST_CONFIDENT, agreeing / total), 3)
        if language is None and not _joins_across_space(text, unit, choice):
            # Without frequencies the letters tie, whatever the beam kept of them: the
            # choice among them is a draw, not a guess (``áƒ?`` is ``ა`` or ``ო``). Not so
            # for the space a word is cut by right after the damage, taken as its lost
            # ``A0``: the other letters need that space to be there by chance
            # (``à¸ à¸²à¸©à¸²`` is ``ภาษา``, E0 B8 A0).
            draws = _letter_options(text, unit, unit.candidates, bonuses, choice[0])
            confidence = round(min(confidence, _MOST_CONFIDENT / max(1, draws)), 3)
        if language is not None and not has_frequencies(language) and choice[0].isalpha():
            # A list without frequencies tells words from non-words, not a word from
            # another: each word its pattern fits is as likely (``á¬ááááá`` fits
            # ``წვდომა`` and ``წამალი``). Where none fits: if the text writes the chosen
            # letter elsewhere, the candidates it writes are a draw (``näitamine Ãärise``:
            # ``Ä`` or ``Õ``); else the letters about as common in the language as the one
            # chosen (sixteen for a Georgian ``á``, one for Estonian ``ÃÂµ``: ``õ``, as
            # ``ĵ`` and ``ε`` are not Estonian).
            rivals = (
                _listed_rivals(text, units, best, index, language)
                or _written_rivals(unit, choice[0], letters)
                or _common_rivals(unit, choice[0], language)
            )
            confidence = round(min(confidence, _MOST_CONFIDENT / max(1, rivals)), 3)
        edits.append(
            Edit(unit.start, choice[1], choice[0], _rule_of(text, unit, choice), confidence)
        )
    return top, edits


def _written_rivals(unit: ByteUnit, chosen: str, letters: frozenset[str]) -> int:
    """How many letters among the unit's candidates the text writes elsewhere, if it
    writes the chosen one (0 if not)."""
    written = {_small(char) for char, _ in unit.candidates if _small(char) in letters}
    return len(written) if _small(chosen) in written else 0


# A letter at most this many times (log10) rarer than the one chosen is its rival.
_RIVAL_LETTER_SPAN = 1.0


def _common_rivals(unit: ByteUnit, chosen: str, language: str) -> int:
    """How many letters among the unit's candidates are about as common in ``language`` as
    the one chosen, or more."""
    floor = char_logprob(_small(chosen), language) - _RIVAL_LETTER_SPAN
    return sum(
        1
        for char in {_small(c) for c, _ in unit.candidates if c.isalpha()}
        if char_logprob(char, language) >= floor
    )


# How many listed words that fit a damaged word are counted, at most.
_MOST_RIVALS = 10


def _listed_rivals(
    text: str, units: Sequence[ByteUnit], beam: Sequence[Choice], index: int, language: str
) -> int:
    """How many words of the list of ``language`` fit the word the unit at ``index`` is in,
    each unit of that word any of its letters, the rest of the word as written (0 where
    the word holds a sign or a letter of no list, or a unit left as it is). A space the
    unit took in as its lost ``A0`` joins the words around it."""
    chosen = {unit.start: (unit, choice) for unit, choice in zip(units, beam, strict=True)}
    # (Back over a space taken in too: ``á\xa0ááá`` is one word, ``რალ…``.)
    spaced = {
        choice[1]: unit.start
        for unit, choice in zip(units, beam, strict=True)
        if choice is not None and text[choice[1] - 1].isspace()
    }
    position = token_start(text, units[index].start)
    while position in spaced:
        position = token_start(text, spaced[position])
    parts: list[str] = []
    while position < len(text) and not text[position].isspace():
        found = chosen.get(position)  # (a unit taking in a space is stepped over whole)
        if found is None:
            char = text[position]
            parts.append(re.escape(char.lower()) if char.isalpha() else "")
            position += 1
            continue
        unit, choice = found
        if choice is None:
            return 0
        stop = choice[1]
        # (The list is in small letters: ``Ãsáid`` is ``Úsáid``, listed as ``úsáid``.)
        letters = sorted({c.lower() for c, e in unit.candidates if e == stop and c.isalpha()})
        if not letters:
            return 0
        parts.append(f"[{''.join(letters)}]")
        position = stop
    while parts and not parts[-1]:
        parts.pop()
    while parts and not parts[0]:
        parts.pop(0)
    if not parts or not all(parts):
        return 0
    pattern = re.compile("".join(parts))
    return len(matching_words(pattern, len(parts), language, _MOST_RIVALS))


def _written_letters(text: str, units: Sequence[ByteUnit]) -> frozenset[str]:
    """The letters beyond ASCII that ``text`` writes outside the damage, in lower case:
    its alphabet, as far as it shows. A lost letter the text writes elsewhere is the likelier
    (Estonian ``näitamine Ãärise`` is ``Äärise``, not ``Îärise``; Esperanto ``ignoriĝas``
    beside ``subteniÄas`` makes it ``subteniĝas``, not ``subteničas``)."""
    rest = _outside_units(text, units)
    return frozenset(
        _small(char)
        for char in rest
        if not char.isascii() and char.isalpha() and script_of(char) in _WORD_LIST_SCRIPTS
    )


# The letters of an alphabet whose word list has no frequencies, each of which shows the
# others likely: Esperanto's (``ĵ`` in the text makes ``Ä?i`` ``ĝi``, not ``či``). A letter
# only implied so gets this share of the head start of one the text writes.
_IMPLIED_ALPHABETS = (frozenset("ĉĝĥĵŝŭ"),)
_IMPLIED_SHARE = 0.5


def _implied_letters(letters: frozenset[str]) -> frozenset[str]:
    """The letters of the alphabets ``letters`` show in use, that they do not hold."""
    implied: frozenset[str] = frozenset()
    for alphabet in _IMPLIED_ALPHABETS:
        if letters & alphabet:
            implied |= alphabet
    return implied - letters


def _small(char: str) -> str:
    """``char`` in lower case, where that is one character (``İ`` lowers to two)."""
    small = char.lower()
    return small if len(small) == 1 else char


def _letter_bonuses(
    options: list[list[tuple[str, int]]], language: str | None, letters: frozenset[str]
) -> dict[str, float]:
    """The head start of each character the units may render that the text writes
    elsewhere: the bonus, plus what the language's letter frequencies take off a letter
    rarer there than a typical one (the text is then not quite in that language: Esperanto
    read as Slovenian, whose ``ĝ`` is unseen)."""
    implied = _implied_letters(letters)
    bonuses = {}
    for unit_options in options:
        for char, _ in unit_options:
            small = _small(char)
            if small in letters:
                bonuses[char] = _rarity(char, language)
            elif small in implied:
                bonuses[char] = _IMPLIED_SHARE * _rarity(char, language)
    return {char: bonus for char, bonus in bonuses.items() if bonus > 0}


def _rarity(char: str, language: str | None) -> float:
    """What the language's frequencies take off a letter for being rarer than a typical
    one, case aside (log10 units; 0 for a common letter)."""
    return max(0.0, _TYPICAL_LETTER - char_logprob(_small(char), language))


def _echoed_letters(beam: tuple[Choice, ...], bonuses: dict[str, float]) -> float:
    """The head start of the characters ``beam`` chooses for the units."""
    return sum(bonuses.get(choice[0], 0.0) for choice in beam if choice is not None)


def _currency_before_amounts(text: str, beam: tuple[Choice, ...]) -> float:
    """The head start of a currency sign chosen right before a number (``â¹300`` is
    ``₹300``, E2 82 B9, not ``‹300``, E2 80 B9): a number follows a currency sign, rarely an
    opening quotation mark. (It makes up for the cost of a symbol against punctuation.)"""
    return sum(
        _CURRENCY_BONUS
        for choice in beam
        if choice is not None
        and (choice[0] in _CURRENCIES or "\xa2" <= choice[0] <= "\xa5")
        and text[choice[1] : choice[1] + 1].isdigit()
    )


_CURRENCY_BONUS = 6.0


def _soft_hyphens_supposed(text: str, units: list[ByteUnit], beam: tuple[Choice, ...]) -> int:
    """How many soft hyphens (the byte AD, which display and copying often drop) the
    beam's choices suppose were lost: ``aquÃ`` is ``aquí`` (C3 AD), ``ä¸`` ``中`` (E4 B8 AD)."""
    count = 0
    for unit, choice in zip(units, beam, strict=False):
        # (Not a ``�`` replacing a whole character: ``e �ndice`` is ``índice`` outright.)
        if choice is not None and unit.rule in _BYTES_DROPPED and text[unit.start] != "\ufffd":
            shown = text.count("\xad", unit.start, choice[1])
            count += max(0, choice[0].encode("utf-8", "surrogatepass").count(0xAD) - shown)
    return count


_BYTES_DROPPED = frozenset({"lost-c1", "lost-nbsp"})
# A soft hyphen is dropped less often than the C1 controls it stands among: where both
# readings make words (Icelandic ``Ítalskt`` and ``ítalskt``), the lost C1 byte wins.
_SOFT_HYPHEN_COST = 1.0


def _joins_across_space(text: str, unit: ByteUnit, choice: tuple[str, int]) -> bool:
    """Whether ``choice`` takes in a space between the damaged letter and a letter."""
    return " " in text[unit.start : choice[1]] and text[choice[1] : choice[1] + 1].isalpha()


# Letters of scripts without a word list that are far commoner than every other letter
# their bytes allow when Windows-1252 dropped one it leaves undefined: Thai ``ก`` (E0 B8 81)
# beside ``ญ ฏ ฐ ฝ`` (8D 8F 90 9D), ``แ`` (E0 B9 81) beside the mark ``ํ`` and the signs
# ``๏ ๐``. (Georgian ``ა`` and ``ო``, 90 and 9D, are both common: no such letter.)
_COMMONEST_OF_THEIR_BYTES = frozenset("กแ")
_RARE_TWINS = frozenset("ญฏฐฝํ๏๐")
# Their head start (log10): ten times as common as each of the others, at least.
_COMMONEST_BONUS = 1.0


def _only_rare_twins(unit: ByteUnit) -> bool:
    """Whether ``unit`` may be one of :data:`_COMMONEST_OF_THEIR_BYTES` and, besides, only
    their rare twins (not so where C1 bytes were dropped: ``à¸`` is then any of 31 Thai
    consonants, ``น`` commoner than ``ก``)."""
    chars = {
        char
        for char, _ in unit.candidates
        if (char.isalpha() or _is_mark(char)) and 0xAD not in char.encode("utf-8", "replace")
    }  # (a lost soft hyphen's ``อ``, E0 B8 AD, pays its own cost)
    return bool(chars & _COMMONEST_OF_THEIR_BYTES) and chars <= (
        _COMMONEST_OF_THEIR_BYTES | _RARE_TWINS
    )


def _letter_options(
    text: str,
    unit: ByteUnit,
    options: Sequence[tuple[str, int]],
    bonuses: dict[str, float] | None = None,
    chosen: str = "",
) -> int:
    """How many options are letters, or marks on a letter: those a text in a script
    without a word list cannot tell apart. ``à¹?`` after a space is ``แ``, since ``ํ`` has
    no letter to sit on and ``๏`` and ``๐`` are no letters. A letter the text writes
    elsewhere (in ``bonuses``) ties only with the others it writes, in either case."""
    after_letter = unit.start > 0 and text[unit.start - 1].isalpha()
    tied = [char for char, _ in options if char.isalpha() or (after_letter and _is_mark(char))]
    if chosen in _COMMONEST_OF_THEIR_BYTES and chosen in tied and _only_rare_twins(unit):
        return 1
    if bonuses and chosen in bonuses:
        return len({_small(char) for char in tied if char in bonuses})
    return len(tied)


def _previous_word(text: str, index: int) -> str:
    """The word and the single space before ``text[index]``, or nothing."""
    if index < 2 or text[index - 1] != " " or not text[index - 2].isalpha():
        return ""
    return text[_letters_from(text, index - 2) : index]


def _next_word(text: str, index: int) -> str:
    """The single space and the word after ``text[index]``, or nothing."""
    if index + 2 > len(text) or text[index] != " " or not text[index + 1].isalpha():
        return ""
    return text[index : _letters_until(text, index + 1)]


def _rule_of(text: str, unit: ByteUnit, choice: tuple[str, int]) -> str:
    """``lost-nbsp`` when the repair took in a space as the lost ``A0`` byte (after the
    character, ``Ã `` for ``à``, or inside it, ``é …`` for ``項``)."""
    if " " in text[unit.start : choice[1]]:
        return "lost-nbsp"
    if unit.rule == "lost-replaced" and choice[0] not in _SINGLE_BYTE_SET:
        return "lost-qmark"  # (``�`` for ``с``, D1 81: a whole UTF-8 character replaced)
    return "lost-c1" if unit.rule == "lost-nbsp" else unit.rule


_SINGLE_BYTE_SET = frozenset(SINGLE_BYTE_CHARACTERS)


def _fits(beam: tuple[Choice, ...], option: Choice, units: list[ByteUnit], index: int) -> bool:
    """A candidate that swallows a space must not run into the next unit."""
    if option is None or index + 1 >= len(units):
        return True
    return option[1] <= units[index + 1].start


def _options(
    text: str,
    unit: ByteUnit,
    language: str | None,
    style: tuple[QuoteStyle, str],
    letters: frozenset[str] = frozenset(),
) -> list[tuple[str, int]]:
    if ("©", unit.end) in unit.candidates and after_copyright(text, unit.start, unit.end):
        return [("©", unit.end)]  # ``Copyright ÃÂ©`` (C2 A9 read twice), not ``é`` (C3 A9)
    if text[unit.start] == "\ufffd":
        if _number_sign(text, unit.start, language):
            return [(_NUMBER_SIGNS[language or ""], unit.end)]  # ``n�%d`` is ``n°%d``
        if _before_high_punctuation(text, unit, language):
            return [("\xa0", unit.end)]  # French ``Remarque\xa0:``, ``%s\xa0:``
        if unit.rule == "lost-qmark" and _is_quote_position(text, unit.start):
            return [("”", unit.end)]  # of the quotation marks, only ``”`` can be lost so
        quote = (
            _replaced_quote(text, unit.start, language) if unit.rule == "lost-replaced" else None
        )
        if quote is not None:
            return [(quote, unit.end)]
        if unit.rule == "lost-replaced" and stands_alone(text, unit.start):
            alone = _alone_replaced(text, unit.start, language)
            return [(alone, unit.end)] if alone else []
        if unit.rule == "lost-replaced" and language in SPACED_GUILLEMETS:
            mark = _spaced_guillemets(text).get(unit.start)
            if mark is not None:
                return [(mark, unit.end)]  # ``« %s »`` at the end of a sentence
        if unit.rule == "lost-replaced" and _spaced_before(text, unit.start):
            return []  # ``a broken byte: �.`` tells nothing of what it was
        if _is_inside_word(text, unit.start):
            # ``पह�च``, ``e �ndices``: a letter or a vowel sign, not punctuation.
            # (And ``’`` between letters: ``don�t`` is ``don’t``.)
            apostrophe = _between_letters(text, unit.start)
            lettered = [
                c
                for c in unit.candidates
                if c[0].isalpha() or _is_mark(c[0]) or (apostrophe and c[0] == "’")
            ]
            return (
                _ranked(replace(unit, candidates=tuple(lettered)), language, letters)
                if lettered
                else []
            )
        return _ranked(unit, language, letters)
    if text[unit.start] == "â" and any(end == unit.start + 1 for _, end in unit.candidates):
        # ``â`` alone; beside it maybe the reading of a following space as its A0 byte.
        chosen = choose_punctuation(text, unit.start, unit.start + 1, *style)
        spaced = [option for option in unit.candidates if option[1] > unit.start + 1]
        return [(chosen, unit.start + 1), *spaced]
    if unit.end - unit.start == 4 and text.startswith("Ã¢ÂÂ", unit.start):
        # The same, two Latin-1 readings deep (see ``layered_units``); inside a word of
        # Arabic script, whose letters are units too, the zero-width non-joiner.
        if language in languages_of_script("Arabic") and _inside_word(text, unit):
            return [("\u200c", unit.end)]
        return [(choose_punctuation(text, unit.start, unit.end, *style), unit.end)]
    if (
        unit.rule == "lost-qmark"
        and text.startswith("â??", unit.start)
        and unit.end == unit.start + 3
    ):
        # ``â??``, both C1 bytes shown as ``?`` (see ``LATIN1_C1_QMARKED``): as a lone ``â``.
        return [(choose_punctuation(text, unit.start, unit.end, *style), unit.end)]
    if unit.rule == "lost-qmark" and _is_e2_80_undefined(text, unit.start, unit.end):
        return [_undefined_punctuation(text, unit.start, unit.end)]
    if ("”", unit.start + 2) in unit.candidates and _is_e2_80_undefined(
        text, unit.start, unit.start + 2
    ):
        # ``“helloâ€``, ``Yapmaâ€yı``: the byte Windows-1252 dropped after ``€`` (80) is the
        # same, not one before it (``⁀``, E2 81 80); a space after it may still be the A0
        # of ``†`` (E2 80 A0).
        spaced = [option for option in unit.candidates if option[1] > unit.start + 2]
        return [_undefined_punctuation(text, unit.start, unit.start + 2), *spaced]
    if unit.rule == "lost-qmark" and {char for char, _ in unit.candidates} == {"–", "—"}:
        # ``â€"``, a dash whose last byte was straightened: the dash the text sets, else its
        # language's (``—`` in English, ``–`` in German).
        return [(style[1], unit.end)]
    return _ranked(unit, language, letters)


def _inside_word(text: str, unit: ByteUnit) -> bool:
    """Whether a letter, or another unit, stands on both sides of ``unit``: before it, a
    letter or the end of a unit (``§`` of ``ÃÂ§``, ``Â`` of ``ÃÂ``); after it, a letter or
    the ``Ã`` that starts a unit."""
    before, after = text[unit.start - 1 : unit.start], text[unit.end : unit.end + 1]
    return (before.isalpha() or "\xa0" <= before <= "\xbf") and after.isalpha()


# ``â€?`` is E2 80 and one of the undefined bytes: ``”`` (9D), the hyphen ``‐`` (90), the
# right-to-left mark (8F), the zero-width joiner (8D).
_RIGHT_TO_LEFT = frozenset({"Arabic", "Hebrew"})


def _is_e2_80_undefined(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is ``â€`` (E2 80) and, if any, a ``?`` or ``�`` for the
    undefined byte that followed."""
    return text.startswith("â€", start) and (
        end == start + 2 or (end == start + 3 and text[start + 2] in "?\ufffd")
    )


def _undefined_punctuation(text: str, start: int, end: int) -> tuple[str, int]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() and after.isalnum() and not _quotation_open(text, start):
        # ``255â€?0`` is ``255‐0``: no quotation closes there; but ``“%sâ€?ì—?`` closes
        # the one it opened, glued to a Korean ending.
        return ("\u2010", end)
    if _main_script(text) in _RIGHT_TO_LEFT and "\u201c" not in text[:start]:
        return ("\u200f", end)  # ``»â€?:`` in Persian: nothing was opened to close
    return ("\u201d", end)


def _replaced_quote(text: str, index: int, language: str | None) -> str | None:
    """The quotation mark a ``�`` of legacy text read as UTF-8 is, where it plainly is one:
    it closes a ``“`` left open (``“bonjour� et``), or it and another ``�`` frame a word
    (``a �test� of``; in French ``«test»``, see :func:`legacy_quotes`). Elsewhere, ``Jos� ``
    is ``José``."""
    if _quotation_open(text, index) and _is_closing_position(text, index):
        return "”"
    start = token_start(text, index)
    end = token_end(text, index)
    if text[start] == "\ufffd" and "\ufffd-" in text[start + 1 : end]:
        end = text.index("\ufffd-", start + 1) + 1  # ``»btree«-Operatorfamilie``
    word = text[start:end].rstrip(".,;:!?)")
    inner = word[1:-1]
    spaced = word[:2] == word[-2:] == "\ufffd\ufffd" and _quotable(word[2:-2])
    if language in SPACED_GUILLEMETS and spaced:
        # ``��%s��``: French guillemets and the no-break spaces inside them, ``«\xa0%s\xa0»``.
        marks = {start: "«", start + 1: "\xa0", start + len(word) - 2: "\xa0"}
        return marks.get(index, "»")
    framed = len(word) > 2 and word[0] == "\ufffd" and word[-1] == "\ufffd"
    if framed and (_quotable(inner) or _quoted_letter(inner, language)):
        opening, closing = legacy_quotes(text, language)
        return opening if index == start else closing
    return None


@lru_cache(maxsize=1024)
def _quoted_letter(inner: str, language: str | None) -> bool:
    """Whether two ``�`` around one letter are quotation marks, since no letters around it
    make a word of the language: German ``Option �u�`` is ``»u«``, French ``�t�`` ``été``."""
    if language is None or len(inner) != 1 or not inner.isalpha():
        return False
    letters = [char for char in SINGLE_BYTE_CHARACTERS if char.isalpha() and char.islower()]
    return not any(
        is_common_word(first + inner.lower() + last, language)
        for first in letters
        for last in letters
    )


def _quotable(inner: str) -> bool:
    """Whether two ``�`` around ``inner`` are rather quotation marks than letters: around
    a word of two letters or more (``�test�``), or a placeholder, a name or a sign that no
    letters would join into a word (``�%s�``, ``�.gnu.prelink_undo�``, ``�<�``); but not
    around one letter, which they make a word with (``�t�`` is ``été``)."""
    if not inner or "\ufffd" in inner:
        return False
    if inner.isalpha():
        return len(inner) > 1
    return not (inner[0].isalpha() and inner[-1].isalpha() and inner.replace("-", "").isalpha())


def _quotation_open(text: str, index: int) -> bool:
    """Whether ``text`` opened a ``“`` before ``index`` that it has not closed."""
    return text.count("“", 0, index) > text.count("”", 0, index)


def _between_letters(text: str, index: int) -> bool:
    return text[index - 1 : index].isalpha() and text[index + 1 : index + 2].isalpha()


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


# The Zipf frequency of a word of one letter that a ``�`` standing alone in legacy text is
# taken for (French ``à``, Italian ``è``, Portuguese ``é``, Norwegian ``å``).
_ONE_LETTER = 5.0


def _before_high_punctuation(text: str, unit: ByteUnit, language: str | None) -> bool:
    """Whether ``unit`` is a ``�`` between a French word and ``:``, ``;``, ``!`` or ``?``:
    the no-break space French sets there (``Remarque�:``), where no letter would make a
    commoner word."""
    if language not in SPACED_GUILLEMETS or text[unit.end : unit.end + 1] not in (
        ":",
        ";",
        "!",
        "?",
    ):
        return False
    word = text[token_start(text, unit.start) : unit.start]
    if word and ("%" in word or not word[-1].isalpha()) and "\ufffd" not in word:
        return True  # ``%s�:``, ``'%s'�:``: no letter joins a placeholder into a word
    if not (word.isalpha() and is_common_word(word, language)):
        return False
    # (Unless a letter makes a commoner word of it: ``caf�:`` is ``café:``.)
    letters = (char for char in SINGLE_BYTE_CHARACTERS if char.islower())
    return word_zipf(word, language) > max(word_zipf(word + char, language) for char in letters)


# The sign that follows ``n`` for "number" (``n°``, ``nº``), by language.
_NUMBER_SIGNS = {
    **dict.fromkeys(("fr", "it"), "°"),
    **dict.fromkeys(("es", "pt", "gl", "ca"), "º"),
}


def _told_by_place(text: str, unit: ByteUnit, language: str | None) -> bool:
    """Whether ``unit`` is a ``�`` that is damage as it stands, and what it was is told by its
    place, not by word lists: standing alone in legacy text, or a sign after ``n`` or before
    French high punctuation."""
    if text[unit.start] != "\ufffd":
        return False
    if unit.rule == "lost-replaced" and stands_alone(text, unit.start):
        return True
    if (
        unit.rule == "lost-replaced"
        and language in SPACED_GUILLEMETS
        and unit.start in _spaced_guillemets(text)
    ):
        return True
    return _number_sign(text, unit.start, language) or _before_high_punctuation(
        text, unit, language
    )


def _number_sign(text: str, index: int, language: str | None) -> bool:
    """Whether the ``�`` at ``index`` follows an ``n`` that is a word of its own and comes
    before a number, a placeholder or a space: the sign of "number" (``n�%d``, ``N� 5``)."""
    if language not in _NUMBER_SIGNS or text[index - 1 : index] not in ("n", "N"):
        return False
    if index >= 2 and (text[index - 2].isalnum() or text[index - 2] == "\ufffd"):
        return False
    following = text[index + 1 : index + 2]
    return following.isdigit() or following in ("%", " ")


def _alone_replaced(text: str, index: int, language: str | None) -> str | None:
    """What a ``�`` of legacy text read as UTF-8, standing between spaces, most likely was:
    an en dash between numbers (``1990 – 2000``), ``©`` after ``Copyright``, French spaced
    guillemets around a few words (``« OK »``), else its language's commonest word of one
    letter beyond ASCII (``à``, ``è``), if it has a common one."""
    before = text[:index].split()
    after = text[index + 1 :].split()
    if before and after and before[-1][-1:].isdigit() and after[0][:1].isdigit():
        return "–"
    if after_copyright(text, index, index + 1):
        return "©"
    if language in SPACED_GUILLEMETS:
        mark = _spaced_guillemets(text).get(index)
        if mark is not None:
            return mark
    if language is None:
        return None
    words = [
        char
        for char in SINGLE_BYTE_CHARACTERS
        if char.islower() and is_common_word(char, language, _ONE_LETTER)
    ]
    return max(words, key=lambda word: word_zipf(word, language)) if words else None


# A line or a sentence ending inside what a pair of marks would quote.
_SENTENCE_BREAK = re.compile("\n|[.!?](?:\\s|$)")
# What French guillemets set with plain spaces hold: a few characters, a few words.
_GUILLEMETS_CHARS = 40
_GUILLEMETS_WORDS = 4


@lru_cache(maxsize=64)
def _spaced_guillemets(text: str) -> dict[int, str]:
    """The ``�`` standing alone that pair up as French guillemets, ``«`` and ``»``: two in
    a row in one sentence around a few words, a placeholder, a name or a sign (``� %s �``,
    ``� ] �``, ``� Plein écran �``), but not around words in small letters, which two
    ``à`` frame as often (``� tous les fichiers � la fois``)."""
    lone = [i for i, char in enumerate(text) if char == "\ufffd" and _spaced_before(text, i)]
    marks: dict[int, str] = {}
    index = 0
    while index + 1 < len(lone):
        first, second = lone[index], lone[index + 1]
        inner = text[first + 1 : second].strip()
        words = inner.split()
        if (
            stands_alone(text, first)
            and not _SENTENCE_BREAK.search(inner)
            and 0 < len(inner) <= _GUILLEMETS_CHARS
            and len(words) <= _GUILLEMETS_WORDS
            and (len(words) == 1 or not inner.replace(" ", "").isalpha() or inner[0].isupper())
        ):
            marks[first], marks[second] = "«", "»"
            index += 2
        else:
            index += 1
    return marks


def _spaced_before(text: str, index: int) -> bool:
    """Whether ``text[index]`` has a space (or the start) before it, and a space, the end or
    punctuation after it: a closing mark, where it is not a word of its own."""
    after = text[index + 1 : index + 2]
    return text[index - 1 : index] in ("", " ", "\t", "\n") and after in _AFTER_CLOSING


_AFTER_CLOSING = frozenset(("", " ", "\t", "\n", ".", ",", ";", ":", "!", "?", ")"))


def _is_inside_word(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return _letter_like(before) or _letter_like(after)


def _letter_like(char: str) -> bool:
    """A letter, a mark, or another ``�``: legacy text read as UTF-8 loses accented letters
    two in a row (``Gr��e``)."""
    return char.isalpha() or _is_mark(char) or char == "\ufffd"


def _is_quote_position(text: str, index: int) -> bool:
    """``“%s�`` closes a quotation; ``använd �%s”`` opens one the Swedish way."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if _is_closing_position(text, index):
        return True
    if not before.isspace():
        return False
    if not after.isalnum() and not after.isspace():
        return True
    # ``använd �on”``: the word it opens ends with the closing mark.
    end = index + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[end - 1 : end] == "”" or text[end - 2 : end - 1] == "”"


def _is_closing_position(text: str, index: int) -> bool:
    """Whether a ``�`` sits where only ``”`` fits: after a word or ``%s``, before a space,
    punctuation or the end (``“%s� does not``)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum() and not _letter_like(after)


def _ranked(
    unit: ByteUnit, language: str | None, letters: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    limit = _OPTIONS_PER_UNIT
    if compound_pairs(language):
        # A rare syllable may make a word with its neighbour (``con trỏ``): the letters
        # cannot be ranked on their own.
        limit = _OPTIONS_PER_COMPOUND_UNIT
    if len(unit.candidates) <= limit:
        return list(unit.candidates)
    ranked = sorted(
        unit.candidates,
        key=lambda candidate: (
            _char_score(candidate[0], language)
            + (_rarity(candidate[0], language) if _small(candidate[0]) in letters else 0.0)
            - (_LATIN1_QMARK_COST if unit.windows and candidate[0] not in unit.windows else 0.0)
        ),
        reverse=True,
    )
    return ranked[:limit]


def _render(
    text: str,
    window_start: int,
    window_end: int,
    units: list[ByteUnit],
    beam: tuple[Choice, ...],
) -> str:
    parts: list[str] = []
    position = window_start
    for unit, choice in zip(units, beam, strict=False):
        if choice is None:
            continue
        parts.append(text[position : unit.start])
        parts.append(choice[0])
        position = choice[1]
    parts.append(text[position:window_end])
    return "".join(parts)


def _char_score(char: str, language: str | None) -> float:
    if char.isalpha() or unicodedata.category(char).startswith("M"):
        return char_logprob(char, language)
    return score_text(char, language)
