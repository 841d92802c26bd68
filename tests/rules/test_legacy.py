"""Legacy text shown through the wrong legacy code page, and what is not that."""

from __future__ import annotations

import re

import pytest

import fixtext
from fixtext.rules.legacy import find_legacy_repairs
from fixtext.rules.lost_utf8 import shaped_like_lost_utf8

_C1 = re.compile("[\x80-\x9f]")
_SCRIPTS = {
    "kana": re.compile("[\u3040-\u30ff\uff66-\uff9f]"),
    "han": re.compile("[\u3400-\u9fff]"),
    "greek": re.compile("[\u0370-\u03ff]"),
    "hangul": re.compile("[\uac00-\ud7af]"),
}


def c1_lost(text: str) -> str:
    """``text`` as UTF-8 read as Latin-1, the C1 controls then dropped."""
    return _C1.sub("", text.encode("utf-8").decode("latin-1"))


def test_legacy_double_byte_text_is_read_back() -> None:
    damaged = "下载本书".encode("gbk").decode("latin-1")
    assert [e.after for e in find_legacy_repairs(damaged)] == ["下载本书"]
    assert not shaped_like_lost_utf8(damaged)


@pytest.mark.parametrize(
    ("clean", "writer"),
    [
        # Quotation marks alone between placeholders (``¡°%s¡±``), and a run glued to the
        # ``s`` of a placeholder (``%2$s¡±ÖÐ``), come back with the words around them.
        (
            "警告：根据 Introspection 数据，接口“%2$s”中不存在方法“%1$s” 在 %2$s 中有非预期的后缀",
            "gbk",
        ),
        ("“%s”에서 “%s”(으)로 변환하는 변환기를 열 수 없습니다", "euc_kr"),
    ],
)
def test_double_byte_punctuation_and_runs_after_placeholders_come_back(
    clean: str, writer: str
) -> None:
    assert fixtext.clean(clean.encode(writer).decode("cp1252")) == clean


@pytest.mark.parametrize(
    "clean",
    [
        "เกิดข้อผิดพลาดขณะสร้างโพรเซสสำหรับบรรทัดคำสั่ง",  # Thai
        "ფედერალური ტერიტორია (ავსტრალია)",  # Georgian
        "이 트레이 아이콘의 도구 설명 내용",  # Korean
        "セクション項目サイズが一致しません",  # Japanese
        # Hindi: repaired in part, then the rest read as UTF-8 and Latin-1 mixed.
        "संप्रतीक संदर्भ '%-.*s' एक अनुमति प्राप्त संप्रतीक को एनकोड नहीं करता",
    ],
)
def test_utf8_with_dropped_c1_bytes_is_not_read_as_double_byte_text(clean: str) -> None:
    damaged = c1_lost(clean)
    assert damaged != clean and shaped_like_lost_utf8(max(damaged.split(), key=len))
    assert find_legacy_repairs(damaged) == []
    # What is repaired comes from the lost-bytes rules: never a script the text did not hold.
    repaired = fixtext.clean(damaged)
    for name, script in _SCRIPTS.items():
        assert script.search(clean) or not script.search(repaired), name


def test_shape_needs_leads_and_their_continuations() -> None:
    assert shaped_like_lost_utf8("à¸à¸´à¸")  # E0 B8 _ E0 B8 B4 E0 B8 _
    assert not shaped_like_lost_utf8("à")  # one unit is no evidence
    assert not shaped_like_lost_utf8("¸à¸")  # a continuation without its lead
    assert not shaped_like_lost_utf8("Ã©©Ã©")  # C3 A9 A9: a continuation too many
    assert shaped_like_lost_utf8("Ã©Ã©")  # whole UTF-8 has the shape too


def test_question_mark_for_an_undefined_byte_is_no_cut() -> None:
    # 크기 is ED 81 AC EA B8 B0; cp1252 has no 81, shown as ``?``: what follows the ``?``
    # goes on the same UTF-8 sequence and is no Big5 text.
    damaged = "크기".encode().decode("cp1252", errors="replace").replace("\ufffd", "?")
    assert damaged == "í?¬ê¸°"
    assert find_legacy_repairs(damaged) == []
    assert shaped_like_lost_utf8(damaged)


@pytest.mark.parametrize("text", ["10Î¼s", "IL2RÎ³cKO", "a Â½ cup"])
def test_a_sign_completing_utf8_is_no_legacy_evidence(text: str) -> None:
    # Î¼ is μ (CE BC) read as Latin-1: the sign is a continuation byte, not a letter of
    # another 8-bit code page (not ``ÎĽ``, cp1250).
    assert find_legacy_repairs(text) == []


@pytest.mark.parametrize(
    ("word", "typo"),
    [
        ("Tип", True),  # a Latin T: ``Тип``
        ("Pуccкий", True),
        ("στiς", True),  # a Latin i: ``στις``
        ("Прескачанe", True),  # one Latin letter among nine Cyrillic ones
        # Latin text read through a Cyrillic or Greek code page keeps most of its ASCII.
        ("Tйst", False),
        ("Thιβtre", False),
        ("ъћasтм", False),
    ],
)
def test_latin_look_alikes_in_a_greek_or_cyrillic_word_are_a_typo(word: str, typo: bool) -> None:
    from fixtext.rules.legacy import _homoglyph_typo

    assert _homoglyph_typo(word) is typo


def test_a_homoglyph_typo_sends_no_word_to_the_code_page_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import fixtext.rules.legacy as legacy

    def no_search(*_: object) -> object:
        raise AssertionError("pairs of code pages were tried")

    monkeypatch.setattr(legacy, "_best_pair", no_search)
    text = "нет пустого локального буфера Tип смещения: 0x%s; Прескачанe на знака"
    assert find_legacy_repairs(text) == []
    assert fixtext.clean(text) == text


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # Greek capitals carry no tonos, and the word list has them with it: ``ΦΙΛΑ`` is
        # ``φίλα``. KOI8-R reads the same letters as small Cyrillic ones (``жика``).
        ("ÖÉËÁ ÌÅ - ÂÏÓÊÏÐÏÕËÏÓ - ×ÉÙÔÇÓ", "ΦΙΛΑ ΜΕ - ΒΟΣΚΟΠΟΥΛΟΣ - ΧΙΩΤΗΣ"),
        ("ÈÅÓÓÁËÏÍÉÊÇ", "ΘΕΣΣΑΛΟΝΙΚΗ"),
    ],
)
def test_greek_capitals_read_as_latin1_come_back(damaged: str, expected: str) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    "clean",
    [
        # Words the word list lacks (``αναδίπλωσης``, ``σελιδοδείκτης``) come along with
        # the words that proved the pair: accented letters three in a row and no ASCII
        # letter are no word of a Latin language.
        "Κεφαλίδα SystemVerilog Λήψη λίστας αρχείων Πλάτος αναδίπλωσης",
        "Υπάρχει ήδη ένας σελιδοδείκτης για το URI «%s»",
        "%s: έλλειψη μνήμης Μέγεθος της καμπύλης της καρτέλας",
    ],
)
def test_greek_read_as_windows_1252_comes_back_whole(clean: str) -> None:
    assert fixtext.clean(clean.encode("cp1253").decode("cp1252")) == clean


def test_shift_jis_shown_through_windows_1252_comes_back() -> None:
    # A source comment in Shift_JIS shown as Windows-1252, its undefined bytes as C1 controls
    # (Maseya/SMB-Utility#1): cp1252's own signs (``‚ ƒ …``) sit between the letters, and
    # ``RAM`` inside is no word of another alphabet.
    clean = "ビューで敵を表示するためにスプライトRAMにデータを書き込むルーチン"
    shown = "".join(
        bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b))
        for b in clean.encode("cp932")
    )
    assert fixtext.clean("// " + shown) == "// " + clean


def test_persian_read_as_windows_1252_with_its_signs_comes_back() -> None:
    # cp1256 text shown as cp1252: ``ک`` is 98, cp1252's ``˜``; a word holding it is no
    # Latin text that would make Arabic letters out of place (python forum post).
    clean = "تو اين سورس برنامه عدد دلخواهي رو از ورودي به طول همون عدد رسم مي کنه"
    damaged = clean.encode("cp1256").decode("cp1252", errors="replace")
    assert "˜" in damaged
    assert "\ufffd" not in damaged
    assert fixtext.clean(damaged) == clean


def test_what_utf8_mojibake_left_is_not_read_as_legacy_text() -> None:
    # ``“中国”`` read as cp1252 lost the soft hyphen of ``中`` (E4 B8 AD) and the 9D of ``”``:
    # once ``“`` and ``国`` are undone, ``ä¸`` and ``â€`` are UTF-8 short of bytes, not GBK
    # read as cp1252 (``撲稿浗鈥``).
    result = fixtext.repair("â€œä¸å›½â€")
    assert not [change for change in result.changes if "-as-" in change.rule]
    assert result.text.startswith("“")
    assert "国" in result.text


@pytest.mark.parametrize("text", ["%liг %liхв %liс", "%liд %liг %liхв %liс", "%dм %sкм"])
def test_a_unit_written_after_a_placeholder_is_no_damaged_word(text: str) -> None:
    # Ukrainian days, hours, minutes and seconds after ``%li``: Latin letters glued to
    # Cyrillic ones, yet no legacy reading (Irish ``liú`` is a word, ``liг`` no damage).
    assert find_legacy_repairs(text) == []
    assert fixtext.clean(text) == text


def test_a_damaged_word_after_a_placeholder_is_still_read() -> None:
    assert [e.after for e in find_legacy_repairs("%s K\x94nig")] == ["König"]


def test_utf8_that_lost_bytes_is_no_legacy_word() -> None:
    # ``ÏÎ¿ÏÏ`` is Greek ``τους`` read as Latin-1 with its C1 bytes dropped (``Î¿`` is a
    # whole ``ο``); read as cp1255 through Mac Roman it was Hebrew. Lone leads alone stay
    # legacy text: Russian in cp1251 read as cp1252.
    assert find_legacy_repairs("ÏÎ¿ÏÏ") == []
    assert [edit.after for edit in find_legacy_repairs("Ïðèâåò, ìèð")] == ["Привет", "мир"]


@pytest.mark.parametrize(
    "clean",
    [
        # The rest of the text shows only ASCII words and signs, no Cyrillic: four accented
        # Latin-1 letters in a row that read as a known word are evidence enough of it.
        "Документ StarWriter",
        "%s: неверный базовый каталог «%s»",
        "нечисловой первый аргумент функции «wordlist»",
        "розділ [%2d] «%s»: індекс розділу %zu поза межами діапазону",
        # Short words beside words read back follow them (``ïî`` of ``ïî-íàòàòúøíà``, ``è``
        # in brackets); quoted English words show no script of their own (their quotation
        # marks are no letters).
        "извеждане във формат за по-нататъшна обработка",
        "Липсва частен ключ (и вариантите им) „start“, „skip“, „good“, „bad“",
        "Избиране на „%s“ вместо „%s“ неуспешно запазване на буфера в „%s“",
    ],
)
def test_cyrillic_read_as_windows_1252_comes_back(clean: str) -> None:
    damaged = clean.encode("cp1251").decode("cp1252")
    assert fixtext.clean(damaged) == clean


def test_a_french_word_beside_one_russian_word_read_back_keeps_its_letters() -> None:
    damaged = "Le mot Ïðèâåò veut dire « bonjour » à la française, voilà."
    assert fixtext.clean(damaged) == "Le mot Привет veut dire « bonjour » à la française, voilà."
