"""Reporters: each turns a :class:`~cnlint.run.Report` into text on a stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..run import Report
from . import concise, full, github, gitlab, html, json_format, jsonl, junit, sarif

Reporter = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_format.render,
    "html": html.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
}
