"""Time and peak memory of ``fixtext --check`` and ``--write`` on one big file (2 GB by default).

    python benchmarks/big_file.py                 # 2048 MiB, in a temporary folder
    python benchmarks/big_file.py --size-mb 300 --damage-every-mb 1

The file is plain ASCII lines with a damaged line (``donâ€™t``, ``cafÃ©``) at the start of
every ``--damage-every-mb`` mebibytes. Each run is a separate process; its peak resident
memory is read with ``getrusage(RUSAGE_CHILDREN)`` in a fresh parent, so runs do not mix.
The file needs as much free disk again for the temporary copy written by ``--write``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLEAN_LINE = b"A perfectly clean line of plain ASCII text, written for the big file benchmark.\n"
DAMAGED_LINE = "Damaged line: donâ€™t touch the cafÃ© menu.\n".encode()

_MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def make_file(path: Path, megabytes: int, damage_every_mb: int) -> None:
    block = CLEAN_LINE * ((1 << 20) // len(CLEAN_LINE))
    with path.open("wb") as handle:
        for index in range(megabytes):
            if damage_every_mb and index % damage_every_mb == 0:
                handle.write(DAMAGED_LINE)
            handle.write(block)


def measure(*args: str) -> tuple[int, float, int]:
    """Run ``fixtext ARGS``; return its exit code, seconds and peak RSS in MiB."""
    command = [sys.executable, "-m", "fixtext", "-j1", "-q", *args]
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    ).stdout
    elapsed = time.perf_counter() - started
    code, peak_kib = map(int, output.split())
    return code, elapsed, peak_kib // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--damage-every-mb", type=int, default=16)
    parser.add_argument("--dir", type=Path, help="where to write the file (default: temp)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        path = Path(folder) / "big.txt"
        started = time.perf_counter()
        make_file(path, options.size_mb, options.damage_every_mb)
        size_mb = path.stat().st_size / (1 << 20)
        print(f"file: {size_mb:.0f} MiB written in {time.perf_counter() - started:.1f} s")
        for mode in ("--check", "--write", "--check"):
            code, seconds, peak = measure(mode, str(path))
            print(
                f"fixtext {mode:8} exit {code}  {seconds:7.1f} s  "
                f"{size_mb / seconds:6.1f} MiB/s  peak RSS {peak} MiB"
            )


if __name__ == "__main__":
    main()
