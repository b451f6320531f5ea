"""The README's promises: its example rule works, its commands are the ones CI runs."""

import re

from cnlint.rule import Rule
from cnlint.testing import check_rule_examples, fixed_text

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


def test_the_example_rule_in_the_readme_passes_its_own_examples():
    block = next(b for b in python_blocks() if "class IdeographicSpaceInside" in b)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    rule = namespace["IdeographicSpaceInside"]
    assert issubclass(rule, Rule)
    check_rule_examples(rule)
    assert fixed_text(rule, "共青团员和青年\u3000志愿者") == "共青团员和青年志愿者"


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"# 2\..*\n(.+)\n", README)[1]
    assert test_command.strip() in ci


def test_readme_figures_are_real_output():
    """Rule count, the seeds' summary line and what --diff and --fix say, as cnlint prints them
    today (tools/readme_figures.py rewrites them)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from readme_figures import updated

    assert updated(README) == README, "run tools/readme_figures.py"
