"""Tests of fixtext.decode: bytes to text, and back to the same bytes."""

from __future__ import annotations

import codecs
import random
import subprocess
import sys
from pathlib import Path

import pytest
from corpora import corpus_path

import fixtext
from fixtext import _decode_legacy
from fixtext.decode import (
    MIXED_UTF8_CP1252,
    Decoded,
    decode,
    encode_like,
    incremental_decoder,
    incremental_encoder,
    wider_encodings,
    writing_codec,
)
from fixtext.errors import BinaryInputError, UndecodableBytesError


def cp1252(data: bytes) -> str:
    """The text the decoder's fallback gives single bytes: cp1252, or the C1 control."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def assert_round_trip(decoded: Decoded, data: bytes) -> None:
    assert encode_like(decoded.text, decoded) == data


# -- inputs ------------------------------------------------------------------------------------


def test_empty_input_is_empty_utf8_text() -> None:
    decoded = decode(b"")
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.newline) == ("", "utf-8", b"", "")


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_bytes_like_inputs_are_accepted(kind: type) -> None:
    assert decode(kind("Grüße".encode())).text == "Grüße"


def test_str_input_is_refused_with_advice() -> None:
    with pytest.raises(TypeError, match="binary mode"):
        decode("already text")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 42, ["b"]])
def test_other_inputs_are_refused(value: object) -> None:
    with pytest.raises(TypeError, match="bytes"):
        decode(value)  # type: ignore[arg-type]


# -- UTF-8 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["plain ASCII", "Grüße aus Köln", "don’t “quote” me", "Ã© stays Ã©", "日本語のテキスト", "🎉"],
)
def test_valid_utf8_is_utf8(text: str) -> None:
    data = text.encode("utf-8")
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.confidence) == (text, "utf-8", 1.0)
    assert decoded.warnings == ()
    assert_round_trip(decoded, data)


def test_utf8_fast_path_does_not_load_chardet() -> None:
    code = (
        "import sys\n"
        "from fixtext.decode import decode\n"
        "before = 'chardet' in sys.modules\n"
        "decode('Grüße, “quotes”'.encode())\n"
        "print(before, 'chardet' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    before, after = result.stdout.split()
    assert after == before


# -- BOMs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_declares_the_encoding(bom: bytes, encoding: str) -> None:
    text = "Grüße\r\nпривет\r\n日本\r\n"
    data = bom + text.encode(encoding)
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, encoding, bom)
    assert decoded.newline == "\r\n"
    assert_round_trip(decoded, data)


def test_utf16_le_bom_then_nul_is_not_mistaken_for_utf32() -> None:
    # FF FE 00 00 starts both a UTF-32-LE file and a UTF-16-LE file whose text starts with NUL.
    data = codecs.BOM_UTF16_LE + "\x00hi".encode("utf-16-le")
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == ("\x00hi", "utf-16-le")


def test_odd_length_utf16_reports_the_cut_character() -> None:
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\xe9"
    decoded = decode(data)
    assert decoded.text == "abcé"
    assert any("middle of a utf-16-le character" in w for w in decoded.warnings)
    assert_round_trip(decoded, data)


# -- UTF-16 / UTF-32 without a BOM -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(
    "text",
    [
        "A plain English sentence, with punctuation.\n",
        "Größe, Straße und Köln.\n",
        "我没有时间。这是一个中文句子，没有字节顺序标记。\n",
    ],
)
def test_wide_encodings_without_bom(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, encoding, b"")
    assert_round_trip(decoded, data)


# -- mixed UTF-8 and cp1252 --------------------------------------------------------------------


def test_mixed_utf8_and_cp1252_lines_decode_exactly() -> None:
    utf8_lines = "id;name\n1;café crème\n2;Müller\n3;naïve\n".encode()
    cp1252_lines = "4;Gérard Dépardieu\n5;smörgåsbord\n".encode("cp1252")
    data = utf8_lines + cp1252_lines
    decoded = decode(data)
    expected = utf8_lines.decode() + cp1252_lines.decode("cp1252")
    assert decoded.text == expected
    assert decoded.encoding == MIXED_UTF8_CP1252
    assert decoded.warnings
    spans = "".join(decoded.text[start:end] for start, end in decoded.fallback_spans)
    assert spans == "ééöå"
    assert_round_trip(decoded, data)


def test_bytes_cp1252_leaves_undefined_become_c1_controls() -> None:
    data = "Grüße und Küsse aus Köln, München und Düsseldorf: ".encode() + b"\x81\x8d\x8f\x90\x9d"
    decoded = decode(data)
    assert decoded.text.endswith("\x81\x8d\x8f\x90\x9d")
    assert_round_trip(decoded, data)


@pytest.mark.parametrize(
    ("invalid", "meaning"),
    [
        (b"\xc0\xbc", "overlong '<'"),
        (b"\xe0\x80\xbc", "overlong '<' in three bytes"),
        (b"\xed\xa0\x80", "encoded surrogate U+D800"),
        (b"\xf4\x90\x80\x80", "beyond U+10FFFF"),
    ],
)
def test_invalid_utf8_forms_are_never_decoded_as_characters(invalid: bytes, meaning: str) -> None:
    data = "naïve façade ".encode() + invalid + " déjà vu".encode()
    decoded = decode(data)
    assert decoded.text == "naïve façade " + cp1252(invalid) + " déjà vu", meaning
    assert "<" not in decoded.text
    assert not any("\ud800" <= char <= "\udfff" for char in decoded.text)


def test_truncated_utf8_at_the_end_is_reported_and_kept() -> None:
    data = b"Preis: 10 " + "€".encode()[:2]
    decoded = decode(data)
    assert decoded.text == "Preis: 10 " + cp1252("€".encode()[:2])
    assert any("middle of a UTF-8 character" in w for w in decoded.warnings)
    assert decoded.fallback_spans == ((10, 12),)
    assert_round_trip(decoded, data)


def test_mostly_legacy_bytes_are_not_taken_for_mixed_utf8() -> None:
    # EUC-KR "미분류" holds CC BA, valid UTF-8 by chance; the rest is not.
    text = "<category>미분류</category>\n<title>한국어 텍스트</title>"
    decoded = decode(text.encode("euc_kr"))
    assert decoded.text == text


def test_utf8_bom_with_stray_bytes_stays_utf8() -> None:
    data = codecs.BOM_UTF8 + "Grüße ".encode() + b"K\xf6ln"
    decoded = decode(data)
    assert decoded.text == "Grüße Köln"
    assert decoded.bom == codecs.BOM_UTF8
    assert_round_trip(decoded, data)


# -- legacy code pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Les élèves ont préparé une fête à l’école, où ça sentait bon le pain.\r\n", "cp1252"),
        ("Die Größe der Straße überrascht, „sagte“ Jürgen Müller in Köln.\r\n", "cp1252"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.\n", "cp1251"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.\n", "koi8-r"),
        ("Zażółć gęślą jaźń, pójdź w ciemny las, kąpiel w rzece.\n", "cp1250"),
        ("Ελληνικά κείμενα για τη δοκιμή της αποκωδικοποίησης.\n", "cp1253"),
        ("日本語の文章です。文字コードを判定します。\n", "shift_jis"),
    ],
)
def test_legacy_code_pages(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    decoded = decode(data)
    assert decoded.text == text
    assert_round_trip(decoded, data)


def test_iso2022_jp_is_recognised_although_it_is_ascii() -> None:
    text = "こんにちは、世界。日本語のテキストです。"
    decoded = decode(text.encode("iso2022_jp"))
    assert decoded.text == text
    assert decoded.encoding.startswith("iso2022_jp")


def test_short_guess_says_it_is_a_guess() -> None:
    decoded = decode(b"caf\xe9")
    assert decoded.text == "café"
    assert any("low confidence" in w for w in decoded.warnings)
    assert decoded.confidence < 0.5


def test_unknown_when_no_guess_decodes(monkeypatch: pytest.MonkeyPatch) -> None:
    class OnlyAscii:
        @staticmethod
        def detect_all(data: bytes, **options: object) -> list[dict[str, object]]:
            return [{"encoding": "ascii", "confidence": 0.9, "language": "en"}]

    monkeypatch.setattr(_decode_legacy, "_chardet", lambda: OnlyAscii)
    with pytest.raises(UndecodableBytesError, match="pass the encoding"):
        decode(b"\xff\xfb\xfa not ascii \xfe")


def test_narrowest_family_member_that_decodes_is_used() -> None:
    # 0xA1A4 is U+30FB in GB2312 but U+00B7 in GBK; GB2312 text keeps GB2312's reading.
    text = "中华人民共和国的首都是北京・上海是最大的城市。" * 3
    decoded = decode(text.encode("gb2312"))
    assert decoded.text == text
    assert decoded.encoding == "gb2312"
    assert wider_encodings("gb2312") == ("gbk", "gb18030")
    assert wider_encodings("GB18030") == ()
    assert wider_encodings("cp1252") == ()


def test_chardet_fallback_answer_is_reported_as_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    class NothingMatched:
        @staticmethod
        def detect_all(data: bytes, **options: object) -> list[dict[str, object]]:
            assert options.get("prefer_superset", False) is False
            assert options.get("should_rename_legacy", False) is False
            return [{"encoding": "cp1252", "confidence": 0.10, "language": None}]

    monkeypatch.setattr(_decode_legacy, "_chardet", lambda: NothingMatched)
    data = ("x" * 5000 + "Grüße").encode("cp1252")  # long: no re-scoring of chardet's answer
    decoded = decode(data)
    assert decoded.text == data.decode("cp1252")
    assert any("low confidence" in w for w in decoded.warnings)


def test_chardet_no_encoding_means_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    class SeesAnImage:
        @staticmethod
        def detect_all(data: bytes, **options: object) -> list[dict[str, object]]:
            return [{"encoding": None, "confidence": 1.0, "mime_type": "image/x-test"}]

    monkeypatch.setattr(_decode_legacy, "_chardet", lambda: SeesAnImage)
    with pytest.raises(BinaryInputError, match="image/x-test"):
        decode(b"\x80\x81\x82 no signature, no NUL")


def test_decoded_is_immutable() -> None:
    decoded = decode(b"abc")
    with pytest.raises(AttributeError):
        decoded.text = "other"  # type: ignore[misc]


def test_detection_sample_is_bounded() -> None:
    data = ("строка текста\n" * 50_000).encode("cp1251")
    sample = _decode_legacy.detection_sample(data)
    limit = _decode_legacy.SAMPLE_HEAD_BYTES + _decode_legacy.SAMPLE_MIDDLE_BYTES + 1
    assert len(sample) <= limit
    assert decode(data).text == data.decode("cp1251")


def test_explicit_encoding_skips_detection() -> None:
    decoded = decode(b"\xe9t\xe9", encoding="latin-1")
    assert (decoded.text, decoded.encoding, decoded.confidence) == ("été", "latin-1", 1.0)
    with pytest.raises(UndecodableBytesError, match="not valid utf-8"):
        decode(b"\xff", encoding="utf-8")
    with pytest.raises(UndecodableBytesError, match="unknown encoding"):
        decode(b"abc", encoding="no-such-codec")


def test_explicit_encoding_recognises_its_bom() -> None:
    data = codecs.BOM_UTF16_BE + "hé".encode("utf-16-be")
    decoded = decode(data, encoding="utf-16")
    assert (decoded.text, decoded.bom) == ("hé", codecs.BOM_UTF16_BE)
    assert_round_trip(decoded, data)


# -- binary data -------------------------------------------------------------------------------

BINARY_SAMPLES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01",
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "zip": b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(8),
    "mp4": b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00",
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
}


@pytest.mark.parametrize("kind", sorted(BINARY_SAMPLES))
def test_known_binary_formats_are_refused(kind: str) -> None:
    with pytest.raises(BinaryInputError, match="not text"):
        decode(BINARY_SAMPLES[kind])


def test_random_bytes_with_nuls_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(BinaryInputError, match="NUL"):
        decode(data)


def test_binary_errors_are_value_errors() -> None:
    assert issubclass(BinaryInputError, ValueError)
    assert issubclass(UndecodableBytesError, ValueError)


def test_every_binary_corpus_file_is_recognised() -> None:
    folder = corpus_path("char-dataset", "None")
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    assert paths
    for path in paths:
        with pytest.raises(BinaryInputError):
            decode(path.read_bytes())


# -- newlines and writing back -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "newline"),
    [("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"), ("ab", ""), ("a\r\nb\nc\n", "\n")],
)
def test_newline_is_the_most_common_line_ending(text: str, newline: str) -> None:
    decoded = decode(text.encode())
    assert decoded.newline == newline
    assert decoded.text == text  # line endings are reported, never translated


def test_encode_like_writes_changed_text_in_the_original_encoding() -> None:
    decoded = decode("Die Größe der Straße überrascht Jürgen Müller in Köln.".encode("cp1252"))
    changed = decoded.text.replace("Köln", "München")
    assert encode_like(changed, decoded) == changed.encode(decoded.encoding)


def test_encode_like_writes_changed_mixed_text_as_utf8() -> None:
    data = "café crème, naïve, Müller; ".encode() + "Dépardieu".encode("cp1252")
    decoded = decode(data)
    assert decoded.encoding == MIXED_UTF8_CP1252
    changed = decoded.text + "!"
    assert encode_like(changed, decoded) == changed.encode("utf-8")


def test_encode_like_keeps_the_bom_of_changed_text() -> None:
    decoded = decode(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le"))
    assert encode_like("abd", decoded) == codecs.BOM_UTF16_LE + "abd".encode("utf-16-le")


# -- through the front door --------------------------------------------------------------------


def test_clean_of_clean_utf8_bytes_is_exact() -> None:
    text = "Curly “quotes”, ﬁ ligature, full-width ＡＢＣ, SÃO PAULO, &lt;, 文字, Ελληνικά\n"
    assert fixtext.clean(text.encode("utf-8")) == text


def test_clean_of_clean_cp1252_bytes_is_exact() -> None:
    text = (
        "Le cœur a ses raisons que la raison ne connaît point. "
        "Über den Wolken muss die Freiheit wohl grenzenlos sein; Grüße aus Köln.\n"
    )
    assert fixtext.clean(text.encode("cp1252")) == text


# -- the corpora -------------------------------------------------------------------------------


def _label(folder: str) -> str | None:
    name = folder.lower()
    while True:
        try:
            return codecs.lookup(name).name
        except LookupError:
            if "-" not in name:
                return None
            name = name.rpartition("-")[0]


def _text_samples(corpus: Path) -> list[tuple[Path, str]]:
    samples = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name != "None"):
        label = _label(folder.name)
        if label is not None:
            samples += [(path, label) for path in sorted(folder.iterdir()) if path.is_file()]
    return samples


def _decoded_or_none(data: bytes) -> str | None:
    try:
        return decode(data).text.removeprefix("\ufeff")
    except (BinaryInputError, UndecodableBytesError):
        return None


def _chardet_or_none(data: bytes) -> str | None:
    import chardet

    encoding = chardet.detect(data)["encoding"]
    try:
        return None if encoding is None else data.decode(encoding).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError):
        return None


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["chardet-tests", "char-dataset"])
def test_decodes_corpus_files_at_least_as_well_as_chardet(corpus: str) -> None:
    samples = _text_samples(corpus_path(corpus))
    ours = theirs = 0
    for path, label in samples:
        data = path.read_bytes()
        truth = data.decode(label).removeprefix("\ufeff")
        ours += _decoded_or_none(data) == truth
        theirs += _chardet_or_none(data) == truth
    assert ours >= theirs
    assert ours >= 0.97 * len(samples)


def test_bom_corpus_files_decode_exactly() -> None:
    root = corpus_path("char-dataset")
    for folder, encoding in [("utf_16", "utf-16"), ("utf_32", "utf-32")]:
        for path in sorted((root / folder).iterdir()):
            data = path.read_bytes()
            assert decode(data).text == data.decode(encoding), path.name


# -- scoring candidate texts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("Größe", "Grˆﬂe"),  # cp1252 read as Mac Roman
        ("café crème", "cafй crиme"),  # cp1252 read as cp1251
        ("Wąs i śnieg", "W±s i \x9cnieg"),  # ISO-8859-2 as cp1250, cp1250 as ISO-8859-2
        ("değil", "deðil"),  # cp1254 read as cp1252
        ("Привет мир", "рТЙЧЕФ НЙТ"),  # KOI8-R read as cp1251
        ("Grüße", "Gr├╝├ƒe"),  # UTF-8 read as cp437
        ("<category>미분류</category>", "<category>¹\u033aзù</category>"),  # EUC-KR as UTF-8
    ],
)
def test_wrong_code_pages_cost_more(right: str, wrong: str) -> None:
    from fixtext._decode_scoring import text_cost

    assert text_cost(right) < text_cost(wrong)


@pytest.mark.parametrize(
    "clean", ["日本語のテキスト、ーと々も。", "Python入門", "don’t “quote” me", "Ελληνικά", "20 °C"]
)
def test_clean_texts_cost_nothing(clean: str) -> None:
    from fixtext._decode_scoring import text_cost

    assert text_cost(clean) == 0.0


# -- short Western text: cp1252 unless another code page is clearly better ---------------------

# Sentences chardet alone read as cp1258, cp1257, ISO-8859-4, cp1250 or mac-latin2.
SHORT_WESTERN = [
    "À bientôt, François!",
    "naïve façade, déjà vu, piñata, jalapeño",
    "«Bonjour», dit-il. «Ça va?»",
    "Le garçon a mangé une crème brûlée à côté de l'église.",
    "Ça coûte 12 € à peine, c'est un cœur d'œuvre.",
    "Réservé à l’équipe « Été 2024 ».\nMüller, Jörg; Schäfer, Änne\nÀ bientôt, François!\r\n",
    "Größere Straße in München.",
    "Schöne Grüße aus Köln!",
    "Fußgänger müssen hier warten.",
    "Ich heiße Jürgen – und Sie?",
    "Straße: Königsallee 12, Düsseldorf",
    "Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich.",
    "Maßstab 1:100 – Fläche 25 m²\nStraße: Königsallee 12, Düsseldorf\r\n",
]


@pytest.mark.parametrize("text", SHORT_WESTERN)
def test_short_cp1252_text_decodes_to_itself(text: str) -> None:
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_legacy_example_is_cp1252() -> None:
    data = (Path(__file__).parent.parent / "examples" / "legacy-cp1252.txt").read_bytes()
    assert decode(data).encoding == "cp1252"


def test_a_code_page_reading_the_same_text_is_named_cp1252() -> None:
    # ISO-8859-1 and cp1252 agree on these bytes; cp1252 can write "’" or "€" back later.
    assert decode("Le déjeuner était délicieux.".encode("latin-1")).encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет! Это простой русский текст, без ошибок.", "cp1251"),
        ("Καλημέρα σας, τι κάνετε σήμερα;", "cp1253"),
        ("İstanbul, Türkiye'nin en kalabalık şehridir.", "cp1254"),
    ],
)
def test_other_scripts_are_not_read_as_cp1252(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


# -- incremental decoding and encoding ---------------------------------------------------------

MIXED_BYTES = "Grüße, café\r\n".encode() + "naïve € cœur\r\n".encode("cp1252") + "日本\n".encode()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (MIXED_BYTES, MIXED_UTF8_CP1252),
        ("日本語のテキスト\n".encode(), "utf-8"),
        ("Grüße \U0001f600\r\n".encode("utf-16-le"), "utf-16-le"),
        ("中文文本，没有错误。\n".encode("gb2312"), "gb2312"),
        ("日本語のテキスト\n".encode("iso2022_jp"), "iso2022_jp"),
    ],
)
def test_incremental_decoding_cut_anywhere_gives_the_whole_text(data: bytes, encoding: str) -> None:
    whole = decode(data, encoding=None if encoding == MIXED_UTF8_CP1252 else encoding)
    assert whole.encoding == encoding
    for cut in range(len(data) + 1):
        decoder = incremental_decoder(encoding)
        text = decoder.decode(data[:cut]) + decoder.decode(data[cut:], final=True)
        assert text == whole.text, cut


def test_mixed_decoder_holds_a_cut_utf8_sequence() -> None:
    decoder = incremental_decoder(MIXED_UTF8_CP1252)
    assert decoder.decode(b"caf\xc3") == "caf"
    assert decoder.getstate()[0] == b"\xc3"
    assert decoder.decode(b"", final=True) == "Ã"  # cut off for good: read as cp1252


def test_incremental_encoder_writes_the_bom_first_and_mixed_as_utf8() -> None:
    encoder = incremental_encoder(MIXED_UTF8_CP1252, codecs.BOM_UTF8)
    assert (
        encoder.encode("caf") + encoder.encode("é", final=True) == codecs.BOM_UTF8 + b"caf\xc3\xa9"
    )
    utf16 = incremental_encoder("utf-16-be", codecs.BOM_UTF16_BE)
    assert utf16.encode("a") + utf16.encode("b") == codecs.BOM_UTF16_BE + "ab".encode("utf-16-be")


def test_incremental_encoder_is_strict() -> None:
    encoder = incremental_encoder("cp1252")
    assert encoder.encode("café €") == b"caf\xe9 \x80"
    with pytest.raises(UnicodeEncodeError):
        encoder.encode("привет")


@pytest.mark.parametrize(
    ("encoding", "bom", "codec"),
    [
        (MIXED_UTF8_CP1252, b"", "utf-8"),
        ("utf-8-sig", b"", "utf-8"),
        ("utf-16", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16", b"", "utf-16-le"),
        ("UTF-32", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("GB2312", b"", "gb2312"),
    ],
)
def test_writing_codec_never_adds_a_second_bom(encoding: str, bom: bytes, codec: str) -> None:
    assert writing_codec(encoding, bom) == codec


def test_encode_like_and_the_incremental_encoder_agree_on_changed_text() -> None:
    decoded = decode(codecs.BOM_UTF8 + MIXED_BYTES)
    changed = decoded.text.replace("café", "cafe")
    encoder = incremental_encoder(decoded.encoding, decoded.bom)
    pieces = [encoder.encode(line) for line in changed.splitlines(keepends=True)]
    assert b"".join(pieces) == encode_like(changed, decoded)


def test_the_words_decide_between_twin_code_pages() -> None:
    # Polish text in Windows-1250 whose only letter placed apart from ISO-8859-2 is the ``ą``
    # of ``wziąć`` (B9, ``š`` in ISO-8859-2): chardet's statistics pick ISO-8859-2.
    text = (
        "w ma tylko już mi mnie swoim powiedzieć udział ochrony pierwszy organizacja wersji "
        "wziąć internet społecznej jednostki i ze jeszcze temu nie na może bo ja wszystkich "
        "dalej została pieniędzy ten podczas się to oraz bardzo będzie być jego z do jest że "
        "o jak a ale co tak za od po dla tym czy przez tego"
    )
    decoded = decode(text.encode("cp1250"))
    assert decoded.text == text
    assert decoded.encoding == "cp1250"
