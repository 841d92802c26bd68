"""Repairing one file (or stdin): read in chunks, repair, collect findings, write back.

:func:`process_file` never raises for a problem with the file itself: it returns a
:class:`FileResult` saying the file was clean, changed, skipped (binary, undecodable) or
failed (unreadable, cannot be written back, changed on disk meanwhile), so that one bad
file never stops a run, and so the result can travel back from a worker process.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import enum
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fixtext.api import repair
from fixtext.config import Config
from fixtext.decode import MIXED_UTF8_CP1252
from fixtext.errors import BinaryInputError, UndecodableBytesError, UnsafeWriteError
from fixtext.files.diff import diff_header, diff_hunks
from fixtext.files.read import CHUNK_SIZE, Source, TextChunk, open_text
from fixtext.files.write import AtomicWriter, DigestingReader, FileStamp, make_encoder
from fixtext.model import Result

__all__ = [
    "MARKUP_SUFFIXES",
    "FileResult",
    "Finding",
    "Job",
    "Mode",
    "Status",
    "process_file",
    "process_stream",
]

# Entities in markup are markup, not damage: `&eacute;` in an HTML file is how the author
# wrote é. Template languages that embed HTML count too.
MARKUP_SUFFIXES = frozenset(
    (
        *(".html", ".htm", ".xhtml", ".shtml", ".xml", ".svg", ".xsl", ".xslt", ".rss", ".atom"),
        *(".plist", ".jsp", ".asp", ".aspx", ".php", ".vue", ".svelte", ".jinja", ".jinja2"),
        *(".j2", ".twig", ".erb", ".hbs", ".mustache"),
    )
)

# Findings kept per file for display; a huge damaged file is still counted in full, but
# listing millions of changes would use memory without helping anyone read them.
MAX_FINDINGS = 10_000


class Mode(enum.Enum):
    """What the command does with the damage it finds; decided once from the flags."""

    REPORT = "report"
    DIFF = "diff"
    CHECK = "check"
    WRITE = "write"


class Status(enum.Enum):
    CLEAN = "clean"
    CHANGED = "changed"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs to process a file; picklable."""

    mode: Mode
    config: Config
    to_utf8: bool = False
    keep_bom: bool = False
    backup_suffix: str | None = None
    chunk_size: int = CHUNK_SIZE


@dataclass(frozen=True, slots=True)
class Finding:
    """One change, placed in the file: ``line`` and ``column`` count from 1, ``start`` and
    ``end`` are code-point offsets into the file's whole text."""

    line: int
    column: int
    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    status: Status
    findings: tuple[Finding, ...] = ()
    change_count: int = 0
    encoding: str | None = None
    new_encoding: str | None = None
    message: str = ""
    diff: str = ""
    written: bool = False


def config_for(path: Path, config: Config) -> Config:
    """The config for ``path``: entities are never touched in markup files."""
    if path.suffix.lower() in MARKUP_SUFFIXES and config.entities:
        return dataclasses.replace(config, entities=False)
    return config


class _Collector:
    """Findings, change count and diff of one file, gathered chunk by chunk."""

    def __init__(self, path: str, job: Job, target_encoding: str) -> None:
        self.path = path
        self.job = job
        self.target_encoding = target_encoding
        self.findings: list[Finding] = []
        self.count = 0
        self.diff: list[str] = []

    def add(self, chunk: TextChunk, result: Result) -> None:
        if not result.changes:
            return
        self.count += len(result.changes)
        line, column, position = chunk.line, chunk.column, 0
        for change in result.changes:
            passed = chunk.text[position : change.start]
            newlines = passed.count("\n")
            line += newlines
            column = len(passed) - passed.rfind("\n") - 1 if newlines else column + len(passed)
            position = change.start
            self._check_encodable(change.after, line, column + 1)
            if len(self.findings) < MAX_FINDINGS and self.job.mode is not Mode.CHECK:
                self.findings.append(
                    Finding(
                        line,
                        column + 1,
                        chunk.start + change.start,
                        chunk.start + change.end,
                        change.before,
                        change.after,
                        change.rule,
                        change.confidence,
                    )
                )
        if self.job.mode is Mode.DIFF:
            if not self.diff:
                self.diff.append(diff_header(self.path))
            self.diff.extend(diff_hunks(chunk.text, result.text, chunk.line))

    def _check_encodable(self, text: str, line: int, column: int) -> None:
        try:
            text.encode(self.target_encoding)
        except UnicodeEncodeError as error:
            character = text[error.start]
            raise UnsafeWriteError(
                f"line {line}, column {column}: the repair gives {character!r} "
                f"(U+{ord(character):04X}), which {self.target_encoding} cannot hold; "
                "nothing was written (--to-utf8 converts the file to UTF-8)"
            ) from None


class _Sink:
    """Where repaired text goes in --write mode: encoded into a temporary file, opened only
    once there is something to write, so that a clean file is never copied."""

    def __init__(self, open_writer: Callable[[], AtomicWriter], encoding: str, bom: bytes):
        self._open_writer = open_writer
        self._encode = make_encoder(encoding)
        self._bom = bom
        self._held: str | None = None
        self.writer: AtomicWriter | None = None

    def add(self, text: str, needed: bool) -> None:
        if self.writer is None and not needed and self._held is None:
            self._held = text  # the first chunk: the file may turn out clean
            return
        self._start()
        assert self.writer is not None
        self.writer.write(self._encode(text))

    def _start(self) -> None:
        if self.writer is not None:
            return
        self.writer = self._open_writer()
        self.writer.write(self._bom)
        if self._held is not None:
            self.writer.write(self._encode(self._held))
            self._held = None

    def commit(self, digest: bytes) -> None:
        self._start()
        assert self.writer is not None
        self.writer.write(self._encode(""))
        self.writer.commit(digest)


def _target(source: Source, job: Job) -> tuple[str, bytes, bool]:
    """The encoding and BOM the output is written in, and whether that is a conversion."""
    if job.to_utf8:
        bom = codecs.BOM_UTF8 if source.bom and job.keep_bom else b""
        return "utf-8", bom, ("utf-8", bom) != (source.encoding, source.bom)
    # UTF-8 with a few stray cp1252 bytes is written back as UTF-8, the encoding of the rest.
    encoding = "utf-8" if source.encoding == MIXED_UTF8_CP1252 else source.encoding
    return encoding, source.bom, False


def _repair_file(path: Path, job: Job) -> FileResult:
    stamp = FileStamp.of(os.stat(path))
    config = config_for(path, job.config)
    with path.open("rb") as raw, contextlib.ExitStack() as stack:
        reader = DigestingReader(raw)
        source = open_text(reader, job.chunk_size)
        encoding, bom, converting = _target(source, job)
        collector = _Collector(str(path), job, encoding)
        sink = None
        if job.mode is Mode.WRITE:
            opener = lambda: stack.enter_context(AtomicWriter(path, stamp, job.backup_suffix))  # noqa: E731
            sink = _Sink(opener, encoding, bom)
        for chunk in source.chunks:
            result = repair(chunk.text, config)
            collector.add(chunk, result)
            if sink is not None:
                sink.add(result.text, needed=bool(result.changes) or converting)
        changed = collector.count > 0 or converting
        if sink is not None and changed:
            sink.commit(reader.digest())
    return FileResult(
        str(path),
        Status.CHANGED if changed else Status.CLEAN,
        tuple(collector.findings),
        collector.count,
        source.encoding,
        encoding if converting else None,
        diff="".join(collector.diff),
        written=sink is not None and changed,
    )


def process_file(path: Path, job: Job) -> FileResult:
    """Repair one file as ``job`` says; every problem becomes part of the result."""
    try:
        return _repair_file(path, job)
    except BinaryInputError as error:
        return FileResult(str(path), Status.SKIPPED, message=str(error) or "binary file")
    except UndecodableBytesError as error:
        return FileResult(str(path), Status.SKIPPED, message=f"not decodable as text: {error}")
    except UnsafeWriteError as error:
        return FileResult(str(path), Status.FAILED, message=str(error))
    except UnicodeEncodeError as error:
        message = f"cannot be written back in {error.encoding}: {error.reason}; not written"
        return FileResult(str(path), Status.FAILED, message=message)
    except OSError as error:
        return FileResult(str(path), Status.FAILED, message=error.strerror or str(error))


def process_stream(
    stream: BinaryIO, write: Callable[[bytes], object] | None, job: Job, name: str = "-"
) -> FileResult:
    """Repair ``stream`` chunk by chunk, passing the repaired bytes to ``write`` if given
    (stdin to stdout), in the stream's own encoding unless ``job.to_utf8``.

    Binary input raises :class:`~fixtext.BinaryInputError` before anything is written;
    bytes that do not decode later in a long stream raise
    :class:`~fixtext.UndecodableBytesError` after the text before them was written.
    """
    config = config_for(Path(name), job.config)
    source = open_text(stream, job.chunk_size)
    encoding, bom, _ = _target(source, job)
    encode = make_encoder(encoding)
    collector = _Collector(name, job, encoding)
    if write is not None:
        write(bom)
    for chunk in source.chunks:
        result = repair(chunk.text, config)
        collector.add(chunk, result)
        if write is not None:
            write(encode(result.text))
    if write is not None:
        write(encode(""))
    return FileResult(
        name,
        Status.CHANGED if collector.count else Status.CLEAN,
        tuple(collector.findings),
        collector.count,
        source.encoding,
        diff="".join(collector.diff),
        written=write is not None and collector.count > 0,
    )
