"""Changing a finding's fix applicability after the fact (encoding rules whose fix is only
sometimes safe).
"""

from __future__ import annotations

from dataclasses import replace

from cnlint import Applicability, Finding


def unsafe(finding: Finding) -> Finding:
    """The same finding with its fix downgraded to unsafe (a fix the rule is less sure of)."""
    assert finding.fix is not None
    return replace(finding, fix=replace(finding.fix, applicability=Applicability.UNSAFE))
