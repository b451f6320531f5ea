"""Configuration: ``[tool.cnlint]`` in pyproject.toml or a ``cnlint.toml``, validated strictly."""

from __future__ import annotations

import difflib
import fnmatch
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from cnlint.finding import Severity
from cnlint.rule import Rule, Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("cnlint.toml", "pyproject.toml")
SEVERITIES = [s.value for s in Severity]
TARGET_SCRIPTS = ["simplified", "traditional", "any"]
TARGET_VARIETIES = ["mandarin", "cantonese", "any"]
# Every source format cnlint reads (see cnlint.inputs.sources), plain and compressed. A plain *.json
# beside a corpus is usually metadata (dataset_info.json), not JSON Lines, so folders are not
# searched for it; compressed *.json.gz is how corpora such as C4 ship JSON Lines.
DEFAULT_INCLUDE = (
    *(f"*{ext}{packed}" for ext in (".txt", ".jsonl") for packed in ("", ".gz", ".zst")),
    "*.json.gz",
    "*.json.zst",
)


class ConfigError(Exception):
    """A configuration problem, worded for the user (names the file and the key)."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Added to select (or to the default rules) and to ignore, as ruff's extend-select does.
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    target_script: str = "simplified"
    target_variety: str = "mandarin"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    text_field: str = "text"
    id_field: str = "id"
    # JSONL: the key of a record's own suppressions, {"ignore": ["P103"]}.
    suppression_field: str = "cnlint"
    max_document_size: int = 16_000_000
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    max_findings: int | None = None
    max_density: float | None = None
    root: Path | None = None
    source: str = "defaults"

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def settings(self) -> Settings:
        return Settings(target_script=self.target_script, target_variety=self.target_variety)

    def selected(self, registry) -> list[type[Rule]]:
        if self.select:
            chosen = {rule for selector in self.select for rule in _match(registry, selector)}
        else:
            chosen = {rule for rule in registry if rule.default_enabled}
        chosen |= {rule for selector in self.extend_select for rule in _match(registry, selector)}
        ignored = (*self.ignore, *self.extend_ignore)
        dropped = {rule for selector in ignored for rule in _match(registry, selector)}
        return sorted(chosen - dropped, key=lambda r: r.code)

    def instantiate(self, registry) -> list[Rule]:
        return [self.configured(rule_cls) for rule_cls in self.selected(registry)]

    def configured(self, rule_cls: type[Rule]) -> Rule:
        """The rule with this config's options and settings, whether it is selected or not."""
        options = dict(self._options_for(rule_cls))
        severity = options.pop("severity", None)
        return rule_cls(options, self.settings, Severity(severity) if severity else None)

    def _options_for(self, rule_cls: type[Rule]) -> Mapping[str, Any]:
        merged: dict[str, Any] = {}
        for key in (rule_cls.name, rule_cls.code):
            merged.update(self.rule_options.get(key, {}))
        return merged

    def ignored_for(self, path: str, registry) -> set[str]:
        relative = self.relative(path)
        ignored: set[str] = set()
        for pattern, selectors in self.per_file_ignores.items():
            if matches_glob(relative, pattern):
                ignored.update(r.code for s in selectors for r in _match(registry, s))
        return ignored

    def relative(self, path: str) -> str:
        if self.root is not None:
            try:
                return Path(path).resolve().relative_to(self.root).as_posix()
            except (ValueError, OSError):
                pass
        return PurePosixPath(Path(path).as_posix()).as_posix()

    def validate_rules(self, registry) -> None:
        """Check selectors and per-rule options against the rules that exist."""
        for key in ("select", "ignore", "extend_select", "extend_ignore"):
            for selector in getattr(self, key):
                name = key.replace("_", "-")
                _match(registry, selector, where=f"{name} in {self.source}")
        for pattern, selectors in self.per_file_ignores.items():
            for selector in selectors:
                _match(registry, selector, where=f"per-file-ignores[{pattern!r}] in {self.source}")
        for key, options in self.rule_options.items():
            rule = registry.get(key)
            if rule is None:
                raise ConfigError(f"unknown rule {key!r} in [rules] of {self.source}")
            for option, value in options.items():
                where = f"rules.{key}.{option} in {self.source}"
                if option == "severity":
                    _check_choice(value, SEVERITIES, where)
                elif option not in rule.options:
                    raise ConfigError(_unknown_option(option, rule, where))
                else:
                    _check_type(value, rule.options[option], where)


def _unknown_option(option: str, rule: type[Rule], where: str) -> str:
    """Names the closest option (``severty`` -> ``severity``) and every option the rule has."""
    known = ["severity", *sorted(rule.options)]
    close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown option {where} ({hint}options of {rule.code}: {', '.join(known)})"


def _match(registry, selector: str, where: str = "the command line") -> list[type[Rule]]:
    found = registry.matching(selector)
    if not found:
        raise ConfigError(f"unknown rule selector {selector!r} ({where})")
    return found


def matches_glob(path: str, pattern: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (
        fnmatch.fnmatchcase(path, pattern)
        or fnmatch.fnmatchcase(name, pattern)
        or PurePosixPath(path).match(pattern)
    )


def _check_choice(value: Any, choices: list[str], where: str) -> None:
    if value not in choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")


def _check_type(value: Any, default: Any, where: str) -> None:
    expected = type(default)
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, expected)
    if not ok:
        raise ConfigError(f"{where}: expected {expected.__name__}, got {value!r}")


def field_path(value: Any, where: str) -> str:
    """A JSON key path like ``text`` or ``content.body``."""
    if not isinstance(value, str) or not all(value.split(".")):
        raise ConfigError(
            f"{where}: expected a key path like 'text' or 'content.body', got {value!r}"
        )
    return value


def non_negative(value: Any, kind: type, where: str) -> Any:
    """A count (int) or threshold (float, ints accepted) that must not be negative."""
    _check_type(value, kind(), where)
    if not value >= 0:  # also nan, which compares false with everything: a gate never failing
        raise ConfigError(f"{where}: must be 0 or more, got {value!r}")
    return kind(value)


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


TOP_LEVEL_KEYS = {
    "select",
    "ignore",
    "fail-on",
    "target-script",
    "target-variety",
    "include",
    "exclude",
    "per-file-ignores",
    "rules",
    "respect-gitignore",
    "text-field",
    "id-field",
    "max-document-size",
    "max-findings",
    "max-density",
    "extend-select",
    "extend-ignore",
    "suppression-field",
}
# Config keys whose value is a table: an override merges into it instead of replacing it.
TABLE_KEYS = {"rules": "rule_options", "per-file-ignores": "per_file_ignores"}


def config_from_mapping(data: Mapping[str, Any], source: str, root: Path | None) -> Config:
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(
                f"unknown key {key!r} in {source} (known: {', '.join(sorted(TOP_LEVEL_KEYS))})"
            )
    values: dict[str, Any] = {"source": source, "root": root}
    for key in ("select", "ignore", "include", "exclude", "extend-select", "extend-ignore"):
        if key in data:
            values[key.replace("-", "_")] = _string_list(data[key], f"{key} in {source}")
    if "fail-on" in data:
        _check_choice(data["fail-on"], SEVERITIES, f"fail-on in {source}")
        values["fail_on"] = Severity(data["fail-on"])
    if "target-script" in data:
        _check_choice(data["target-script"], TARGET_SCRIPTS, f"target-script in {source}")
        values["target_script"] = data["target-script"]
    if "target-variety" in data:
        _check_choice(data["target-variety"], TARGET_VARIETIES, f"target-variety in {source}")
        values["target_variety"] = data["target-variety"]
    if "respect-gitignore" in data:
        _check_type(data["respect-gitignore"], True, f"respect-gitignore in {source}")
        values["respect_gitignore"] = data["respect-gitignore"]
    for key in ("text-field", "id-field", "suppression-field"):
        if key in data:
            values[key.replace("-", "_")] = field_path(data[key], f"{key} in {source}")
    if "max-document-size" in data:
        where = f"max-document-size in {source}"
        _check_type(data["max-document-size"], 1, where)
        if data["max-document-size"] < 1:
            raise ConfigError(f"{where}: expected a size in bytes above 0")
        values["max_document_size"] = data["max-document-size"]
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, Mapping):
            raise ConfigError(f"per-file-ignores in {source}: expected a table of glob = [codes]")
        values["per_file_ignores"] = {
            glob: _string_list(codes, f"per-file-ignores[{glob!r}] in {source}")
            for glob, codes in table.items()
        }
    if "max-findings" in data:
        values["max_findings"] = non_negative(
            data["max-findings"], int, f"max-findings in {source}"
        )
    if "max-density" in data:
        values["max_density"] = non_negative(data["max-density"], float, f"max-density in {source}")
    if "rules" in data:
        table = data["rules"]
        if not isinstance(table, Mapping) or not all(
            isinstance(v, Mapping) for v in table.values()
        ):
            raise ConfigError(f"rules in {source}: expected tables like [rules.P101]")
        values["rule_options"] = {key: dict(options) for key, options in table.items()}
    return Config(**values)


def with_settings(config: Config, settings: list[str]) -> Config:
    """``config`` with ``--config KEY=VALUE`` settings on top, each a line of TOML in the
    config file's keys (``target-script = "traditional"``, ``rules.P101.severity = "error"``).
    A table key (``rules``, ``per-file-ignores``) merges into the file's table."""
    for setting in settings:
        try:
            data = tomllib.loads(setting)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"--config {setting!r} is neither a config file nor KEY = VALUE in TOML ({exc})"
            ) from exc
        where = f"--config {setting!r}"
        parsed = config_from_mapping(data, where, config.root)
        changes: dict[str, Any] = {}
        for key in data:
            name = TABLE_KEYS.get(key, key.replace("-", "_"))
            value = getattr(parsed, name)
            if name == "rule_options":
                merged = {k: dict(v) for k, v in config.rule_options.items()}
                for rule, options in value.items():
                    merged.setdefault(rule, {}).update(options)
                value = merged
            elif name == "per_file_ignores":
                value = {**config.per_file_ignores, **value}
            changes[name] = value
        config = replace(config, **changes, source=f"{config.source} and {where}")
    return config


def find_config_file(start: Path) -> Path | None:
    """The nearest cnlint.toml, or pyproject.toml with a [tool.cnlint] table, walking up."""
    directory = start if start.is_dir() else start.parent
    for folder in [directory, *directory.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "cnlint" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    path = explicit or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cnlint", {})
        source = f"[tool.cnlint] of {path}"
    else:
        source = str(path)
    return config_from_mapping(data, source, path.resolve().parent)
