"""The command line: a thin typer layer over the library."""

from cnlint.cli.commands import app, main

__all__ = ["app", "main"]
