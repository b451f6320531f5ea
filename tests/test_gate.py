"""The gate never skips a rule that would report, and its two engines agree.

The gate decides from each rule's ``triggers`` and ``prefilter`` which rules run on a
document. Both are hand-written necessary conditions, so every built-in rule is run on
real text (the seeds, the dirty and clean corpora, every rule example) with the gate off:
wherever it reports something, the gate must have selected it.
"""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnlint.document import Document
from cnlint.engine.gate import Gate
from cnlint.engine.linter import Linter
from cnlint.engine.registry import load_registry
from cnlint.finding import FixSafety
from cnlint.rule import Examples, Rule, Settings

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS

REGISTRY = load_registry()
ENGINES = ["re", "hyperscan"]


def every_rule(target_script: str) -> list[Rule]:
    return [rule_cls(None, Settings(target_script)) for rule_cls in REGISTRY]


RULES = every_rule("simplified") + every_rule("traditional")


def corpus_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    for folder in (DIRTY_CORPUS, CLEAN_CORPUS):
        paths += sorted(folder.glob("*.txt")) if folder.exists() else []
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def example_cases() -> list[tuple[Rule, str]]:
    cases = []
    for rule_cls in REGISTRY:
        for text in rule_cls.examples.clean:
            cases.append((rule_cls(), text))
        for bad in rule_cls.examples.bad:
            rule = rule_cls(bad.options, Settings(**bad.settings))
            cases += [(rule, bad.text), (rule, bad.fixed)] if bad.fixed else [(rule, bad.text)]
    return cases


def gate(rules: list[Rule], engine: str) -> Gate:
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    return Gate(rules, engine)


def reporting(rules: list[Rule], text: str) -> list[str]:
    doc = Document(text)
    return [rule.code for rule in rules if any(True for _ in rule.check(doc))]


@pytest.mark.parametrize("engine", ENGINES)
def test_gate_selects_every_rule_that_reports_on_real_text(engine):
    chosen_by = gate(RULES, engine)
    for text in corpus_texts():
        selected = {id(rule) for rule in chosen_by.select(RULES, text)}
        missed = [rule for rule in RULES if id(rule) not in selected]
        assert not reporting(missed, text), text[:200]


@pytest.mark.parametrize("engine", ENGINES)
def test_gate_selects_every_rule_on_its_own_examples(engine):
    for rule, text in example_cases():
        if not gate([rule], engine).select([rule], text):
            assert not reporting([rule], text), (rule.code, text)


SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
TRIGGER_CHARS = sorted(
    {c for rule in RULES for t in (type(rule).triggers or ()) for c in t} | {"𠀀", "中", "\n"}
)
BY_ENGINE = {engine: Gate(RULES, engine) for engine in ["re"]}


def texts():
    pieces = st.one_of(st.sampled_from(TRIGGER_CHARS), st.sampled_from(SEED_LINES), st.text())
    return st.lists(pieces, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_gate_selects_every_rule_that_reports_on_mixed_text(text):
    selected = {id(rule) for rule in BY_ENGINE["re"].select(RULES, text)}
    assert not reporting([rule for rule in RULES if id(rule) not in selected], text)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_hyperscan_and_re_engines_agree(text):
    pytest.importorskip("hyperscan")
    if "hyperscan" not in BY_ENGINE:  # built once: setdefault would build it per example
        BY_ENGINE["hyperscan"] = Gate(RULES, "hyperscan")
    fast = BY_ENGINE["hyperscan"]
    assert fast.select(RULES, text) == BY_ENGINE["re"].select(RULES, text)


def test_the_default_linter_uses_hyperscan_when_installed():
    # A built-in prefilter Hyperscan cannot compile would silently fall back to ``re``.
    pytest.importorskip("hyperscan")
    assert Linter().gate.matcher.name == "hyperscan"


class Astral(Rule):
    """A rule triggered by a character beyond the BMP (a surrogate pair in UTF-16)."""

    code = "X901"
    name = "astral-test"
    summary = "test rule"
    why = "Exercises the gate's handling of characters outside the Basic Multilingual Plane."
    fix_safety = FixSafety.NONE
    triggers = ("𠀀", "全角")
    prefilter = "[\u4e00-\u9fff\U00020000-\U0002a6df][字符]"
    examples = Examples()


@pytest.mark.parametrize("engine", ENGINES)
def test_gate_handles_astral_characters_substrings_and_prefilters(engine):
    rule = Astral()
    chosen_by = gate([rule], engine)
    for text, expected in [
        ("前有𠀀字", True),
        ("前有\U00020001字", False),
        ("全角字符", True),
        ("全角 符号", False),  # a trigger occurs but the prefilter does not match
        ("全部", False),
        ("", False),
        ("全角\ud800字符", True),  # a lone surrogate: not UTF-8, still answered
    ]:
        assert bool(chosen_by.select([rule], text)) is expected, text


def test_compiled_gate_is_cached_on_disk_and_a_bad_cache_file_is_recompiled(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = corpus_texts()[:40]
    fresh = Gate(RULES, "hyperscan")
    (cached,) = (tmp_path / "cnlint").glob("gate-*.hsdb")
    stored = cached.stat().st_mtime_ns
    loaded = Gate(RULES, "hyperscan")
    assert cached.stat().st_mtime_ns == stored  # loaded, not compiled and stored again
    cached.write_bytes(b"not a database")
    recompiled = Gate(RULES, "hyperscan")
    for text in texts:
        expected = fresh.select(RULES, text)
        assert loaded.select(RULES, text) == expected
        assert recompiled.select(RULES, text) == expected
    assert cached.read_bytes() != b"not a database"  # rewritten by the recompile


def test_the_disk_cache_keeps_only_the_databases_written_last(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    from cnlint.engine import hyperscan_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "cnlint"
    folder.mkdir()
    # Databases of earlier selections, written one after another long ago.
    for age in range(hyperscan_cache.KEPT_DATABASES + 8):
        old = folder / f"gate-{age:032x}.hsdb"
        old.write_bytes(b"an older database")
        os.utime(old, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    regex_cache = folder / "regex-0.bin"
    regex_cache.write_bytes(b"not a gate database")
    Gate(RULES, "hyperscan")
    kept = sorted(folder.glob("gate-*.hsdb"))
    assert len(kept) == hyperscan_cache.KEPT_DATABASES
    assert folder / f"gate-{0:032x}.hsdb" in kept  # the newest of the old ones stays
    assert folder / f"gate-{hyperscan_cache.KEPT_DATABASES:032x}.hsdb" not in kept
    assert regex_cache.exists()
