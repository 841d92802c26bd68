"""The front door: :func:`clean` and :func:`repair`."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from fixtext.config import DEFAULT_CONFIG, Config
from fixtext.decode import decode
from fixtext.errors import ConfigError
from fixtext.model import Result
from fixtext.pipeline import BLOCK, left_as_is, repair_text, run_rules

__all__ = ["clean", "repair"]


def repair(text: str | bytes, config: Config | None = None, **options: Any) -> Result:
    """Repair ``text`` and report every change made.

    ``text`` may be ``str`` or ``bytes`` (decoded first, see :func:`fixtext.decode`).
    Options are a :class:`Config`, or its fields as keywords
    (``repair(text, entities=False)``); keywords override the config given.

    >>> result = repair("donâ€™t")
    >>> result.text
    'don’t'
    >>> [(c.start, c.end, c.before, c.after, c.rule) for c in result.changes]
    [(3, 6, 'â€™', '’', 'cp1252')]
    """
    resolved = _resolve_config(config, options)
    if isinstance(text, (bytes, bytearray, memoryview)):
        text = decode(bytes(text)).text
    elif not isinstance(text, str):
        raise TypeError(
            f"fixtext repairs str or bytes, not {type(text).__name__}; "
            "convert the value to text first"
        )
    return repair_text(text, resolved)


def clean(text: str | bytes, config: Config | None = None, **options: Any) -> str:
    """Return ``text`` with its encoding damage repaired; clean text comes back as it is.

    >>> clean("cafÃ© â€œau laitâ€\x9d")
    'café “au lait”'
    >>> clean("SÃO PAULO, pâte, “quoted”")
    'SÃO PAULO, pâte, “quoted”'
    """
    # The common case, a short clean text, costs one scan and no more; a short text the scan
    # does not decide goes to the rules without a second one.
    if (
        type(text) is str
        and not options
        and len(text) <= BLOCK
        and (config is None or isinstance(config, Config))
    ):
        resolved = config or DEFAULT_CONFIG
        return text if left_as_is(text, resolved) else run_rules(text, resolved).text
    return repair(text, config, **options).text


def _resolve_config(config: Config | None, options: dict[str, Any]) -> Config:
    base = DEFAULT_CONFIG if config is None else config
    if not isinstance(base, Config):
        raise TypeError(f"config must be a fixtext.Config, not {type(base).__name__}")
    if not options:
        return base
    try:
        # The type is part of the key: True == 1, but only one of them is a valid option.
        return _replaced(base, tuple(sorted((k, type(v).__name__, v) for k, v in options.items())))
    except TypeError:  # an unhashable option value: let Config's validation report it
        return _replace(base, options)


@lru_cache(maxsize=256)
def _replaced(base: Config, options: tuple[tuple[str, str, Any], ...]) -> Config:
    # Ingestion code calls clean(text, entities=False) millions of times: build and
    # validate each distinct configuration once.
    return _replace(base, {name: value for name, _, value in options})


def _replace(base: Config, options: dict[str, Any]) -> Config:
    known = {field.name for field in dataclasses.fields(Config)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(
            f"unknown option {unknown[0]!r}; the options are: {', '.join(sorted(known))}"
        )
    return dataclasses.replace(base, **options)
