"""Gate controls (--max-findings, --max-density and their config keys) and --changed-since."""

import json

import pytest

from cnlint.config import ConfigError, config_from_mapping

from conftest import SEEDS, git, run_cli

SEED_000 = SEEDS / "000_35d55cf4af66c7c1.txt"


@pytest.fixture(scope="module")
def seed_000_findings() -> int:
    """Findings at or above the default fail-on (warning): the ones the gate counts."""
    result = run_cli("check", str(SEED_000), "--format", "json")
    return sum(1 for f in json.loads(result.stdout) if f["severity"] != "info")


def test_max_findings_fails_only_above_the_limit(seed_000_findings):
    n = seed_000_findings
    at_limit = run_cli("check", str(SEED_000), "--max-findings", str(n))
    assert at_limit.returncode == 0, at_limit.stdout
    over = run_cli("check", str(SEED_000), "--max-findings", str(n - 1))
    assert over.returncode == 1
    assert f"Gate: {n} findings exceed max-findings {n - 1}." in over.stdout


def test_max_density_counts_findings_per_10000_characters(seed_000_findings):
    characters = len(SEED_000.read_text(encoding="utf-8"))
    density = 10_000 * seed_000_findings / characters
    above = run_cli("check", str(SEED_000), "--max-density", f"{density * 1.01:.4f}")
    assert above.returncode == 0, above.stdout
    below = run_cli("check", str(SEED_000), "--max-density", f"{density * 0.99:.4f}")
    assert below.returncode == 1
    assert (
        f"{density:.2f} findings at or above warning per 10,000 characters exceed" in below.stdout
    )


def test_gate_keys_in_config(tmp_path, seed_000_findings):
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED_000.read_bytes())
    (tmp_path / "cnlint.toml").write_text(f"max-findings = {seed_000_findings}\n")
    assert run_cli("check", str(target)).returncode == 0
    # The command line overrides the config.
    assert run_cli("check", str(target), "--max-findings", "0").returncode == 1
    (tmp_path / "cnlint.toml").write_text("max-density = 0.5\n")
    assert run_cli("check", str(target)).returncode == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"max-findings": -1}, "max-findings in test: must be 0 or more"),
        ({"max-findings": 1.5}, "max-findings in test: expected int"),
        ({"max-findings": True}, "max-findings in test: expected int"),
        ({"max-density": "high"}, "max-density in test: expected float"),
        ({"max-density": -0.1}, "max-density in test: must be 0 or more"),
        # nan compares false with every density: the gate would never fail.
        ({"max-density": float("nan")}, "max-density in test: must be 0 or more, got nan"),
    ],
)
def test_bad_gate_values_name_the_key(data, message):
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(data, "test", None)


def test_gate_values_accepted():
    config = config_from_mapping({"max-findings": 3, "max-density": 2}, "test", None)
    assert (config.max_findings, config.max_density) == (3, 2.0)


def test_negative_cli_limit_is_a_usage_error():
    assert run_cli("check", str(SEED_000), "--max-findings", "-1").returncode == 2


def test_nan_cli_density_is_a_usage_error_not_a_gate_that_never_fails():
    result = run_cli("check", str(SEED_000), "--max-density", "nan")
    assert result.returncode == 2
    assert "--max-density must be a number of 0 or more, got nan" in result.stderr


@pytest.fixture
def repo(seeds_copy):
    git(seeds_copy, "init", "-q", "-b", "main")
    git(seeds_copy, "add", ".")
    git(seeds_copy, "commit", "-q", "-m", "seeds")
    return seeds_copy


def test_changed_since_checks_changed_and_untracked_files_only(repo):
    seed_001 = next(repo.glob("001_*.txt"))
    seed_001.write_text(seed_001.read_text(encoding="utf-8") + "居民外出如厕,不再难。\n")
    (repo / "new.txt").write_text("签订了“门前三包”责任状”,并明确专人负责。\n", encoding="utf-8")
    result = run_cli("check", ".", "--changed-since", "main", "--format", "json", cwd=repo)
    assert result.returncode == 1
    paths = {f["path"] for f in json.loads(result.stdout)}
    assert paths == {seed_001.name, "new.txt"}


def test_changed_since_uses_the_merge_base(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "new.txt").write_text("民生无小事，枝叶总关情。\n", encoding="utf-8")
    git(repo, "add", "new.txt")
    git(repo, "commit", "-q", "-m", "clean text")
    git(repo, "checkout", "-q", "main")
    seed_000 = next(repo.glob("000_*.txt"))
    seed_000.write_text("责任状”,并\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "feature")
    # Only the feature branch's own change is checked, not main's later edit.
    result = run_cli("check", ".", "--changed-since", "main", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert "All checks passed (1 file)" in result.stdout


def test_changed_since_bad_ref_or_no_repo_exits_2(repo, tmp_path):
    result = run_cli("check", ".", "--changed-since", "no-such-ref", cwd=repo)
    assert result.returncode == 2 and "--changed-since no-such-ref" in result.stderr
    assert "unknown git ref 'no-such-ref': no such commit in" in result.stderr
    (tmp_path / "loose").mkdir()
    result = run_cli("check", ".", "--changed-since", "main", cwd=tmp_path / "loose")
    assert result.returncode == 2


def test_limits_hold_when_findings_are_streamed(seed_000_findings):
    # concise output is written file by file with only counts kept: the gate must agree.
    n = seed_000_findings
    over = run_cli("check", str(SEED_000), "--format", "concise", "--max-findings", str(n - 1))
    assert over.returncode == 1
    assert over.stdout.count(": ") >= n
    assert over.stdout.rstrip().endswith(f"Gate: {n} findings exceed max-findings {n - 1}.")
    at_limit = run_cli("check", str(SEED_000), "--format", "jsonl", "--max-findings", str(n))
    assert at_limit.returncode == 0
    assert len(at_limit.stdout.splitlines()) >= n


def test_streamed_report_writes_each_file_before_the_next_is_linted(capsys):
    from cnlint.ci.limits import Limits
    from cnlint.cli.check_output import report_streamed
    from cnlint.engine.linter import Linter
    from cnlint.engine.run import process_file
    from cnlint.finding import Severity
    from cnlint.report.rendered import Renderer

    seeds = sorted(SEEDS.glob("*.txt"))
    linter = Linter()
    render = Renderer("concise", Severity.WARNING)

    def results():
        for index, path in enumerate(seeds):
            if index:  # the previous file's findings are already out
                assert f"{seeds[index - 1]}:" in capsys.readouterr().out
            yield render(process_file(path, linter))

    assert report_streamed(results(), "concise", Severity.WARNING, Limits()) == 1
    assert f"{seeds[-1]}:" in capsys.readouterr().out
