"""Encodings through the command: what the first block does not show, and clean files that
must come back byte for byte.

The big files are a little over one block (1 MiB), the size the encoding is detected on, so
that what matters comes after it.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from cli_helpers import CLEAN, DAMAGED, REPAIRED, Fixtext, write

BLOCK = 1 << 20


def _lines(line: bytes, size: int) -> bytes:
    return line * (size // len(line) + 1)


def _report(fixtext: Fixtext, *args: str) -> dict[str, dict[str, object]]:
    run = fixtext("--format", "json", *args)
    document = json.loads(run.out)
    assert not document["skipped"], document["skipped"]
    return {entry["path"]: entry for entry in document["files"]}


def test_utf16_without_bom_is_processed_not_skipped(fixtext: Fixtext, tmp_path: Path) -> None:
    text = "Plain text in UTF-16 without a byte-order mark.\n" * 20 + DAMAGED
    path = write(tmp_path / "wide.txt", text.encode("utf-16-le"))
    files = _report(fixtext, "wide.txt")
    assert (files["wide.txt"]["status"], files["wide.txt"]["encoding"]) == ("changed", "utf-16-le")
    assert fixtext("--write", "wide.txt").code == 0
    assert path.read_bytes() == text.replace(DAMAGED, REPAIRED).encode("utf-16-le")


def test_stray_cp1252_byte_after_the_first_block(fixtext: Fixtext, tmp_path: Path) -> None:
    head = DAMAGED.encode() + _lines(CLEAN.encode(), BLOCK)
    tail = "A stray cp1252 byte: naïve.\n".encode("cp1252") + CLEAN.encode()
    path = write(tmp_path / "big.txt", head + tail)
    files = _report(fixtext, "big.txt")
    assert (files["big.txt"]["status"], files["big.txt"]["encoding"]) == (
        "changed",
        "utf-8+cp1252",
    )
    run = fixtext("--write", "big.txt")
    assert run.code == 0, run.err
    # The damage in the first block is repaired; every other byte, the stray one included,
    # is where it was.
    assert path.read_bytes() == head.replace(DAMAGED.encode(), REPAIRED.encode()) + tail


def test_clean_file_with_a_late_stray_byte_is_left_alone(fixtext: Fixtext, tmp_path: Path) -> None:
    original = _lines(CLEAN.encode(), BLOCK) + b"caf\xe9\r\n" + CLEAN.encode()
    path = write(tmp_path / "big.txt", original)
    run = fixtext("--write", "big.txt")
    assert run.code == 0, run.err
    assert path.read_bytes() == original


def test_cp1252_file_with_a_rare_character_late(fixtext: Fixtext, tmp_path: Path) -> None:
    # Nothing in the first block tells cp1252 from ISO-8859-1; the euro sign and "œ" later do.
    head = _lines("Le déjeuner était délicieux, à côté de l'église.\r\n".encode("cp1252"), BLOCK)
    tail = "Prix : 12 € le cœur, cafÃ© compris.\r\n".encode("cp1252")
    path = write(tmp_path / "legacy.txt", head + tail)
    files = _report(fixtext, "legacy.txt")
    assert (files["legacy.txt"]["encoding"], files["legacy.txt"]["change_count"]) == ("cp1252", 1)
    run = fixtext("--write", "legacy.txt")
    assert run.code == 0, run.err
    assert path.read_bytes() == head + "Prix : 12 € le cœur, café compris.\r\n".encode("cp1252")


CHINESE = (
    "这是一个没有错误的中文文本文件。",
    "我们今天去公园散步，天气很好。",
    "北京是中华人民共和国的首都。",
    "他喜欢在图书馆里看书和学习。",
    "这个问题需要认真地研究和讨论。",
)


def test_gbk_character_after_a_gb2312_block(fixtext: Fixtext, tmp_path: Path) -> None:
    lines = (f"{CHINESE[i % 5]}{i}\n" for i in range(BLOCK // 30))
    head = "".join(lines).encode("gb2312")
    assert len(head) > BLOCK
    tail = "镕是GBK才有的字。\n".encode("gbk")  # "镕" is not in GB2312
    original = head + tail
    path = write(tmp_path / "chinese.txt", original)
    files = _report(fixtext, "chinese.txt")
    assert (files["chinese.txt"]["status"], files["chinese.txt"]["encoding"]) == ("clean", "gbk")
    assert fixtext("--write", "chinese.txt").code == 0
    assert path.read_bytes() == original


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(CLEAN.replace("\n", "\r\n").encode() * 50, id="utf-8-crlf"),
        pytest.param(codecs.BOM_UTF8 + CLEAN.encode() * 50, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + CLEAN.encode("utf-16-le") * 50, id="utf-16-bom"),
        pytest.param(CLEAN.encode("utf-16-be") * 50, id="utf-16-be-no-bom"),
        pytest.param("Grüße aus Köln – “zitiert”.\r\n".encode("cp1252") * 50, id="cp1252"),
        pytest.param(
            (CLEAN.encode() + "naïve € cœur\r\n".encode("cp1252")) * 50, id="utf-8+cp1252"
        ),
        pytest.param(
            codecs.BOM_UTF8 + _lines(CLEAN.encode(), BLOCK) + b"caf\xe9\n", id="big-mixed-bom"
        ),
    ],
)
def test_clean_files_stay_byte_identical(fixtext: Fixtext, tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "clean.txt", data)
    run = fixtext("--write", "clean.txt")
    assert run.code == 0, run.err
    assert path.read_bytes() == data
    # Through stdin and stdout, where every chunk is written, too.
    assert fixtext("-", stdin=data).stdout == data
