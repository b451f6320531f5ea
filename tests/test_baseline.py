"""Baselines: a corpus with known defects passes; a new defect fails, alone."""

import json

import pytest

from cnlint.ci.baseline import fingerprint, normalize
from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter

from conftest import run_cli

SEED_001 = "001_0303bf1f787c62bf.txt"
SEED_000 = "000_35d55cf4af66c7c1.txt"
# Clean prose in the style of ../shared/corpus/external/clean/ (full-width punctuation).
CLEAN_PARAGRAPHS = [
    "民生无小事，枝叶总关情。",
    "党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。",
]


def check(folder, *args):
    return run_cli("check", ".", "--baseline", "baseline.json", *args, cwd=folder)


@pytest.fixture
def baselined(seeds_copy):
    result = check(seeds_copy, "--update-baseline")
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout
    return seeds_copy


def edit_line(path, index, change):
    lines = path.read_text(encoding="utf-8").split("\n")
    change(lines, index)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_baseline_of_the_seeds_suppresses_every_known_finding(baselined):
    plain = run_cli("check", ".", "--format", "json", cwd=baselined)
    known = len(json.loads(plain.stdout))
    result = check(baselined, "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout) == []
    assert f"Baseline: {known} known findings suppressed" in result.stderr
    stored = json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))
    assert sum(e["count"] for es in stored["files"].values() for e in es) == known


def test_one_new_defect_fails_with_exactly_that_finding(baselined):
    # Seed 001 line 6 gets a half-width comma between Chinese characters (D1-style defect).
    edit_line(baselined / SEED_001, 5, lambda lines, i: lines.insert(i, "居民外出如厕,不再难。"))
    result = check(baselined, "--format", "json")
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)
    assert (finding["path"], finding["line"], finding["code"]) == (SEED_001, 6, "P103")
    assert finding["text"] == ","


def test_shifting_lines_with_clean_paragraphs_keeps_the_gate_green(baselined):
    for name in (SEED_000, SEED_001):
        edit_line(baselined / name, 1, lambda lines, i: lines[i:i] + CLEAN_PARAGRAPHS)
        edit_line(baselined / name, 0, lambda lines, i: lines.insert(i, CLEAN_PARAGRAPHS[0]))
    result = check(baselined, "--format", "concise")
    assert result.returncode == 0, result.stdout
    assert "known findings suppressed" in result.stdout


def test_a_repeated_fingerprint_is_counted(baselined):
    # Seed 003 repeats the same ",," defects; a second copy of a defective line brings
    # as many new findings as the line has, though each fingerprint is already known.
    seed = next(baselined.glob("003_*.txt"))
    lines = seed.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if ",," in line)
    # Punctuation rules only: a duplicated line is also, rightly, a duplicate paragraph. The
    # baseline is taken with the same selection: without D101, the findings inside the copies
    # it drops are reported (one defect, one finding), and they are not in a default baseline.
    assert check(baselined, "--select", "P", "--update-baseline").returncode == 0
    before = json.loads(
        run_cli("check", ".", "--select", "P", "--format", "json", cwd=baselined).stdout
    )
    on_line = [f for f in before if f["path"] == seed.name and f["line"] == index + 1]
    assert len(on_line) > 1
    edit_line(seed, index, lambda ls, i: ls.insert(i, ls[i]))
    result = check(baselined, "--select", "P", "--format", "json")
    assert result.returncode == 1
    new = json.loads(result.stdout)
    assert len(new) == len(on_line)
    assert {f["line"] for f in new} == {index + 2}


def test_fixed_findings_are_reported_as_gone(baselined):
    (baselined / SEED_000).write_text("民生无小事，枝叶总关情。\n", encoding="utf-8")
    result = check(baselined)
    assert result.returncode == 0
    assert "no longer occur" in result.stdout


def test_update_keeps_entries_of_files_not_checked(baselined):
    before = json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))
    result = run_cli(
        "check", SEED_000, "--baseline", "baseline.json", "--update-baseline", cwd=baselined
    )
    assert result.returncode == 0
    after = json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))
    assert after == before


def test_baseline_paths_are_relative_to_the_baseline_file(baselined, tmp_path):
    # Run from elsewhere: the same findings are still known.
    result = run_cli(
        "check", str(baselined), "--baseline", str(baselined / "baseline.json"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout


def test_baseline_errors_exit_2(seeds_copy):
    assert check(seeds_copy).returncode == 2  # no such baseline file
    (seeds_copy / "baseline.json").write_text("[1, 2]", encoding="utf-8")
    result = check(seeds_copy)
    assert result.returncode == 2 and "not a cnlint baseline" in result.stderr
    result = run_cli("check", ".", "--update-baseline", cwd=seeds_copy)
    assert result.returncode == 2 and "--baseline" in result.stderr


# Seed 000, lines 3 and 7 (half-width commas), and a last line without a final newline.
NEAR = [
    "民生无小事,枝叶总关情。",
    "签订了“门前三包”责任状”,并明确专人负责。",
]


def baselined_text(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = check(tmp_path, "--select", "P", "--update-baseline")
    assert result.returncode == 0, result.stderr
    return tmp_path / "a.txt"


def new_findings(folder):
    result = check(folder, "--select", "P", "--format", "json")
    return [(f["line"], f["code"], f["text"]) for f in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "edit",
    [
        # Appended after the last line, which had no final newline.
        lambda text: text + "\n" + CLEAN_PARAGRAPHS[1],
        lambda text: CLEAN_PARAGRAPHS[0] + "\n" + text,
        # The words right next to both commas change.
        lambda text: text.replace("小事", "大事").replace("责任状", "承诺书"),
        # The paragraphs trade places.
        lambda text: "\n".join(reversed(text.split("\n"))),
        # Text removed next to a comma.
        lambda text: text.replace("枝叶", ""),
    ],
    ids=["append-after-no-newline", "prepend", "edit-neighbour", "move-paragraph", "remove"],
)
def test_a_known_finding_survives_edits_next_to_it(tmp_path, edit):
    path = baselined_text(tmp_path, "\n".join(NEAR))
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert new_findings(tmp_path) == []


def test_appending_after_a_last_line_without_newline_wakes_nothing(seeds_copy):
    # Seed 000 ends with a byline line (B104, whose fix drops the line with its newline).
    seed = seeds_copy / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert check(seeds_copy, "--update-baseline").returncode == 0
    with seed.open("a", encoding="utf-8") as stream:
        stream.write("\n" + CLEAN_PARAGRAPHS[0])
    result = check(seeds_copy, "--format", "concise")
    assert result.returncode == 0, result.stdout
    assert "no longer occur" not in result.stdout


def test_the_context_tells_apart_a_new_occurrence_of_a_known_finding(tmp_path):
    path = baselined_text(tmp_path, "\n".join(NEAR))
    # A third half-width comma: same rule, same text as the two known ones; only its
    # surroundings differ, and they name it as the new one, even before the known ones.
    added = "党史学习教育开展以来,全省各级部门聚焦群众关心关切的焦点。"
    path.write_text(added + "\n" + "\n".join(NEAR), encoding="utf-8")
    assert new_findings(tmp_path) == [(1, "P103", ",")]


def test_a_version_1_baseline_asks_to_be_written_again(tmp_path):
    (tmp_path / "a.txt").write_text(NEAR[0], encoding="utf-8")
    (tmp_path / "baseline.json").write_text(
        '{"version": 1, "tool": "cnlint", "files": {}}', encoding="utf-8"
    )
    result = check(tmp_path)
    assert result.returncode == 2 and "write it again with --update-baseline" in result.stderr


def test_fingerprint_ignores_position_but_not_context():
    linter = Linter(Config(select=("P103",)))
    text = "签订了“门前三包”责任状”,并明确专人负责。"  # seed 000, line 7
    (original,) = linter.lint(Document(text))
    shifted_doc = Document("民生无小事，枝叶总关情。\n\n" + text)
    (shifted,) = linter.lint(shifted_doc)
    edited_doc = Document(text.replace("责任状", "承诺书"))
    (edited,) = linter.lint(edited_doc)
    assert fingerprint(Document(text), original) == fingerprint(shifted_doc, shifted)
    assert fingerprint(Document(text), original) != fingerprint(edited_doc, edited)


def test_normalize_collapses_whitespace_but_keeps_fullwidth_marks():
    assert normalize("a \t\u3000 b") == "a b"
    assert normalize("，；：") == "，；：", "NFKC would turn these into ASCII"
