"""Generated damage: clean dev rows misread through every supported code page, in one run.

Run from the repository root::

    python benchmarks/generated.py              # every clean non-ASCII row
    python benchmarks/generated.py --sample 300 # a random sample of them (seeded)

Each clean row that is not ASCII is encoded as UTF-8 and decoded through a code page; where
that changes the text and loses nothing, fixtext and ftfy (quotes kept) each get the damaged
text, and a row scores when the output is exactly the row again. Unlike the dev set's recipes,
this reaches every code page fixtext claims, with text no rule was written against.
Without the corpus the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable

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


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="rows to sample (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not DEV_SET.exists():
        print(f"corpus not found: {DEV_SET} (nothing to measure)")
        return 0
    with DEV_SET.open(encoding="utf-8") as lines:  # (a row may hold U+2028: no splitlines)
        rows = [json.loads(line) for line in lines if line.strip()]
    texts = [r["clean"] for r in rows if r["recipe"] == "clean" and not r["clean"].isascii()]
    if args.sample:
        texts = random.Random(args.seed).sample(texts, min(args.sample, len(texts)))
    sides = {
        "fixtext": fixtext.clean,
        "ftfy, quotes kept": lambda text: ftfy.fix_text(text, FTFY_NO_HARM),
    }
    print(f"# Generated damage: {len(texts)} clean non-ASCII dev rows through each code page\n")
    print("| code page | n | " + " | ".join(sides) + " |")
    print("|---|---:|" + "---:|" * len(sides))
    totals: Counter[str] = Counter()
    count = 0
    for page in PAGES:
        pairs = damaged_rows(texts, page)
        if not pairs:
            continue
        count += len(pairs)
        cells = []
        for name, run in sides.items():
            good = sum(1 for damaged, text in pairs if run(damaged) == text)
            totals[name] += good
            cells.append(f"{100 * good / len(pairs):.1f}%")
        print(f"| {page} | {len(pairs)} | " + " | ".join(cells) + " |")
    cells = [f"{totals[name]}/{count} ({100 * totals[name] / count:.1f}%)" for name in sides]
    print(f"| **all** | {count} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
