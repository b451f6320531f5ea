"""`cnlint fix SRC... --out DIR`: fixed copies in the same layout; sources untouched."""

import gzip
import json

from conftest import run_cli

# Seed 000, line 7 (D1): a half-width comma; --fix turns it into '，'.
DIRTY = "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
# Seed 004, line 91 (D19): an English word inside Chinese prose; reported, never fixed.
LEAK = "激发了广大党员为群众办事的积极性 and 主动性。\n"
CLEAN = "民生无小事，枝叶总关情。\n"


def records(*texts):
    return "".join(
        json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n"
        for i, t in enumerate(texts)
    )


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def make_sources(root):
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (root / "a" / "leak.txt").write_text(LEAK, encoding="utf-8")
    (root / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / "docs.jsonl.gz").write_bytes(gzip.compress(records(CLEAN, DIRTY, LEAK).encode()))
    return snapshot(root)


def test_copies_keep_the_layout_and_leave_the_sources_alone(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    before = make_sources(src)
    single = tmp_path / "single.jsonl"
    single.write_text(records(DIRTY), encoding="utf-8")
    result = run_cli("fix", str(src), str(single), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert snapshot(src) == before and single.read_text(encoding="utf-8") == records(DIRTY)
    copies = snapshot(out)
    assert sorted(map(str, copies)) == [
        "a/b/dirty.txt",
        "a/leak.txt",
        "clean.txt",
        "docs.jsonl.gz",
        "single.jsonl",
    ]
    fixed = DIRTY.replace("”,", "”，")
    assert copies[out.joinpath("a/b/dirty.txt").relative_to(out)].decode() == fixed
    assert gzip.decompress(copies[out.joinpath("docs.jsonl.gz").relative_to(out)]).decode() == (
        records(CLEAN, fixed, LEAK)
    )
    assert "Wrote 5 files" in result.stdout and "(3 changed, 3 findings fixed)" in result.stdout


def test_drop_failing_leaves_out_failing_documents_and_counts_them(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    make_sources(src)
    result = run_cli("fix", str(src), "--out", str(out), "--drop-failing", "warning")
    assert result.returncode == 0, result.stderr
    assert not (out / "a" / "leak.txt").exists()
    kept = gzip.decompress((out / "docs.jsonl.gz").read_bytes()).decode()
    assert kept == records(CLEAN, DIRTY.replace("”,", "”，"), LEAK).replace(
        records(LEAK).replace("r0", "r2"), ""
    )
    assert "Dropped 1 JSONL record and 1 text file with findings" in result.stdout


def test_nothing_is_dropped_unless_asked(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    make_sources(src)
    assert run_cli("fix", str(src), "--out", str(out)).returncode == 0
    assert (out / "a" / "leak.txt").read_text(encoding="utf-8") == LEAK


def test_out_may_not_be_a_source_folder(tmp_path):
    tmp_path.joinpath("x.txt").write_text(DIRTY, encoding="utf-8")
    result = run_cli("fix", str(tmp_path), "--out", str(tmp_path))
    assert result.returncode == 2 and "source folder" in result.stderr
    assert tmp_path.joinpath("x.txt").read_text(encoding="utf-8") == DIRTY


def test_unreadable_file_gets_no_copy_and_exit_2(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    (src / "good.txt").write_text(DIRTY, encoding="utf-8")
    (src / "bad.jsonl").write_text(records(DIRTY) + "not json\n", encoding="utf-8")
    result = run_cli("fix", str(src), "--out", str(out))
    assert result.returncode == 2
    assert f"{src / 'bad.jsonl'}: error: line 2: not valid JSON" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.txt"]


def test_out_inside_a_source_folder_is_refused_and_nothing_written(tmp_path):
    src = tmp_path / "corpus"
    sources = make_sources(src)
    result = run_cli("fix", str(src), "--out", str(src / "a"))
    assert result.returncode == 2
    assert f"--out {src / 'a'} is inside the source folder {src}" in result.stderr
    assert snapshot(src) == sources


def test_out_containing_a_source_is_refused_and_nothing_written(tmp_path):
    src = tmp_path / "corpus"
    sources = make_sources(src)
    for source in (src / "a", src / "a" / "leak.txt"):
        result = run_cli("fix", str(source), "--out", str(src))
        assert result.returncode == 2
        assert f"--out {src} contains the source {source}" in result.stderr
        assert snapshot(src) == sources


def test_rejected_out_keeps_every_dropped_document_with_the_findings_that_dropped_it(tmp_path):
    src, out, rejected = tmp_path / "corpus", tmp_path / "clean", tmp_path / "rejected.jsonl"
    src.mkdir()
    make_sources(src)
    result = run_cli(
        "fix", str(src), "--out", str(out), "--drop-failing", "warning",
        "--rejected-out", str(rejected),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in rejected.read_text(encoding="utf-8").splitlines()]
    by_place = {(e["path"], json.dumps(e["record"])): e for e in entries}
    assert sorted(by_place) == [
        (str(src / "a" / "leak.txt"), "null"),
        (str(src / "docs.jsonl.gz"), json.dumps({"line": 3, "id": "r2"})),
    ]
    for entry in entries:
        assert entry["text"] == LEAK and entry["drop_level"] == "warning"
        assert [(f["code"], f["text"], f["line"]) for f in entry["findings"]] == [
            ("L101", "and", 1)
        ]
    assert "Dropped documents and their findings: " in result.stdout
    # The kept copies are the same as without --rejected-out.
    assert not (out / "a" / "leak.txt").exists()


def test_rejected_out_lists_only_findings_at_or_above_the_level(tmp_path):
    src, out, rejected = tmp_path / "corpus", tmp_path / "clean", tmp_path / "r" / "x.jsonl"
    src.mkdir()
    # A warning that drops it (L101) and an info finding that would not (T203, no final newline).
    (src / "leak.txt").write_text(LEAK.rstrip("\n"), encoding="utf-8")
    result = run_cli(
        "fix", str(src), "--out", str(out), "--drop-failing", "warning",
        "--rejected-out", str(rejected), "--select", "L101,T203",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (entry,) = [json.loads(line) for line in rejected.read_text(encoding="utf-8").splitlines()]
    assert [f["code"] for f in entry["findings"]] == ["L101"]
    assert entry["text"] == LEAK  # the text after fixing: T203's safe fix added the newline


def test_rejected_out_needs_drop_failing_and_nothing_dropped_gives_an_empty_file(tmp_path):
    src, out, rejected = tmp_path / "corpus", tmp_path / "clean", tmp_path / "rejected.jsonl"
    src.mkdir()
    (src / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("fix", str(src), "--out", str(out), "--rejected-out", str(rejected))
    assert result.returncode == 2 and "--rejected-out needs --drop-failing" in result.stderr
    assert not rejected.exists()
    result = run_cli(
        "fix", str(src), "--out", str(out), "--drop-failing", "info",
        "--rejected-out", str(rejected),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert rejected.read_text(encoding="utf-8") == ""
    assert not list(tmp_path.glob(".rejected.jsonl.*"))  # no temp file left behind


def test_rejected_out_that_cannot_be_written_is_an_error(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    (src / "leak.txt").write_text(LEAK, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run_cli(
        "fix", str(src), "--out", str(out), "--drop-failing", "warning",
        "--rejected-out", str(blocker / "rejected.jsonl"),
    )  # fmt: skip
    assert result.returncode == 2 and "cannot write --rejected-out" in result.stderr


def test_out_that_is_a_file_is_refused_before_anything_is_fixed(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text(DIRTY, encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# notes\n", encoding="utf-8")
    result = run_cli("fix", str(src), "--out", str(notes))
    assert result.returncode == 2
    assert f"--out {notes} is a file; give a folder for the copies" in result.stderr
    assert "findings fixed" not in result.stdout  # nothing was fixed, so nothing is claimed
    assert notes.read_text(encoding="utf-8") == "# notes\n"


def test_a_copy_that_cannot_be_written_counts_no_fixes(tmp_path):
    src, out = tmp_path / "corpus", tmp_path / "clean"
    src.mkdir()
    (src / "x.txt").write_text(DIRTY, encoding="utf-8")
    (out / "x.txt").mkdir(parents=True)  # the copy's place is taken by a folder
    result = run_cli("fix", str(src), "--out", str(out))
    assert result.returncode == 2
    assert f"cannot write {out / 'x.txt'}" in result.stderr
    assert "Wrote 0 files" in result.stdout and "(0 changed, 0 findings fixed)" in result.stdout
