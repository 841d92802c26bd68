"""Text read through another code page of its own alphabet, told by the word lists."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.rules.same_alphabet import find_same_alphabet_readings


@pytest.mark.parametrize(
    ("clean", "writer", "reader"),
    [
        ("Dosya açılamadı: işlem iptal edildi", "cp1254", "cp1252"),  # Turkish
        ("İşlem iptal edildi", "cp1254", "cp1252"),
        ("Pokud přidejte soubor do nadřízeného adresáře", "cp1250", "cp1252"),  # Czech
        ("Wyświetla listę plików. Jeśli chcesz zmienić się", "cp1250", "cp1252"),  # Polish
        ("Może już jutro", "cp1250", "cp1252"),
        ("A következő idő", "cp1250", "cp1252"),  # Hungarian
        ("Hur många minuter tar det att få in den?", "cp1252", "cp1250"),  # Swedish
        ("Det går många tåg", "cp1252", "cp1250"),
        ("Não foi possível abrir a informação", "cp1252", "cp1250"),  # Portuguese
        ("¿Qué pasa? Sí, señor, ¿dónde está el niño?", "cp1252", "cp1250"),  # Spanish
        ("Cliquez sur le bouton à gauche de la fenêtre", "cp1252", "cp1250"),  # French
        ("Il valore è un numero decimale, non è più supportato", "cp1252", "cp1250"),  # Italian
        ("Este software requiere una pantalla de mayor tamaño", "cp1252", "cp1250"),
        ("la partition « %s » déjà en attente de détachement", "cp1252", "cp1250"),
        ("Uso: %s [OPÇÃO]... FICHEIRO1 FICHEIRO2", "cp1252", "cp1250"),  # Portuguese
        ("Nederīgs atribūta vērtība", "cp1257", "cp1252"),  # Latvian
        ("Nepavyko įkelti pažangos failo", "cp1257", "cp1252"),  # Lithuanian
        ("Selhalo spuštění procesu potomka „%s“, časový limit vypršel", "cp1250", "cp1252"),
        ("Nepodařilo se nalézt součást s identifikátorem „%s“!", "cp1250", "cp1252"),
        ("Používateľ „%s“ nie je členom skupiny „%s“.", "cp1250", "cp1252"),  # Slovak
        # Mac Roman read as cp1252: small accented letters become signs and capitals.
        ("rechercher les séparateurs de mots, bloc de début invalide", "mac_roman", "cp1252"),
        ("Nur Binärdateien geändert, für alle Einträge", "mac_roman", "cp1252"),
        ("Über die Größe: keine führenden Nullen", "mac_roman", "cp1252"),
        ("Basculer vers l’espace de travail, déjà là", "mac_roman", "cp1252"),
        ("Remarque\xa0: le répertoire «\xa0%s\xa0» n’existe pas", "mac_roman", "cp1252"),
        ("Spalte »%s« von Relation »%s« ist keine Identitätsspalte", "mac_roman", "cp1252"),
        ("el parámetro «%s» no es válido en la sección de autentificación", "mac_roman", "cp1252"),
        # DOS code pages read as cp1252: ``op‚ration``, ``K„se``, ``p\xa0ginas``.
        ("ne peut pas valider pendant une opération parallèle", "cp437", "cp1252"),
        ("Der Käse von Principal »%s« wurde gelöscht.", "cp850", "cp1252"),
        ("no se pueden asignar páginas para la función «%s»", "cp437", "cp1252"),
        ("Remarque\xa0: la requête «\xa0%s\xa0» a été refusée", "cp850", "cp1252"),
        # Cyrillic through another Cyrillic page: ``оНЙЮГШБЮРЭ``, ``рПЛБЪЩЧБФШ``, ``ьхЄъш``.
        ("Показывать скрытые значения в поле", "cp1251", "koi8_r"),
        ("значение слишком велико для вывода: «%s»", "cp1251", "koi8_r"),
        ("Не вдалося виконати пошук файла", "cp1251", "koi8_r"),  # Ukrainian
        ("Показывать скрытые значения в поле", "koi8_r", "cp1251"),
        ("Задержка в миллисекундах между нажатиями, если кнопка удерживается", "cp1251", "cp866"),
        ("не удалось найти ссылку внутри подмодуля «%s»", "cp1251", "cp866"),
    ],
)
def test_latin_read_through_another_latin_page_comes_back(
    clean: str, writer: str, reader: str
) -> None:
    damaged = clean.encode(writer).decode(reader)
    assert damaged != clean
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Þetta er maður sem ég þekki, það er ljóst.",  # Icelandic: ý, þ, ð are its own
        "Nový výstup se zobrazí v okně, já vím.",  # Czech: ý, ě
        "Rritja e përdorur për çdo ripërsëritje në mënyrën veprim",  # Albanian: ç, ë
        "Cha deach luach a mhìneachadh airson lorg an nì.",  # Scottish Gaelic: ì
        "ainm gnìomha mì-dhligheach: chan fhaod ach litrichean gun sràcan is àireamhan",
        "Impedìs ai utents di scrivi o modificâ i file su dispositîfs (vâl a dî)",  # Friulian
        "Det er før dagen, og sønnen går på skolen.",  # Danish / Norwegian: ø, å
        "Le cœur de l’œuvre, un fœtus et un œil.",  # French œ
        "Digué que era feliç i el braç li feia mal.",  # Catalan ç at the end
        "¿Qué hora es? Son las diez.",  # Spanish ¿
        "Dĺžka stĺpca je príliš veľká.",  # Slovak ĺ
        "Štvŕtok: vŕba a kŕdeľ, č. 5",  # Slovak ŕ between consonants, ``č.`` for number
        "Gdańsk, Poznań i Toruń: pięć miast",  # Polish ń before consonants and at the end
        "CHÚ Ý: Phép toán nhị phân là vốn đã chưa rõ ràng, tìm hình của mình.",  # Vietnamese
        "   erase KÝ_TỰ   KÝ_TỰ sẽ xóa ký tự cuối cùng gõ vào",
        "Á-căn-đình",
        "È %s il file: è già qui, perché non è più là.",  # Italian: È before a placeholder
        "L'iPhone e l’iPad di Štefan Šmid; Željko Žagar ha 20 ŠKODA.",  # capitals of names
        "x ˆ 2 is the caret ‡ the double dagger, Windows™ ‰ per mille",  # signs alone
        "Il s’agit d’une AÇÃO, dit-il: « %s » en Ç.",  # Portuguese capitals, French quotes
        # Read as Mac Roman, ``passâ`` would be ``pass‚`` and ``sô`` ``sÙ``; ``àti`` ``‡ti``.
        "Impedìs al utent di passâ suntun altri account intant che la sô session e je ative.",
        "Saint Pierre àti Mìkẹ́lọ̀n",
        # Cyrillic capitals and small letters side by side, read as KOI8-R or cp866 no words.
        "ИксСЛ ФО датотека",
        # ``è`` before a vowel is Czech ``č`` read as cp1252, but Occitan writes ``puèi``;
        # a capital read as a quotation mark before a word is no evidence (``»uro``).
        "Clicatz sus la pipeta, puèi clicatz sus una color",
        "Girêdan bi %s (%s) re pêk tê",  # Kurdish ``ê``, Polish ``ę`` read as cp1252
        "Çaper ne girêdayî ye",
        "Èuro WIR",
        "КУПИТЬ ХЭТЧБЕК НЕДОРОГО",  # ``ЧБ``, a pair KOI8-R read as cp1251 makes of ``ва``
        "мой вКонтакте и ЦСКА",
    ],
)
def test_clean_latin_text_with_those_letters_stays(clean: str) -> None:
    assert find_same_alphabet_readings(clean) == []
    assert fixtext.clean(clean) == clean


def test_a_few_words_a_reading_makes_known_are_not_enough() -> None:
    # Read as Lithuanian in cp1257, Albanian ``në`` becomes the Lithuanian word ``nė``, but
    # most words become no word at all: no repair.
    text = "Nëse TRUE, GtkProgress është në modalitetin aktivitet, kjo tregon që diçka"
    assert fixtext.clean(text) == text


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "Ãn locul utilizÄrii unor controale animate, afiÈeazÄ pe ecran o ieÈire",
            "În locul utilizării unor controale animate, afișează pe ecran o ieșire",
        ),
        (
            "eroare internÄ: mep_cgen_rebuild_tables: valori conflictuale: â%dâ Èi â%dâ",
            "eroare internă: mep_cgen_rebuild_tables: valori conflictuale: “%d” și “%d”",
        ),
    ],
)
def test_romanian_utf8_that_lost_its_c1_bytes_is_no_czech_read_as_windows_1252(
    damaged: str, expected: str
) -> None:
    # ``È`` before a small letter is ``ș`` or ``ț`` whose second byte (98–9B) was dropped,
    # not Czech ``Č``: the lost-byte rule guesses it.
    assert fixtext.clean(damaged) == expected
