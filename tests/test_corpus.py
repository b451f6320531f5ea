"""The corpus pass finds copies, near copies and boilerplate in a corpus generated from real text.

Documents: the 25 SogouCS news pages of ../shared/corpus/external/dirty/sogoucs_*.txt (see
PROVENANCE.md, "sogoucs"); the boilerplate paragraph is the breadcrumb line of seed 002.
"""

import json
import random
from collections import Counter

from typer.testing import CliRunner

from cnlint.cli import app
from cnlint.engine.corpus import corpus_linter, run_corpus
from cnlint.engine.run import Report
from cnlint.fingerprint import HashCounter, band_keys, lsh_bands, minhash
from cnlint.rule import best_original

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need

BOILERPLATE_DOCS = 8


def breadcrumb() -> str:
    lines = (SEEDS / "002_84b364ab668f5adc.txt").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("当前位置"))


def edit_a_few_characters(text: str, rng: random.Random) -> str:
    chars = list(text)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(han, 6):
        chars[i] = "某"
    return "".join(chars)


def first_paragraph(path) -> str:
    return next(p for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20)


def build_corpus(folder):
    """25 news pages, one exact copy, one near copy, one breadcrumb shared by 8 pages."""
    rng = random.Random(8)
    pages = sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt"))
    assert len(pages) == 25
    texts = {p.name: p.read_text(encoding="utf-8") for p in pages}
    boilerplate = breadcrumb()
    # The copied pages stay out of the shared ones, so each boilerplate line has one owner.
    candidates = sorted(set(texts) - {"sogoucs_003.txt", "sogoucs_006.txt"})
    shared = sorted(rng.sample(candidates, BOILERPLATE_DOCS))
    for name in shared:
        texts[name] = boilerplate + "\n\n" + texts[name]
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    # An exact copy whose whitespace differs (indentation, blank lines) is still a copy.
    original = texts["sogoucs_003.txt"]
    copy = "\n\n".join("\u3000\u3000" + line for line in original.splitlines())
    (folder / "z_copy.txt").write_text(copy, encoding="utf-8")
    (folder / "z_near.txt").write_text(
        edit_a_few_characters(texts["sogoucs_006.txt"], rng), encoding="utf-8"
    )
    return boilerplate, shared


def test_corpus_pass_finds_copies_near_copies_and_boilerplate(tmp_path):
    boilerplate, shared = build_corpus(tmp_path)
    files = sorted(tmp_path.glob("*.txt"))
    report = Report(run_corpus(files, corpus_linter(), lint_documents=False))
    by_code: dict[str, list[tuple[str, str, str]]] = {}
    for doc, finding in report.findings:
        name = doc.path.rsplit("/", 1)[-1]
        text = doc.text[finding.start : finding.end]
        by_code.setdefault(finding.code, []).append((name, text, finding.message))

    assert [(n, m.split("/")[-1]) for n, _, m in by_code["D201"]] == [
        ("z_copy.txt", "sogoucs_003.txt")
    ]
    ((near_name, _, near_message),) = by_code["D202"]
    assert near_name == "z_near.txt"
    assert near_message.startswith("Near duplicate (") and near_message.endswith("sogoucs_006.txt")
    boilerplate_hits = by_code["D203"]
    assert sorted(n for n, _, _ in boilerplate_hits) == shared
    assert {t for _, t, _ in boilerplate_hits} == {boilerplate}
    assert set(by_code) == {"D201", "D202", "D203"}


def test_corpus_pass_is_silent_on_distinct_documents(tmp_path):
    for page in sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt")):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    files = sorted(tmp_path.glob("*.txt"))
    assert Report(run_corpus(files, corpus_linter(), lint_documents=False)).findings == []


def test_corpus_verb_reports_json(tmp_path):
    build_corpus(tmp_path)
    result = CliRunner().invoke(app, ["corpus", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1, result.output
    codes = Counter(record["code"] for record in json.loads(result.output))
    assert codes == {"D201": 1, "D202": 1, "D203": BOILERPLATE_DOCS}


def check_json(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


def test_check_with_corpus_adds_corpus_findings_to_rule_findings(tmp_path):
    """A shared paragraph no rule flags is D203's; the breadcrumbs are B102's alone: its fix
    drops the line, so the boilerplate paragraph is the same defect (one defect, one finding)."""
    boilerplate, shared = build_corpus(tmp_path)
    remark = "\n\n" + first_paragraph(sorted(need(CLEAN_CORPUS).glob("*.txt"))[0])
    for name in shared:
        with (tmp_path / name).open("a", encoding="utf-8") as out:
            out.write(remark)
    plain = check_json(str(tmp_path))
    both = check_json(str(tmp_path), "--corpus")
    plain_codes = Counter(r["code"] for r in plain)
    both_codes = Counter(r["code"] for r in both)
    assert both_codes - plain_codes == {"D201": 1, "D202": 1, "D203": BOILERPLATE_DOCS}
    assert {r["text"] for r in both if r["code"] == "D203"} == {remark.strip()}
    breadcrumbs = [r for r in both if r["code"] == "B102"]
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in breadcrumbs) == shared
    assert {r["text"].rstrip("\n") for r in breadcrumbs} == {boilerplate}  # the line it drops


def test_a_copy_is_reported_when_a_fix_drops_its_first_paragraph(tmp_path):
    """D201 and D202 judge the whole document; they only sit on its first paragraph."""
    boilerplate, _ = build_corpus(tmp_path)
    for name in ("sogoucs_003.txt", "z_copy.txt", "z_near.txt"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(boilerplate + "\n\n" + text, encoding="utf-8")
    found = check_json(str(tmp_path), "--corpus")
    copies = {r["code"]: r for r in found if r["code"] in ("D201", "D202")}
    assert set(copies) == {"D201", "D202"}
    for record in copies.values():
        assert record["text"] == boilerplate
        assert any(r["code"] == "B102" and r["path"] == record["path"] for r in found)


def test_corpus_rules_are_selected_ignored_and_explained_like_any_rule(tmp_path):
    build_corpus(tmp_path)
    runner = CliRunner()

    def codes(*args):
        result = runner.invoke(app, ["check", str(tmp_path), "--corpus", "--format", "json", *args])
        assert result.exit_code in (0, 1), result.output
        return Counter(r["code"] for r in json.loads(result.output))

    assert codes("--select", "D201") == {"D201": 1}
    assert codes("--select", "D2", "--ignore", "D203") == {"D201": 1, "D202": 1}
    # Per-file ignores reach corpus findings: the copy's own finding goes, not the others.
    (tmp_path / "cnlint.toml").write_text(
        '[per-file-ignores]\n"z_copy.txt" = ["D201"]\n', encoding="utf-8"
    )
    config = ["--config", str(tmp_path / "cnlint.toml")]
    assert codes("--select", "D2", *config) == {"D202": 1, "D203": BOILERPLATE_DOCS}
    explained = runner.invoke(app, ["explain", "D201"])
    assert explained.exit_code == 0 and "duplicate-document" in explained.output
    listed = runner.invoke(app, ["rules"])
    assert all(code in listed.output for code in ("D201", "D202", "D203"))


def test_corpus_verb_flags_set_the_corpus_rule_options(tmp_path):
    build_corpus(tmp_path)
    result = CliRunner().invoke(
        app, ["corpus", str(tmp_path), "--format", "json", "--boilerplate-min-docs", "9"]
    )
    codes = Counter(record["code"] for record in json.loads(result.output))
    assert codes == {"D201": 1, "D202": 1}  # the breadcrumb is in 8 documents, not 9


def test_near_duplicate_signature_tracks_the_edit_size():
    text = (need(DIRTY_CORPUS) / "sogoucs_006.txt").read_text(encoding="utf-8")
    rng = random.Random(1)
    similar = minhash(edit_a_few_characters(text, rng), 5, 128).jaccard(minhash(text, 5, 128))
    other = (DIRTY_CORPUS / "sogoucs_001.txt").read_text(encoding="utf-8")
    unrelated = minhash(other, 5, 128).jaccard(minhash(text, 5, 128))
    assert similar > 0.9
    assert unrelated < 0.1


def test_hash_counter_folds_buffers_without_losing_counts():
    rng = random.Random(3)
    values = [rng.randrange(50) * 0x9E3779B97F4A7C15 % 2**64 for _ in range(1000)]
    counter = HashCounter(buffer_size=64)
    for start in range(0, len(values), 10):
        counter.add(values[start : start + 10])
    expected = Counter(values)
    assert counter.at_least(1) == dict(expected)
    assert counter.at_least(25) == {v: n for v, n in expected.items() if n >= 25}
    assert len(counter) == len(expected)


def test_band_keys_meet_where_datasketch_lsh_finds_candidates():
    from datasketch import MinHashLSH

    rng = random.Random(5)
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(DIRTY_CORPUS).glob("sogoucs_*"))]
    texts += [edit_a_few_characters(text, rng) for text in texts[:10]]
    signatures = [minhash(text, 5, 128) for text in texts]
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    bands = lsh_bands(0.8, 128)
    keys = [set(band_keys(s.hashvalues, *bands)) for s in signatures]
    for index, signature in enumerate(signatures[:25]):
        lsh.insert(index, signature)
    for index, signature in enumerate(signatures):
        met = {earlier for earlier in range(25) if keys[earlier] & keys[index]}
        assert met == set(lsh.query(signature))
    # Not a vacuous equality: edited pages meet their originals.
    assert sum(bool(keys[25 + i] & keys[i]) for i in range(10)) >= 5


def test_a_copy_names_the_earliest_of_equally_similar_originals():
    assert best_original([(7, 0.81), (3, 0.81), (5, None)]) == (3, 0.81)
    assert best_original([(3, 0.8), (7, 0.9)]) == (7, 0.9)
    assert best_original([(3, None)]) is None
