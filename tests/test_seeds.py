"""The seeds regression suite: expected findings per seed, and what --fix does to them."""

import json

import pytest

from cnlint.inputs.sources import read_text_file

from conftest import SEEDS, need, run_cli
from seed_expectations import actual_rows, expected_rows, seed_files, seed_linter

SEED_FILES = seed_files()


def test_there_are_five_seeds_with_expectations():
    assert len(SEED_FILES) == 5
    assert all(seed.with_suffix(".expected").exists() for seed in SEED_FILES)


def test_seeds_are_the_users_documents_unchanged():
    shared = need(SEEDS.parent.parent / "shared" / "seeds")
    for seed in SEED_FILES:
        assert seed.read_bytes() == (shared / seed.name).read_bytes()


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_findings_match_expectations(seed):
    assert actual_rows(seed, seed_linter()) == expected_rows(seed)


def test_known_seed_defects_are_found_at_their_lines():
    """Spot checks against research/seeds-hands-on.md, independent of the .expected files."""
    rows = {seed.name[:3]: set(actual_rows(seed, seed_linter())) for seed in SEED_FILES}

    def has(seed: str, line: int, code: str) -> bool:
        return any(r.startswith(f"{line} {code} ") for r in rows[seed])

    assert has("000", 7, "P103")  # 责任状”,并 (D1: comma after a closing quote)
    assert has("003", 1, "P101") and has("003", 1, "S105")  # ,, and 發(fā)
    assert has("001", 1, "T201") and has("004", 1, "T201")  # D15 leading blank lines
    assert all(has(s, n, "T203") for s, n in [("000", 25), ("002", 55), ("004", 153)])  # D19


def _fixable_spans(path):
    (doc,) = read_text_file(path).documents
    return doc.text, [(f.start, f.end) for f in seed_linter().lint(doc) if f.fix is not None]


def test_fix_leaves_no_safe_fixable_finding_and_changes_nothing_else(seeds_copy):
    before = {p.name: _fixable_spans(p) for p in sorted(seeds_copy.glob("*.txt"))}
    result = run_cli("check", "--fix", "--select", "ALL", str(seeds_copy))
    assert result.returncode in (0, 1), result.stderr
    again = run_cli("check", "--select", "ALL", "--format", "json", str(seeds_copy))
    leftover = [
        f for f in json.loads(again.stdout) if f["fix"] and f["fix"]["applicability"] == "safe"
    ]
    assert leftover == []
    for name, (old_text, spans) in before.items():
        new_text = (seeds_copy / name).read_text(encoding="utf-8")
        assert new_text != old_text
        kept = _kept_outside(old_text, spans)
        assert _appear_in_order(kept, new_text), f"{name}: a change outside every finding"


def _kept_outside(text, spans):
    """The pieces of ``text`` that no fixable finding covers, in order.

    A span reaches one character past its end: a mark next to a fixed one may be fixed in a
    later pass (``?,F`` becomes ``？，F`` once the ``?`` is full-width).
    """
    pieces, position = [], 0
    for start, end in sorted(spans):
        pieces.append(text[position:start])  # empty where spans touch; the first is the head
        position = max(position, end + 1)
    pieces.append(text[position:])
    return pieces


def _appear_in_order(pieces, text):
    """Does ``text`` hold every piece, in order, with only fix output between them?

    No diff alignment is involved: a diff may align the removal of the second of two equal
    paragraphs as the removal of the first, or a run of "\n\n\n" either way. Line breaks at
    a piece's ends may change: blank-lines tidies the gap a dropped paragraph leaves, in a
    later fix pass whose findings the first pass cannot name.
    """
    pieces = [piece.strip("\n") for piece in pieces]
    text = text.rstrip("\n")
    if not text.startswith(pieces[0]) or not text.endswith(pieces[-1]):
        return False
    position = len(pieces[0])
    for piece in pieces[1:-1]:
        found = text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return position <= len(text) - len(pieces[-1])


def test_fixing_twice_equals_fixing_once(seeds_copy):
    run_cli("check", "--fix", "--unsafe-fixes", str(seeds_copy))
    once = {p.name: p.read_bytes() for p in seeds_copy.glob("*.txt")}
    run_cli("check", "--fix", "--unsafe-fixes", str(seeds_copy))
    assert {p.name: p.read_bytes() for p in seeds_copy.glob("*.txt")} == once
