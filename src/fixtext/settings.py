"""The ``[tool.fixtext]`` table of ``pyproject.toml``: finding it and checking its keys.

The table is looked for in the ``pyproject.toml`` files from the folder of the paths given up
to the root of the repository (the first folder holding ``.git``); the first file that has
the table wins, so a ``pyproject.toml`` of a sub-package without the table does not hide the
repository's settings. Keys are written with dashes or underscores (``lost-bytes`` or
``lost_bytes``); an unknown key is an error naming the key, since a typo would otherwise
silently change nothing.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fixtext.errors import ConfigError

__all__ = ["CONFIG_KEYS", "Settings", "find_project_file", "load_settings", "parse_settings"]

# The fields of fixtext.Config that make sense for files, by their underscore name.
CONFIG_KEYS = frozenset(
    {
        "encodings",
        "entities",
        "lost_bytes",
        "legacy",
        "min_confidence",
        "normalization",
        "max_passes",
    }
)
_PATTERN_KEYS = frozenset({"include", "exclude", "extend_exclude"})
_BOOL_KEYS = frozenset({"force_exclude"})


@dataclass(frozen=True, slots=True)
class Settings:
    """What a ``[tool.fixtext]`` table asks for; ``None`` or empty means "not set"."""

    config: Mapping[str, Any] = field(default_factory=dict)
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    source: Path | None = None


def _load_toml(path: Path) -> dict[str, Any]:
    # tomllib is in the standard library from Python 3.11; tomli is the same parser for 3.10.
    name = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    try:
        toml = importlib.import_module(name)
    except ImportError:
        raise ConfigError(
            f"reading {path} needs the 'tomli' package on Python 3.10: pip install tomli"
        ) from None
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = toml.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    except ValueError as error:  # TOMLDecodeError is a ValueError in both parsers
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    return data


def _fixtext_table(path: Path) -> dict[str, Any] | None:
    tool = _load_toml(path).get("tool", {})
    table = tool.get("fixtext") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.fixtext] must be a table")
    return table


def find_project_file(paths: Iterable[Path]) -> Path | None:
    """Return the ``pyproject.toml`` with a ``[tool.fixtext]`` table that governs ``paths``."""
    resolved = [path.resolve() for path in paths] or [Path.cwd().resolve()]
    start = Path(os.path.commonpath([str(path) for path in resolved]))
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _fixtext_table(candidate) is not None:
            return candidate
        if (folder / ".git").exists():
            break
    return None


def _patterns(key: str, value: object, source: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{source}: [tool.fixtext] {key} must be a string or a list of strings")


def parse_settings(table: Mapping[str, object], source: Path) -> Settings:
    """Check the keys and value types of a ``[tool.fixtext]`` table.

    Values of Config options are checked by :class:`fixtext.Config` itself when the
    command builds it, so the message is the same as for the library.
    """
    config: dict[str, Any] = {}
    patterns: dict[str, tuple[str, ...]] = {}
    force_exclude: bool | None = None
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key in CONFIG_KEYS:
            # TOML has no null: "none" turns normalization off, as the flag does.
            none = key == "normalization" and isinstance(value, str) and value.lower() == "none"
            config[key] = None if none else value
        elif key in _PATTERN_KEYS:
            patterns[key] = _patterns(raw_key, value, source)
        elif key in _BOOL_KEYS:
            if not isinstance(value, bool):
                raise ConfigError(f"{source}: [tool.fixtext] {raw_key} must be true or false")
            force_exclude = value
        else:
            known = sorted(k.replace("_", "-") for k in CONFIG_KEYS | _PATTERN_KEYS | _BOOL_KEYS)
            raise ConfigError(
                f"{source}: unknown key {raw_key!r} in [tool.fixtext]; "
                f"the keys are: {', '.join(known)}"
            )
    return Settings(
        config=config,
        include=patterns.get("include"),
        exclude=patterns.get("exclude"),
        extend_exclude=patterns.get("extend_exclude", ()),
        force_exclude=force_exclude,
        source=source,
    )


def load_settings(paths: Iterable[Path], config_file: Path | None = None) -> Settings:
    """Read the settings for ``paths``: from ``config_file`` if given, else the one found."""
    source = config_file if config_file is not None else find_project_file(paths)
    if source is None:
        return Settings()
    if not source.is_file():
        raise ConfigError(f"configuration file not found: {source}")
    table = _fixtext_table(source)
    return parse_settings(table or {}, source)
