"""The rules' patterns compiled from the disk cache are the patterns ``re.compile`` makes, and a
forked worker gets them compiled from its parent."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re

import pytest

import cnlint.rules
from cnlint import patterns
from cnlint.engine import regex_cache
from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, run_tasks
from cnlint.patterns import LazyPattern, regex

from conftest import SEEDS


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def every_rule_pattern() -> list[LazyPattern]:
    """Fresh (uncompiled) copies of the patterns of every rule module and every rule."""
    for module in pkgutil.walk_packages(cnlint.rules.__path__, "cnlint.rules."):
        importlib.import_module(module.name)
    Linter()  # rules built from their config make patterns too
    made = {(p.pattern, p.compile_flags) for p in list(patterns._made)}
    return [LazyPattern(pattern, flags) for pattern, flags in sorted(made)]


def assert_same_as_re(compiled: list[LazyPattern]) -> None:
    assert all(pattern.is_compiled for pattern in compiled)
    for pattern in compiled:
        # Pattern equality compares the flags, the pattern and the compiled code.
        assert pattern.compiled() == re.compile(pattern.pattern, pattern.compile_flags), (
            pattern.pattern
        )


def test_every_rule_pattern_compiles_as_re_does_then_comes_from_the_cache(cache_home, monkeypatch):
    fresh = every_rule_pattern()
    assert len(fresh) > 150
    regex_cache.compile_all(fresh)
    assert_same_as_re(fresh)
    assert regex_cache.cache_path().is_relative_to(cache_home)

    def no_compiling(pattern, flags):
        raise AssertionError(f"compiled again: {pattern!r}")

    monkeypatch.setattr(regex_cache, "opcodes", no_compiling)
    cached = every_rule_pattern()
    regex_cache.compile_all(cached)
    assert_same_as_re(cached)


def test_a_damaged_cache_is_not_used(cache_home, monkeypatch):
    regex_cache.compile_all([regex("[\u4e00-\u9fff]{2,}[，。]", re.I)])
    path = regex_cache.cache_path()
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert regex_cache.load(path) == {}
    again = regex("[\u4e00-\u9fff]{2,}[，。]", re.I)
    regex_cache.compile_all([again])
    assert again.compiled() == re.compile("[\u4e00-\u9fff]{2,}[，。]", re.I)


def test_without_res_internals_patterns_compile_as_before(cache_home, monkeypatch):
    """Another Python (no ``_sre``), or a ``re`` whose code generator changed: re.compile."""
    monkeypatch.setattr(regex_cache, "_sre", None)
    plain = regex("本报记者[\u4e00-\u9fff]{2,3}")
    regex_cache.compile_all([plain])
    assert plain.compiled() == re.compile("本报记者[\u4e00-\u9fff]{2,3}")
    assert not list(cache_home.glob("cnlint/regex-*"))

    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))

    def changed(pattern, flags):
        raise AttributeError("module 're._compiler' has no attribute '_code'")

    monkeypatch.setattr(regex_cache, "opcodes", changed)
    fallback = regex("据(?:新华社|中新社)报道")
    regex_cache.compile_all([fallback])
    assert fallback.compiled() == re.compile("据(?:新华社|中新社)报道")


def test_a_pattern_that_does_not_compile_still_fails_where_it_is_used(cache_home):
    broken = regex("(来源")
    regex_cache.compile_all([broken])
    assert not broken.is_compiled
    with pytest.raises(re.error):
        broken.search("来源：新华社")


COMPILED: list[str] = []  # what re.compile compiled in this process since the pool started


def compiled_here(result):
    """Run in the worker, after each task: what it compiled itself, as counted by the patched
    ``re.compile`` it inherited."""
    return list(COMPILED)


def test_forked_workers_use_the_parents_compiled_patterns(cache_home, monkeypatch):
    """Nothing the parent had is compiled again in a worker: the parent compiled every
    pattern before the fork, so each worker starts its share of the run warm."""
    original = re.compile

    def counting(pattern, flags=0):
        COMPILED.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(patterns.re, "compile", counting)
    files = sorted(SEEDS.glob("*.txt"))
    job = FileJob(Linter(), Mode())  # compiles the patterns (from the cache or afresh)
    in_parent = {pattern.pattern for pattern in list(patterns._made)}
    COMPILED.clear()
    results = run_tasks(files, job, 2, finish=compiled_here)
    in_workers = [compiled for _, compiled in results]
    assert len(in_workers) == len(files) >= 4
    assert not in_parent & {pattern for compiled in in_workers for pattern in compiled}


def test_a_job_pickled_to_a_spawned_worker_arrives_compiled(cache_home):
    """Where processes are spawned, the job is pickled: its linter's patterns come back as
    new stand-ins, which it compiles on arrival (from the cache) rather than one by one."""
    job = FileJob(Linter(), Mode())
    arrived = pickle.loads(pickle.dumps(job))
    assert arrived.linter is not job.linter
    assert arrived.linter._gate is not None
    assert not patterns.pending()
