"""UTF-8 read through CJK double-byte code pages: how a text is told to be CJK text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fixtext
from fixtext.rules.cjk import (
    _clearly_cjk,
    _counted_main_script,
    _main_script,
    find_cjk_repairs,
    may_repair,
)


@pytest.mark.parametrize(
    ("text", "main"),
    [
        # Chinese glued to ASCII words, as software messages write it: CJK text.
        ('%s: --detail 后预期两个参数 在目录"%s"下不能创建Unix域的网络套接字', "cjk"),
        ("考虑使用AFTER触发器代替BEFORE触发器，来改变其它行的值", "cjk"),
        # Latin words with a CJK character for each accented letter: not CJK text.
        ("Le fichier a été d茅couvert par l'茅quipe", None),
        ("zvl叩邸tn鱈 p鱈smena", None),
        ("ﾄ妥｡ng m盻絞窶ｦ", None),  # Vietnamese through cp932
    ],
)
def test_main_script(text: str, main: str | None) -> None:
    assert _main_script(text) == main


def test_cjk_text_glued_to_ascii_words_is_judged_as_cjk_text() -> None:
    # As CJK text, a code page must read two wide characters in a row to be considered;
    # no Latin reading of a single character inside a word is looked for.
    text = '%s: --detail 后预期两个参数 在目录"%s"下不能创建Unix域的网络套接字'
    assert find_cjk_repairs(text) == []


_CJK_SOUP = st.text(
    st.one_of(
        st.sampled_from(
            "的是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会"
        ),
        st.sampled_from("かなカナ한국어ｱｲﾃｩ、。「」：，"),
        st.sampled_from("abcdeXYZ  .,%s-_0123"),
        st.sampled_from("éàüçñ«»"),
    ),
    max_size=40,
)


@given(_CJK_SOUP)
def test_the_quick_count_agrees_with_the_full_one(text: str) -> None:
    if _clearly_cjk(text):
        assert _counted_main_script(text) == "cjk"


# Clean CJK text, and the mojibake UTF-8 makes of it through each CJK code page, in pieces.
_MOJIBAKE_PIECES = [
    "文字化けを直すツール".encode().decode(codec, "replace")
    for codec in ("cp932", "gb18030", "cp949", "cp950", "euc_jp")
] + ["选项".encode().decode("gbk", "replace"), "приятно".encode().decode("gbk", "replace")]
_CJK_OR_MOJIBAKE = st.lists(
    st.one_of(_CJK_SOUP, st.sampled_from(_MOJIBAKE_PIECES)), min_size=1, max_size=4
).map("".join)


@given(_CJK_OR_MOJIBAKE)
def test_what_the_first_checks_pass_over_has_nothing_to_repair(text: str) -> None:
    if not may_repair(text):
        assert find_cjk_repairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "文字化けを直すツール",
        "这个软件包记下了完整的历史记录。",
        "이 파일을 열 수 없습니다",
        '%s: --detail 后预期两个参数 在目录"%s"下不能创建Unix域的网络套接字',
    ],
)
def test_clean_cjk_text_is_decided_by_the_first_checks(text: str) -> None:
    assert not may_repair(text)


@pytest.mark.parametrize(
    "text",
    ["git pull [<閫夐」>]", "譁�蟄怜喧縺ｮ蝠城｡�", "锌褉懈褟褌薪芯", "Le fichier a été d茅couvert"],
)
def test_mojibake_passes_the_first_checks(text: str) -> None:
    assert may_repair(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ``à`` read as GBK is ``脿``: alone, a letter that is an everyday word is repaired.
        ("Il est 脿 la maison", "Il est à la maison"),
        # ``ä`` read as EUC-KR is ``채``, a Korean syllable: ``ä`` is no word of its own.
        ("채 “the”", "채 “the”"),
        ("채 the", "채 the"),
    ],
)
def test_a_letter_alone_is_read_only_as_an_everyday_word(text: str, expected: str) -> None:
    assert fixtext.clean(text) == expected
