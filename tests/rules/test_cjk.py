"""UTF-8 read through CJK double-byte code pages: how a text is told to be CJK text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixtext.rules.cjk import _clearly_cjk, _counted_main_script, _main_script, find_cjk_repairs


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
