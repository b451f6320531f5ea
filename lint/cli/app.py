"""The typer application every command registers on, and its --version."""

import sys
from typing import Annotated

import typer
from typer.core import TyperArgument

from cnlint import __version__
from cnlint.report.console import escape_unencodable

# typer prints an argument's Python type after its metavar (PATH <list[Path]>), which tells a
# user nothing the metavar and help do not; typer has no public switch for it.
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    help="cnlint: a data-quality linter for scraped Chinese text.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cnlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """cnlint finds and fixes defects in scraped Chinese text."""
    escape_unencodable(sys.stdout, sys.stderr)
