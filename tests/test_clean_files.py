"""Real files in legacy encodings, decoded with the encoding their folder names: clean text
in some 50 encodings and as many languages, which ``repair`` must leave as it is.

Entities aside (these are web pages and feeds: the command line leaves entities in markup
alone), the only changes allowed are in the files below, each for the reason given.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from corpora import corpus_path

from fixtext import repair

pytestmark = pytest.mark.slow

# Files whose text is not clean once decoded with their folder's encoding.
DAMAGED = {
    # UTF-8 mojibake in the page itself (``Uzsa Ã\x96nko``, ``gyaloglÃ³``).
    "balatonblog.typepad.com.xml": "real mojibake",
    # Thai pages in windows-874, named TIS-620: its quotation marks and bullet (93, 94, 95)
    # are C1 controls in TIS-620.
    "pharmacy.kku.ac.th.healthinfo-ne.xml": "windows-874 named TIS-620",
    "pharmacy.kku.ac.th.centerlab.xml": "windows-874 named TIS-620",
    # EBCDIC text: its line ends decode to C1 controls.
    "_ude_1.txt": "EBCDIC",
}
# Clean text still changed, each a known gap.
KNOWN_GAPS = {
    # ``驕らず`` re-encoded through cp932 is valid UTF-8 by chance (``遂炸``), as rare.
    "blog.kabu-navi.com.xml": "a Japanese verb re-encodes to valid UTF-8 by chance",
    # A name written with a Cyrillic letter in a Bulgarian feed (``Rэs``) reads as the
    # Icelandic word ``rís`` through cp866, a known word.
    "bpm.cult.bg.2.xml": "a name with a homoglyph reads as a known word",
}
ENCODED_CORPORA = ("chardet-tests", "char-dataset")


def _encoding(path: Path) -> str | None:
    """The codec the folder names: ``windows-1252-english`` is ``windows-1252``."""
    parts = path.parent.name.split("-")
    while parts:
        try:
            return codecs.lookup("-".join(parts)).name
        except LookupError:
            parts.pop()
    return None


@pytest.mark.parametrize("corpus", ENCODED_CORPORA)
def test_clean_files_in_legacy_encodings_are_left_as_they_are(corpus: str) -> None:
    root = corpus_path(corpus)
    changed: dict[str, list[tuple[str, str, str]]] = {}
    checked = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        encoding = _encoding(path)
        if encoding is None or path.name in DAMAGED:
            continue
        try:
            text = path.read_bytes().decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        checked += 1
        found = [
            (c.before, c.after, c.rule) for c in repair(text).changes if c.rule != "html-entity"
        ]
        if found and path.name not in KNOWN_GAPS:
            changed[str(path.relative_to(root))] = found[:3]
    assert checked > 150, f"only {checked} files decoded: is the corpus complete?"
    assert changed == {}


@pytest.mark.parametrize("name", sorted(KNOWN_GAPS))
def test_known_gaps_are_still_changed(name: str) -> None:
    """A known gap that no longer shows is fixed: take it off the list."""
    root = corpus_path("char-dataset")
    paths = [p for p in root.rglob(name) if p.is_file()]
    if not paths:
        pytest.skip(f"{name} not in the corpus")
    path = paths[0]
    encoding = _encoding(path)
    assert encoding is not None
    text = path.read_bytes().decode(encoding)
    assert any(c.rule != "html-entity" for c in repair(text).changes)
