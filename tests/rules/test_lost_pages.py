"""Lost bytes of UTF-8 read through code pages other than Latin-1 and Windows-1252."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.config import Config
from fixtext.rules.lost import find_lost_byte_repairs
from fixtext.rules.lost_utf8 import LATIN1, byte_of, find_byte_units, reading_of

CONFIG = Config()


def through(text: str, codec: str, errors: str = "replace") -> str:
    """``text`` as UTF-8 read through ``codec``."""
    return text.encode("utf-8").decode(codec, errors=errors)


def test_reading_maps_characters_through_its_page() -> None:
    cp1250 = reading_of("cp1250")
    cp1251 = reading_of("cp1251")
    assert cp1250 is not None and cp1251 is not None
    assert byte_of("Ă", cp1250) == 0xC3
    assert byte_of("Г", cp1251) == 0xC3
    assert byte_of("Ă") is None  # no Latin-1 or Windows-1252 byte
    assert 0x81 in cp1250.undefined and 0x98 in cp1251.undefined
    assert reading_of("cp1252") is LATIN1


def test_replaced_byte_completes_the_lead_of_its_page() -> None:
    cp1250 = reading_of("cp1250")
    assert cp1250 is not None
    [unit] = find_byte_units("Ă\ufffdfrica", [0], cp1250)
    assert (unit.start, unit.end) == (0, 2)
    assert "Á" in [char for char, _ in unit.candidates]
    # The same characters through Latin-1 are no sequence.
    assert find_byte_units("Ă\ufffdfrica", [0]) == []


def test_spanish_through_cp1250_with_a_replaced_byte() -> None:
    # From the wild: Á is C3 81, and 81 is undefined in Windows-1250.
    clean = "Europa, Asia, África, Norte, América Central y del Sur, Australia y Oceanía"
    damaged = through(clean, "cp1250")
    assert "Ă\ufffdfrica" in damaged
    assert fixtext.clean(damaged) == clean


def test_replaced_byte_without_other_repairs_follows_the_page_of_its_lead() -> None:
    clean = "Иван Петров живёт в Москве"
    damaged = "Р\ufffdван Петров живёт в Москве"  # И (D0 98) read as cp1251, 98 undefined
    edits = find_lost_byte_repairs(damaged, CONFIG)
    assert [(e.start, e.end, e.after) for e in edits] == [(0, 2, "И")]
    assert fixtext.clean(damaged) == clean


def test_french_a_grave_through_cp1251_with_the_no_break_space_lost() -> None:
    damaged = "La rГ©gion de Dnepropetrovsk se trouve Г lвЂ™ouest de lвЂ™Ukraine"
    expected = "La région de Dnepropetrovsk se trouve à l’ouest de l’Ukraine"
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("Tento klíč byl zavržen a je ignorován, načte knihovnu.", "cp1253"),
        ("Fișierul a fost salvat după închiderea ferestrei.", "cp1250"),
    ],
)
def test_undefined_bytes_of_the_page_become_letters(clean: str, codec: str) -> None:
    damaged = through(clean, codec)
    assert "\ufffd" in damaged
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Ăsta e un test: în ĂLBAC, Ăn și Ă sunt litere românești.",
        "Сегодня в Москве тепло, а в Питере дождь. Р и С — буквы.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy. Ă Ş Ţ",
    ],
)
def test_clean_letters_of_those_pages_stay(clean: str) -> None:
    assert fixtext.clean(clean) == clean


def test_everyday_letter_of_another_page_is_left_beside_repairs() -> None:
    # A Romanian Ă at the start of a word, in a text repaired through cp1250: no byte of
    # it is missing, and nothing marks it as damaged.
    damaged = "Ăsta e fiĹźierul: " + through("această", "cp1250")
    assert fixtext.clean(damaged).startswith("Ăsta e ")
