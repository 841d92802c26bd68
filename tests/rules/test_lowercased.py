"""UTF-8 read as cp1252 and then lowercased, and the clean text that looks like it."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.rules.lowercased import find_lowercased_repairs


def lowercased_mojibake(text: str) -> str:
    """``text`` as UTF-8 read as cp1252 (Latin-1 where cp1252 has no character), lowercased."""
    shown = []
    for byte in text.encode("utf-8"):
        try:
            shown.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            shown.append(chr(byte))
    return "".join(shown).lower()


@pytest.mark.parametrize(
    "clean",
    [
        "čau čtrnáct čtyři",  # Czech stop words (a C1 control kept: č is C4 8D)
        "crème brûlée",
        "привет мир",  # Ð¿ lowercased is ð¿: F0, a four-byte lead
        "και το",  # Greek: Î is CE, î EE
        "zażółć gęślą jaźń",
        "“это” — новое",  # whole three-byte punctuation around it
        "emoji 😀 and café",  # 😀 is F0 9F 98 80: Ÿ (9F) lowercases to ÿ
    ],
)
def test_lowercased_mojibake_is_repaired(clean: str) -> None:
    damaged = lowercased_mojibake(clean)
    assert damaged != clean and not any(c.isupper() for c in damaged)
    assert fixtext.clean(damaged) == clean


def test_the_repair_is_reported_with_its_rule() -> None:
    result = fixtext.repair("crã¨me brã»lã©e")
    assert result.text == "crème brûlée"
    assert {change.rule for change in result.changes} == {"lowercased-cp1252"}
    assert [change.before for change in result.changes] == ["ã¨", "ã»", "ã©"]


def test_one_sequence_needs_a_known_word() -> None:
    assert fixtext.clean("the cafã© is open") == "the café is open"
    # One sequence in a word no language knows is no evidence.
    assert find_lowercased_repairs("the zqxã© is open") == []


@pytest.mark.parametrize(
    "text",
    [
        "Crã¨me brã»lã©e",  # a capital: the text was not lowercased
        "non è… così",  # è then an ellipsis: Italian
        "«café» à€ 20",
        "«cafè» e «tè»",
        "ã€‚と",  # whole UTF-8 as it stands: the code page rules' (。)
        "já» e só»",
        "l·lega è·l",
    ],
)
def test_clean_or_other_damage_is_not_taken(text: str) -> None:
    edits = find_lowercased_repairs(text)
    assert edits == []


def test_a_lone_latin1_sign_rides_along_only() -> None:
    # ``â`` and a continuation alone: UTF-8 punctuation with its middle byte dropped reads
    # the same (``â¹300`` is ``₹300``), and no evidence of lowercasing.
    assert find_lowercased_repairs("a â© b â® c") == []
    edits = find_lowercased_repairs("cafã© â© crã¨me")
    assert [e.after for e in edits] == ["é", "©", "è"]


def test_capitals_repaired_elsewhere_do_not_make_a_text_lowercased() -> None:
    # ``Â£5`` has a capital: its ``â¹300`` is ``₹300`` with a byte lost, not ``Â¹``.
    damaged = "Â£5 or â¹300"
    assert fixtext.clean(damaged) == "£5 or ₹300"


def c1_dropped(text: str) -> str:
    """``text`` as UTF-8 read as Latin-1, with the C1 controls (bytes 80–9F) dropped."""
    return "".join(c for c in text.encode("utf-8").decode("latin-1") if not "\x80" <= c <= "\x9f")


@pytest.mark.parametrize("clean", ["트레이 아이콘의", "도구 설명 내용"])
def test_korean_with_c1_dropped_reads_as_no_modifier_letter_nor_mark(clean: str) -> None:
    # ``ë\xa0`` (of 레, EB A0 88) and ``ì´`` (of 이, EC 9D B4) put back in upper case are
    # CB A0 and CC B4: the modifier letter ˠ and the combining U+0334, no letters of a text.
    damaged = c1_dropped(clean)
    assert damaged.islower()
    assert not [e for e in find_lowercased_repairs(damaged) if not e.after.isalpha()]
    assert not [e for e in find_lowercased_repairs(damaged) if "\u02b0" <= e.after <= "\u036f"]


def test_japanese_with_c1_dropped_is_no_lowercased_text() -> None:
    # ``%lld`` glues ASCII letters to the damage, as Latin words would; but the leads
    # side by side (``ãã``) are no lowercased sequences: C1 bytes were dropped.
    damaged = c1_dropped("インデックス%lldは有効範囲0..%lldの間にありません")
    assert damaged.islower() and "ãã" in damaged
    assert find_lowercased_repairs(damaged) == []
    assert not any(c in fixtext.clean(damaged) for c in "äóïù")
