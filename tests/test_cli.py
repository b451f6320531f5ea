"""The command line as a user runs it: real processes, real files, real exit codes."""

import json
import stat

from conftest import SEEDS, run_cli

SEED_003 = SEEDS / "003_0d4dd77c39c606b7.txt"
# From ../shared/corpus/external/clean/ style prose: correct full-width punctuation.
CLEAN_TEXT = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"
# Seed 000, line 7 (D1: a half-width comma after a closing quote).
DIRTY_TEXT = (
    "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0(tmp_path):
    result = run_cli("check", str(write(tmp_path / "clean.txt", CLEAN_TEXT)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout


def test_findings_exit_1_and_name_the_place(tmp_path):
    path = write(tmp_path / "dirty.txt", DIRTY_TEXT)
    result = run_cli("check", "--format", "concise", str(path))
    assert result.returncode == 1
    assert f"{path}:1:34: P103" in result.stdout


def test_usage_and_io_errors_exit_2(tmp_path):
    assert run_cli("check", str(tmp_path / "missing.txt")).returncode == 2
    assert run_cli("check", "--format", "yaml", str(SEED_003)).returncode == 2
    assert run_cli("check", "--fail-on", "fatal", str(SEED_003)).returncode == 2
    result = run_cli("check", "--select", "X999", str(SEED_003))
    assert result.returncode == 2 and "X999" in result.stderr


def test_fail_on_error_ignores_warnings(tmp_path):
    path = write(tmp_path / "dirty.txt", DIRTY_TEXT)  # P103 is a warning
    assert run_cli("check", "--fail-on", "error", str(path)).returncode == 0
    assert run_cli("check", "--fail-on", "warning", str(path)).returncode == 1


def test_json_output_schema_and_positions():
    result = run_cli("check", "--format", "json", str(SEEDS))
    records = json.loads(result.stdout)
    assert result.returncode == 1 and len(records) > 500
    texts = {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS.glob("*.txt")}
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity"}
    for record in records:
        assert keys | {"message", "fix"} <= record.keys()
        assert record["severity"] in {"error", "warning", "info"}
        if record["line"] == record["end_line"]:
            line = texts[record["path"].rsplit("/", 1)[-1]][record["line"] - 1]
            assert line[record["column"] - 1 : record["end_column"] - 1] == record["text"]
        if record["fix"] is not None:
            assert record["fix"]["applicability"] in {"safe", "unsafe"}
            assert all({"start", "end", "content"} <= e.keys() for e in record["fix"]["edits"])


def test_select_and_ignore_by_code_prefix_and_name():
    def codes(*args):
        out = run_cli("check", "--format", "json", *args, str(SEED_003)).stdout
        return {r["code"] for r in json.loads(out)}

    assert codes("--select", "P101") == {"P101"}
    assert codes("--select", "repeated-punctuation,S105") == {"P101", "S105"}
    assert codes("--select", "P").issubset({c for c in codes() if c.startswith("P")})
    assert not any(c.startswith("P") for c in codes("--ignore", "P"))


def test_diff_previews_and_writes_nothing(tmp_path):
    path = write(tmp_path / "dirty.txt", DIRTY_TEXT)
    result = run_cli("check", "--diff", str(path))
    assert result.returncode == 1
    assert (
        "-平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。"
        in result.stdout
    )
    assert (
        "+平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”，并组织人员拆除门头牌匾。"
        in result.stdout
    )
    assert path.read_text(encoding="utf-8") == DIRTY_TEXT


def test_fix_writes_in_place_keeps_mode_and_leaves_no_temp_files(tmp_path):
    path = write(tmp_path / "dirty.txt", DIRTY_TEXT)
    path.chmod(0o640)
    result = run_cli("check", "--fix", str(path))
    assert result.returncode == 0, result.stdout
    assert "Fixed 1 finding." in result.stdout
    assert path.read_text(encoding="utf-8") == DIRTY_TEXT.replace("”,并", "”，并")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["dirty.txt"]


def test_unsafe_fixes_need_the_flag(tmp_path):
    # Only safe fixes exist in the first rule set; --unsafe-fixes must not break a safe run.
    path = write(tmp_path / "dirty.txt", DIRTY_TEXT)
    assert run_cli("check", "--fix", "--unsafe-fixes", str(path)).returncode == 0


def test_full_report_shows_context_and_summary():
    result = run_cli("check", str(SEED_003))
    assert "絲發(fā)必興" in result.stdout  # the offending text in context
    assert "Findings by rule" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_color_follows_force_color_and_no_color():
    forced = run_cli("check", str(SEED_003), env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" in forced.stdout
    plain = run_cli("check", str(SEED_003), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[31m" not in plain.stdout and "\x1b[33m" not in plain.stdout


def test_rules_and_explain():
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {"P101", "P103", "S105", "T203"} <= {r["code"] for r in listed}
    page = run_cli("explain", "P101")
    assert page.returncode == 0
    assert "repeated-punctuation" in page.stdout and "利民之事,,絲發必興。" in page.stdout
    assert run_cli("explain", "halfwidth-punctuation").returncode == 0
    assert run_cli("explain", "nope").returncode == 2


def test_version():
    assert run_cli("--version").stdout.startswith("cnlint ")


def test_crlf_file_keeps_crlf_after_fixing(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一段,好。\r\n\r\n\r\n\r\n第二段。".encode())
    run_cli("check", "--fix", "--no-cache", str(path))
    assert path.read_bytes() == "第一段，好。\r\n\r\n第二段。\r\n".encode()


def test_unknown_cli_selector_names_the_flag():
    result = run_cli("check", "--select", "P9", str(SEED_003))
    assert result.returncode == 2 and "'P9' (--select)" in result.stderr


def test_folder_without_text_files_warns(tmp_path):
    (tmp_path / "notes.md").write_text("说明", encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0
    assert "no files to check" in result.stderr


def test_rules_piped_is_one_rule_a_line():
    lines = run_cli("rules").stdout.splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 6 for row in rows)
    assert rows[[r[0] for r in rows].index("P101")][:2] == ["P101", "repeated-punctuation"]
