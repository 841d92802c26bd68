"""``worth_guessing`` skips the lost-byte search in text with no other damage only where no
guess could be made: it must never hide one that would be."""

from __future__ import annotations

import json

import pytest
from corpora import corpus_path

from fixtext.config import Config
from fixtext.rules.lost import find_lost_byte_repairs
from fixtext.rules.lost_evidence import demote_unsupported, worth_guessing

_CONFIG = Config()


def _made(text: str) -> list[str]:
    guesses = demote_unsupported(text, find_lost_byte_repairs(text, _CONFIG), damaged=False)
    return [g.after for g in guesses if g.confidence >= _CONFIG.min_confidence]


@pytest.mark.parametrize(
    "text",
    [
        "She said: âWe agree.",
        "donât do it",
        "Ãcole",
        "siÄ",
        "â%sâ",
        "Die STRAÃE ist lang",
        "The result â a surprise â was good",
        "Paris â London",
        # An elision: a consonant, ``â`` for the apostrophe, a word from a vowel or ``h``.
        "no sâha pogut obrir el fitxer",
        "crea dâun fitxer",
    ],
)
def test_texts_with_support_are_worth_guessing(text: str) -> None:
    assert _made(text)
    assert worth_guessing(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sultanât dal Oman",
        "Trần Ngọc Quân",
        "Il profîl doprât",
        "pes clâfs di gjenar",  # (Friulian; ``cl'fs`` is no elision)
        "OPÇÃO",
        "Åland",
        # A list of letters: ``â`` between letters alone is one of them, not a dash.
        "Lettres : a â b",
        "à â ä",
        # A capital ending a word before French typography's no-break space: É A0 is ``ɠ``.
        "DÉCONSEILLÉ\u00a0: cette clé est déconseillée et ignorée.",
    ],
)
def test_clean_words_are_not_worth_guessing(text: str) -> None:
    assert not worth_guessing(text)
    assert not _made(text)


def test_a_lead_before_a_no_break_space_is_evidence_where_it_makes_an_everyday_letter() -> None:
    # ``Å\u00a0`` is Š (C5 A0), ``Ã\u00a0`` is à; ``É\u00a0`` would be ``ɠ``, and French
    # puts a no-break space after a word in capitals before ``:`` (see above).
    assert worth_guessing("Å\u00a0koda Octavia")
    assert worth_guessing("voilÃ\u00a0 tout")
    assert not worth_guessing("DÉCONSEILLÉ\u00a0: voir la note")


def test_no_guess_is_skipped_on_the_dev_set() -> None:
    """Wherever ``worth_guessing`` says no, the search would have made nothing."""
    path = corpus_path("dev-mojibake", "dev.jsonl")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    skipped = 0
    for row in rows:
        for text in (row["input"], row["clean"]):
            if not text.isascii() and not worth_guessing(text):
                skipped += 1
                assert not _made(text), row["id"]
    assert skipped > 1000
