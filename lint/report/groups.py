"""``--group-by``: which source each document of a report comes from.

``folder`` groups by the file's folder relative to the checked folder (``.`` for the files
directly in it; with several checked folders the group starts with the checked folder as
written, and a file named on the command line is grouped under its folder as written). Any
other value names a JSONL field, as a dotted path like ``--text-field``. A field whose value is
a URL (``scheme://host/…``) groups by host, lower-cased, without port or a leading ``www.``: a
crawl's records group by site (``news.sohu.com``). Other strings group as they are, numbers and
booleans by their JSON text; a record without the field (or with null or ""), and every
document of a file that is not JSON Lines, goes to ``(no FIELD)``.

The field is read again from the file, after the run: one more pass over the JSON Lines, only
for the records that were linted, so the linting itself carries nothing extra.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePath
from typing import BinaryIO
from urllib.parse import urlsplit

from cnlint.inputs.compression import CompressionError, compression_of, decompress
from cnlint.inputs.jsonl import BOM, field_value
from cnlint.inputs.sources import MAX_DECOMPRESSED_BYTES, is_jsonl
from cnlint.inputs.streaming import READ_ERRORS, open_payload
from cnlint.report.stats import FileRecord

FOLDER = "folder"
UNREADABLE = "(unreadable)"


@dataclass(frozen=True)
class GroupBy:
    """What ``--group-by`` asked for, and what it needs to answer for every document."""

    key: str  # "folder" or a JSONL field path
    checked: tuple[str, ...] = ()  # the paths given to check, as written
    stdin: bytes | None = None  # the bytes read from stdin (a JSONL field is read from them)

    @property
    def missing(self) -> str:
        return f"(no {self.key})"

    def labels(self, files: Iterable[FileRecord], problems: list[str]) -> list[str]:
        """The group of every document, file by file, in the order of the files' documents.
        A file that cannot be read again puts its documents in ``(unreadable)`` and says why
        in ``problems``."""
        labels: list[str] = []
        for file in files:
            if self.key == FOLDER:
                labels += [folder_group(file.path, self.folders)] * len(file.documents)
            else:
                labels += self._field_groups(file, problems)
        return labels

    def _field_groups(self, file: FileRecord, problems: list[str]) -> list[str]:
        lines = [d.line for d in file.documents]
        if not is_jsonl(file.path) or any(line is None for line in lines):
            return [self.missing] * len(lines)
        wanted = set(lines)
        try:
            values = self._field_values(file.path, wanted)
        except (*READ_ERRORS, CompressionError) as exc:
            # Linted a moment ago, unreadable now (moved, or changed by another program).
            problems.append(f"{file.path}: cannot read the field {self.key!r} again ({exc})")
            return [UNREADABLE] * len(lines)
        return [group_label(values.get(line)) or self.missing for line in lines]

    def _field_values(self, path: str, wanted: set[int]) -> dict[int, object]:
        dotted = tuple(self.key.split("."))
        values: dict[int, object] = {}
        with self._open(path) as stream:
            for number, line in enumerate(stream, start=1):
                if number in wanted:
                    values[number] = field_value(line.removeprefix(BOM), dotted)
        return values

    def _open(self, path: str) -> BinaryIO:
        if self.stdin is None:
            return open_payload(Path(path))
        # Read from stdin: the run's only file, under its --stdin-filename.
        kind = compression_of(path)
        return io.BytesIO(decompress(self.stdin, kind, MAX_DECOMPRESSED_BYTES))

    @cached_property
    def folders(self) -> list[str]:
        return [path for path in self.checked if os.path.isdir(path)]


def folder_group(path: str, folders: list[str]) -> str:
    """The folder ``path`` is in, relative to the checked folder that holds it."""
    parent = os.path.dirname(path) or "."
    holding = [
        (root, relative)
        for root in folders
        if not _outside(relative := os.path.relpath(parent, root))
    ]
    if not holding:  # a file named on the command line
        return PurePath(parent).as_posix()
    root, relative = max(holding, key=lambda pair: len(os.path.abspath(pair[0])))
    if len(folders) > 1:
        relative = os.path.join(root, relative)
    return PurePath(os.path.normpath(relative)).as_posix()


def _outside(relative: str) -> bool:
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


def group_label(value: object) -> str | None:
    """The group of a field's value: a URL's host, a string as it is, other JSON as JSON;
    None for no value."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return url_host(value) or value
    return json.dumps(value, ensure_ascii=False)


def url_host(value: str) -> str | None:
    """``news.sohu.com`` for ``http://www.News.sohu.com:80/a.shtml``; None when not a URL."""
    if "://" not in value:
        return None
    try:
        host = urlsplit(value.strip()).hostname
    except ValueError:  # a malformed IPv6 literal, say
        return None
    return host.removeprefix("www.") if host else None
