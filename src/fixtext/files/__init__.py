"""Files: finding them, reading them as text in chunks, repairing them, writing them back."""

from fixtext.files.process import (
    MARKUP_SUFFIXES,
    FileResult,
    Finding,
    Job,
    Mode,
    Status,
    process_file,
    process_stream,
)
from fixtext.files.walk import DEFAULT_EXCLUDE, Selection, walk

__all__ = [
    "DEFAULT_EXCLUDE",
    "MARKUP_SUFFIXES",
    "FileResult",
    "Finding",
    "Job",
    "Mode",
    "Selection",
    "Status",
    "process_file",
    "process_stream",
    "walk",
]
