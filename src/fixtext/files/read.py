"""Reading a file as text in bounded chunks that never split a damaged sequence.

A 2 GB file is never held in memory: the encoding is detected once, with
:func:`fixtext.decode`, on a bounded sample (the first block, cut at a line end), then the
file is decoded block by block with an incremental decoder of that encoding, which carries
the bytes of a character cut by a block boundary over to the next block. The text is cut
at the last line end of each block, because mojibake such as ``â€™`` never spans a line
end. A line longer than a block is cut after its last space, or else before an ASCII
character: damaged sequences are runs of non-ASCII characters.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from typing_extensions import Buffer

from fixtext.decode import MIXED_UTF8_CP1252, decode
from fixtext.errors import BinaryInputError, UndecodableBytesError

__all__ = ["CHUNK_SIZE", "Readable", "Source", "TextChunk", "looks_binary", "open_text"]

CHUNK_SIZE = 1 << 20
_SNIFF_SIZE = 8192

_TEXT_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Signatures of common binary formats whose first bytes carry no NUL byte.
_MAGIC_NUMBERS = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, jar, wheel
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ",
    b"7z\xbc\xaf\x27\x1c",
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",  # Java class, Mach-O fat binary
    b"\xcf\xfa\xed\xfe",  # Mach-O
    b"OggS",
    b"fLaC",
    b"ID3",  # MP3
    b"\x00asm",
    b"SQLite format 3\x00",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2: .doc, .xls, .msi
)


def looks_binary(head: bytes) -> str | None:
    """Why the first bytes of a file show binary data, or ``None`` if they may be text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
    'binary file (magic number)'
    >>> looks_binary(b"caf\\xc3\\xa9") is None
    True
    """
    head = head[:_SNIFF_SIZE]
    if head.startswith(_MAGIC_NUMBERS):
        return "binary file (magic number)"
    if b"\x00" in head and not head.startswith(_TEXT_BOMS):
        return "binary file (NUL byte)"
    return None


class Readable(Protocol):
    """A binary stream: a file opened with "rb", stdin's buffer, or a wrapper of one."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A piece of the file's text: ``start`` is its code-point offset in the whole text,
    ``line`` (from 1) and ``column`` (from 0) the position of its first character."""

    text: str
    start: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Source:
    """A file opened as text: how it is encoded, and its text, chunk by chunk."""

    encoding: str
    bom: bytes
    newline: str
    chunks: Iterator[TextChunk]


def _detection_sample(head: bytes, whole: bool) -> bytes:
    """The first block cut at a line end, so that no character is cut in two."""
    if whole:
        return head
    end = head.rfind(b"\n")
    if end < 0:
        return head
    # In UTF-16 and UTF-32 the line end is followed by zero bytes of the same character.
    unit = 4 if head.startswith(_TEXT_BOMS[:2]) else 2 if head.startswith(_TEXT_BOMS) else 1
    end += 1
    return head[: end + (-end % unit)]


def open_text(stream: Readable, chunk_size: int = CHUNK_SIZE) -> Source:
    """Detect the encoding of ``stream`` and return its text as a stream of chunks.

    Raises :class:`~fixtext.BinaryInputError` or :class:`~fixtext.UndecodableBytesError`
    when the first block is not text; bytes later in the stream that do not decode raise
    :class:`~fixtext.UndecodableBytesError` while iterating.
    """
    head = stream.read(chunk_size)
    reason = looks_binary(head)
    if reason is not None:
        raise BinaryInputError(reason)
    whole = len(head) < chunk_size
    detected = decode(_detection_sample(head, whole))
    encoding = _codec_without_bom(detected.encoding, detected.bom)
    decoder = _incremental_decoder(encoding)
    chunks = _chunks(stream, head[len(detected.bom) :], decoder, chunk_size)
    return Source(encoding, detected.bom, detected.newline, chunks)


_BOM_CODECS = {
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


def _codec_without_bom(encoding: str, bom: bytes) -> str:
    """The codec that reads and writes the text after the BOM without adding one.

    The BOM is kept apart and written back as it was; "utf-8-sig" or "utf-16" would
    otherwise write a second one, or guess the byte order.
    """
    name = codecs.lookup(encoding).name if _known(encoding) else encoding
    if bom and name in ("utf-8-sig", "utf-16", "utf-32", "utf-8"):
        return _BOM_CODECS.get(bom, name)
    return "utf-8" if name == "utf-8-sig" else name


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _incremental_decoder(encoding: str) -> codecs.IncrementalDecoder:
    if encoding == MIXED_UTF8_CP1252:
        return _MixedDecoder()
    try:
        return codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        raise UndecodableBytesError(f"no codec for {encoding!r}") from None


def _stray_bytes_as_cp1252(match: re.Match[str]) -> str:
    # cp1252 leaves five bytes undefined; those become the Latin-1 C1 control, as decode does.
    raw = bytes(ord(char) - 0xDC00 for char in match.group())
    return "".join(
        raw[i : i + 1].decode("cp1252", "ignore") or chr(raw[i]) for i in range(len(raw))
    )


class _MixedDecoder(codecs.IncrementalDecoder):
    """UTF-8 in which bytes that are not UTF-8 are read one by one as cp1252, as
    :func:`fixtext.decode` reads a whole file it names ``utf-8+cp1252``.

    Bytes are decoded up to the last line end, so a UTF-8 character is never cut; a line
    longer than 4 MiB is cut before an ASCII byte or the first byte of a character.
    """

    _MAX_PENDING = 4 << 20

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._pending = b""

    def decode(self, input: Buffer, final: bool = False) -> str:
        data = self._pending + bytes(input)
        cut = len(data) if final else data.rfind(b"\n") + 1
        if not cut and len(data) > self._MAX_PENDING:
            starts = (i for i in range(len(data) - 1, 0, -1) if data[i] < 0x80 or data[i] >= 0xC0)
            cut = next(starts, len(data))
        self._pending = data[cut:]
        escaped = data[:cut].decode("utf-8", "surrogateescape")
        return _STRAY_BYTES.sub(_stray_bytes_as_cp1252, escaped)

    def reset(self) -> None:
        self._pending = b""


_STRAY_BYTES = re.compile("[\udc80-\udcff]+")


def _decode_blocks(
    stream: Readable, first: bytes, decoder: codecs.IncrementalDecoder, chunk_size: int
) -> Iterator[tuple[str, bool]]:
    """Yield the decoded text of each block, and whether it is the last."""
    block, position = first, 0
    while True:
        final = not block
        try:
            yield decoder.decode(block, final=final), final
        except UnicodeDecodeError as error:
            raise UndecodableBytesError(
                f"bytes at offset {position + error.start} are not valid {error.encoding}"
            ) from None
        if final:
            return
        position += len(block)
        block = stream.read(chunk_size)


def _cut(text: str, limit: int) -> int:
    """Where to cut ``text`` (of at least ``limit`` characters) so no damage is split."""
    cut = text.rfind("\n") + 1
    if cut:
        return cut
    cut = text.rfind(" ", 0, limit) + 1
    if cut:
        return cut
    for index in range(limit - 1, 0, -1):
        if text[index] < "\x80":
            return index
    return limit  # a whole block of non-ASCII without a space: nothing better to do


def _chunks(
    stream: Readable, first: bytes, decoder: codecs.IncrementalDecoder, chunk_size: int
) -> Iterator[TextChunk]:
    pending, start, line, column = "", 0, 1, 0
    for text, final in _decode_blocks(stream, first, decoder, chunk_size):
        pending += text
        while pending and (final or len(pending) >= chunk_size):
            cut = len(pending) if final else _cut(pending, chunk_size)
            piece, pending = pending[:cut], pending[cut:]
            yield TextChunk(piece, start, line, column)
            start += len(piece)
            newlines = piece.count("\n")
            line += newlines
            column = len(piece) - piece.rfind("\n") - 1 if newlines else column + len(piece)
