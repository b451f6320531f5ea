"""One document that crashes a rule is that document's error; every other document and file
is still linted and fixed, serially and in worker processes, and stdin never comes out empty.
"""

import json
import textwrap

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, run_files
from cnlint.engine.registry import Registry, load_registry

# A plugin on PYTHONPATH is found only by a fresh interpreter: these run the console script.
from conftest import run_console_script

# Seed 000, line 7: a half-width comma that --fix turns into '，' (P103).
DIRTY = "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
# Seed 000, line 4, with seed 000's half-width comma: the document the plugin rule crashes on.
CRASHING = "精细化管理 提升城市品质,平鲁区以开展党史学习教育为契机。\n"

PLUGIN = textwrap.dedent(
    '''
    from cnlint import Examples, Rule

    class CrashesOnOneDocument(Rule):
        """A third-party rule with a bug: it raises on the documents about 精细化管理."""
        code = "X901"
        name = "crashes-on-one-document"
        summary = "raises on one document"
        why = "Stands for any rule with a bug that one document in a corpus triggers."
        examples = Examples()

        def check(self, doc):
            if "精细化管理" in doc.text:
                raise ValueError("bug in a plugin rule")
            return []
    '''
)
SELECT = ("P103", "X901")
EXPECTED_ERROR = "internal error in X901: ValueError: bug in a plugin rule"


def install_plugin(root):
    """The rule as a real installed plugin: a module plus a dist-info with an entry point."""
    root.mkdir(exist_ok=True)
    (root / "cnlint_crash_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = root / "cnlint_crash_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: cnlint-crash-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[cnlint.rules]\ncrash = cnlint_crash_plugin\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(root)}


def linter_with_plugin():
    """The plugin registered in this process, beside the built-in rules."""
    namespace: dict = {}
    exec(PLUGIN, namespace)  # the plugin's own source, as its module file holds it
    registry = Registry([*load_registry(), namespace["CrashesOnOneDocument"]])
    return Linter(Config().with_overrides(select=SELECT), registry)


def corpus(folder):
    """Five text files, the third crashing, plus a JSONL file whose second record crashes."""
    for index in range(5):
        text = CRASHING if index == 2 else DIRTY
        (folder / f"doc{index}.txt").write_text(text, encoding="utf-8")
    records = [{"id": n, "text": t} for n, t in enumerate((DIRTY, CRASHING, DIRTY))]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (folder / "records.jsonl").write_text(lines, encoding="utf-8")
    return sorted(folder.iterdir())


def check_isolated(files, results):
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["doc2.txt"].error == EXPECTED_ERROR
    assert by_name["records.jsonl"].error == f"line 2: {EXPECTED_ERROR}"
    for index in (0, 1, 3, 4):
        assert by_name[f"doc{index}.txt"].error is None
    check_written(files[0].parent)


def check_written(folder):
    """Every document fixed but the crashing ones, which are kept byte for byte."""
    fixed = DIRTY.replace(",", "，")
    for index in (0, 1, 3, 4):
        assert (folder / f"doc{index}.txt").read_text(encoding="utf-8") == fixed
    assert (folder / "doc2.txt").read_text(encoding="utf-8") == CRASHING
    records = [json.loads(line) for line in (folder / "records.jsonl").open(encoding="utf-8")]
    assert [r["text"] for r in records] == [fixed, CRASHING, fixed]


def test_a_crashing_rule_fails_one_document_serially(tmp_path):
    files = corpus(tmp_path)
    job = FileJob(linter_with_plugin(), Mode(fix=True, write=True))
    check_isolated(files, list(run_files(files, job, jobs=1)))


def test_a_crashing_rule_fails_one_document_in_workers(tmp_path):
    files = corpus(tmp_path)
    job = FileJob(linter_with_plugin(), Mode(fix=True, write=True))
    check_isolated(files, list(run_files(files, job, jobs=2)))


def test_the_cli_names_file_and_record_and_exits_2(tmp_path):
    env = install_plugin(tmp_path / "plugin")
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus(folder)
    select = ",".join(SELECT)
    args = ("check", "--fix", "--no-cache", "--format", "concise", "--select", select)
    result = run_console_script(*args, "-j", "2", str(folder), env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{folder / 'doc2.txt'}: error: {EXPECTED_ERROR}" in result.stderr.splitlines()
    assert f"{folder / 'records.jsonl'}: error: line 2: {EXPECTED_ERROR}" in result.stderr
    check_written(folder)


def test_stdin_fix_passes_the_input_through_when_a_document_fails(tmp_path):
    env = install_plugin(tmp_path)
    text = DIRTY + CRASHING
    result = run_console_script(
        "check", "--fix", "--select", ",".join(SELECT), "-", env=env, stdin=text
    )
    assert result.returncode == 2
    assert result.stdout == text
    assert EXPECTED_ERROR in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_fix_of_jsonl_passes_every_record_through_when_one_fails(tmp_path):
    env = install_plugin(tmp_path)
    records = [{"text": DIRTY}, {"text": CRASHING}]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    args = ("check", "--fix", "--select", ",".join(SELECT), "--stdin-filename", "in.jsonl", "-")
    result = run_console_script(*args, env=env, stdin=lines)
    assert result.returncode == 2
    assert result.stdout == lines
    assert f"line 2: {EXPECTED_ERROR}" in result.stderr


def test_the_summary_counts_a_rule_failure_as_an_internal_error(tmp_path):
    env = install_plugin(tmp_path / "plugin")
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus(folder)
    args = ("check", "--no-cache", "--format", "concise", "--select", ",".join(SELECT))
    result = run_console_script(*args, "-j", "1", str(folder), env=env)
    assert "2 files could not be checked: 2 with an internal rule error." in result.stderr
