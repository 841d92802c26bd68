"""Lost-byte repairs: one test per kind of damage, and words that must stay as written."""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import unicodedata
from dataclasses import replace
from typing import Any

import pytest
from corpora import corpus_path

import fixtext
import fixtext.rules.lost as lost_module
from fixtext.config import Config
from fixtext.language import score_text, script_of
from fixtext.model import Edit
from fixtext.rules.lost import _forms_real_word, find_lost_byte_repairs
from fixtext.rules.lost_utf8 import c1_shown_as_qmarks, find_byte_units

CONFIG = Config()


def apply(text: str, edits: list[Edit], config: Config = CONFIG) -> str:
    """What the pipeline does with the edits: apply those sure enough, in order."""
    parts: list[str] = []
    position = 0
    for edit in edits:
        if edit.confidence < config.min_confidence:
            continue
        assert edit.start >= position, "edits overlap"
        parts.append(text[position : edit.start])
        parts.append(edit.after)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def repaired(text: str) -> str:
    return apply(text, find_lost_byte_repairs(text, CONFIG))


def drop_c1(text: str) -> str:
    """UTF-8 read as Latin-1, then the C1 controls filtered out."""
    return re.sub("[\x80-\x9f]", "", text.encode("utf-8").decode("latin-1"))


# --- C1 bytes dropped ------------------------------------------------------------------


@pytest.mark.parametrize(
    "clean",
    [
        "Está aquí, en el capítulo 3 de la información.",
        "É possível que você não saiba.",
        "Vítejte v systému, není to možné.",
    ],
)
def test_a_lost_soft_hyphen_byte_is_a_candidate(clean: str) -> None:
    # ``í`` is C3 AD: read as Latin-1, its AD is a soft hyphen, which display and copying
    # drop as often as a filter drops the C1 controls; ``Ã`` alone is then ``í``.
    damaged = drop_c1(clean).replace("\xad", "")
    assert "\xad" not in damaged and "Ã" in damaged
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize("clean", ["حمید رضا عبدی.", "سلام، حال شما خوب است؟", "صحیح است"])
def test_an_arabic_letter_whose_soft_hyphen_was_lost_is_put_back(clean: str) -> None:
    # ``ح`` is D8 AD: read as Windows-1252 its AD is a soft hyphen, which copying drops,
    # and ``Ø`` is left alone inside the word. D8 and a C1 byte make no letter, only signs.
    damaged = clean.encode("utf-8").decode("cp1252").replace("\xad", "")
    assert "Ø" in damaged
    assert fixtext.clean(damaged) == clean


def test_seed_article_is_repaired_exactly() -> None:
    folder = corpus_path("seed")
    damaged = (folder / "article.txt").read_text(encoding="utf-8")
    expected = (folder / "article.expected.txt").read_text(encoding="utf-8")
    assert repaired(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("She said: âWe agree.â Then she left.", "She said: “We agree.” Then she left."),
        ("It doesnât work.", "It doesn’t work."),
        ("From 1990â2000 it grew.", "From 1990–2000 it grew."),
        ("Loadingâ¦ please wait", "Loading… please wait"),
        ("â¢ first item", "• first item"),
    ],
)
def test_lone_a_circumflex_becomes_punctuation(damaged: str, expected: str) -> None:
    assert repaired(damaged) == expected


@pytest.mark.parametrize("clean", ["Prix\u202f: 5\u202f€", "%s:\u202fchybná volba"])
def test_narrow_no_break_space_whose_c1_byte_was_dropped(clean: str) -> None:
    # U+202F is E2 80 AF: ``â¯`` once its 80 is dropped, ``Ã¢ÂÂ¯`` two readings deep.
    once = re.sub("[\x80-\x9f]", "", clean.encode("utf-8").decode("latin-1"))
    twice = re.sub(
        "[\x80-\x9f]", "", clean.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    )
    for damaged in (once, twice):
        assert "\u202f" not in damaged
        assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "Il file è già stato aperto â riprova più tardi.",
            "Il file è già stato aperto — riprova più tardi.",
        ),
        (
            "Die Datei wurde schon geöffnet â bitte später erneut versuchen.",
            "Die Datei wurde schon geöffnet – bitte später erneut versuchen.",
        ),
        ("non valido nel nome â «%s» non è già", "non valido nel nome — «%s» non è già"),
        ("one – two â three", "one – two – three"),
    ],
)
def test_dash_between_spaces_follows_the_text_then_its_language(
    damaged: str, expected: str
) -> None:
    assert repaired(damaged) == expected


def test_lost_quotes_follow_the_quotes_the_text_uses() -> None:
    damaged = "Press ‘OK’ to save, or âCancelâ to leave."
    assert repaired(damaged) == "Press ‘OK’ to save, or ‘Cancel’ to leave."


@pytest.mark.parametrize(
    "clean",
    [
        "section [%2d] '%s': symbol ‘%s’ out of bounds",
        "MEMBER required for 'a', 'b', and ‘i’ modifiers",
        # Straight double quotes as often as single ones: no sign of single marks.
        "value 'a' or \"b\" for “%s”",
        # An attribute value is markup, not a quotation.
        "<schema id='%s'> is not yet existing schema “%s”",
    ],
)
def test_lost_quotes_follow_the_straight_quotes_the_text_uses(clean: str) -> None:
    assert repaired(drop_c1(clean)) == clean


def test_lost_quote_after_an_opening_character_closes() -> None:
    # ``“</â;``: the quotation holds ``</`` alone and ends before the semicolon.
    clean = "expected “</”; got “%s”"
    assert repaired(drop_c1(clean)) == clean


def test_lost_joiner_between_damaged_persian_letters() -> None:
    # ``برنامه‌ای``: the zero-width non-joiner (E2 80 8C) between two letters that lost
    # bytes themselves, so the letter before the ``â`` is no help; the text is Persian.
    damaged = drop_c1("برنامه\u200cای")
    assert "â" in damaged
    edits = find_lost_byte_repairs(damaged, CONFIG)
    assert "\u200c" in [edit.after for edit in edits]


def test_repeated_word_is_no_evidence_for_another_code_page() -> None:
    # ``خاصية`` loses its ي (D9 8A): the ``ÙØ©`` left is U+B778 through cp850, once by
    # chance; three times only because the word is. The run it stands in lost C1 bytes.
    damaged = drop_c1("اسم خاصية غير معروفة، خاصية جديدة، خاصية أخرى")
    assert fixtext.clean(damaged).count("خاصية") == 3


def test_other_code_page_does_not_read_across_lost_bytes() -> None:
    # ``البرنامج``, ``العربية`` lose the 85/8A of ``م``/``ي``: ``ÙØ¬``, ``ÙØ©`` are left,
    # Hangul through cp850, but a lone lead and a whole sequence read as Latin-1.
    clean = "تعليقات عن البرنامج العربية الصحراوية"
    assert fixtext.clean(drop_c1(clean)) == clean


def test_arabic_comma_is_the_punctuation_of_its_text() -> None:
    # ``،`` (D8 8C) loses its 8C: of U+0600–061F, the script's comma, not ``؉`` or a sign.
    clean = "معروفة، خاصية جديدة"
    assert fixtext.clean(drop_c1(clean)) == clean


def test_lower_case_letter_in_the_middle_of_a_sentence() -> None:
    clean = "Spațiu între butoanele de incrementare și cadrul de delimitare"
    assert repaired(drop_c1(clean).replace("Ã®", "î")) == clean


def test_german_lost_quotes_open_low() -> None:
    damaged = "Die Datei âBerichtâ wurde nicht gefunden, prüfen Sie den Namen."
    assert repaired(damaged) == "Die Datei „Bericht“ wurde nicht gefunden, prüfen Sie den Namen."


@pytest.mark.parametrize(
    "clean",
    [
        "Une école de musique ouvre à Paris. L’École est grande.",
        "Die STRASSE ist lang, die STRAßE ist breit und die Stadt ist schön.",
        "Błąd: nie można wyświetlić indeksu archiwum.",
        "Zakładka dla adresu nie istnieje.",
        "Specifică dacă fereastra este vizibilă.",
        "Текст документа не найден на сервере.",
        "Nie udało się ustawić trybu.",
    ],
)
def test_letters_with_a_lost_second_byte_are_restored(clean: str) -> None:
    assert repaired(drop_c1(clean)) == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Състояние на превключване на бутоните",
        "нет пустого локального буфера нераспознанный тип объекта",
        "Да ли треба приказати приватне ставке",  # Serbian, with its own word list
        "Παράνομη αναζήτηση σήμανσης",  # ``ς`` ends a Greek word, ``σ`` does not
    ],
)
def test_unlisted_word_chosen_by_the_letter_sequences_of_listed_ones(clean: str) -> None:
    # Neither ``бутоните`` nor ``нераспознанный`` is a common word: ``неÑаспознанный``
    # is decided by ``нера`` and ``ерас``, which listed words have (``нета``, ``етас`` not).
    assert fixtext.clean(drop_c1(clean)) == clean


def test_cyrillic_letter_left_inside_repaired_word() -> None:
    assert repaired("Ñекст документа не найден") == "текст документа не найден"


def test_vietnamese_three_byte_letters() -> None:
    clean = "Không thể mở tệp."
    assert repaired(drop_c1(clean)) == clean


@pytest.mark.parametrize(
    "clean",
    [
        # Syllables a lost byte leaves tied in the word list (``lệ`` / ``lễ``, ``sổ`` /
        # ``số``, ``trỏ`` / ``trở``) are told apart by the word they make with a neighbour.
        "dòng không hợp lệ: %s",
        "kích thước cửa sổ được dùng",
        "tham số không phải là con trỏ công",
        "Tạo đồ thị đường theo thời gian",
    ],
)
def test_vietnamese_syllable_chosen_by_the_word_it_makes_with_its_neighbour(clean: str) -> None:
    assert repaired(drop_c1(clean)) == clean


def test_leftover_complete_sequence_is_decoded_beside_lost_bytes() -> None:
    # ``Ã¶`` lost nothing; the lone ``â`` beside it shows the text is damaged. Swedish
    # quotes with ``”`` on both sides.
    assert repaired("Kan inte Ã¶ppna âfilenâ.") == "Kan inte öppna ”filen”."


# --- bytes shown as "?" or "�" ---------------------------------------------------------


def test_undefined_byte_shown_as_question_mark() -> None:
    assert repaired("Il a dit â€œouiâ€? hier soir.") == "Il a dit “oui” hier soir."
    assert repaired("Consultas e Ã?ndices de la base") == "Consultas e Índices de la base"


def test_undefined_byte_shown_as_replacement_character() -> None:
    # The decoder showed the undefined 9D of ``”`` as ``�``: the whole ``â€�`` is ``”``.
    assert repaired("Il a dit â€œouiâ€\ufffd hier soir.") == "Il a dit “oui” hier soir."
    assert repaired("Il a dit “ouiâ€\ufffd hier soir.") == "Il a dit “oui” hier soir."


def test_cyrillic_undefined_byte_shown_as_question_mark() -> None:
    assert repaired("Ð?е визначено шлях пошуку") == "Не визначено шлях пошуку"


def c1_qmarked(text: str) -> str:
    """UTF-8 read as Latin-1, then written back with each C1 control as ``?``."""
    return re.sub("[\x80-\x9f]", "?", text.encode("utf-8").decode("latin-1"))


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # Both bytes after E2 became ``?`` (ftfy issue #83, lyrics pages): punctuation,
        # placed like a lone ``â``; one reading deeper, ``Ã¢??``.
        (
            "They say, â??Let the woman take care of youâ??",
            "They say, “Let the woman take care of you”",
        ),
        ("See loverÃ¢??s hand in hand walk by", "See lover’s hand in hand walk by"),
        ("from 1990â??2000", "from 1990–2000"),
    ],
)
def test_c1_controls_shown_as_question_marks(damaged: str, expected: str) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    "clean", ["Ошибка при чтении файла", "Éléments à vérifier", "Überprüfung der Größe"]
)
def test_any_c1_byte_may_stand_behind_a_question_mark(clean: str) -> None:
    # ``П`` is D0 9F and ``р`` D1 80: neither byte is one Windows-1252 leaves undefined.
    damaged = c1_qmarked(clean)
    assert "?" in damaged
    assert fixtext.clean(damaged) == clean


def test_a_windows_1252_sign_keeps_question_marks_to_its_undefined_bytes() -> None:
    # ``€`` shows a Windows-1252 reader: ``â€?`` is ``”`` (9D), not ``‟`` (9F) or ``„`` (9E).
    assert c1_shown_as_qmarks("Il a dit â€œouiâ€? hier") is False
    assert fixtext.clean("Il a dit â€œouiâ€? hier soir.") == "Il a dit “oui” hier soir."


def test_replacement_character_for_a_lost_closing_quote() -> None:
    assert repaired("The string “%s� is not valid") == "The string “%s” is not valid"


def test_replacement_character_for_a_lost_letter() -> None:
    # Beside UTF-8 mojibake, ``�`` is a whole character one of whose bytes Windows-1252
    # leaves undefined: ``Í`` is C3 8D.
    damaged = "Consultas e �ndices de la base: operaciÃ³n"
    assert fixtext.clean(damaged) == "Consultas e Índices de la base: operación"


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        # In text with no other damage, ``�`` may be one byte of Latin-1 or Windows-1252
        # text read as UTF-8: any letter of Latin-1, the word decides.
        ("Jos� Mar�a Garc�a", "José María García"),
        ("espa�ol de America Latina", "español de America Latina"),
        ("Consultas e �ndices de la base", "Consultas e índices de la base"),
        # (``í`` is C3 AD: no soft hyphen was dropped here, the byte was replaced whole.)
        (
            "reiniciar HEAD e �ndice Definir las propiedades de subm�dulo",
            "reiniciar HEAD e índice Definir las propiedades de submódulo",
        ),
        ("Der Stra�enverkehr ist gef�hrlich", "Der Straßenverkehr ist gefährlich"),
        ("Le caf� est pr�t", "Le café est prêt"),
        ("a na��o", "a nação"),  # two accented letters, two bytes, two ``�``
        ("Le c�ur du probl�me", "Le cœur du problème"),  # (Windows-1252's own letters too)
        ("I don�t know", "I don’t know"),  # Windows-1252 punctuation too
        # Quotation marks: one that closes a ``“``, two that frame a word.
        ("Il a dit “bonjour� et", "Il a dit “bonjour” et"),
        ("He said �no� twice", "He said “no” twice"),
    ],
)
def test_replacement_characters_of_legacy_text_read_as_utf8(damaged: str, clean: str) -> None:
    result = fixtext.repair(damaged)
    assert result.text == clean
    assert {change.rule for change in result.changes} == {"lost-replaced"}


@pytest.mark.parametrize(
    "clean", ["Tilbúin tungumál í Ndebele, norður", "Tewa (Indónesía) táknmál"]
)
def test_the_words_a_legacy_text_fits_tell_its_language(clean: str) -> None:
    # ``nor�ur`` fits Icelandic ``norður``; the letters around the ``�`` alone, ``nor``
    # and ``ur``, made the text Slovenian or Swedish, whose letters then filled the gaps.
    damaged = legacy_read_as_utf8(clean)
    assert lost_module._legacy_languages(damaged)[0] == "is"
    assert fixtext.clean(damaged) == clean


def legacy_read_as_utf8(text: str) -> str:
    """``text`` saved as Windows-1252 and read as UTF-8: each byte beyond ASCII a ``�``."""
    return text.encode("cp1252").decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    "clean",
    [
        # Around a placeholder, a sign or a name: quotation marks, in the language's way.
        "Cannot open “%s”: no such file or directory",
        "use “<” to redirect the input of the command",
        "Impossible de trouver le fichier «%s» dans le dossier",
        "Die Datei »%s« wurde nicht gefunden und kann nicht geöffnet werden",
        "Filen ”%s” finns inte i katalogen",
        "Filen “%s” findes ikke",  # (Danish translations set “…” more often than »…«)
        "ungültige »btree«-Operatorfamilie für den Index %s",  # (a compound after it)
        "Ungültige Option »u« für den Befehl",  # (no letters around ``u`` make a word)
        # Around one letter, two ``�`` make a word with it.
        "Il a été vu hier soir dans la rue",
        # Alone between spaces: a word of one letter, or a sign its place shows.
        "Il faut un fichier à supprimer avant de continuer",
        "Cliquez sur « Valider » pour continuer",
        "Questo è un file di testo semplice",
        "Det er ikke mulig å lagre filen",
        "Copyright © 2005 Free Software Foundation",
        "Les années 1990 – 2000 et la suite",
        # French no-break spaces: inside guillemets, and before ``:``, ``;``, ``!``, ``?``.
        "Remarque\xa0: le fichier «\xa0%s\xa0» est introuvable",
        "Le fichier est introuvable\xa0!",
        "un café: oui",  # (a letter that makes a commoner word is the letter)
        "liaison à l’adresse %s\xa0: %s",  # (after a placeholder too)
        # Spaced guillemets pair up on one line around a few words, at a sentence end too;
        # two ``à`` frame words in small letters, or stand on different lines.
        "hors des limites : « %s »",
        "la table partitionnée « %s.%s ».",
        "Appliquer à tous les fichiers à la fois",
        "ENTIER1 est égal à ENTIER2\n  ENTIER1 est plus grand ou égal à ENTIER2",
        "de 0 (gauche) à 1 (droite). Le texte « %s » est inconnu",
        # The sign of "number" after ``n``, in the language's way.
        "Section n°%d rejetée.",
        "la sección nº 5 no existe",
    ],
)
def test_legacy_punctuation_and_one_letter_words_read_as_utf8(clean: str) -> None:
    damaged = legacy_read_as_utf8(clean)
    assert "\ufffd" in damaged
    assert fixtext.clean(damaged) == clean


def test_a_lone_replacement_character_in_english_stays() -> None:
    # English has no common word of one letter beyond ASCII: nothing to guess.
    damaged = "press the � key to go on"
    assert fixtext.clean(damaged) == damaged


def test_a_lone_replacement_character_tells_nothing() -> None:
    assert fixtext.clean("a broken byte: �") == "a broken byte: �"


def test_real_question_mark_after_a_lone_lead_stays() -> None:
    damaged = "Overwrite âreport.txtâ?"
    assert repaired(damaged) == "Overwrite “report.txt”?"


# --- whitespace collapsed ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("On peut partir Ã  partir de demain", "On peut partir à partir de demain"),
        ("Il est venu, voilÃ  tout.", "Il est venu, voilà tout."),
        ("Prix :Â 10 euros", "Prix :\u00a010 euros"),
        # ``vã`` is a word, but ``vàng`` far more common than ``vã`` and ``ng`` apart.
        ("Những Ca Khúc Nhạc VÃ ng", "Những Ca Khúc Nhạc Vàng"),
        ("Écart Ã la normale en °C, Ã©tÃ©", "Écart à la normale en °C, été"),
    ],
)
def test_space_taken_for_a_lost_a0_byte(damaged: str, expected: str) -> None:
    assert repaired(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Nous partons Ã  la plage", "Nous partons à la plage"),
        ("Ã  la carte, s'il vous plaît", "à la carte, s'il vous plaît"),
    ],
)
def test_a_lost_a0_byte_alone_in_the_text_is_repaired(damaged: str, expected: str) -> None:
    # No other damage vouches for it, but ``à`` is a thousand times commoner a word than
    # ``Ã``, which the word lists hold only from text that was mojibake itself.
    assert fixtext.clean(damaged) == expected


def nbsp_lost(text: str) -> str:
    """UTF-8 read as Windows-1252, with the byte A0 turned into a plain space."""
    return text.encode("utf-8").decode("cp1252", "replace").replace("\u00a0", " ")


@pytest.mark.parametrize(
    "clean",
    [
        "ინტერნეტი ტერმინი",  # ``რ`` is E1 83 A0: ``áƒ`` + a space
        "無法識別的事項 <事項>",  # ``項`` is E9 A0 85: the space sits inside it
        "저장소 정규 표현",  # ``저`` EC A0 80, ``정`` EC A0 95
    ],
)
def test_space_taken_for_a0_inside_or_after_a_character(clean: str) -> None:
    damaged = nbsp_lost(clean)
    assert damaged != clean
    # The intact sequences are the lossless rules' work: the whole pipeline is needed.
    assert fixtext.clean(damaged) == clean


def test_space_inside_a_character_is_named_nbsp() -> None:
    damaged = nbsp_lost("事項 <事項>")
    edits = [e for e in find_lost_byte_repairs(damaged, CONFIG) if " " in damaged[e.start : e.end]]
    assert edits and all(edit.rule == "lost-nbsp" for edit in edits)


def test_byte_read_as_windows_1252_rules_out_dropped_c1_bytes() -> None:
    # ``ƒ`` is the byte 83 read as Windows-1252, so no byte of 80–9F was dropped here:
    # the lone ``áƒ`` before a space can only be ``რ``, not a letter with a lost byte.
    damaged = nbsp_lost("ინტერნეტი")
    assert "áƒ " in damaged
    assert fixtext.clean(damaged) == "ინტერნეტი"


def test_c1_control_left_in_the_text_rules_out_dropped_c1_bytes() -> None:
    # A Latin-1 reader that kept the control ``\x83`` kept every byte 80–9F, so the lone
    # ``Î`` is no Greek letter that lost its second byte.
    result = fixtext.repair("A\x83ÎÀ")
    assert not [c for c in result.changes if c.rule.startswith("lost")]
    assert fixtext.clean(result.text) == result.text


def qmark(text: str) -> str:
    """UTF-8 read as Windows-1252, its undefined bytes shown as ``?``."""
    return "".join(
        "?" if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
        for byte in text.encode("utf-8")
    )


@pytest.mark.parametrize(
    "clean",
    [
        "표현식은 %s 이벤트",  # ``은`` EC 9D 80, ``이`` EC 9D B4: the ``?`` is in the middle
        "此模式包含了",  # ``含`` E5 90 AB
    ],
)
def test_question_mark_inside_a_character(clean: str) -> None:
    damaged = qmark(clean)
    assert "?" in damaged
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    ("clean", "mark"),
    [
        ("Valors de 255\u20100\u2010car", "\u2010"),  # a hyphen between digits
        ("نام «\u200e%s»\u200f: %s یافت نشد", "\u200f"),  # a right-to-left mark
        ("Il a dit \u201cbonjour\u201d et", "\u201d"),
    ],
)
def test_punctuation_with_an_undefined_byte(clean: str, mark: str) -> None:
    damaged = qmark(clean)
    assert "â€?" in damaged
    assert mark in fixtext.clean(damaged)
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    "clean",
    [
        # Japanese brings kana and Chinese characters at once: one script, not two.
        "現在のコンテキストを取得できませんでした",
        "client-final-message 中の proof の形式が不正です",
        # ``ã€?`` is ``、`` (E3 80 81) or ``」`` (8D) or a rarer mark: the common one...
        "また、入力する",
        # ...unless a bracket was opened before it.
        "「%s」後傳送",
        # ``預`` is E9 A0 90: one word of two characters, ``預期``, beside ``在``.
        "預期在 %s",
        # ``”`` (E2 80 9D) closes the quotation it opened, glued to a Korean ending.
        "“%s”에서 찾을 수 없습니다",
        # ``同`` is ``å?Œ``: its ``Œ`` and the ``æ`` of ``時`` are no Mac Roman ``ξ``.
        "ログは同時に再インデックス",
        "桁揃えなし出力",
        # Simplified text: ``址`` (E5 9D 80), not the Traditional ``區`` (E5 8D 80)...
        '无法为地址"%2$s"创建%1$s套接字',
        # ...while ``合`` (E5 90 88) is written in both variants: ``合併``, not ``又併``.
        "包含未合併的條目也執行重新整理",
    ],
)
def test_cjk_text_with_undefined_bytes_shown_as_question_marks(clean: str) -> None:
    damaged = qmark(clean)
    assert "?" in damaged
    assert fixtext.clean(damaged) == clean


def test_question_mark_for_an_undefined_byte_is_no_second_layer() -> None:
    # Romanian ``â`` is ``Ã¢`` in the same text, the shape of a second layer of mojibake;
    # the ``?`` after ``â€`` is still the byte 9D of ``”``, not a character of its own.
    clean = "nu se poate deschide „%s”, întrucât"
    assert fixtext.clean(qmark(clean)) == clean


def test_letters_of_an_alphabet_the_text_shows() -> None:
    # Esperanto has no word list; ``Ĉ`` and ``ĵ`` show its alphabet, so ``Å?`` and ``Ä?``
    # (C5 or C4 and an undefined byte) are its ``ŝ`` and ``ĝ``, not ``ō`` or ``č``.
    clean = "Ĉi tiu ĵurnalo ne ŝanĝiĝas"
    assert fixtext.clean(qmark(clean)) == clean


@pytest.mark.parametrize(
    "clean", ["ცხრილი მეთოდი", "შეცდომა პროტოკოლის ვერსიაში", "ფაილი არ არსებობს"]
)
def test_georgian_letters_that_lost_an_undefined_byte_are_told_by_its_word_list(
    clean: str,
) -> None:
    # ``ა`` (E1 83 90) and ``ო`` (E1 83 9D) both end in an undefined byte: the Georgian
    # word list tells which one makes the word.
    damaged = qmark(clean)
    assert "áƒ?" in damaged
    assert fixtext.clean(damaged) == clean


def test_georgian_letters_a_c1_filter_took_are_guessed_only_where_one_word_fits() -> None:
    # Through Latin-1 and a C1 filter, sixteen Georgian letters become a lone ``á``. The
    # word list has no frequencies: where several of its words fit, each is as likely, so
    # the guess is reported below the threshold and the text left as it was.
    clean = "წვდომა აკრძალულია"
    damaged = drop_c1(clean)
    result = fixtext.repair(damaged)
    assert result.unapplied
    assert all(change.confidence < 0.3 for change in result.unapplied)
    assert "აკრძალულია" in result.text  # the one word of the list that fits
    assert "წვდომა" not in result.text  # ``წამალი`` and others fit as well
    # Hungarian writes ``ááá``: in a text of lone ``á`` it is no word of Latin letters.
    assert fixtext.clean("Ááá, ez nagyon jó!") == "Ááá, ez nagyon jó!"


def test_a_georgian_word_cut_by_the_no_break_space_of_its_letter_is_still_one_word() -> None:
    # ``რ`` is E1 83 A0: once its 83 is dropped, its A0 shows as a no-break space inside
    # the word. The word is the one the list holds that fits all of it, on both sides of
    # that space; the letters after the space alone would fit many.
    clean = "ფედერალური"
    damaged = drop_c1(clean)
    assert "\xa0" in damaged
    result = fixtext.repair(damaged)
    assert result.text == clean
    assert all(change.confidence > 0.5 for change in result.changes)


def test_only_letter_among_the_candidates_needs_no_word_list() -> None:
    # ``à¹?`` is E0 B9 and an undefined byte: of ``แ ํ ๏ ๐`` only ``แ`` is a letter that
    # can follow a space.
    clean = "ลาวา, แคว้น"
    assert fixtext.clean(qmark(clean)) == clean


@pytest.mark.parametrize("errors", ["ignore", "replace"])
@pytest.mark.parametrize("clean", ["ถูกปิดไปแล้ว พบข้อความ", "ยกเลิกการคงรุ่นของ"])
def test_the_commonest_letter_of_its_bytes_needs_no_word_list(clean: str, errors: str) -> None:
    # ``ก`` (E0 B8 81) and ``แ`` (E0 B9 81) lose their 81 through Windows-1252, dropped or
    # shown as ``?``; ``ญ ฏ ฐ ฝ`` and ``ํ ๏ ๐``, the other characters of those bytes
    # but one, are each at least ten times rarer.
    damaged = clean.encode().decode("cp1252", errors).replace("\ufffd", "?")
    assert fixtext.clean(damaged) == clean


def test_the_commonest_letter_wins_only_against_its_rare_twins() -> None:
    # With the C1 bytes dropped, ``à¸`` is any of 31 Thai consonants (E0 B8 80–9F), ``น``
    # commoner than ``ก``: no word list, so no guess is made.
    damaged = drop_c1("ถูกปิดไปแล้ว")
    assert "à¸" in damaged
    assert fixtext.clean(damaged).count("ก") == 0


def test_real_question_mark_after_punctuation_lead_stays() -> None:
    assert fixtext.clean("Is it “done”? Yes.") == "Is it “done”? Yes."


def test_nbsp_repair_is_named_as_such() -> None:
    edits = find_lost_byte_repairs("On peut partir Ã  partir de demain", CONFIG)
    assert [edit.rule for edit in edits] == ["lost-nbsp"]


# --- CJK round trips ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("ホスト名にアドレスが割り当てられていません", "shift_jis"),
        ("データディレクトリの削除に失敗しました", "shift_jis"),
        ("信号量或子进程等待", "gbk"),
        # ``一出`` is a word, but it would take ``出`` from ``出现``: ``中`` stands alone.
        ("在版本信息中出现重复的表达式", "gbk"),
        ("从信号 %d 中退出，继续。", "gbk"),
    ],
)
def test_cjk_round_trip_with_lost_bytes(clean: str, codec: str) -> None:
    damaged = clean.encode("utf-8").decode(codec, "replace")
    assert "\ufffd" in damaged
    assert repaired(damaged) == clean


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("データがあります。", "shift_jis"),  # ``。`` closes ``ます``; ``む`` would split it
        ("版本 16、32、64 或 128", "gbk"),  # ``、`` alone between two numbers
    ],
)
def test_cjk_punctuation_with_lost_bytes(clean: str, codec: str) -> None:
    damaged = clean.encode("utf-8").decode(codec, "replace")
    assert "\ufffd" in damaged
    punctuation = [char for char in clean if char in "。、"]
    assert [char for char in repaired(damaged) if char in "。、"] == punctuation


@pytest.mark.parametrize(
    ("clean", "codec", "word"),
    [
        ("値 64 或 128 位", "gbk", "或"),  # a conjunction between two ASCII words
        ("レコード ID が '%s' です", "shift_jis", "が"),  # a particle alone
        ("IP 地址“%.*s”无效", "gbk", "“"),  # opens before ASCII
        ("名称 %.*s” 无效", "gbk", "”"),  # closes after ASCII
    ],
)
def test_cjk_character_alone_beside_ascii(clean: str, codec: str, word: str) -> None:
    damaged = clean.encode("utf-8").decode(codec, "replace")
    assert "\ufffd" in damaged
    assert word in repaired(damaged)


def test_cjk_character_that_cannot_be_determined_stays_replacement() -> None:
    # ``文字化け``: ``け`` (E3 81 91) lost its last byte at the very end, where nothing
    # tells it from the other kana of E3 81 xx; ``文``, ``字`` and ``化`` are determined.
    result = repaired("譁�蟄怜喧縺�")
    assert result.startswith("文字化")
    assert "譁" not in result and "縺" not in result


def test_cjk_edits_are_named_and_rated() -> None:
    damaged = "繝帙せ繝亥錐縺ｫ繧｢繝峨Ξ繧ｹ縺悟牡繧雁ｽ薙※繧峨ｌ縺ｦ縺�縺ｾ縺帙ｓ"
    edits = find_lost_byte_repairs(damaged, CONFIG)
    assert edits and all(edit.rule == "lost-cjk" for edit in edits)
    assert all(0.0 <= edit.confidence <= 1.0 for edit in edits)


# --- guesses in text without other damage ---------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "Possible values are âwindowâ and âgestureâ.",
            "Possible values are “window” and “gesture”.",
        ),
        ("â%câ: invalid mode character", "“%c”: invalid mode character"),
        ("a literal â]â or â)â here", "a literal “]” or “)” here"),
        ("Er sagte âam iâ dazu", "Er sagte „am i“ dazu"),
    ],
)
def test_quotation_marks_framing_a_quotation_are_kept(damaged: str, expected: str) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Tunelowanie proxy nie powiodÅo siÄ: %s", "Tunelowanie proxy nie powiodło się: %s"),
        ("NavpiÄna prilagoditev za gradnik", "Navpična prilagoditev za gradnik"),
        ("gdy pasek PrzeÅÄczenie na obszar", "gdy pasek Przełączenie na obszar"),
    ],
)
def test_capital_lead_inside_a_lower_case_word_is_repaired(damaged: str, expected: str) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "na hÉireann agus i nÉirinn",
        "Il lampâ âl vôt",
        "MÄRKUS: vaata ka",
        "âge et lampâ",
        "Førre passordendring (ÅÅÅÅ-MM-DD)",
        "Ã is a letter of Portuguese, and Â one of Romanian: ÃÂ stays as written.",
        "MÃE, a word in capitals; ÂNGULO too.",
        "La cel·la és petita.",
        "C O N C L U S Ã O",  # spaced capitals: one space after ``Ã``, no A0 made one
    ],
)
def test_lone_letters_without_evidence_stay(clean: str) -> None:
    assert fixtext.clean(clean) == clean


def test_quote_convention_of_an_uncertain_language_is_not_followed() -> None:
    damaged = "Ez dago â%sâ bezalako gakorik hutsÂ·eginÂ·da: denboraz kanpo."
    assert fixtext.clean(damaged) == "Ez dago “%s” bezalako gakorik huts·egin·da: denboraz kanpo."


# --- words that must stay ----------------------------------------------------------------


@pytest.mark.parametrize(
    "clean",
    [
        "À mon âge, l’âme de la pâte du château reste intacte.",
        "Nu știu în cât timp ajung acasă.",
        "SÃO PAULO é a maior cidade. NÃO? Não sei.",
        "Hâlâ burada mısın? Kâğıt nerede?",
        "Tôi cần thêm thời gian để hoàn thành.",
        "Äpfel und Öl, Übung macht den Meister.",
        "Åre och Älvdalen ligger i Sverige.",
        "Ça coûte cher, mais c’est la vie.",
        "“Quoted” and ‘single’ – with dashes — and… ellipses",
        "Привет, мир! Как дела?",
        "文字化けのない日本語のテキストです。",
        "Ðorri og Þór fóru í bæinn.",
        "ÎNCHIS; ÎNCEPUT; Început; înainte",
    ],
)
def test_clean_text_gets_no_applicable_edit(clean: str) -> None:
    edits = find_lost_byte_repairs(clean, CONFIG)
    assert [edit for edit in edits if edit.confidence >= CONFIG.min_confidence] == []


def test_last_character_cut_short_at_the_end_of_the_text() -> None:
    # The final byte of ``素`` (E7 B4 A0) went with the rest of the text: any continuation.
    assert repaired("Python 删除列表中的元ç´") == "Python 删除列表中的元素"


def test_damage_in_a_passage_of_another_script_is_read_in_its_language() -> None:
    # More Latin letters than Chinese ones, but the cut character is Chinese.
    assert repaired("Puppeteer 处理文件上ä¼") == "Puppeteer 处理文件上传"


def test_lone_lead_letter_after_a_repaired_sequence_is_one_edit_with_it() -> None:
    # Katakana with the C1 bytes dropped; the final ``ã`` alone is ``ト`` (E3 83 88).
    edits = find_lost_byte_repairs("ã¤ã©ã¹ã", CONFIG)
    assert [edit.after for edit in edits] == ["イ", "ラ", "スト"]
    assert repaired("ã¤ã©ã¹ã") == "イラスト"


def test_lone_replacement_character_without_context_stays() -> None:
    assert repaired("a broken byte: �") == "a broken byte: �"


def test_text_of_another_code_page_is_not_taken_for_utf8() -> None:
    # GBK read as Latin-1: taken for UTF-8 it would give Greek, Cyrillic and Arabic at once.
    damaged = "下载本书".encode("gbk").decode("latin-1")
    assert repaired(damaged) == damaged


def test_guesses_are_never_certain() -> None:
    edits = find_lost_byte_repairs("It doesnât work.", CONFIG)
    assert edits and all(edit.confidence < 1.0 for edit in edits)


def test_turned_off_by_config() -> None:
    assert find_lost_byte_repairs("It doesnât work.", replace(CONFIG, lost_bytes=False)) == []


def test_low_confidence_edits_are_returned_for_reporting() -> None:
    # ``iconiÈa``: ``ț`` (C8 9B) and ``ș`` (C8 99) both fit, and neither word is listed.
    text = "Specifică dacă iconiÈa de stare este vizibilă."
    strict = replace(CONFIG, min_confidence=0.9)
    edits = find_lost_byte_repairs(text, strict)
    unsure = [edit for edit in edits if edit.start == text.index("È")]
    assert unsure and unsure[0].confidence < 0.9
    assert apply(text, edits, strict) == text


def test_edits_are_sorted_non_overlapping_and_fit_the_text() -> None:
    text = "Kan ikke Ã¥pne âfilâ; BÅÄd; Consultas e Ã?ndices; voilÃ  tout; 譁�蟄怜喧縺�"
    edits = find_lost_byte_repairs(text, CONFIG)
    assert edits == sorted(edits)
    for first, second in itertools.pairwise(edits):
        assert first.end <= second.start
    for edit in edits:
        assert 0 <= edit.start < edit.end <= len(text)


@pytest.mark.parametrize(
    "text",
    ["", "â", "Ã", "�", "â" * 50, "Ã?" * 20, "\ufffd" * 30, "Ð Ñ Ä Å", "é\u0301", "\x00â\x9c",
     "繝" + "\ufffd" * 5, "â€", "ð\U0001f600", "a\u200dâb", "ÃÃÃÃÃÃÃÃÃÃÃ",
     # ``İ`` is two characters in lower case.
     "İstanbul: donât worry", "İSTANBUL Ãcole", "Ä°stanbul Ãcole İ"],
)  # fmt: skip
def test_never_raises(text: str) -> None:
    for edit in find_lost_byte_repairs(text, CONFIG):
        assert 0 <= edit.start <= edit.end <= len(text)


def test_text_without_candidates_returns_nothing() -> None:
    assert find_lost_byte_repairs("Plain ASCII text, nothing to see. " * 100, CONFIG) == []


# --- the development corpus ----------------------------------------------------------------


def _dev_rows() -> list[dict[str, object]]:
    path = corpus_path("dev-mojibake", "dev.jsonl")
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


@pytest.mark.slow
def test_clean_rows_of_the_dev_corpus_get_no_applicable_edit() -> None:
    changed = [
        row["id"]
        for row in _dev_rows()
        if row["recipe"] == "clean"
        and any(
            edit.confidence >= CONFIG.min_confidence
            for edit in find_lost_byte_repairs(str(row["input"]), CONFIG)
        )
    ]
    assert changed == []


@pytest.mark.slow
def test_lossy_rows_of_the_dev_corpus_after_a_lossless_pass() -> None:
    """ftfy's ``fix_encoding`` stands in for the lossless repairs run before this rule."""
    ftfy = pytest.importorskip("ftfy")
    rows = [row for row in _dev_rows() if row["lossy"]]
    exact = 0
    for row in rows:
        text = ftfy.fix_encoding(str(row["input"]))
        output = repaired(text)
        nfc_clean = unicodedata.normalize("NFC", str(row["clean"]))
        exact += unicodedata.normalize("NFC", output) == nfc_clean
    # The floor this rule reaches today; ftfy alone repairs about 2% of these rows.
    assert exact / len(rows) >= 0.30


def test_arabic_script_with_lost_bytes_is_not_read_as_double_byte_text() -> None:
    clean = "فاصله\u200cگذاری بین دکمه\u200cها"
    # Runs such as ``Ø§ÙÙÙØ§Ù`` look like GBK or Big5 read as Latin-1 until the lone lead
    # bytes are seen for what they are: letters whose second byte was dropped.
    output = fixtext.clean(drop_c1(clean))
    assert not any("\u3040" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" for char in output)
    assert {script_of(char) for char in output if char.isalpha()} <= {"Arabic", "Latin"}


def _c1_dropped_left(text: str) -> str:
    """Only the letters that lost a byte left damaged, as the lossless repairs leave them."""
    return "".join(
        drop_c1(char) if drop_c1(char) != char.encode("utf-8").decode("latin-1") else char
        for char in text
    )


def test_word_list_choice_kept_beside_a_damaged_unknown_word() -> None:
    # ``пакетния`` (Bulgarian, definite form) is in no word list, ``файл`` is; their lost
    # bytes touch across the space and are decided together, and ``ф`` is too rare a letter
    # to be among the options tried one by one.
    damaged = _c1_dropped_left("Не може да се отвори пакетния файл за четене")
    assert "Ñайл" in damaged
    edits = find_lost_byte_repairs(damaged, Config(min_confidence=0.0))
    assert "файл" in apply(damaged, edits, Config(min_confidence=0.0))


def test_code_page_sequence_does_not_start_inside_a_latin1_sequence() -> None:
    # In ``Ð»Ñ`` (``лю`` with its C1 bytes dropped), ``»Ñ`` is ``Ȅ`` through Mac Roman.
    damaged = drop_c1("Нулевое значение отключает эти проверки")
    assert "Ð»Ñ" in damaged
    repaired = fixtext.clean(damaged)
    assert "Ȅ" not in repaired and "ключ" in repaired


def test_greek_final_sigma_at_the_end_of_a_word() -> None:
    # wordfreq lists Greek words with ``σ`` for ``ς``: a word ending in a lost ``ς``
    # (CF 82) must still match, and end in ``ς``, not ``σ`` or ``τ``.
    clean = "λίστας αρχείων Πλάτος"
    assert fixtext.clean(drop_c1(clean)) == clean
    # An unknown word ending in ``ς`` is as likely as the list's words ending in ``σ``.
    assert score_text("της καρτέλας", "el") > score_text("της καρτέλατ", "el")


def test_hebrew_lost_letters_beside_a_latin_word() -> None:
    # ``Eiffel`` makes the text look English; the lost bytes are Hebrew letters (``×`` is
    # D7, the lead byte of א–ת), and a space is a space where a no-break space survived.
    damaged = drop_c1("קוד מקור של Eiffel") + " ×\xa0"
    # (``קוד``, code, and ``קטן``, small, fit the bytes left alike.)
    assert fixtext.clean(damaged).endswith(" מקור של Eiffel נ")


@pytest.mark.parametrize(
    "clean",
    ["колона „%s“: липсва", "Не могу да направим датотеку „%s“"],  # bg, sr
)
def test_lost_quotation_marks_of_cyrillic_text_are_low_and_high(clean: str) -> None:
    repaired = fixtext.clean(drop_c1(clean))
    assert "„%s“" in repaired


@pytest.mark.parametrize(
    "clean",
    [
        "เซนทรัล (ภาค 3) แฟ้มไม่มี",  # ภ is E0 B8 A0; แ (E0 B9 81) keeps its 81
        "נדרש אימות כדי לפנות את ההודעה",  # נ is D7 A0; א (D7 90) keeps its 90
    ],
)
def test_a_text_that_kept_its_c1_bytes_lost_only_its_a0(clean: str) -> None:
    # Read as Latin-1, every byte 80–9F stays (a C1 control); only the no-break spaces
    # became plain spaces. No lost C1 byte may be guessed then: the space was the A0.
    damaged = clean.encode("utf-8").decode("latin-1").replace("\xa0", " ")
    assert fixtext.clean(damaged) == clean


def test_cp1252_keeps_all_but_its_five_undefined_bytes() -> None:
    # ``—`` shows that cp1252 kept 97; ``я`` (D1 8F) lost its undefined 8F, and the
    # French no-break space after ``à`` vanished with the space after it kept.
    assert fixtext.clean("Ð´Ð»Ñ â€” Ñ€ÐµÐ´Ð°Ð³ÑƒÐ²Ð°Ð½Ð½Ñ") == "для — редагування"
    assert fixtext.clean("Ã‰cart Ã la normale") == "Écart à la normale"


@pytest.mark.parametrize(
    ("text", "word", "real"),
    [
        ("È stata trovata una directory", "È", True),  # Italian "is"
        ("Å lære er gøy", "Å", True),  # Norwegian "to"
        ("Å veices baņķieri gaida", "Å", False),  # Latvian Šveices, its A0 byte a space
        ("Ä on", "Ä", False),  # no language writes "ä" alone often enough
        ("She said: â We agree.", "â", False),  # a curly quote that lost two bytes
        ("elle CHAÎNE non valide", "Î", True),
        ("Bitte ÄndeÄ", "Ä", False),
    ],
)
def test_a_lone_lead_in_a_real_word_is_no_damage(text: str, word: str, real: bool) -> None:
    # Decided from the word alone, before any language is ranked: Italian text that opens a
    # sentence with ``È`` used to go through the whole lost-byte search.
    start = text.index(word)
    (unit,) = find_byte_units(text, [start])
    assert _forms_real_word(text, unit) is real


@pytest.mark.parametrize(
    ("damaged_part", "clean_part"),
    [
        # Only the capitals lost bytes; the word list ranks ``ПОТОМ``, ``ГОТОВА`` higher.
        ("--round=МЕТОД", " метод округления, используемый при масштабировании"),
        ("значения МЕТОДА:", " метод округления"),  # the word the text uses, and an ending
        ("Укажите МЕТОД.", " Этот метод используется по умолчанию."),
    ],
)
def test_a_lost_word_is_one_the_rest_of_the_text_uses(damaged_part: str, clean_part: str) -> None:
    assert fixtext.clean(drop_c1(damaged_part) + clean_part) == damaged_part + clean_part


def test_a_word_the_rest_of_the_text_repairs_counts_too() -> None:
    # ``метод`` lost a byte of its own (``меÑод``), and comes back first.
    clean = "значения МЕТОДА: up, down; метод округления"
    assert fixtext.clean(drop_c1(clean)) == clean


def test_a_guess_lends_no_head_start_to_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    # A damaged word's own first guess is not "a word the rest of the text uses": with
    # nothing else in the text, the second look changes neither the guess nor how sure it is.
    damaged = drop_c1("ПОТОМ; ПОТОМ")
    with_echo = find_lost_byte_repairs(damaged, CONFIG)

    def first_look(text: str, decided: list[Any], *_: object) -> list[Edit]:
        return [edit for _, _, edits in decided for edit in edits]

    monkeypatch.setattr(lost_module, "_echo_pass", first_look)
    assert find_lost_byte_repairs(damaged, CONFIG) == with_echo


@pytest.mark.parametrize(
    "text",
    [
        # Most Cyrillic letters lose their second byte: what is left of the words fits
        # Macedonian or Russian as well, so the best few Cyrillic languages are all tried.
        "не вдалося прочитати розділ «.gnu.prelink_undo»: %s",
        "принудително изтриване „%s“ сочи към нещо необичайно (%s)",
    ],
)
def test_cyrillic_text_that_lost_most_letters_is_read_in_its_language(text: str) -> None:
    assert fixtext.clean(drop_c1(text)) == text


@pytest.mark.parametrize(
    ("clean_part", "damaged_part"),
    [
        # Estonian: ``Ã`` alone is ``À``–``ß``; the text writes ``ä``, so ``Ä`` it is.
        ("programmi versiooni näitamine ", "Äärise reljeefi laad"),
        # Esperanto: ``Ä`` alone is ``Ā``–``Ŀ``; ``č`` is the more common letter in general,
        # but this text writes ``ĝ`` and never ``č``.
        ("linio ignoriĝas. ", "Ne subteniĝas adresfamilio"),
    ],
)
def test_a_lost_letter_is_one_the_rest_of_the_text_writes(
    clean_part: str, damaged_part: str
) -> None:
    assert fixtext.clean(clean_part + drop_c1(damaged_part)) == clean_part + damaged_part


def test_a_letter_written_elsewhere_is_no_reason_to_guess_in_clean_text() -> None:
    clean = "linio ignoriĝas. SÃO PAULO, pâte, în, hâlâ"
    assert fixtext.clean(clean) == clean


def test_a_letter_two_characters_in_lower_case_is_written_too() -> None:
    assert fixtext.clean("İstanbul: Ãcole İ") == "İstanbul: École İ"


@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        ("It costs €20 today", "It costs €20 today"),  # ``â¬``: € is E2 82 AC
        ("Preis: 12,50 € inkl.", "Preis: 12,50 € inkl."),
        # ``â¹``, ``âº``: ``₹`` and ``₺`` before a number, not ``‹`` and ``›`` (E2 80 B9/BA).
        ("£5 or ¥800 or ₹300 or ₽500 or ₺40", "£5 or ¥800 or ₹300 or ₽500 or ₺40"),
    ],
)
def test_a_lost_currency_sign_is_the_currency_sign(clean: str, expected: str) -> None:
    # Not ``❬`` or ``⟬``, ornamental and mathematical brackets of the same bytes but one.
    assert fixtext.clean(drop_c1(clean)) == expected


def test_emoji_that_lost_bytes_in_text_of_no_script_are_no_mathematical_letters() -> None:
    # ``👍🏻`` read as cp1252, its undefined 8D and 8F dropped: ``ð`` with ``Ÿ‘`` fits
    # ``𝟑`` (F0 9D 9F 91) less its 9D, but no text is written in mathematical digits.
    damaged = "👍🏻".encode().decode("cp1252", "ignore")
    assert fixtext.clean(damaged) == damaged


def test_emoji_that_lost_their_bytes_are_left_rather_than_made_worse() -> None:
    # ``😀`` keeps only ``ð``: no guess is better than a letter of a historic script
    # (``𑙠``, swallowing the space after it). ``❤️`` keeps ``â¤ï¸``: the selector it ends
    # with shows an emoji, and of the characters ``â¤`` allows only ``❤`` is one (not the
    # leader ``․``); see ``test_lost_emoji.py``.
    damaged = drop_c1("Emoji: 😀 👍🏽 ❤️ 🎉.")
    assert fixtext.clean(damaged) == damaged.replace("â¤ï¸", "❤️")


def _quotes_straightened(text: str) -> str:
    """``text`` as UTF-8 read as cp1252, its curly quotes then made straight (as ftfy's
    ``uncurl_quotes`` and many a normaliser do), the bytes cp1252 leaves undefined kept."""
    shown = text.encode("utf-8").decode("cp1252", errors="ignore")
    return shown.translate(str.maketrans("‘’‚“”„", "'''\"\"\""))


@pytest.mark.parametrize(
    ("clean", "damaged"),
    [
        ("PowerHouse™", 'PowerHouseâ"¢'),  # ™ is E2 84 A2: „ (84) straightened
        ("onze dēzl", 'onze dÄ"zl'),  # ē is C4 93: “ (93) straightened
    ],
)
def test_quotes_straightened_after_the_damage_stand_for_their_bytes(
    clean: str, damaged: str
) -> None:
    assert _quotes_straightened(clean) == damaged
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    "text",
    [
        'He said "Ä" is a letter',  # a quote after a lead, closing, not inside a word
        'Der Begriff "Ä" steht',
        'the “Mcâ"¢s” brand',  # curly quotes kept elsewhere: none was straightened
    ],
)
def test_straight_quotes_that_close_or_stand_beside_curly_ones_stay(text: str) -> None:
    assert fixtext.clean(text) == text


@pytest.mark.parametrize("damaged", ["ظ…ط±ط­ط¨ط§ ط¨ظƒ ظپظٹ ظ", "ط§ظ„ظ…ط³طھط®ط¯ظ… ظ"])
def test_a_lead_left_alone_through_a_page_that_loses_no_byte(damaged: str) -> None:
    # Arabic through cp1256, which defines every byte: a lead at the end that lost what
    # followed has no candidates there, and must not break the guessing.
    assert fixtext.clean(damaged).startswith(("مرحبا", "المستخدم"))


@pytest.mark.parametrize(
    "clean",
    [
        # Finnish: the text writes ``ä`` (``Käyttö``), so its ``Ä`` is the letter.
        "Käyttö: %s [VALITSIN] [KÄÄNNÖSJOUKKO] VIESTI-ID MÄÄRÄ",
        "väärtust ei teisendatud täielikult Äärise reljeefi laad",
        # ``AÇÃO`` is a word: the ``Ã`` of ``IDAPLICAÇÃO`` (no word) is the same letter.
        "IDAPLICAÇÃO AÇÃO [PARÂMETRO]",
        "Indexul rândurilor (%u) este mai mare decât numărul de intrări",
    ],
)
def test_a_suspect_the_text_writes_as_a_letter_is_decided_without_a_search(
    clean: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_search(*_: object) -> object:
        raise AssertionError("the candidates of a letter were searched")

    monkeypatch.setattr(lost_module, "_decide", no_search)
    assert find_lost_byte_repairs(clean, CONFIG) == []


@pytest.mark.parametrize(
    ("text", "suspect", "written"),
    [
        ("Käyttö: MÄÄRÄ", 9, True),
        ("väärtust Äärise", 9, True),
        # Only the suspect itself, in no word: each may stand for another lost letter.
        ("Äas a Äas", 0, False),
        ("PÅÃklad", 1, False),
        # Not inside a word: ``Ã `` may be ``à`` whose A0 became a space.
        ("ação Ã mais", 5, False),
    ],
)
def test_which_suspects_the_text_writes_as_letters(text: str, suspect: int, written: bool) -> None:
    (unit,) = [u for u in find_byte_units(text, [suspect]) if u.start == suspect]
    assert lost_module._written_as_letter(text, unit, []) is written


def test_a_suspect_written_elsewhere_is_still_repaired_beside_damage() -> None:
    # ``Ã¤`` just repaired shows the text was damaged: ``Ãrea`` is ``Área``, whatever
    # ``não`` writes.
    damaged = "Um algoritmo que nÃ£o estÃ¡ habilitado. Ãrea morta em volta da Ã¡rea ativa"
    assert fixtext.clean(damaged) == (
        "Um algoritmo que não está habilitado. Área morta em volta da área ativa"
    )


def test_a_replacement_character_inside_a_sequence_is_no_character_of_its_own() -> None:
    # ``ðŸ�°`` is an emoji one of whose bytes was undefined (F0 9F 90 B0 is 🐰, 8F 🏰…):
    # its ``�`` is that byte, never a whole ``”`` (E2 80 9D) of its own, which would leave
    # ``ðŸ”°``, mojibake of yet another emoji.
    assert fixtext.clean("Boa sorte!!! ðŸ˜€ðŸ�°") == "Boa sorte!!! 😀ðŸ�°"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # ``В`` is C2 through Windows-1251, and ``В `` looks like a no-break space (C2 A0)
        # whose A0 became a space; in Russian it is a word.
        ("РџСЂРёРІРµС‚ В доме и О нём", "Привет В доме и О нём"),
        ("Р’ РґРѕРјРµ В доме", "В доме В доме"),
        # Where no word of the script stands around it, ``Г `` is ``à`` (C3 A0).
        ("La rГ©gion se trouve Г lвЂ™ouest", "La région se trouve à l’ouest"),
    ],
)
def test_a_one_letter_word_through_another_page_is_no_lost_no_break_space(
    damaged: str, expected: str
) -> None:
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    "damaged",
    [
        'He paused â€" then went on.',
        'an em-dash â€" like this',
        'the model said â€"yesâ€" and left',
    ],
)
def test_a_dash_whose_last_byte_was_straightened_is_a_dash(damaged: str) -> None:
    # ``—`` (E2 80 94) and ``–`` (E2 80 93) read as cp1252 end in ``”`` and ``“``; output
    # that straightens quotes afterwards leaves ``â€"``. Only the dashes take those bytes;
    # which of the two it was, nothing tells.
    repaired = fixtext.clean(damaged)
    assert repaired in {damaged.replace('â€"', "–"), damaged.replace('â€"', "—")}


@pytest.mark.parametrize(
    ("damaged", "start", "expected"),
    [
        # E3 80 81: the gone byte after the one shown (``€`` is 80)
        ("有序抖动ã€误差扩散", 4, "有序抖动、误差扩散"),
        # E3 81 99: before it (``™`` is 99)
        ("これはペンã§ã™。", 7, "これはペンです。"),
    ],
)
def test_a_character_that_lost_an_undefined_byte_has_those_candidates(
    damaged: str, start: int, expected: str
) -> None:
    # A byte of 80–9F shown shows Windows-1252 read the text: only a byte it leaves
    # undefined can be gone, before or after the byte shown.
    (unit,) = [u for u in find_byte_units(damaged, [start]) if u.start == start]
    (shown,) = damaged[start + 1].encode("cp1252")
    possible = set()
    for gone in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
        for order in ((shown, gone), (gone, shown)):
            with contextlib.suppress(UnicodeDecodeError):
                possible.add(bytes([0xE3, *order]).decode("utf-8"))
    # (Less the code points not assigned: ``\u3040`` is E3 81 80.)
    possible = {char for char in possible if unicodedata.category(char) != "Cn"}
    assert {char for char, _ in unit.candidates} == possible
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # ``”`` is E2 80 9D: Windows-1252 shows the 80 as ``€`` and leaves 9D undefined; a
        # decoder that skips undefined bytes leaves ``â€``, before a space or at the end.
        ("He said â€œhelloâ€ and left.", "He said “hello” and left."),
        ("He said â€œhelloâ€", "He said “hello”"),
        ("He said “helloâ€.", "He said “hello”."),
        # (Not ``†``, E2 80 A0 with its A0 turned into the space after it.)
        ("Read â€œThe Endâ€ twice.", "Read “The End” twice."),
    ],
)
def test_a_closing_quote_that_lost_its_undefined_byte(damaged: str, expected: str) -> None:
    _assert_a_closing_quote(damaged, expected)


@pytest.mark.parametrize(
    "clean",
    [
        "Kullanıcının “Hiçbir Şey Yapma”yı seçtiği",  # a Turkish suffix glued to ``”``
        "Det går inte att köra ”%s” nu",  # Swedish opens with ``”`` too
        "%s: 수행할 작업을 지정하지 않았습니다",  # ``을`` (EC 9D 84) before a space
        "WAL에 저장할 내용 수준을 지정",  # ``에`` (EC 97 90) after a name in Latin letters
        # ``は`` (E3 81 AF) before ``“``: the ``“`` a repair just decoded from ``â€œ`` is no
        # byte of the ``ã¯`` before it (``㯓``, E3 AF 93).
        "mount は“unmount”を実装し",
    ],
)
def test_undefined_bytes_dropped_by_windows_1252(clean: str) -> None:
    # Each character holds a byte Windows-1252 leaves undefined, and a decoder skipped it.
    assert fixtext.clean(clean.encode().decode("cp1252", "ignore")) == clean


def _assert_a_closing_quote(damaged: str, expected: str) -> None:
    (unit,) = find_byte_units(damaged, [damaged.rindex("â€")])
    assert {char for char, end in unit.candidates if end == unit.start + 2} >= {"”"}
    assert fixtext.clean(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ('He paused â€" then went on.', "He paused — then went on."),
        ('Er zögerte â€" dann ging er weiter.', "Er zögerte – dann ging er weiter."),
        # The dash the text already sets between spaces wins.
        ('He paused – then â€" went on.', "He paused – then – went on."),
    ],
)
def test_a_straightened_dash_is_the_dash_the_text_or_its_language_sets(
    damaged: str, expected: str
) -> None:
    assert fixtext.clean(damaged) == expected


def test_a_long_run_of_damaged_characters_is_decided_in_pieces() -> None:
    # Japanese read as Latin-1 with its C1 bytes dropped: one word of 60 damaged characters.
    # A beam over all of them at once costs the square of their number; pieces of a bounded
    # size, side by side, cover the run and hold every unit once.
    from fixtext.rules.lost import _LEAD_RE, _MOST_UNITS_TOGETHER, _clusters
    from fixtext.rules.lost_utf8 import find_byte_units

    text = "文字化けを直すツールです。" * 5
    damaged = "".join(c for c in text.encode().decode("latin-1") if not "\x80" <= c <= "\x9f")
    units = find_byte_units(damaged, [m.start() for m in _LEAD_RE.finditer(damaged)])
    assert len(units) > 2 * _MOST_UNITS_TOGETHER
    pieces = _clusters(damaged, units)
    assert len(pieces) > 2
    assert all(len(members) <= _MOST_UNITS_TOGETHER for members, _ in pieces)
    assert [unit for members, _ in pieces for unit in members] == units
    windows = [window for _, window in pieces]
    assert windows[0][0] == 0 and windows[-1][1] == len(damaged)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(windows))
    assert all(
        start <= m.start and m.end <= end for members, (start, end) in pieces for m in members
    )


# --- UTF-8 read as Latin-1 twice, then the C1 controls dropped ------------------------


def drop_c1_twice(text: str) -> str:
    """UTF-8 read as Latin-1, encoded and read as Latin-1 again, then C1 controls dropped."""
    twice = text.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    return re.sub("[\x80-\x9f]", "", twice)


@pytest.mark.parametrize(
    "clean",
    [
        "Fédération Camerounaise de Football",
        "École à la maison",
        "Привет, как дела?",
        "Ελληνικά γράμματα",
        "Dein „Buch“ ist da…",
        "“Hello,” she said — “it’s fine.”",
        "Questo non è vero.",
        "مرحبا بالعالم",
        "İstanbul’da güzel bir gün",
        "Soubor byl ZAMÍTNUT a PŘESUNUT do koše.",  # capitals inside words of capitals
        "Dein „Élan“ ist da",  # a capital after an opening quotation mark
        "Home · About · Contact",  # a middle dot between the items of a menu
        "hiện tượng lạ",  # ``Ã¡Â»Â£`` lost nothing (``ợ``), but stands beside ``ÃÂ°`` (``ư``)
    ],
)
def test_two_layers_with_dropped_c1_controls_are_restored(clean: str) -> None:
    damaged = drop_c1_twice(clean)
    assert damaged != clean
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    "clean",
    [
        # Most letters of Russian lose their second byte (``р``…``я`` are D1 80–8F) and
        # with it the lead: any of 64 letters, capitals among them, which a small letter
        # before rules out (``данныМ``, ``временнОй``).
        "Ошибка при чтении данных",
        "Невозможно создать временный файл",  # ``ÃÂ»`` with no ``«`` in the text is ``л``
        "Показать скрытые файлы и папки",
        "Открыть файл «readme»",
        "Выберите папку для сохранения файлов",  # ``Вы``, not ``ЗА``: no capital before ``б``
        # Greek ``η`` (CE B7) alone is the article, not a middle dot (C2 B7) between spaces.
        "Αλλαγή του ονόματος και η διαδρομή του αρχείου",
        "Το αρχείο και η ημερομηνία",
        "پرونده‌های برنامه‌ای",  # ``Ã¢ÂÂ`` inside a Persian word: the zero-width non-joiner
    ],
)
def test_two_layers_of_other_scripts_with_most_bytes_dropped(clean: str) -> None:
    assert fixtext.clean(drop_c1_twice(clean)) == clean


def test_two_layers_with_dropped_c1_controls_never_read_as_one() -> None:
    # Read as one layer, ``ÃÂ©`` is ``Ã`` + ``Â©``: ``É©``, worse than before.
    result = fixtext.repair(drop_c1_twice("La Fédération"))
    assert result.text == "La Fédération"
    assert {change.rule for change in result.changes} == {"lost-c1"}


@pytest.mark.parametrize("clean", ["ქართული ენა", "文字化けのテスト", "使用索引文件"])
def test_two_layers_of_three_byte_characters_stay_whole(clean: str) -> None:
    # Nothing tells these characters apart once both their last bytes are gone: the text
    # stays as it is, neither read as one layer (``ä`` for ``Ã¤``) nor as the punctuation
    # of another script (Myanmar ``၊``, E1 81 8A, for Georgian ``ა``, E1 83 90).
    damaged = drop_c1_twice(clean)
    assert fixtext.clean(damaged) == damaged


def test_a_word_before_the_damage_weighs_alike_in_every_language() -> None:
    # ``P`` of ``(?P`` is in no Serbian list (Serbian's holds its Cyrillic words only): the
    # word before a window must not sink the language whose list lacks it.
    clean = "непознат знак након (?P Време трајања  :"
    assert fixtext.clean(drop_c1(clean)) == clean


def test_a_long_cluster_is_cut_between_words() -> None:
    # Units that may stand for a space (``Ñ `` may be ``Ñ\xa0``) join words into one
    # cluster; its pieces end where a word does, never inside one.
    damaged = drop_c1("Нема присутних параметара потврђивања.")
    starts = [index for index, char in enumerate(damaged) if char in "ÐÑ"]
    units = find_byte_units(damaged, starts)
    pieces = lost_module._clusters(damaged, units)
    assert len(pieces) > 1
    for _, (start, _end) in pieces[1:]:
        assert damaged[start - 1].isspace()
    for members, (start, end) in pieces:
        for unit in members:
            assert start <= unit.start and unit.end <= end
    assert sum(len(members) for members, _ in pieces) == len(units)


def test_a_sign_read_twice_after_copyright_is_the_copyright_sign() -> None:
    # ``©`` (C2 A9) and ``é`` (C3 A9) both read ``ÃÂ©`` once their C1 bytes are dropped.
    clean = "Copyright © 2005 Free Software Foundation, Inc."
    assert fixtext.clean(drop_c1_twice(clean)) == clean
    assert fixtext.clean(drop_c1_twice("Il a été vu")) == "Il a été vu"


def test_replacement_characters_beside_cjk_are_no_legacy_letters() -> None:
    # A run of ``�`` that a CJK round trip left, standing between spaces, is no Latin-1
    # text read as UTF-8 (it made ``çóßßßß``).
    damaged = "텍스트 또는 YAML".encode().decode("euc_kr", "replace")
    text = damaged + " \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd YAML"
    assert "\ufffd" in damaged
    assert not any("\u00c0" <= char <= "\u00ff" for char in fixtext.clean(text))


@pytest.mark.parametrize(
    "clean",
    [
        "이 트레이 아이콘의 도구 설명 내용 패스 이름과 인코딩 된 패스 이름이 함께 있음",
        "git fetch [<選項>] [<版本庫> [<引用規格>...]]",
    ],
)
def test_a_second_look_at_lost_bytes_is_taken_at_once(clean: str) -> None:
    # Lost bytes put back give the ones left new neighbours: ``clean`` looks again itself,
    # so that cleaning its output changes nothing.
    once = fixtext.clean(drop_c1(clean))
    assert fixtext.clean(once) == once


@pytest.mark.parametrize(
    "clean",
    [
        "тражење контекста није успело",  # ``ни е`` left reads as Russian first
        "одељак 0 у одељку групе [%5u] .debug_abbrev.dwo: Грешка у %d. реду, %d. знак:",
    ],
)
def test_serbian_is_tried_whatever_the_words_left_suggest(clean: str) -> None:
    # Every Cyrillic language is tried, and the Latin words a Serbian text quotes (``%d``,
    # ``debug_abbrev``) cost no more in Serbian than in Russian: Serbian's list has none.
    assert fixtext.clean(drop_c1(clean)) == clean


def test_a_vowel_sign_inside_a_word_keeps_the_word_whole() -> None:
    # ``फ़ाइल`` (file) lost the byte of ``इ``: the nukta and the vowel sign ``ा`` before it
    # are marks, not the end of a word, so the word list sees ``फ़ा?ल`` whole (alone,
    # ``?ल`` would be ``चल``).
    assert fixtext.clean(drop_c1("फ़ाइल")) == "फ़ाइल"
    assert fixtext.clean(drop_c1("बीच")) == "बीच"


def test_a_lost_capital_is_matched_against_a_list_without_frequencies() -> None:
    # ``Ã`` is the lead of every capital from ``À`` to ``ß``: Irish ``Úsáid`` lost its
    # ``9A``. Irish's list holds no counts, so the guess is only as sure as the words that
    # fit are few; the list is in small letters, and ``úsáid`` alone fits.
    assert fixtext.clean(drop_c1("Úsáid: %s [ROGHA]... COMHAD")) == "Úsáid: %s [ROGHA]... COMHAD"


@pytest.mark.parametrize("clean", ["no s’ha pogut obrir el fitxer", "crea d’un fitxer"])
def test_an_elision_whose_apostrophe_lost_its_bytes_is_repaired(clean: str) -> None:
    # Catalan ``s’ha``: a word of one letter and one of two, both listed, are an elision,
    # which wordfreq lists as two words.
    assert fixtext.clean(drop_c1(clean)) == clean
