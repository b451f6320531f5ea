"""The quality benchmark's judgments stay honest as the rules change.

The corpus (bench/quality/corpus) is linted once per session with every rule. A finding judged
true must still be reported; a finding judged false that is still reported must be listed as an
open false positive (judgments/open/<CODE>.tsv), and a listed one must still be reported, so a
fixed false positive cannot come back unnoticed. The injection generator and the report run as
smoke tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

QUALITY = Path(__file__).resolve().parent.parent / "bench" / "quality"
sys.path.insert(0, str(QUALITY))

import corpus  # noqa: E402
import inject  # noqa: E402
import judgments  # noqa: E402
import report  # noqa: E402
from categories import CATEGORIES  # noqa: E402

from cnlint.engine.registry import load_registry  # noqa: E402

ALL_JUDGMENTS = judgments.load_all()


@pytest.fixture(scope="session")
def findings() -> list[corpus.Finding]:
    return corpus.lint_corpus()


@pytest.fixture(scope="session")
def reported(findings) -> dict[str, set[judgments.Key]]:
    keys: dict[str, set[judgments.Key]] = {}
    for finding in findings:
        keys.setdefault(finding.code, set()).add(finding.key)
    return keys


def describe(keys) -> str:
    return "\n".join("  " + judgments.key_prefix(*key).replace("\t", " | ") for key in sorted(keys))


@pytest.mark.parametrize("code", sorted(ALL_JUDGMENTS))
def test_findings_judged_true_are_still_reported(code, reported):
    real = {j.key for j in ALL_JUDGMENTS[code] if j.verdict in {"true", "harmful-fix"}}
    gone = real - reported.get(code, set()) - judgments.load_lost(code)
    assert not gone, (
        f"{code}: findings judged real are no longer reported and not listed in "
        f"judgments/lost/{code}.tsv:\n{describe(gone)}"
    )


@pytest.mark.parametrize("code", sorted(ALL_JUDGMENTS))
def test_listed_lost_findings_are_still_missing(code, reported):
    real = {j.key for j in ALL_JUDGMENTS[code] if j.verdict in {"true", "harmful-fix"}}
    listed = judgments.load_lost(code)
    back = listed - (real - reported.get(code, set()))
    assert not back, (
        f"{code}: listed lost findings are reported again (or not judged real): run "
        f"`findings.py {code} --update-lost` to record it:\n{describe(back)}"
    )


@pytest.mark.parametrize("code", sorted(ALL_JUDGMENTS))
def test_findings_judged_false_do_not_come_back(code, reported):
    false = {j.key for j in ALL_JUDGMENTS[code] if j.verdict == "false"}
    still = false & reported.get(code, set())
    unlisted = still - judgments.load_open(code)
    assert not unlisted, (
        f"{code}: findings judged false are reported but not listed as open in "
        f"judgments/open/{code}.tsv (a fixed false positive came back, or a new judgment "
        f"needs `findings.py {code} --update-open`):\n{describe(unlisted)}"
    )


@pytest.mark.parametrize("code", sorted(ALL_JUDGMENTS))
def test_open_false_positives_are_still_reported(code, reported):
    false = {j.key for j in ALL_JUDGMENTS[code] if j.verdict == "false"}
    listed = judgments.load_open(code)
    fixed = listed - (false & reported.get(code, set()))
    assert not fixed, (
        f"{code}: listed open false positives are no longer reported (or not judged false): "
        f"run `findings.py {code} --update-open` to record the fix:\n{describe(fixed)}"
    )


def test_judgments_name_rules_and_documents_that_exist():
    codes = {rule.code for rule in load_registry()}
    texts = {(path, record): text for path, record, text in corpus.corpus_documents()}
    for code, judged in ALL_JUDGMENTS.items():
        assert code in codes, f"judgments/{code}.tsv names no rule"
        for j in judged:
            assert (j.path, j.record) in texts, f"{code}: no document {j.path} {j.record}"
            assert j.line <= texts[(j.path, j.record)].count("\n") + 1


def test_escaping_keeps_tabs_newlines_and_backslashes_on_one_line():
    text = "第一行\t制表\\n不是换行\n第二行\r"
    escaped = judgments.escape(text)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert judgments.unescape(escaped) == text


def test_missed_defects_point_at_corpus_lines():
    texts = {(path, record): text for path, record, text in corpus.corpus_documents()}
    rows = report.load_missed()
    assert rows, "missed.tsv lists no defect"
    for row in rows:
        text = texts[(row.path, row.record)]
        line = text.split("\n")[row.line - 1]
        assert row.text in line, f"missed.tsv: {row.path}:{row.line} does not hold {row.text!r}"


def test_manifest_names_every_corpus_source():
    sources = corpus.sources()
    folders = {p.relative_to(corpus.CORPUS).parts[:2] for p in corpus.CORPUS.glob("*/*")}
    assert folders == {(s.genre, s.id) for s in sources.values()}
    assert {s.kind for s in sources.values()} == {"edited", "raw"}


# The phrase lists of the boilerplate rules; the others in rules/data are character tables.
PHRASE_LISTS = [
    "navigation",
    "section-headers",
    "post-tags",
    "metadata",
    "metadata-weak",
    "copyright",
]


def rule_phrases() -> set[str]:
    phrases = set()
    for name in PHRASE_LISTS:
        file = QUALITY.parent.parent / "rules" / "data" / f"{name}.txt"
        for line in file.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and len(line.strip()) > 1:
                phrases.add(line.strip())
    return phrases


@pytest.fixture(scope="module")
def injection_run():
    return inject.measure(per_category=4, seed=5)


def test_injection_puts_every_category_in_unseen_wording(injection_run):
    recall, results = injection_run
    assert set(recall) == set(CATEGORIES)
    assert all(total == 4 for _, total in recall.values())
    phrases = rule_phrases()
    boilerplate = {"navigation", "caption", "byline", "metadata", "copyright"}
    for injection, _ in results:
        if injection.category in boilerplate:
            taken = [phrase for phrase in phrases if phrase in injection.what]
            assert not taken, f"{injection.what!r} uses the rule lists' wording {taken}"


def test_injection_recall_counts_only_covering_findings(injection_run):
    recall, results = injection_run
    for category, (found, total) in recall.items():
        assert found == sum(ok for i, ok in results if i.category == category)
        assert 0 <= found <= total


def test_report_shows_every_judged_rule_and_the_targets(findings, injection_run):
    text = report.render(findings, injection_run[0], markdown=True)
    for code in ALL_JUDGMENTS:
        assert f"| {code} |" in text
    assert "### Targets (issue 13)" in text
    assert text.count("\n- ") == 5
