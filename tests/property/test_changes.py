"""The changes reported by repair describe exactly how the input became the output."""

from __future__ import annotations

from hypothesis import example, given
from strategies import interesting_texts

from fixtext import Config, apply_changes, clean, repair


@given(interesting_texts())
@example("donâ€™t cafÃ© Ã¢â‚¬â„¢ f&amp;uuml;r")
def test_changes_replay_to_the_output(text: str) -> None:
    """apply_changes(input, result.changes) == result.text."""
    result = repair(text)
    assert apply_changes(text, result.changes) == result.text


@given(interesting_texts())
@example("donâ€™t cafÃ© donât")
def test_changes_are_sorted_and_disjoint(text: str) -> None:
    """Changes are sorted by position and never overlap; each has start <= end."""
    position = 0
    for change in repair(text).changes:
        assert position <= change.start <= change.end <= len(text)
        position = change.end


@given(interesting_texts())
@example("donâ€™t cafÃ© donât")
def test_changes_quote_the_input(text: str) -> None:
    """Each change's `before` is the input at its offsets, and it changes something."""
    for change in repair(text).changes:
        assert change.before == text[change.start : change.end]
        assert change.before != change.after


@given(interesting_texts())
@example("donât")
@example("ì¤ä")  # a guess of 0.35: below the old threshold of 0.5, above the default
def test_changes_have_a_rule_and_a_confidence(text: str) -> None:
    """Each change names a rule and has a confidence between 0 and 1, at least the
    configured minimum."""
    for change in repair(text).changes:
        assert isinstance(change.rule, str)
        assert change.rule
        assert 0.0 <= change.confidence <= 1.0
        assert change.confidence >= Config().min_confidence


@given(interesting_texts())
def test_clean_is_the_text_of_repair(text: str) -> None:
    """clean(text) == repair(text).text, and no change means the text is the input."""
    result = repair(text)
    assert clean(text) == result.text
    if not result.changes:
        assert result.text == text
