"""Regular expressions compiled on first use.

A rule module keeps its patterns at module level, where they are easy to read next to the
rule. Compiled at import, they cost every process about 0.2 s before the first document
(a class such as ``[{HAN}]`` makes ``re`` fill a table entry by entry for each of its 21,000
characters, and a byline pattern holds dozens of them), although on most documents the gate
lets only a few rules run. ``regex(...)`` takes the same arguments as ``re.compile`` and
returns a stand-in that compiles on its first use; from then on its methods are the compiled
pattern's own, so a rule's hot loop pays nothing extra::

    from cnlint.patterns import regex

    SPACES_INSIDE = regex(f"(?<=[{HAN}])\\u3000+(?=[{HAN}])")

Every stand-in is listed (:func:`pending`), so the engine can compile them all at once before
it forks its workers (:mod:`cnlint.engine.regex_cache`, which also keeps them compiled on
disk): a forked worker then inherits them compiled.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

# What a compiled pattern offers; copied onto the stand-in when it compiles.
_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "split",
    "sub",
    "subn",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A ``re.Pattern`` that compiles itself the first time one of its methods is used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # readable without compiling: patterns are built from others
        self._flags = flags
        _made.add(self)

    def __getattr__(self, name: str) -> Any:
        # Reached only for attributes the instance does not hold yet, that is before the
        # first use: compile() puts the compiled pattern's bound methods on the instance.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (for ``re`` functions that want a real one)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self.pattern, self._flags)
            self.install(compiled)
        return compiled

    @property
    def is_compiled(self) -> bool:
        return "_compiled" in self.__dict__

    @property
    def compile_flags(self) -> int:
        """The flags as given to ``re.compile`` (``flags`` is the compiled pattern's)."""
        return self._flags

    def install(self, compiled: re.Pattern[str]) -> None:
        """Use ``compiled`` (this pattern, compiled elsewhere) from now on."""
        self._compiled = compiled
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        flags = f", {self._flags}" if self._flags else ""
        return f"regex({self.pattern!r}{flags})"


# Every stand-in alive (weakly: a pattern a rule instance built goes with the rule).
_made: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def pending() -> list[LazyPattern]:
    """The stand-ins not compiled yet."""
    return [pattern for pattern in list(_made) if not pattern.is_compiled]


def regex(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return LazyPattern(pattern, flags)
