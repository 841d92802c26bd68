"""settings: finding [tool.fixtext], checking its keys, and flags overriding it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import DAMAGED, Fixtext, write

from fixtext.errors import ConfigError
from fixtext.settings import find_project_file, load_settings, parse_settings


def test_dashes_and_underscores(tmp_path: Path) -> None:
    settings = parse_settings(
        {
            "lost-bytes": False,
            "min_confidence": 0.8,
            "extend-exclude": "vendor/",
            "include": ["*.md"],
        },
        tmp_path / "pyproject.toml",
    )
    assert settings.config == {"lost_bytes": False, "min_confidence": 0.8}
    assert settings.extend_exclude == ("vendor/",)
    assert settings.include == ("*.md",)
    assert settings.exclude is None


def test_unknown_key_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key 'lost-byte'"):
        parse_settings({"lost-byte": False}, tmp_path / "pyproject.toml")


def test_patterns_must_be_strings(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="exclude must be a string or a list of strings"):
        parse_settings({"exclude": [1]}, tmp_path / "pyproject.toml")


def test_first_pyproject_with_the_table_up_to_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.fixtext]\nlegacy = false\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / "pyproject.toml", "[tool.fixtext]\nentities = false\n")
    write(tmp_path / "repo" / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")
    (tmp_path / "repo" / "pkg" / "src").mkdir()
    found = find_project_file([tmp_path / "repo" / "pkg" / "src"])
    assert found == (tmp_path / "repo" / "pyproject.toml").resolve()
    assert load_settings([tmp_path / "repo" / "pkg" / "src"]).config == {"entities": False}
    # Outside a repository the search goes on up; with no table at all, no settings.
    (tmp_path / "other").mkdir()
    assert find_project_file([tmp_path / "other"]) == (tmp_path / "pyproject.toml").resolve()


def test_invalid_toml(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.fixtext\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings([tmp_path], path)


def test_command_reads_settings_and_flags_override(fixtext: Fixtext, tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        "[tool.fixtext]\nencodings = false\nlost-bytes = false\nlegacy = false\n"
        "extend-exclude = ['vendor/']\n",
    )
    write(tmp_path / "a.txt", DAMAGED)
    write(tmp_path / "vendor" / "b.txt", DAMAGED)
    assert fixtext("--check", ".").out == ""  # every rule for this damage is off
    assert fixtext("--check", "--encodings", ".").out == "a.txt\n"


def test_command_exits_2_on_a_bad_config(fixtext: Fixtext, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DAMAGED)
    write(tmp_path / "pyproject.toml", "[tool.fixtext]\nlost_bites = true\n")
    run = fixtext("--check", ".")
    assert run.code == 2
    assert "unknown key 'lost_bites'" in run.err
    write(tmp_path / "pyproject.toml", "[tool.fixtext]\nmin-confidence = 2\n")
    run = fixtext("--check", ".")
    assert (run.code, run.out) == (2, "")
    assert "min_confidence must be between 0 and 1" in run.err
    assert fixtext("--check", "--min-confidence", "1.5", "--config", "nothing.toml", ".").code == 2


def test_normalization_none_and_any_case(fixtext: Fixtext, tmp_path: Path) -> None:
    settings = parse_settings({"normalization": "none"}, tmp_path / "pyproject.toml")
    assert settings.config == {"normalization": None}
    write(tmp_path / "nfd.txt", "cafe\u0301\n")  # NFD: clean, and left alone by default
    assert fixtext("--check", "nfd.txt").code == 0
    assert fixtext("--check", "--normalization", "nfc", "nfd.txt").out == "nfd.txt\n"
