"""Every registered rule's documented examples are its tests (the RuleTester pattern)."""

import pytest

from cnlint.engine.registry import load_registry
from cnlint.testing import check_rule_examples

RULES = list(load_registry())


def test_registry_has_the_built_in_families():
    families = {rule.family() for rule in RULES}
    assert {"punctuation", "script", "structure"} <= families


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_examples(rule):
    check_rule_examples(rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_is_documented(rule):
    assert rule.summary and len(rule.why) > 40
    assert rule.examples.bad, "a rule needs bad examples"
    if rule.fix_safety.value != "none":
        assert all(bad.fixed is not None for bad in rule.examples.bad), "fixable: show the fix"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_option_names_are_kebab_case_like_every_config_key(rule):
    for option in rule.options:
        assert option == option.lower() and "_" not in option, option
        assert option in rule.option_docs, f"{rule.code} option {option!r} lacks a doc line"
