"""The ``fixtext`` command: flags to one mode and one config, then every file, then a report.

See ``docs/cli.md`` for the user's view; the exit codes are documented on
:attr:`fixtext.report.Report.return_code`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any

from fixtext import __version__
from fixtext.config import Config
from fixtext.errors import ConfigError, FixtextError
from fixtext.files import (
    DEFAULT_EXCLUDE,
    FileResult,
    Job,
    Mode,
    Selection,
    Status,
    process_file,
    process_stream,
    walk,
)
from fixtext.output import Printer, json_document, progress_wanted, use_color, write_bytes_to_stdout
from fixtext.report import EXIT_ERROR, Report
from fixtext.settings import CONFIG_KEYS, Settings, load_settings

__all__ = ["build_parser", "main"]

STDIN = "-"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fixtext",
        description="Find and repair mojibake (text damaged by encoding mistakes) in files. "
        "Without --write, only reports what it would change.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files and folders; - for stdin")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--check", action="store_true", help="list the files that need repair")
    modes.add_argument("--diff", action="store_true", help="show the repairs as a unified diff")
    modes.add_argument("-w", "--write", action="store_true", help="repair the files in place")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    files = parser.add_argument_group("files")
    files.add_argument("--include", action="append", metavar="GLOB", help="only these files")
    files.add_argument("--exclude", action="append", metavar="GLOB", help="replaces defaults")
    files.add_argument("--extend-exclude", action="append", metavar="GLOB", default=[])
    files.add_argument(
        "--force-exclude",
        action="store_true",
        default=None,
        help="apply exclusions and .gitignore to paths given explicitly too",
    )
    files.add_argument("--to-utf8", action="store_true", help="write files back as UTF-8")
    files.add_argument("--keep-bom", action="store_true", help="with --to-utf8, keep a BOM")
    files.add_argument("--backup", metavar="SUFFIX", help="keep the original as NAME+SUFFIX")
    files.add_argument("--config", type=Path, metavar="FILE", help="pyproject.toml to use")
    repair = parser.add_argument_group("repair options (default: from pyproject.toml)")
    for name in ("encodings", "entities", "lost-bytes", "legacy"):
        repair.add_argument(f"--{name}", action=argparse.BooleanOptionalAction, default=None)
    repair.add_argument("--min-confidence", type=float, metavar="X")
    repair.add_argument(
        "--normalization", type=str.upper, choices=("NFC", "NFD", "NFKC", "NFKD", "NONE")
    )
    repair.add_argument("--max-passes", type=int, metavar="N")
    run = parser.add_argument_group("run")
    run.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N")
    run.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    run.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress")
    run.add_argument("-v", "--verbose", action="store_true", help="list skipped paths")
    run.add_argument("--version", action="version", version=f"fixtext {__version__}")
    return parser


def decide_mode(args: argparse.Namespace) -> Mode:
    if args.write:
        return Mode.WRITE
    if args.check:
        return Mode.CHECK
    if args.diff:
        return Mode.DIFF
    return Mode.REPORT


def build_config(settings: Settings, args: argparse.Namespace) -> Config:
    """The settings file's options, overridden by the flags given."""
    try:
        Config(**settings.config)
    except ConfigError as error:
        raise ConfigError(f"{settings.source}: {error}") from None
    values: dict[str, Any] = dict(settings.config)
    for name in CONFIG_KEYS:
        value = getattr(args, name)
        if value is not None:
            values[name] = None if value == "NONE" else value
    return Config(**values)


def build_selection(
    settings: Settings, args: argparse.Namespace, paths: Sequence[Path]
) -> Selection:
    exclude = args.exclude or settings.exclude
    force = args.force_exclude if args.force_exclude is not None else settings.force_exclude
    return Selection(
        root=_pattern_root(settings, paths),
        include=tuple(args.include or settings.include or ()),
        exclude=(
            *(exclude if exclude is not None else DEFAULT_EXCLUDE),
            *settings.extend_exclude,
            *args.extend_exclude,
        ),
        force_exclude=bool(force),
    )


def _pattern_root(settings: Settings, paths: Sequence[Path]) -> Path:
    """Patterns are relative to the folder of the settings file, else of the repository,
    else the current folder."""
    if settings.source is not None:
        return settings.source.resolve().parent
    start = Path(os.path.abspath(paths[0])) if paths else Path.cwd()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return Path.cwd()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Writers clean up their temporary files on the way out; originals are untouched.
        Printer(color=False, quiet=False, verbose=False, progress=False).error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`fixtext . | head`): stop quietly, and keep Python
        # from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    printer = Printer(
        color=use_color(args.color, sys.stdout),
        quiet=args.quiet,
        verbose=args.verbose,
        progress=progress_wanted(args.quiet) and args.format == "text",
    )
    problem = _usage_problem(args)
    if problem:
        printer.usage(parser.format_usage())
        printer.error(problem)
        return EXIT_ERROR
    paths = [Path(path) for path in args.paths if path != STDIN]
    try:
        settings = load_settings(paths, args.config)
        config = build_config(settings, args)
    except ConfigError as error:
        printer.error(str(error))
        return EXIT_ERROR
    mode = decide_mode(args)
    job = Job(mode, config, args.to_utf8, args.keep_bom, args.backup)
    if args.paths == [STDIN]:
        return _run_stdin(job, args, printer)
    selection = build_selection(settings, args, paths)
    return _run_files(paths, selection, job, args, printer)


def _usage_problem(args: argparse.Namespace) -> str | None:
    if not args.paths:
        return "no path given: fixtext PATH… (a file, a folder, or - for stdin)"
    if STDIN in args.paths and len(args.paths) > 1:
        return "- (stdin) cannot be combined with other paths"
    if args.jobs < 1:
        return "--jobs must be at least 1"
    if args.keep_bom and not args.to_utf8:
        return "--keep-bom only applies with --to-utf8 (a file's BOM is kept otherwise)"
    if args.backup is not None and (not args.backup or "/" in args.backup):
        return "--backup needs a suffix for the file name, such as .orig"
    return None


def _run_stdin(job: Job, args: argparse.Namespace, printer: Printer) -> int:
    # Repaired text goes to stdout unless stdout carries a diff, file names or JSON; passing
    # the text through is the "write" of a pipe, so finding damage there is not a failure.
    passthrough = job.mode in (Mode.REPORT, Mode.WRITE) and args.format == "text"
    if passthrough:
        job = Job(Mode.WRITE, job.config, job.to_utf8, job.keep_bom)
    report = Report(job.mode)
    write = write_bytes_to_stdout() if passthrough else None
    try:
        result = process_stream(sys.stdin.buffer, write, job)
    except (FixtextError, UnicodeEncodeError, OSError) as error:
        result = FileResult(STDIN, Status.FAILED, message=str(error))
    _show(result, report, args, printer)
    return _finish(report, [result], args, printer)


def _results(files: list[Path], job: Job, jobs: int) -> Iterable[FileResult]:
    if jobs == 1 or len(files) < 2:
        return (process_file(path, job) for path in files)
    workers = min(jobs, len(files))
    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (OSError, NotImplementedError):  # no process support (some sandboxes): go serial
        return (process_file(path, job) for path in files)
    chunksize = max(1, min(16, len(files) // (workers * 8)))
    return _pooled(pool, files, job, chunksize)


def _pooled(
    pool: ProcessPoolExecutor, files: list[Path], job: Job, chunksize: int
) -> Iterable[FileResult]:
    try:
        yield from pool.map(process_file, files, repeat(job), chunksize=chunksize)
    finally:
        # On Ctrl-C or a closed stdout, do not finish the queue first.
        pool.shutdown(wait=True, cancel_futures=True)


def _run_files(
    paths: list[Path], selection: Selection, job: Job, args: argparse.Namespace, printer: Printer
) -> int:
    report = Report(job.mode)

    def skip(path: Path, reason: str) -> None:
        report.skip(str(path), reason)
        printer.skipped(str(path), reason)

    def fail(path: Path, message: str) -> None:
        report.fail(str(path), message)
        if args.format == "text":
            printer.failed(str(path), message)

    files = list(walk(paths, selection, skip, fail))
    results = []
    for done, result in enumerate(_results(files, job, args.jobs), start=1):
        printer.progress(done, len(files), result.path)
        _show(result, report, args, printer)
        results.append(_summarised(result) if args.format == "text" else result)
    return _finish(report, results, args, printer)


def _summarised(result: FileResult) -> FileResult:
    """Drop what was already printed, so a long run does not keep every finding."""
    return FileResult(result.path, result.status, change_count=result.change_count)


def _show(result: FileResult, report: Report, args: argparse.Namespace, printer: Printer) -> None:
    report.add(result)
    if args.format == "json":
        return
    if result.status is Status.SKIPPED:
        printer.skipped(result.path, result.message)
    elif result.status is Status.FAILED:
        printer.failed(result.path, result.message)
    elif result.status is Status.CHANGED:
        _show_changed(result, report.mode, printer)


def _show_changed(result: FileResult, mode: Mode, printer: Printer) -> None:
    if mode is Mode.CHECK:
        printer.path(result.path)
    elif mode is Mode.DIFF:
        printer.diff(result.diff)
    elif mode is Mode.REPORT:
        for finding in result.findings:
            printer.finding(result.path, finding)
        if len(result.findings) < result.change_count:
            printer.more_findings(result.path, len(result.findings), result.change_count)
    elif result.path != STDIN and result.change_count:
        printer.written(result.path, result.change_count)
    if result.new_encoding and mode is not Mode.CHECK and result.path != STDIN:
        printer.conversion(result, done=mode is Mode.WRITE)


def _finish(
    report: Report, results: list[FileResult], args: argparse.Namespace, printer: Printer
) -> int:
    if args.format == "json":
        printer.json(json_document(report, results))
    else:
        printer.summary(report)
    printer.done()
    return report.return_code
