"""clean and repair accept every str: they return a str and never raise."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import SINGLE_BYTE_CODE_PAGES, any_texts, damage, real_texts

from fixtext import Result, clean, repair

SPECIAL_TEXTS = {
    "empty": "",
    "nul": "\0",
    "nuls": "a\0b\0\0c",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "x\udc80y",
    "surrogate pair as two code points": "\ud83d\ude00",
    "C0 and C1 controls": "".join(map(chr, range(0x20))) + "".join(map(chr, range(0x7F, 0xA0))),
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "replacement characters": "\ufffd" * 10,
    "bidi controls": "\u202eabc\u202c\u2066x\u2069",
    "combining only": "\u0301\u0308\u20dd",
    "line and paragraph separators": "a\u2028b\u2029c\r\n\r",
    "private use": "\ue000\U000f0000",
    "cp1252 mojibake of everything": "".join(map(chr, range(0x80, 0x100))),
    "BOM residue": "ï»¿ï»¿",
    "lost-byte markers": "â â€ Ã Ã\u00a0 â€? �",
    "entities": "&amp;&amp;amp;&#0;&#x110000;&#99999999999;&bogus;&",
    # Letters whose lower or upper case is two characters, beside lost-byte damage.
    "case changes length": "İstanbul: donât, Ãcole, ŉ ß ǰ ﬀ İ",
}


@pytest.mark.parametrize("text", list(SPECIAL_TEXTS.values()), ids=list(SPECIAL_TEXTS))
def test_special_strings_do_not_raise(text: str) -> None:
    """Edge-case strings come back as a str, through both clean and repair."""
    assert isinstance(clean(text), str)
    assert isinstance(repair(text), Result)


@given(any_texts())
@example("\ud800\udfff\0")
def test_any_text_does_not_raise(text: str) -> None:
    """clean returns a str for any string, whatever its categories."""
    assert isinstance(clean(text), str)


# What lost-byte damage leaves, to mix with letters of every kind.
DAMAGE_MARKERS = ["â", "Ã", "Ä", "Å", "Ð", "Ñ", "Ø", "Ù", "×", "â€", "Ã?", "\ufffd", "\x9c", " "]


@given(
    st.lists(
        st.one_of(st.sampled_from(DAMAGE_MARKERS), st.characters(categories=("L", "M"))),
        max_size=30,
    ).map("".join)
)
def test_letters_of_any_kind_beside_damage_do_not_raise(text: str) -> None:
    """Damage markers among letters of every script and case send each text through the
    guessing rules, which look letters up by case and script."""
    assert isinstance(clean(text), str)


@given(
    real_texts(),
    st.sampled_from(SINGLE_BYTE_CODE_PAGES),
    st.integers(min_value=1, max_value=40),
)
@example("مرحبا بك في ظل", "cp1256", 1)
def test_mojibake_cut_anywhere_does_not_raise(text: str, code_page: str, cut: int) -> None:
    """Text read through any code page and cut short, leaving a lead byte without what
    follows it (through pages that lose no byte, such as cp1256, it has no candidates)."""
    damaged = damage(text, code_page)
    if damaged is not None:
        assert isinstance(clean(damaged[: max(1, len(damaged) - cut)]), str)


def test_every_code_point_does_not_raise() -> None:
    """A text holding every 7th code point of Unicode, surrogates included, is accepted."""
    text = "".join(chr(code) for code in range(0, 0x110000, 7))
    assert isinstance(clean(text), str)


# Huge inputs run in a child process with a time and memory limit, so that a slow or
# memory-hungry repair fails the test instead of stalling or exhausting the machine.
HUGE_INPUT_SECONDS = 30
HUGE_INPUT_MEMORY = 4 * 1024**3


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (HUGE_INPUT_MEMORY, HUGE_INPUT_MEMORY))


def run_clean_in_child(build_text: str, check: str) -> None:
    """Build a text with the expression ``build_text``, clean it in a child process, and
    assert ``check`` (an expression over ``text`` and ``out``) there."""
    program = (
        "import sys\n"
        "from fixtext import clean\n"
        f"text = {build_text}\n"
        "out = clean(text)\n"
        f"sys.exit(0 if ({check}) else 3)\n"
    )
    try:
        child = subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            timeout=HUGE_INPUT_SECONDS,
            preexec_fn=_limit_memory if sys.platform.startswith("linux") else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"clean took more than {HUGE_INPUT_SECONDS} s on {build_text}")
    assert child.returncode != 3, f"check failed: {check}"
    assert child.returncode == 0, child.stderr[-2000:]


@pytest.mark.slow
def test_one_megabyte_of_clean_text_does_not_raise() -> None:
    """A 1 MB string of clean multilingual text is accepted in one call, unchanged (within
    30 s and 4 GB)."""
    unit = "Ceci est un texte propre, “cité”. Привет, мир! 文字化けしない。 Ελληνικά 😀\n"
    repeat = 1_000_000 // len(unit.encode("utf-8")) + 1
    run_clean_in_child(f"{unit!r} * {repeat}", "out == text")


@pytest.mark.slow
def test_one_megabyte_of_mojibake_does_not_raise() -> None:
    """A 1 MB string mixing clean text and several kinds of mojibake is accepted in one
    call (within 30 s and 4 GB)."""
    unit = "Ceci est un texte propre. donâ€™t cafÃ© Привет РїСЂРёРІРµС‚ 文字化け\n"
    repeat = 1_000_000 // len(unit.encode("utf-8")) + 1
    run_clean_in_child(f"{unit!r} * {repeat}", "isinstance(out, str)")


@pytest.mark.slow
def test_one_megabyte_line_does_not_raise() -> None:
    """A 1 MB string of mojibake with no line break is accepted in one call (within 30 s
    and 4 GB)."""
    run_clean_in_child("'Ã©' * 500_000", "isinstance(out, str)")


def test_100_kilobytes_of_mixed_mojibake_does_not_raise() -> None:
    """A 100 KB string mixing clean text and several kinds of mojibake is accepted."""
    unit = "Ceci est un texte propre. donâ€™t cafÃ© Привет РїСЂРёРІРµС‚ 文字化け\n"
    text = unit * (100_000 // len(unit.encode("utf-8")) + 1)
    assert isinstance(clean(text), str)


@given(real_texts(max_sentences=8))
def test_real_text_does_not_raise(text: str) -> None:
    """clean returns a str for text made of real words."""
    assert isinstance(clean(text), str)
