"""Writing a repaired file back without ever leaving it half-written.

The new content goes to a temporary file in the same folder (so the rename stays on one
file system), is flushed to disk, and replaces the original with one atomic
:func:`os.replace`; the folder is then flushed so the rename itself survives a crash. A
process killed at any moment leaves the old content or the new, never a mix, plus at worst
a stray ``.NAME.*.fixtext-tmp`` file.

The temporary file gets the original's permission bits (and owner, when running as root)
before it replaces the original. The original is not replaced when it changed on disk
while it was being processed (size, modification time, inode, or content), and a file
with several hard links is refused: a rename would split the names into two files, and
writing in place could leave a half-written file if interrupted. That file is reported,
and left exactly as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from fixtext.errors import UnsafeWriteError

__all__ = [
    "CONTENT_CHECK_LIMIT",
    "AtomicWriter",
    "DigestingReader",
    "FileStamp",
]

# Up to this size the original is read again just before it is replaced, to catch an edit
# that kept the size and modification time; above it only the stamp is compared, since
# reading gigabytes twice costs more than that rare case is worth.
CONTENT_CHECK_LIMIT = 64 << 20
_TEMP_SUFFIX = ".fixtext-tmp"


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies a file's version on disk, to notice it changing under us."""

    size: int
    mtime_ns: int
    inode: int
    device: int
    mode: int
    links: int
    uid: int
    gid: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStamp:
        return cls(
            info.st_size,
            info.st_mtime_ns,
            info.st_ino,
            info.st_dev,
            info.st_mode,
            info.st_nlink,
            info.st_uid,
            info.st_gid,
        )

    def same_version(self, other: FileStamp) -> bool:
        return (self.size, self.mtime_ns, self.inode, self.device) == (
            other.size,
            other.mtime_ns,
            other.inode,
            other.device,
        )


class DigestingReader:
    """A binary stream that hashes what is read through it, to compare with the disk later."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._hash = hashlib.blake2b(digest_size=32)

    def read(self, size: int = -1, /) -> bytes:
        data = self._stream.read(size)
        self._hash.update(data)
        return data

    def digest(self) -> bytes:
        return self._hash.digest()


def _digest_of(path: Path) -> bytes:
    digest = hashlib.blake2b(digest_size=32)
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.digest()


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # some systems cannot open folders; the rename is done regardless
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class AtomicWriter:
    """Collects the new content of ``path`` in a temporary file, then swaps it in.

    Use as a context manager: leaving the block without :meth:`commit` (an exception, or
    nothing to change) removes the temporary file and leaves the original untouched.
    """

    def __init__(self, path: Path, stamp: FileStamp, backup_suffix: str | None = None) -> None:
        if stamp.links > 1:
            raise UnsafeWriteError(
                f"{path} has {stamp.links} hard links; replacing it would split them and "
                "writing in place is not crash-safe, so it was not written"
            )
        self.path = path
        self.stamp = stamp
        self.backup_suffix = backup_suffix
        descriptor, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=_TEMP_SUFFIX, dir=path.parent
        )
        self.temp_path = Path(temp_name)
        self._file = os.fdopen(descriptor, "wb")
        self._committed = False
        os.fchmod(descriptor, stat.S_IMODE(stamp.mode))
        if os.geteuid() == 0:
            with contextlib.suppress(OSError):
                os.fchown(descriptor, stamp.uid, stamp.gid)

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def commit(self, digest: bytes | None = None) -> None:
        """Replace the original, if it is still the version that was read.

        ``digest`` is the hash of the content read (see :class:`DigestingReader`).
        """
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._check_unchanged(digest)
        if self.backup_suffix:
            self._make_backup()
        os.replace(self.temp_path, self.path)
        self._committed = True
        _fsync_folder(self.path.parent)

    def _check_unchanged(self, digest: bytes | None) -> None:
        try:
            now = FileStamp.of(os.stat(self.path))
        except OSError as error:
            raise UnsafeWriteError(f"{self.path} vanished while being repaired: {error}") from None
        changed = not self.stamp.same_version(now)
        if not changed and digest is not None and now.size <= CONTENT_CHECK_LIMIT:
            changed = _digest_of(self.path) != digest
        if changed:
            raise UnsafeWriteError(
                f"{self.path} changed on disk while being repaired; not written (run again)"
            )

    def _make_backup(self) -> None:
        backup = self.path.with_name(self.path.name + str(self.backup_suffix))
        fd, staging = tempfile.mkstemp(
            prefix=f".{backup.name}.", suffix=_TEMP_SUFFIX, dir=backup.parent
        )
        os.close(fd)
        os.unlink(staging)
        try:
            # A second name for the original costs no copy; the replace below gives the
            # original's name a new file, so the backup keeps the old one.
            os.link(self.path, staging)
        except OSError:
            shutil.copy2(self.path, staging)
        os.replace(staging, backup)

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        if not self._committed:
            with contextlib.suppress(FileNotFoundError):
                self.temp_path.unlink()

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.discard()
