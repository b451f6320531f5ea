"""cnlint's built-in rules, one module per family, registered through entry points."""
