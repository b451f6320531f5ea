"""A rule's documentation page, built from its own attributes and examples."""

from __future__ import annotations

from cnlint.rule import Rule


def rule_markdown(rule_cls: type[Rule]) -> str:
    lines = [
        f"# {rule_cls.code} {rule_cls.name}",
        "",
        f"Family: {rule_cls.family()} · default severity: {rule_cls.severity.value}"
        f" · fix: {rule_cls.fix_safety.value}"
        + ("" if rule_cls.default_enabled else " · not enabled by default"),
        "",
        "## What it finds",
        "",
        rule_cls.summary,
        "",
        "## Why it matters for a corpus",
        "",
        rule_cls.why,
    ]
    if rule_cls.document_verdict:
        lines += [
            "",
            "A verdict on the whole document: where it reports, the document's findings that no "
            "fix touches are examples of the same verdict, so only the first few are listed and "
            "its message counts the rest (one defect, one finding: docs/usage.md).",
        ]
    if rule_cls.fix_note:
        lines += ["", "## Fix", "", rule_cls.fix_note]
    if rule_cls.options:
        lines += ["", "## Options", ""]
        for option, default in rule_cls.options.items():
            doc = rule_cls.option_docs.get(option, "")
            lines.append(f"- `{option}` (default `{default!r}`){': ' + doc if doc else ''}")
    if rule_cls.metric is not None:
        metric = rule_cls.metric
        side = "above" if metric.flags_above else "below"
        lines += [
            "",
            f"To choose `{metric.threshold}` from the data: the document's {metric.label} "
            f"(flagged {side} `{metric.threshold}`) is shown per source, with percentiles, by "
            "`cnlint check --statistics --group-by folder|FIELD`, and as a histogram with "
            "the threshold marked in the HTML report.",
        ]
    examples = rule_cls.examples
    if examples.bad:
        lines += ["", "## Examples of bad text", ""]
        for bad in examples.bad:
            lines.append(f"    {bad.text!r}")
            if bad.flagged:
                lines.append(f"    flagged: {', '.join(repr(s) for s in bad.flagged)}")
            if bad.fixed is not None:
                lines.append(f"    fixed:   {bad.fixed!r}")
            if bad.options:
                lines.append(f"    with options: {dict(bad.options)}")
            if bad.settings:
                lines.append(f"    with settings: {dict(bad.settings)}")
            if bad.encoding != "utf-8":
                lines.append(f"    read from a {bad.encoding} file")
            if bad.note:
                lines.append(f"    ({bad.note})")
            lines.append("")
    if examples.clean:
        lines += ["", "## Clean text (not flagged)", ""]
        lines += [f"    {text!r}" for text in examples.clean]
    return "\n".join(lines).rstrip() + "\n"
