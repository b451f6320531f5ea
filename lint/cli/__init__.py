"""The command line: a thin typer layer over the library, one module per command.

Each command module registers its command on :data:`app` when imported; the order here is the
order of ``cnlint --help``.
"""

from cnlint.cli.app import app

# isort: off
from cnlint.cli import check, fix, corpus, ray, rules  # noqa: F401  (registers them)
# isort: on


def main() -> None:
    app()


__all__ = ["app", "main"]
