"""Lossy CJK repairs: UTF-8 read as Shift_JIS, GBK, EUC-KR or Big5 with bytes lost to ``�``,
alone in a run or glued to clean text."""

from __future__ import annotations

import fixtext
from fixtext.rules.lost_cjk import find_cjk_repairs


def misread(text: str, codec: str) -> str:
    """``text`` as UTF-8 read through ``codec``, each byte that did not decode a ``�``."""
    return text.encode("utf-8").decode(codec, "replace")


def test_whole_run() -> None:
    damaged = misread("请选择一个文件", "gbk")
    assert "\ufffd" in damaged
    assert fixtext.clean(damaged + " (OK)") == "请选择一个文件 (OK)"


def test_damage_glued_to_clean_chinese() -> None:
    damaged = misread("文件名", "gbk")
    assert damaged == "鏂囦欢鍚\ufffd"
    assert fixtext.clean("这是一个" + damaged + "的例子") == "这是一个文件名的例子"


def test_damage_glued_to_clean_japanese() -> None:
    # ``け`` lost its last byte where the damage ends: ``し`` fits as well, so ``�`` may stay.
    damaged = misread("文字化け", "shift_jis")
    result = fixtext.clean("このテキストは" + damaged + "です")
    assert result in {"このテキストは文字化けです", "このテキストは文字化\ufffdです"}


def test_only_the_damaged_part_is_edited() -> None:
    damaged = misread("文件名", "gbk")
    text = "这是一个" + damaged + "的例子"
    edits = find_cjk_repairs(text)
    assert [(edit.start, edit.end, edit.after) for edit in edits] == [
        (4, 4 + len(damaged), "文件名")
    ]


def test_damage_after_clean_text_up_to_the_run_end() -> None:
    damaged = misread("选择一个文件", "gbk")
    assert fixtext.clean("请" + damaged + "。") == "请选择一个文件。"


def test_lone_replacement_character_in_clean_text_stays() -> None:
    for text in ("このテキストは\ufffdです", "这是一个\ufffd的例子", "設定を\ufffd保存しました。"):
        assert fixtext.clean(text) == text


def test_bracket_opened_before_the_run_closes_at_its_end() -> None:
    damaged = misread("）", "gbk")
    assert damaged == "锛\ufffd"
    text = "存在且为符号链接（同 -L" + damaged + "\n"
    assert fixtext.clean(text) == "存在且为符号链接（同 -L）\n"


def test_bracket_opened_before_the_run_does_not_close_before_a_word() -> None:
    # ``：`` (EF BC 9A) and ``）`` (EF BC 89) both read as ``锛�``; a word follows here.
    text = "编码（ZeroMQ " + misread("标准：", "gbk") + "32/Z85）"
    assert "）32" not in fixtext.clean(text)


def test_a_full_width_mark_that_ends_a_line_is_no_comma() -> None:
    # ``，：；！？（）`` all read as ``锛�`` (EF BC and a lost byte); word lists count none of
    # them. By their own frequency a comma would win, but a comma ends no line, and a
    # bracket closes only what was opened: the colon.
    damaged = misread("却得到垃圾数据：", "gbk")
    assert damaged.endswith("锛\ufffd")
    assert fixtext.clean(damaged + "\n %s") == "却得到垃圾数据：\n %s"


def test_an_ellipsis_is_weighed_as_a_mark_against_a_quotation_mark() -> None:
    # ``…`` and ``”`` are both E2 80 and a byte; neither pairs in any word list.
    damaged = misread("这可能需要一段时间……", "gbk")
    assert "\ufffd" in damaged
    assert fixtext.clean(damaged + " OK") == "这可能需要一段时间…… OK"


def test_a_full_width_bracket_closes_what_the_run_opened() -> None:
    damaged = misread("（不安全）", "gbk")
    assert fixtext.clean(damaged) == "（不安全）"


def test_traditional_chinese_keeps_traditional_characters() -> None:
    # The word list is Simplified; a lost byte in Traditional text is still Traditional.
    for before, original, after in (("請先", "移動檔案", "再試一次"), ("無法讀取", "設定", "檔案")):
        damaged = misread(original, "big5")
        assert "\ufffd" in damaged
        assert fixtext.clean(before + damaged + after) == before + original + after


def test_simplified_chinese_keeps_simplified_characters() -> None:
    damaged = misread("路径 '%s' 不存在", "gbk")
    assert damaged.startswith("璺\ufffd寰\ufffd")  # 径 and 徑 both fit, without context
    assert fixtext.clean(damaged) == "路径 '%s' 不存在"


def test_undamaged_mojibake_beside_damage_in_the_same_run() -> None:
    lossy, lossless = misread("文件名", "gbk"), misread("设置选项", "gbk")
    assert "\ufffd" in lossy and "\ufffd" not in lossless
    text = "这是一个" + lossy + "和" + lossless + "的例子"
    assert fixtext.clean(text) == "这是一个文件名和设置选项的例子"
