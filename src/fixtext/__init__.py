"""fixtext: repair text damaged by encoding mistakes, and leave clean text alone.

>>> from fixtext import clean
>>> clean("donâ€™t")
'don’t'
"""

from fixtext.api import clean, repair
from fixtext.config import Config
from fixtext.decode import Decoded, decode
from fixtext.errors import (
    BinaryInputError,
    ConfigError,
    FixtextError,
    UndecodableBytesError,
    UnsafeWriteError,
)
from fixtext.model import Change, Result, apply_changes

__all__ = [
    "BinaryInputError",
    "Change",
    "Config",
    "ConfigError",
    "Decoded",
    "FixtextError",
    "Result",
    "UndecodableBytesError",
    "UnsafeWriteError",
    "apply_changes",
    "clean",
    "decode",
    "repair",
]

__version__ = "0.1.0"
