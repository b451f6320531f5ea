"""The rule docs are generated from the rule classes: the committed files must be current."""

import importlib.util

from conftest import ROOT


def gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rule_docs_are_what_the_rule_classes_generate():
    tool = gen_docs()
    outdated = [
        str(path.relative_to(ROOT))
        for path, content in tool.generated().items()
        if not path.exists() or path.read_text(encoding="utf-8") != content
    ]
    assert not outdated, f"run tools/gen_docs.py: {outdated} differ from the rule classes"
    assert not tool.stale_pages(), "run tools/gen_docs.py: pages of rules that are gone"


def test_every_rule_has_a_page_and_a_row_in_the_readme():
    tool = gen_docs()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in tool.built_in_rules():
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").exists()
        assert f"| [{rule.code}](docs/rules/{rule.code}.md) | `{rule.name}` |" in readme


def test_the_example_rule_of_the_rule_guide_passes_its_own_examples():
    import re

    from cnlint.rule import Rule
    from cnlint.testing import check_rule_examples, fixed_text

    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", guide, re.S) if "class " in b)
    namespace: dict = {}
    exec(compile(block, "writing-rules.md", "exec"), namespace)
    rule = namespace["IdeographicSpaceInside"]
    assert issubclass(rule, Rule)
    check_rule_examples(rule)
    assert fixed_text(rule, "共青团员和青年\u3000志愿者") == "共青团员和青年志愿者"
    assert fixed_text(rule, "青年\u3000\u3000志愿者") == "青年\u3000\u3000志愿者"  # max-run 1
    assert fixed_text(rule, "青年\u3000\u3000志愿者", {"max-run": 2}) == "青年志愿者"
