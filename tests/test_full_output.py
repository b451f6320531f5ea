"""`--format full` on a corpus: at most PER_RULE findings of a rule per file, then how many
more; `--show-all` lifts the cap; the table and summary count every finding either way."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from cnlint.report.full import PER_RULE

from conftest import run_cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Seed 001: a news page with hundreds of half-width commas (P103) and a few other defects.
SEED = SEEDS / "001_0303bf1f787c62bf.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def shown_codes(stdout: str) -> Counter:
    """Codes of the finding blocks printed (their head line: ``path:line:col: CODE``)."""
    return Counter(re.findall(r"^\S+:\d+:\d+: ([A-Z]\d{3})\b", stdout, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def json_codes():
    result = run_cli("check", "--no-cache", "--format", "json", str(SEED))
    return Counter(f["code"] for f in json.loads(result.stdout))


def test_full_caps_each_rule_per_file_and_says_how_many_more(json_codes):
    result = run_cli("check", "--no-cache", str(SEED))
    assert result.returncode == 1
    shown = shown_codes(result.stdout)
    assert json_codes["P103"] > PER_RULE  # the seed really has more than the cap
    assert shown == Counter({code: min(n, PER_RULE) for code, n in json_codes.items()})
    more_line = next(line for line in result.stdout.splitlines() if " … and " in line)
    assert more_line.endswith(" in this file (--show-all shows them)")
    # The rule with the most left out first, then every other rule past the cap.
    assert more_line.startswith(f"{SEED}: … and {json_codes['P103'] - PER_RULE:,} more P103")
    hidden_rules = {code: n - PER_RULE for code, n in json_codes.items() if n > PER_RULE}
    assert set(re.findall(r"(\d+) more ([A-Z]\d{3})", more_line)) == {
        (str(n), code) for code, n in hidden_rules.items()
    }
    hidden = sum(max(0, n - PER_RULE) for n in json_codes.values())
    note = f"{hidden:,} findings of a rule past the first {PER_RULE} in a file are counted here"
    assert note in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("Found ")


def test_show_all_prints_every_finding(json_codes):
    result = run_cli("check", "--no-cache", "--show-all", str(SEED))
    assert shown_codes(result.stdout) == json_codes
    assert "more P103" not in result.stdout
    assert "--show-all shows" not in result.stdout


def test_quiet_keeps_the_cap_and_show_all_lifts_it(json_codes):
    capped = run_cli("check", "--no-cache", "-q", str(SEED)).stdout
    assert shown_codes(capped)["P103"] == PER_RULE
    every = run_cli("check", "--no-cache", "-q", "--show-all", str(SEED)).stdout
    assert shown_codes(every) == json_codes


def test_the_summary_counts_every_finding_capped_or_not(json_codes):
    total = sum(json_codes.values())
    capped = run_cli("check", "--no-cache", str(SEED)).stdout
    every = run_cli("check", "--no-cache", "--show-all", str(SEED)).stdout
    found = [line for line in capped.splitlines() if line.startswith("Found ")]
    assert found == [line for line in every.splitlines() if line.startswith("Found ")]
    assert found[0].startswith(f"Found {total} findings")
    assert rule_table(capped) == rule_table(every)
    assert " P103 " in rule_table(capped)


def rule_table(stdout: str) -> str:
    """The per-rule table under the findings: its header line and the indented rows."""
    lines = stdout[stdout.index(" code  rule") :].splitlines()
    return "\n".join(line for line in lines if line.startswith(" "))


def test_a_file_under_the_cap_shows_everything_as_before(tmp_path):
    # Seed 000, line 7: one half-width comma (a few findings, no cap reached).
    text = (
        "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
    )
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert "a.txt:1:" in result.stdout and "P103" in result.stdout
    assert "more" not in result.stdout and "--show-all" not in result.stdout


def test_colour_changes_only_the_styling(json_codes):
    plain = run_cli("check", "--no-cache", str(SEED)).stdout
    coloured = run_cli("check", "--no-cache", str(SEED), env={"FORCE_COLOR": "1"}).stdout
    assert ANSI.search(coloured)
    blocks = plain.split(" code  rule")[0]  # the findings, before the rich table
    assert ANSI.sub("", coloured).startswith(blocks)
