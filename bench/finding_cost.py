"""Where building a finding's objects goes, in microseconds (best of 7, one process):

    .venv/bin/python bench/finding_cost.py

A rule builds each finding through ``Rule.finding``: a ``Finding``, and for a fix an ``Edit``
and a ``Fix`` too. Beside them: a plain tuple of the same values (the floor), the same frozen
slots dataclass with the ``__init__`` dataclasses generates (what ``finding.slot_init``
replaces), and a pickle round trip (what a ``--jobs`` worker's result costs per finding when
findings cross back to the parent).
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
    }
    for label, make in rows.items():
        print(f"{label:44} {microseconds(make):6.2f} µs")
    batch = [rule.finding(i, i + 1, "半角逗号", replacement=",") for i in range(1000)]
    trip = microseconds(lambda: pickle.loads(pickle.dumps(batch)), per=len(batch))
    print(f"{'pickle round trip, per finding of 1000':44} {trip:6.2f} µs")


if __name__ == "__main__":
    main()
