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
    assert "Dropped 1 JSONL records and 1 text files" in result.stdout


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
