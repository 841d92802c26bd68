"""Unified diffs of a file's repair, built chunk by chunk with the file's line numbers."""

from __future__ import annotations

import difflib
import re

__all__ = ["diff_header", "diff_hunks"]

_HUNK_HEADER = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")
_NO_NEWLINE = "\\ No newline at end of file\n"


def diff_header(path: str) -> str:
    """The file names of a diff: ``a/`` and ``b/`` prefixes, as git writes them, so that
    ``patch -p1`` applies it; an absolute path is written as it is."""
    if path.startswith("/"):
        return f"--- {path}\n+++ {path}\n"
    return f"--- a/{path}\n+++ b/{path}\n"


def diff_hunks(before: str, after: str, first_line: int) -> list[str]:
    """The hunks of a unified diff between two pieces of text that start at line
    ``first_line`` of the file (repairs never add or remove line ends, so both do).

    >>> diff_hunks("a\\ncafÃ©\\n", "a\\ncafé\\n", 10)
    ['@@ -10,2 +10,2 @@\\n', ' a\\n', '-cafÃ©\\n', '+café\\n']
    """
    offset = first_line - 1
    lines: list[str] = []
    diff = difflib.unified_diff(_lines(before), _lines(after), n=3, lineterm="\n")
    for line in diff:
        if line.startswith(("---", "+++")) and not lines:
            continue
        if line.startswith("@@"):
            line = _HUNK_HEADER.sub(
                lambda m: (
                    f"@@ -{int(m[1]) + offset}{m[2] or ''} +{int(m[3]) + offset}{m[4] or ''} @@"
                ),
                line,
            )
        lines.append(line)
        if not line.endswith("\n"):
            lines[-1] = line + "\n"
            lines.append(_NO_NEWLINE)
    return lines


def _lines(text: str) -> list[str]:
    """Lines with their ends, split at ``\n`` only: str.splitlines would also split at
    U+0085 and U+2028, which mojibake contains (``â€¦`` read through Latin-1 has a U+0085)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
