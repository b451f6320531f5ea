"""Fast versions of rule internals give exactly what the plain versions give."""

from conftest import SEEDS

SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_vectorised_repetition_count_equals_counting_substrings():
    from collections import Counter

    from cnlint.rules.quality import repeated_ngrams

    def by_counter(text, size):
        grams = [text[i : i + size] for i in range(len(text) - size + 1)]
        counts = Counter(grams)
        return sum(1 for g in grams if counts[g] > 1), len(grams)

    for line in [*SEED_LINES, "", "复读复读复读复读", "𠀀𠀀𠀀𠀀a"]:
        for size in (1, 3, 10):
            assert repeated_ngrams(line, size) == by_counter(line, size), (line, size)


def test_newline_first_blank_runs_equal_the_plain_pattern():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnlint.rules.whitespace import blank_runs

    plain = re.compile(r"(?:[ \t\u3000\u00a0]*\r?\n){2,}")

    @settings(max_examples=500, deadline=None)
    @given(st.text(st.sampled_from(list(" \t\u3000\u00a0\r\n文a"))))
    def check(text):
        assert list(blank_runs(text)) == [m.span() for m in plain.finditer(text)]

    check()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert list(blank_runs(text)) == [m.span() for m in plain.finditer(text)]
