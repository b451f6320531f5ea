"""``--format jsonl``: one finding per line (locate.finding_dict), for streaming to tools."""

from __future__ import annotations

import json
from typing import TextIO

from cnlint.engine.run import Report
from cnlint.report.locate import finding_dict


def render(report: Report, stream: TextIO) -> None:
    for doc, finding in report.findings:
        stream.write(json.dumps(finding_dict(doc, finding), ensure_ascii=False) + "\n")
