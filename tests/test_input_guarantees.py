"""Input guarantees: what cnlint reads, however the bytes come.

Each test reproduces one case of the adversarial matrix (issue 14, input half): a NUL in a
UTF-8 text file, CR-only line endings, lone surrogates from JSON escapes, JSON nested deeper
than Python's parser goes, and (below) memory that stays flat in the size of a JSONL file.
These are the cases of "Input that is read, not refused" in docs/inputs-and-data-safety.md.
"""

import io
import json
import sys
import zipfile

import pytest

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_stdin
from cnlint.inputs.jsonl import WHOLE_FILE_HINT, splice
from cnlint.inputs.sources import SourceError, SourceOptions, parse_source

from conftest import SEEDS, run_cli

SEED_000 = (SEEDS / "000_35d55cf4af66c7c1.txt").read_text(encoding="utf-8")
# Seed 000, line 3: real prose with half-width commas that P103 reports and fixes.
PROSE = SEED_000.splitlines()[2]


def positions(doc: Document, linter: Linter) -> list[tuple[str, int, int]]:
    return [(f.code, *doc.position(f.start)) for f in linter.lint(doc)]


# ---- a NUL byte in a text file ------------------------------------------------------------


def test_one_nul_in_a_utf8_text_file_is_linted_and_reported(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(SEED_000.replace("民生无小事", "民生\x00无小事", 1).encode())
    result = run_cli("check", "--no-cache", "--format", "concise", "--select", "E103", str(path))
    assert "binary" not in result.stdout
    assert f"{path}:3:3: E103" in result.stdout
    assert result.returncode == 1


def _elf_head() -> bytes:
    with open(sys.executable, "rb") as handle:
        return handle.read(8192)


def _zip_of_text() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", SEED_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (_zip_of_text(), "zip archive"),
        (_elf_head(), "ELF executable"),
        # No magic number: NULs in bytes that are not UTF-8 (a GBK text padded with NULs).
        ("民生无小事".encode("gbk") + b"\x00" * 3 + "枝叶总关情".encode("gbk"), "NUL"),
        # Valid UTF-8, but padded: NULs are more than 1% of the first 8 KB.
        (PROSE.encode() + b"\x00" * 64, "NUL"),
    ],
)
def test_real_binaries_are_still_skipped(raw, kind):
    with pytest.raises(SourceError, match=f"binary file .*{kind}"):
        parse_source(raw, "x.txt")


# ---- CR-only line endings -----------------------------------------------------------------


def test_cr_only_text_reports_each_finding_on_its_own_line():
    linter = Linter(Config())
    lf = Document(SEED_000)
    cr = Document(SEED_000.replace("\n", "\r"))
    found = positions(cr, linter)
    # Paragraphs still split at \n only (the rules key them so), so a paragraph rule may
    # see a CR file differently; every finding reported sits where the LF file has it.
    assert len({line for _, line, _ in found}) > 5
    assert len(found) > 0.9 * len(positions(lf, linter))
    assert set(found) <= set(positions(lf, linter))


@pytest.mark.parametrize(
    ("text", "newline"),
    [("甲\n乙\n", "\n"), ("甲\r\n乙\r\n", "\r\n"), ("甲\r乙\r", "\r"), ("甲乙", "\n")],
)
def test_the_document_knows_its_line_ending(text, newline):
    assert Document(text).newline == newline


# ---- lone surrogates from JSON escapes ----------------------------------------------------

SURROGATE_RECORD = '{"id": "s1", "text": "絲\\ud800綢之路,全長七千公里。"}\n'


def test_fixing_a_record_with_a_lone_surrogate_keeps_its_other_characters():
    linter = Linter(Config(select=("P103",)))  # rules that read the text without encoding it
    result, output = process_stdin(SURROGATE_RECORD.encode(), "x.jsonl", linter, fix=True)
    assert result.error is None and result.fixed_count == 1
    assert output.decode() == SURROGATE_RECORD.replace("路,", "路，")


def test_splice_writes_only_the_surrogate_as_an_escape():
    line = SURROGATE_RECORD.encode()
    spliced = splice(line, ("text",), "絲\ud800綢之路，全長七千公里。")
    assert spliced.decode() == SURROGATE_RECORD.replace("路,", "路，")
    assert len(spliced) < 1.2 * len(line)  # not the whole field as \\uXXXX escapes


def test_the_document_shows_where_its_lone_surrogates_are():
    source = parse_source(SURROGATE_RECORD.encode(), "x.jsonl")
    (doc,) = source.documents
    assert [doc.slice(s) for s in doc.lone_surrogates] == ["\ud800"]
    assert [(s.start, s.end) for s in doc.lone_surrogates] == [(1, 2)]


def test_the_corpus_pass_hashes_text_with_lone_surrogates():
    from cnlint.fingerprint import ngram_hashes, stable_hash

    text = "絲\ud800綢之路，全長七千公里。"
    assert stable_hash(text) != stable_hash(text.replace("\ud800", ""))
    assert len(ngram_hashes(text, 3)) == len(text) - 2


# ---- JSON nested deeper than Python's parser goes -----------------------------------------


def _deep_record(depth: int, text: str = PROSE) -> str:
    return json.dumps({"id": "deep", "meta": 0, "text": text}, ensure_ascii=False).replace(
        '"meta": 0', '"meta": ' + "[" * depth + "]" * depth
    )


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_a_deeply_nested_field_does_not_stop_the_record(depth):
    raw = (_deep_record(depth) + "\n" + json.dumps({"text": "枝叶总关情。"}) + "\n").encode()
    source = parse_source(raw, "x.jsonl")
    assert source.problems == []
    assert [(d.text, d.record.id) for d in source.documents] == [
        (PROSE, "deep"),
        ("枝叶总关情。", None),
    ]


def test_a_deeply_nested_record_is_fixed_in_place(tmp_path):
    path = tmp_path / "deep.jsonl"
    record = _deep_record(5_000)
    path.write_text(record + "\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--no-cache", "--select", "P103", str(path))
    assert result.returncode == 0, result.stderr
    fixed = _deep_record(5_000, PROSE.replace(",", "，"))
    assert path.read_text(encoding="utf-8") == fixed + "\n"


def test_a_deep_text_field_is_one_clear_record_error():
    deep_text = '{"text": ' + "[" * 5_000 + "]" * 5_000 + "}\n"
    source = parse_source(deep_text.encode() + b'{"text": "\xe6\xad\xa3"}\n', "x.jsonl")
    assert [d.text for d in source.documents] == ["正"]
    assert source.problems == ["line 1: text field 'text' is a JSON array, not a string"]


# ---- memory that stays flat in the size of one JSONL file ---------------------------------


def _records(count: int) -> bytes:
    lines = [line for line in SEED_000.splitlines() if len(line) > 20]
    return "".join(
        json.dumps({"id": f"r{i}", "text": lines[i % len(lines)]}, ensure_ascii=False) + "\n"
        for i in range(count)
    ).encode()


def _peak_streaming(path, monkeypatch) -> tuple[int, int]:
    import tracemalloc

    from cnlint.engine.parallel import FileJob, Mode, run_files
    from cnlint.inputs import streaming

    monkeypatch.setattr(streaming, "BLOCK_BYTES", 1 << 16)
    job = FileJob(Linter(Config(select=("P103",))), Mode())
    tracemalloc.start()
    parts = findings = 0
    for result in run_files([path], job, 1, join=False):
        parts += 1
        findings += len(result.findings)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert findings > 0
    return peak, parts


def test_a_compressed_jsonl_file_is_linted_in_flat_memory(tmp_path, monkeypatch):
    import gzip

    small, large = tmp_path / "small.jsonl.gz", tmp_path / "large.jsonl.gz"
    small.write_bytes(gzip.compress(_records(1_000)))
    large.write_bytes(gzip.compress(_records(8_000)))
    small_peak, _ = _peak_streaming(small, monkeypatch)
    large_peak, parts = _peak_streaming(large, monkeypatch)
    assert parts > 10
    assert large_peak < 1.5 * small_peak  # 8x the records, not 8x the memory


def test_a_fix_is_streamed_into_the_compressed_file(tmp_path):
    import gzip

    raw = _records(3_000)
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress(raw, mtime=1_600_000_000))
    result = run_cli("check", "--fix", "--no-cache", "--select", "P103", str(path))
    assert result.returncode == 0, result.stderr
    fixed = gzip.decompress(path.read_bytes())
    assert fixed == process_stdin(raw, "x.jsonl", Linter(Config(select=("P103",))), fix=True)[1]
    assert fixed.count(b"\n") == 3_000 and fixed != raw
    assert path.read_bytes()[4:8] == (1_600_000_000).to_bytes(4, "little")  # header kept
    assert not list(tmp_path.glob(".*cnlint-tmp"))


def test_a_compression_bomb_is_one_file_error_and_the_run_goes_on(tmp_path):
    import gzip

    (tmp_path / "cnlint.toml").write_text("max-document-size = 1000000\n", encoding="utf-8")
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b'{"text": "' + b"0" * 60_000_000, compresslevel=1))
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(_records(10)))
    result = run_cli(
        "check", "--fix", "--no-cache", "--select", "P103", "--format", "concise", str(tmp_path)
    )
    assert result.returncode == 2
    assert f"{bomb}: error: line 1: record over max-document-size (1.0 MB) in compressed" in (
        result.stderr
    )
    assert b"\xef\xbc\x8c" in gzip.decompress(good.read_bytes())  # the other file was fixed


def test_a_corrupt_tail_leaves_the_compressed_file_unwritten(tmp_path):
    import gzip

    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(_records(2_000))
    path.write_bytes(data[: len(data) - 40])
    result = run_cli("check", "--fix", "--no-cache", "--select", "P103", str(path))
    assert result.returncode == 2
    assert path.read_bytes() == data[: len(data) - 40]
    assert not list(tmp_path.glob(".*cnlint-tmp"))


def test_a_bomb_read_whole_stops_at_the_line_limit():
    import gzip

    # stdin, `fix --out` and the corpus pass read a file whole: the same line limit holds.
    bomb = gzip.compress(b'{"text": "' + b"0" * 60_000_000, compresslevel=1)
    with pytest.raises(SourceError, match=r"line 1: record over max-document-size \(1.0 MB\)"):
        parse_source(bomb, "bomb.jsonl.gz", SourceOptions(max_document_size=1_000_000))


def test_a_read_only_jsonl_file_is_reported_as_it_is(tmp_path):
    path = tmp_path / "locked.jsonl"
    raw = _records(20)
    path.write_bytes(raw)
    path.chmod(0o444)
    result = run_cli(
        "check", "--fix", "--no-cache", "--select", "P103", "--format", "concise", str(path)
    )
    assert result.returncode == 2
    assert f"{path}: error: cannot write fix: read-only file, not overwritten" in result.stderr
    assert result.stdout.count(": P103") > 10  # the findings of the text still on disk
    assert path.read_bytes() == raw


def test_a_large_json_array_is_one_error_not_one_per_line(tmp_path, monkeypatch):
    from cnlint.engine.run import process_stream
    from cnlint.inputs import streaming

    monkeypatch.setattr(streaming, "BLOCK_BYTES", 1 << 12)
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"text": PROSE}] * 200, ensure_ascii=False, indent=1))
    parts = list(process_stream(path, Linter(Config(select=("P103",)))))
    errors = [part.error for part in parts if part.error]
    assert errors == ["a JSON array, not JSON Lines (one object a line); " + WHOLE_FILE_HINT]
