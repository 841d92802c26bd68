"""The options of a repair, in one immutable object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fixtext.errors import ConfigError

__all__ = ["DEFAULT_CONFIG", "Config", "Normalization"]

Normalization = Literal["NFC", "NFD", "NFKC", "NFKD"]
_NORMALIZATIONS = ("NFC", "NFD", "NFKC", "NFKD")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """How :func:`fixtext.clean` and :func:`fixtext.repair` behave.

    Every default is the no-harm choice: clean text comes back identical, code point for
    code point. Vary a config with :func:`dataclasses.replace`.

    Attributes:
        encodings: repair text that was decoded with the wrong code page (``donâ€™t`` →
            ``don’t``, ``РїСЂРёРІРµС‚`` → ``привет``). Default ``True``.
        entities: decode HTML entities that are damage in plain text: entities escaped
            more than once (``f&amp;uuml;r`` → ``für``) and entities for letters and
            punctuation (``&eacute;``, ``&#8211;``). The markup characters ``< > & " '``
            escaped once stay as they are. Turn off for markup. Default ``True``.
        lost_bytes: guess characters whose bytes were lost (``donât`` → ``don’t``,
            ``â€?`` → ``”``), using word frequencies; a guess below ``min_confidence``
            is left as it is. Needs ``encodings``. Default ``True``.
        legacy: repair legacy 8-bit or CJK text shown through another code page
            (``K\\x94nig`` → ``König``, ``ÏÂÔØ±¾Êé`` → ``下载本书``). Default ``True``.
        min_confidence: the least confidence, between 0 and 1, a change needs to be made.
            Default ``0.3``: a guess at lost bytes is made when its reading holds at least
            30% of the likelihood of all readings (a draw between four letters is not);
            lossless repairs all carry 0.5 or more.
        normalization: a Unicode normalization form applied after the repair, or ``None``
            (default): normalising is not repairing.
        max_passes: how many layers of damage are undone at most. Default ``4``.
    """

    encodings: bool = True
    entities: bool = True
    lost_bytes: bool = True
    legacy: bool = True
    min_confidence: float = 0.3
    normalization: Normalization | None = None
    max_passes: int = 4

    def __post_init__(self) -> None:
        for name in ("encodings", "entities", "lost_bytes", "legacy"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} must be True or False, not {getattr(self, name)!r}")
        confidence = self.min_confidence
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
            raise ConfigError(f"min_confidence must be a number, not {confidence!r}")
        if not 0.0 <= confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, not {confidence!r}")
        if self.normalization is not None and self.normalization not in _NORMALIZATIONS:
            raise ConfigError(
                f"normalization must be one of {', '.join(_NORMALIZATIONS)} or None, "
                f"not {self.normalization!r}"
            )
        passes = self.max_passes
        if isinstance(passes, bool) or not isinstance(passes, int) or passes < 1:
            raise ConfigError(f"max_passes must be a whole number of at least 1, not {passes!r}")


DEFAULT_CONFIG = Config()
