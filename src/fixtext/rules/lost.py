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

import re
from collections.abc import Sequence

from fixtext.rules.lost_words import dictionary_beam as _dictionary_beam

from fixtext.config import Config
from fixtext.language import char_logprob, guess_language, score_text
from fixtext.model import Edit
from fixtext.rules.lost_cjk import find_cjk_repairs
from fixtext.rules.lost_punctuation import choose_punctuation, quote_style
from fixtext.rules.lost_utf8 import ByteUnit, find_byte_units

__all__ = ["find_lost_byte_repairs"]

# The one search clean text pays: a UTF-8 lead byte seen as Latin-1 (``Ã``, ``â``, ``Ñ``…)
# or a replacement character. Anything else has no lost-byte candidate.
_CANDIDATE_RE = re.compile("[\u00c2-\u00f4\ufffd]")
_LEAD_RE = re.compile("[\u00c2-\u00f4]")
# Lone lead bytes worth a look even when nothing else in the text looks damaged; other
# accented letters (``é`` ``è`` ``ü``) are taken for mojibake only beside stronger evidence.
_LONE_SUSPECTS = frozenset("ÂÃÄÅÈÎÏÐÑâ")

# log10 head start of the text as it is over any repair of it.
_KEEP_BONUS = 1.0
_BEAM_WIDTH = 12
_OPTIONS_PER_UNIT = 10

Choice = tuple[str, int] | None


def find_lost_byte_repairs(text: str, config: Config) -> list[Edit]:
    """Propose repairs of lost-byte damage in ``text``, sorted and non-overlapping.

    Edits below ``config.min_confidence`` are returned too, for reporting.

    >>> [edit.after for edit in find_lost_byte_repairs("She said: âWe agree.", Config())]
    ['“']
    >>> find_lost_byte_repairs("Ça coûte cher, à mon âge.", Config())
    []
    """
    if not config.lost_bytes or _CANDIDATE_RE.search(text) is None:
        return []
    cjk_edits = find_cjk_repairs(text)
    taken = [(edit.start, edit.end) for edit in cjk_edits]
    units = [
        unit
        for unit in find_byte_units(text, [m.start() for m in _LEAD_RE.finditer(text)])
        if not any(start < unit.end and unit.start < end for start, end in taken)
    ]
    units = _plausible_units(text, units)
    if not units:
        return sorted(cjk_edits)
    language = guess_language(_tentative_repair(text, units))
    style = quote_style(text, language)
    edits = list(cjk_edits)
    for cluster, (window_start, window_end) in _clusters(text, units):
        edits.extend(_decide(text, window_start, window_end, cluster, language, style))
    return sorted(edits)


def _plausible_units(text: str, units: list[ByteUnit]) -> list[ByteUnit]:
    """Drop units that only a text full of mojibake would make plausible, unless it is."""
    strong = sum(1 for unit in units if _is_strong(text, unit))
    if strong >= 2:
        return units
    return [unit for unit in units if _is_strong(text, unit) or text[unit.start] in _LONE_SUSPECTS]


def _is_strong(text: str, unit: ByteUnit) -> bool:
    """A unit with a continuation byte beside its lead (``Ã¥``, ``å³``, ``Ð?``) or a space
    taken for ``A0``: clean text rarely has a lead-byte letter followed by such a symbol."""
    return unit.end - unit.start > 1 and text[unit.start + 1] != " "


def _tentative_repair(text: str, units: Sequence[ByteUnit]) -> str:
    """The text with every unit replaced by its first candidate: enough to see its script."""
    parts: list[str] = []
    position = 0
    for unit in units:
        char, end = unit.candidates[0]
        parts.append(text[position : unit.start])
        parts.append(char)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _clusters(
    text: str, units: list[ByteUnit]
) -> list[tuple[list[ByteUnit], tuple[int, int]]]:
    """Group units whose words touch: they are decided together."""
    clusters: list[tuple[list[ByteUnit], tuple[int, int]]] = []
    for unit in units:
        start = _word_start(text, unit.start)
        end = _word_end(text, unit.end)
        if clusters and start < clusters[-1][1][1]:
            members, (first, _) = clusters[-1]
            clusters[-1] = ([*members, unit], (first, max(end, clusters[-1][1][1])))
        else:
            clusters.append(([unit], (start, end)))
    return clusters


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _decide(
    text: str,
    window_start: int,
    window_end: int,
    units: list[ByteUnit],
    language: str | None,
    style: str,
) -> list[Edit]:
    options = [_options(text, unit, language, style) for unit in units]
    keep: tuple[Choice, ...] = tuple(None for _ in units)
    beams: list[tuple[Choice, ...]] = [()]
    for index, unit_options in enumerate(options):
        grown = [
            (*beam, option)
            for beam in beams
            for option in (None, *unit_options)
            if _fits(beam, option, units, index)
        ]
        scored = [
            (_score(text, window_start, window_end, units, beam, language), beam)
            for beam in grown
        ]
        scored.sort(key=lambda item: item[0], reverse=True)
        beams = [beam for _, beam in scored[:_BEAM_WIDTH]]
    guessed = _dictionary_beam(text, window_start, window_end, units, language)
    if guessed is not None and guessed not in beams:
        beams.append(guessed)
    finals = {beam: _score(text, window_start, window_end, units, beam, language) for beam in beams}
    finals[keep] = _score(text, window_start, window_end, units, keep, language) + _KEEP_BONUS
    best = max(finals, key=lambda beam: finals[beam])
    if best == keep:
        return []
    top = finals[best]
    confidence = 1.0 / sum(10 ** (score - top) for score in finals.values())
    edits = []
    for unit, choice in zip(units, best):
        if choice is not None:
            edits.append(Edit(unit.start, choice[1], choice[0], unit.rule, round(confidence, 3)))
    return edits


def _fits(beam: tuple[Choice, ...], option: Choice, units: list[ByteUnit], index: int) -> bool:
    """A candidate that swallows a space must not run into the next unit."""
    if option is None or index + 1 >= len(units):
        return True
    return option[1] <= units[index + 1].start


def _options(text: str, unit: ByteUnit, language: str | None, style: str) -> list[tuple[str, int]]:
    if text[unit.start] == "â" and unit.end - unit.start == 1:
        chosen = choose_punctuation(text, unit.start, unit.end, style)
        return [(chosen, unit.end)]
    if len(unit.candidates) <= _OPTIONS_PER_UNIT:
        return list(unit.candidates)
    ranked = sorted(
        unit.candidates,
        key=lambda candidate: _char_score(candidate[0], language),
        reverse=True,
    )
    return ranked[:_OPTIONS_PER_UNIT]


def _score(
    text: str,
    window_start: int,
    window_end: int,
    units: list[ByteUnit],
    beam: tuple[Choice, ...],
    language: str | None,
) -> float:
    parts: list[str] = []
    position = window_start
    for unit, choice in zip(units, beam):
        if choice is None:
            continue
        parts.append(text[position : unit.start])
        parts.append(choice[0])
        position = choice[1]
    parts.append(text[position:window_end])
    return score_text("".join(parts), language)


def _char_score(char: str, language: str | None) -> float:
    if char.isalpha():
        return char_logprob(char, language)
    return score_text(char, language)
