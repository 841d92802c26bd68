"""Decoding accuracy and speed: fixtext.decode beside chardet and charset-normalizer.

Run from the repository root::

    python benchmarks/decoding.py            # Markdown table
    python benchmarks/decoding.py --verbose  # plus every wrong answer, per corpus and encoding

The corpora are ``chardet-tests/`` and ``char-dataset/`` in the shared corpora folder (beside
the repository, or ``$FIXTEXT_CORPORA``). Each file's expected encoding is its folder name; see
the corpora's READMEs. What is measured, for every tool:

* **whole files** -- a text file counts as right when the tool's decoded text equals the file
  decoded with its labelled codec. Texts are compared, not encoding names, so ``ascii`` vs
  ``utf-8`` or ``iso-8859-1`` vs ``cp1252`` on a file without 0x80-0x9F bytes are both right,
  while ``gb18030`` for a ``gb2312`` file is wrong when one of the few characters they map
  differently occurs. A leading U+FEFF is ignored on both sides (some tools keep the BOM in
  the text, some strip it). ``EUC-TW`` has no Python codec and is left out.
* **binary files** -- the files in ``char-dataset/None/`` must be recognised as not text
  (fixtext raises ``BinaryInputError``, chardet answers no encoding, charset-normalizer
  finds no match).
* **80-byte windows** -- for each text file, five windows at evenly spaced points of the true
  text: from each point, the longest run of whole characters whose encoding fits in 80
  bytes. The window's bytes are that run encoded with the file's codec (its BOM-less form:
  ``utf-16`` becomes ``utf-16-le`` or ``-be`` as in the file); for stateless codecs these
  are exactly the file's bytes, for ISO-2022 they include the escape sequences the run
  needs. A window is right when the decoded text equals the run. The rate is also given on
  the windows that contain a non-ASCII character, where guessing is actually needed.
* **time** -- wall time for all of the above, per tool, after one warm-up call each (fixtext
  uses chardet, so whichever ran first would otherwise pay for loading chardet's models).
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))

import chardet  # noqa: E402
import charset_normalizer  # noqa: E402

from fixtext.decode import decode  # noqa: E402
from fixtext.errors import BinaryInputError, UndecodableBytesError  # noqa: E402

CORPORA = Path(os.environ.get("FIXTEXT_CORPORA", REPO_ROOT.parent / "shared" / "corpora"))
CORPUS_NAMES = ("chardet-tests", "char-dataset")
WINDOW_BYTES = 80
WINDOWS_PER_FILE = 5

#: A decoder takes bytes and gives text, or None for "binary / no answer".
Decoder = Callable[[bytes], "str | None"]


@dataclass(frozen=True)
class Sample:
    corpus: str
    path: Path
    label: str | None  # a Python codec name; None for binary files
    data: bytes


@dataclass
class Score:
    right: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, ok: bool, failure: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.failures.append(failure)

    def rate(self) -> str:
        if not self.total:
            return "n/a"
        return f"{100 * self.right / self.total:.1f}% ({self.right}/{self.total})"


def label_from_folder(folder: str) -> str | None:
    """``windows-1251-russian`` -> ``windows-1251``; ``None`` -> binary; no codec -> skipped."""
    if folder == "None":
        return None
    name = folder.lower()
    while True:
        try:
            codecs.lookup(name)
        except LookupError:
            if "-" not in name:
                raise
            name = name.rpartition("-")[0]
        else:
            return name


def load_samples() -> Iterator[Sample]:
    for corpus in CORPUS_NAMES:
        root = CORPORA / corpus
        if not root.is_dir():
            sys.exit(f"corpus not found: {root} (set FIXTEXT_CORPORA to the corpora folder)")
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            try:
                label = label_from_folder(folder.name)
            except LookupError:
                continue  # EUC-TW: no Python codec to say what the right text is
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                yield Sample(corpus, path, label, path.read_bytes())


def without_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def bomless_codec(label: str, data: bytes) -> str:
    """The codec that encodes a window of this file's body (no BOM)."""
    name = codecs.lookup(label).name
    if name in ("utf-16", "utf-32"):
        little = data.startswith(b"\xff\xfe")
        return f"{name}-{'le' if little else 'be'}"
    if name == "utf-8-sig":
        return "utf-8"
    return name


def windows(text: str, codec: str) -> Iterator[tuple[str, bytes]]:
    """Up to ``WINDOWS_PER_FILE`` runs of whole characters, each encoding to at most 80 bytes."""
    seen: set[int] = set()
    for index in range(WINDOWS_PER_FILE):
        start = index * len(text) // WINDOWS_PER_FILE
        if start in seen or start >= len(text):
            continue
        seen.add(start)
        end = start
        encoded = b""
        while end < len(text):
            longer = text[start : end + 1].encode(codec)
            if len(longer) > WINDOW_BYTES:
                break
            end += 1
            encoded = longer
        if encoded:
            yield text[start:end], encoded


# -- the three tools, each reduced to bytes -> text or None ------------------------------------


def fixtext_text(data: bytes) -> str | None:
    try:
        return decode(data).text
    except (BinaryInputError, UndecodableBytesError):
        return None


def chardet_text(data: bytes) -> str | None:
    encoding = chardet.detect(data)["encoding"]
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def charset_normalizer_text(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return str(best)


TOOLS: dict[str, Decoder] = {
    "fixtext": fixtext_text,
    "chardet": chardet_text,
    "charset-normalizer": charset_normalizer_text,
}


@dataclass
class ToolReport:
    files: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    binary: Score = field(default_factory=Score)
    windows: Score = field(default_factory=Score)
    windows_non_ascii: Score = field(default_factory=Score)
    seconds: float = 0.0


def evaluate(tool: Decoder, samples: list[Sample]) -> ToolReport:
    report = ToolReport()
    tool("Grüße aus Köln, à bientôt".encode("cp1252"))  # warm-up: imports, models
    started = time.perf_counter()
    for sample in samples:
        where = f"{sample.corpus}/{sample.path.parent.name}/{sample.path.name}"
        answer = tool(sample.data)
        if sample.label is None:
            report.binary.add(answer is None, f"{where}: decoded as text")
            continue
        truth = without_bom(sample.data.decode(sample.label))
        ok = answer is not None and without_bom(answer) == truth
        report.files[sample.corpus].add(ok, f"{sample.label}: {where}")
        codec = bomless_codec(sample.label, sample.data)
        for number, (window_text, window_bytes) in enumerate(windows(truth, codec)):
            answer = tool(window_bytes)
            ok = answer is not None and without_bom(answer) == window_text
            failure = f"{sample.label}: {where} window {number}"
            report.windows.add(ok, failure)
            if not window_text.isascii():
                report.windows_non_ascii.add(ok, failure)
    report.seconds = time.perf_counter() - started
    return report


def overall(report: ToolReport) -> Score:
    score = Score()
    for corpus_score in report.files.values():
        score.right += corpus_score.right
        score.total += corpus_score.total
    return score


def markdown_table(reports: dict[str, ToolReport]) -> str:
    names = list(reports)
    rows: list[tuple[str, list[str]]] = []
    for corpus in CORPUS_NAMES:
        rows.append((f"{corpus}: whole files", [reports[n].files[corpus].rate() for n in names]))
    rows.append(("both corpora: whole files", [overall(reports[n]).rate() for n in names]))
    rows.append(("binary files recognised", [reports[n].binary.rate() for n in names]))
    rows.append((f"{WINDOW_BYTES}-byte windows", [reports[n].windows.rate() for n in names]))
    rows.append(
        (
            f"{WINDOW_BYTES}-byte windows with non-ASCII",
            [reports[n].windows_non_ascii.rate() for n in names],
        )
    )
    rows.append(("time (s)", [f"{reports[n].seconds:.1f}" for n in names]))
    lines = [
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    lines += [f"| {measure} | " + " | ".join(cells) + " |" for measure, cells in rows]
    return "\n".join(lines)


def print_failures(name: str, report: ToolReport) -> None:
    print(f"\n### {name}: wrong answers\n")
    failures = [f for score in report.files.values() for f in score.failures]
    failures += report.binary.failures
    by_label = Counter(f.split(":", 1)[0] for f in failures)
    for failure in failures:
        print(f"- {failure}")
    window_labels = Counter(f.split(":", 1)[0] for f in report.windows.failures)
    print(f"\nwhole-file failures by encoding: {dict(by_label.most_common())}")
    print(f"window failures by encoding: {dict(window_labels.most_common())}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="list every wrong answer")
    parser.add_argument(
        "--only", choices=sorted(TOOLS), action="append", help="run only these tools"
    )
    args = parser.parse_args(argv)
    samples = list(load_samples())
    chosen = args.only or list(TOOLS)
    reports = {name: evaluate(TOOLS[name], samples) for name in chosen}
    print(markdown_table(reports))
    if args.verbose:
        for name, report in reports.items():
            print_failures(name, report)


if __name__ == "__main__":
    main()
