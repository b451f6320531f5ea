"""Running a rule's examples: the test helper for built-in and plugin rules alike.

A plugin author tests a rule with::

    from cnlint.testing import check_rule_examples

    def test_my_rule():
        check_rule_examples(MyRule)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.engine.registry import Registry
from cnlint.finding import Finding
from cnlint.rule import DOCUMENT_BREAK, Bad, CorpusRule, Rule


class ExampleFailure(AssertionError):
    pass


def linter_for(
    rule_cls: type[Rule], options: dict | None = None, settings: Mapping[str, Any] | None = None
) -> Linter:
    config = Config(
        select=(rule_cls.code,),
        rule_options={rule_cls.code: dict(options or {})},
        **dict(settings or {}),
    )
    return Linter(config, Registry([rule_cls]))


def findings_of(
    rule_cls: type[Rule],
    text: str,
    options: dict | None = None,
    settings: Mapping[str, Any] | None = None,
    encoding: str = "utf-8",
) -> list[Finding]:
    return linter_for(rule_cls, options, settings).lint(Document(text, encoding=encoding))


def fixed_text(
    rule_cls: type[Rule],
    text: str,
    options: dict | None = None,
    settings: Mapping[str, Any] | None = None,
    encoding: str = "utf-8",
) -> str:
    linter = linter_for(rule_cls, options, settings)
    return linter.fix(Document(text, encoding=encoding), unsafe=True).text


def corpus_findings_of(
    rule_cls: type[CorpusRule], corpus: str, options: dict | None = None
) -> list[tuple[str, Finding]]:
    """A corpus rule's findings on a corpus written as one text (documents separated by
    ``DOCUMENT_BREAK``), each with the document it is in, in order."""
    rule = linter_for(rule_cls, options).rules[0]
    assert isinstance(rule, CorpusRule)
    documents = [
        Document(text, path=f"<document {i}>")
        for i, text in enumerate(corpus.split(DOCUMENT_BREAK))
    ]
    rule.begin()
    for doc in documents:
        rule.add(doc, False)  # the rule alone: no other corpus rule has seen a copy
    return [(doc.text, finding) for doc in documents for finding in rule.findings(doc)]


def check_corpus_example(rule_cls: type[CorpusRule], text: str, bad: Bad | None) -> None:
    options = dict(bad.options) if bad else {}
    found = [doc[f.start : f.end] for doc, f in corpus_findings_of(rule_cls, text, options)]
    if bad is None and found:
        raise ExampleFailure(f"{rule_cls.code} flags the clean corpus {text!r} at {found!r}")
    if bad is not None and not found:
        raise ExampleFailure(f"{rule_cls.code} misses the bad corpus {text!r}")
    if bad is not None and bad.flagged is not None and found != list(bad.flagged):
        raise ExampleFailure(
            f"{rule_cls.code} on {text!r}: flagged {found!r}, expected {list(bad.flagged)!r}"
        )


def check_clean(rule_cls: type[Rule], text: str) -> None:
    findings = findings_of(rule_cls, text)
    if findings:
        spans = [text[f.start : f.end] for f in findings]
        raise ExampleFailure(f"{rule_cls.code} flags clean text {text!r} at {spans!r}")


def check_bad(rule_cls: type[Rule], bad: Bad) -> None:
    context = {"settings": bad.settings, "encoding": bad.encoding}
    findings = findings_of(rule_cls, bad.text, dict(bad.options), **context)
    if not findings:
        raise ExampleFailure(f"{rule_cls.code} misses the bad example {bad.text!r}")
    if bad.flagged is not None:
        spans = [bad.text[f.start : f.end] for f in findings]
        if spans != list(bad.flagged):
            raise ExampleFailure(
                f"{rule_cls.code} on {bad.text!r}: flagged {spans!r}, "
                f"expected {list(bad.flagged)!r}"
            )
    once = fixed_text(rule_cls, bad.text, dict(bad.options), **context)
    expected = bad.text if bad.fixed is None else bad.fixed
    if once != expected:
        raise ExampleFailure(
            f"{rule_cls.code} fixes {bad.text!r} to {once!r}, expected {expected!r}"
        )
    twice = fixed_text(rule_cls, once, dict(bad.options), bad.settings)
    if twice != once:
        raise ExampleFailure(f"{rule_cls.code} fix is not idempotent: {once!r} -> {twice!r}")


def check_rule_examples(rule_cls: type[Rule]) -> None:
    """Every clean example passes, every bad one is flagged and fixed as documented."""
    examples = rule_cls.examples
    if not examples.bad:
        raise ExampleFailure(f"{rule_cls.code} has no bad examples")
    if issubclass(rule_cls, CorpusRule):
        for text in examples.clean:
            check_corpus_example(rule_cls, text, None)
        for bad in examples.bad:
            check_corpus_example(rule_cls, bad.text, bad)
        return
    for text in examples.clean:
        check_clean(rule_cls, text)
    for bad in examples.bad:
        check_bad(rule_cls, bad)
