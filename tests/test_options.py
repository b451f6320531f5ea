"""The ruff-style options of `cnlint check`, each run as a user runs it."""

import json

import pytest

from conftest import run_cli

# Seed 003, line 1: doubled and half-width commas, traditional characters, a pinyin leak.
SEED_LINE = "利民之事,,絲發(fā)必興,。\n"
# Seed 000, line 7 (a half-width comma after a closing quote).
DIRTY = "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
# Traditional prose (the seed's own characters, written traditional throughout).
TRADITIONAL = "利民之事，絲發必興。平魯區與臨街商戶簽訂責任書，並組織人員拆除門頭牌匾。\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "seed.txt").write_text(SEED_LINE, encoding="utf-8")
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def codes(folder, *args):
    result = run_cli("check", "--no-cache", "--format", "json", *args, ".", cwd=folder)
    return {f["code"] for f in json.loads(result.stdout)}


def test_exit_zero_keeps_findings_but_exits_0(folder):
    result = run_cli("check", "--no-cache", "--exit-zero", ".", cwd=folder)
    assert result.returncode == 0
    assert "P103" in result.stdout
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    assert run_cli("check", "--no-cache", "--exit-zero", ".", cwd=folder).returncode == 2


def test_extend_select_and_extend_ignore_add_to_the_selection(folder):
    (folder / "cnlint.toml").write_text('select = ["P101"]\n', encoding="utf-8")
    assert codes(folder) == {"P101"}
    assert codes(folder, "--extend-select", "S105") == {"P101", "S105"}
    assert codes(folder, "--select", "P", "--extend-ignore", "P103") == {"P101", "P102"}
    result = run_cli("check", "--extend-select", "Z9", ".", cwd=folder)
    assert (
        result.returncode == 2 and "unknown rule selector 'Z9' (--extend-select)" in result.stderr
    )


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
def test_an_empty_selector_is_refused_not_ignored(folder, flag):
    """``--select "$CODES"`` with the variable unset must not lint with every rule."""
    result = run_cli("check", "--no-cache", flag, " , ", ".", cwd=folder)
    assert result.returncode == 2 and f"{flag} names no rule" in result.stderr
    assert codes(folder, "--select", "P101,") == {"P101"}  # a trailing comma is fine


def test_quiet_prints_findings_only(folder):
    result = run_cli("check", "--no-cache", "-q", ".", cwd=folder)
    assert result.returncode == 1
    assert "P103" in result.stdout
    assert "Found" not in result.stdout + result.stderr
    assert "Findings by rule" not in result.stdout


def test_verbose_names_config_rules_and_files_on_stderr(folder):
    result = run_cli("check", "--no-cache", "-v", "--format", "json", ".", cwd=folder)
    assert "cnlint: config: defaults" in result.stderr
    assert "cnlint: 2 files to check" in result.stderr
    assert json.loads(result.stdout)  # stdout is still the JSON report alone
    # The rules that run: the corpus rules only with --corpus.
    (rules,) = [line for line in result.stderr.splitlines() if " rules: " in line]
    assert "P103" in rules and "D201" not in rules
    with_corpus = run_cli("check", "--no-cache", "-v", "--corpus", ".", cwd=folder)
    assert " D201 D202 D203 " in with_corpus.stderr


def test_show_fixes_lists_what_fix_changed(folder):
    result = run_cli("check", "--no-cache", "--fix", "--show-fixes", ".", cwd=folder)
    assert "  dirty.txt:1: 1 × P103 (halfwidth-punctuation)\n" in result.stdout
    assert "  seed.txt:1: " in result.stdout and "1 × S105 (pinyin-annotation)" in result.stdout


def test_version_short_and_output_format_alias(folder):
    assert run_cli("-V").stdout.startswith("cnlint ")
    alias = run_cli("check", "--no-cache", "--output-format", "concise", ".", cwd=folder)
    plain = run_cli("check", "--no-cache", "--format", "concise", ".", cwd=folder)
    assert alias.stdout == plain.stdout and "dirty.txt:1:34: P103" in alias.stdout


def test_config_key_value_lints_a_traditional_corpus_without_a_config_file(tmp_path):
    (tmp_path / "trad.txt").write_text(TRADITIONAL, encoding="utf-8")
    assert "S101" in codes(tmp_path)  # simplified is the default target
    assert codes(tmp_path, "--config", 'target-script = "traditional"') == set()
    assert codes(tmp_path, "--target-script", "traditional") == set()
    severity = run_cli(
        "check", "--format", "json", "--config", 'rules.S101.severity = "error"', ".", cwd=tmp_path
    )
    assert {f["severity"] for f in json.loads(severity.stdout)} == {"error"}
    bad = run_cli("check", "--config", "target-script = 3", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "target-script in --config" in bad.stderr
    wrong = run_cli("check", "--target-script", "klingon", ".", cwd=tmp_path)
    assert wrong.returncode == 2 and "unknown --target-script 'klingon'" in wrong.stderr


def test_rule_is_explain():
    assert run_cli("rule", "P101").stdout == run_cli("explain", "P101").stdout
    assert "repeated-punctuation" in run_cli("rule", "P101").stdout


def test_a_record_suppresses_rules_for_itself(tmp_path):
    records = [
        {"id": "quiet", "text": DIRTY.strip(), "cnlint": {"ignore": ["P103"]}},
        {"id": "loud", "text": DIRTY.strip()},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    found = json.loads(run_cli("check", "--format", "json", "corpus.jsonl", cwd=tmp_path).stdout)
    assert [(f["record"]["id"], f["code"]) for f in found] == [("loud", "P103")]
    # --fix leaves the suppressed record's comma alone, and its cnlint field in place.
    run_cli("check", "--fix", "--no-cache", "corpus.jsonl", cwd=tmp_path)
    fixed = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert fixed[0] == records[0]
    assert "，并组织" in fixed[1]["text"]
    # The field's name is configurable.
    (tmp_path / "cnlint.toml").write_text('suppression-field = "lint"\n', encoding="utf-8")
    path.write_text(
        json.dumps({"text": DIRTY.strip(), "lint": {"ignore": ["P"]}}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    assert (
        json.loads(run_cli("check", "--format", "json", "corpus.jsonl", cwd=tmp_path).stdout) == []
    )
