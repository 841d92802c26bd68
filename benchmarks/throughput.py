"""Throughput of fixtext's ``clean`` beside ftfy, on real text from the dev corpus, in one run.

Run from the repository root::

    python benchmarks/throughput.py            # best of 3 repetitions
    python benchmarks/throughput.py --repeat 5

Each string is passed in its own call, as ingestion code does with millions of short strings;
MB/s counts the UTF-8 bytes of the input. The "one big document" row joins every clean row with
newlines and makes a single call. Without the corpus the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import ftfy

# Where the corpus is, fixtext itself (from the checkout when not installed), and ftfy with
# every fix that is not about encodings off: shared with the accuracy benchmark beside this
# script, which defines them with their reasons.
from accuracy import DEV_SET, FTFY_NO_HARM, fixtext

Fixer = Callable[[str], str]

SIDES: tuple[tuple[str, Fixer], ...] = (
    ("fixtext.clean", fixtext.clean),
    ("ftfy.fix_text (defaults)", ftfy.fix_text),
    ("ftfy.fix_text (quotes kept)", lambda text: ftfy.fix_text(text, FTFY_NO_HARM)),
)


def load_workloads() -> dict[str, list[str]]:
    """The inputs measured, by name: lists of strings, one call each."""
    with DEV_SET.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    clean = [row["clean"] for row in rows]
    non_ascii = [text for text in clean if not text.isascii()]
    workloads = {
        "clean text, all rows": clean,
        "clean text, ASCII-only rows": [text for text in clean if text.isascii()],
        "clean text, non-ASCII rows": non_ascii,
    }
    for script in SCRIPTS:
        workloads[f"clean text, {script}"] = [t for t in non_ascii if script_of(t) == script]
    damaged = [row for row in rows if row["recipe"] != "clean"]
    workloads["damaged text, all rows"] = [row["input"] for row in damaged]
    workloads["damaged text, bytes all there"] = [r["input"] for r in damaged if not r["lossy"]]
    workloads["damaged text, bytes lost"] = [r["input"] for r in damaged if r["lossy"]]
    workloads["one big document (clean rows joined)"] = ["\n".join(clean)]
    return workloads


# Non-ASCII clean rows by the script most of their letters are in (Unicode character names).
SCRIPTS = ("Latin script", "Cyrillic or Greek", "CJK or Hangul", "Arabic or Hebrew", "other")
_SCRIPT_NAMES = (
    ("LATIN", "Latin script"),
    ("CYRILLIC", "Cyrillic or Greek"),
    ("GREEK", "Cyrillic or Greek"),
    ("CJK", "CJK or Hangul"),
    ("HIRAGANA", "CJK or Hangul"),
    ("KATAKANA", "CJK or Hangul"),
    ("HANGUL", "CJK or Hangul"),
    ("ARABIC", "Arabic or Hebrew"),
    ("HEBREW", "Arabic or Hebrew"),
)


def script_of(text: str) -> str:
    counts = Counter(
        next((s for prefix, s in _SCRIPT_NAMES if name.startswith(prefix)), "other")
        for name in (unicodedata.name(c, "") for c in text if c.isalpha() and not c.isascii())
    )
    return counts.most_common(1)[0][0] if counts else "other"


def best_time(fixer: Fixer, texts: Sequence[str], repeat: int) -> float | str:
    """The fastest of ``repeat`` runs of ``fixer`` over every text, in seconds, or the error
    it raised (a report carries on)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            for text in texts:
                fixer(text)
        except Exception as error:
            return f"raised {type(error).__name__}"
        best = min(best, time.perf_counter() - started)
    return best


def parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; the best is kept")
    return parser.parse_args(None if argv is None else list(argv))


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(argv)
    if not DEV_SET.exists():
        print(f"skipped: corpus not found at {DEV_SET} (set FIXTEXT_CORPORA to its folder)")
        return 0
    workloads = load_workloads()
    for _, fixer in SIDES:  # warm up: imports, lazily built tables, word lists
        with contextlib.suppress(Exception):
            fixer("cafÃ© donâ€™t")

    names = [name for name, _ in SIDES]
    print(f"# Throughput: fixtext {fixtext.__version__} beside ftfy {ftfy.__version__}\n")
    print(
        f"Best of {args.repeat}; MB/s of UTF-8 input, µs per call; speed-up = ftfy's time / "
        "fixtext's (above 1: fixtext is faster).\n"
    )
    header = ["workload", "strings", "MB"]
    for name in names:
        header += [f"{name} MB/s", f"{name} µs/str"]
    header += [f"speed-up over {name.removeprefix('ftfy.fix_text ')}" for name in names[1:]]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for workload, texts in workloads.items():
        size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        seconds = [best_time(fixer, texts, args.repeat) for _, fixer in SIDES]
        cells = [workload, str(len(texts)), f"{size:.2f}"]
        for spent in seconds:
            if isinstance(spent, str):
                cells += [spent, "–"]
            else:
                cells += [f"{size / spent:.2f}", f"{1e6 * spent / len(texts):.1f}"]
        ours = seconds[0]
        for spent in seconds[1:]:
            both = isinstance(ours, float) and isinstance(spent, float)
            cells.append(f"{spent / ours:.2f}×" if both else "–")
        print("| " + " | ".join(cells) + " |", flush=True)
    print(
        "\nThe quotes-kept ftfy config turns off every fix that is not about encodings "
        "(see benchmarks/accuracy.py)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
