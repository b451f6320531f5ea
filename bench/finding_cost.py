"""Where building a finding's objects goes, in microseconds (best of 7, one process):

    .venv/bin/python bench/finding_cost.py

A rule builds each finding through ``Rule.finding``: a ``Finding``; a fix that replaces the
finding's span is kept as a tuple until ``fix`` is read, which builds its ``Edit`` and ``Fix``
(other fixes, ``edits=``, are built at once). Beside them: a plain tuple of the same values (the
floor), the same frozen slots dataclass with the ``__init__`` dataclasses generates (what
``finding.slot_init`` replaces), and pickle round trips (what a ``--jobs`` worker's result costs
per finding when findings cross back to the parent), with the fixes pending and built.
"""

from __future__ import annotations

import pickle
import timeit
from dataclasses import dataclass

from cnlint.finding import Applicability, Edit, Finding, Fix, FixSafety, Severity
from cnlint.rule import Rule

ROUNDS, NUMBER = 7, 20_000


@dataclass(frozen=True, slots=True)
class GeneratedInit:
    """Finding's fields with the dataclass-generated ``__init__``."""

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | None = None


class Fixing(Rule):
    code, name, fix_safety = "X999", "bench-rule", FixSafety.SAFE


def microseconds(make, per: int = 1) -> float:
    """Best time of ``make()`` divided by ``per`` (the objects it handles)."""
    number = max(1, NUMBER // per)
    return min(timeit.repeat(make, number=number, repeat=ROUNDS)) / number / per * 1e6


def main() -> None:
    rule = Fixing()
    warning = Severity.WARNING
    rows = {
        "tuple of the 7 values": lambda: ("P103", "n", warning, 1, 2, "m", None),
        "Finding, dataclass-generated __init__": lambda: GeneratedInit(
            "P103", "n", warning, 1, 2, "m", None
        ),
        "Finding": lambda: Finding("P103", "n", warning, 1, 2, "m", None),
        "Edit": lambda: Edit(1, 2, ","),
        "Fix": lambda: Fix(Applicability.SAFE, (), ""),
        "Rule.finding, no fix": lambda: rule.finding(1, 2, "m"),
        "Rule.finding with a replacement fix": lambda: rule.finding(1, 2, "m", replacement=","),
        "  the same, its fix read (built)": lambda: rule.finding(1, 2, "m", replacement=",").fix,
        "  the same, its fix_applicability read": lambda: (
            rule.finding(1, 2, "m", replacement=",").fix_applicability
        ),
        "Rule.finding with edits=[Edit] (built at once)": lambda: rule.finding(
            1, 2, "m", edits=[Edit(1, 2, ",")]
        ),
    }
    for label, make in rows.items():
        print(f"{label:48} {microseconds(make):6.2f} µs")
    pending = [rule.finding(i, i + 1, "半角逗号", replacement=",") for i in range(1000)]
    built = [rule.finding(i, i + 1, "半角逗号", replacement=",") for i in range(1000)]
    for finding in built:
        assert finding.fix is not None  # reading it builds the Fix
    for label, batch in (("fixes pending", pending), ("fixes built", built)):
        trip = microseconds(lambda batch=batch: pickle.loads(pickle.dumps(batch)), per=len(batch))
        size = len(pickle.dumps(batch)) / len(batch)
        print(f"{'pickle round trip per finding, ' + label:48} {trip:6.2f} µs {size:5.0f} bytes")


if __name__ == "__main__":
    main()
