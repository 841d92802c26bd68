"""The repair pipeline, top to bottom: scan, propose, keep improvements, repeat."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache

from fixtext import codepages
from fixtext.compose import compose_changes
from fixtext.config import Config, Normalization
from fixtext.language import guess_language, score_text
from fixtext.model import Change, Edit, Result
from fixtext.plausibility import text_cost
from fixtext.rules import bom, cjk, controls, entities, legacy, lost, lowercased, stripped
from fixtext.rules.bom import find_bom_residue
from fixtext.rules.cjk import find_cjk_repairs
from fixtext.rules.controls import find_c1_controls
from fixtext.rules.encodings import find_codepage_repairs
from fixtext.rules.entities import find_entity_repairs
from fixtext.rules.legacy import find_legacy_repairs
from fixtext.rules.lost import find_lost_byte_repairs
from fixtext.rules.lost_emoji import find_emoji_repairs
from fixtext.rules.lost_evidence import demote_unsupported, worth_guessing
from fixtext.rules.lost_utf8 import layered_units
from fixtext.rules.lowercased import find_lowercased_repairs
from fixtext.rules.stripped import find_stripped_repairs
from fixtext.rules.uppercased import find_uppercased_repairs
from fixtext.scan import Scan, compile_triggers
from fixtext.spans import applied, merge_edits, outside_spans

__all__ = ["BLOCK", "left_as_is", "may_be_damaged", "repair_text", "run_rules"]


def repair_text(text: str, config: Config) -> Result:
    """Repair ``text`` under ``config``; the one implementation behind every entry point.

    Long texts are repaired a block of lines at a time, so that time and memory grow with
    the length of the text, not its square; damage never spans a line break.
    """
    if len(text) <= BLOCK:
        return _repair_block(text, config)
    texts: list[str] = []
    changes: list[Change] = []
    unapplied: list[Change] = []
    offset = 0
    output_offset = 0
    for block in _blocks(text):
        result = _repair_block(block, config)
        texts.append(result.text)
        changes += [_moved(c, offset) for c in result.changes]
        unapplied += [_moved(c, output_offset) for c in result.unapplied]
        offset += len(block)
        output_offset += len(result.text)
    return Result("".join(texts), tuple(changes), tuple(unapplied))


_C1 = re.compile("[\x80-\x9f]")


# The code page rule's triggers alone: one search where its families' gates take a dozen
# (CJK or Greek text that another rule's trigger let through).
@cache
def _code_page_scan() -> Scan:
    # (Built when first needed: clean text never is.)
    return compile_triggers(codepages.TRIGGERS)


# Triggers that clean text matches all the time, each the trigger of one rule whose own
# first checks then decide for a fraction of running the rules: every character of CJK text
# (:func:`cjk.may_repair`), a lone ``â`` or ``Ã`` (:func:`worth_guessing`).
_DECIDED_BY_THEIR_RULE = (*cjk.TRIGGERS, lost.LONE_TRIGGER)
_OTHER_TRIGGERS = (
    *bom.TRIGGERS,
    *codepages.TRIGGERS,
    *controls.TRIGGERS,
    *entities.TRIGGERS,
    *legacy.TRIGGERS,
    *stripped.TRIGGERS,
    *(trigger for trigger in lost.TRIGGERS if trigger != lost.LONE_TRIGGER),
)
# Where no rule could find anything: most clean text is decided by this one search.
_MAY_BE_DAMAGED = compile_triggers([*_OTHER_TRIGGERS, *_DECIDED_BY_THEIR_RULE])


def may_be_damaged(text: str) -> bool:
    """Whether a trigger of some rule matches ``text``: where none does, no rule could find
    anything."""
    return _MAY_BE_DAMAGED.search(text)


@cache
def _otherwise_damaged() -> Scan:
    # (Built when first needed: a text the scan above passes over never needs it.)
    return compile_triggers(_OTHER_TRIGGERS)


_LOWERCASED = compile_triggers(lowercased.TRIGGERS)

# Characters per block of a long text; a block ends at a line break after this many. Small
# enough that most blocks of a long, mostly clean document pass the scan untouched, and
# that a block with one line the scan stops at costs the rules little; large enough (a
# dozen lines or more) to tell the language and the quotation marks a document uses.
BLOCK = 1024


def _blocks(text: str) -> list[str]:
    blocks = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + BLOCK)
        end = len(text) if cut < 0 else cut + 1
        blocks.append(text[start:end])
        start = end
    return blocks


def _moved(change: Change, offset: int) -> Change:
    return Change(
        change.start + offset,
        change.end + offset,
        change.before,
        change.after,
        change.rule,
        change.confidence,
    )


def left_as_is(text: str, config: Config) -> bool:
    """Whether one scan shows that no rule has anything to do in ``text`` (of one block):
    what most clean text is decided by."""
    if text.isascii() and ("&" not in text or not config.entities):
        return True
    if config.normalization is not None:
        return False
    if _MAY_BE_DAMAGED.search(text) and (
        _otherwise_damaged().search(text)
        or (config.encodings and cjk.may_repair(text))
        or (config.encodings and config.lost_bytes and worth_guessing(text))
    ):
        return False
    # (Lowercased mojibake, ``cafã©``, only in a text with no capital: one C-level test
    # decides most text, French ``café\xa0!`` and all, before a search.)
    return not (config.encodings and text.islower() and _LOWERCASED.search(text))


def _repair_block(text: str, config: Config) -> Result:
    """Repair one block of text, or decide with one scan that no rule has anything to do."""
    if left_as_is(text, config):
        return Result(text, ())
    return run_rules(text, config)


def run_rules(text: str, config: Config) -> Result:
    """Repair one block of text by running the rules:

    1. Undo lossless damage (code pages, CJK code pages, entities, BOM residue), one layer
       a pass, until nothing changes or ``config.max_passes`` is reached; first with the
       spaces that stand for no-break spaces inside that damage restored, if there are any.
    2. Guess what lost bytes stood for; guesses below ``config.min_confidence`` are not
       applied but reported in ``Result.unapplied``.
    3. Normalize, if asked.
    """
    restored = None
    if config.encodings and config.lost_bytes:
        restored = _with_spaces_restored(text, config) or _with_dropped_bytes_restored(text, config)
    changes, current = restored or _undo_layers(text, [], text, config)
    unapplied: list[Change] = []
    if config.encodings and config.lost_bytes:
        guessed = current
        changes, current, unapplied = _guess_lost_bytes(text, changes, current, config)
        if current != guessed:
            # Once some lost bytes are put back, the rest read beside repaired words (``ë``
            # before ``구`` just repaired is ``도``): a second look, as another call would.
            changes, current, unapplied = _guess_lost_bytes(text, changes, current, config)
    if config.normalization is not None:
        edits = _normalization_edits(current, config.normalization)
        if edits:
            changes, current = compose_changes(text, changes, current, edits)
            unapplied = []
    return Result(current, tuple(changes), tuple(unapplied))


# A space where UTF-8 read through Windows-1251 had the byte A0: after a lead of two bytes
# (``Р `` for ``Р``, D0 A0; then another sequence: ``Р С’`` is ``Рђ``, two layers of ``А``),
# or after a lead of three and a continuation (``вЂ `` for ``†``).
_CP1251_CONTINUATIONS = (
    bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore").replace("\xa0", "")
)
_CP1251_LEADS2 = bytes(range(0xC2, 0xE0)).decode("cp1251")
_CP1251_LEADS3 = bytes(range(0xE0, 0xF0)).decode("cp1251")
# (A sequence whose A0 is a space too: ``Р вЂ Р Р…`` is ``РІРЅ``, two layers of ``Ін``.)
_CP1251_SEQUENCE = (
    f"[{_CP1251_LEADS2}][ {_CP1251_CONTINUATIONS}]"
    f"|[{_CP1251_LEADS3}][{_CP1251_CONTINUATIONS}][ {_CP1251_CONTINUATIONS}]"
)
_SPACED_LEAD = re.compile(
    f"(?:[{_CP1251_LEADS2}]|[{_CP1251_LEADS3}][{_CP1251_CONTINUATIONS}]) (?={_CP1251_SEQUENCE})"
)
_SPACED_A0 = re.compile(
    f"(?<=[{_CP1251_LEADS2}]) |(?<=[{_CP1251_LEADS3}][{_CP1251_CONTINUATIONS}]) "
)
# That many, at least, make the hypothesis worth a try.
_SPACED_LEADS = 2


def _with_spaces_restored(text: str, config: Config) -> tuple[list[Change], str] | None:
    """The lossless repair of ``text`` with its spaces that stand for the byte A0 made
    no-break spaces again, if it takes in every one of them: mojibake through Windows-1251,
    twice, whose no-break spaces were then made spaces (``Р С’Р С”РЎвЂ Р С‘РЎРЏ`` for
    ``Акция``; ``Р С—Р С•`` for ``по``), a shape common on the web."""
    if len(_SPACED_LEAD.findall(text)) < _SPACED_LEADS:
        return None
    edits = [Edit(m.start(), m.end(), "\xa0", "lost-nbsp", 0.9) for m in _SPACED_A0.finditer(text)]
    return _restored(text, config, edits, "\xa0")


def _restored(
    text: str, config: Config, edits: list[Edit], *restored: str
) -> tuple[list[Change], str] | None:
    """The lossless repair of ``text`` after ``edits`` put back characters a decoder lost,
    if it takes in every one of them (no more of ``restored`` are left than ``text`` had)."""
    if not edits:
        return None
    changes, current = compose_changes(text, [], text, edits)
    changes, current = _undo_layers(text, changes, current, config)
    if any(current.count(char) > text.count(char) for char in restored):
        return None  # one left over: not the damage supposed
    if current == applied(text, edits):
        return None  # nothing undone
    return changes, current


# A second or third layer of cp1252 mojibake (``Ã¢`` is ``â`` again, ``Ãƒ`` is ``Ã``) where a
# reader dropped the byte 9D, which Windows-1252 leaves undefined, or showed it as ``�``:
# the inner layer's ``”`` (E2 80 9D) is left ``â€`` (``Ã¢â‚¬â€ `` for ``—``, whose ``â€”``
# was read again), its C1 control 9D is left ``Â`` (``Ã¢ÂÅ’`` for ``❌``, E2 9D 8C). Or where
# a no-break space became a space: after ``â€`` (``†``, E2 80 A0; ``Ãƒâ€ Ã¢â‚¬â„¢`` is ``Ã``
# four layers deep) or ``Â`` (``ÃƒÂ  l’`` is ``à l’``), a space before a space or before a
# Latin-1 letter or sign, which a word does not start with. (Not before ``?``: that is the
# byte 9D where a reader showed undefined bytes as ``?``, ``â€?`` for ``”``.)
_SECOND_LAYER = re.compile("Ã¢|Ãƒ")
_CP1252_CONTINUATIONS = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
_CP1252_CONTINUATION_CLASS = re.escape(_CP1252_CONTINUATIONS) + "\x80-\x9f"
_LOST_IN_LAYERS = re.compile(
    f"(?:â€|Â)(?:(?P<a0> )(?=[ \u00a0-\u00ff])|\ufffd|(?![{_CP1252_CONTINUATION_CLASS}?]))"
)


def _with_dropped_bytes_restored(text: str, config: Config) -> tuple[list[Change], str] | None:
    """The lossless repair of ``text`` with the bytes put back that a layer of cp1252
    mojibake lost, if it takes in every one put back (see ``_LOST_IN_LAYERS``). Where the
    lost byte may be any of several (``ÃƒÂ nh`` is ``ành``, C3 A0, its A0 made a space, as
    well as ``Ý nh``, C3 9D, its 9D dropped; ``ChÃƒÂ`` may be ``Chí``, C3 AD, whose soft
    hyphen was dropped), each is decided in turn by the text it makes."""
    if not _SECOND_LAYER.search(text):
        return None
    sites: list[list[Edit]] = []
    layered = _layered_spans(text, config)
    for match in _LOST_IN_LAYERS.finditer(text):
        end = match.end()
        if any(start < end and match.start() < stop for start, stop in layered):
            continue
        if match.group("a0"):
            sites.append([Edit(end - 1, end, "\xa0", "lost-nbsp", 0.9)])
        elif match.group().endswith("\ufffd"):
            sites.append([Edit(end - 1, end, "\x9d", "lost-qmark", 0.9)])
        else:
            options = [
                Edit(end - 1, end, text[end - 1] + byte, "lost-c1", 0.9) for byte in "\x9d\xad"
            ]
            if text[end : end + 1] == " ":
                options.append(Edit(end, end + 1, "\xa0", "lost-nbsp", 0.9))
            sites.append(options)
    chosen = [options[0] for options in sites]
    best = _restored(text, config, chosen, *_PUT_BACK)
    if len(sites) > _MOST_SITES_DECIDED or all(len(options) == 1 for options in sites):
        return best
    language = guess_language(best[1] if best is not None else text)
    score = -math.inf if best is None else score_text(best[1], language)
    for index, options in enumerate(sites):
        for option in options[1:]:
            trial = [*chosen[:index], option, *chosen[index + 1 :]]
            found = _restored(text, config, trial, *_PUT_BACK)
            if found is None:
                continue
            value = score_text(found[1], language)
            if value > score + _OTHER_BYTE_MARGIN:
                best, chosen, score = found, trial, value
    return best


_PUT_BACK = ("\x9d", "\xa0", "\xad")
# How much better (log10) the text must read for another byte than the first candidate.
_OTHER_BYTE_MARGIN = 1.0
# Beyond this many places where a byte was lost, each takes its first candidate.
_MOST_SITES_DECIDED = 8


# A UTF-8 lead read through cp1252 and a ``?`` for its undefined next byte, still short of a
# continuation byte: the character after it is that byte (``å?Œ`` is ``同``, E5 90 8C).
_QMARKED_LEAD = re.compile(f"(?:[\u00e0-\u00ef]|[\u00f0-\u00f4][{_CP1252_CONTINUATION_CLASS}]?)\\?")


def _not_inside_qmarked(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits`` without those that start inside a sequence whose undefined byte is shown as
    ``?``: its continuation byte, read with the next character through another code page,
    is no damage of its own (``Œæ`` after ``å?`` is no Mac Roman ``ξ``)."""
    if "?" not in text:
        return edits
    inside = {match.end() for match in _QMARKED_LEAD.finditer(text)}
    return [edit for edit in edits if edit.start not in inside]


def _undo_layers(
    text: str, changes: list[Change], current: str, config: Config
) -> tuple[list[Change], str]:
    """Undo lossless damage in ``current`` (``text`` after ``changes``, in the same case),
    one layer a pass, until nothing changes or ``config.max_passes`` is reached."""
    for done in range(config.max_passes):
        legacy = not any(_read_utf8(change.rule) for change in changes)
        edits = _propose(
            current, config, config.max_passes - done, as_it_came=not done, try_legacy=legacy
        )
        edits = outside_spans(
            edits, _layered_spans(current, config) + _emoji_spans(current, config)
        )
        if not edits:
            break
        changes, current = compose_changes(text, changes, current, edits)
    return changes, current


def _emoji_spans(text: str, config: Config) -> list[tuple[int, int]]:
    """The spans of emoji whose variation selector lost a byte (``â�¤ï¸�`` for ``❤️``):
    no lossless repair reads a part of them (``¤ï`` is no ``ϋ`` of cp850); the lost-byte
    guesses decide them whole."""
    if not config.lost_bytes:
        return []
    return [(edit.start, edit.end) for edit in find_emoji_repairs(text)]


def _layered_spans(text: str, config: Config) -> list[tuple[int, int]]:
    """The spans of UTF-8 read as Latin-1 twice whose C1 controls were then dropped
    (``ÃÂ©`` for ``é``, ``Ã¢ÂÂ`` for ``“``): no lossless repair reads a part of them (the
    ``Ã¢`` of ``Ã¢ÂÂ`` is no ``â``); the lost-byte guesses decide them whole."""
    if not config.lost_bytes or "Ã" not in text or "Â" not in text:
        return []
    return [(unit.start, unit.end) for unit in layered_units(text)]


def _read_utf8(rule: str) -> bool:
    """Whether a change undid UTF-8 read through a code page (``cp1252``, ``gbk+cp1252``)."""
    return any(part in _UTF8_READINGS for part in rule.split("+"))


def _guess_lost_bytes(
    text: str, changes: list[Change], current: str, config: Config
) -> tuple[list[Change], str, list[Change]]:
    """Guess what lost bytes stood for in ``current`` (``text`` after ``changes``): the
    changes and the text with the sure guesses applied, and the unsure ones."""
    c1_left = _C1.search(current) is not None
    # (Entities decoded are no sign that bytes were lost: ``&#171;`` beside Russian
    # ``В этом`` does not make its ``В `` a no-break space that lost a byte.)
    damaged = c1_left or any(change.rule != entities.RULE for change in changes)
    guesses = (
        find_lost_byte_repairs(
            current,
            config,
            _pages_of(changes),
            _repaired_spans(changes),
            c1_kept=_c1_kept(changes, c1_left),
        )
        if damaged or worth_guessing(current)
        else []
    )
    guesses = demote_unsupported(current, guesses, damaged)
    sure = [g for g in guesses if g.confidence >= config.min_confidence]
    unsure = [g for g in guesses if g.confidence < config.min_confidence]
    if sure:
        changes, current = compose_changes(text, changes, current, sure)
        # Offsets of the unsure guesses were taken before the sure ones were applied.
        unsure = _shift(unsure, sure)
    unapplied = [
        Change(g.start, g.end, current[g.start : g.end], g.after, g.rule, g.confidence)
        for g in unsure
    ]
    return changes, current, unapplied


def _pages_of(changes: list[Change]) -> tuple[str, ...]:
    """The code pages the lossless repairs went through, each once, in order."""
    return tuple(dict.fromkeys(change.rule for change in changes if change.rule in _PAGE_NAMES))


def _c1_kept(changes: list[Change], c1_left: bool) -> frozenset[int]:
    """The bytes 80–9F that the text shows it kept: all of them where a C1 control is left
    in it (``c1_left``) or stood in a repair through Latin-1 (a Latin-1 reader keeps them all), the
    27 cp1252 defines where a repair through cp1252 undid one of its characters (``€``
    ``„`` …)."""
    if c1_left:
        return _ALL_C1
    kept: frozenset[int] = frozenset()
    for change in changes:
        if change.rule.split("+")[0] != "cp1252":
            continue
        if _C1.search(change.before):
            return _ALL_C1
        if _CP1252_C1.search(change.before):
            kept = _CP1252_DEFINED
    return kept


_ALL_C1 = frozenset(range(0x80, 0xA0))
_CP1252_DEFINED = frozenset(b for b in _ALL_C1 if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
_CP1252_C1 = re.compile("[" + re.escape(bytes(sorted(_CP1252_DEFINED)).decode("cp1252")) + "]")
_PAGE_NAMES = frozenset(page.name for page in codepages.CODE_PAGES)
_UTF8_READINGS = _PAGE_NAMES | {name for _, name in cjk.CJK_CODECS}


def _repaired_spans(changes: list[Change]) -> tuple[tuple[int, int], ...]:
    """Where the text the changes (sorted, on the input) put in stands in the output."""
    spans = []
    delta = 0
    for change in changes:
        start = change.start + delta
        spans.append((start, start + len(change.after)))
        delta += len(change.after) - (change.end - change.start)
    return tuple(spans)


def _shift(edits: list[Edit], applied: list[Edit]) -> list[Edit]:
    """``edits`` (sorted) moved past the ``applied`` ones (sorted); those overlapping them
    are dropped."""
    shifted = []
    delta = 0
    index = 0
    for edit in edits:
        while index < len(applied) and applied[index].end <= edit.start:
            delta += len(applied[index].after) - (applied[index].end - applied[index].start)
            index += 1
        if index < len(applied) and applied[index].start < edit.end:
            continue
        shifted.append(edit._replace(start=edit.start + delta, end=edit.end + delta))
    return shifted


# A character that may combine with what precedes it, and the run of non-ASCII text it
# belongs to: normalization never changes ASCII on its own.
_NON_ASCII_RUN = re.compile(r".?[^\x00-\x7f]+", re.DOTALL)


def _normalization_edits(text: str, form: Normalization) -> list[Edit]:
    """Edits that normalize ``text`` to ``form``, one per changed run."""
    if text.isascii() or unicodedata.is_normalized(form, text):
        return []
    edits = []
    for match in _NON_ASCII_RUN.finditer(text):
        normal = unicodedata.normalize(form, match.group())
        if normal != match.group():
            edits.append(Edit(match.start(), match.end(), normal, f"normalize-{form}", 1.0))
    return edits


def _propose(
    text: str, config: Config, layers: int, *, as_it_came: bool, try_legacy: bool = True
) -> list[Edit]:
    """Repairs of one layer of damage (of up to ``layers`` for the same code page twice);
    ``as_it_came`` in the first pass, where the case of the text is as it came. With
    ``try_legacy`` off (after UTF-8 mojibake was undone), legacy readings are not tried."""
    edits: list[Edit] = []
    if config.encodings:
        # Mojibake lowercased or uppercased whole is undone in the first pass only (a
        # repair, ``í`` before a repaired ``”``, may take the same shape), and its sequences
        # go first: ``ð½ð½``, ``нн``, also reads as ``ЫЫ`` through cp850; ``Â€™``, ``’``
        # in capitals, as ``¤™`` through ISO 8859-15.
        if as_it_came:
            edits = find_lowercased_repairs(text) or find_uppercased_repairs(text)
        edits = merge_edits(edits, find_bom_residue(text))
        if _code_page_scan().search(text):
            edits = merge_edits(
                edits, _not_inside_qmarked(text, find_codepage_repairs(text, layers))
            )
        edits = merge_edits(edits, find_cjk_repairs(text))
        edits = merge_edits(edits, find_c1_controls(text))
        edits = merge_edits(edits, find_stripped_repairs(text))
    if config.entities:
        edits = merge_edits(edits, find_entity_repairs(text))
    if config.legacy and not edits and try_legacy:
        # Last, and only where nothing else applies: any pair of legacy code pages turns
        # any text into some other text, so it needs the most evidence. Not after UTF-8
        # mojibake was undone: what it left (``“ä¸国â€``, UTF-8 that lost bytes) is no
        # legacy text.
        edits = find_legacy_repairs(text)
    elif config.legacy and try_legacy and max(edit.confidence for edit in edits) < _SURE_SEQUENCE:
        # Only unsure repairs of a few sequences, each a word's piece (``¬Ґ`` is ``¢``
        # through Mac Cyrillic): legacy text whose bytes happened to form them is read whole
        # (``§\xa0¬Ґ\xad\xa0`` is ``замена``, cp866 read as cp1251), if it reads better.
        edits = _legacy_instead(text, edits)
    elif config.legacy and _DOUBLE_BYTE_SHAPE.search(applied(text, edits)):
        # Double-byte text read as Latin-1 (``ÕâÊÇÎÒÓÃÀ´²âÊÔµÄ``) holds pairs that look like
        # UTF-8 mojibake here and there, and stays a run of Latin-1 once they are repaired:
        # a legacy reading of the whole run that takes in every such repair, and reads
        # better than they do, replaces them.
        edits = _legacy_if_better(text, edits)
    return [edit for edit in edits if edit.confidence >= config.min_confidence]


# Six characters of the upper half of Latin-1 or Windows-1252 in a row, the shape of GBK,
# EUC-KR, Big5 or Shift_JIS text read as Latin-1 or Windows-1252 (``‚·‚é‚½`` is ``するた``).
_DOUBLE_BYTE_SHAPE = re.compile(
    "[\u0080-\u009f\u00a1-\u00ff"
    + re.escape(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
    + "]{6}"
)


# A repair of UTF-8 mojibake at least this sure is taken over any legacy reading.
_SURE_SEQUENCE = 0.9


def _legacy_instead(text: str, edits: list[Edit]) -> list[Edit]:
    """The legacy reading of ``text`` in place of ``edits``, where it takes in every one
    of them and reads better; else ``edits``. Only where the text still looks damaged with
    them made (UTF-8 mojibake, once repaired, does not)."""
    if not legacy.DAMAGE_SIGNS.search(applied(text, edits)):
        return edits
    return _legacy_if_better(text, edits)


def _legacy_if_better(text: str, edits: list[Edit]) -> list[Edit]:
    """The legacy reading of ``text`` where it takes in every one of ``edits`` and reads
    better than they do; else ``edits``."""
    legacy_edits = find_legacy_repairs(text)
    if not legacy_edits or not _covers(legacy_edits, edits):
        return edits
    start, end = legacy_edits[0].start, legacy_edits[-1].end
    if _cost(text, legacy_edits, start, end) < _cost(text, edits, start, end, lost=True):
        return legacy_edits
    return edits


def _covers(outer: list[Edit], inner: list[Edit]) -> bool:
    return all(any(o.start <= i.start and i.end <= o.end for o in outer) for i in inner)


def _cost(text: str, edits: list[Edit], start: int, end: int, *, lost: bool = False) -> int:
    """The plausibility cost of ``text[start:end]`` once ``edits`` (sorted, inside) apply.
    With ``lost``, UTF-8 lead bytes left alone between the repaired letters (``اÙÙÙا``, whose
    second bytes were C1 controls, dropped) are left out: the lost-byte rule, run later, is
    theirs, and they are no sign that the repairs are wrong."""
    repaired = applied(text, edits, start, end)
    if lost:
        repaired = _LONE_LEAD.sub("", repaired)
    return text_cost(repaired)


# A UTF-8 lead byte read as Latin-1 beside a letter beyond Latin-1, with no continuation
# byte after it; or a lead of three bytes or four that kept fewer continuation bytes than
# it needs (``ä¸`` for ``中``, E4 B8 AD, whose soft hyphen AD was lost; ``â€`` for ``”``):
# beside ``“`` and ``国`` repaired, ``â€œä¸å›½â€`` is no GBK read as cp1252.
_LONE_LEAD = re.compile(
    "(?<=[\u0100-\uffff])[\u00c2-\u00f4]+(?![\u0080-\u00bf])|[\u00c2-\u00f4]+(?=[\u0100-\uffff])"
    f"|[\u00e0-\u00ef][{_CP1252_CONTINUATION_CLASS}](?![{_CP1252_CONTINUATION_CLASS}])"
    f"|[\u00f0-\u00f4][{_CP1252_CONTINUATION_CLASS}]{{1,2}}(?![{_CP1252_CONTINUATION_CLASS}])"
)
