"""cnlint: a data-quality linter for scraped Chinese text.

The library API the CLI is built on. One text::

    import cnlint
    findings = cnlint.lint("利民之事,,丝发必兴。")
    fixed = cnlint.fix("利民之事,,丝发必兴。")

Files and folders, as ``cnlint check`` checks them (docs/library.md)::

    report = cnlint.check_paths(["corpus/"], fix=True, write=True, baseline=Path("b.json"))
    report.findings      # [(Document, Finding)] left after the fixes and the baseline
    report.exit_code()   # 0 clean, 1 findings, 2 a file could not be read

``cnlint.iter_check`` is its streaming form (one ``FileResult`` per file, memory flat), and
``cnlint.check`` holds the steps both are made of.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from cnlint.config import Config, load_config
from cnlint.document import Document, Span
from cnlint.finding import Applicability, Edit, Finding, Fix, FixSafety, Severity
from cnlint.rule import Bad, CorpusRule, Examples, Rule, Settings

if TYPE_CHECKING:
    from cnlint.engine.linter import Linter

_default_linter: Linter | None = None


def _linter(config: Config | None) -> Linter:
    # Loading the registry and compiling rules is the costly part: do it once for defaults.
    global _default_linter
    from cnlint.engine.linter import Linter

    if config is not None:
        return Linter(config)
    if _default_linter is None:
        _default_linter = Linter()
    return _default_linter


# Loaded on first use: the linter (its gate imports numpy, whose thread pool the command line
# sizes before numpy loads, see cnlint.cli) and the entry points for files (processes, cache,
# corpus pass).
_LAZY = {
    "Linter": "engine.linter",
    "check_paths": "check",
    "iter_check": "check",
    "FileResult": "engine.run",
    "Report": "engine.run",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'cnlint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)


def lint(text: str, config: Config | None = None) -> list[Finding]:
    """Findings of the configured rules (all default rules when no config) on one text."""
    return _linter(config).lint(Document(text))


def fix(text: str, config: Config | None = None, unsafe: bool = False) -> str:
    """The text with every safe fix applied (and unsafe ones with ``unsafe=True``)."""
    return _linter(config).fix(Document(text), unsafe=unsafe).text


__all__ = [
    "Applicability",
    "Bad",
    "Config",
    "CorpusRule",
    "Document",
    "Edit",
    "Examples",
    "FileResult",
    "Finding",
    "Fix",
    "FixSafety",
    "Linter",
    "Report",
    "Rule",
    "Settings",
    "Severity",
    "Span",
    "check_paths",
    "fix",
    "iter_check",
    "lint",
    "load_config",
]
