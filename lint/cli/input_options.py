"""Command-line options about inputs (JSONL fields, gitignore, stdin), shared by check and fix."""

from typing import Annotated, Any

import typer

from cnlint.cli.common import fail
from cnlint.config import ConfigError, field_path

TextFieldOption = Annotated[
    str | None,
    typer.Option(
        "--text-field",
        metavar="FIELD",
        help="JSONL key of the text (dotted for nested: content.body); default: text.",
        show_default=False,
    ),
]
IdFieldOption = Annotated[
    str | None,
    typer.Option(
        "--id-field",
        metavar="FIELD",
        help="JSONL key of the record id shown in reports; default: id.",
        show_default=False,
    ),
]
RespectGitignoreOption = Annotated[
    bool | None,
    typer.Option(
        "--respect-gitignore/--no-respect-gitignore",
        help="Skip files that .gitignore ignores when walking folders (default: respect).",
        show_default=False,
    ),
]
StdinFilenameOption = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help=(
            "Name for `-` (stdin) in reports and config; its suffix picks the format "
            "(without it: text, or JSONL when --text-field or --id-field is given)."
        ),
    ),
]


def input_overrides(
    text_field: str | None, id_field: str | None, respect_gitignore: bool | None
) -> dict[str, Any]:
    """Config overrides from the input options (``None`` keeps the config's value)."""
    try:
        text_path = field_path(text_field, "--text-field") if text_field is not None else None
        id_path = field_path(id_field, "--id-field") if id_field is not None else None
    except ConfigError as exc:  # a malformed key path ('', 'a..b'): a usage error, exit 2
        raise fail(str(exc)) from exc
    return {"text_field": text_path, "id_field": id_path, "respect_gitignore": respect_gitignore}
