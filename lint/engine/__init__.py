"""The engine: the rule registry, the gate, running rules over documents, fixing, the corpus pass,
and running many files (cache, worker processes)."""
