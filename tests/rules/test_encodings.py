"""The code-page rule: sequences whose place tells what they are."""

from __future__ import annotations

import pytest

import fixtext
from fixtext.rules.encodings import find_codepage_repairs

PAGES = ["cp437", "cp850", "cp866", "koi8_r", "iso8859_5", "cp1255", "cp1256", "mac_roman"]


@pytest.mark.parametrize("page", PAGES)
def test_the_copyright_sign_after_copyright_through_any_page(page: str) -> None:
    # ``©`` is C2 A9; through a DOS or Cyrillic page it is two signs or letters of another
    # script (``┬⌐``, ``ТЉ``), alone in the text: right after ``Copyright``, it is ``©``.
    clean = "Copyright © %s Free Software Foundation, Inc."
    damaged = clean.encode("utf-8").decode(page)
    assert damaged != clean
    assert fixtext.clean(damaged) == clean


@pytest.mark.parametrize("text", ["I said ┬⌐ to him", "Copyright ТЉ-2", "Copyright: ТЉ"])
def test_the_same_signs_elsewhere_stay(text: str) -> None:
    # Not after the word ``Copyright``, or not standing alone: no place tells them.
    assert not [e for e in find_codepage_repairs(text) if e.after == "©"]
    assert fixtext.clean(text) == text


@pytest.mark.parametrize(
    ("clean", "page"),
    [
        # ``õ`` (C3 B5) through ISO-8859-2 is ``Ăľ``, which cp1250 reads as ``þ`` (C3 BE):
        # the Estonian list knows ``või`` and ``võti``, not ``vþi``.
        ("Võti pidanuks olema teada või mitte", "iso8859_2"),
        ("Võti pidanuks olema teada või mitte", "iso8859_7"),
        # Galician ``ñ`` through ISO-8859-2 (``Ăą``), not cp1250's ``ů``.
        ("Non hai liñas dispoñíbeis", "iso8859_2"),
        # Esperanto ``ĝ`` (C4 9D) through cp1250 is ``Äť``: one page for the whole text.
        ("Vi plene ruinigis ĝin ĉifoje", "cp1250"),
    ],
)
def test_languages_without_frequencies_tell_code_pages_apart_by_their_words(
    clean: str, page: str
) -> None:
    damaged = clean.encode("utf-8").decode(page)
    assert damaged != clean
    assert fixtext.clean(damaged) == clean


def test_the_words_choose_between_pages_a_little_behind_on_letters() -> None:
    # ``─¥`` is ``ĝ`` through cp437 (9D) and ``ľ`` through cp850 (BE). ``ľ`` is the commoner
    # letter overall, so cp850 gains a little more, but only cp437 makes Esperanto words.
    clean = "Horloĝo transpasis limtempon. La ĉefenigujo ne ŝanĝis."
    assert fixtext.clean(clean.encode("utf-8").decode("cp437")) == clean
    # And where both make words, the letters still decide: Slovak through cp850.
    slovak = "Ľudia sa ľahko učia."
    assert fixtext.clean(slovak.encode("utf-8").decode("cp850")) == slovak
