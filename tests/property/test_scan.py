"""The one scan that lets clean text skip the rules (``fixtext.scan``) must never skip text
a rule would change or report: whatever the rules find, the scan matches first."""

from __future__ import annotations

import json
import re

import pytest
from corpora import corpus_path
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import SINGLE_BYTE_CODE_PAGES, Damaged, damaged_texts, real_texts

from fixtext import codepages
from fixtext.config import Config
from fixtext.pipeline import left_as_is, may_be_damaged, run_rules
from fixtext.rules import bom, cjk, controls, entities, legacy, lost
from fixtext.scan import compile_triggers

_CONFIG = Config()


def _upper_halves() -> str:
    """Every character the single-byte code pages give bytes 80–FF."""
    chars = set()
    for name in SINGLE_BYTE_CODE_PAGES:
        chars.update(bytes(range(0x80, 0x100)).decode(name, "ignore"))
    return "".join(sorted(chars))


# Mojibake's raw material and what clean text is made of, mixed at random: the characters
# of every code page, C1 controls, CJK, kana and Hangul, replacement characters, entities.
_SOUP = st.text(
    st.one_of(
        st.sampled_from(_upper_halves()),
        st.sampled_from("abcdeABCDE  .,?&;#'\"%s0123456789\n"),
        st.characters(min_codepoint=0x80, max_codepoint=0x9F),
        st.sampled_from("譁蟄怜喧縺文字化け閫夐选项한국어の是\ufffd\u00a0ï»¿"),
    ),
    max_size=24,
)


def _assert_scan_sees(text: str) -> None:
    result = run_rules(text, _CONFIG)
    if result.changes or result.unapplied or result.text != text:
        assert not left_as_is(text, _CONFIG), (text, result)


@given(_SOUP)
def test_scan_sees_whatever_the_rules_find_in_random_text(text: str) -> None:
    _assert_scan_sees(text)


@given(damaged_texts())
def test_scan_sees_mojibake(case: Damaged) -> None:
    assert may_be_damaged(case.damaged)
    _assert_scan_sees(case.damaged)


@given(real_texts())
def test_scan_sees_whatever_the_rules_find_in_real_text(text: str) -> None:
    _assert_scan_sees(text)


def test_lowercase_text_is_searched_for_lowercased_mojibake() -> None:
    for damaged in ("the cafã© is open", "ð¿ñ€ð¸ð²ðµñ‚", "kdyå¾ a prvnã\xad"):
        assert not left_as_is(damaged, _CONFIG)
    assert left_as_is("ça coûte cher, le prix\xa0: 5\xa0€", _CONFIG)


def test_russian_in_capitals_is_decided_by_the_scan() -> None:
    # ``ТЕ`` is C2 B5 through ISO 8859-5 (``µ``): Russian in capitals lines up as such pairs
    # in every word, and mojibake's do not stand inside Cyrillic words.
    assert left_as_is("ТЕКСТ И СТАТУС ФАЙЛА, ПРОВЕРКА ТЕСТА", _CONFIG)
    # (``ТО`` ``ТЕ`` ``ЦИ`` are pairs, but the run starts with two continuations, ``ДА``.)
    assert left_as_is("Претвара табулаторе у свакој ДАТОТЕЦИ у размаке", _CONFIG)
    assert not left_as_is("УМber", _CONFIG)  # über through ISO 8859-5
    assert not left_as_is("ЮБЮГЮД", _CONFIG)  # αγδ


def test_cyrillic_words_before_signs_are_decided_by_the_scan() -> None:
    # A capital before ``…`` or ``“``, ``б`` before ``’є`` look like sequences (cp1251, Mac
    # Cyrillic), but follow a letter no sequence ends with; ``ні`` of ``лінії`` would be a
    # surrogate.
    assert left_as_is("використовуйте ФАЙЛ…, об’єкт у лінії КТРЛ-Y“", _CONFIG)
    for damaged in ("РџСЂРёРІРµС‚", "cafГ©", "вЂ™", "Р“Р›РђР’РќРђРЇ"):
        assert not left_as_is(damaged, _CONFIG), damaged


def test_arabic_words_joined_by_middle_dots_are_decided_by_the_scan() -> None:
    # ``ا·`` is C7 B7 through cp1256 (``Ƿ``), ``د·`` CF B7 (``Ϸ``): rare letters no repair
    # gives; some Arabic catalogues write ``·`` between words.
    assert left_as_is("إذا·كان·الفضاء·الإضافي·رقم·العمود·الذي·ستربط", _CONFIG)
    # Arabic's own mojibake still reaches the rules (``ط§`` is ``ا``, D8 A7), and so does a
    # Greek letter through cp1256 (``خ·`` is ``η``, CE B7).
    assert not left_as_is("ط§ظ„ط¹ط±ط¨ظٹط©", _CONFIG)
    assert not left_as_is("Hخ·llo", _CONFIG)


def test_persian_letters_after_greek_or_cyrillic_leads_are_decided_by_the_scan() -> None:
    # ``رچ`` is D1 8D through cp1256 (``э``), ``دک`` CF 98: Persian writes them in every
    # other word. Mojibake of those scripts, and of Persian itself, still reaches the rules,
    # and so does Latin (``أ،`` is ``á``, with the Arabic comma A1).
    assert left_as_is("برچسب بزرگ خودکار ترکیب کدگذاری", _CONFIG)
    for damaged in ("ظ¾غŒط´ع©ط§ط±", "ذںر€ذ¸ذ²ذµر‚", "pأ،gina"):
        assert not left_as_is(damaged, _CONFIG), damaged


def test_thai_letters_beside_their_marks_are_decided_by_the_scan() -> None:
    # ``อช`` is CD AA through windows-874 (``ͪ``): standing alone it would be a Latin
    # text's sign, but Thai's vowel and tone marks around it make it part of a word.
    assert left_as_is("เครื่องมือช่วย", _CONFIG)
    assert not left_as_is("non รจ", _CONFIG)  # ``è`` standing alone, C3 A8
    # Thai's own sequences start with ``เ`` (E0): ``ันท`` of ``ทันที`` is no E0 B9 xx.
    assert left_as_is("การยืนยันตัวบุคคล ทันที วันที่", _CONFIG)
    assert not left_as_is("เธชเธงเธฑเธชเธ”เธต", _CONFIG)  # สวัสดี through windows-874


def test_scan_passes_most_clean_text() -> None:
    clean = ["Ça coûte cher, à mon ami.", "Größe – “quoted”", "Привет, мир!", "Καλημέρα"]
    assert [may_be_damaged(text) for text in clean] == [False] * 4
    damaged = ["donâ€™t", "cafÃ©", "РїСЂРёРІРµС‚", "譁�蟄怜喧縺�", "âWe", "f&amp;uuml;r"]
    assert all(may_be_damaged(text) for text in damaged)


def test_a_trigger_starts_with_a_character_class() -> None:
    with pytest.raises(ValueError, match="character class"):
        compile_triggers([("Ã", "©")])
    with pytest.raises(ValueError, match="character class"):
        compile_triggers([("[^a]", "")])


def test_scan_sees_whatever_the_rules_find_in_the_dev_set() -> None:
    """Every row the scan passes over, clean or damaged, gives the rules nothing to do."""
    path = corpus_path("dev-mojibake", "dev.jsonl")
    skipped = 0
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    for row in rows:
        for text in (row["input"], row["clean"]):
            if not text.isascii() and left_as_is(text, _CONFIG):
                skipped += 1
                result = run_rules(text, _CONFIG)
                assert (result.text, result.changes, result.unapplied) == (text, (), ()), row["id"]
    assert skipped > 1000  # the scan does decide most clean text


_EVERY_TRIGGER = [
    *bom.TRIGGERS,
    *codepages.TRIGGERS,
    *cjk.TRIGGERS,
    *controls.TRIGGERS,
    *entities.TRIGGERS,
    *legacy.TRIGGERS,
    *lost.TRIGGERS,
]
# Each trigger on its own, as written: what the scan must match, no more and no less, however
# it reorders them (started on their second character, split in two expressions).
_PLAIN = re.compile("|".join(f"{first}(?:{rest})" for first, rest in _EVERY_TRIGGER))


@given(st.text(st.sampled_from(_upper_halves() + "abcABZ \n%s1_ёіїєґЁ"), max_size=6))
@example("Aͺ")  # a Latin letter before the first Greek one, which the scan searches from
@example("дa")
def test_scan_matches_exactly_where_a_trigger_does(text: str) -> None:
    assert may_be_damaged(text) == bool(_PLAIN.search(text))


def test_triggers_on_running_letters_start_on_their_rarer_character() -> None:
    # ``[а-р]`` (a three-byte UTF-8 lead through cp1251) then two signs is searched from the
    # signs; a Cyrillic letter before a Latin one cannot be, and still matches.
    scan = compile_triggers([("[а-р]", "[«»–]{2}"), ("[а-я]", "[A-Za-z]")])
    assert [scan.search(text) for text in ("п«»", "да «–» нет", "пр»", "яa", "aя")] == [
        True,
        False,
        False,
        True,
        False,
    ]


def test_triggers_on_latin_letters_are_grouped_by_what_follows() -> None:
    # Triggers that start on an accented Latin-1 letter are tried by the class of the next
    # character; each keeps its own first class, count and look behind.
    scan = compile_triggers(
        [("[éè]", "[©®]{2}"), ("[é]", "[ ]x"), ("[ü]", "(?<=[a-z].)"), ("[ÿ]", ""), ("[ä]", "[©]")]
    )
    matched = ["é©®", "è®©", "é x", "aü", "ÿ", "ä©", "Ωé©® "]
    passed = ["é©", "è x", "é ©", "ü", " ü", "é", "è©®"[1:], "ä®", "café über"]
    assert [bool(scan.search(text)) for text in matched] == [True] * len(matched)
    assert [bool(scan.search(text)) for text in passed] == [False] * len(passed)


# Bytes rich in what UTF-8 sequences are made of: leads of two, three and four bytes, and
# continuation bytes, with ASCII between.
_UTF8_PARTS = st.sampled_from(
    [bytes([b]) for b in (0x41, 0x20, 0xCE, 0xD0, 0xD7, 0xDB, 0xDC, 0xE3, 0xEF, 0xF0, 0xF4)]
    + [bytes([b]) for b in range(0x80, 0xC0, 7)]
    + ["дом".encode(), "文字".encode(), "😀".encode(), "ا".encode()]
)


@given(st.lists(_UTF8_PARTS, max_size=30).map(b"".join))
def test_the_cjk_byte_gate_passes_every_wide_reading(encoded: bytes) -> None:
    # The byte gate may let through what has no wide reading, never the other way round.
    from fixtext.rules.cjk import _may_read_wide, _wide_reading

    if _wide_reading(encoded.decode("utf-8", "replace")):
        assert _may_read_wide(encoded)


def test_markup_entities_escaped_once_are_decided_by_the_scan() -> None:
    # ``&amp;`` and ``&lt;`` escaped once are kept, so a text holding only those gives the
    # entity rule nothing to do; escaped twice, or any other entity, they reach the rules.
    assert left_as_is("Tom &amp; Jerry, «AT&amp;T», &lt;b&gt; et &quot;été&quot;", _CONFIG)
    for damaged in ("Abbott &amp;amp; Costello", "f&amp;uuml;r", "caf&eacute; à", "&#1042;"):
        assert not left_as_is(damaged, _CONFIG), damaged
