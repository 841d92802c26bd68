"""Every Config option takes effect, bad values are refused, and keywords override."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

import pytest

from fixtext import Config, ConfigError, FixtextError, clean, repair

TWO_LAYERS = "Ã¢â‚¬â„¢"  # ’ as UTF-8 read as cp1252, twice
ONE_LAYER = "â€™"  # ’ as UTF-8 read as cp1252, once


def test_defaults_are_the_documented_ones() -> None:
    """The defaults are the no-harm choices listed in the docs."""
    config = Config()
    assert config.encodings is True
    assert config.entities is True
    assert config.lost_bytes is True
    assert config.legacy is True
    assert config.min_confidence == 0.3
    assert config.normalization is None
    assert config.max_passes == 4


# encodings ---------------------------------------------------------------------------------


def test_encodings_on_repairs_code_page_damage() -> None:
    assert clean("cafÃ©") == "café"


def test_encodings_off_leaves_code_page_damage() -> None:
    assert clean("cafÃ©", encodings=False) == "cafÃ©"
    assert clean("donâ€™t", Config(encodings=False)) == "donâ€™t"


# entities ----------------------------------------------------------------------------------


def test_entities_on_decodes_letter_entities() -> None:
    assert clean("caf&eacute;") == "café"


def test_entities_off_leaves_entities() -> None:
    assert clean("caf&eacute;", entities=False) == "caf&eacute;"
    assert clean("f&amp;uuml;r", entities=False) == "f&amp;uuml;r"


def test_entities_on_keeps_markup_escaped_once() -> None:
    """``&lt;b&gt;`` in plain text is meant as written, even with entities on."""
    assert clean("use &lt;b&gt; for bold") == "use &lt;b&gt; for bold"


# lost_bytes --------------------------------------------------------------------------------


def test_lost_bytes_on_guesses_a_lost_quote() -> None:
    assert clean("donât do that") == "don’t do that"


def test_lost_bytes_off_leaves_a_lost_quote() -> None:
    assert clean("donât do that", lost_bytes=False) == "donât do that"


# legacy ------------------------------------------------------------------------------------


def test_legacy_on_repairs_cp437_read_as_latin1() -> None:
    assert clean("K\x94nig") == "König"


def test_legacy_off_leaves_cp437_read_as_latin1() -> None:
    assert clean("K\x94nig", legacy=False) == "K\x94nig"


def test_legacy_off_leaves_gbk_read_as_latin1() -> None:
    damaged = "下载本书".encode("gbk").decode("latin-1")
    assert clean(damaged) == "下载本书"
    assert clean(damaged, legacy=False) == damaged


# min_confidence ----------------------------------------------------------------------------


def test_min_confidence_one_suppresses_guesses() -> None:
    """A guess for lost bytes is never certain, so min_confidence=1.0 keeps the text."""
    text = "donât do that"
    assert repair(text).changes, "the default config should guess here"
    guessed = min(change.confidence for change in repair(text).changes)
    assert guessed < 1.0
    assert clean(text, min_confidence=1.0) == text


def test_min_confidence_one_applies_no_guess() -> None:
    """Every repair is a judgement, so none reaches confidence 1.0: min_confidence=1.0 leaves
    even plain mojibake as it is, while the default repairs it."""
    assert clean("cafÃ©", min_confidence=1.0) == "cafÃ©"
    assert clean("cafÃ©") == "café"


def test_long_runs_of_damage_are_repaired_with_high_confidence() -> None:
    """The more of a text a repair explains, the surer it is: a whole damaged word repairs
    with a confidence above 0.9, a lone damaged character with less."""
    word = repair("РїСЂРёРІРµС‚").changes
    lone = repair("cafÃ©").changes
    assert len(word) == len(lone) == 1
    assert word[0].confidence > 0.9 > lone[0].confidence


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.7, 0.9])
def test_min_confidence_bounds_every_change(threshold: float) -> None:
    text = "donât cafÃ© â€œquotedâ€? Ã¢â‚¬â„¢ K\x94nig"
    for change in repair(text, min_confidence=threshold).changes:
        assert change.confidence >= threshold


# normalization -----------------------------------------------------------------------------


def test_normalization_off_keeps_nfd() -> None:
    decomposed = unicodedata.normalize("NFD", "Crème brûlée")
    assert clean(decomposed) == decomposed


def test_normalization_nfc_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "Crème brûlée")
    assert clean(decomposed, normalization="NFC") == "Crème brûlée"


def test_normalization_nfc_after_repair() -> None:
    assert clean("cafe\u0301 donâ€™t", normalization="NFC") == "café don’t"


def test_normalization_nfkc_applies() -> None:
    assert clean("ﬁne", normalization="NFKC") == "fine"


def test_normalization_is_reported_as_changes() -> None:
    """Normalising changes the text, so the changes replay to the normalised text."""
    from fixtext import apply_changes

    decomposed = unicodedata.normalize("NFD", "Crème")
    result = repair(decomposed, normalization="NFC")
    assert result.text == "Crème"
    assert apply_changes(decomposed, result.changes) == result.text


# max_passes --------------------------------------------------------------------------------


def test_max_passes_default_undoes_two_layers() -> None:
    assert clean(TWO_LAYERS) == "’"


def test_max_passes_one_undoes_one_layer() -> None:
    assert clean(TWO_LAYERS, max_passes=1) == ONE_LAYER


def test_max_passes_two_undoes_two_layers() -> None:
    assert clean(TWO_LAYERS, max_passes=2) == "’"


# validation --------------------------------------------------------------------------------

BAD_VALUES = [
    ("encodings", "yes"),
    ("entities", 1),
    ("lost_bytes", None),
    ("legacy", "False"),
    ("min_confidence", 1.5),
    ("min_confidence", -0.1),
    ("min_confidence", "0.5"),
    ("min_confidence", True),
    ("normalization", "nfc"),
    ("normalization", "NFX"),
    ("normalization", ""),
    ("max_passes", 0),
    ("max_passes", -1),
    ("max_passes", 1.5),
    ("max_passes", True),
]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=[f"{n}={v!r}" for n, v in BAD_VALUES])
def test_bad_value_raises_config_error(name: str, value: Any) -> None:
    with pytest.raises(ConfigError, match=name):
        Config(**{name: value})


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=[f"{n}={v!r}" for n, v in BAD_VALUES])
def test_bad_keyword_value_raises_config_error(name: str, value: Any) -> None:
    with pytest.raises(ConfigError, match=name):
        clean("text", **{name: value})


def test_config_error_is_a_value_error_and_a_fixtext_error() -> None:
    with pytest.raises(ValueError):
        Config(max_passes=0)
    with pytest.raises(FixtextError):
        Config(max_passes=0)


def test_good_edge_values_are_accepted() -> None:
    Config(min_confidence=0, max_passes=1)
    Config(min_confidence=1.0, normalization="NFKD")


def test_config_is_frozen() -> None:
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.entities = False  # type: ignore[misc]


def test_replace_validates() -> None:
    assert dataclasses.replace(Config(), entities=False).entities is False
    with pytest.raises(ConfigError):
        dataclasses.replace(Config(), min_confidence=2)


# keywords ----------------------------------------------------------------------------------


def test_keyword_overrides_config() -> None:
    off = Config(entities=False)
    assert clean("caf&eacute;", off) == "caf&eacute;"
    assert clean("caf&eacute;", off, entities=True) == "café"
    assert clean("caf&eacute;", Config(), entities=False) == "caf&eacute;"


def test_keyword_leaves_other_fields_of_config() -> None:
    """A keyword changes one option; the others come from the config given."""
    config = Config(entities=False)
    assert clean("caf&eacute; cafÃ©", config, normalization="NFC") == "caf&eacute; café"


def test_unknown_keyword_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="unescape_html"):
        clean("text", unescape_html=False)
    with pytest.raises(ConfigError, match="entitys"):
        repair("text", entitys=False)


def test_config_of_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="Config"):
        clean("text", {"entities": False})  # type: ignore[arg-type]


def test_text_of_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError):
        clean(42)  # type: ignore[arg-type]
