"""Shared generators for the property tests: real words in many scripts, and their mojibake.

Test modules in this folder import it as ``from strategies import ...``: pytest's default
(prepend) import mode puts the folder of a test module without ``__init__.py`` on
``sys.path``. There is deliberately no ``conftest.py`` here: a second module named
``conftest`` would shadow ``tests/conftest.py`` for ``from corpora import corpus_path``.

Hypothesis profiles are registered on import: ``dev`` (the default) and ``ci`` (derandomised,
so a CI failure reproduces). Choose one with ``HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

import wordfreq
from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st

settings.register_profile(
    "dev",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=30,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Languages with a word list in wordfreq, grouped loosely by script.
LATIN_LANGUAGES = _words("en fr de es pt it nl sv pl cs tr ro hu vi")
WORDFREQ_LANGUAGES = (
    *LATIN_LANGUAGES,
    *_words("ru uk bg"),  # Cyrillic
    *_words("el he ar fa hi"),  # Greek, Hebrew, Arabic, Devanagari
    *_words("ja zh ko"),
)

# wordfreq has no Thai or Georgian list: a few common words, written for these tests.
HAND_WRITTEN_WORDS = {
    "th": _words(
        "ภาษา ไทย สวัสดี ครับ ค่ะ ประเทศ คน และ ที่ ใน เป็น ของ มี ไม่ ได้ จะ ให้ กับ "
        "วัน นี้ บ้าน เมือง น้ำ ข้าว กิน ดี มาก ขอบคุณ เรา"
    ),
    "ka": _words(
        "და არის საქართველო ენა თბილისი ქართული ეს რომ არ მე შენ ის ჩვენ ერთი ორი "
        "სახლი წყალი დიდი კარგი მადლობა გამარჯობა დღეს ხვალ წელი ქალაქი"
    ),
}

LANGUAGES = WORDFREQ_LANGUAGES + tuple(HAND_WRITTEN_WORDS)
CJK_LANGUAGES = ("ja", "zh", "ko")

# Single-byte code pages whose round trip fixtext undoes (UTF-8 bytes decoded with them).
SINGLE_BYTE_CODE_PAGES = (
    "cp1252",
    "latin-1",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "mac_roman",
    "cp437",
    "cp850",
    "cp852",
    "cp866",
    "koi8_r",
    "koi8_u",
    "cp1255",
    "cp1256",
    "iso8859_5",
    "iso8859_7",
    "iso8859_15",
    "mac_cyrillic",
)
CJK_CODE_PAGES = ("shift_jis", "euc_jp", "gbk", "euc_kr", "big5")

DECORATIONS = (
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    " –",
    " —",
    "…",
    " (1)",
    " 2024",
    " 3,5 %",
    " 😀",
    " 👍🏽",
    " ❤️",
    " 🇫🇷",
    " ©",
    " №7",
    " €12",
)
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("«\u00a0", "\u00a0»"), ("„", "“"), ("「", "」"))
SEPARATORS = (" ", " ", " ", "\u00a0", ", ", " - ")


@functools.cache
def words_of(language: str) -> tuple[str, ...]:
    """Common words of ``language``, from wordfreq or the hand-written lists above."""
    if language in HAND_WRITTEN_WORDS:
        return HAND_WRITTEN_WORDS[language]
    return tuple(wordfreq.top_n_list(language, 3000))


@st.composite
def sentences(draw: st.DrawFn, languages: tuple[str, ...] = LANGUAGES) -> str:
    """A few real words of one language, with punctuation, quotes, digits, NBSP or emoji."""
    language = draw(st.sampled_from(languages))
    words = draw(st.lists(st.sampled_from(words_of(language)), min_size=1, max_size=8))
    separator_choices = st.sampled_from(SEPARATORS)
    text = words[0]
    for word in words[1:]:
        text += draw(separator_choices) + word
    if draw(st.booleans()):
        text = text[:1].upper() + text[1:]
    if draw(st.integers(0, 3)) == 0:
        opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
        text = opening + text + closing
    for decoration in draw(st.lists(st.sampled_from(DECORATIONS), max_size=2)):
        text += decoration
    return text


@st.composite
def real_texts(
    draw: st.DrawFn, languages: tuple[str, ...] = LANGUAGES, max_sentences: int = 4
) -> str:
    """Clean text: sentences of real words, possibly in several languages and scripts."""
    parts = draw(st.lists(sentences(languages), min_size=1, max_size=max_sentences))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from((" ", " ", "\n", "\n\n", " | "))) + part
    return text


def damage(text: str, code_page: str) -> str | None:
    """``text`` as UTF-8 bytes read as ``code_page``; None when a byte has no character there
    (a lossy round trip, which these properties leave to other tests)."""
    try:
        return text.encode("utf-8").decode(code_page)
    except UnicodeDecodeError:
        return None


def damage_twice_cp1252(text: str) -> str | None:
    """Two layers of UTF-8 read as cp1252 (``’`` → ``â€™`` → ``Ã¢â‚¬â„¢``)."""
    once = damage(text, "cp1252")
    return None if once is None else damage(once, "cp1252")


class Damaged(NamedTuple):
    clean: str
    damaged: str
    code_page: str


@st.composite
def damaged_texts(
    draw: st.DrawFn,
    code_pages: tuple[str, ...] = (*SINGLE_BYTE_CODE_PAGES, "cp1252+cp1252"),
    texts: st.SearchStrategy[str] | None = None,
) -> Damaged:
    """Real text and its lossless mojibake under one of ``code_pages`` that changed it.

    ``"cp1252+cp1252"`` stands for two layers of cp1252.
    """
    wanted = draw(st.sampled_from(code_pages))
    text = draw(real_texts() if texts is None else texts)
    if _damage_with(text, wanted) is None:
        # Long multilingual text rarely survives cp1252 or a CJK code page byte for byte;
        # text in Latin script nearly always does, so give the code page drawn a second chance.
        text = draw(real_texts(LATIN_LANGUAGES, max_sentences=2))
    possible = []
    for code_page in code_pages:
        damaged = _damage_with(text, code_page)
        if damaged is not None and damaged != text:
            possible.append(Damaged(text, damaged, code_page))
    assume(possible)
    for case in possible:
        if case.code_page == wanted:
            return case
    return draw(st.sampled_from(possible))


def _damage_with(text: str, code_page: str) -> str | None:
    if code_page == "cp1252+cp1252":
        return damage_twice_cp1252(text)
    return damage(text, code_page)


def cjk_damaged_texts() -> st.SearchStrategy[Damaged]:
    """Short real text (CJK round trips are rarely lossless on long text) read as a CJK
    double-byte code page."""
    return damaged_texts(CJK_CODE_PAGES, real_texts(max_sentences=2))


def any_texts() -> st.SearchStrategy[str]:
    """Any string at all: every category, lone surrogates, controls, NULs."""
    return st.text(st.characters(exclude_categories=()))


def interesting_texts() -> st.SearchStrategy[str]:
    """Any string, real text, or mojibake: what the invariants over every input are run on."""
    return st.one_of(
        any_texts(),
        real_texts(),
        damaged_texts().map(lambda case: case.damaged),
    )
