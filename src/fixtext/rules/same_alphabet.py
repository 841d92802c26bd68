"""Text in one code page read through another code page of the same alphabet:
``kullanýcý`` for ``kullanıcı`` (Turkish in Windows-1254 read as Windows-1252),
``pøidejte`` for ``přidejte`` (Czech in Windows-1250), ``mĺnga`` for ``många`` (Swedish in
Windows-1252 read as Windows-1250), ``sŽparateurs`` for ``séparateurs`` (French in Mac
Roman read as Windows-1252), ``оНЙЮГШБЮРЭ`` for ``Показывать`` (Russian in Windows-1251
read as KOI8-R).

Both readings are letters of one alphabet, so little or no sign of damage shows in a word
as it stands: ``ý`` is Czech, ``ð`` Icelandic, capitals are capitals. What tells is the word
list of the language: a reading through the right pair of code pages turns words no
language knows into words of one language, and leaves none of its known words unknown. The
triggers below only send a text here; the words decide.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache

from fixtext.language import likeliest_of, rank_languages, word_zipf
from fixtext.model import Edit

__all__ = ["PAIRS", "TRIGGERS", "find_same_alphabet_readings"]

_AFTER_LETTER = "(?<=[^\\W\\d_].)"
_NO_LETTER_AFTER = "(?![^\\W\\d_])"
_VOWEL = "[aeiouáéíóöúü]"
_CONSONANT = "[b-df-hj-np-tv-z]"
# Pairs of capitals no word of Russian, Ukrainian, Bulgarian, Macedonian or Serbian holds
# (their 30,000 commonest words, in capitals), which cp1251 read as KOI8-R and KOI8-R read
# as cp1251 make most often: ``ЙЮ`` (``ка``), ``ХЯ`` (``ис``), ``ЧБ`` (``ва``).
_IMPOSSIBLE_CAPITAL_PAIRS = tuple(
    (f"[{first}]", f"[{seconds}]")
    for first, seconds in (
        ("Й", "ЮЁЫЙЭ"), ("Х", "ЯЙБЖЫЦ"), ("Ж", "ХЭЙ"), ("Ю", "ОЯЫУЬ"), ("Я", "ОЪЭЁЫФ"),
        ("Н", "Й"), ("Е", "ЬЫ"), ("С", "Й"), ("Ё", "Я"), ("Ф", "ХДЙЩ"), ("К", "ЁЙ"),
        ("Б", "Й"), ("Э", "ЯЬЕ"), ("Г", "Й"), ("М", "Й"), ("Ы", "ЮОФ"), ("Ч", "ЫБЩЙД"),
        ("Л", "Й"), ("Щ", "КМЧФЫД"), ("Т", "Й"), ("Ш", "ФЫБ"), ("П", "Й"), ("Ц", "Й"),
        ("У", "Ё"),
    )
)  # fmt: skip
# Shapes the languages written in these letters do not take, and the misreadings do.
TRIGGERS = (
    # ``þ`` after a vowel: Turkish ``ş`` (``iþlem``, ``çalýþ``) or Lithuanian ``ž``
    # (``paþangos``) read as cp1252; Icelandic writes ``þ`` at the start of its words and
    # parts of words (``alþýðu``). And ``¿`` after a letter: Polish ``ż`` (``ju¿``,
    # ``mo¿na``); it opens a Spanish question.
    ("[þ]", "(?<=[aeiouyáâäéêíîóôöúûüý].)"),
    ("[¿]", _AFTER_LETTER),
    # ``ç`` between consonants: Latvian ``ē`` (``vçrtîba``); French, Portuguese and Catalan
    # write it before a vowel or at the end of a word, Turkish and Albanian after a vowel or
    # at the start (``geçmiş``, ``çdo``).
    ("[ç]", f"(?<={_CONSONANT}.){_CONSONANT}"),
    # ``ì`` inside a word before a consonant but ``m`` and ``n``: Czech ``ě`` (``vìtšina``);
    # Italian writes it at the end, Vietnamese before a vowel, ``m``, ``n`` (``mình``).
    ("[ì]", _AFTER_LETTER + "[bcdfghjklpqrstvwxzčďňřšťž]"),
    # ``ø`` before an accented vowel: Czech ``ř`` (``tøí``, ``pøíklad``). (Not before ASCII,
    # as in ``pøi``: the scan would try it after every accented letter.)
    ("[ø]", "[íáéìý]"),
    # ``œ`` before a consonant: Polish ``ś`` (``wyœwietla``); French writes ``œu``, ``œil``.
    ("[œ]", "[bcdfghjklmnprstwz]"),
    # ``æ`` ending a word: Polish ``ć`` (``byæ``); ``õ`` ending a word after a vowel and a
    # consonant or two: Hungarian ``ő`` (``idõ``, ``kezdõ``), where Vietnamese writes a
    # syllable of consonants and ``õ`` (``rõ``) and Portuguese ``õ`` before ``e`` or ``s``.
    ("[æ]", _AFTER_LETTER + _NO_LETTER_AFTER),
    ("[õ]", f"(?:(?<={_VOWEL}{_CONSONANT}.)|(?<={_VOWEL}{_CONSONANT}{{2}}.)){_NO_LETTER_AFTER}"),
    # ``çý``, ``ýç``, ``ýþ``, ``ðý``, ``Ýþ``, ``Ýç``: Turkish ``ı`` and ``İ`` (``açýk``,
    # ``Ýþlem``); Czech writes ``ý`` without them, Icelandic ``ýð`` (``lýðveldi``) but hardly
    # ``ðý``.
    ("[çð]", "ý"),
    ("[ýÝ]", "[çþ]"),
    # ``siê``: Polish ``się``.
    ("[ê]", "(?<=si.)" + _NO_LETTER_AFTER),
    # ``ĺ``: Swedish, Danish, Norwegian ``å`` read as cp1250 (``mĺnga``), or Slovak
    # (``stĺpec``, which its word list keeps).
    ("[ĺĹ]", ""),
    # ``ŕ`` standing alone: French ``à`` read as cp1250 (``ŕ la``); ``ż`` before a capital:
    # Spanish ``¿`` (``żQué``); ``ă`` after ``ç`` or before ``o``: Portuguese ``ã``
    # (``informaçăo``, ``năo``), where Romanian writes neither.
    ("[ŕ]", "(?<![^\\W\\d_].)" + _NO_LETTER_AFTER),
    ("[ż]", "[A-ZÁÉÍÓÚ]"),
    ("[ăĂ]", "(?:[oO]|(?<=[çÇ].))"),
    ("[őŐ]", "(?:(?<=[çÇ].)|[eE][sS])"),
    # More of Western text read as cp1250: ``č`` standing alone (Italian ``è``: ``non č``)
    # or ``ŕ`` ending a word (``déjŕ``, ``diventerŕ``; Slovak writes it between
    # consonants, ``vŕba``); ``ę`` opening a word (French ``ê``: ``ętre``); ``ń``
    # before a vowel (Spanish ``ñ``: ``tamańo``; Polish writes ``ni`` there).
    ("[č]", "(?<![^\\W\\d_].)" + _NO_LETTER_AFTER),
    ("[ŕ]", _AFTER_LETTER + _NO_LETTER_AFTER),
    ("[ę]", "(?<![^\\W\\d_].)(?=[a-z])"),
    ("[ńŃ]", "[aeiouáéíóúAEIOU]"),
    # Czech and Slovak in cp1250 read as cp1252 once more: ``è`` before a vowel (``č``:
    # ``èasový``, ``pokraèuje``; French writes ``è`` before a consonant), ``ø``
    # before a vowel (``ř``: ``pøevedena``, ``KOØEN``; Danish ``søen`` sends its text here
    # too, and its word list keeps it), ``¾`` after a letter (``ľ``: ``Používate¾``). Not
    # ``è`` between ``u`` and ``i``: Occitan ``puèi``; nor ``È``, which UTF-8 that lost its
    # C1 bytes shows for Romanian ``ș`` and ``ț`` (``ieÈire``); nor ``ù`` ending a word
    # (Czech ``ů``, ``názvù``), which Italian (``menù``) and Vietnamese (``bù``) write.
    ("[è]", "[aeouyáéíóúý]"),
    ("[è]", "(?<![uU].)i"),
    ("[øØ]", "[aeiouAEIOU]"),
    ("[¾]", _AFTER_LETTER),
    # ``ø`` ending a word of four letters or more: Lithuanian ``ų`` read as cp1252
    # (``failø``, ``nuorodø``); Danish and Norwegian end short words so (``sø``, ``frø``).
    ("[ø]", "(?<=[a-z]{3}.)" + _NO_LETTER_AFTER),
    # Mac Roman read as cp1252, which shows its accented small letters as signs and
    # capitals: a capital between small letters (``dŽbut``, ``fŸr``, ``BinŠrdateien``);
    # ``Ÿ`` or ``ƒ`` opening a word in small letters (``Ÿber``, ``ƒchec``); ``ˆ`` (``à``)
    # alone or ending a word and ``‡`` (``á``) after a letter (``lˆ``, ``Yal‡lag``); ``Õ``
    # (``’``) between letters (``lÕespace``); ``Ê`` (a no-break space) between a word and
    # a colon; ``Ç`` before a placeholder and ``È`` against one (``Ç %s È``, ``È%sÇ``): ``«``
    # and ``»``, where Italian writes ``È %s``.
    ("[ŠŽŸ]", "(?<=[a-zß-öø-ÿ].)(?=[a-zß-öø-ÿ])"),
    ("[Ÿƒ]", "(?<![^\\W\\d_].)(?=[a-z]{2})"),
    ("[ˆ]", "(?<![^\\W\\d_].)" + _NO_LETTER_AFTER),
    ("[ˆ‡‰]", _AFTER_LETTER),
    ("[Õ]", "(?<=[A-Za-z].)(?=[a-z])"),
    ("[Ê]", "(?<=[a-z].)(?=[:;!?])"),
    ("[Ç]", "(?=Ê? ?%)"),
    ("[È]", "(?:(?<=%[a-z].)|(?=%))"),
    # DOS code pages read as cp1252: ``‚`` (``é``) or ``„`` (``ä``) between letters
    # (``op‚ration``, ``K„se``; ``parallŠle``, ``requˆte`` as above; not ``”``, ``ö``, which
    # Turkish writes before a suffix, ``“Yapma”yı``);
    # ``ÿ`` (a no-break space) between a word and a colon; ``®`` and ``¯`` (``«`` and
    # ``»``) against a placeholder (``®ÿ%sÿ¯``).
    ("[‚„]", "(?<=[A-Za-z].)(?=[a-z])"),
    ("[ÿ]", "(?<=[a-z].)(?=[:;!?])"),
    ("[®]", "(?=ÿ? ?%)"),
    ("[¯]", "(?<=%[a-z].)"),
    # Cyrillic read through another Cyrillic page. KOI8-R puts the small letters where
    # cp1251 has the capitals, so either read as the other turns running text into
    # capitals, and a capitalised word into a small letter before capitals (``оНЙЮГШБЮРЭ``
    # is ``Показывать``); the capitals then hold pairs no word of a Cyrillic language
    # writes (``ЙЮ`` is ``ка``). cp1251 read as cp866 shows its letters from ``р`` to ``я``
    # as ``Ё``, ``Є``, ``√``… after small letters (``ьхЄъш`` is ``метки``).
    ("[а-яё]", "[А-ЯЁ]{2}"),
    *_IMPOSSIBLE_CAPITAL_PAIRS,
    ("[ЁЄЇЎ∙√¤■]", "(?<=[а-яё].)"),
)

# (writer, reader): the text was written in the first code page and read through the second.
PAIRS = (
    ("cp1254", "cp1252"),
    ("cp1250", "cp1252"),
    ("cp1257", "cp1252"),
    ("cp1252", "cp1250"),
    ("mac_roman", "cp1252"),
    ("cp850", "cp1252"),
    ("cp437", "cp1252"),
    ("cp1251", "koi8_r"),
    ("koi8_r", "cp1251"),
    ("cp1251", "cp866"),
)
_WESTERN = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ca", "sv", "nb", "da", "fi", "is", "gl", "eu",
)  # fmt: skip
# The languages each writer's code page was made for: a reading into another is chance
# (Vietnamese ``Ý`` read as Turkish ``İ``).
_LANGUAGES = {
    "cp1254": ("tr",),
    "cp1250": ("cs", "sk", "pl", "hu", "sl", "sh", "ro"),
    "cp1257": ("lt", "lv", "et"),
    "cp1252": _WESTERN,
    "mac_roman": _WESTERN,
    "cp850": _WESTERN,
    "cp437": _WESTERN,
    "cp1251": ("ru", "uk", "bg", "mk", "sr"),
    "koi8_r": ("ru",),
}
# A run of letters and the signs a reading may turn into letters (``wy³¹czone``), between
# spaces and ASCII punctuation; a no-break space after a letter is part of it: cp437's
# ``á`` and cp866's ``я`` are the byte A0 (``p\xa0ginas``, ``фы\xa0`` for ``для``).
_WORD = re.compile(r"(?:[^\s!-/:-@\[-`{-~]|(?<=[^\W\d_])\xa0)+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Letters, with apostrophes between them (``l’espace`` from Mac Roman ``lÕespace``).
# (And with the no-break spaces a word keeps: Polish ``i\xa0kompresję``.)
_WORDISH = re.compile(r"[^\W\d_]+(?:[’\xa0][^\W\d_]+)*")
_INSIDE_SIGNS = re.compile("[’\xa0]")
# What a word that is no letters may read as: quotation marks and no-break spaces (``ÇÊ``
# is ``«\xa0`` in Mac Roman).
_MARKS = re.compile("[«»“”‘’\xa0]+")
# What may open and close a word read so: those, with Spanish ``¿`` and ``¡`` (``żQué`` is
# ``¿Qué`` read as cp1250), each on its side.
_OPENING = re.compile("[«»“‘\xa0¿¡]+")
_CLOSING = re.compile("[«»”’\xa0]+")
# Signs at the edges of a word, which a reading may give (``¿Qué`` from ``żQué``).
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
# How common a word must be to count as known (as in the legacy rule).
_KNOWN_ZIPF = 2.5


def _word_zipf(word: str, language: str | None) -> float:
    """How common ``word`` is; for a word with an apostrophe or a no-break space, its most
    common part of two letters or more (``l’identifiant``)."""
    parts = _INSIDE_SIGNS.split(word)
    if len(parts) == 1:
        return _zipf(word, language)
    return max((_zipf(part, language) for part in parts if len(part) > 1), default=0.0)


def _zipf(word: str, language: str | None) -> float:
    # (``İptal`` is listed as ``iptal``: Python lowers ``İ`` to ``i`` and a combining dot.)
    return word_zipf(word.replace("İ", "i"), language) if language is not None else 0.0


@cache
def _changed(writer: str, reader: str) -> frozenset[str]:
    """The characters of the reader's page whose byte is another character in the writer's,
    one of them a letter (``ż`` of cp1250 is ``¿`` in cp1252)."""
    changed = set()
    for byte in range(0x80, 0x100):
        try:
            shown = bytes([byte]).decode(reader)
            meant = bytes([byte]).decode(writer)
        except UnicodeDecodeError:
            continue
        if shown != meant and (meant.isalpha() or shown.isalpha() or _MARKS.fullmatch(meant)):
            changed.add(shown)
    return frozenset(changed)


@cache
def _signs_of(writer: str, reader: str) -> re.Pattern[str]:
    """The triggers that start on a character this pair of pages changes: where none
    matches, the pair has nothing to read (``ĺ`` is a sign for cp1250 readers only)."""
    changed = _changed(writer, reader)
    return re.compile(
        "|".join(
            f"{first}(?:{rest})"
            for first, rest in TRIGGERS
            if any(re.fullmatch(first, char) for char in changed)
        )
        or "(?!)"
    )


def _reads_as_word(word: str, after: str, core_after: str) -> bool:
    """Whether a reading of ``word`` is letters, with quotation marks or no-break spaces
    around them, or is only those marks (``ÇÊ`` is ``«\xa0``); and does not put a capital
    after a small letter the word did not have (``sô`` is no ``sÙ``)."""
    if not core_after:
        return _MARKS.fullmatch(after) is not None
    if not _WORDISH.fullmatch(core_after):
        return False
    opening, _, closing = after.partition(core_after)
    edges = word.replace(_EDGES.sub("", word), "", 1)
    if (
        (opening or closing)
        and opening + closing != edges
        and not (_OPENING.fullmatch(opening + "«") and _CLOSING.fullmatch("»" + closing))
    ):
        return False  # (``passâ`` is no ``pass‚``, ``ФО`` no ``”Ћ``)
    return _capitals_after_small(after) <= _capitals_after_small(word)


def _capitals_after_small(word: str) -> int:
    pairs = itertools.pairwise(word)
    return sum(1 for small, capital in pairs if small.islower() and capital.isupper())


def find_same_alphabet_readings(text: str, pairs: Iterable[tuple[str, str]] = PAIRS) -> list[Edit]:
    """Repairs of ``text`` read through the pair of code pages of one alphabet that makes
    known words of the most unknown ones, and no unknown word of a known one.

    >>> [edit.after for edit in find_same_alphabet_readings("Dosya baþlatýlamadý: iþlem iptal")]
    ['başlatılamadı', 'işlem']
    >>> find_same_alphabet_readings("Þetta er maður sem ég þekki")
    []

    ``pairs``: the (writer, reader) pairs of code pages tried, of :data:`PAIRS`.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    before: list[str | None] = []  # (the language of the text as it is, once needed)
    best: tuple[int, list[Edit]] | None = None
    for writer, reader in pairs:
        if not _signs_of(writer, reader).search(text):
            continue
        changed = _changed(writer, reader)
        readings = []
        touched = 0
        for start, end, word in words:
            if not any(char in changed for char in word):
                continue
            touched += 1
            try:
                after = word.encode(reader).decode(writer)
            except UnicodeError:
                continue
            core_after = _EDGES.sub("", after)
            if after != word and _reads_as_word(word, after, core_after):
                readings.append((start, end, _EDGES.sub("", word), after, core_after))
        if not readings or 2 * len(readings) < touched:
            # (Most words the pair changes read as no word: clean Russian through cp866
            # is box drawing, but for ``ул``, which reads as ``г«``.)
            continue
        language = likeliest_of(
            " ".join(reading[3] for reading in readings).replace("İ", "i"), _LANGUAGES[writer]
        )
        zipfs = [_word_zipf(core_after, language) for *_, core_after in readings]
        if language is None or not any(
            len(reading[2]) > 1 and zipf >= _KNOWN_ZIPF
            for reading, zipf in zip(readings, zipfs, strict=True)
        ):
            continue  # (no known word: no need to know the language of the text as it is)
        if not before:
            ranked = rank_languages(text)
            before.append(ranked[0][0] if ranked else None)
        before_language = before[0]
        wins = losses = 0
        edits = []
        for (start, end, core, after, core_after), zipf_after in zip(readings, zipfs, strict=True):
            if core == core_after or (
                core_after in core and text[start].isalpha() != after[0].isalpha()
            ):
                # (Only marks read: ``%s╩`` is ``%s»``. A first letter read as a mark leaves
                # the rest of its word as it was, and proves nothing: ``Èuro`` is no
                # ``»uro``; ``ligneÊ``, ``ligne\xa0``, does.)
                edits.append((start, end, after))
                continue
            zipf_before = _word_zipf(core, before_language) if _WORDISH.fullmatch(core) else 0.0
            # (Word lists hold some misread words too: Hungarian ``idõ`` for ``idő``, far
            # rarer than the word itself.)
            if zipf_before >= _KNOWN_ZIPF and zipf_before >= zipf_after and len(core) > 1:
                losses += 1
                continue
            # (A word of one letter is known in every language, and proves none.)
            wins += zipf_after >= _KNOWN_ZIPF and len(core) > 1
            edits.append((start, end, after))
        score = wins - 2 * losses
        # (Most of the words read so must be known, unless the reading is in the language
        # the rest of the text is in: in Albanian, which has no word list, ``në`` reads as
        # Lithuanian ``nė``, but ``vetëm`` as no word at all.)
        majority = 2 * wins > sum(1 for *_, core_after in readings if core_after)
        if (majority or (wins and language == before_language)) and score > 0:
            if best is not None and score <= best[0]:
                continue
            confidence = round(min(0.9, 0.4 + 0.1 * score), 3)
            rule = f"{writer}-as-{reader}"
            best = (
                score,
                [Edit(start, end, after, rule, confidence) for start, end, after in edits],
            )
    return best[1] if best else []
