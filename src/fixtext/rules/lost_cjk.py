"""CJK round trips with lost bytes (placeholder)."""

from __future__ import annotations

from fixtext.model import Edit

__all__ = ["find_cjk_repairs"]


def find_cjk_repairs(text: str) -> list[Edit]:
    return []
