"""`cnlint ray`: the rules over a Ray Data dataset, on one machine or a cluster."""

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from cnlint.cli.app import app
from cnlint.cli.common import (
    fail,
    load_registry_or_fail,
)
from cnlint.config import Config, ConfigError, load_config
from cnlint.finding import Severity
from cnlint.report.console import make_console
from cnlint.report.jsonenc import IndentedArray


@app.command("ray")
def ray_command(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Folders, files or globs (.txt/.jsonl/.parquet)."),
    ],
    text_column: Annotated[
        str, typer.Option(metavar="COLUMN", help="The text column of JSONL/parquet rows.")
    ] = "text",
    fix: Annotated[bool, typer.Option("--fix", help="Add the fixed text (cnlint_fixed).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes")] = False,
    drop: Annotated[
        bool, typer.Option("--drop", help="Leave out rows still failing after fixes.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Write the annotated rows as parquet into this folder."),
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="With --drop: write the dropped rows, with the findings that dropped them "
            "(cnlint_findings), as parquet into this folder.",
        ),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS", help="Ray cluster address (default: RAY_ADDRESS or local)."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="statistics or json (the check --format json records).",
        ),
    ] = "statistics",
    config_path: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Config file (cnlint.toml or pyproject)."),
    ] = None,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus",
            help="Also run the corpus pass (D201-D203) on the cluster: the findings of "
            "check --corpus.",
        ),
    ] = False,
) -> None:
    """Lint a corpus with Ray Data (pip install 'cnlint[ray]'); same findings as check."""
    try:
        import ray
    except ImportError as exc:
        raise fail("the ray command needs Ray: pip install 'cnlint[ray]'") from exc
    from cnlint.integrations import raydata

    if output_format not in ("statistics", "json"):
        raise fail(f"unknown --format {output_format!r} (choose from statistics, json)")
    if rejected_out is not None and not drop:
        raise fail("--rejected-out needs --drop (nothing is dropped without it)")
    if corpus and (fix or drop):
        raise fail("--corpus reports only; it cannot be combined with --fix or --drop")
    try:
        config = load_config(config_path, Path(paths[0]))
        config.validate_rules(load_registry_or_fail())
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    files = raydata.expand(paths, config)
    if not files:
        raise fail(f"nothing to lint in {', '.join(paths)}")
    ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
    if corpus:
        from cnlint.integrations.raycorpus import corpus_records, lint_corpus

        dataset = lint_corpus(files, config)
        if output is not None:
            dataset = dataset.materialize()  # written, then read: linted once
            dataset.write_parquet(str(output))
        errors: list[str] = []
        records: Iterable[dict] = corpus_records(dataset, files, errors)
    else:
        dataset = _ray_lint(files, config, text_column, fix, unsafe_fixes, drop, rejected_out)
        if output is not None:
            dataset.write_parquet(str(output))
        records, errors = raydata.collect(dataset)
    failing = _print_records(records, output_format, config.fail_on.rank)
    for error in sorted(errors):
        print(error, file=sys.stderr)
    raise typer.Exit(2 if errors else (1 if failing else 0))


def _print_records(records: Iterable[dict], output_format: str, floor: int) -> bool:
    """Print the records (a JSON array, or a table of counts per rule) as they come;
    whether one of them is at or above the ``floor`` severity rank."""
    failing = False
    counts: Counter[tuple[str, str]] = Counter()
    array = IndentedArray(sys.stdout) if output_format == "json" else None
    for record in records:
        failing = failing or Severity(record["severity"]).rank >= floor
        if array is None:
            counts[record["code"], record["name"]] += 1
        else:
            array.add(record)
    if array is None:
        _print_rule_counts(counts)
    else:
        array.close()
        sys.stdout.write("\n")
    return failing


def _ray_lint(
    files: list[str],
    config: Config,
    text_column: str,
    fix: bool,
    unsafe: bool,
    drop: bool,
    rejected_out: Path | None,
):
    """The document rules on Ray: the annotated rows kept (all of them without ``--drop``);
    with ``rejected_out`` the dropped ones are written there."""
    from cnlint.integrations import raydata

    dataset = raydata.lint_dataset(
        raydata.read_inputs(files, text_column),
        text_column=text_column,
        config=config,
        fix=fix,
        unsafe=unsafe,
        drop=drop and rejected_out is None,
        path_column="path",
    ).materialize()
    if rejected_out is not None:
        dataset, rejected = raydata.split_failing(dataset, config)
        rejected.write_parquet(str(rejected_out))
        dataset = dataset.materialize()
    return dataset


def _print_rule_counts(counts: Counter[tuple[str, str]]) -> None:
    from rich.table import Table

    table = Table(title="Findings by rule", title_justify="left")
    for column in ("code", "rule", "count"):
        table.add_column(column)
    for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(code, name, str(count))
    make_console(sys.stdout).print(table)
