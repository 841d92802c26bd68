"""The language model behind lost-byte repairs: scripts, language guesses, scores."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import fixtext
from fixtext.language import (
    char_logprob,
    compound_pairs,
    guess_language,
    has_frequencies,
    is_common_word,
    matching_words,
    pair_logprob,
    rank_languages,
    score_text,
    script_of,
    word_logprob,
    word_zipf,
)


@pytest.mark.parametrize(
    ("char", "script"),
    [("a", "Latin"), ("ř", "Latin"), ("ж", "Cyrillic"), ("λ", "Greek"), ("ש", "Hebrew"),
     ("ع", "Arabic"), ("क", "Devanagari"), ("か", "Kana"), ("ー", "Kana"), ("字", "Han"),
     ("한", "Hangul"), ("ก", "Thai"), ("!", None), ("5", None), (" ", None)],
)  # fmt: skip
def test_script_of(char: str, script: str | None) -> None:
    assert script_of(char) == script


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The quick brown fox jumps over the lazy dog and runs away.", "en"),
        ("Le renard brun saute par-dessus le chien paresseux.", "fr"),
        ("Der schnelle braune Fuchs springt über den faulen Hund.", "de"),
        ("Nie można otworzyć pliku, ponieważ nie istnieje.", "pl"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.", "ru"),
        ("Το αρχείο δεν βρέθηκε.", "el"),
        ("ファイルが見つかりません。", "ja"),
        ("找不到文件。", "zh"),
        ("파일을 찾을 수 없습니다.", "ko"),
    ],
)
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


def test_guess_language_of_text_without_letters() -> None:
    assert guess_language("1234 -- 56 !! ??") is None
    assert rank_languages("") == []


def test_rank_languages_lists_rivals_best_first() -> None:
    ranked = rank_languages("Nie udało się otworzyć pliku konfiguracyjnego.")
    assert ranked[0][0] == "pl"
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)


def test_word_frequencies() -> None:
    assert word_zipf("the", "en") > 7
    assert word_zipf("xqzvw", "en") == 0.0
    assert word_logprob("wyświetlić", "pl") is not None  # only in the long list
    assert word_logprob("straße", "de") is not None  # wordfreq folds ß to ss
    assert word_logprob("anything", None) is None


def test_middle_dot_touching_no_letter_is_no_word() -> None:
    assert score_text("και η αρχή", "el") > score_text("και · αρχή", "el")
    # Touching a letter it is punctuation (Catalan ``l·l``, the Greek semicolon ``·``).
    assert score_text("και· αρχή", "el") > score_text("και · αρχή", "el")


def test_turkish_dotted_capital_i_is_the_small_i() -> None:
    # ``"İ".lower()`` is ``i`` and a combining dot, a spelling no word list has.
    assert word_logprob("İstanbul", "tr") == word_logprob("istanbul", "tr") is not None
    assert char_logprob("İ", "tr") > char_logprob("Ð", "tr")


def test_common_words_ignore_rare_debris() -> None:
    assert is_common_word("âge", "fr")
    assert is_common_word("hâlâ", "tr")
    assert not is_common_word("sâ", "en")


def test_character_frequencies() -> None:
    assert char_logprob("e", "en") > char_logprob("q", "en")
    assert char_logprob("ł", "pl") > char_logprob("ł", "cs")
    # Traditional characters are looked up through their Simplified form.
    assert char_logprob("從", "zh") == char_logprob("从", "zh")
    assert char_logprob("a", None) < -5


def test_pairs_of_characters() -> None:
    assert pair_logprob("て", "い", "ja") > pair_logprob("て", "ぁ", "ja")
    assert pair_logprob("文", "字", "zh") > pair_logprob("文", "鑫", "zh")


def test_matching_words_most_frequent_first() -> None:
    assert matching_words(re.compile("и[рстуф]пол[ьъ]з[уы]ем[ыа]й"), 12, "ru") == ["используемый"]
    assert matching_words(re.compile("zz[0-9]"), 3, "en") == []
    assert matching_words(re.compile("the"), 3, None) == []


@pytest.mark.parametrize(
    ("better", "worse", "language"),
    [
        ("don’t", "donât", "en"),
        ("“We agree", "âWe agree", "en"),
        ("âge", "“ge", "fr"),
        ("l’enregistrement", "lâenregistrement", "fr"),
        ("größer", "gröÜer", "de"),
        ("Błąd", "BŁąd", "pl"),
        ("Loading…", "Loading⦃", "en"),
        ("à partir", "À  partir", "fr"),
        # Word lists hold the parts a zero-width non-joiner keeps apart in Persian.
        ("فاصله\u200cگذاری بین دکمه\u200cها", "واصله\u200cگذاری بین دکمه\u200cها", "fa"),
    ],
)
def test_score_prefers_the_plausible_text(better: str, worse: str, language: str) -> None:
    assert score_text(better, language) > score_text(worse, language)


def test_word_lists_load_lazily() -> None:
    """Importing fixtext loads no word list; the first score does."""
    code = (
        "import sys, fixtext, fixtext.language as l, fixtext.rules.lost;"
        "assert l.language_data.cache_info().currsize == 0;"
        "assert 'wordfreq' not in sys.modules, 'wordfreq imported at import time'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_traditional_chinese_words_are_looked_up_as_simplified() -> None:
    assert word_logprob("選項", "zh") == word_logprob("选项", "zh")


def test_a_word_mixing_latin_and_another_script_scores_low() -> None:
    # ``的事é``: a lead byte glued to Chinese; the repair ``的事項`` must not lose to it.
    assert score_text("的事項", "zh") > score_text("的事é …", "zh")


def test_capital_in_the_middle_of_a_sentence_costs_a_little() -> None:
    assert score_text("documentare și", "ro") > score_text("documentare Și", "ro")
    assert score_text("Și", "ro") == score_text("și", "ro")


def test_capital_after_a_capitalised_word_costs_a_little() -> None:
    assert score_text("Tạo đồ thị", "vi") > score_text("Tạo Đồ thị", "vi")
    assert score_text("Tạo đồ thị", "vi") > score_text("Tạo ĐỒ thị", "vi")


def test_vietnamese_syllables_that_make_a_word_together() -> None:
    # ``lễ`` and ``lệ`` are about as frequent on their own; ``hợp lệ`` is a word.
    assert "hợp lệ" in compound_pairs("vi")
    assert "hợp lễ" not in compound_pairs("vi")
    assert score_text("hợp lệ", "vi") > score_text("hợp lễ", "vi")
    assert score_text("cửa sổ", "vi") > score_text("cửa số", "vi")
    assert compound_pairs("fr") == frozenset()


def test_capital_letter_alone_between_words_costs_a_little() -> None:
    # ``Écart Ã la``: the lost ``à`` and ``À`` are the same word; the small one fits.
    assert score_text("Écart à la normale", "fr") > score_text("Écart À la normale", "fr")
    assert score_text("relatifs à l’utilisation", "fr") > score_text(
        "relatifs À l’utilisation", "fr"
    )
    assert score_text("À la normale", "fr") == score_text("à la normale", "fr")


def test_no_word_starts_with_sharp_s() -> None:
    assert score_text("Äärise", "fi") > score_text("ßärise", "fi")


def test_without_a_language_no_letter_is_rarer_than_another() -> None:
    # Thai and Georgian have no word list: a longer word must not lose to a stray symbol.
    assert score_text("แคว้น", None) > score_text("๏คว้น", None)


def test_serbian_cyrillic_has_the_serbo_croatian_word_list() -> None:
    assert word_zipf("трајања", "sr") == word_zipf("trajanja", "sh") > 0
    assert word_zipf("љубав", "sr") == word_zipf("ljubav", "sh") > 0
    assert rank_languages("Да ли треба приказати приватне ставке")[0][0] == "sr"


def test_greek_final_sigma() -> None:
    # wordfreq folds ``ς`` to ``σ``: the word is still known, and ``ς`` ends it.
    assert word_logprob("σήμανσης", "el") is not None
    assert score_text("σήμανσης", "el") > score_text("σήμανσησ", "el")
    assert score_text("σήμανση", "el") > score_text("ςήμανση", "el")


def test_word_tables_stay_out_of_the_garbage_collectors_way() -> None:
    # Ingestion runs call ``clean`` millions of times; every full garbage collection walks
    # through each container the collector tracks. The word and letter-sequence tables
    # (hundreds of thousands of strings per language) must not be among them, and
    # wordfreq's own cache of raw lists must stay empty.
    code = (
        "import gc, wordfreq\n"
        "from fixtext.language import _full_words, _grams, language_data, word_logprob\n"
        "word_logprob('wyświetlić', 'pl')\n"
        "tables = [_grams('pl'), _full_words('pl'), language_data('pl').words]\n"
        "gc.collect()\n"
        "assert all(len(table) > 10000 for table in tables), [len(t) for t in tables]\n"
        "assert not any(gc.is_tracked(table) for table in tables)\n"
        "assert wordfreq.get_frequency_list.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_persian_word_with_the_ezafe_hamza_is_looked_up_without_it() -> None:
    # wordfreq's tokenizer drops the hamza of ``پروندهٔ`` (file, with ezafe).
    assert word_logprob("پروندهٔ", "fa") == word_logprob("پرونده", "fa") is not None


def test_greek_without_accents_is_looked_up_as_with_them() -> None:
    from fixtext.language import word_zipf

    # Greek capitals drop the tonos; the word list writes it.
    assert word_zipf("ΦΙΛΑ", "el") == word_zipf("φίλα", "el") > 0
    assert word_zipf("ΡΥΘΜΙΣΕΙΣ", "el") == word_zipf("ρυθμίσεις", "el") > 0
    # Written with a wrong accent, a word is still unknown.
    assert word_zipf("φιλά", "el") == 0
    # In small letters the accent is left out far less often than written: a lost byte
    # of ``βασικού`` (ύ, CF 8D) is rather ``ύ`` than ``ς`` (CF 82) of ``βασικος``.
    assert 0 < word_zipf("βασικος", "el") < word_zipf("βασικού", "el") < word_zipf("βασικός", "el")
    assert word_zipf("ΒΑΣΙΚΟΣ", "el") == word_zipf("βασικός", "el")


def test_greek_that_lost_an_accented_letter_keeps_its_accent() -> None:
    clean = "Σφάλμα του βασικού κλειδιού"
    damaged = re.sub("[\x80-\x9f]", "", clean.encode("utf-8").decode("latin-1"))
    assert fixtext.clean(damaged) == clean


def test_a_korean_word_with_its_ending_scores_as_the_word_and_the_ending() -> None:
    # wordfreq lists ``작업`` (task) and ``을`` (object particle) apart, as its tokenizer
    # splits them: ``작업을`` scores as common as the rarer of the two, about.
    stem, particle = word_logprob("작업", "ko"), word_logprob("을", "ko")
    assert stem is not None and particle is not None
    assert word_logprob("작업을", "ko") is None
    assert stem < particle
    assert score_text("작업", "ko") - 0.5 < score_text("작업을", "ko") <= score_text("작업", "ko")
    # ``가지고`` (having) beats ``가지과``: the ending ``고`` is commoner than ``과``.
    assert score_text("가지고", "ko") > score_text("가지과", "ko")
    # After a name in Latin letters, the ending alone.
    assert score_text("WAL에", "ko") > score_text("WAL엠", "ko")


def test_a_letter_no_list_of_the_language_writes_is_borrowed_from_one_that_does() -> None:
    # Estonian has no word list: guessed as Malay, its ``õ`` is a letter Portuguese writes
    # often, rarer than Malay's own letters but commoner than ``ŵ``, which none writes.
    assert char_logprob("a", "ms") > char_logprob("õ", "ms") > char_logprob("ŵ", "ms")
    assert char_logprob("ŵ", "ms") == char_logprob("ж", "ms")


def test_estonian_that_went_through_latin1_twice_gets_its_letters_back() -> None:
    clean = "Võtme lugemine ebaõnnestus või fail puudub"
    once = clean.encode("utf-8").decode("latin-1")
    damaged = re.sub("[\x80-\x9f]", "", once.encode("utf-8").decode("latin-1"))
    assert "ÃÂµ" in damaged
    assert fixtext.clean(damaged) == clean


def test_the_urdu_full_stop_is_a_rare_sign_in_persian_and_arabic() -> None:
    # ``۔`` (DB 94) is one lost byte away from Persian ``ی`` (DB 8C); only Urdu writes it.
    def cost(text: str, code: str) -> float:
        return score_text(text, code) - score_text(text[:-1], code)

    assert cost("است۔", "ur") > cost("است۔", "fa") + 2
    assert cost("است۔", "ar") < cost("است،", "ar")
    assert cost("है।", "hi") > -2  # the danda of Hindi stays as cheap as before


@pytest.mark.parametrize(
    ("word", "code"),
    [("და", "ka"), ("või", "et"), ("kaj", "eo"), ("agus", "ga"), ("tamén", "gl"), ("eta", "eu")],
)
def test_bundled_word_lists_know_their_words_without_ranking_them(word: str, code: str) -> None:
    # Georgian, Estonian, Esperanto, Irish, Galician and Basque: lists that ship with
    # fixtext, all words alike (Zipf 3.5), and no word of another spelling.
    assert not has_frequencies(code)
    assert word_zipf(word, code) == pytest.approx(3.5)
    assert word_zipf(word + "q", code) == 0.0
    assert has_frequencies("fr")


def test_latin_words_in_serbian_cost_what_they_cost_in_other_cyrillic_text() -> None:
    # Serbian's list is Serbo-Croatian's spelled in Cyrillic: it holds no Latin word, and
    # a Latin token beside a repaired Serbian word must not tip the text to Russian.
    for token in ("d", "EXIDX", "debug"):
        others = max(score_text(token, code) for code in ("ru", "uk", "bg", "mk"))
        assert score_text(token, "sr") == others
    assert score_text("у %d. реду", "sr") > score_text("у %d. реду", "ru")


def test_an_unknown_word_ending_as_words_of_its_language_do_is_likelier() -> None:
    # Where the pairs of letters tell nothing, the last letter does: Greek words end in
    # ``ς`` (listed as ``σ``) all the time, in ``τ`` hardly ever.
    assert score_text("οριζόντιας", "el") > score_text("οριζόντιατ", "el")
    assert score_text("αφηρημένες", "el") > score_text("αρητημένετ", "el")


def test_a_capital_after_a_bracket_inside_a_sentence_is_rarer() -> None:
    # ``start (đầu)``: a word in lower case, spaces and an opening bracket, then a capital;
    # so after a closing bracket, or a column of spaces.
    for before, after in (("start (", ")"), ("git-pull ", " biết"), ("--dry-run      ", " tạo")):
        lower = score_text(f"{before}đầu{after}", "vi")
        upper = score_text(f"{before}Đầu{after}", "vi")
        assert lower > upper, before
