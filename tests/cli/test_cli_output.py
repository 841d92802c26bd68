"""output: when to colour, when to show progress, and how findings are shown."""

from __future__ import annotations

import io

from fixtext.output import progress_wanted, use_color, visible


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_color_choice() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    assert use_color("auto", terminal, {}) is True
    assert use_color("auto", terminal, {"NO_COLOR": "1"}) is False
    assert use_color("auto", pipe, {}) is False
    assert use_color("always", pipe, {"NO_COLOR": "1"}) is True  # an explicit flag wins
    assert use_color("never", terminal, {}) is False


def test_no_progress_in_ci_pre_commit_or_quiet() -> None:
    # Under pytest stderr is not a terminal, so every answer here is False; what matters is
    # that the environment alone already says no.
    assert progress_wanted(False, {"CI": "true"}) is False
    assert progress_wanted(False, {"PRE_COMMIT": "1"}) is False
    assert progress_wanted(True, {}) is False


def test_invisible_characters_are_escaped() -> None:
    assert visible("â€\x9d") == "â€\\x9d"
    assert visible("a\u200bb") == "a\\u200bb"
    assert visible("café ’") == "café ’"
