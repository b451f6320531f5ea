"""``--format gitlab``: GitLab's Code Quality report (a JSON array of issues).

GitLab requires a fingerprint unique per issue: the baseline fingerprint
(stable across line shifts) plus the occurrence number of that fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from ..baseline import fingerprint, hashable
from ..finding import Severity
from ..run import Report
from .locate import position_dict

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, stream: TextIO) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    issues: list[dict[str, Any]] = []
    for doc, finding in report.findings:
        mark = fingerprint(doc, finding)
        seen[(doc.path, mark)] += 1
        unique = f"{doc.path}\x00{mark}\x00{seen[(doc.path, mark)]}"
        if doc.record is not None:
            lines = {"begin": doc.record.line, "end": doc.record.line}
        else:
            span = position_dict(doc, finding.start, finding.end)
            lines = {"begin": span["line"], "end": span["end_line"]}
        issues.append(
            {
                "type": "issue",
                "description": f"{finding.code} {finding.message}",
                "check_name": f"{finding.code} {finding.name}",
                "categories": ["Style"],
                "severity": SEVERITIES[finding.severity],
                "fingerprint": hashlib.md5(hashable(unique), usedforsecurity=False).hexdigest(),
                "location": {"path": doc.path, "lines": lines},
            }
        )
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
