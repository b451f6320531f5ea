"""The command line: a thin typer layer over the library, one module per command.

Each command module registers its command on :data:`app` when imported; the order here is the
order of ``cnlint --help``. typer builds every command at each start, so the command modules
import what one option needs inside the command, and keep their annotations objects (no
``from __future__ import annotations``): typer would evaluate each string, about 300 of them,
10 ms of every start.
"""

import os
import sys

# numpy's OpenBLAS starts a thread per core when numpy is imported (0.03-0.1 s of CPU on every
# start); cnlint does no linear algebra, so the command line asks for one thread unless the user
# chose a number. Only here, before the first import of numpy: a program that uses cnlint as a
# library keeps its own numpy threads. Worker processes inherit it.
if "numpy" not in sys.modules:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from cnlint.cli.app import app  # after the thread count above

# isort: off
from cnlint.cli import check, fix, corpus, ray, rules  # noqa: F401  (registers them)
# isort: on


def main() -> None:
    app()


__all__ = ["app", "main"]
