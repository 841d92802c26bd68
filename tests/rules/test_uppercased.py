"""Windows-1252 mojibake that was then uppercased, and what is not that."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.rules.uppercased import RULE, find_uppercased_repairs


def read_as_cp1252(text: str) -> str:
    """UTF-8 read as Windows-1252, the five bytes it leaves undefined read as Latin-1."""
    return "".join(
        bytes([byte]).decode("cp1252", errors="replace").replace("\ufffd", chr(byte))
        for byte in text.encode("utf-8")
    )


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # A charge in a register of capitals (Recidiviz/recidiviz-data#461): ``â€¹`` made
        # ``Â€¹``, which ISO 8859-15 reads as ``¤¹``.
        ("DUI (BAC .10 - Â€¹ .16; SECOND OFFENSE)", "DUI (BAC .10 - ‹ .16; SECOND OFFENSE)"),
        ("OÂ€™BRIEN Â€“ DUBLIN", "O’BRIEN – DUBLIN"),
        # ``œ`` of ``â€œ`` made ``Œ`` (8C): ``“`` (E2 80 9C), not U+200C (E2 80 8C).
        ("THE Â€ŒBESTÂ€\x9d PLAN", "THE “BEST” PLAN"),
        # Vietnamese: ``á`` (E1) made ``Á`` (C1), never a lead as it stands.
        ("CHÁ»¨NG NHÁº¬N", "CHỨNG NHẬN"),
        # A lead of four bytes and its three continuations: ``ðŸ˜€`` made ``ÐŸ˜€``.
        ("ÐŸ˜€ PARTY", "😀 PARTY"),
        # ``š œ ž µ`` made ``Š Œ Ž Μ``: ``Ãœ`` (Ü) reads as ``Ì`` as it stands, but only
        # ``GRÜNE`` is a word; ``Μ`` is no continuation as it stands at all.
        ("GRÃŒNE Ã„PFEL", "GRÜNE ÄPFEL"),
        ("ÐŸÑ€Ð¸Ð²ÐΜÑ‚", "Привет"),
    ],
)
def test_uppercased_mojibake_is_repaired(damaged: str, expected: str) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    "text",
    [
        "John’s Â€™",  # small letters: the text was not uppercased
        "CAFÉ «À» ÀS 10",
        "ÉŠ ÚŠ ÀÑ",
        "MIA ΜΙΑ ΑΜΑ",
        "ÓÀ»»",
    ],
)
def test_what_is_no_uppercased_mojibake_is_left(text: str) -> None:
    assert find_uppercased_repairs(text) == []


@pytest.mark.parametrize(
    "clean",
    [
        "DON’T STOP “NOW” – O’BRIEN",
        "CHỨNG NHẬN — TỐT…",
        "GRÜNE ÄPFEL • MÜNCHEN",
        "PREIS 10 € ™",
        "😀 PARTY 🎉",
    ],
)
def test_capitals_read_as_cp1252_then_uppercased_come_back(clean: str) -> None:
    damaged = read_as_cp1252(clean).upper()
    assert damaged != read_as_cp1252(clean)  # the uppercasing changed the mojibake
    assert fixtext.clean(damaged) == clean


def test_the_rule_is_reported() -> None:
    result = fixtext.repair("OÂ€™BRIEN")
    assert [change.rule for change in result.changes] == [RULE]
