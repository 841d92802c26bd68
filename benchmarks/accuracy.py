"""Accuracy of fixtext beside ftfy, on the shared corpora, in one run.

Run from the repository root::

    python benchmarks/accuracy.py                  # Markdown tables
    python benchmarks/accuracy.py --details cp437  # failing rows of one recipe
    python benchmarks/accuracy.py --json           # the numbers, as JSON
    python benchmarks/accuracy.py --check-targets  # exit 1 when a target is missed

The corpora are looked for in ``../shared/corpora`` (or ``$FIXTEXT_CORPORA``); without them the
script says so and exits 0. It is a report: the exit code is 0 unless ``--check-targets`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ftfy

REPO_ROOT = Path(__file__).resolve().parent.parent
try:
    import fixtext
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(REPO_ROOT / "src"))
    import fixtext

CORPORA = Path(os.environ.get("FIXTEXT_CORPORA", REPO_ROOT.parent / "shared" / "corpora"))
DEV_SET = CORPORA / "dev-mojibake" / "dev.jsonl"
FTFY_CASES = CORPORA / "ftfy-test-cases"
SEED = CORPORA / "seed"
# Mojibake found in public bug reports and web pages, with the correct text (in the repo).
REAL_CASES = REPO_ROOT / "tests" / "data" / "real_cases.json"
# ftfy cases whose expectation keeps ``�`` for lost bytes, with the text the damage came from
# (in the repo, each with its reason): output equal to it counts as repaired too.
FTFY_TRUTHS = REPO_ROOT / "tests" / "data" / "ftfy_case_truths.json"

# ftfy with every fix that is not about encodings turned off: quotes stay curly, ligatures,
# full-width forms, line breaks, control characters, terminal escapes and HTML entities stay as
# written, and nothing is normalised. Its encoding repairs (fix_encoding, restore_byte_a0,
# replace_lossy_sequences, decode_inconsistent_utf8, fix_c1_controls, fix_surrogates) keep their
# defaults, which are also what `fix_text` uses on its encoding step whatever the config says,
# so the options it ignores do not change this column.
FTFY_NO_HARM = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

NO_HARM_NOTE = (
    "**ftfy, quotes kept** is `ftfy.fix_text(text, config)` with `uncurl_quotes`, "
    "`fix_latin_ligatures`, `fix_character_width`, `fix_line_breaks`, `remove_control_chars`, "
    "`remove_terminal_escapes` and `unescape_html` off and `normalization=None`: every fix that "
    "is not about encodings is off, so it is judged on encoding repair alone and does no harm "
    "to clean text by design. Its encoding options keep their defaults (which `fix_text` uses "
    "on its encoding step whatever the config says). **ftfy.fix_encoding** is that function "
    "alone. **ftfy defaults** is `ftfy.fix_text(text)`: it straightens quotes, narrows "
    "full-width forms and normalises to NFC, shown for the harm it does to clean rows. "
    "A row scores when NFC(output) == NFC(expected)."
)

CJK_RECIPES = ("shift_jis", "gbk", "euc_kr", "big5")

Fixer = Callable[[str], str]


def fixtext_clean(text: str) -> str:
    return fixtext.clean(text)


def ftfy_no_harm(text: str) -> str:
    return ftfy.fix_text(text, FTFY_NO_HARM)


def ftfy_fix_encoding(text: str) -> str:
    return ftfy.fix_encoding(text)


def ftfy_defaults(text: str) -> str:
    return ftfy.fix_text(text)


# Name, function, and whether it takes part in the ftfy test-case table (ftfy's defaults are
# what that corpus's `fixed` field was made with, so scoring them there says nothing new).
SIDES: tuple[tuple[str, Fixer, bool], ...] = (
    ("fixtext", fixtext_clean, True),
    ("ftfy, quotes kept", ftfy_no_harm, True),
    ("ftfy.fix_encoding", ftfy_fix_encoding, True),
    ("ftfy defaults", ftfy_defaults, False),
)

# Curly and low quotes, straightened, for comparing "quote style aside".
QUOTE_STYLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def quote_style_aside(text: str) -> str:
    return nfc(text).translate(QUOTE_STYLE)


@dataclass
class Side:
    """The outputs of one fixer and the time they took."""

    name: str
    fixer: Fixer
    seconds: float = 0.0
    errors: int = 0

    def run(self, text: str) -> str:
        started = time.perf_counter()
        try:
            output = self.fixer(text)
        except Exception:  # a report counts a crash as a miss and carries on
            self.errors += 1
            output = "\0<raised>"
        self.seconds += time.perf_counter() - started
        return output


@dataclass
class Tally:
    passed: int = 0
    total: int = 0
    failed_ids: list[str] = field(default_factory=list)

    def add(self, ok: bool, ident: str) -> None:
        self.total += 1
        self.passed += ok
        if not ok:
            self.failed_ids.append(ident)

    @property
    def percent(self) -> float:
        return 100.0 * self.passed / self.total if self.total else 0.0

    def cell(self, with_count: bool = False) -> str:
        if not self.total:
            return "–"
        if with_count:
            return f"{self.passed}/{self.total} ({self.percent:.1f}%)"
        return f"{self.percent:.1f}%"

    def as_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "total": self.total, "percent": round(self.percent, 2)}


# ---------------------------------------------------------------------------------------------
# dev-mojibake


def load_dev_rows() -> list[dict[str, Any]]:
    with DEV_SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score_dev(rows: list[dict[str, Any]], side: Side) -> dict[str, Any]:
    """Run one side on every row and count what it got right, overall and per recipe."""
    kept, lossless, lossy = Tally(), Tally(), Tally()
    per_recipe: dict[str, Tally] = {}
    per_recipe_lossless: dict[str, Tally] = {}
    outputs: dict[str, str] = {}
    for row in rows:
        output = side.run(row["input"])
        outputs[row["id"]] = output
        ok = nfc(output) == nfc(row["clean"])
        recipe = row["recipe"]
        per_recipe.setdefault(recipe, Tally()).add(ok, row["id"])
        if recipe == "clean":
            kept.add(ok, row["id"])
        elif row["lossy"]:
            lossy.add(ok, row["id"])
        else:
            lossless.add(ok, row["id"])
            per_recipe_lossless.setdefault(recipe, Tally()).add(ok, row["id"])
    return {
        "kept": kept,
        "lossless": lossless,
        "lossy": lossy,
        "per_recipe": per_recipe,
        "per_recipe_lossless": per_recipe_lossless,
        "outputs": outputs,
    }


def recipe_order(recipe: str) -> tuple[int, str, str]:
    base = recipe.removeprefix("partial_")
    return (recipe != "clean", base, recipe)


def dev_tables(rows: list[dict[str, Any]], scores: dict[str, dict[str, Any]]) -> list[str]:
    names = list(scores)
    header = "| | n | " + " | ".join(names) + " |"
    rule = "|---|---:|" + "---:|" * len(names)
    out = ["## dev-mojibake", "", header, rule]
    for key, label in (
        ("kept", "clean rows kept unchanged"),
        ("lossless", "damaged rows repaired exactly, lossless"),
        ("lossy", "damaged rows repaired exactly, lossy"),
    ):
        total = scores[names[0]][key].total
        cells = " | ".join(scores[name][key].cell(with_count=True) for name in names)
        out.append(f"| {label} | {total} | {cells} |")
    out += ["", "### per recipe", ""]
    out.append("| recipe | n | lossy | " + " | ".join(names) + " |")
    out.append("|---|---:|---:|" + "---:|" * len(names))
    lossy_counts: dict[str, int] = {}
    for row in rows:
        lossy_counts[row["recipe"]] = lossy_counts.get(row["recipe"], 0) + bool(row["lossy"])
    for recipe in sorted(scores[names[0]]["per_recipe"], key=recipe_order):
        total = scores[names[0]]["per_recipe"][recipe].total
        cells = " | ".join(scores[name]["per_recipe"][recipe].cell() for name in names)
        out.append(f"| {recipe} | {total} | {lossy_counts.get(recipe, 0)} | {cells} |")
    return out


# ---------------------------------------------------------------------------------------------
# ftfy's test cases


def load_ftfy_cases() -> dict[str, list[dict[str, Any]]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FTFY_CASES.glob("*.json"))
    }


def case_kind(file_stem: str, case: dict[str, Any]) -> str:
    if case["expect"] == "fail":
        return "known failure"
    if file_stem == "negative":
        return "negative"
    return "pass"


def case_ok(kind: str, case: dict[str, Any], output: str, truth: str | None = None) -> bool:
    """Whether ``output`` is right for one ftfy test case.

    - pass cases: equal to ``fixed-encoding`` (where present) or to ``fixed``, quote style
      aside and in NFC. Accepting either matters for a few cases where ``fixed-encoding``
      keeps an HTML entity that the text plainly meant (``10Î&frac14;s`` → ``10μs``); or,
      where that expectation keeps ``�`` for lost bytes, to the ``truth`` the damage came
      from (``Ру��кий`` is ``Русский``).
    - negative cases: exactly the original, or ftfy's encoding repair of it (``fixed-encoding``,
      else ``fixed``; it may fix a C1 control), quote style aside.
    - known failures: solved when equal to ``fixed``, quote style aside and in NFC.
    """
    if kind == "negative":
        # ftfy's encoding repair of a negative case (``fixed-encoding``, else ``fixed``) may
        # fix a C1 control (``parlé\x85`` → ``parlé…``): that counts too, quote style aside.
        expected = case.get("fixed-encoding", case["fixed"])
        return output == case["original"] or quote_style_aside(output) == quote_style_aside(
            expected
        )
    targets = [case["fixed"]]
    if kind == "pass" and "fixed-encoding" in case:
        targets.insert(0, case["fixed-encoding"])
    if kind == "pass" and truth is not None:
        targets.append(truth)
    got = quote_style_aside(output)
    return any(got == quote_style_aside(target) for target in targets)


def _truth_count() -> int:
    truths = json.loads(FTFY_TRUTHS.read_text(encoding="utf-8"))
    return sum(1 for key in truths if not key.startswith("_"))


def score_ftfy_cases(cases: dict[str, list[dict[str, Any]]], side: Side) -> dict[str, Any]:
    truths = json.loads(FTFY_TRUTHS.read_text(encoding="utf-8"))
    per_file: dict[tuple[str, str], Tally] = {}
    totals: dict[str, Tally] = {}
    failures: list[tuple[str, dict[str, Any], str]] = []
    for stem, file_cases in cases.items():
        for case in file_cases:
            kind = case_kind(stem, case)
            output = side.run(case["original"])
            ident = f"{stem}:{case['label']}"
            ok = case_ok(kind, case, output, truths.get(ident))
            per_file.setdefault((stem, kind), Tally()).add(ok, ident)
            totals.setdefault(kind, Tally()).add(ok, ident)
            if not ok and kind != "known failure":
                failures.append((ident, case, output))
    return {"per_file": per_file, "totals": totals, "failures": failures}


def ftfy_case_table(scores: dict[str, dict[str, Any]]) -> list[str]:
    names = list(scores)
    first = scores[names[0]]
    out = ["## ftfy test cases", ""]
    out.append("| file | kind | n | " + " | ".join(names) + " |")
    out.append("|---|---|---:|" + "---:|" * len(names))
    for stem, kind in sorted(first["per_file"]):
        total = first["per_file"][stem, kind].total
        cells = " | ".join(scores[name]["per_file"][stem, kind].cell(True) for name in names)
        out.append(f"| {stem} | {kind} | {total} | {cells} |")
    for kind in ("pass", "negative", "known failure"):
        if kind in first["totals"]:
            total = first["totals"][kind].total
            cells = " | ".join(scores[name]["totals"][kind].cell(True) for name in names)
            out.append(f"| **all** | {kind} | {total} | {cells} |")
    out += [
        "",
        "Pass cases score when the output equals `fixed-encoding` (where present) or `fixed`, "
        "quote style aside (‘’‚‛ → ', “”„‟ → \") and in NFC, or, where that expectation keeps "
        "`�` for lost bytes, equals the text the damage came from "
        f"(`tests/data/ftfy_case_truths.json`, {_truth_count()} cases). Negative cases score "
        "when the "
        "output is exactly the original (or exactly `fixed-encoding` where that differs). "
        "Known failures count as solved when the output equals `fixed`, quote style aside.",
    ]
    return out


# ---------------------------------------------------------------------------------------------
# real cases from bug reports


def score_real_cases(side: Side) -> dict[str, Tally]:
    cases = json.loads(REAL_CASES.read_text(encoding="utf-8"))
    kept, repaired = Tally(), Tally()
    for case in cases:
        ok = nfc(side.run(case["original"])) == nfc(case["fixed"])
        (kept if case["damage"] == "clean" else repaired).add(ok, case["label"])
    return {"clean text kept unchanged": kept, "damaged text repaired exactly": repaired}


def real_case_table(scores: dict[str, dict[str, Tally]]) -> list[str]:
    names = list(scores)
    out = ["## Real mojibake from bug reports (`tests/data/real_cases.json`)", ""]
    out.append("| | n | " + " | ".join(names) + " |")
    out.append("|---|---:|" + "---:|" * len(names))
    for row, tally in scores[names[0]].items():
        cells = " | ".join(scores[name][row].cell(True) for name in names)
        out.append(f"| {row} | {tally.total} | {cells} |")
    out += ["", "Exact output, in NFC; each case names its source and how its text is known."]
    return out


# ---------------------------------------------------------------------------------------------
# seed article


def score_seed(side: Side) -> bool:
    article = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = (SEED / "article.expected.txt").read_text(encoding="utf-8")
    return side.run(article) == expected


# ---------------------------------------------------------------------------------------------
# report


def check_targets(dev: dict[str, Any], cases: dict[str, Any] | None) -> list[str]:
    """Return the targets fixtext misses, worded for a person."""
    missed = []
    if dev["kept"].percent < 100.0:
        missed.append(f"clean rows kept {dev['kept'].cell(True)} < 100%")
    if dev["lossless"].percent < 99.0:
        missed.append(f"lossless damaged rows repaired {dev['lossless'].cell(True)} < 99%")
    for recipe, tally in sorted(dev["per_recipe_lossless"].items()):
        if recipe.removeprefix("partial_") in CJK_RECIPES and tally.percent < 95.0:
            missed.append(f"lossless {recipe} rows repaired {tally.cell(True)} < 95%")
    if dev["lossy"].percent < 70.0:
        missed.append(f"lossy damaged rows repaired {dev['lossy'].cell(True)} < 70%")
    if cases is not None:
        for kind in ("pass", "negative"):
            tally = cases["totals"].get(kind)
            if tally and tally.passed < tally.total:
                missed.append(
                    f"ftfy {kind} cases {tally.cell(True)}: " + ", ".join(tally.failed_ids[:10])
                )
    return missed


def print_details(rows: list[dict[str, Any]], dev: dict[str, Any], recipe: str, limit: int) -> None:
    failing = [
        row
        for row in rows
        if row["recipe"] == recipe and nfc(dev["outputs"][row["id"]]) != nfc(row["clean"])
    ]
    print(f"## fixtext failures on recipe {recipe!r}: {len(failing)}")
    for row in failing[:limit]:
        print()
        print(f"### {row['id']} ({row['lang']}, {'lossy' if row['lossy'] else 'lossless'})")
        print(f"input:    {row['input']!r}")
        print(f"expected: {row['clean']!r}")
        print(f"got:      {dev['outputs'][row['id']]!r}")
    if len(failing) > limit:
        print(f"\n… {len(failing) - limit} more (use --limit)")


def to_json(value: Any) -> Any:
    if isinstance(value, Tally):
        return value.as_dict()
    if isinstance(value, dict):
        return {
            ("/".join(key) if isinstance(key, tuple) else key): to_json(item)
            for key, item in value.items()
            if key not in ("outputs", "failures")
        }
    return value


def parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", metavar="RECIPE", help="print fixtext's failing rows")
    parser.add_argument("--limit", type=int, default=20, help="rows shown by --details")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--check-targets", action="store_true", help="exit 1 when fixtext misses a target"
    )
    return parser.parse_args(None if argv is None else list(argv))


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(argv)
    if not DEV_SET.exists():
        print(f"skipped: corpus not found at {DEV_SET} (set FIXTEXT_CORPORA to its folder)")
        return 0
    rows = load_dev_rows()
    if args.details:
        known = {row["recipe"] for row in rows}
        if args.details not in known:
            print(f"unknown recipe {args.details!r}; the recipes are: {', '.join(sorted(known))}")
            return 0
        chosen = [row for row in rows if row["recipe"] == args.details]
        print_details(
            chosen, score_dev(chosen, Side("fixtext", fixtext_clean)), args.details, args.limit
        )
        return 0
    sides = {name: Side(name, fixer) for name, fixer, _ in SIDES}
    dev = {name: score_dev(rows, side) for name, side in sides.items()}

    cases: dict[str, dict[str, Any]] = {}
    if FTFY_CASES.exists():
        ftfy_cases = load_ftfy_cases()
        cases = {name: score_ftfy_cases(ftfy_cases, sides[name]) for name, _, on in SIDES if on}
    seed = {name: score_seed(side) for name, side in sides.items()} if SEED.exists() else {}
    real = {name: score_real_cases(side) for name, side in sides.items()}
    missed = check_targets(dev["fixtext"], cases.get("fixtext"))

    if args.json:
        print(
            json.dumps(
                {
                    "dev": to_json(dev),
                    "ftfy_cases": to_json(cases),
                    "seed_exact": seed,
                    "real_cases": to_json(real),
                    "seconds": {name: round(side.seconds, 3) for name, side in sides.items()},
                    "errors": {name: side.errors for name, side in sides.items()},
                    "missed_targets": missed,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print_report(rows, dev, cases, real, seed, sides, missed)
    return 1 if args.check_targets and missed else 0


def print_report(
    rows: list[dict[str, Any]],
    dev: dict[str, dict[str, Any]],
    cases: dict[str, dict[str, Any]],
    real: dict[str, dict[str, Tally]],
    seed: dict[str, bool],
    sides: dict[str, Side],
    missed: list[str],
) -> None:
    print(f"# Accuracy: fixtext {fixtext.__version__} beside ftfy {ftfy.__version__}\n")
    print("\n".join(dev_tables(rows, dev)))
    print()
    if cases:
        print("\n".join(ftfy_case_table(cases)))
        failures = cases["fixtext"]["failures"]
        if failures:
            print(f"\nfixtext misses {len(failures)} pass/negative case(s):")
            for ident, case, output in failures[:15]:
                print(f"- {ident}: {case['original'][:60]!r} → {output[:60]!r}")
        print()
    print("\n".join(real_case_table(real)))
    print()
    if seed:
        print("## seed article (exact)\n")
        print("| " + " | ".join(seed) + " |")
        print("|" + "---|" * len(seed))
        print("| " + " | ".join("yes" if ok else "no" for ok in seed.values()) + " |")
        print()
    print("## time\n")
    print("| side | seconds | exceptions |")
    print("|---|---:|---:|")
    for name, side in sides.items():
        print(f"| {name} | {side.seconds:.2f} | {side.errors} |")
    print()
    print(NO_HARM_NOTE)
    print()
    if missed:
        print("Targets missed by fixtext:")
        for line in missed:
            print(f"- {line}")
    else:
        print("fixtext meets every target.")


if __name__ == "__main__":
    sys.exit(main())
