"""Where the shared corpora are, and skipping cleanly without them.

A module of its own rather than ``conftest.py``: test folders have conftest files of their
own, and ``from conftest import …`` would find whichever was imported last.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("FIXTEXT_CORPORA", REPO_ROOT.parent / "shared" / "corpora"))


def corpus_path(*parts: str) -> Path:
    """Return a path inside the shared corpora, or skip the test when they are absent."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not found: {path} (the shared corpora live beside the repository)")
    return path
