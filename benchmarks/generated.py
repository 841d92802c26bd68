"""Generated damage: clean dev rows misread through every supported code page, in one run.

Run from the repository root::

    python benchmarks/generated.py              # every clean non-ASCII row
    python benchmarks/generated.py --sample 300 # a random sample of them (seeded)
    python benchmarks/generated.py --lossy      # the same rows with bytes lost on the way

Each clean row that is not ASCII is encoded as UTF-8 and decoded through a code page; where
that changes the text and loses nothing, fixtext and ftfy (quotes kept) each get the damaged
text, and a row scores when the output is exactly the row again. Unlike the dev set's recipes,
this reaches every code page fixtext claims, with text no rule was written against.

With ``--legacy`` the rows are not UTF-8 at all: each is written in the legacy code page of
its language (Russian in Windows-1251, Czech in Windows-1250, Japanese in Shift_JIS…) and read
through another one a program of its time would use (``Ïðèâåò`` for ``Привет``, Windows-1251
read as Windows-1252). Only the pairs seen in real files are tried, listed in
``LEGACY_PAIRS``, and only the rows of the languages each writer is used for.

With ``--lossy`` the rows are damaged the ways that lose bytes instead: read as Latin-1
(once, or twice) with the C1 characters then dropped, read as cp1252 with ``?`` for its
five undefined bytes, read as cp1252 with each no-break space made a space, read through
each CJK code page with ``�`` for the bytes that did not decode (CJK rows only), and, the
other way round, text written in Windows-1252 read as UTF-8 with ``�`` for its bytes
beyond ASCII. A row counts
only where bytes were lost; it scores when the output is the clean row exactly (NFC aside).
Without the corpus the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

import ftfy
from accuracy import DEV_SET, FTFY_NO_HARM, fixtext

# Python codec names, in the order of the table.
PAGES = (
    "cp1252", "latin-1", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_2",
    "iso8859_5", "iso8859_7", "iso8859_10", "iso8859_15", "iso8859_16", "cp1255", "cp1256",
    "mac_roman", "mac_cyrillic", "cp437", "cp850", "cp852", "cp866", "koi8_r", "koi8_u",
    "cp874", "shift_jis", "euc_jp", "gbk", "euc_kr", "big5",
)  # fmt: skip


def damaged_rows(texts: list[str], page: str) -> list[tuple[str, str]]:
    """(damaged, clean) for each text the round trip through ``page`` changes, losslessly."""
    pairs = []
    for text in texts:
        try:
            damaged = text.encode("utf-8").decode(page)
        except UnicodeDecodeError:
            continue
        if damaged != text:
            pairs.append((damaged, text))
    return pairs


_C1 = re.compile("[\x80-\x9f]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def _c1_lost(text: str) -> str | None:
    misread = text.encode("utf-8").decode("latin-1")
    damaged = _C1.sub("", misread)
    return damaged if damaged != misread else None


def _c1_lost_twice(text: str) -> str | None:
    misread = text.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    damaged = _C1.sub("", misread)
    return damaged if damaged != misread else None


def _question_marks(text: str) -> str | None:
    misread = text.encode("utf-8").decode("cp1252", errors="replace")
    return misread.replace("\ufffd", "?") if "\ufffd" in misread else None


def _c1_shown_as_question_marks(text: str) -> str | None:
    # Read as Latin-1, then written to Windows-1252 (or ASCII) with errors="replace": each
    # C1 control became "?" (``donâ??t`` for ``don’t``).
    misread = text.encode("utf-8").decode("latin-1")
    damaged = _C1.sub("?", misread)
    return damaged if damaged != misread else None


def _undefined_dropped(text: str) -> str | None:
    misread = text.encode("utf-8").decode("cp1252", errors="ignore")
    return misread if misread != text.encode("utf-8").decode("cp1252", errors="replace") else None


def _no_break_space_lost(text: str) -> str | None:
    # The undefined bytes as C1 characters, the way browsers and ftfy read cp1252.
    misread = "".join(
        chr(byte) if byte in b"\x81\x8d\x8f\x90\x9d" else bytes([byte]).decode("cp1252")
        for byte in text.encode("utf-8")
    )
    return misread.replace("\xa0", " ") if "\xa0" in misread else None


def _legacy_read_as_utf8(text: str) -> str | None:
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        return None  # (not Windows-1252 text)
    misread = data.decode("utf-8", errors="replace")
    return misread if "\ufffd" in misread else None


def _replaced(codec: str) -> Callable[[str], str | None]:
    def damage(text: str) -> str | None:
        if not _CJK.search(text):
            return None
        misread = text.encode("utf-8").decode(codec, errors="replace")
        return misread if "\ufffd" in misread else None

    return damage


LOSSY = {
    "latin-1, C1 dropped": _c1_lost,
    "latin-1 twice, C1 dropped": _c1_lost_twice,
    "cp1252, ? for undefined": _question_marks,
    "cp1252, undefined dropped": _undefined_dropped,
    "latin-1, C1 shown as ?": _c1_shown_as_question_marks,
    "cp1252, no-break space lost": _no_break_space_lost,
    "cp1252 text read as UTF-8, �": _legacy_read_as_utf8,
    "shift_jis, �": _replaced("shift_jis"),
    "gbk, �": _replaced("gbk"),
    "euc_kr, �": _replaced("euc_kr"),
    "big5, �": _replaced("big5"),
}


# (writer, reader): legacy text in the writer's code page, decoded with the reader's.
LEGACY_PAIRS = (
    ("cp1251", "cp1252"), ("cp1251", "koi8_r"), ("cp1251", "cp866"), ("cp1251", "cp1250"),
    ("koi8_r", "cp1251"), ("cp866", "cp1251"), ("cp1250", "cp1252"), ("cp1252", "cp1250"),
    ("cp1253", "cp1252"), ("cp1254", "cp1252"), ("cp1257", "cp1252"), ("cp1255", "cp1252"),
    ("cp1256", "cp1252"), ("cp874", "cp1252"), ("cp437", "cp1252"), ("cp850", "cp1252"),
    ("mac_roman", "cp1252"), ("gbk", "cp1252"), ("big5", "cp1252"), ("shift_jis", "latin-1"),
    ("euc_kr", "cp1252"),
)  # fmt: skip
# The languages each writer's code page was used for, as the dev set names them.
LEGACY_LANGUAGES = {
    "cp1251": ("ru", "uk", "bg", "sr"), "koi8_r": ("ru",), "cp866": ("ru", "uk", "bg"),
    "cp1250": ("cs", "pl", "sk", "hu", "sl", "hr", "ro"),
    "cp1252": ("fr", "de", "es", "pt", "pt_BR", "sv", "da", "nb", "nl", "it", "fi", "is", "ca"),
    "cp1253": ("el",), "cp1254": ("tr",), "cp1257": ("lt", "lv", "et"), "cp1255": ("he",),
    "cp1256": ("ar", "fa"), "cp874": ("th",), "cp437": ("de", "fr", "es", "sv"),
    "cp850": ("de", "fr", "es", "pt"), "mac_roman": ("fr", "de", "es", "pt"),
    "gbk": ("zh_CN",), "big5": ("zh_TW",), "shift_jis": ("ja",), "euc_kr": ("ko",),
}  # fmt: skip


def legacy_rows(rows: list[tuple[str, str]], writer: str, reader: str) -> list[tuple[str, str]]:
    """(damaged, clean) for each (language, text) row of the writer's languages that its code
    page encodes and the reader's decodes into something else."""
    pairs = []
    for language, text in rows:
        if language not in LEGACY_LANGUAGES[writer]:
            continue
        try:
            damaged = text.encode(writer).decode(reader)
        except UnicodeError:
            continue
        if damaged != text:
            pairs.append((damaged, text))
    return pairs


def lossy_rows(texts: list[str], recipe: str) -> list[tuple[str, str]]:
    """(damaged, clean) for each text that ``recipe`` damages with bytes lost."""
    damage = LOSSY[recipe]
    pairs = []
    for text in texts:
        damaged = damage(text)
        if damaged is not None:
            pairs.append((damaged, text))
    return pairs


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="rows to sample (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lossy", action="store_true", help="damage that loses bytes")
    parser.add_argument("--legacy", action="store_true", help="legacy code pages misread")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not DEV_SET.exists():
        print(f"corpus not found: {DEV_SET} (nothing to measure)")
        return 0
    with DEV_SET.open(encoding="utf-8") as lines:  # (a row may hold U+2028: no splitlines)
        rows = [json.loads(line) for line in lines if line.strip()]
    clean = [r for r in rows if r["recipe"] == "clean" and not r["clean"].isascii()]
    if args.sample:
        clean = random.Random(args.seed).sample(clean, min(args.sample, len(clean)))
    texts = [r["clean"] for r in clean]
    languages = [(r["lang"], r["clean"]) for r in clean]
    sides = {
        "fixtext": fixtext.clean,
        "ftfy, quotes kept": lambda text: ftfy.fix_text(text, FTFY_NO_HARM),
    }
    if args.legacy:
        recipes = {
            f"{writer} read as {reader}": (
                lambda _, writer=writer, reader=reader: legacy_rows(languages, writer, reader)
            )
            for writer, reader in LEGACY_PAIRS
        }
        print(
            f"# Generated legacy damage: {len(texts)} clean non-ASCII dev rows, their languages\n"
        )
    elif args.lossy:
        recipes = {name: (lambda texts, name=name: lossy_rows(texts, name)) for name in LOSSY}
        print(f"# Generated lossy damage: {len(texts)} clean non-ASCII dev rows, each recipe\n")
    else:
        recipes = {page: (lambda texts, page=page: damaged_rows(texts, page)) for page in PAGES}
        print(f"# Generated damage: {len(texts)} clean non-ASCII dev rows through each code page\n")
    first = "| recipe" if args.lossy else "| pair" if args.legacy else "| code page"
    print(first + " | n | " + " | ".join(sides) + " |")
    print("|---|---:|" + "---:|" * len(sides))
    totals: Counter[str] = Counter()
    count = 0
    for page, make in recipes.items():
        pairs = make(texts)
        if not pairs:
            continue
        count += len(pairs)
        cells = []
        for name, run in sides.items():
            good = sum(1 for damaged, text in pairs if _nfc(run(damaged)) == _nfc(text))
            totals[name] += good
            cells.append(f"{100 * good / len(pairs):.1f}%")
        print(f"| {page} | {len(pairs)} | " + " | ".join(cells) + " |")
    cells = [f"{totals[name]}/{count} ({100 * totals[name] / count:.1f}%)" for name in sides]
    print(f"| **all** | {count} | " + " | ".join(cells) + " |")
    return 0


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


if __name__ == "__main__":
    sys.exit(main())
