"""Findings, fixes and edits: what a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from operator import attrgetter


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    """How safe a fix is. Unsafe fixes may change meaning and need ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixSafety(str, Enum):
    """What a rule can do about its findings."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


def pickled_by_fields(cls):
    """Pickle as a constructor call with the field values.

    Results cross processes in ``--jobs`` runs; this is 3x faster both ways than the
    dataclass default for frozen slots classes, and follows any field added later.
    """
    values = attrgetter(*(f.name for f in fields(cls)))
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (an empty span inserts)."""

    start: int
    end: int
    content: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    """Edits applied together, or not at all.

    ``encoding`` names the encoding the file must be written in after the fix
    (the transcoding fix of a non-UTF-8 source); ``None`` keeps the source's own.
    """

    applicability: Applicability
    edits: tuple[Edit, ...]
    title: str = ""
    encoding: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A defect at ``[start, end)`` of a document's text."""

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | None = None
