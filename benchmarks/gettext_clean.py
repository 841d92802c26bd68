"""Clean text at scale: the translated strings of the gettext catalogs installed here.

Every ``*.mo`` catalog under ``/usr/share`` (or the folders given) is read; each distinct
translated string is run through ``fixtext.clean`` and ``ftfy.fix_encoding``. None of them
was damaged on purpose, so every change is either a real piece of mojibake a translator left
in, or a false positive. The target: fixtext changes at most 20 strings per million beyond
those ftfy changes. The strings fixtext alone changes are listed, to be read.

    python benchmarks/gettext_clean.py [--show N] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import gettext
import sys
import time
from pathlib import Path

import ftfy

import fixtext


def catalog_strings(folders: list[Path]) -> set[str]:
    strings: set[str] = set()
    for folder in folders:
        for path in sorted(folder.rglob("*.mo")):
            try:
                with path.open("rb") as handle:
                    catalog = gettext.GNUTranslations(handle)
            except (OSError, UnicodeError, ValueError, LookupError):
                continue
            for value in catalog._catalog.values():  # the only way to list a catalog
                if isinstance(value, str) and value:
                    strings.add(value)
    return strings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("/usr/share")])
    parser.add_argument("--show", type=int, default=30, help="list this many strings")
    args = parser.parse_args()
    strings = sorted(catalog_strings(args.folders))
    if not strings:
        print("no gettext catalogs found", file=sys.stderr)
        return 0
    started = time.perf_counter()
    ours = {s for s in strings if fixtext.clean(s) != s}
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = {s for s in strings if ftfy.fix_encoding(s) != s}
    theirs_seconds = time.perf_counter() - started
    only_ours = sorted(ours - theirs)
    per_million = 1e6 * len(only_ours) / len(strings)
    print(f"{len(strings):,} distinct translated strings")
    print("| | changed | per million | seconds |")
    print("|---|---:|---:|---:|")
    print(
        f"| fixtext | {len(ours):,} | {1e6 * len(ours) / len(strings):.0f} | {ours_seconds:.1f} |"
    )
    print(
        f"| ftfy.fix_encoding | {len(theirs):,} | {1e6 * len(theirs) / len(strings):.0f} "
        f"| {theirs_seconds:.1f} |"
    )
    print(f"| fixtext only | {len(only_ours):,} | {per_million:.0f} | |")
    for text in only_ours[: args.show]:
        print(f"  {text[:100]!r}\n    → {fixtext.clean(text)[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
