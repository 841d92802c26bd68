"""Hand-written repair cases from ``tests/data/cases.json``, one test per case.

Each case has ``label``, ``comment``, ``original``, ``fixed`` and ``expect``. A ``pass`` case
must come out exactly as ``fixed`` (a negative case has ``fixed == original``). A ``fail`` case
is a known failure: it is expected to fail, strictly, so that an improvement gets noticed
and the case promoted to ``pass``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fixtext import apply_changes, clean, repair

CASES_FILE = Path(__file__).parent / "data" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))


def case_params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(reason=case["comment"] or "known failure", strict=True))
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


def test_cases_file_is_well_formed() -> None:
    """Every case has the five fields, a known `expect`, and a label of its own."""
    labels = [case["label"] for case in CASES]
    assert len(labels) == len(set(labels)), "labels must be unique: they name the tests"
    for case in CASES:
        assert set(case) == {"label", "comment", "original", "fixed", "expect"}, case["label"]
        assert case["expect"] in ("pass", "fail"), case["label"]


@pytest.mark.parametrize("case", case_params())
def test_case(case: dict[str, Any]) -> None:
    """The case's original text is repaired to its fixed text, exactly."""
    assert clean(case["original"]) == case["fixed"]


@pytest.mark.parametrize("case", case_params())
def test_case_changes_replay(case: dict[str, Any]) -> None:
    """The changes reported for the case replay to the repaired text, and a clean text
    reports none."""
    result = repair(case["original"])
    assert apply_changes(case["original"], result.changes) == result.text
    assert result.text == case["fixed"]
    if case["original"] == case["fixed"]:
        assert result.changes == ()
