"""Real mojibake from public bug reports and web pages, one test per case.

The cases live in ``tests/data/real_cases.json``. Each has ``label``, ``source`` (the page it was
found on), ``original`` (the text as it appears there), ``fixed`` (the correct text), ``damage``
(what went wrong) and ``verified`` (how the correct text is known: stated in the report, or a
codec round trip). A clean case has ``fixed == original`` and must come back unchanged.

Cases fixtext does not solve yet are listed in ``KNOWN_GAPS`` with what it returns instead. They
are strict expected failures: a change that solves one makes its test fail until the case is
taken off the list, so progress is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fixtext import clean

CASES_FILE = Path(__file__).parent / "data" / "real_cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
FIELDS = {"label", "source", "original", "fixed", "damage", "verified"}

# Real cases fixtext gets wrong today, each with what it returns instead.
KNOWN_GAPS: dict[str, str] = {
    "Dutch words with ë turned into U+26B4 then mojibaked": (
        "returns 'Offici⚴le gecre⚴erde': undoes the cp1252 layer only, to U+26B4 instead of ë"
    ),
    "Hebrew page heading, ISO-8859-8 text read as KOI8-R": (
        "unchanged: Hebrew 8-bit text read as KOI8-R not repaired"
    ),
    "Japanese source comment, Shift_JIS read as cp1252 with its undefined bytes dropped": (
        "returns 'ビュ[で敵を…デ[タを曹ｫ桙ﾞル[チン': read as Shift_JIS with the bytes as they"
        " are; ー lost its 81 (leaving '['), 書き込 its 8F and 8D"
    ),
    "Japanese and IPA in a copied Wikipedia paragraph, quotes straightened": (
        "unchanged: 'ã'' (け with 0x81 lost, ‘ straightened) and 'Ê'' (ʑ) not repaired"
    ),
    "French wine name, MacRoman then utf-8/cp1252 (two layers), supermarket label": (
        "unchanged: a Mac Roman layer under a cp1252 one ('Å½' is '½', é in Mac Roman) is not"
        " undone"
    ),
    "Bulgarian sentence, cp1251 read as cp1257 (charset-normalizer misdetection)": (
        "returns 'Bńåźč човек има право…': the first word, whose 'B' is a Latin letter in the"
        " report's text too, reads as no Bulgarian word and stays"
    ),
    "Thai username, cp874 read as cp1250": (
        "unchanged: cp874 text read as cp1250 is not among the legacy pairs"
    ),
    "Emoji in a README heading, utf-8 read as cp1252 with 0x8F lost": (
        "unchanged: the lost byte of an emoji has several candidates (🍗 🏗 🐗) and no"
        " frequencies to choose"
    ),
    "Hebrew word in a blog post, 0x9D byte lost": (
        "returns 'שלא': the more frequent word of the two the lost byte allows (שלם is meant)"
    ),
    "Chinese greeting, utf-8 shown in a cp1256 console, 0xA0 as space": (
        "unchanged: spaces are taken for the byte A0 only in cp1251 mojibake"
    ),
    "Persian sentence saved as cp1256, read as cp1252, with گ (0x90) lost": (
        "returns 'مييره' for 'ميگيره': the character cp1252 dropped (undefined 0x90) is not"
        " put back in legacy text; the rest is repaired"
    ),
    "Japanese Pokémon name, UTF-16LE bytes read as latin-1": "unchanged: UTF-16 is not handled",
    "Hebrew word, utf-8 bytes sign-extended into halfwidth forms (Java byte to char), search"
    " plugin": "unchanged: bytes shown as U+FF80–U+FFFF (a signed byte made a char) are not read",
    "Korean alert message, utf-8 script read as EUC-KR by the browser, with U+FFFD for invalid"
    " pairs, postcode widget": (
        "only '로딩' repaired: most characters lost two bytes of three to the U+FFFD"
    ),
    "Portuguese (Brazil) city name, MacRoman ç (0x8D, undefined in cp1252) shown as ?, COVID"
    " data CSV": "unchanged: a '?' inside a word of legacy text is not guessed",
    "Portuguese (Brazil) city name, MacRoman í read as cp1252 right quote, COVID data CSV": (
        "unchanged: 'Mar’lia' reads as a word with an apostrophe"
    ),
    "Japanese button label in HTML, utf-8 read as cp932, invalid pair replaced by ・ and"
    " re-encoded, eating the <": "unchanged: the cp932 round trip that ate '<' is not undone",
    "Japanese button label in HTML, same cp932 round trip damage (last kanji and < corrupted)": (
        "unchanged: the cp932 round trip that ate '<' is not undone"
    ),
    "Hindi name in a chart title, utf-8 read as cp1252, last byte (¸) cut off, astrology"
    " app": "returns 'माना', a common word the cut byte allows; the name 'मानस' is meant",
}


def case_params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case["label"] in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(reason=KNOWN_GAPS[case["label"]], strict=True))
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


def test_real_cases_file_is_well_formed() -> None:
    """Every case has the six fields and a label of its own; every known gap names a case."""
    labels = [case["label"] for case in CASES]
    assert len(labels) == len(set(labels)), "labels must be unique: they name the tests"
    for case in CASES:
        assert set(case) == FIELDS, case["label"]
        assert case["source"].startswith(("http://", "https://")), case["label"]
        if case["damage"] == "clean":
            assert case["original"] == case["fixed"], case["label"]
    assert set(KNOWN_GAPS) <= set(labels), set(KNOWN_GAPS) - set(labels)


@pytest.mark.parametrize("case", case_params())
def test_real_case(case: dict[str, Any]) -> None:
    """The text as found in the wild is repaired to the correct text, exactly."""
    assert clean(case["original"]) == case["fixed"]
