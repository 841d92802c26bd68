"""files.walk on small trees: what it yields and why it skips the rest."""

from __future__ import annotations

import os
from pathlib import Path

from fixtext.files.walk import Selection, walk


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")


def _walk(
    paths: list[Path], selection: Selection
) -> tuple[list[str], dict[str, str], dict[str, str]]:
    skipped: dict[str, str] = {}
    errors: dict[str, str] = {}
    found = walk(
        paths,
        selection,
        lambda path, reason: skipped.__setitem__(path.as_posix(), reason),
        lambda path, message: errors.__setitem__(path.as_posix(), message),
    )
    return [path.as_posix() for path in found], skipped, errors


def test_yields_files_sorted_and_never_enters_dot_git(tmp_path: Path) -> None:
    _touch(tmp_path, "b.txt", "a/z.txt", "a/b/c.txt", ".git/config", ".github/ci.yml")
    files, skipped, errors = _walk([tmp_path], Selection(tmp_path))
    relative = [Path(f).relative_to(tmp_path).as_posix() for f in files]
    assert relative == [".github/ci.yml", "a/b/c.txt", "a/z.txt", "b.txt"]
    assert (skipped, errors) == ({}, {})


def test_is_lazy(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt", "b.txt")
    skipped: list[str] = []
    generator = walk(
        [tmp_path], Selection(tmp_path), lambda path, _: skipped.append(path.name), print
    )
    first = next(iter(generator))
    assert first.name == "a.txt"
    (tmp_path / "b.txt").unlink()  # removed after the walk started: skipped, no crash
    assert list(generator) == []
    assert skipped == ["b.txt"]


def test_nested_gitignore_can_re_include(tmp_path: Path) -> None:
    _touch(tmp_path, "x.log", "sub/y.log", "sub/keep.log", "sub/deeper/z.log")
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("!keep.log\n", encoding="utf-8")
    files, skipped, _ = _walk([tmp_path], Selection(tmp_path))
    assert [Path(f).name for f in files] == [".gitignore", ".gitignore", "keep.log"]
    assert skipped[(tmp_path / "sub/deeper/z.log").as_posix()] == "ignored by .gitignore"


def test_gitignore_can_be_turned_off(tmp_path: Path) -> None:
    _touch(tmp_path, "x.log")
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    files, _, _ = _walk([tmp_path], Selection(tmp_path, gitignore=False))
    assert [Path(f).name for f in files] == [".gitignore", "x.log"]


def test_exclude_matches_folders_and_anchored_patterns(tmp_path: Path) -> None:
    _touch(tmp_path, "docs/a.txt", "src/docs/b.txt", "c.txt")
    selection = Selection(tmp_path, exclude=("/docs/",))
    files, skipped, _ = _walk([tmp_path], selection)
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["c.txt", "src/docs/b.txt"]
    assert skipped == {(tmp_path / "docs").as_posix(): "excluded"}


def test_include_applies_to_found_files_not_to_named_ones(tmp_path: Path) -> None:
    _touch(tmp_path, "a.md", "b.txt")
    selection = Selection(tmp_path, include=("*.md",))
    files, skipped, _ = _walk([tmp_path, tmp_path / "b.txt"], selection)
    assert [Path(f).name for f in files] == ["a.md", "b.txt"]
    assert skipped == {(tmp_path / "b.txt").as_posix(): "not included"}


def test_each_inode_once(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    files, skipped, _ = _walk([tmp_path, tmp_path / "a.txt"], Selection(tmp_path))
    assert [Path(f).name for f in files] == ["a.txt"]
    assert len(skipped) == 2  # b.txt in the folder, a.txt named again


def test_symlinks_in_folders_are_reported_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path, "outside/secret.txt", "tree/own.txt")
    (tmp_path / "tree" / "loop").symlink_to(tmp_path / "tree", target_is_directory=True)
    (tmp_path / "tree" / "out").symlink_to(tmp_path / "outside", target_is_directory=True)
    files, skipped, _ = _walk([tmp_path / "tree"], Selection(tmp_path / "tree"))
    assert [Path(f).name for f in files] == ["own.txt"]
    assert set(skipped.values()) == {"symbolic link (not followed)"}


def test_missing_paths_are_errors(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nothing")
    _, _, errors = _walk([tmp_path / "nope", tmp_path / "dangling"], Selection(tmp_path))
    assert set(errors) == {(tmp_path / "nope").as_posix(), (tmp_path / "dangling").as_posix()}


def test_patterns_apply_outside_the_root_too(tmp_path: Path) -> None:
    _touch(tmp_path, "elsewhere/node_modules/x.txt", "elsewhere/y.txt")
    selection = Selection(tmp_path / "root", exclude=("node_modules/",))
    files, _, _ = _walk([tmp_path / "elsewhere"], selection)
    assert [Path(f).name for f in files] == ["y.txt"]
