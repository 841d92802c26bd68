"""Bytes to text (placeholder: strict UTF-8 only; the full decoder replaces it)."""

from __future__ import annotations

from dataclasses import dataclass

from fixtext.errors import UndecodableBytesError

__all__ = ["Decoded", "decode"]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    confidence: float
    bom: bytes
    newline: str


def decode(data: bytes) -> Decoded:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UndecodableBytesError(str(error)) from None
    return Decoded(text, "utf-8", 1.0, b"", "\n")
