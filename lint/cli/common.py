"""What the commands share: failing with one line, Ctrl-C, the --format and --config options,
the config and linter a command runs with, and the -v messages."""

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from cnlint.config import Config, ConfigError, load_config, with_settings
from cnlint.engine.linter import Linter
from cnlint.engine.registry import Registry, RegistryError, load_registry
from cnlint.engine.run import FileResult
from cnlint.inputs.writer import files_written
from cnlint.report import REPORTERS
from cnlint.report.errors import errors_summary, print_errors

PROGRESS_MIN_FILES = 20
EXTEND_KEYS = ("extend_select", "extend_ignore")


def split_codes(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fail(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"cnlint: error: {message}", markup=False
    )
    return typer.Exit(2)


def load_registry_or_fail() -> Registry:
    try:
        return load_registry()
    except RegistryError as exc:
        raise fail(str(exc)) from exc


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C ends a command with one line and exit 130, not a traceback: every write is
    atomic, so what was written is whole and the rest untouched."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            Console(stderr=True, highlight=False).print(
                f"cnlint: interrupted; {files_written()} files written, none partially",
                markup=False,
            )
            raise typer.Exit(130) from None

    return run


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "--output-format",
        metavar="FORMAT",
        help=f"Output format: {', '.join(REPORTERS)}.",
    ),
]
ConfigOption = Annotated[
    list[str] | None,
    typer.Option(
        "--config",
        metavar="FILE|KEY=VALUE",
        help="Config file (cnlint.toml or pyproject), or a setting on top of the config found, "
        "in TOML: --config 'target-script = \"traditional\"'. Repeatable.",
    ),
]


def config_arguments(values: list[str] | None) -> tuple[Path | None, list[str]]:
    """``--config`` values: at most one file, and KEY=VALUE settings (ruff's convention: a value
    is a setting when it holds ``=`` and is not an existing file)."""
    files = [v for v in values or () if "=" not in v or Path(v).is_file()]
    if len(files) > 1:
        raise fail(f"--config names two files ({files[0]}, {files[1]}); give one")
    settings = [v for v in values or () if v not in files]
    return (Path(files[0]) if files else None), settings


def load_config_or_fail(values: list[str] | None, start: Path) -> Config:
    path, settings = config_arguments(values)
    try:
        return with_settings(load_config(path, start), settings)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


def configured_linter(
    config_values: list[str] | None,
    start: Path,
    select: list[str] | None,
    ignore: list[str] | None,
    **overrides: Any,
) -> tuple[Config, Linter]:
    """The config found for ``start`` with the command line's values on top, and its linter."""
    registry = load_registry_or_fail()
    flags = [("--select", select), ("--ignore", ignore)]
    flags += [(f"--{key.replace('_', '-')}", overrides.get(key)) for key in EXTEND_KEYS]
    for flag, values in flags:
        if values is not None and not split_codes(values):
            # An empty shell variable ($CODES) would otherwise quietly mean the config's rules.
            raise fail(f"{flag} names no rule; give codes, prefixes or names (see `cnlint rules`)")
        unknown = [s for s in split_codes(values) or () if not registry.matching(s)]
        if unknown:
            raise fail(f"unknown rule selector {unknown[0]!r} ({flag}); see `cnlint rules`")
    config = load_config_or_fail(config_values, start)
    for key in EXTEND_KEYS:  # the command line's add to the config's, as their name says
        overrides[key] = (*getattr(config, key), *(split_codes(overrides.get(key)) or ()))
    try:
        config = config.with_overrides(
            select=split_codes(select), ignore=split_codes(ignore), **overrides
        )
        config.validate_rules(registry)
        return config, Linter(config, registry)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


class Verbose:
    """``-v``: what the run uses, on stderr, so it never mixes with the report."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(f"cnlint: {message}", file=sys.stderr)


def report_errors(errors: list[FileResult], *, summarised: bool) -> None:
    """Each file that could not be checked on stderr, whatever the format, then why in sum
    (unless the report's own summary, on the terminal, already says it)."""
    print_errors(errors, sys.stderr)
    if errors and not summarised:
        print(f"cnlint: {errors_summary(errors)}", file=sys.stderr)
