"""``--format json``: one JSON array of findings (see locate.finding_dict for the schema)."""

from __future__ import annotations

import json
from typing import TextIO

from ..run import Report
from .locate import finding_dict


def render(report: Report, stream: TextIO) -> None:
    records = [finding_dict(doc, finding) for doc, finding in report.findings]
    json.dump(records, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
