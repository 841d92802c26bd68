"""Fixtures of the command's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Fixtext, Run, run_fixtext


@pytest.fixture
def fixtext(tmp_path: Path) -> Fixtext:
    """Run the command in ``tmp_path`` (or ``cwd=``), like a user would."""

    def run(
        *args: str | Path,
        cwd: Path = tmp_path,
        stdin: bytes | None = None,
        env: dict[str, str] | None = None,
    ) -> Run:
        return run_fixtext(*args, cwd=cwd, stdin=stdin, env=env)

    return run
