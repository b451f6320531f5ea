"""CI: baselines (known findings) and failure limits (the exit code)."""
