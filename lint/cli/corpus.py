"""`cnlint corpus`: the corpus rules alone (duplicates and boilerplate across documents)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from cnlint.cli.app import app
from cnlint.cli.common import (
    ConfigOption,
    FormatOption,
    fail,
    load_config_or_fail,
    report_errors,
)
from cnlint.cli.input_options import (
    IdFieldOption,
    RespectGitignoreOption,
    TextFieldOption,
    input_overrides,
)
from cnlint.engine.corpus import corpus_linter, run_corpus
from cnlint.engine.run import Report
from cnlint.inputs.discovery import iter_files
from cnlint.inputs.sources import SourceOptions
from cnlint.report import REPORTERS

CORPUS_HELP = (
    "Find duplicate and near-duplicate documents and boilerplate paragraphs: run the corpus "
    "rules, which compare documents with each other (`cnlint rules` lists them)."
)


@app.command("corpus", help=CORPUS_HELP)
def corpus_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...",
            help="Files or folders (default: the current folder).",
            readable=False,  # an unreadable file gets its error line; the others are read
        ),
    ] = None,
    output_format: FormatOption = "full",
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show counts per code instead of each finding.")
    ] = False,
    near_threshold: Annotated[
        float | None,
        typer.Option(
            metavar="X", help="Sets the near-threshold option of the corpus rules (default 0.8)."
        ),
    ] = None,
    ngram: Annotated[
        int | None,
        typer.Option(metavar="N", help="Sets the ngram option of the corpus rules (default 5)."),
    ] = None,
    boilerplate_min_docs: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Sets the boilerplate-min-docs option of the corpus rules (default 5).",
        ),
    ] = None,
    config_values: ConfigOption = None,
    text_field: TextFieldOption = None,
    id_field: IdFieldOption = None,
    respect_gitignore: RespectGitignoreOption = None,
) -> None:
    paths = paths or [Path(".")]
    if output_format not in REPORTERS:
        raise fail(f"unknown --format {output_format!r} (choose from {', '.join(REPORTERS)})")
    if near_threshold is not None and not 0 < near_threshold <= 1:
        raise fail("--near-threshold must be in (0, 1]")
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    config = load_config_or_fail(config_values, paths[0]).with_overrides(
        **input_overrides(text_field, id_field, respect_gitignore)
    )
    flags = {
        "near-threshold": near_threshold,
        "ngram": ngram,
        "boilerplate-min-docs": boilerplate_min_docs,
    }
    linter = corpus_linter(config, options={k: v for k, v in flags.items() if v is not None})
    files = list(iter_files(paths, config))
    sources = SourceOptions.from_config(config)
    report = Report(run_corpus(files, linter, sources, lint_documents=False), config.fail_on)
    # Imported when used: every command's module is imported on every start.
    from cnlint.report import statistics as statistics_report

    if statistics and output_format == "json":
        statistics_report.render_json(report, sys.stdout)
    elif statistics:
        statistics_report.render(report, sys.stdout)
    else:
        REPORTERS[output_format](report, sys.stdout)
    report_errors(report.errors, summarised=statistics or output_format == "full")
    raise typer.Exit(report.exit_code())
