"""What --write keeps: encoding, BOM, line endings, permissions; and what it converts."""

from __future__ import annotations

import codecs
from pathlib import Path

from cli_helpers import DAMAGED, REPAIRED, Fixtext, write

# German text in cp1252 (not UTF-8: many bytes that are not), long enough for the encoding to
# be recognised, with one piece of mojibake: "cafÃ©" is the UTF-8 of "café" read as cp1252,
# then saved as cp1252.
GERMAN = (
    "Grüße aus Köln! Die Bäckerei in der Hauptstraße öffnet früh, "
    "und Müller übernimmt die Küche für Änderungen.\r\n"
) * 3
LEGACY = GERMAN + "cafÃ© und naïve.\r\n"
LEGACY_REPAIRED = GERMAN + "café und naïve.\r\n"


def test_cp1252_file_stays_cp1252(fixtext: Fixtext, tmp_path: Path) -> None:
    path = write(tmp_path / "legacy.txt", LEGACY, encoding="cp1252")
    run = fixtext("--write", "legacy.txt")
    assert run.code == 0, run.err
    assert path.read_bytes() == LEGACY_REPAIRED.encode("cp1252")


def test_repair_the_encoding_cannot_hold_is_refused(fixtext: Fixtext, tmp_path: Path) -> None:
    # UTF-8 "привет" read as cp1252 ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚") in a cp1252 file: the repair is
    # Cyrillic, which cp1252 cannot hold.
    text = GERMAN + "Ð¿Ñ€Ð¸Ð²ÐµÑ‚\n"
    original = text.encode("cp1252")
    path = write(tmp_path / "legacy.txt", original)
    run = fixtext("--write", "legacy.txt")
    assert run.code == 2
    assert "cannot hold" in run.err and "--to-utf8" in run.err
    assert path.read_bytes() == original
    assert fixtext("--check", "legacy.txt").code == 2  # the check says so too
    converted = fixtext("--write", "--to-utf8", "legacy.txt")
    assert converted.code == 0, converted.err
    assert path.read_bytes() == text.replace("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет").encode()


def test_bom_crlf_and_mode_are_kept(fixtext: Fixtext, tmp_path: Path) -> None:
    path = write(
        tmp_path / "notes.txt", codecs.BOM_UTF8 + DAMAGED.replace("\n", "\r\n").encode() * 3
    )
    path.chmod(0o754)
    assert fixtext("--write", "notes.txt").code == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + REPAIRED.replace("\n", "\r\n").encode() * 3
    assert path.stat().st_mode & 0o7777 == 0o754


def test_mixed_line_endings_are_kept_exactly(fixtext: Fixtext, tmp_path: Path) -> None:
    text = "a cafÃ©\r\nb cafÃ©\nc cafÃ©\rd"
    path = write(tmp_path / "mixed.txt", text)
    assert fixtext("--write", "mixed.txt").code == 0
    assert path.read_bytes() == text.replace("Ã©", "é").encode()


def test_utf16_with_bom_stays_utf16(fixtext: Fixtext, tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", codecs.BOM_UTF16_LE + DAMAGED.encode("utf-16-le"))
    run = fixtext("--write", "wide.txt")
    assert run.code == 0, run.err
    assert path.read_bytes() == codecs.BOM_UTF16_LE + REPAIRED.encode("utf-16-le")


def test_to_utf8_converts_clean_legacy_files_and_drops_the_bom(
    fixtext: Fixtext, tmp_path: Path
) -> None:
    legacy = write(tmp_path / "legacy.txt", LEGACY_REPAIRED, encoding="cp1252")
    bom = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"plain\n")
    utf8 = write(tmp_path / "utf8.txt", "déjà vu\n")
    mtime = utf8.stat().st_mtime_ns
    assert fixtext("--check", "--to-utf8", ".").out.splitlines() == ["bom.txt", "legacy.txt"]
    run = fixtext("--write", "--to-utf8", ".")
    assert run.code == 0, run.err
    assert legacy.read_bytes() == LEGACY_REPAIRED.encode("utf-8")
    assert bom.read_bytes() == b"plain\n"
    assert utf8.stat().st_mtime_ns == mtime  # already UTF-8: not touched


def test_keep_bom(fixtext: Fixtext, tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", codecs.BOM_UTF16_LE + DAMAGED.encode("utf-16-le"))
    assert fixtext("--write", "--to-utf8", "--keep-bom", "wide.txt").code == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + REPAIRED.encode()
    assert fixtext("--keep-bom", "wide.txt").code == 2  # without --to-utf8: a usage error


def test_backup_keeps_the_original(fixtext: Fixtext, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", DAMAGED)
    assert fixtext("--write", "--backup", ".orig", "a.txt").code == 0
    assert path.read_text(encoding="utf-8") == REPAIRED
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == DAMAGED
    assert path.stat().st_nlink == 1  # the backup is no longer a name of the new file


def test_markup_entities_are_never_touched(fixtext: Fixtext, tmp_path: Path) -> None:
    text = "<p>Caf&eacute; &amp;amp; bar &mdash; donâ€™t</p>\n"
    for name in ("page.html", "feed.xml", "icon.svg", "notes.txt"):
        write(tmp_path / name, text)
    assert fixtext("--write", ".").code == 0
    for name in ("page.html", "feed.xml", "icon.svg"):
        written = (tmp_path / name).read_text(encoding="utf-8")
        assert written.startswith("<p>Caf&eacute; &amp;amp; bar &mdash; don"), name
        assert written == text.replace("â€™", "’"), name  # the file was repaired all the same
    # The same entities in plain text are damage (the contrast shows the rule took effect).
    assert "&eacute;" not in (tmp_path / "notes.txt").read_text(encoding="utf-8")


def test_no_stray_temporary_files(fixtext: Fixtext, tmp_path: Path) -> None:
    for index in range(5):
        write(tmp_path / f"f{index}.txt", DAMAGED)
    assert fixtext("--write", ".").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"f{index}.txt" for index in range(5)]


def test_stdin_to_stdout(fixtext: Fixtext) -> None:
    run = fixtext("-", stdin=DAMAGED.encode())
    assert (run.code, run.stdout) == (0, REPAIRED.encode())


def test_stdin_keeps_its_encoding(fixtext: Fixtext) -> None:
    run = fixtext("-", stdin=LEGACY.encode("cp1252"))
    assert (run.code, run.stdout) == (0, LEGACY_REPAIRED.encode("cp1252"))
    utf8 = fixtext("-", "--to-utf8", stdin=LEGACY.encode("cp1252"))
    assert utf8.stdout == LEGACY_REPAIRED.encode()


def test_stdin_check_diff_and_binary(fixtext: Fixtext) -> None:
    check = fixtext("--check", "-", stdin=DAMAGED.encode())
    assert (check.code, check.out) == (1, "-\n")
    assert fixtext("--check", "-", stdin=REPAIRED.encode()).code == 0
    diff = fixtext("--diff", "-", stdin=DAMAGED.encode())
    assert diff.code == 1 and f"+{REPAIRED}" in diff.out
    binary = fixtext("-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert (binary.code, binary.stdout) == (2, b"")
    assert fixtext("-", "a.txt").code == 2  # stdin goes alone


def test_python_dash_m_and_the_entry_point_agree(fixtext: Fixtext, tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    write(tmp_path / "a.txt", DAMAGED)
    script = shutil.which("fixtext") or str(Path(sys.executable).parent / "fixtext")
    if not Path(script).exists():
        import pytest

        pytest.skip("the fixtext script is not installed (pip install -e .)")
    direct = subprocess.run([script, "a.txt"], cwd=tmp_path, capture_output=True, check=False)
    module = fixtext("a.txt")
    assert (direct.returncode, direct.stdout) == (module.code, module.stdout)
