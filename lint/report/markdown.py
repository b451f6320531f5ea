"""The small Markdown subset that :func:`cnlint.report.explain.rule_markdown` writes, as HTML.

Headings, paragraphs, ``- `` lists, indented example blocks and `code` spans; every piece
of text is escaped (rule examples hold scraped text and markup on purpose).
"""

from __future__ import annotations

from cnlint.report.highlight import escape_text


def markdown_html(markdown: str) -> str:
    """The small Markdown subset that :func:`rule_markdown` writes, as escaped HTML."""
    out: list[str] = []
    block: list[str] = []
    kind = ""

    def flush() -> None:
        nonlocal kind
        if block:
            joined = "\n".join(block)
            if kind == "pre":
                out.append(f"<pre>{escape_text(joined.rstrip())}</pre>")
            elif kind == "ul":
                out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block) + "</ul>")
            else:
                out.append(f"<p>{_inline(joined)}</p>")
        block.clear()
        kind = ""

    for line in markdown.splitlines():
        if line.startswith("    ") or (kind == "pre" and not line.strip()):
            if kind != "pre":
                flush()
                kind = "pre"
            block.append(line[4:])
        elif line.startswith("#"):
            flush()
            level = min(6, len(line) - len(line.lstrip("#")) + 2)
            out.append(f"<h{level}>{_inline(line.lstrip('#').strip())}</h{level}>")
        elif line.startswith("- "):
            if kind != "ul":
                flush()
                kind = "ul"
            block.append(line[2:])
        elif not line.strip():
            flush()
        else:
            if kind not in ("", "p"):
                flush()
            kind = "p"
            block.append(line)
    flush()
    return "".join(out)


def _inline(text: str) -> str:
    """Escape, then turn `code` spans into <code>."""
    parts = text.split("`")
    return "".join(
        f"<code>{escape_text(part)}</code>" if index % 2 else escape_text(part)
        for index, part in enumerate(parts)
    )
