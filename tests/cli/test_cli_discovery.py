"""Which files the command reads: .gitignore, globs, links, binaries, paths that fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import CLEAN, DAMAGED, REPAIRED, Fixtext, write


def test_gitignore_nested_and_dot_git(fixtext: Fixtext, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "COMMIT_EDITMSG", DAMAGED)
    write(tmp_path / ".gitignore", "build/\n*.log\n")
    write(tmp_path / "sub" / ".gitignore", "secret.txt\n!keep.log\n")
    for name in ("a.txt", "build/b.txt", "c.log", "sub/secret.txt", "sub/keep.log", "sub/d.txt"):
        write(tmp_path / name, DAMAGED)
    run = fixtext("--check", "-v", ".")
    assert run.out.splitlines() == ["a.txt", "sub/d.txt", "sub/keep.log"]
    assert "skipped build: ignored by .gitignore" in run.err
    assert "skipped sub/secret.txt: ignored by .gitignore" in run.err
    assert ".git" not in run.out + run.err.replace(".gitignore", "")


def test_gitignore_of_the_repository_applies_to_a_subfolder_given(
    fixtext: Fixtext, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "generated/\n")
    write(tmp_path / "docs" / "generated" / "x.txt", DAMAGED)
    write(tmp_path / "docs" / "y.txt", DAMAGED)
    run = fixtext("--check", "docs")
    assert run.out.splitlines() == ["docs/y.txt"]


def test_include_exclude_and_force_exclude(fixtext: Fixtext, tmp_path: Path) -> None:
    for name in ("a.md", "b.txt", "vendor/c.md"):
        write(tmp_path / name, DAMAGED)
    assert fixtext("--check", "--include", "*.md", ".").out.splitlines() == ["a.md", "vendor/c.md"]
    excluded = fixtext("--check", "--extend-exclude", "vendor/", ".")
    assert excluded.out.splitlines() == ["a.md", "b.txt"]
    # A file named explicitly is processed anyway, unless --force-exclude (pre-commit).
    named = ["--check", "--extend-exclude", "vendor/", "vendor/c.md"]
    assert fixtext(*named).out == "vendor/c.md\n"
    forced = fixtext(*named, "--force-exclude", "-v")
    assert (forced.code, forced.out) == (0, "")
    assert "excluded (--force-exclude)" in forced.err


def test_default_exclusions_can_be_replaced(fixtext: Fixtext, tmp_path: Path) -> None:
    write(tmp_path / "node_modules" / "x.txt", DAMAGED)
    assert fixtext("--check", ".").out == ""
    assert fixtext("--check", "--exclude", "nothing", ".").out == "node_modules/x.txt\n"


def test_binary_and_clean_files_stay_byte_identical(fixtext: Fixtext, tmp_path: Path) -> None:
    binaries = {
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "data.bin": b"caf\xc3\x83\xc2\xa9\x00\x00\x01\x02" * 10,  # mojibake, but NUL bytes
        "archive.zip": b"PK\x03\x04" + "donâ€™t".encode() * 5,
    }
    for name, content in binaries.items():
        write(tmp_path / name, content)
    write(tmp_path / "clean.txt", CLEAN)
    write(tmp_path / "damaged.txt", DAMAGED)
    before = {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in tmp_path.iterdir()
    }
    run = fixtext("--write", "-v", ".")
    assert run.code == 0
    for name in (*binaries, "clean.txt"):
        path = tmp_path / name
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before[name], name
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED
    skipped = [line for line in run.err.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3
    assert "1 file repaired (2 changes), 1 file clean, 3 skipped" in run.err


def test_symlink_out_of_the_tree_is_not_followed(fixtext: Fixtext, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "victim.txt", DAMAGED)
    tree = tmp_path / "tree"
    write(tree / "own.txt", DAMAGED)
    (tree / "link.txt").symlink_to(outside)
    (tree / "linked-folder").symlink_to(outside.parent, target_is_directory=True)
    run = fixtext("--write", "-v", "tree")
    assert run.code == 0
    assert outside.read_text(encoding="utf-8") == DAMAGED
    assert (tree / "link.txt").is_symlink()
    assert "skipped tree/link.txt: symbolic link (not followed)" in run.err
    assert (tree / "own.txt").read_text(encoding="utf-8") == REPAIRED


def test_a_symlink_given_explicitly_repairs_its_target_and_stays_a_link(
    fixtext: Fixtext, tmp_path: Path
) -> None:
    target = write(tmp_path / "target.txt", DAMAGED)
    (tmp_path / "link.txt").symlink_to("target.txt")
    assert fixtext("--write", "link.txt").code == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == REPAIRED


def test_hard_links_are_found_once_and_never_split(fixtext: Fixtext, tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", DAMAGED)
    os.link(first, tmp_path / "second.txt")
    check = fixtext("--check", "-v", ".")
    assert check.out == "first.txt\n"
    assert "second.txt: another name of first.txt" in check.err
    run = fixtext("--write", ".")
    assert run.code == 2
    assert "2 hard links" in run.err
    # Both names still share one, unchanged, file.
    assert first.stat().st_nlink == 2
    assert first.read_text(encoding="utf-8") == DAMAGED
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".fixtext-tmp")]


def test_missing_path_fails_but_other_files_are_done(fixtext: Fixtext, tmp_path: Path) -> None:
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--write", "missing.txt", "damaged.txt")
    assert run.code == 2
    assert "error: missing.txt: no such file or directory" in run.err
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_broken_symlink_given_fails_but_other_files_are_done(
    fixtext: Fixtext, tmp_path: Path
) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--write", "dangling.txt", "damaged.txt")
    assert run.code == 2
    assert "dangling.txt" in run.err
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_fifo_given_is_refused_without_blocking(fixtext: Fixtext, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--write", "pipe.txt", "damaged.txt")  # reading it would wait forever
    assert run.code == 2
    assert "pipe.txt: not a regular file" in run.err
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_fifo_inside_a_folder_is_skipped(fixtext: Fixtext, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--check", "-v", ".")
    assert (run.code, run.out) == (1, "damaged.txt\n")
    assert "skipped pipe: not a regular file" in run.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_fails_but_other_files_are_done(fixtext: Fixtext, tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", DAMAGED)
    locked.chmod(0)
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--write", ".")
    assert run.code == 2
    assert "locked.txt: Permission denied" in run.err
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_unreadable_folder_content_is_reported(fixtext: Fixtext, tmp_path: Path) -> None:
    # A path through a regular file cannot be read by anyone, root included.
    write(tmp_path / "file.txt", CLEAN)
    write(tmp_path / "damaged.txt", DAMAGED)
    run = fixtext("--write", "file.txt/inner.txt", "damaged.txt")
    assert run.code == 2
    assert "file.txt/inner.txt: not a directory" in run.err
    assert (tmp_path / "damaged.txt").read_text(encoding="utf-8") == REPAIRED
