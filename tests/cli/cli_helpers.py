"""Helpers for the command's tests: run ``python -m fixtext`` for real, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Damage every test can rely on: cp1252 mojibake of UTF-8, repaired by the core library.
DAMAGED = "We donâ€™t serve cafÃ© here.\n"
REPAIRED = "We don’t serve café here.\n"
CLEAN = "São Paulo, âge, “quotes” and naïve text stay as they are.\n"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8")


Fixtext = Callable[..., Run]


def run_fixtext(
    *args: str | Path, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> Run:
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    environment.update(env or {})
    completed = subprocess.run(
        [sys.executable, "-m", "fixtext", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
        env=environment,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path
