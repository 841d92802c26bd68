"""Reading a file as text in bounded chunks that never split a damaged sequence.

A 2 GB file is never held in memory: the encoding is detected once, with
:func:`fixtext.decode`, on a bounded sample (the first block, cut at a line end), then the
file is decoded piece by piece with :func:`fixtext.decode.incremental_decoder`. The bytes
are cut after the last line end of each block, because mojibake such as ``â€™`` never spans
a line end; a line longer than a block is cut after its last space, or else before an ASCII
byte (damaged sequences are runs of non-ASCII characters). Each chunk carries the exact bytes
its text was decoded from, so that a chunk left unchanged can be written back as it was.

The first block can be misleading: a GBK-only character, or a stray cp1252 byte in UTF-8,
may come after it. UTF-8 then goes on as mixed UTF-8/cp1252, which reads the bytes before
the stray one exactly as UTF-8 did; a legacy code page raises :class:`WiderEncodingNeeded`,
because its wider relatives map a few characters of the text already read differently, so
the file has to be read again from the start.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from fixtext.decode import (
    MIXED_UTF8_CP1252,
    decode,
    incremental_decoder,
    refuse_known_binary,
    wider_encodings,
)
from fixtext.errors import UndecodableBytesError

__all__ = ["CHUNK_SIZE", "Readable", "Source", "TextChunk", "WiderEncodingNeeded", "open_text"]

CHUNK_SIZE = 1 << 20

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Codecs whose text comes back from decode() under a name that adds or reads a BOM itself;
# the BOM is kept apart, so the body is read with the BOM-less form.
_BOM_CODECS = {
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


class Readable(Protocol):
    """A binary stream: a file opened with "rb", stdin's buffer, or a wrapper of one."""

    def read(self, size: int = -1, /) -> bytes: ...


class WiderEncodingNeeded(UndecodableBytesError):
    """Bytes after the detection sample need ``encoding``, a wider relative of the detected
    code page (``gbk`` for ``gb2312``): read the file again from the start with it."""

    def __init__(self, message: str, encoding: str) -> None:
        super().__init__(message)
        self.encoding = encoding


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A piece of the file's text: ``start`` is its code-point offset in the whole text,
    ``line`` (from 1) and ``column`` (from 0) the position of its first character, ``raw``
    the bytes it was decoded from (after the BOM)."""

    text: str
    start: int
    line: int
    column: int
    raw: bytes = field(default=b"", repr=False)


@dataclass(slots=True)
class Source:
    """A file opened as text: how it is encoded, and its text, chunk by chunk.

    ``encoding`` changes from ``"utf-8"`` to ``"utf-8+cp1252"`` when a byte that is not
    UTF-8 turns up after the detection sample; read it after the chunks.
    """

    encoding: str
    bom: bytes
    newline: str
    chunks: Iterator[TextChunk] = field(default_factory=lambda: iter(()))


def open_text(
    stream: Readable, chunk_size: int = CHUNK_SIZE, encoding: str | None = None
) -> Source:
    """Detect the encoding of ``stream`` (or take ``encoding``) and return its text as a
    stream of chunks.

    Raises :class:`~fixtext.BinaryInputError` (with the reason) or
    :class:`~fixtext.UndecodableBytesError` when the first block is not text; bytes later
    in the stream that do not decode raise :class:`WiderEncodingNeeded` or
    :class:`~fixtext.UndecodableBytesError` while iterating.
    """
    head = stream.read(chunk_size)
    # An image or an archive is refused on its signature before a megabyte is decoded.
    refuse_known_binary(head)
    detected = decode(_detection_sample(head, len(head) < chunk_size), encoding=encoding)
    encoding = _codec_without_bom(detected.encoding, detected.bom)
    source = Source(encoding, detected.bom, detected.newline)
    source.chunks = _chunks(source, stream, head[len(detected.bom) :], chunk_size)
    return source


def _detection_sample(head: bytes, whole: bool) -> bytes:
    """The first block cut at a line end (or a space), so that no character is cut in two."""
    if whole:
        return head
    if head.startswith(_WIDE_BOMS) or b"\x00" in head:
        # UTF-16 or UTF-32: cut after a whole number of 4-byte units ending a line.
        end = head.rfind(b"\n") + 1
        return head[: end + (-end % 4)] if end else head[: len(head) - len(head) % 4]
    end = head.rfind(b"\n") + 1 or head.rfind(b" ") + 1
    if end:
        return head[:end]
    # One long line without a space: drop the UTF-8 sequence the block may have cut, which
    # would make valid UTF-8 look mixed.
    for back in range(1, min(4, len(head)) + 1):
        if head[-back] >= 0xC0:
            return head[:-back]
        if head[-back] < 0x80:
            break
    return head


def _codec_without_bom(encoding: str, bom: bytes) -> str:
    """The codec that reads the text after the BOM without looking for one.

    The BOM is kept apart and written back as it was; "utf-8-sig" or "utf-16" would
    otherwise read or write a second one, or guess the byte order.
    """
    if encoding == MIXED_UTF8_CP1252:
        return encoding
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise UndecodableBytesError(f"no codec for {encoding!r}") from None
    if bom and name in ("utf-8-sig", "utf-16", "utf-32", "utf-8"):
        return _BOM_CODECS.get(bom, name)
    return "utf-8" if name == "utf-8-sig" else name


@dataclass(slots=True)
class _Cutter:
    """Where to cut a buffer of ``codec`` bytes so that no line, and no damage, is split."""

    newline: bytes
    space: bytes
    unit: int
    ascii_compatible: bool

    @classmethod
    def for_codec(cls, codec: str) -> _Cutter:
        newline = "\n".encode(codec)
        unit = len(newline) if codec.startswith(("utf-16", "utf-32")) else 1
        return cls(newline, " ".encode(codec), unit, "a".encode(codec) == b"a")

    def cut(self, data: bytes, limit: int) -> int:
        """After the last line end within ``limit`` bytes; else after the last space; else
        before the last ASCII byte; else at the limit (the decoder then keeps the bytes of
        a cut character for the next piece)."""
        limit -= limit % self.unit
        for token in (self.newline, self.space):
            end = self._after_last(data, token, limit)
            if end:
                return end
        if self.ascii_compatible:
            for index in range(limit - 1, 0, -1):
                if data[index] < 0x80:
                    return index
        return limit

    def _after_last(self, data: bytes, token: bytes, limit: int) -> int:
        end = limit
        while (found := data.rfind(token, 0, end)) >= 0:
            if found % self.unit == 0:
                return found + len(token)
            end = found + len(token) - 1
        return 0


def _chunks(source: Source, stream: Readable, first: bytes, chunk_size: int) -> Iterator[TextChunk]:
    """Decode ``first`` and the rest of ``stream`` piece by piece as ``source.encoding``."""
    decoder = _decoder(source.encoding)
    cutter = _Cutter.for_codec("utf-8" if source.encoding == MIXED_UTF8_CP1252 else source.encoding)
    # ``offset`` is the file position of ``held`` (the bytes of a character cut at the end
    # of the last piece, which the decoder keeps), followed by ``pending``, not yet decoded.
    pending, held, offset = first, b"", len(source.bom)
    start, line, column = 0, 1, 0
    at_end = False
    while True:
        while not at_end and len(pending) < chunk_size:
            block = stream.read(chunk_size)
            at_end = not block
            pending += block
        final = at_end and len(pending) <= chunk_size
        cut = len(pending) if final else cutter.cut(pending, chunk_size)
        piece, pending = pending[:cut], pending[cut:]
        try:
            text = decoder.decode(piece, final)
        except UnicodeDecodeError as error:
            decoder = _wider_decoder(source, offset + error.start)
            text = decoder.decode(held + piece, final)  # the bytes the failed decoder held
        # The bytes of a character cut at the end of the piece belong to the next chunk.
        now_held = decoder.getstate()[0]
        raw = held + piece[: len(piece) - len(now_held)]
        offset += len(raw)
        held = now_held
        if text:
            yield TextChunk(text, start, line, column, raw)
            start += len(text)
            newlines = text.count("\n")
            line += newlines
            column = len(text) - text.rfind("\n") - 1 if newlines else column + len(text)
        if final:
            return


def _decoder(encoding: str) -> codecs.IncrementalDecoder:
    try:
        return incremental_decoder(encoding)
    except LookupError:
        raise UndecodableBytesError(f"no codec for {encoding!r}") from None


def _wider_decoder(source: Source, offset: int) -> codecs.IncrementalDecoder:
    """The decoder to go on with after the byte at ``offset`` failed to decode.

    Mixed UTF-8/cp1252 reads valid UTF-8 exactly as UTF-8 does, so the text already read
    stays right; a wider legacy code page does not promise that, so it means starting over.
    """
    encoding = source.encoding
    if encoding == "utf-8":
        source.encoding = MIXED_UTF8_CP1252
        return _decoder(MIXED_UTF8_CP1252)
    wider = wider_encodings(encoding)
    if wider:
        raise WiderEncodingNeeded(
            f"the byte at offset {offset} is not {encoding}; reading it again as {wider[0]}",
            wider[0],
        )
    raise UndecodableBytesError(f"the byte at offset {offset} is not valid {encoding}")
