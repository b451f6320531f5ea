"""Start-up cost: what every ``cnlint`` process pays before its first document (issue 17).

No timings here (the machine is shared); these tests pin the mechanisms that keep start-up
cheap: rule patterns compiled on first use, not at import; numpy's thread pool sized before it
loads; modules of options a run does not use left unimported.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from cnlint.patterns import LazyPattern, regex


def run_python(code: str, argument: str | None = None, **env: str) -> str:
    """What a fresh interpreter prints; its environment is this one's without any OpenBLAS
    thread count (a test process that imported the CLI has one) plus ``env``."""
    clean = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    command = [sys.executable, "-c", code, *([argument] if argument else [])]
    return subprocess.run(
        command, check=True, capture_output=True, text=True, env=clean | env
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


def test_importing_the_library_loads_no_numpy():
    # numpy comes with the linter (the gate's tables), on first use: the command line must be
    # able to size numpy's thread pool before it loads, and `import cnlint` stays light.
    shown = run_python("import sys, cnlint\nprint('numpy' in sys.modules, cnlint.Linter.__name__)")
    assert shown == "False Linter"


THREADS = "import os, sys\n{before}import cnlint.cli\nprint(os.environ.get('OPENBLAS_NUM_THREADS'))"


def test_the_command_line_starts_numpy_with_one_openblas_thread():
    # OpenBLAS starts a thread per core at numpy's import; cnlint does no linear algebra.
    assert run_python(THREADS.format(before="")) == "1"


def test_a_chosen_openblas_thread_count_is_kept():
    assert run_python(THREADS.format(before=""), OPENBLAS_NUM_THREADS="4") == "4"


def test_a_program_that_imported_numpy_first_keeps_its_threads():
    assert run_python(THREADS.format(before="import numpy\n")) == "None"


CLEAN = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"


def test_checking_a_clean_file_imports_only_what_it_uses(tmp_path):
    # pre-commit's usual run: one clean file, the default format. Each module below belongs to
    # an option it does not use (a baseline, --diff, --statistics, the findings table), or to
    # typer 0.29, which converted every option through pydantic.
    (tmp_path / "one.txt").write_text(CLEAN, encoding="utf-8")
    unused = [
        "pydantic",
        "cnlint.ci.baseline",
        "cnlint.report.patch",
        "cnlint.report.statistics",
        "rich.table",
    ]
    shown = run_python(
        "import sys, contextlib, io, cnlint.cli\n"
        "sys.argv = ['cnlint', 'check', '--no-cache', sys.argv[1]]\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        cnlint.cli.main()\n"
        "    except SystemExit as exit:\n"
        "        code = exit.code\n"
        f"print(code, out.getvalue().strip(), [m for m in {unused!r} if m in sys.modules])",
        argument=str(tmp_path / "one.txt"),
    )
    assert shown == "0 All checks passed (1 file). []"


def test_typer_reads_the_commands_annotations_as_objects():
    # As strings (from __future__ import annotations), typer evaluates each of them while it
    # builds the commands at every start.
    from cnlint.cli import app

    annotations = [
        annotation
        for command in app.registered_commands
        for annotation in command.callback.__annotations__.values()
    ]
    assert len(annotations) > 50
    assert not [a for a in annotations if isinstance(a, str)]
