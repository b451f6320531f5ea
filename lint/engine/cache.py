"""A per-file result cache: a re-run on an unchanged corpus reads files but lints nothing.

An entry is keyed on the file's bytes, the rules that apply to it (codes, options and
settings), and the code that produced the findings (cnlint's version plus the size and
modification time of every module that defines an active rule or the engine). Any change
to one of these gives a new key, so a stale entry is never read; old entries are simply
left behind (delete the folder to reclaim space).

Entries are pickled lists of findings per document, written atomically, in
``.cnlint_cache/`` beside the config file (or in the working folder).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from cnlint import __version__
from cnlint.finding import Finding
from cnlint.rule import Rule

CACHE_DIR = ".cnlint_cache"


def code_fingerprint(rules: list[Rule]) -> str:
    """Identifies the code behind the findings: cnlint's own modules and, for each rule, every
    module and data file of the outermost package that holds it (for the built-in rules all of
    ``cnlint.rules``: the family packages, the shared ``_text`` helpers and the ``data/``
    phrase lists), by size and modification time."""
    engine = Path(__file__).parent.parent  # the cnlint package, all its layers
    files = set(engine.rglob("*.py"))
    # Each package is searched once: the 54 built-in rules share one (a search per rule
    # cost 80 ms of every cached run).
    for source in {_source(type(rule).__module__, engine) for rule in rules} - {None}:
        files.update(_package_files(source) if source.is_dir() else [source])
    parts = [__version__]
    for path in sorted(files):
        stat = path.stat()
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _source(module_name: str, engine: Path) -> Path | None:
    """What a rule's findings depend on: the folder of its outermost package outside cnlint's
    own folder (``cnlint.rules``, or a plugin's top package), or its single module."""
    names = module_name.split(".")
    for depth in range(1, len(names) + 1):
        module = sys.modules.get(".".join(names[:depth]))
        module_file = getattr(module, "__file__", None)
        if not module_file or Path(module_file).parent == engine:
            continue
        if not hasattr(module, "__path__"):  # a plain module: that file alone
            return Path(module_file)
        return Path(module_file).parent
    return None


def _package_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def rules_fingerprint(rules: list[Rule]) -> str:
    described = [
        (rule.code, rule.level.value, sorted(rule.option_values.items()), repr(rule.settings))
        for rule in rules
    ]
    return hashlib.blake2b(repr(described).encode(), digest_size=16).hexdigest()


class ResultCache:
    """Findings per document of a file's exact bytes under an exact rule set."""

    def __init__(self, folder: Path, rules: list[Rule]) -> None:
        self.folder = folder
        self._code = code_fingerprint(rules)
        self._rules: dict[tuple[str, ...], str] = {}

    def key(self, raw: bytes, rules: list[Rule], extra: str = "") -> str:
        """``extra`` names what else shapes the documents (the JSONL fields read)."""
        codes = tuple(rule.code for rule in rules)
        described = self._rules.get(codes)
        if described is None:
            described = self._rules[codes] = rules_fingerprint(rules)
        digest = hashlib.blake2b(raw, digest_size=20)
        digest.update(f"|{self._code}|{described}|{extra}".encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def load(self, key: str) -> list[list[Finding]] | None:
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def store(self, key: str, findings: list[list[Finding]]) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._ignore_in_git()
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
                pickle.dump(findings, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _ignore_in_git(self) -> None:
        marker = self.folder / ".gitignore"
        if not marker.exists():
            marker.write_text("# Created by cnlint: the cache is not source.\n*\n")
