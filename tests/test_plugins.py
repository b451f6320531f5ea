"""A rule from outside the package registers through the same entry point group as built-ins."""

import json
import textwrap

from cnlint.engine.registry import load_registry

# A plugin on PYTHONPATH is found only by a fresh interpreter: these run the console script.
from conftest import run_console_script

PLUGIN = textwrap.dedent(
    '''
    import re
    from cnlint import Bad, Examples, FixSafety, Rule

    class FullwidthSpace(Rule):
        """A third-party rule: an ideographic space inside a sentence."""
        code = "X101"
        name = "ideographic-space-inside"
        summary = "U+3000 between two Han characters"
        why = "A full-width space inside a sentence is layout debris, not Chinese writing."
        fix_safety = FixSafety.SAFE
        triggers = "\\u3000"
        examples = Examples(
            clean=["\\u3000\\u3000段首缩进。"],
            bad=[Bad("青年\\u3000志愿者", fixed="青年志愿者", flagged=["\\u3000"])],
        )

        def check(self, doc):
            for m in re.finditer("(?<=[\\u4e00-\\u9fff])\\u3000(?=[\\u4e00-\\u9fff])", doc.text):
                yield self.finding(m.start(), m.end(), "Ideographic space", replacement="")
    '''
)


def install_fake_plugin(root):
    """A real distribution on sys.path: a module plus a dist-info with an entry point."""
    (root / "cnlint_demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = root / "cnlint_demo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: cnlint-demo-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[cnlint.rules]\ndemo = cnlint_demo_plugin\n", encoding="utf-8"
    )


def test_plugin_rule_is_registered_and_runs(tmp_path, monkeypatch):
    install_fake_plugin(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry()
    rule = registry.get("X101")
    assert rule is not None and rule.name == "ideographic-space-inside"
    assert registry.get("P101") is not None  # built-ins come the same way

    from cnlint.testing import check_rule_examples

    check_rule_examples(rule)


def test_plugin_rule_through_the_cli(tmp_path):
    install_fake_plugin(tmp_path)
    doc = tmp_path / "doc.txt"
    doc.write_text("共青团员和青年\u3000志愿者参加活动。\n", encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path)}
    listed = json.loads(run_console_script("rules", "--format", "json", env=env).stdout)
    assert "X101" in {r["code"] for r in listed}
    result = run_console_script("check", "--select", "X101", "--format", "json", str(doc), env=env)
    assert [r["code"] for r in json.loads(result.stdout)] == ["X101"]
    run_console_script("check", "--select", "X101", "--fix", str(doc), env=env)
    assert doc.read_text(encoding="utf-8") == "共青团员和青年志愿者参加活动。\n"


def test_rule_helpers_are_public_and_built_in_rules_use_them():
    """What a plugin needs is importable from cnlint, and is what the built-in rules use."""
    import re
    from typing import ClassVar

    from cnlint import Document, Rule, Span
    from cnlint.chars import HAN, HAN_CHAR, han_count
    from cnlint.engine.linter import Linter
    from cnlint.engine.registry import Registry
    from cnlint.prefilter import each_before, literal_led, union
    from cnlint.rules.boilerplate import b101_navigation_junk

    assert b101_navigation_junk.union is union and b101_navigation_junk.han_count is han_count
    assert Document("正文\n").paragraphs == [Span(0, 2)]
    assert (
        han_count("青年志愿者 volunteers 𠀀")
        == len(HAN_CHAR.findall("青年志愿者 volunteers 𠀀"))
        == 6
    )
    prefilter = union(literal_led(["版权所有", "版权"]), each_before("©", "[ 0-9]"))
    assert re.search(prefilter, "© 2012") and re.search(prefilter, "版权声明")
    assert not re.search(prefilter, "他说版")

    class SpaceInWord(Rule):
        """Triggers that depend on an option, set on the instance like a prefilter."""

        code = "X102"
        name = "space-in-word"
        summary = "A configured space between two Han characters"
        why = "Read from the instance: the gate must skip texts without the configured space."
        options: ClassVar[dict] = {"space": " "}
        option_docs: ClassVar[dict] = {"space": "The space character."}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.triggers = self.option_values["space"]

        def check(self, doc):
            pattern = f"(?<=[{HAN}]){re.escape(self.option_values['space'])}(?=[{HAN}])"
            for match in re.finditer(pattern, doc.text):
                yield self.finding(match.start(), match.end(), "Space in a word")

    from cnlint.config import Config

    config = Config(select=("X102",), rule_options={"X102": {"space": "\u3000"}})
    linter = Linter(config, Registry([SpaceInWord]))
    assert [f.code for f in linter.lint(Document("青年\u3000志愿者"))] == ["X102"]
    assert linter.lint(Document("青年 志愿者")) == []
    assert linter.gate.select(linter.rules, "青年 志愿者") == []
