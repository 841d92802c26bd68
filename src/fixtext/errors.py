"""Exceptions raised by fixtext. Every one is a :class:`FixtextError`."""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "FixtextError",
    "UndecodableBytesError",
    "UnsafeWriteError",
]


class FixtextError(Exception):
    """Base class of every error fixtext raises on purpose."""


class ConfigError(FixtextError, ValueError):
    """An option has a value fixtext cannot use; the message names the option."""


class BinaryInputError(FixtextError, ValueError):
    """The bytes given are binary data (an image, an archive, …), not text."""


class UndecodableBytesError(FixtextError, ValueError):
    """The bytes given are text in no encoding fixtext can identify safely."""


class UnsafeWriteError(FixtextError, OSError):
    """A file could not be written back without risking its content."""
