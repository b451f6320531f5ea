"""`cnlint rules` and `cnlint rule CODE` (also `explain`): the rules and their pages."""

import json
import sys
from typing import Annotated

import typer

from cnlint.cli.app import app
from cnlint.cli.common import (
    fail,
    load_registry_or_fail,
)
from cnlint.report.console import make_console
from cnlint.report.explain import rule_markdown


@app.command("rules")
def list_rules(
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="table or json")
    ] = "table",
) -> None:
    """List every registered rule."""
    registry = load_registry_or_fail()
    if output_format == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family(),
                "severity": r.severity.value,
                "fix": r.fix_safety.value,
                "default_enabled": r.default_enabled,
                "summary": r.summary,
            }
            for r in registry
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    console = make_console(sys.stdout)
    if not console.is_terminal:
        # Piped or redirected: one rule a line, nothing wrapped or cut, easy to grep.
        for rule in registry:
            off = "" if rule.default_enabled else " (off by default)"
            fields = (
                rule.code,
                rule.name,
                rule.family(),
                rule.severity.value,
                rule.fix_safety.value,
            )
            print("\t".join(fields) + f"\t{rule.summary}{off}")
        return
    from rich.table import Table

    table = Table(title=f"{len(registry)} rules")
    for column in ("code", "name", "family", "severity", "fix"):
        table.add_column(column, no_wrap=True)
    table.add_column("finds")
    for rule in registry:
        table.add_row(
            rule.code,
            rule.name,
            rule.family(),
            rule.severity.value,
            rule.fix_safety.value,
            rule.summary,
        )
    console.print(table)


@app.command("rule")
@app.command()
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code or name, e.g. P101.")],
) -> None:
    """Show a rule's documentation and examples (`cnlint rule CODE` is the same)."""
    registry = load_registry_or_fail()
    rule = registry.get(code)
    if rule is None:
        raise fail(f"unknown rule {code!r}; see `cnlint rules`")
    text = rule_markdown(rule)
    console = make_console(sys.stdout)
    if console.is_terminal:
        from rich.markdown import Markdown  # imports markdown-it: only for explain's page

        console.print(Markdown(text))
    else:
        sys.stdout.write(text)
