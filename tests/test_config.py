"""Configuration files: discovery, validation with clear errors, and their effect on a run."""

import json

from conftest import run_cli

# Seed 003, line 1: doubled punctuation and a pinyin annotation.
SEED_LINE = "利民之事,,絲發(fā)必興,。\n"


def setup(tmp_path, config_name, config_text):
    (tmp_path / config_name).write_text(config_text, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "doc.txt").write_text(SEED_LINE, encoding="utf-8")
    return data


def codes(result):
    return {r["code"] for r in json.loads(result.stdout)}


def test_cnlint_toml_found_by_walking_up(tmp_path):
    data = setup(tmp_path, "cnlint.toml", 'select = ["P101"]\n')
    assert codes(run_cli("check", "--format", "json", str(data))) == {"P101"}


def test_pyproject_tool_table(tmp_path):
    data = setup(tmp_path, "pyproject.toml", '[tool.cnlint]\nignore = ["P", "S"]\n')
    assert codes(run_cli("check", "--format", "json", str(data))) == set()


def test_unknown_key_is_an_error_naming_it(tmp_path):
    data = setup(tmp_path, "cnlint.toml", 'selcet = ["P101"]\n')
    result = run_cli("check", str(data))
    assert result.returncode == 2
    assert "selcet" in result.stderr


def test_bad_values_are_errors_naming_the_key(tmp_path):
    cases = {
        'fail-on = "fatal"\n': "fail-on",
        'target-script = "latin"\n': "target-script",
        '[rules.P101]\nseverity = "loud"\n': "rules.P101.severity",
        '[rules.P101]\ncolour = "red"\n': "rules.P101.colour",
        '[rules.nonexistent]\nseverity = "error"\n': "nonexistent",
    }
    for text, key in cases.items():
        data = setup(tmp_path, "cnlint.toml", text)
        result = run_cli("check", str(data))
        assert result.returncode == 2, text
        assert key in result.stderr, (text, result.stderr)


def test_per_rule_severity_and_fail_on(tmp_path):
    data = setup(
        tmp_path,
        "cnlint.toml",
        'select = ["P101"]\nfail-on = "error"\n[rules.repeated-punctuation]\nseverity = "error"\n',
    )
    result = run_cli("check", "--format", "json", str(data))
    assert result.returncode == 1
    assert {r["severity"] for r in json.loads(result.stdout)} == {"error"}


def test_per_file_ignores_and_exclude(tmp_path):
    data = setup(
        tmp_path,
        "cnlint.toml",
        'select = ["P101", "S105"]\nexclude = ["data/skip/*"]\n'
        '[per-file-ignores]\n"doc.txt" = ["S105"]\n',
    )
    (data / "skip").mkdir()
    (data / "skip" / "other.txt").write_text(SEED_LINE, encoding="utf-8")
    records = json.loads(run_cli("check", "--format", "json", str(data)).stdout)
    assert {r["code"] for r in records} == {"P101"}
    assert all("skip" not in r["path"] for r in records)


def test_explicit_config_option(tmp_path):
    data = setup(tmp_path, "elsewhere.toml", 'select = ["S105"]\n')
    result = run_cli(
        "check", "--config", str(tmp_path / "elsewhere.toml"), "--format", "json", str(data)
    )
    assert codes(result) == {"S105"}
