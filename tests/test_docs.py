"""The rule docs are generated from the rule classes: the committed files must be current."""

import importlib.util
import re
from pathlib import Path

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


def test_every_rule_has_a_page_and_a_row_in_the_index_and_the_readme_counts_them():
    tool = gen_docs()
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rules = tool.built_in_rules()
    for rule in rules:
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").exists()
        assert f"| [{rule.code}]({rule.code}.md) | `{rule.name}` |" in index
    assert f"{tool.BEGIN}{len(rules)} rules in " in readme
    assert "(docs/rules/README.md)" in readme


def relative_links(page: Path) -> list[str]:
    """The targets of a page's Markdown links and images that are not web addresses."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    return [t for t in targets if not re.match(r"[a-z]+:", t) and not t.startswith("#")]


def test_every_relative_link_of_the_readme_and_docs_points_at_a_file():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    broken = [
        f"{page.relative_to(ROOT)}: {target}"
        for page in pages
        for target in relative_links(page)
        if not (page.parent / target.split("#")[0]).exists()
    ]
    assert not broken, broken
    assert len(relative_links(ROOT / "README.md")) >= 10  # the README does link its pages


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
