"""What a run did: counters, the summary line, and the exit code, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from fixtext.files.process import FileResult, Mode, Status

__all__ = ["EXIT_CLEAN", "EXIT_DAMAGE_FOUND", "EXIT_ERROR", "Report"]

EXIT_CLEAN = 0
EXIT_DAMAGE_FOUND = 1
EXIT_ERROR = 2


@dataclass
class Report:
    """Counts the outcome of every path of one run.

    Skipped paths (ignored, excluded, binary, undecodable) are listed but are not errors:
    skipping them is the intended behaviour. Failed paths (missing, unreadable, cannot be
    written back safely, changed on disk meanwhile) are errors.
    """

    mode: Mode
    changed: int = 0
    clean: int = 0
    changes: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        if result.status is Status.CHANGED:
            self.changed += 1
            self.changes += result.change_count
        elif result.status is Status.CLEAN:
            self.clean += 1
        elif result.status is Status.SKIPPED:
            self.skip(result.path, result.message)
        else:
            self.fail(result.path, result.message)

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))

    def fail(self, path: str, message: str) -> None:
        self.failed.append((path, message))

    @property
    def return_code(self) -> int:
        """The exit code of the run.

        - 2 if any path failed (the other files were still processed); a usage or
          configuration error also exits with 2, before any file is read;
        - 1 if a mode that only looks (report, ``--diff``, ``--check``) found damage,
          so CI and pre-commit fail until the files are repaired;
        - 0 otherwise: nothing to repair, or everything repaired with ``--write``.
        """
        if self.failed:
            return EXIT_ERROR
        if self.changed and self.mode is not Mode.WRITE:
            return EXIT_DAMAGE_FOUND
        return EXIT_CLEAN

    def __str__(self) -> str:
        """The summary line, worded for the mode, like ``black`` and ``ruff``.

        >>> report = Report(Mode.REPORT, changed=2, clean=3, changes=5)
        >>> str(report)
        '2 files would be repaired (5 changes), 3 files clean'
        """
        parts = []
        if self.changed:
            verb = "repaired" if self.mode is Mode.WRITE else "would be repaired"
            parts.append(
                f"{_count(self.changed, 'file')} {verb} ({_count(self.changes, 'change')})"
            )
        if self.clean:
            parts.append(f"{_count(self.clean, 'file')} clean")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) if parts else "no files found"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
