"""Mojibake whose ``Ã`` lost its tilde afterwards (``geA¯nspireerde``): one test per kind of
text it must repair, and text that looks alike and must stay."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.rules.stripped import find_stripped_repairs


def stripped(text: str) -> str:
    """UTF-8 read as Windows-1252, then every accent stripped: ``Ã`` becomes ``A``."""
    return text.encode("utf-8").decode("cp1252").replace("Ã", "A")


@pytest.mark.parametrize(
    "clean",
    [
        "animatie geïnspireerde tekeningen",
        "Der Schlüssel ist verlängert",
        "une crème brûlée au café",
        "la canción del niño",
        "Smörgåsbord på svenska",
    ],
)
def test_letters_of_a_stripped_lead_come_back(clean: str) -> None:
    damaged = stripped(clean)
    assert "A" in damaged and damaged != clean
    assert fixtext.clean(damaged) == clean


def test_the_repair_is_named_and_rated() -> None:
    result = fixtext.repair("LegaA¯a 2 Duel Saga")
    assert result.text == "Legaïa 2 Duel Saga"
    assert [(c.before, c.after, c.rule) for c in result.changes] == [("A¯", "ï", "stripped-cp1252")]
    assert 0 < result.changes[0].confidence < 1


@pytest.mark.parametrize(
    "text",
    [
        "a 2000 mA·h battery",  # ``÷`` (C3 B7) is no letter
        "ABA© and CA®",  # capitals around: no small letter before the ``A``
        "the mA° reading",  # one small letter before a sign ending the word
        "Current: 5 mA±2%",
        "PlanA¡ is no word, nor is it mojibake of one",
    ],
)
def test_an_a_beside_a_sign_that_is_no_stripped_lead_stays(text: str) -> None:
    assert fixtext.clean(text) == text


def test_nothing_to_do_without_the_shape() -> None:
    assert find_stripped_repairs("Ãa and A¯ alone, Ä¯") == []
