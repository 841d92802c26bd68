"""The examples table of docs/index.md says what ``clean`` does; it must keep saying the truth."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fixtext

INDEX = Path(__file__).resolve().parent.parent / "docs" / "index.md"
ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \| (.+) \|$")


def _examples() -> list[tuple[str, str]]:
    if not INDEX.exists():
        return []
    return [
        (match[1], match[2])
        for line in INDEX.read_text(encoding="utf-8").splitlines()
        if (match := ROW.match(line))
    ]


def test_the_table_is_found() -> None:
    if not INDEX.exists():
        pytest.skip("docs/index.md is not in this checkout")
    assert len(_examples()) >= 5


@pytest.mark.parametrize(("damaged", "repaired"), _examples())
def test_documented_example(damaged: str, repaired: str) -> None:
    assert fixtext.clean(damaged) == repaired
