"""Every mode of the command and its exit code, on real files in a temporary folder."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_helpers import CLEAN, DAMAGED, REPAIRED, Fixtext, write


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "damaged.txt", DAMAGED)
    write(tmp_path / "clean.txt", CLEAN)
    return tmp_path


def test_report_lists_each_change_and_changes_nothing(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext(".")
    assert run.code == 1
    # "We donâ€™t": the damage starts at the 7th character of line 1, "cafÃ©" at the 21st.
    assert "damaged.txt:1:7: â€™ → ’ (cp1252, " in run.out
    assert "damaged.txt:1:21: Ã© → é (" in run.out
    assert "clean.txt" not in run.out
    assert "1 file would be repaired (2 changes), 1 file clean" in run.err
    assert (tree / "damaged.txt").read_text(encoding="utf-8") == DAMAGED


def test_check_prints_only_the_names_of_damaged_files(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext("--check", ".")
    assert (run.code, run.out) == (1, "damaged.txt\n")
    assert (tree / "damaged.txt").read_text(encoding="utf-8") == DAMAGED


def test_diff_is_a_unified_diff_that_patch_applies(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext("--diff", "damaged.txt")
    assert run.code == 1
    assert run.out.startswith("--- a/damaged.txt\n+++ b/damaged.txt\n@@ -1 +1 @@\n")
    assert f"-{DAMAGED}+{REPAIRED}" in run.out
    if shutil.which("patch") is None:
        pytest.skip("the patch program is not installed")
    subprocess.run(["patch", "-p1", "--quiet"], input=run.stdout, cwd=tree, check=True)
    assert (tree / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_write_repairs_and_a_second_run_finds_nothing(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext("--write", ".")
    assert run.code == 0
    assert "1 file repaired (2 changes), 1 file clean" in run.err
    assert (tree / "damaged.txt").read_text(encoding="utf-8") == REPAIRED
    assert (tree / "clean.txt").read_text(encoding="utf-8") == CLEAN
    again = fixtext("--check", ".")
    assert (again.code, again.out) == (0, "")
    assert "2 files clean" in again.err


@pytest.mark.parametrize("mode", [[], ["--check"], ["--diff"], ["-w"]])
def test_clean_files_exit_zero_in_every_mode(
    fixtext: Fixtext, tmp_path: Path, mode: list[str]
) -> None:
    write(tmp_path / "clean.txt", CLEAN)
    run = fixtext(*mode, ".")
    assert (run.code, run.out) == (0, "")


def test_quiet_drops_the_summary(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext("-q", "--check", ".")
    assert (run.code, run.out, run.err) == (1, "damaged.txt\n", "")


def test_no_path_is_a_usage_error(fixtext: Fixtext) -> None:
    run = fixtext()
    assert run.code == 2
    assert "no path given" in run.err
    assert "usage: fixtext" in run.err


def test_two_modes_at_once_are_a_usage_error(fixtext: Fixtext, tree: Path) -> None:
    run = fixtext("--check", "--diff", ".")
    assert run.code == 2
    assert "not allowed with argument" in run.err


def test_version(fixtext: Fixtext) -> None:
    run = fixtext("--version")
    assert run.code == 0
    assert run.out.startswith("fixtext ")


def test_json_document(fixtext: Fixtext, tree: Path) -> None:
    write(tree / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    run = fixtext("--format", "json", ".", "missing.txt")
    document = json.loads(run.out)
    assert run.code == document["exit_code"] == 2  # the missing path
    files = {entry["path"]: entry for entry in document["files"]}
    assert files["clean.txt"]["status"] == "clean"
    damaged = files["damaged.txt"]
    assert (damaged["status"], damaged["encoding"], damaged["change_count"]) == (
        "changed",
        "utf-8",
        2,
    )
    for change in damaged["changes"]:
        # Offsets point into the file's text, and line/column agree with them.
        assert DAMAGED[change["start"] : change["end"]] == change["before"]
        assert change["line"] == 1 and change["column"] == change["start"] + 1
    # The reason is the decoder's, which names the format.
    assert document["skipped"] == [
        {
            "path": "image.png",
            "reason": "the bytes are a PNG image, not text (its signature says so)",
        }
    ]
    assert [error["path"] for error in document["errors"]] == ["missing.txt"]
    assert document["summary"] == {
        "changed": 1,
        "clean": 1,
        "changes": 2,
        "skipped": 1,
        "failed": 1,
    }


def test_line_and_column_count_lines_before_the_damage(fixtext: Fixtext, tmp_path: Path) -> None:
    write(tmp_path / "notes.md", "# Title\n\nfirst line\n  two spaces then cafÃ©\n")
    run = fixtext("notes.md")
    # 18 characters before "caf", so "Ã" is the 22nd character of the 4th line.
    assert "notes.md:4:22: Ã© → é" in run.out


def test_parallel_and_serial_runs_agree(fixtext: Fixtext, tmp_path: Path) -> None:
    for index in range(12):
        write(tmp_path / f"dir{index % 3}" / f"f{index}.txt", DAMAGED if index % 2 else CLEAN)
    serial, parallel = fixtext("-j1", "."), fixtext("-j4", ".")
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out
    assert serial.out.count("→") == 12  # six damaged files, two changes each
    assert fixtext("-j0", ".").code == 2


def test_color_always_and_never(fixtext: Fixtext, tree: Path) -> None:
    assert "\033[" in fixtext("--color", "always", "damaged.txt").out
    assert "\033[" not in fixtext("--color", "never", "damaged.txt").out
    # Output to a pipe is never coloured by default, NO_COLOR or not.
    assert "\033[" not in fixtext("damaged.txt").out
