"""Shared test set-up. Corpus helpers live in ``corpora.py`` (import them from there)."""

from __future__ import annotations
