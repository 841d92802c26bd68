"""Finding the files to repair under the paths given, and saying why others are skipped.

:func:`walk` is a generator: it yields regular files one at a time and calls ``on_skip``
with a readable reason for every path it leaves out (ignored by ``.gitignore``, excluded,
a symbolic link, a second name of a file already found, not a regular file), and
``on_error`` for a path given that does not exist or is not a file or folder, and for a
folder that cannot be listed.

Patterns (``include``, ``exclude``, ``.gitignore``) are gitignore-style and matched against
the path relative to the folder they belong to: the root for ``include``/``exclude``, the
folder of the ``.gitignore`` for its own lines. Folders are matched with a trailing ``/``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pathspec

__all__ = ["DEFAULT_EXCLUDE", "Selection", "walk"]

# Version-control data, caches and installed environments: never worth repairing and often
# large. `.git` is never entered whatever the settings say; the rest can be re-included by
# setting `exclude` explicitly.
DEFAULT_EXCLUDE = (
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    ".mypy_cache/",
    ".ruff_cache/",
    ".pytest_cache/",
    ".tox/",
    ".nox/",
    "*.egg-info/",
)

SkipCallback = Callable[[Path, str], None]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files a walk keeps. ``root`` anchors the ``include``/``exclude`` patterns."""

    root: Path
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    force_exclude: bool = False
    gitignore: bool = True

    def relative(self, path: Path, *, folder: bool) -> str:
        """``path`` relative to the root in the form patterns expect.

        A path outside the root is matched as a whole (``/elsewhere/node_modules/``), so
        that unanchored patterns such as ``node_modules/`` or ``*.min.js`` still apply.
        """
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.root).as_posix()
        except ValueError:
            relative = absolute.as_posix().lstrip("/")
        return relative + "/" if folder and relative != "." else relative

    def excluded(self, path: Path, *, folder: bool) -> bool:
        return bool(_spec(self.exclude).match_file(self.relative(path, folder=folder)))

    def included(self, path: Path) -> bool:
        return not self.include or bool(
            _spec(self.include).match_file(self.relative(path, folder=False))
        )


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


@lru_cache(maxsize=4096)
def _gitignore_in(folder: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines.splitlines())


def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _gitignored(path: Path, folder: bool, ignore_roots: Sequence[Path]) -> bool:
    """Whether a ``.gitignore`` in one of ``ignore_roots`` (outermost first) ignores ``path``."""
    path = Path(os.path.abspath(path))
    ignored = False
    for base in ignore_roots:
        spec = _gitignore_in(base)
        if spec is None:
            continue
        relative = path.relative_to(base).as_posix() + ("/" if folder else "")
        # A deeper .gitignore can re-include ("!name") what an outer one ignored.
        result = spec.check_file(relative)
        if result.include is not None:
            ignored = result.include
    return ignored


def _ignore_roots_above(folder: Path) -> list[Path]:
    """The folders from the repository root down to ``folder`` whose .gitignore applies."""
    git_root = _git_root(folder)
    if git_root is None:
        return [folder]
    chain = [folder, *folder.parents]
    return list(reversed(chain[: chain.index(git_root) + 1]))


class _Walker:
    def __init__(self, selection: Selection, on_skip: SkipCallback, on_error: SkipCallback):
        self.selection = selection
        self.on_skip = on_skip
        self.on_error = on_error
        self.seen: dict[tuple[int, int], Path] = {}

    def first_name(self, path: Path, info: os.stat_result) -> bool:
        """False (and reported) if this file was already found under another name."""
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            self.on_skip(path, f"another name of {self.seen[key]} (hard or symbolic link)")
            return False
        self.seen[key] = path
        return True

    def folder(self, folder: Path, ignore_roots: list[Path]) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:  # unreadable: its files cannot be checked, an error
            self.on_error(folder, f"cannot list folder: {error.strerror or error}")
            return
        for entry in entries:
            yield from self.entry(Path(folder, entry.name), entry, ignore_roots)

    def entry(
        self, path: Path, entry: os.DirEntry[str], ignore_roots: list[Path]
    ) -> Iterator[Path]:
        if entry.name == ".git":
            return
        if entry.is_symlink():
            # Writing through a link would replace the link itself; the target, if it is in
            # the tree, is found under its own name.
            self.on_skip(path, "symbolic link (not followed)")
            return
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError as error:
            self.on_skip(path, f"cannot stat: {error.strerror or error}")
            return
        if self.selection.gitignore and _gitignored(path, is_folder, ignore_roots):
            self.on_skip(path, "ignored by .gitignore")
        elif self.selection.excluded(path, folder=is_folder):
            self.on_skip(path, "excluded")
        elif is_folder:
            has_gitignore = (path / ".gitignore").is_file()
            roots = [*ignore_roots, Path(os.path.abspath(path))] if has_gitignore else ignore_roots
            yield from self.folder(path, roots)
        elif not entry.is_file(follow_symlinks=False):
            self.on_skip(path, "not a regular file")
        elif not self.selection.included(path):
            self.on_skip(path, "not included")
        else:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:  # removed since the folder was listed
                self.on_skip(path, f"cannot stat: {error.strerror or error}")
                return
            if self.first_name(path, info):
                yield path


def walk(
    paths: Sequence[Path],
    selection: Selection,
    on_skip: SkipCallback,
    on_error: SkipCallback,
) -> Iterator[Path]:
    """Yield the files to repair under ``paths``, in a stable order, each inode once.

    A file given explicitly is kept even if excluded or ignored (the user named it), unless
    ``selection.force_exclude`` is set: pre-commit passes file names one by one and relies on
    the exclusions still applying. A symbolic link given explicitly is followed, and the
    file it points to is what gets read and written.
    """
    walker = _Walker(selection, on_skip, on_error)
    for given in paths:
        try:
            info = given.stat()
        except OSError as error:
            reason = "no such file or folder" if not os.path.lexists(given) else "broken link"
            on_error(given, error.strerror.lower() if error.strerror else reason)
            continue
        folder = stat.S_ISDIR(info.st_mode)
        if selection.force_exclude and selection.excluded(given, folder=folder):
            on_skip(given, "excluded (--force-exclude)")
        elif selection.force_exclude and _gitignored_given(given, folder):
            on_skip(given, "ignored by .gitignore (--force-exclude)")
        elif folder:
            yield from walker.folder(given, _ignore_roots_above(Path(os.path.abspath(given))))
        elif not stat.S_ISREG(info.st_mode):
            on_error(given, "not a regular file")
        elif walker.first_name(given, info):
            yield given


def _gitignored_given(path: Path, folder: bool) -> bool:
    absolute = Path(os.path.abspath(path))
    return _gitignored(absolute, folder, _ignore_roots_above(absolute.parent))
