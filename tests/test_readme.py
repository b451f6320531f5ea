"""The README's promises: its commands are the ones CI runs, its figures are real output, it
stays short, and the Python example of docs/usage.md does what its comments say."""

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# What a newcomer needs fits in this; everything else lives in docs/.
MAX_README_BYTES = 12_000


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"# 2\..*\n(.+)\n", README)[1]
    assert test_command.strip() in ci


def test_readme_stays_short():
    size = len(README.encode("utf-8"))
    assert size <= MAX_README_BYTES, f"README.md is {size} bytes: move detail to a docs/ page"


def test_figures_are_real_output():
    """The seeds' summary line (README) and what --diff and --fix say (docs/usage.md), as
    cnlint prints them today (tools/readme_figures.py rewrites them)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from readme_figures import outdated

    assert not outdated(), "run tools/readme_figures.py"


def test_the_python_example_of_the_usage_page_runs():
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", usage, re.S)
    namespace: dict = {}
    exec(compile(block, "usage.md", "exec"), namespace)
    assert namespace["text"] == "利民之事，丝发必兴。\n"
    # One defect, one finding: the half-width commas of ",," are the repeated punctuation's.
    assert [finding.code for finding in namespace["findings"]] == ["P101"]
    assert isinstance(namespace["linter"], namespace["cnlint"].Linter)
