"""Small messages: a misspelt rule option is named with its correction, --help speaks the user's
words (no Python types, no bracketed defaults), a document-wide finding draws no caret."""

import re

import pytest

from conftest import run_cli

# Seed 000, line 7, three times: a document the repetition ratio (Q103) judges as a whole.
SENTENCE = "平鲁区与临街商户签订责任书，并组织人员拆除门头牌匾。"


def test_a_misspelt_rule_option_suggests_the_right_one(tmp_path):
    (tmp_path / "cnlint.toml").write_text('[rules.P101]\nseverty = "error"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown option rules.P101.severty" in result.stderr
    assert "did you mean 'severity'?" in result.stderr
    assert "options of P101: severity" in result.stderr


@pytest.mark.parametrize("command", ["check", "fix", "corpus", "ray", "rules", "explain"])
def test_help_shows_no_python_types_or_bracketed_defaults(command):
    page = run_cli(command, "--help").stdout
    assert page.startswith("Usage: ") and f"cnlint {command}" in page
    assert not re.search(r"<[a-zA-Z][^>]*>", page), page  # <str>, <list[Path]>, <float>
    assert "[default: (" not in page


def test_a_document_wide_finding_draws_no_caret(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE * 3 + "\n", encoding="utf-8")
    page = run_cli("check", "--no-cache", "--select", "Q103", "a.txt", cwd=tmp_path).stdout
    block = page.split("a.txt:1:1: Q103 ", 1)[1].split("Findings by rule")[0]
    assert block.startswith("Repetition ratio")
    assert "^" not in block and "│" not in block
