"""Decoding and encoding piece by piece, for files read in blocks.

The one definition of the mixed UTF-8/cp1252 reading lives here: bytes that are not part of
a valid UTF-8 sequence are read one by one as cp1252, or as the Latin-1 C1 control for the
five bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). :func:`fixtext.decode` uses
it for whole inputs and :func:`incremental_decoder` for blocks, so both give the same text.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Buffer

__all__ = [
    "MIXED_UTF8_CP1252",
    "incremental_decoder",
    "incremental_encoder",
    "stray_bytes_as_cp1252",
    "writing_codec",
]

MIXED_UTF8_CP1252 = "utf-8+cp1252"
"""The encoding name of UTF-8 text in which some bytes were decoded one by one as cp1252."""

# cp1252 for each byte 0x80-0xFF, and Latin-1's C1 control where cp1252 defines nothing,
# so that every byte has a character and back.
_CP1252_OR_C1 = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0x100)
)

# surrogateescape turns each byte that is not part of valid UTF-8 into U+DC80-U+DCFF.
ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")

# Codecs that write a BOM of their own; the BOM is kept apart (Decoded.bom) and written back
# as it was, so these are written with their BOM-less form.
_BOM_ADDING_CODECS = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
_BIG_ENDIAN_BOMS = {codecs.BOM_UTF16_BE: "utf-16-be", codecs.BOM_UTF32_BE: "utf-32-be"}


def stray_bytes_as_cp1252(escaped: str) -> str:
    """Replace the bytes ``surrogateescape`` kept (U+DC80-U+DCFF) by their cp1252 characters.

    >>> stray_bytes_as_cp1252(b"caf\\xe9".decode("utf-8", "surrogateescape"))
    'café'
    """
    return ESCAPED_BYTES.sub(_unescape_run, escaped)


def _unescape_run(match: re.Match[str]) -> str:
    return "".join(_CP1252_OR_C1[ord(char) - 0xDC80] for char in match.group())


class _MixedDecoder(codecs.IncrementalDecoder):
    """UTF-8 with stray cp1252 bytes, block by block.

    Python's incremental UTF-8 decoder already keeps a sequence cut by a block boundary for
    the next block, and gives the same result however the input is cut; the stray bytes it
    escapes are then read as cp1252, exactly as a whole input is.
    """

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._utf8 = codecs.getincrementaldecoder("utf-8")("surrogateescape")

    def decode(self, input: Buffer, final: bool = False) -> str:
        return stray_bytes_as_cp1252(self._utf8.decode(input, final))

    def reset(self) -> None:
        self._utf8.reset()

    def getstate(self) -> tuple[bytes, int]:
        return self._utf8.getstate()

    def setstate(self, state: tuple[bytes, int]) -> None:
        self._utf8.setstate(state)


def incremental_decoder(encoding: str) -> codecs.IncrementalDecoder:
    """A strict incremental decoder for ``encoding`` as :class:`~fixtext.Decoded` names it,
    :data:`MIXED_UTF8_CP1252` included. It decodes the bytes after the BOM.

    Cut anywhere, the blocks decode to the text :func:`fixtext.decode` gives for the whole;
    ``getstate()[0]`` holds the bytes of a character cut at the end of the last block.

    >>> decoder = incremental_decoder("utf-8+cp1252")
    >>> decoder.decode(b"caf\\xc3") + decoder.decode(b"\\xa9 caf\\xe9", final=True)
    'café café'

    Raises:
        LookupError: Python has no codec of that name.
    """
    if encoding == MIXED_UTF8_CP1252:
        return _MixedDecoder()
    return codecs.getincrementaldecoder(encoding)(errors="strict")


def writing_codec(encoding: str, bom: bytes = b"") -> str:
    """The codec text decoded as ``encoding`` is written back with, after ``bom``.

    Mixed UTF-8/cp1252 text is written as UTF-8, the encoding the rest of it used; codecs that
    add a BOM of their own are replaced by their BOM-less form in the BOM's byte order.
    """
    if encoding == MIXED_UTF8_CP1252:
        return "utf-8"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding  # the encoder lookup reports it
    if name in _BOM_ADDING_CODECS:
        return _BIG_ENDIAN_BOMS.get(bom, _BOM_ADDING_CODECS[name])
    return name


def incremental_encoder(encoding: str, bom: bytes = b"") -> codecs.IncrementalEncoder:
    """A strict incremental encoder writing text the way :func:`fixtext.encode_like` does:
    ``bom`` first, then the text in :func:`writing_codec` of ``encoding``.

    >>> encoder = incremental_encoder("utf-8+cp1252", codecs.BOM_UTF8)
    >>> encoder.encode("caf") + encoder.encode("é", final=True)
    b'\\xef\\xbb\\xbfcaf\\xc3\\xa9'

    Raises:
        LookupError: Python has no codec of that name.
    """
    return _BomFirstEncoder(writing_codec(encoding, bom), bom)


class _BomFirstEncoder(codecs.IncrementalEncoder):
    def __init__(self, codec: str, bom: bytes) -> None:
        super().__init__("strict")
        self._encoder = codecs.getincrementalencoder(codec)(errors="strict")
        self._bom = bom
        self._started = False

    def encode(self, input: str, final: bool = False) -> bytes:
        data = self._encoder.encode(input, final)
        if self._started:
            return data
        self._started = True
        return self._bom + data

    def reset(self) -> None:
        self._encoder.reset()
        self._started = False
