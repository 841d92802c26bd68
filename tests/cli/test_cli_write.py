"""files.write: the temporary file, the atomic swap, and the refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixtext.errors import UnsafeWriteError
from fixtext.files.write import AtomicWriter, DigestingReader, FileStamp


def _stamp(path: Path) -> FileStamp:
    return FileStamp.of(os.stat(path))


def _temp_files(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.endswith(".fixtext-tmp")]


def test_commit_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    with AtomicWriter(path, _stamp(path)) as writer:
        writer.write(b"new\r\n")
        # Until the commit, the original is untouched and the new content is elsewhere.
        assert path.read_bytes() == b"old\r\n"
        assert len(_temp_files(tmp_path)) == 1
        writer.commit()
    assert path.read_bytes() == b"new\r\n"
    assert path.stat().st_mode & 0o7777 == 0o640
    assert _temp_files(tmp_path) == []


def test_leaving_without_commit_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicWriter(path, _stamp(path)) as writer:
        writer.write(b"half")
        raise RuntimeError("interrupted")
    assert path.read_bytes() == b"old"
    assert _temp_files(tmp_path) == []


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with AtomicWriter(path, _stamp(path)) as writer:
        writer.write(b"new")
        path.write_bytes(b"someone else's edit")
        with pytest.raises(UnsafeWriteError, match="changed on disk"):
            writer.commit()
    assert path.read_bytes() == b"someone else's edit"
    assert _temp_files(tmp_path) == []


def test_same_size_and_time_but_other_content_is_caught_by_the_digest(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    stamp = _stamp(path)
    with path.open("rb") as handle:
        reader = DigestingReader(handle)
        reader.read()
    with AtomicWriter(path, stamp) as writer:
        writer.write(b"new")
        path.write_bytes(b"odd")  # same size, then the same modification time
        os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))
        with pytest.raises(UnsafeWriteError):
            writer.commit(reader.digest())
    assert path.read_bytes() == b"odd"


def test_hard_linked_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.link(path, tmp_path / "b.txt")
    with pytest.raises(UnsafeWriteError, match="2 hard links"):
        AtomicWriter(path, _stamp(path))
    assert _temp_files(tmp_path) == []


def test_backup_keeps_the_old_content(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    (tmp_path / "a.txt.bak").write_bytes(b"older backup")
    with AtomicWriter(path, _stamp(path), backup_suffix=".bak") as writer:
        writer.write(b"new")
        writer.commit()
    assert (path.read_bytes(), (tmp_path / "a.txt.bak").read_bytes()) == (b"new", b"old")
