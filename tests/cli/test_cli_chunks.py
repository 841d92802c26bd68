"""Reading in chunks: the same findings, offsets and output as reading the file whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fixtext import Config, repair
from fixtext.decode import decode
from fixtext.files.process import Job, Mode, Status, process_file
from fixtext.files.read import WiderEncodingNeeded, open_text

LINES = [
    "Plain ASCII line number {i}.",
    "The cafÃ© on line {i} says donâ€™t.",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ and naïve “quotes” stay on {i}.",
]


def _text(count: int) -> str:
    return "".join(
        LINES[i % 3].format(i=i) + ("\r\n" if i % 5 == 0 else "\n") for i in range(count)
    )


def _positions(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


@pytest.mark.parametrize("chunk_size", [64, 100, 1 << 20])
def test_findings_match_the_whole_text(tmp_path: Path, chunk_size: int) -> None:
    text = _text(60)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    result = process_file(path, Job(Mode.REPORT, Config(), chunk_size=chunk_size))
    assert result.status is Status.CHANGED
    assert result.change_count == len(result.findings) > 0
    for finding in result.findings:
        assert text[finding.start : finding.end] == finding.before
        assert (finding.line, finding.column) == _positions(text, finding.start)


@pytest.mark.parametrize("chunk_size", [64, 1 << 20])
def test_written_file_is_the_repair_of_the_whole_text(tmp_path: Path, chunk_size: int) -> None:
    text = _text(60)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    result = process_file(path, Job(Mode.WRITE, Config(), chunk_size=chunk_size))
    assert result.written
    expected = "".join(repair(line).text for line in text.splitlines(keepends=True))
    assert path.read_bytes() == expected.encode()


def test_long_line_is_cut_without_splitting_characters_or_damage() -> None:
    line = ("naïve cafÃ© " * 40 + "Ã©" * 30 + "x" * 50) * 2 + "\n"
    source = open_text(io.BytesIO(line.encode("utf-8") * 3), chunk_size=64)
    chunks = list(source.chunks)
    assert "".join(chunk.text for chunk in chunks) == line * 3
    assert all(len(chunk.text) <= 64 for chunk in chunks)
    for chunk in chunks:
        # No chunk starts with the second half of "Ã©" unless a run of them was too long.
        if not chunk.text.startswith("©Ã©Ã©"):
            assert not chunk.text.startswith("©")
    assert [chunk.start for chunk in chunks] == [
        sum(len(c.text) for c in chunks[:i]) for i in range(len(chunks))
    ]


def test_multibyte_characters_across_blocks(tmp_path: Path) -> None:
    # Every character is 3 bytes in UTF-8 and 2 in UTF-16: blocks of 64 bytes cut them.
    text = "日本語のテキスト、文字化けなし。\n" * 40
    for encoding, bom in (("utf-8", b""), ("utf-16-le", b"\xff\xfe")):
        source = open_text(io.BytesIO(bom + text.encode(encoding)), chunk_size=64)
        assert source.encoding == encoding
        assert "".join(chunk.text for chunk in source.chunks) == text


def test_mixed_utf8_and_cp1252_lines_are_decoded_in_chunks() -> None:
    data = ("UTF-8 line: café\n".encode() + "cp1252 line: café\n".encode("cp1252")) * 20
    source = open_text(io.BytesIO(data), chunk_size=64)
    assert source.encoding == "utf-8+cp1252"
    assert (
        "".join(chunk.text for chunk in source.chunks)
        == ("UTF-8 line: café\ncp1252 line: café\n") * 20
    )


def test_utf16_without_bom_is_text_and_nul_bytes_elsewhere_are_binary(tmp_path: Path) -> None:
    text = "Plain UTF-16 text without a byte-order mark.\n" * 30000  # several blocks
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode("utf-16-le"))
    result = process_file(path, Job(Mode.CHECK, Config()))
    assert (result.status, result.encoding) == (Status.CLEAN, "utf-16-le")
    path.write_bytes(b"text\x00\x00with NUL bytes on both offsets\n")
    assert process_file(path, Job(Mode.CHECK, Config())).status is Status.SKIPPED


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (("naïve “quotes” cafÃ©\r\n" * 20).encode(), "utf-8"),
        (("naïve “quotes”\n" * 9).encode() + b"caf\xe9 " * 3 + b"\n", "utf-8+cp1252"),
        (b"\xef\xbb\xbf" + ("日本語のテキスト " * 30 + "\n").encode(), "utf-8"),
        ("Grüße aus Köln \U0001f600\r\n".encode("utf-16-le") * 20, "utf-16-le"),
        (("中文文本，没有错误。\n" * 20 + "中文" * 50).encode("gb2312"), "gb2312"),
        ("日本語のテキストです。\n".encode("shift_jis") * 20, "shift_jis"),
    ],
)
@pytest.mark.parametrize("chunk_size", [64, 65, 101])
def test_chunks_carry_the_bytes_their_text_was_decoded_from(
    data: bytes, encoding: str, chunk_size: int
) -> None:
    source = open_text(io.BytesIO(data), chunk_size=chunk_size)
    chunks = list(source.chunks)
    whole = decode(data)
    assert "".join(chunk.text for chunk in chunks) == whole.text
    assert source.bom + b"".join(chunk.raw for chunk in chunks) == data
    assert (source.encoding, source.bom) == (encoding, whole.bom)
    if encoding != "utf-8+cp1252":
        for chunk in chunks:
            assert chunk.raw.decode(encoding) == chunk.text


def test_utf8_that_turns_mixed_after_the_first_block_goes_on_as_mixed() -> None:
    data = ("naïve text\n" * 20).encode() + b"caf\xe9\n" + "Grüße\n".encode()
    source = open_text(io.BytesIO(data), chunk_size=64)
    assert source.encoding == "utf-8"
    text = "".join(chunk.text for chunk in source.chunks)
    assert (source.encoding, text) == ("utf-8+cp1252", decode(data).text)


def test_gbk_after_a_gb2312_block_asks_for_a_second_reading() -> None:
    data = ("中文文本，没有错误。\n" * 20).encode("gb2312") + "镕\n".encode("gbk")
    source = open_text(io.BytesIO(data), chunk_size=64)
    with pytest.raises(WiderEncodingNeeded) as raised:
        list(source.chunks)
    assert raised.value.encoding == "gbk"
    again = open_text(io.BytesIO(data), chunk_size=64, encoding=raised.value.encoding)
    assert "".join(chunk.text for chunk in again.chunks) == data.decode("gbk")
