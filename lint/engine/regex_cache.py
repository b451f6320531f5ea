"""The rules' regular expressions, compiled once for every process and kept on disk.

Compiling them costs about a quarter of a second, every process: ``re`` fills its tables for
a class such as ``[{HAN}]`` entry by entry in Python, and the byline and credit patterns hold
dozens of such classes. Compiled lazily, every worker of a pool would pay it again at the
start of its share of the run. What ``re`` compiles a pattern to is a list of opcodes: kept on disk
(beside the gate's Hyperscan database), it builds the same pattern object in microseconds.

The opcodes come from ``re``'s own parser and code generator (``re._parser``,
``re._compiler``; ``sre_parse`` and ``sre_compile`` before Python 3.11) and go back through
``_sre.compile``, exactly as ``re.compile`` does; the file is named by the Python version and
``re``'s opcode version, and ``_sre`` checks every code it is given. Anything missing, changed
or unreadable falls back to ``re.compile``.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cnlint.engine.hyperscan_cache import cache_folder, store_atomically
from cnlint.patterns import LazyPattern

try:
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover (the names before 3.11)
        import sre_compile as _compiler
        import sre_parse as _parser
except ImportError:  # pragma: no cover (another Python implementation)
    _sre = None

# Entries kept at most: patterns built from a project's config are new entries, so a cache
# shared by many projects would otherwise only grow. Past this it starts afresh.
MAX_ENTRIES = 4096
_DIGEST = 16  # bytes of SHA-256 in front of the entries, so a damaged file is not used

Key = tuple[str, int]
# What ``_sre.compile`` takes after the pattern: flags, code, groups, groupindex, indexgroup.
Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def compile_all(patterns: Iterable[LazyPattern]) -> None:
    """Compile ``patterns`` now, from the cache where it holds them.

    A pattern that does not compile is left as it is: it raises where it is used, as before.
    """
    patterns = [pattern for pattern in patterns if not pattern.is_compiled]
    if not patterns:
        return
    if _sre is None:
        for pattern in patterns:
            _compile_plainly(pattern)
        return
    path = cache_path()
    entries = load(path)
    added = False
    for pattern in patterns:
        key = (pattern.pattern, int(pattern.compile_flags))
        entry = entries.get(key)
        if entry is not None:
            try:
                pattern.install(_sre.compile(key[0], *entry))
                continue
            except (RuntimeError, TypeError, ValueError):  # not this Python's code after all
                pass
        try:
            entry = opcodes(*key)
            pattern.install(_sre.compile(key[0], *entry))
        except Exception:  # it does not compile, or re's internals are not what is expected
            _compile_plainly(pattern)
            continue
        entries[key] = entry
        added = True
    if added:
        if len(entries) > MAX_ENTRIES:
            keys = {(pattern.pattern, int(pattern.compile_flags)) for pattern in patterns}
            entries = {key: entry for key, entry in entries.items() if key in keys}
        save(path, entries)


def _compile_plainly(pattern: LazyPattern) -> None:
    """``re.compile`` it; one that raises stays lazy and raises where it is used, as before."""
    with contextlib.suppress(Exception):
        pattern.compiled()


def opcodes(pattern: str, flags: int) -> Entry:
    """What ``re.compile(pattern, flags)`` hands to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def cache_path() -> Path:
    version = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
    return cache_folder() / f"regex-{hashlib.sha256(version.encode()).hexdigest()[:32]}.bin"


def load(path: Path) -> dict[Key, Entry]:
    """The cached entries; none if the file is missing or damaged."""
    try:
        data = path.read_bytes()
        payload = data[_DIGEST:]
        if hashlib.sha256(payload).digest()[:_DIGEST] != data[:_DIGEST]:
            return {}
        entries = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def save(path: Path, entries: dict[Key, Entry]) -> None:
    """Write the entries (a cache that cannot be written is no error: the next run compiles)."""
    try:
        payload = marshal.dumps(entries)
    except ValueError:  # a value marshal cannot write: not this module's entries
        return
    store_atomically(path, hashlib.sha256(payload).digest()[:_DIGEST] + payload)
