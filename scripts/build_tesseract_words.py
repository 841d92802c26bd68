"""Build ``src/fixtext/data/ka_words.txt.xz``: the words of Georgian, for lost bytes.

wordfreq has no Georgian list, and Georgian loses letters to damage more than most scripts:
its letters are three bytes in UTF-8 (E1 83 90–BF), so Windows-1252 shows ``ა`` and ``ო``
(E1 83 90, E1 83 9D) as ``áƒ?`` and a C1 filter leaves a lone ``á`` for sixteen letters.
This script takes the word list of Tesseract's Georgian model (Apache License 2.0,
https://github.com/tesseract-ocr/tessdata_fast, as Debian ships it in ``tesseract-ocr-kat``)
and keeps the words of Georgian letters alone, sorted, one a line, compressed with xz.

    apt-get download tesseract-ocr-kat tesseract-ocr && dpkg -x <each .deb> x/
    combine_tessdata -u x/usr/share/tesseract-ocr/5/tessdata/kat.traineddata kat.
    dawg2wordlist kat.lstm-unicharset kat.lstm-word-dawg kat.words
    python scripts/build_ka_words.py kat.words
"""

from __future__ import annotations

import lzma
import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "fixtext" / "data" / "ka_words.txt.xz"
# Mkhedruli, the alphabet Georgian is written in today.
_GEORGIAN_WORD = re.compile("[\u10d0-\u10ff]+")


def words(path: Path) -> list[str]:
    found = {
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if _GEORGIAN_WORD.fullmatch(line.strip())
    }
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    found = words(Path(argv[0]))
    data = "\n".join(found).encode("utf-8")
    OUTPUT.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"{len(found)} words, {OUTPUT.stat().st_size} bytes: {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
