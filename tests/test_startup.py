"""Start-up cost: what every ``cnlint`` process pays before its first document (issue 17).

No timings here (the machine is shared); these tests pin the mechanisms that keep start-up
cheap: rule patterns compiled on first use, not at import.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

from cnlint.patterns import LazyPattern, regex


def run_python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_loading_every_rule_compiles_no_rule_pattern():
    # B104's byline pattern alone took 80 ms to compile at import.
    shown = run_python(
        "from cnlint.engine.registry import load_registry\n"
        "from cnlint.rules.boilerplate import b104_byline_credit as b104\n"
        "load_registry()\n"
        "print(type(b104.BYLINE).__name__, '_compiled' in vars(b104.BYLINE))"
    )
    assert shown == "LazyPattern False"


def test_a_lazy_pattern_answers_as_the_compiled_one():
    text = "民生无小事，枝叶总关情。记者 王明 报道"
    lazy = regex(r"记者\s*(\S+)")
    assert lazy.pattern == r"记者\s*(\S+)"
    assert "_compiled" not in vars(lazy)  # reading .pattern does not compile
    compiled = lazy.compiled()
    assert lazy.search(text)[1] == compiled.search(text)[1] == "王明"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("", text) == "民生无小事，枝叶总关情。 报道"
    assert lazy.groups == 1


def test_a_lazy_pattern_pickles_as_its_source():
    lazy = regex("枝叶+", 0)
    lazy.search("枝叶")  # compiled: its bound methods must not be pickled
    copy = pickle.loads(pickle.dumps(lazy))
    assert isinstance(copy, LazyPattern)
    assert copy.pattern == "枝叶+"
    assert "_compiled" not in vars(copy)
    assert copy.fullmatch("枝叶叶")


def test_the_command_line_imports_no_format_or_detector_it_may_not_need():
    # Imported where they are used: a non-UTF-8 file (charset_normalizer), a .gitignore
    # (pathspec), a long run on a terminal (rich.progress), the format asked for.
    shown = run_python(
        "import sys, cnlint.cli\n"
        "lazy = ['charset_normalizer', 'pathspec', 'rich.progress', 'cnlint.report.html',"
        " 'cnlint.report.sarif', 'cnlint.report.junit']\n"
        "print([name for name in lazy if name in sys.modules])"
    )
    assert shown == "[]"
