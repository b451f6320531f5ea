"""Findings, fixes and edits: what a rule reports."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
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


def slot_init(cls):
    """Give a frozen slots dataclass an ``__init__`` that stores each field through its slot.

    The generated one calls ``object.__setattr__`` per field (what ``frozen`` needs), which
    looks the name up again each time: a rule builds up to three of these objects per
    finding (Edit, Fix, Finding), and going through the slots directly builds them 1.6x
    faster. Same parameters and defaults as the dataclass's, from its fields; still frozen.
    """
    parameters, body = [], []
    namespace: dict[str, object] = {}
    for index, field in enumerate(fields(cls)):
        default = ""
        if field.default is not MISSING:
            namespace[f"_default_{index}"] = field.default
            default = f"=_default_{index}"
        namespace[f"_set_{index}"] = cls.__dict__[field.name].__set__
        parameters.append(f"{field.name}{default}")
        body.append(f"    _set_{index}(self, {field.name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(body)
    exec(source, namespace)  # the names and defaults come from the class's own fields
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls


@pickled_by_fields
@slot_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (an empty span inserts)."""

    start: int
    end: int
    content: str


@pickled_by_fields
@slot_init
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


# What ``Rule.finding`` stores for the common fix, one edit that replaces the finding's span:
# (applicability, replacement, title). ``Finding.fix`` builds the Fix from it on first read.
PendingFix = tuple[Applicability, str, str]


@slot_init
@dataclass(frozen=True, slots=True)
class Finding:
    """A defect at ``[start, end)`` of a document's text.

    ``fix`` is given as a :class:`Fix`, ``None``, or a :data:`PendingFix` (what
    ``Rule.finding`` passes for a replacement of the span); reading it gives a Fix or None.
    Most findings are counted, located or printed with a fix mark and never applied, so the
    Edit and the Fix (about 1.2 µs, more than the Finding) wait until a fix, a report that
    shows edits, equality, hashing or repr reads ``fix``. Pickles (``--jobs`` results, the
    results cache) carry a pending fix as it is.
    """

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | PendingFix | None = None

    @property
    def fix_applicability(self) -> Applicability | None:
        """The fix's applicability, None without a fix; never builds the fix."""
        fix = _stored_fix(self)
        if fix is None:
            return None
        return fix[0] if fix.__class__ is tuple else fix.applicability

    def edit_spans(self) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, content)`` of each edit of the fix (none without one); never builds
        the fix."""
        fix = _stored_fix(self)
        if fix is None:
            return ()
        if fix.__class__ is tuple:
            return ((self.start, self.end, fix[1]),)
        return tuple((edit.start, edit.end, edit.content) for edit in fix.edits)


# The slot holds the fix as given; ``fix`` becomes a property over it.
_stored_fix = Finding.__dict__["fix"].__get__
_store_fix = Finding.__dict__["fix"].__set__


def _built_fix(finding: Finding) -> Fix | None:
    fix = _stored_fix(finding)
    if fix.__class__ is tuple:
        applicability, content, title = fix
        fix = Fix(applicability, (Edit(finding.start, finding.end, content),), title, None)
        _store_fix(finding, fix)
    return fix


Finding.fix = property(_built_fix, doc="The fix (None: none), built on first read.")
_other_fields = attrgetter(*(f.name for f in fields(Finding) if f.name != "fix"))
# Pickled as a constructor call, like Edit and Fix (see pickled_by_fields), with the fix as stored.
Finding.__reduce__ = lambda self: (Finding, (*_other_fields(self), _stored_fix(self)))
