"""Invariants of fixtext.decode, checked on generated inputs."""

from __future__ import annotations

import functools
import io

import pytest
import wordfreq
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtext.decode import decode, encode_like, incremental_decoder
from fixtext.errors import BinaryInputError, UndecodableBytesError
from fixtext.files.read import open_text

# Any text except surrogates (not encodable) and NUL: a NUL byte is how BOM-less UTF-16/32
# and binary data are told apart, so text holding U+0000 is not plain UTF-8 input.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))

# Languages and the legacy code pages their text is still found in.
LEGACY_CASES = [
    ("ru", "cp1251"),
    ("ru", "koi8-r"),
    ("el", "cp1253"),
    ("fr", "cp1252"),
    ("de", "cp1252"),
    ("pl", "cp1250"),
    ("pl", "iso8859-2"),
    ("tr", "cp1254"),
    ("he", "cp1255"),
    ("ja", "shift_jis"),
    ("ja", "euc_jp"),
    ("zh", "gbk"),
    ("ko", "euc_kr"),
]
MIN_SENTENCE_BYTES = 300


@functools.cache
def common_words(language: str, encoding: str) -> list[str]:
    """The language's 2,000 most common words that the code page can encode."""
    words = []
    for word in wordfreq.top_n_list(language, 2000):
        try:
            word.encode(encoding)
        except UnicodeEncodeError:
            continue
        words.append(word)
    return words


def sentence_bytes(words: list[str], language: str, encoding: str) -> tuple[str, bytes]:
    """Words joined into text, cut once its encoding reaches MIN_SENTENCE_BYTES."""
    separator = "" if language in ("ja", "zh") else " "
    text = ""
    for word in words:
        text = f"{text}{separator}{word}" if text else word
        if len(text.encode(encoding)) >= MIN_SENTENCE_BYTES:
            break
    return text, text.encode(encoding)


@given(TEXT)
def test_utf8_text_decodes_back_exactly(text: str) -> None:
    """Valid UTF-8 bytes decode to the text they encode (a leading U+FEFF is the BOM)."""
    data = text.encode("utf-8")
    decoded = decode(data)
    assert decoded.bom + decoded.text.encode("utf-8") == data
    assert decoded.text == text.removeprefix("\ufeff")
    assert encode_like(decoded.text, decoded) == data


@given(st.text(st.characters(blacklist_categories=("Cs",))), st.sampled_from(["le", "be"]))
def test_utf16_with_bom_decodes_back_exactly(text: str, order: str) -> None:
    """UTF-16 with a BOM decodes to its text, NULs included, and writes back identically.

    A little-endian text that starts with U+0000 is left out: FF FE 00 00 is also the
    UTF-32-LE BOM, and the longer mark wins when the rest decodes as UTF-32.
    """
    if order == "le" and text.startswith("\x00"):
        text = text.lstrip("\x00")
    data = ("\ufeff" + text).encode(f"utf-16-{order}")
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encoding == f"utf-16-{order}"
    assert encode_like(decoded.text, decoded) == data


@pytest.mark.parametrize(("language", "encoding"), LEGACY_CASES)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_legacy_sentences_decode_back_exactly(
    language: str, encoding: str, data: st.DataObject
) -> None:
    """Sentences of common words in a legacy code page of their language decode exactly,
    once a few hundred bytes long (the decoded text is compared, not the codec's name)."""
    # Distinct words, as in real text: one character repeated 300 times is no sentence.
    vocabulary = st.sampled_from(common_words(language, encoding))
    words = data.draw(st.lists(vocabulary, min_size=150, unique=True))
    text, encoded = sentence_bytes(words, language, encoding)
    decoded = decode(encoded)
    assert decoded.text == text, decoded.encoding
    assert encode_like(decoded.text, decoded) == encoded


@settings(deadline=None)  # the first input that needs chardet pays for loading it
@given(st.binary(min_size=1))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    """Any bytes either decode to text that writes back to the same bytes, or raise a
    fixtext error saying why; nothing else escapes."""
    from fixtext.errors import BinaryInputError, UndecodableBytesError

    try:
        decoded = decode(data)
    except (BinaryInputError, UndecodableBytesError):
        return
    assert encode_like(decoded.text, decoded) == data
    assert not any("\ud800" <= char <= "\udfff" for char in decoded.text)


@settings(max_examples=200, deadline=None)
@given(
    TEXT,
    st.lists(st.binary(min_size=1, max_size=3), max_size=3),
    st.integers(min_value=16, max_value=200),
)
def test_chunks_hold_every_byte_once_and_decode_like_the_whole(
    text: str, strays: list[bytes], chunk_size: int
) -> None:
    """Reading in chunks loses, alters or repeats no byte: the chunks' bytes are the input's
    bytes after the BOM, and their text is what the encoding the reader ended with gives for
    the whole body."""
    data = text.encode() + b"".join(strays)
    try:
        source = open_text(io.BytesIO(data), chunk_size=chunk_size)
        chunks = list(source.chunks)
    except (BinaryInputError, UndecodableBytesError):
        return  # refused as a whole, before or while reading: nothing to write back
    body = data[len(source.bom) :]
    assert b"".join(chunk.raw for chunk in chunks) == body
    expected = incremental_decoder(source.encoding).decode(body, final=True)
    assert "".join(chunk.text for chunk in chunks) == expected
