"""Evidence for a lost-byte guess about a single letter.

``donât`` is ``don’t`` whose C1 bytes were dropped, and ``âWe`` is ``“We``; but ``MÄRKUS``
is Estonian, ``opzionâl`` Friulian, and nothing was lost there. When the text shows no other
damage, a guess that turns one letter into another character must make the word around it a
known word where it was not one; otherwise it is reported, not made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from fixtext.language import LATIN_LANGUAGES, is_common_word, rank_languages, word_zipf
from fixtext.model import Edit
from fixtext.rules.lost import (
    _ACCENTED_LANGUAGES,
    _EVIDENCE_SCAN,
    _LONE_SUSPECTS,
    _REAL_WORD_ZIPF,
    _SUSPECT_RE,
)
from fixtext.rules.lost_utf8 import stands_alone

__all__ = ["demote_unsupported", "worth_guessing"]

# How common the words of a repaired token must be, and the confidence of a guess without
# evidence: below any sensible ``min_confidence``, so reported rather than made.
_KNOWN_ZIPF = 2.5
_UNSUPPORTED_CONFIDENCE = 0.2
_SHOWN_DAMAGE_CONFIDENCE = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Opening quotation marks and dashes, and what a placeholder or a code starts with.
_OPENING = frozenset("‘‚“„–—")
_PLACEHOLDER_STARTS = frozenset("%$<[({#@&*_/\\")
_MARKS = frozenset("‘’‚“”„")
# ``”`` opens a quotation the Swedish way.
_OPENING_OR_RIGHT = frozenset("‘‚“„”")
_LEADING = "([{<«"
_QUOTED_CHARS = 40
_PREFIX_LETTERS = 1
_QUOTED_WORDS = 4
_TRAILING = ".,;:!?)]}>»"


def demote_unsupported(text: str, edits: list[Edit], damaged: bool) -> list[Edit]:
    """``edits`` with the unsupported single-letter guesses given a low confidence.

    ``damaged`` says whether the text shows other damage (repairs already made, replacement
    characters, C1 controls): then every guess keeps its confidence. So does a guess about
    more than a lone letter (a lead byte beside what is left of its sequence: ``ã¤`` for
    ``イ``), made with some confidence: ``ã`` alone between such guesses is ``ッ``.
    """
    if damaged or not any(_is_lone_letter(text[e.start : e.end]) for e in edits):
        return edits
    if any(
        e.confidence >= _SHOWN_DAMAGE_CONFIDENCE and not _is_lone_letter(text[e.start : e.end])
        for e in edits
    ):
        return edits
    languages = [code for code, _ in rank_languages(text)[:2]]
    paired = _paired_quotes(text, edits)
    kept = []
    for edit in edits:
        # (A letter for a ``�`` of legacy text read as UTF-8 is supported by the ``�``.)
        if (
            edit.rule != "lost-replaced"
            and _is_lone_letter(text[edit.start : edit.end])
            and not _supported(text, edit, edits, languages, paired)
        ):
            edit = edit._replace(confidence=min(edit.confidence, _UNSUPPORTED_CONFIDENCE))
        kept.append(edit)
    return kept


def worth_guessing(text: str) -> bool:
    """Whether, in ``text`` with no other damage, a lost-byte guess could be made: looked at
    before the guessing, which costs a word search per suspect letter, where Vietnamese
    ``Quân``, Friulian ``colegâts`` or Portuguese ``OPÇÃO`` are written so throughout.
    Mirrors what :func:`demote_unsupported` and the lost-byte rule ask for, erring on the
    side of guessing."""
    if "\ufffd" in text or _EVIDENCE_SCAN.search(text):
        return True
    positions = [match.start() for match in _SUSPECT_RE.finditer(text)]
    if sum(1 for position in positions if text[position] == "â") >= 2:
        return True  # two quotation marks may frame a quotation
    for position in positions:
        suspect = text[position]
        following = text[position + 1 : position + 2]
        if suspect == "â":
            if _dash_between_words(text, position):
                return True
            if following.isupper() or following.isdigit() or following in _PLACEHOLDER_STARTS:
                return True  # an opening quotation mark
            # Inside a word, only an apostrophe can make a known word (``donât``); a closing
            # mark ends no word, and needs a pair (above).
            if following.isalpha() and _apostrophe_word(_word_around(text, position)):
                return True
            continue
        if not following.isalpha() or (suspect.isupper() and _lower_before(text, position) > 1):
            return True  # a longer sequence, a lost no-break space; a capital inside a word
        word = _word_around(text, position)
        if "%" in text[position - len(word) - 1 : position] or not _common_accented_word(word):
            return True  # (a word the lost-byte rule keeps as it is makes no guess)
    return False


def _word_around(text: str, position: int) -> str:
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = position + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _lower_before(text: str, position: int) -> int:
    """Small letters before ``position`` in its word, across other suspect letters."""
    count = 0
    while position > 0 and (text[position - 1].islower() or text[position - 1] in _LONE_SUSPECTS):
        position -= 1
        count += text[position].islower() and text[position] not in _LONE_SUSPECTS
    return count


@lru_cache(maxsize=4096)
def _apostrophe_word(word: str) -> bool:
    """Whether ``word`` with an apostrophe for its ``â`` is a known word of any language, or
    an elided word of one or two letters before a known one of the same language (Catalan
    ``sâha`` is ``s’ha``), unless it is a word as it stands (Romanian ``câte``)."""
    candidate = word.replace("â", "'").lower()
    if any(word_zipf(candidate, code) >= _KNOWN_ZIPF for code in LATIN_LANGUAGES):
        return True
    return not _common_accented_word(word) and _elided(candidate, LATIN_LANGUAGES)


# (With their accented forms: ``d'ús``, ``l'època``.)
_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")


def _elided(word: str, languages: Sequence[str]) -> bool:
    """Whether ``word`` (in small letters) is an elision: a consonant, an apostrophe, and a
    known word that starts with a vowel or ``h``, both of one of ``languages`` (Catalan
    ``s'ha``, ``d'un``; not Friulian ``clâfs``)."""
    head, _, tail = word.partition("'")
    if not (
        len(head) == 1
        and head.isalpha()
        and head not in _VOWELS
        and len(tail) >= 2
        and tail.isalpha()
        and (tail[0] in _VOWELS or tail[0] == "h")
    ):
        return False
    return any(
        word_zipf(head, code) > 0 and word_zipf(tail, code) >= _KNOWN_ZIPF for code in languages
    )


@lru_cache(maxsize=4096)
def _common_accented_word(word: str) -> bool:
    """What the lost-byte rule keeps as a word (``SÃO``, ``MÄRKUS``): one written that way in
    a language whose letters look like lead bytes."""
    if len(word) < 2 or (not word.isascii() and not _latin(word)):
        return False
    if not (word.isupper() or word.islower() or word.istitle()):
        return False
    return any(is_common_word(word, code, _REAL_WORD_ZIPF) for code in _ACCENTED_LANGUAGES)


def _latin(word: str) -> bool:
    return all("A" <= c <= "\u024f" for c in word)


def _is_lone_letter(before: str) -> bool:
    """One letter, or one replacement character, standing for a whole character."""
    core = before.strip()
    return len(core) == 1 and (core == "\ufffd" or (core.isalpha() and not core.isascii()))


def _supported(
    text: str, edit: Edit, edits: list[Edit], languages: list[str], paired: set[Edit]
) -> bool:
    """Whether the token around ``edit``, with every guess inside it, shows the guess right:
    a quotation mark glued to a capital or to a placeholder (``âWe`` → ``“We``, ``â%sâ`` →
    ``‘%s’``, and the other guesses in that token), or a token that becomes a known word
    as a whole where it was none (``donât`` → ``don’t``; not ``specificât`` →
    ``specific’t``)."""
    start = edit.start
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = edit.end
    while end < len(text) and not text[end].isspace():
        end += 1
    inside = [e for e in edits if start <= e.start and e.end <= end]
    pieces = []
    position = start
    for other in inside:
        pieces.append(text[position : other.start] + other.after)
        position = other.end
    pieces.append(text[position:end])
    after = "".join(pieces)
    if any(_quote_at_edge(text, other) for other in inside):
        return True
    if (
        edit.after in "–—"
        and _dash_between_words(text, edit.start)
        and _known_around(text, edit.start, languages)
    ):
        return True
    lone = {other.start: other.after for other in inside if other.end == other.start + 1}
    if edit in paired or _capital_inside_word(text, edit, lone):
        return True
    guessed = edit.after.replace("’", "'")
    if not _known(after, languages, guessed):
        return False
    if not _known(text[start:end], languages, ""):
        return True
    # A token that was a word already is shown wrong only by a far commoner one, where the
    # byte A0 left a space of its own: ``Ã`` is in the word lists (of text that was itself
    # mojibake), ``à`` a thousand times over, and ``Ã  la`` has two spaces; but ``S Ã O``,
    # spaced capitals, is ``SÃO``.
    return (
        text[edit.start : edit.end].endswith(" ")
        and _zipf(after, languages) - _zipf(text[start:end], languages) >= _FAR_COMMONER
    )


# How much commoner (in zipf units, log10) a guess must make a token that was a word.
_FAR_COMMONER = 3.0


def _word_of(token: str) -> str:
    """The word of ``token``, less what surrounds its letters (``""`` if none)."""
    word = _WORD.search(token.replace("’", "'"))
    return "" if word is None else word.group()


def _zipf(token: str, languages: list[str]) -> float:
    """How common the word of ``token`` is, in the language where it is commonest."""
    word = _word_of(token)
    if not word:
        return 0.0
    return max((word_zipf(word.lower(), code) for code in languages), default=0.0)


def _dash_between_words(text: str, position: int) -> bool:
    """Whether the ``â`` at ``position`` stands between two words, spaces around it: a
    dash (``the result â a surprise â was``): no language with a word list writes ``â`` as
    a word of its own (the lists hold it, but from text damaged this way; Welsh does, see
    :func:`_known_around`). Not after a letter alone, nor before one beyond ASCII (``a â
    b``, ``à â ä``: a list of letters).

    >>> _dash_between_words("Paris â London", 6), _dash_between_words("à â ä", 2)
    (True, False)
    """
    if text[position] != "â" or not stands_alone(text, position):
        return False
    before = text[:position].split()[-1:]
    after = text[position + 1 :].split()[:1]
    if not (before and after) or not all(
        any(char.isalnum() for char in word) for word in (before[0], after[0])
    ):
        return False
    return not before[0].isalpha() or (
        len(before[0]) > 1 and (len(after[0]) > 1 or after[0].isascii())
    )


def _known_around(text: str, position: int, languages: list[str]) -> bool:
    """Whether the words on both sides of ``text[position]`` are common in one of
    ``languages`` (numbers and placeholders aside): Welsh writes ``â`` as a word (``Peidio â
    gosod``, "do not set"), and has no word list to tell its text from others."""
    before = text[:position].split()[-1]
    after = text[position + 1 :].split()[0]
    for word in (before, after):
        letters = "".join(_WORD.findall(word))
        if letters and not any(is_common_word(letters, code, _KNOWN_ZIPF) for code in languages):
            return False
    return True


def _quote_at_edge(text: str, edit: Edit) -> bool:
    """A lone letter become an opening quotation mark or a dash before a capital, a digit
    or a placeholder (``âWe`` → ``“We``, ``â%s`` → ``‘%s``): a shape no word has. (Closing
    marks are judged with the opening one in their token: Friulian ``lampâ.`` is a word.)"""
    if edit.after not in _OPENING or edit.end >= len(text):
        return False
    following = text[edit.end]
    return following.isupper() or following.isdigit() or following in _PLACEHOLDER_STARTS


def _capital_inside_word(text: str, edit: Edit, guessed: dict[int, str]) -> bool:
    """A capital lead byte inside a lower-case word become a small letter (``siÄ`` →
    ``się``, ``PrzeÅÄczenie`` → ``Przełączenie``, crossing the letters guessed before it):
    no word is written with its capital there. One letter before it may be a prefix
    (Irish ``hÉireann``)."""
    if not (text[edit.start].isupper() and edit.after.islower()):
        return False
    index = edit.start
    intact = 0
    while index > 0 and guessed.get(index - 1, text[index - 1]).islower():
        index -= 1
        intact += text[index].islower()  # guesses alone do not vouch for each other
    return intact > _PREFIX_LETTERS


def _paired_quotes(text: str, edits: list[Edit]) -> set[Edit]:
    """Guessed quotation marks that open and close a short quotation together (``âwindowâ``
    → ``“window”``, ``â)â`` → ``‘)’``, ``âam iâ`` → ``„am i“``): a word may start or end with
    ``â``, but two of them hardly frame a few words that way."""
    marks = [e for e in edits if e.after in _MARKS]
    paired: set[Edit] = set()
    for first, last in pairwise(marks):
        if first.after not in _OPENING_OR_RIGHT or last.start <= first.end:
            continue
        before = text[first.start - 1] if first.start > 0 else " "
        after = text[last.end] if last.end < len(text) else " "
        if not (before.isspace() or before in _LEADING):
            continue
        if not (after.isspace() or after in _TRAILING):
            continue
        quoted = text[first.end : last.start]
        if quoted != quoted.strip() or "\n" in quoted or len(quoted) > _QUOTED_CHARS:
            continue
        if len(quoted.split()) <= _QUOTED_WORDS:
            paired.update((first, last))
    return paired


def _known(token: str, languages: list[str], guessed: str) -> bool:
    """Whether ``token``, less what surrounds its letters, is a known word as a whole, with
    the ``guessed`` character inside it (``mol”`` holds the word ``mol``, but the guess is
    no part of it)."""
    word = _word_of(token)
    if guessed not in word:
        return False
    return _zipf(word, languages) >= _KNOWN_ZIPF or (
        guessed == "'" and _elided(word.lower(), languages)
    )
