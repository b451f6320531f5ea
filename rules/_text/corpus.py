"""How the corpus rules name the earlier document a document repeats."""

from __future__ import annotations

from cnlint import Document


def label(doc: Document) -> str:
    """A document's path, and its record line in a JSONL file."""
    return f"{doc.path}:{doc.record.line}" if doc.record is not None else doc.path
