"""Everything the command prints goes through here.

Findings, diffs, file names (``--check``) and JSON go to stdout; the summary, skipped
paths, errors and the progress indicator go to stderr, so stdout can be piped.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any, TextIO

from fixtext.files.process import FileResult, Finding, Status
from fixtext.report import Report

__all__ = ["Printer", "json_document", "progress_wanted", "use_color", "write_bytes_to_stdout"]

_RED, _GREEN, _CYAN, _BOLD, _DIM, _RESET = (f"\033[{code}m" for code in (31, 32, 36, 1, 2, 0))


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """``--color``: ``always`` and ``never`` win; ``auto`` colours a terminal unless
    ``NO_COLOR`` is set (https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return not environ.get("NO_COLOR") and stream.isatty()


def progress_wanted(quiet: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """A progress line only helps a person watching a terminal: not in CI, not in
    pre-commit (which captures the output), not when asked to be quiet."""
    if quiet or environ.get("CI") or environ.get("PRE_COMMIT"):
        return False
    return sys.stderr.isatty()


def write_bytes_to_stdout() -> Callable[[bytes], object]:
    """The raw byte stream of stdout, for repaired text read from stdin."""
    sys.stdout.flush()
    return sys.stdout.buffer.write


def visible(text: str) -> str:
    """``text`` with invisible and control characters escaped, so a finding shows what
    is really there: a C1 control in ``â€\\x9d`` must not vanish or move the cursor."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class Printer:
    def __init__(self, *, color: bool, quiet: bool, verbose: bool, progress: bool) -> None:
        self.color = color
        self.quiet = quiet
        self.verbose = verbose
        self.progress_on = progress
        self._progress_shown = False

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def _out(self, text: str) -> None:
        self._clear_progress()
        print(text, file=sys.stdout)

    def _err(self, text: str) -> None:
        self._clear_progress()
        print(text, file=sys.stderr)

    def finding(self, path: str, finding: Finding) -> None:
        location = self._paint(_BOLD, f"{path}:{finding.line}:{finding.column}:")
        before = self._paint(_RED, visible(finding.before))
        after = self._paint(_GREEN, visible(finding.after))
        detail = self._paint(_DIM, f"({finding.rule}, {finding.confidence:.2f})")
        self._out(f"{location} {before} → {after} {detail}")

    def more_findings(self, path: str, shown: int, total: int) -> None:
        self._out(f"{path}: … and {total - shown} more changes")

    def conversion(self, result: FileResult, done: bool) -> None:
        verb = "converted" if done else "would convert"
        self._out(f"{result.path}: {verb} {result.encoding} → {result.new_encoding}")

    def path(self, path: str) -> None:
        self._out(path)

    def written(self, path: str, count: int) -> None:
        if not self.quiet:
            self._err(f"repaired {path} ({count} change{'s' if count != 1 else ''})")

    def diff(self, text: str) -> None:
        if not self.color:
            self._out(text.rstrip("\n"))
            return
        colours = {"+": _GREEN, "-": _RED, "@": _CYAN}
        lines = text.rstrip("\n").split("\n")
        self._out("\n".join(self._paint(colours.get(line[:1], ""), line) for line in lines))

    def skipped(self, path: str, reason: str) -> None:
        if self.verbose:
            self._err(f"skipped {path}: {reason}")

    def failed(self, path: str, message: str) -> None:
        self._err(self._paint(_RED, f"error: {path}: {message}"))

    def usage(self, usage: str) -> None:
        self._err(usage.rstrip("\n"))

    def error(self, message: str) -> None:
        self._err(self._paint(_RED, f"error: {message}"))

    def summary(self, report: Report) -> None:
        if not self.quiet:
            self._err(str(report))

    def json(self, document: Any) -> None:
        self._out(json.dumps(document, ensure_ascii=False, indent=2))

    def progress(self, done: int, total: int, path: str) -> None:
        if not self.progress_on:
            return
        line = f"[{done}/{total}] {path}"[:78]
        sys.stderr.write(f"\r{line}\033[K")
        sys.stderr.flush()
        self._progress_shown = True

    def _clear_progress(self) -> None:
        if self._progress_shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self._progress_shown = False

    def done(self) -> None:
        self._clear_progress()
        sys.stdout.flush()


def json_document(report: Report, results: list[FileResult]) -> dict[str, Any]:
    """The whole run as one JSON value (``--format json``)."""
    files = []
    for result in results:
        if result.status in (Status.CHANGED, Status.CLEAN):
            entry: dict[str, Any] = {
                "path": result.path,
                "status": result.status.value,
                "encoding": result.encoding,
                "change_count": result.change_count,
                "changes": [asdict(finding) for finding in result.findings],
            }
            if result.new_encoding:
                entry["new_encoding"] = result.new_encoding
            if result.diff:
                entry["diff"] = result.diff
            if result.written:
                entry["written"] = True
            files.append(entry)
    return {
        "mode": report.mode.value,
        "files": files,
        "skipped": [{"path": path, "reason": reason} for path, reason in report.skipped],
        "errors": [{"path": path, "message": message} for path, message in report.failed],
        "summary": {
            "changed": report.changed,
            "clean": report.clean,
            "changes": report.changes,
            "skipped": len(report.skipped),
            "failed": len(report.failed),
        },
        "exit_code": report.return_code,
    }
