"""Bytes to text: find the encoding, decode, and remember how to write the text back.

:func:`decode` tries, in order, and stops at the first that fits:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): the encoding is declared;
2. magic numbers of binary formats (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF, …): not text;
3. NUL bytes: UTF-16 or UTF-32 without a BOM, checked by strict decoding and by how plausible
   the text is; otherwise binary;
4. strict UTF-8: valid UTF-8 is UTF-8 (pure ASCII with ISO-2022 escapes excepted);
5. UTF-8 with a few cp1252 bytes (two programs appending to one log or CSV), decoded
   sequence by sequence, or UTF-8 cut in the middle of its last character;
6. a legacy code page guessed by chardet, checked by strict decoding of the whole input and,
   for short inputs, re-scored (:mod:`fixtext._decode_legacy`).

The result, :class:`Decoded`, carries what a writer needs to give the file back its own
bytes: :func:`encode_like` re-encodes text in the input's encoding, with its BOM, and returns
the original bytes unchanged when the text is unchanged. :func:`incremental_decoder` and
:func:`incremental_encoder` do the same block by block, for files too big to hold at once.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from fixtext._decode_incremental import (
    ESCAPED_BYTES,
    MIXED_UTF8_CP1252,
    incremental_decoder,
    incremental_encoder,
    stray_bytes_as_cp1252,
    writing_codec,
)
from fixtext._decode_legacy import guess_legacy, wider_encodings
from fixtext._decode_scoring import text_cost
from fixtext.errors import BinaryInputError, UndecodableBytesError

__all__ = [
    "MIXED_UTF8_CP1252",
    "Decoded",
    "decode",
    "encode_like",
    "incremental_decoder",
    "incremental_encoder",
    "refuse_known_binary",
    "wider_encodings",
    "writing_codec",
]

# UTF-32-LE's BOM starts with UTF-16-LE's, so the longer marks are tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_BOM_FIRST_BYTES = (b"\xff", b"\xfe", b"\xef", b"\x00")

# (offset, signature, format). Only signatures no plain text starts with.
_MAGIC_NUMBERS: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or an Office/JAR/EPUB file)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\x1f\x8b", "gzip data"),
    (0, b"\x7fELF", "an ELF executable"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd data"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (old Office format)"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"OggS\x00", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (0, b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
    (0, b"\x00asm", "WebAssembly"),
    (0, b"wOFF", "a WOFF font"),
    (0, b"wOF2", "a WOFF2 font"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (8, b"WEBP", "a WebP image"),
    (8, b"WAVE", "WAV audio"),
    (8, b"AVI ", "AVI video"),
)

# The signatures at offset 8 are RIFF containers: "RIFF", a size, then the format.
_SIGNATURES_AT_START = (
    *(sig for offset, sig, _ in _MAGIC_NUMBERS if offset == 0),
    b"RIFF",
)

_MULTIBYTE_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")

# Mostly-UTF-8 input with at most one stray byte per this many valid multi-byte characters
# is mixed UTF-8/cp1252 without a second look.
_CLEARLY_FEW_STRAY_BYTES = 4

# A legacy reading must be cleaner than the mixed one by this much text cost to win.
_PREFER_MIXED_BY = 1.0
_COST_SAMPLE_CHARS = 20_000

# UTF-16/32 decoded text above this cost (marks of a wrong decoding per 100 characters) is
# taken for binary data: random bytes read as UTF-16 give unassigned and control characters.
_MAX_WIDE_TEXT_COST = 3.0


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and how it was encoded.

    Attributes:
        text: the decoded text, without the BOM.
        encoding: the Python codec the text was decoded with (``"utf-8"``, ``"cp1252"``,
            ``"utf-16-le"``, ``"shift_jis"``, …), or :data:`MIXED_UTF8_CP1252`
            (``"utf-8+cp1252"``) when the bytes were UTF-8 except for the characters listed
            in ``fallback_spans``, each decoded from a single byte as cp1252 (or as the
            Latin-1 C1 control for the five bytes cp1252 leaves undefined).
        confidence: between 0 and 1; 1 for a BOM or valid UTF-8.
        bom: the byte-order mark the input started with, or ``b""``.
        newline: the most common line ending, ``"\\n"``, ``"\\r\\n"`` or ``"\\r"``;
            ``""`` when the text has none. The text keeps its line endings as they were.
        warnings: what a careful reader should know: a multi-byte character cut off at the
            end, bytes decoded as cp1252 inside UTF-8, an encoding guessed with low
            confidence.
        fallback_spans: ``(start, end)`` ranges of ``text`` decoded byte by byte as cp1252.
        raw: the bytes decoded, so that :func:`encode_like` gives them back exactly.
    """

    text: str
    encoding: str
    confidence: float
    bom: bytes = b""
    newline: str = ""
    warnings: tuple[str, ...] = ()
    fallback_spans: tuple[tuple[int, int], ...] = ()
    raw: bytes | None = field(default=None, repr=False, compare=False)


def decode(data: bytes | bytearray | memoryview, *, encoding: str | None = None) -> Decoded:
    """Decode bytes of unknown encoding to text.

    ``encoding`` skips detection: the bytes are decoded strictly with that codec (a BOM
    matching it is recognised and kept aside).

    >>> decode("café".encode("utf-8")).encoding
    'utf-8'
    >>> decode(b"caf\\xc3\\xa9, na\\xefve").text
    'café, naïve'

    Raises:
        TypeError: ``data`` is not bytes-like (decode text files opened in binary mode).
        BinaryInputError: the bytes are an image, an archive, an executable, …
        UndecodableBytesError: no encoding decodes the bytes safely.
    """
    raw = _as_bytes(data)
    if encoding is not None:
        return _decode_as(raw, encoding)
    if not raw:
        return Decoded("", "utf-8", 1.0, raw=raw)
    bom, bom_encoding = _find_bom(raw)
    if bom_encoding is not None:
        declared = _decode_with_bom(raw, bom, bom_encoding)
        if declared is not None:
            return declared
        # Otherwise "BOM" + invalid data: not a BOM after all; decide from the bytes.
    refuse_known_binary(raw)
    if b"\x00" in raw:
        return _decode_wide_without_bom(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_not_utf8(raw)
    if raw.isascii() and (b"\x1b" in raw or b"~{" in raw):
        return _decode_seven_bit(raw, text)
    return _result(text, "utf-8", 1.0, raw=raw)


def encode_like(text: str, decoded: Decoded, errors: str = "strict") -> bytes:
    """Encode ``text`` the way ``decoded`` was encoded, BOM included.

    Unchanged text gives back the original bytes exactly, whatever the encoding (mixed
    UTF-8/cp1252 and stateful codecs included). Changed text is encoded with
    ``decoded.encoding``, after the BOM; text that was mixed UTF-8/cp1252 is written as UTF-8,
    the encoding the rest of it used.

    >>> original = "Grüße\\r\\n".encode("cp1252")
    >>> encode_like(decode(original).text, decode(original)) == original
    True

    Raises:
        UnicodeEncodeError: ``text`` has characters the encoding cannot represent (with
            ``errors="strict"``).
    """
    if decoded.raw is not None and text == decoded.text:
        return decoded.raw
    return decoded.bom + text.encode(writing_codec(decoded.encoding, decoded.bom), errors)


def _as_bytes(data: object) -> bytes:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError(
            "decode() takes bytes, not str; the text is already decoded "
            "(open files in binary mode, 'rb', to let fixtext find the encoding)"
        )
    raise TypeError(f"decode() takes bytes, bytearray or memoryview, not {type(data).__name__}")


def _decode_not_utf8(raw: bytes) -> Decoded:
    """Mixed UTF-8/cp1252 or a legacy code page, whichever reads better."""
    mixed = _decode_mostly_utf8(raw, b"", declared=False)
    if mixed is not None and not _could_be_legacy(mixed):
        return mixed
    try:
        guess = guess_legacy(raw)
    except (BinaryInputError, UndecodableBytesError):
        if mixed is not None:
            return mixed
        raise
    if mixed is not None and _utf8_part_cost(mixed) <= _sample_cost(guess.text) + _PREFER_MIXED_BY:
        return mixed
    warnings: tuple[str, ...] = ()
    if guess.unknown:
        warnings = (f"encoding guessed with low confidence: {guess.encoding}",)
    return _result(guess.text, guess.encoding, guess.confidence, warnings=warnings, raw=raw)


def _result(
    text: str,
    encoding: str,
    confidence: float,
    *,
    bom: bytes = b"",
    warnings: tuple[str, ...] = (),
    fallback_spans: tuple[tuple[int, int], ...] = (),
    raw: bytes,
) -> Decoded:
    return Decoded(
        text, encoding, confidence, bom, _newline_of(text), warnings, fallback_spans, raw
    )


def _newline_of(text: str) -> str:
    """The most common line ending of ``text`` (``\\r\\n`` wins a tie), or ``""``."""
    if "\r" not in text:  # the common case, in one scan
        return "\n" if "\n" in text else ""
    crlf = text.count("\r\n")
    counts = {
        "\r\n": crlf,
        "\n": text.count("\n") - crlf,
        "\r": text.count("\r") - crlf,
    }
    newline, count = max(counts.items(), key=lambda item: item[1])
    return newline if count else ""


def _find_bom(raw: bytes) -> tuple[bytes, str | None]:
    if not raw.startswith(_BOM_FIRST_BYTES):
        return b"", None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return bom, encoding
    return b"", None


def _decode_with_bom(raw: bytes, bom: bytes, encoding: str) -> Decoded | None:
    body = raw[len(bom) :]
    if encoding == "utf-8":
        try:
            return _result(body.decode("utf-8"), "utf-8", 1.0, bom=bom, raw=raw)
        except UnicodeDecodeError:
            return _decode_mostly_utf8(raw, bom, declared=True)
    if encoding.startswith("utf-32"):
        try:
            return _result(body.decode(encoding), encoding, 1.0, bom=bom, raw=raw)
        except UnicodeDecodeError:
            if encoding == "utf-32-le":  # FF FE 00 00: UTF-16-LE's BOM and a U+0000
                return _decode_with_bom(raw, b"\xff\xfe", "utf-16-le")
            return None
    whole = len(body) - len(body) % 2
    try:
        text = body[:whole].decode(encoding)
    except UnicodeDecodeError:
        return None
    if whole == len(body):
        return _result(text, encoding, 1.0, bom=bom, raw=raw)
    # A cut-off last character: keep its bytes visible as cp1252 rather than drop them.
    tail = _bytes_as_cp1252(body[whole:])
    return _result(
        text + tail,
        encoding,
        1.0,
        bom=bom,
        warnings=(f"the input ends in the middle of a {encoding} character",),
        fallback_spans=((len(text), len(text) + len(tail)),),
        raw=raw,
    )


def refuse_known_binary(raw: bytes) -> None:
    """Raise :class:`~fixtext.BinaryInputError` if ``raw`` starts like a known binary format.

    Cheap enough to run on the first bytes of every file before reading more of it.
    """
    # One C-level check first: this runs on every input, and almost none is binary.
    if not (raw.startswith(_SIGNATURES_AT_START) or raw[4:8] == b"ftyp"):
        return
    for offset, signature, kind in _MAGIC_NUMBERS:
        if raw.startswith(signature, offset) and (offset != 8 or raw.startswith(b"RIFF")):
            raise BinaryInputError(f"the bytes are {kind}, not text (its signature says so)")


def _decode_wide_without_bom(raw: bytes) -> Decoded:
    """UTF-16 or UTF-32 without a BOM, the one NUL-carrying text: else binary."""
    candidates: list[str] = []
    if len(raw) % 4 == 0:
        quarter = len(raw) // 4
        if raw[3::4].count(0) == quarter:
            candidates.append("utf-32-le")
        if raw[0::4].count(0) == quarter:
            candidates.append("utf-32-be")
    if len(raw) % 2 == 0:
        # ASCII-range text has its NULs in the high bytes: odd offsets in LE, even in BE.
        if raw[1::2].count(0) >= raw[0::2].count(0):
            candidates += ["utf-16-le", "utf-16-be"]
        else:
            candidates += ["utf-16-be", "utf-16-le"]
    scored: list[tuple[float, int, str, str]] = []
    for order, encoding in enumerate(candidates):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_sample_cost(text), order, encoding, text))
    if scored:
        cost, _, encoding, text = min(scored)
        if cost <= _MAX_WIDE_TEXT_COST:
            confidence = 0.95 if cost < 1.0 else 0.7
            return _result(text, encoding, confidence, raw=raw)
    raise BinaryInputError(
        "the bytes contain NUL bytes and are not UTF-16 or UTF-32 text: binary data"
    )


def _could_be_legacy(mixed: Decoded) -> bool:
    """Whether mostly-UTF-8 bytes are also worth reading as a legacy code page.

    A double-byte code page sometimes forms valid UTF-8 by chance (EUC-KR ``B9 CC BA D0`` holds
    ``CC BA``, a combining mark), so when stray bytes are not clearly a minority or the
    mixed reading carries marks of a wrong decoding, a confident legacy reading that is
    clearly cleaner wins.
    """
    stray = sum(end - start for start, end in mixed.fallback_spans)
    multibyte = len(_MULTIBYTE_CHAR.findall(mixed.text)) - stray
    return (
        stray * _CLEARLY_FEW_STRAY_BYTES > multibyte or _utf8_part_cost(mixed) >= _PREFER_MIXED_BY
    )


def _utf8_part_cost(mixed: Decoded) -> float:
    """The text cost of what the UTF-8 sequences gave, the cp1252 bytes blanked out.

    The stray bytes are judged by the legacy reading they are compared with; in the mixed
    reading they are what they are (C1 controls included), while the valid sequences are
    the evidence to check: real UTF-8 gives clean text, chance UTF-8 does not.
    """
    parts = []
    position = 0
    for start, end in mixed.fallback_spans:
        parts.append(mixed.text[position:start])
        parts.append(" " * (end - start))
        position = end
    parts.append(mixed.text[position:])
    return _sample_cost("".join(parts))


def _sample_cost(text: str) -> float:
    return text_cost(text[:_COST_SAMPLE_CHARS])


def _decode_seven_bit(raw: bytes, ascii_text: str) -> Decoded:
    """Pure ASCII with escape sequences may be ISO-2022-JP/KR or HZ, which chardet knows."""
    try:
        guess = guess_legacy(raw)
    except (BinaryInputError, UndecodableBytesError):
        return _result(ascii_text, "utf-8", 1.0, raw=raw)
    if guess.encoding.startswith(("iso2022", "hz")) and not guess.unknown:
        return _result(guess.text, guess.encoding, guess.confidence, raw=raw)
    return _result(ascii_text, "utf-8", 1.0, raw=raw)


def _decode_mostly_utf8(raw: bytes, bom: bytes, *, declared: bool) -> Decoded | None:
    """UTF-8 in which a few bytes are not: decode those one by one as cp1252.

    Applies when the bytes are mostly valid UTF-8 (at least as many valid multi-byte
    sequences as stray bytes, at least one of them), when a UTF-8 BOM declared UTF-8, or when
    the only stray bytes are a multi-byte sequence cut off at the end. Python's strict
    decoder decides what a valid sequence is, so overlong forms (``C0 BC`` for ``<``) and
    encoded surrogates (``ED A0 80``) are never valid: each of their bytes becomes a cp1252
    character. Returns ``None`` when the bytes are not mostly UTF-8.
    """
    body = raw[len(bom) :]
    escaped = body.decode("utf-8", "surrogateescape")
    runs = [match.span() for match in ESCAPED_BYTES.finditer(escaped)]
    stray = sum(end - start for start, end in runs)
    multibyte = len(_MULTIBYTE_CHAR.findall(escaped))
    truncated = len(runs) == 1 and runs[0][1] == len(escaped) and _is_cut_sequence(body)
    if truncated:
        if not (declared or multibyte or stray > 1):
            return None  # "café" in cp1252 ends like a cut UTF-8 sequence too
        warnings = ("the input ends in the middle of a UTF-8 character",)
    elif declared or (multibyte and stray <= multibyte):
        warnings = (f"{stray} byte(s) that are not UTF-8 decoded as cp1252",)
    else:
        return None
    text = stray_bytes_as_cp1252(escaped)
    confidence = 0.9 if truncated else 0.8
    return _result(
        text,
        MIXED_UTF8_CP1252,
        confidence,
        bom=bom,
        warnings=warnings,
        fallback_spans=tuple(runs),
        raw=raw,
    )


def _is_cut_sequence(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.end == len(body) and error.reason == "unexpected end of data"
    return False


def _bytes_as_cp1252(data: bytes) -> str:
    return stray_bytes_as_cp1252(data.decode("ascii", "surrogateescape"))


def _decode_as(raw: bytes, encoding: str) -> Decoded:
    """Decode with a codec the caller named, recognising its BOM."""
    try:
        wanted = codecs.lookup(encoding).name
    except LookupError:
        raise UndecodableBytesError(f"unknown encoding {encoding!r}") from None
    bom, bom_encoding = _find_bom(raw)
    if bom_encoding is not None and bom_encoding.startswith(wanted.removesuffix("-sig")):
        encoding, raw_body = bom_encoding, raw[len(bom) :]
    else:
        bom, raw_body = b"", raw
    try:
        text = raw_body.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableBytesError(
            f"the bytes are not valid {encoding}: {error.reason} at byte {error.start}"
        ) from None
    return _result(text, encoding, 1.0, bom=bom, raw=raw)
