"""`cnlint fix`: fixed copies in another folder (--out), or fixes in place."""

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from cnlint.cli.app import app
from cnlint.cli.common import (
    ConfigOption,
    configured_linter,
    fail,
    interruptible,
)
from cnlint.cli.input_options import (
    IdFieldOption,
    RespectGitignoreOption,
    TextFieldOption,
    input_overrides,
)
from cnlint.copies import CopyError, fix_copies
from cnlint.copies import summary_line as copies_summary
from cnlint.finding import Severity
from cnlint.report.rejected import RejectedLog


@app.command("fix")
@interruptible
def fix_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Files or folders to copy fixed.",
            readable=False,  # an unreadable file gets its error line; the others are copied
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the fixed copies.")],
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    drop_failing: Annotated[
        str | None,
        typer.Option(
            metavar="SEVERITY",
            help="Leave out documents (JSONL records, .txt files) that still have a finding "
            "at or above this severity: error, warning, info.",
        ),
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="With --drop-failing: write every dropped document, with the findings that "
            "dropped it, to this JSONL file.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Rules to enable.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Rules to disable.")
    ] = None,
    config_values: ConfigOption = None,
    text_field: TextFieldOption = None,
    id_field: IdFieldOption = None,
    respect_gitignore: RespectGitignoreOption = None,
) -> None:
    """Write fixed copies under --out with the same relative layout; sources stay untouched.

    Exit 0 when every file was copied, 2 when any could not be read or written.
    """
    if drop_failing is not None and drop_failing not in [s.value for s in Severity]:
        raise fail(f"unknown --drop-failing {drop_failing!r} (choose from error, warning, info)")
    if rejected_out is not None and drop_failing is None:
        raise fail("--rejected-out needs --drop-failing (nothing is dropped without it)")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    _, linter = configured_linter(
        config_values,
        paths[0],
        select,
        ignore,
        **input_overrides(text_field, id_field, respect_gitignore),
    )
    drop_at = Severity(drop_failing) if drop_failing else None
    try:
        with contextlib.ExitStack() as stack:
            rejected = (
                stack.enter_context(RejectedLog(rejected_out, drop_at))
                if rejected_out is not None and drop_at is not None
                else None
            )
            summary = fix_copies(
                paths, out, linter, unsafe=unsafe_fixes, drop_at=drop_at, rejected=rejected
            )
    except CopyError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write --rejected-out {rejected_out}: {exc.strerror or exc}") from exc
    for result in summary.errors:
        print(f"{result.path}: error: {result.error}", file=sys.stderr)
    print(copies_summary(summary, out, drop_at, rejected_out))
    raise typer.Exit(2 if summary.errors else 0)
