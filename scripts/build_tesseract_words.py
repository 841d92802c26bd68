"""Build ``src/fixtext/data/<code>_words.txt.xz``: word lists for languages wordfreq lacks.

wordfreq has no list for Georgian, Estonian, Esperanto, Irish, Galician or Basque, and
without one a lost byte cannot be told by the word it makes, nor one code page from another
by the words they give (Estonian ``või`` through ISO-8859-2 is ``vĂľi``, which cp1250 reads
as ``vþi``). Georgian loses the most: its letters are three bytes in UTF-8 (E1 83 90–BF), so
Windows-1252 shows ``ა`` and ``ო`` (E1 83 90, E1 83 9D) as ``áƒ?``.

This script takes the word lists of Tesseract's models for these languages (Apache License
2.0, https://github.com/tesseract-ocr/tessdata_fast, as Debian ships them in
``tesseract-ocr-kat``, ``-est``, ``-epo``, ``-gle``, ``-glg``, ``-eus``) and keeps the words
of letters alone, in small letters (those written so or with a capital first), sorted, one a
line, compressed with xz. The lists hold no frequencies: every word weighs alike.

    apt-get download tesseract-ocr tesseract-ocr-kat ... && dpkg -x <each .deb> x/
    combine_tessdata -u x/usr/share/tesseract-ocr/5/tessdata/kat.traineddata kat.
    dawg2wordlist kat.lstm-unicharset kat.lstm-word-dawg kat.words
    python scripts/build_tesseract_words.py ka kat.words
"""

from __future__ import annotations

import lzma
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "fixtext" / "data"
_WORD = re.compile(r"[^\W\d_]+")


def words(path: Path) -> list[str]:
    found = {
        word.lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if _WORD.fullmatch(word := line.strip()) and (word.islower() or word.istitle())
    }
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    code, source = argv
    found = words(Path(source))
    output = DATA / f"{code}_words.txt.xz"
    data = "\n".join(found).encode("utf-8")
    output.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"{len(found)} words, {output.stat().st_size} bytes: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
