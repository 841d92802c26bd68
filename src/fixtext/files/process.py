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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fixtext.api import repair
from fixtext.config import Config
from fixtext.decode import incremental_encoder, writing_codec
from fixtext.errors import BinaryInputError, UndecodableBytesError, UnsafeWriteError
from fixtext.files.diff import diff_header, diff_hunks
from fixtext.files.read import CHUNK_SIZE, Source, TextChunk, WiderEncodingNeeded, open_text
from fixtext.files.write import AtomicWriter, DigestingReader, FileStamp
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


class _ChunkEncoder:
    """Gives each repaired chunk its bytes, as :func:`fixtext.encode_like` does for a whole
    text: a chunk whose text is unchanged keeps the bytes it was read from (stray cp1252
    bytes in UTF-8, line endings and all); a changed chunk is encoded, mixed UTF-8/cp1252 as
    UTF-8. The BOM comes first. ``convert`` encodes every chunk (``--to-utf8``).
    """

    def __init__(self, encoding: str, bom: bytes, *, convert: bool) -> None:
        self._encoder = incremental_encoder(encoding, bom)
        self._convert = convert

    def start(self) -> bytes:
        return self._encoder.encode("")  # the BOM

    def encode(self, chunk: TextChunk, text: str) -> bytes:
        if text == chunk.text and not self._convert:
            return chunk.raw
        # Final, so that a stateful codec (ISO-2022) is back in its initial state at the end
        # of the chunk, where the bytes read next start.
        return self._encoder.encode(text, final=True)


class _Sink:
    """Where repaired text goes in --write mode: encoded into a temporary file.

    The first chunk is held back until it is known whether there is anything to write, so
    that a clean file of one chunk (nearly every file) never costs a copy. A longer file is
    streamed to the temporary file as it is read, which is removed if nothing changed:
    holding more would not keep memory bounded.
    """

    def __init__(self, open_writer: Callable[[], AtomicWriter], encoder: _ChunkEncoder):
        self._open_writer = open_writer
        self._encoder = encoder
        self._held: tuple[TextChunk, str] | None = None
        self.writer: AtomicWriter | None = None

    def add(self, chunk: TextChunk, text: str, needed: bool) -> None:
        if self.writer is None and not needed and self._held is None:
            self._held = (chunk, text)  # the first chunk: the file may turn out clean
            return
        self._start()
        assert self.writer is not None
        self.writer.write(self._encoder.encode(chunk, text))

    def _start(self) -> None:
        if self.writer is not None:
            return
        self.writer = self._open_writer()
        self.writer.write(self._encoder.start())
        if self._held is not None:
            self.writer.write(self._encoder.encode(*self._held))
            self._held = None

    def commit(self, digest: bytes) -> None:
        self._start()
        assert self.writer is not None
        self.writer.commit(digest)


def _target(source: Source, job: Job) -> tuple[str, bytes, bool]:
    """The encoding and BOM the output is written in, and whether that is a conversion."""
    if job.to_utf8:
        bom = codecs.BOM_UTF8 if source.bom and job.keep_bom else b""
        return "utf-8", bom, ("utf-8", bom) != (source.encoding, source.bom)
    # UTF-8 with a few stray cp1252 bytes is written back as UTF-8, the encoding of the rest.
    return writing_codec(source.encoding, source.bom), source.bom, False


def _repair_file(path: Path, job: Job, encoding: str | None = None) -> FileResult:
    config = config_for(path, job.config)
    # A link named on the command line stays a link: its target is what gets replaced.
    real = Path(os.path.realpath(path))
    stamp = FileStamp.of(os.stat(real))
    with real.open("rb") as raw, contextlib.ExitStack() as stack:
        reader = DigestingReader(raw)
        source = open_text(reader, job.chunk_size, encoding)
        target, bom, converting = _target(source, job)
        collector = _Collector(str(path), job, target)
        sink = None
        if job.mode is Mode.WRITE:

            def open_writer() -> AtomicWriter:
                return stack.enter_context(AtomicWriter(real, stamp, job.backup_suffix))

            sink = _Sink(open_writer, _ChunkEncoder(target, bom, convert=job.to_utf8))
        for chunk in source.chunks:
            result = repair(chunk.text, config)
            collector.add(chunk, result)
            if sink is not None:
                sink.add(chunk, result.text, needed=bool(result.changes) or converting)
        # UTF-8 may have turned out mixed after the first block: with --to-utf8, a conversion.
        converting = _target(source, job)[2]
        changed = collector.count > 0 or converting
        if sink is not None and changed:
            sink.commit(reader.digest())
    return FileResult(
        str(path),
        Status.CHANGED if changed else Status.CLEAN,
        tuple(collector.findings),
        collector.count,
        source.encoding,
        target if converting else None,
        diff="".join(collector.diff),
        written=sink is not None and changed,
    )


def _repair_file_in_widest_encoding(path: Path, job: Job) -> FileResult:
    """Repair ``path``, reading it again with a wider code page each time a byte after the
    first block needs one (a GBK-only character in a file that started as GB2312)."""
    encoding = None
    while True:
        try:
            return _repair_file(path, job, encoding)
        except WiderEncodingNeeded as error:
            encoding = error.encoding  # strictly wider each time: the family ends


def process_file(path: Path, job: Job) -> FileResult:
    """Repair one file as ``job`` says; every problem becomes part of the result."""
    try:
        return _repair_file_in_widest_encoding(path, job)
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
    except Exception as error:
        # A bug met on one file must not stop the others; the file is left as it was.
        return FileResult(str(path), Status.FAILED, message=f"unexpected error: {error!r}")


def process_stream(
    stream: BinaryIO, write: Callable[[bytes], object] | None, job: Job, name: str = "-"
) -> FileResult:
    """Repair ``stream`` chunk by chunk, passing the repaired bytes to ``write`` if given
    (stdin to stdout), in the stream's own encoding unless ``job.to_utf8``: a chunk the
    repair left unchanged is passed on as the bytes it was read from.

    Binary input raises :class:`~fixtext.BinaryInputError` before anything is written;
    bytes that do not decode later in a long stream (a GBK-only character after a first
    block read as GB2312, which a stream cannot be read again to fix) raise
    :class:`~fixtext.UndecodableBytesError` after the text before them was written. A stray
    cp1252 byte in UTF-8 is read as cp1252 and does not stop the stream.
    """
    config = config_for(Path(name), job.config)
    source = open_text(stream, job.chunk_size)
    target, bom, _ = _target(source, job)
    encoder = _ChunkEncoder(target, bom, convert=job.to_utf8)
    collector = _Collector(name, job, target)
    if write is not None:
        write(encoder.start())
    for chunk, text in _repaired(source.chunks, config, collector):
        if write is not None:
            write(encoder.encode(chunk, text))
    return FileResult(
        name,
        Status.CHANGED if collector.count else Status.CLEAN,
        tuple(collector.findings),
        collector.count,
        source.encoding,
        diff="".join(collector.diff),
        written=write is not None and collector.count > 0,
    )


def _repaired(
    chunks: Iterator[TextChunk], config: Config, collector: _Collector
) -> Iterator[tuple[TextChunk, str]]:
    for chunk in chunks:
        result = repair(chunk.text, config)
        collector.add(chunk, result)
        yield chunk, result.text
