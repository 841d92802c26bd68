"""report.Report: the exit-code rule and the summary wording."""

from __future__ import annotations

import pytest

from fixtext.files.process import FileResult, Mode, Status
from fixtext.report import Report


def _report(mode: Mode, *statuses: Status) -> Report:
    report = Report(mode)
    for index, status in enumerate(statuses):
        report.add(
            FileResult(f"f{index}", status, change_count=2 if status is Status.CHANGED else 0)
        )
    return report


@pytest.mark.parametrize("mode", [Mode.REPORT, Mode.DIFF, Mode.CHECK])
def test_looking_modes_exit_1_on_damage(mode: Mode) -> None:
    assert _report(mode, Status.CLEAN, Status.CHANGED).return_code == 1
    assert _report(mode, Status.CLEAN, Status.SKIPPED).return_code == 0


def test_write_exits_0_when_everything_was_written() -> None:
    assert _report(Mode.WRITE, Status.CHANGED, Status.CLEAN, Status.SKIPPED).return_code == 0


@pytest.mark.parametrize("mode", list(Mode))
def test_a_failure_wins_over_everything(mode: Mode) -> None:
    assert _report(mode, Status.CHANGED, Status.FAILED, Status.CLEAN).return_code == 2


def test_summary_wording() -> None:
    report = _report(
        Mode.REPORT, Status.CHANGED, Status.CHANGED, *[Status.CLEAN] * 3, Status.SKIPPED
    )
    assert str(report) == "2 files would be repaired (4 changes), 3 files clean, 1 skipped"
    written = _report(Mode.WRITE, Status.CHANGED, Status.FAILED)
    assert str(written) == "1 file repaired (2 changes), 1 failed"
    assert str(Report(Mode.CHECK)) == "no files found"
