"""JSON Lines sources: reading records, locating findings, and fixing only the text field."""

import gzip
import json

import pytest
import zstandard

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_file, process_stdin
from cnlint.inputs.jsonl import parse as jsonl_parse
from cnlint.inputs.jsonl import splice, value_span
from cnlint.inputs.sources import SourceOptions, parse_source, read_source

from conftest import SEEDS, run_cli

SEED_FILES = sorted(SEEDS.glob("*.txt"))
# Seed 000, line 7 (D1: a half-width comma after a closing quote); fixed: '，'.
DIRTY = "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。"
# From ../shared/corpus/external/clean/c3_001.txt style: correct full-width punctuation.
CLEAN = "民生无小事，枝叶总关情。"


def linter() -> Linter:
    return Linter(Config(select=("ALL",)))


def seeds_jsonl(path, **dump_options):
    """One record per seed, with fields before and after the text and a nested meta object."""
    lines = []
    for seed in SEED_FILES:
        record = {"id": seed.stem, "text": seed.read_text(encoding="utf-8"), "meta": {"n": 1}}
        lines.append(json.dumps(record, **dump_options) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def located(findings):
    return sorted(
        (doc.record.line if doc.record else None, f.code, f.start, f.end) for doc, f in findings
    )


def test_jsonl_of_the_seeds_reports_what_the_txt_seeds_report(tmp_path):
    path = seeds_jsonl(tmp_path / "seeds.jsonl", ensure_ascii=False)
    result = process_file(path, linter())
    assert result.error is None
    from_jsonl = {}
    for doc, finding in result.findings:
        from_jsonl.setdefault(doc.record.id, []).append((finding.code, finding.start, finding.end))
    for number, seed in enumerate(SEED_FILES, start=1):
        txt = process_file(seed, linter())
        # T203 (missing final newline) is about files; a record's text is not a file.
        expected = [(f.code, f.start, f.end) for _, f in txt.findings if f.code != "T203"]
        assert from_jsonl.get(seed.stem, []) == expected, seed.name
        docs = [d.doc for d in result.documents if d.doc.record.id == seed.stem]
        assert docs[0].record.line == number
    assert sum(len(v) for v in from_jsonl.values()) > 500  # the seeds are dirty: this is real


def test_concise_and_json_reports_name_file_record_line_id_and_text_position(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": CLEAN}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": 7, "text": "标题\n" + DIRTY}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    concise = run_cli("check", "--format", "concise", "--select", "P103", str(path))
    assert concise.returncode == 1
    assert concise.stdout.splitlines()[0].startswith(f"{path}:2 [id 7] 2:34: P103")
    report = json.loads(run_cli("check", "--format", "json", "--select", "P103", str(path)).stdout)
    assert report[0]["path"] == str(path)
    assert report[0]["record"] == {"line": 2, "id": "7"}
    assert (report[0]["line"], report[0]["column"]) == (2, 34)


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_fix_changes_only_the_text_fields(tmp_path, ensure_ascii):
    path = seeds_jsonl(tmp_path / "seeds.jsonl", ensure_ascii=ensure_ascii)
    before = path.read_bytes()
    result = run_cli("check", "--fix", str(path))
    assert result.returncode in (0, 1), result.stderr
    after = path.read_bytes()
    assert after != before
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert len(old_lines) == len(new_lines)
    for old, new in zip(old_lines, new_lines, strict=True):
        old_record, new_record = json.loads(old), json.loads(new)
        assert list(old_record) == list(new_record)  # key order kept
        assert {**old_record, "text": None} == {**new_record, "text": None}
        start, end = value_span(old.decode(), ("text",))
        new_start, new_end = value_span(new.decode(), ("text",))
        assert old.decode()[:start] == new.decode()[:new_start]  # bytes before the text
        assert old.decode()[end:] == new.decode()[new_end:]  # and after it
        assert new.isascii() == ensure_ascii  # the escaping style of the file is kept


def test_untouched_records_line_endings_and_bom_stay_byte_identical(tmp_path):
    clean = json.dumps({"text": CLEAN, "id": "c"}, ensure_ascii=False).encode()
    odd = b'{ "id" : "d",\t"text":"' + DIRTY.encode() + b'" , "x":[1, 2] }'
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + clean + b"\r\n\r\n" + odd + b"\r\n" + clean)
    process_file(path, linter(), fix=True, write=True)
    fixed_odd = odd.replace(b"\xe2\x80\x9d,", "”，".encode())
    assert fixed_odd != odd
    assert path.read_bytes() == b"\xef\xbb\xbf" + clean + b"\r\n\r\n" + fixed_odd + b"\r\n" + clean


def test_nested_text_field_and_id_field(tmp_path):
    path = tmp_path / "nested.jsonl"
    record = {"meta": {"uid": "u1"}, "content": {"title": "x", "body": DIRTY}, "text": "not me"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    options = SourceOptions(text_field="content.body", id_field="meta.uid")
    source = read_source(path, options)
    (doc,) = source.documents
    assert doc.text == DIRTY and doc.record.id == "u1" and doc.record.line == 1
    fixed = json.loads(source.render([CLEAN], "utf-8"))
    assert fixed == {**record, "content": {"title": "x", "body": CLEAN}}


def test_splice_keeps_escaped_slashes_and_takes_the_last_duplicate_key():
    line = b'{"text": "a", "url": "http:\\/\\/x", "text": "http:\\/\\/y \xe4\xb8\xad"}'
    new = splice(line, ("text",), "http://y 中，")
    assert (
        new
        == b'{"text": "a", "url": "http:\\/\\/x", "text": "http:\\/\\/y \xe4\xb8\xad\xef\xbc\x8c"}'
    )
    assert json.loads(new)["text"] == "http://y 中，"


@pytest.mark.parametrize(
    ("suffix", "pack", "unpack"),
    [
        (".gz", gzip.compress, gzip.decompress),
        (".zst", zstandard.compress, lambda b: zstandard.ZstdDecompressor().decompress(b)),
    ],
)
def test_compressed_sources_are_read_and_stay_compressed(tmp_path, suffix, pack, unpack):
    plain = seeds_jsonl(tmp_path / "plain.jsonl", ensure_ascii=False)
    packed = tmp_path / f"seeds.jsonl{suffix}"
    packed.write_bytes(pack(plain.read_bytes()))
    text_seed = tmp_path / f"seed.txt{suffix}"
    text_seed.write_bytes(pack(SEED_FILES[3].read_bytes()))
    for path in (plain, packed, text_seed):
        process_file(path, linter(), fix=True, write=True)
    assert unpack(packed.read_bytes()) == plain.read_bytes()  # fixed exactly like the plain file
    assert (
        unpack(text_seed.read_bytes()).decode()
        == linter().fix(read_source(SEED_FILES[3]).documents[0]).text
    )


def test_stdin_lints_and_fixes_by_the_stdin_filename(tmp_path):
    data = json.dumps({"id": "s", "text": DIRTY}, ensure_ascii=False) + "\n"
    report = run_cli(
        "check", "-", "--stdin-filename", "in.jsonl", "--format", "concise", stdin=data
    )
    assert report.returncode == 1
    assert report.stdout.startswith("in.jsonl:1 [id s] 1:34: P103")
    fixed = run_cli("check", "--fix", "-", "--stdin-filename", "in.jsonl", stdin=data)
    assert fixed.stdout == data.replace("”,", "”，")
    assert "P103" not in fixed.stderr


def test_stdin_is_jsonl_when_a_jsonl_field_is_named():
    data = json.dumps({"id": "s", "body": DIRTY}, ensure_ascii=False) + "\n"
    report = run_cli("check", "-", "--text-field", "body", "--format", "concise", stdin=data)
    assert report.returncode == 1
    assert report.stdout.startswith("-:1 [id s] 1:34: P103")
    fixed = run_cli("check", "--fix", "-", "--text-field", "body", stdin=data)
    assert fixed.stdout == data.replace("”,", "”，")
    as_text = run_cli("check", "-", "--format", "concise", stdin=data)
    assert "[id s]" not in as_text.stdout  # no field named: the bytes are text


def test_parse_source_is_a_function_of_bytes_and_options():
    raw = (json.dumps({"body": DIRTY}, ensure_ascii=False) + "\n").encode()
    source = parse_source(raw, "x.jsonl", SourceOptions(text_field="body"))
    assert [d.text for d in source.documents] == [DIRTY]
    assert source.render([DIRTY], "utf-8") == raw


def test_location_without_an_id_is_record_line_then_text_position(tmp_path):
    path = tmp_path / "no-id.jsonl"
    path.write_text(json.dumps({"text": DIRTY}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "concise", "--select", "P103", str(path))
    assert result.stdout.startswith(f"{path}:1 1:34: P103")


def test_a_json_array_or_pretty_printed_document_is_one_error_with_a_hint():
    hint = "not JSON Lines (one object a line); exclude it, or convert an array with jq -c '.[]'"
    cases = {
        b'[\n  {"text": "x"}\n]\n': "a JSON array",
        b'\xef\xbb\xbf [{"text": "x"}, {"text": "y"}]': "a JSON array",
        b'{\n  "name": "cnlint",\n  "text": "x"\n}\n': "one JSON document over 4 lines",
    }
    for raw, what in cases.items():
        source = parse_source(raw, "dump.json")
        assert source.documents == []
        assert source.problems == [f"{what}, {hint}"]
    broken = parse_source(b'{"text": "x"\n{"text": "y"}\n', "broken.jsonl")  # JSONL, one bad line
    assert [p.split(":")[0] for p in broken.problems] == ["line 1"]
    assert [d.text for d in broken.documents] == ["y"]


def test_parallel_jobs_read_jsonl_with_the_configured_fields(tmp_path):
    for i in range(6):  # enough files for the process pool
        record = {"meta": {"key": f"k{i}"}, "body": DIRTY}
        (tmp_path / f"part{i}.jsonl").write_text(
            json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    args = ["--text-field", "body", "--id-field", "meta.key", "--format", "concise"]
    result = run_cli("check", "--jobs", "2", "--no-cache", *args, "--select", "P103", str(tmp_path))
    assert result.returncode == 1, result.stderr
    lines = sorted(result.stdout.splitlines())
    assert lines == [
        f"{tmp_path / f'part{i}.jsonl'}:1 [id k{i}] 1:34: P103 {lines[i].split(' P103 ')[1]}"
        for i in range(6)
    ]


def test_a_range_of_a_large_file_starting_with_an_array_record_is_not_an_array_file():
    options = SourceOptions()
    documents, _, problems = jsonl_parse(b'[1, 2]\n{"text": "x"}\n', "big.jsonl", options, 41)
    assert [d.record.line for d in documents] == [42]
    assert problems == ["line 41: record is a JSON array, not an object"]


def test_stdin_filename_picks_the_per_file_config():
    config = Config(per_file_ignores={"legacy/*.txt": ("P103",)})
    dirty = (DIRTY + "\n").encode()
    ignored, _ = process_stdin(dirty, "legacy/a.txt", Linter(config))
    checked, _ = process_stdin(dirty, "new/a.txt", Linter(config))
    assert [f.code for _, f in ignored.findings] == []
    assert [f.code for _, f in checked.findings] == ["P103"]
