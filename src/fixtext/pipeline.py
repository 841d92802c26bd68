"""The repair pipeline (placeholder)."""

from __future__ import annotations

from fixtext.config import Config
from fixtext.model import Result


def repair_text(text: str, config: Config) -> Result:
    return Result(text, ())
