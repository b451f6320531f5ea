"""cnlint: a data-quality linter for scraped Chinese text.

The library API the CLI is built on::

    import cnlint
    findings = cnlint.lint("利民之事,,丝发必兴。")
    fixed = cnlint.fix("利民之事,,丝发必兴。")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config
from .document import Document, Span
from .finding import Applicability, Edit, Finding, Fix, FixSafety, Severity
from .linter import Linter
from .rule import Bad, CorpusRule, Examples, Rule, Settings

_default_linter: Linter | None = None


def _linter(config: Config | None) -> Linter:
    # Loading the registry and compiling rules is the costly part: do it once for defaults.
    global _default_linter
    if config is not None:
        return Linter(config)
    if _default_linter is None:
        _default_linter = Linter()
    return _default_linter


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
    "Finding",
    "Fix",
    "FixSafety",
    "Linter",
    "Rule",
    "Settings",
    "Severity",
    "Span",
    "fix",
    "lint",
    "load_config",
]
