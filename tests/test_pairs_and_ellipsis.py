"""unbalanced-pair (P104) and ellipsis-style (P105) on the seeds and the external corpus."""

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file

from conftest import CLEAN_CORPUS, SEEDS, need


def findings(text: str, select: str) -> list:
    return Linter(Config(select=(select,))).lint(Document(text))


def test_seed_unbalanced_quotes_are_exactly_d16():
    found = []
    for seed in sorted(SEEDS.glob("*.txt")):
        doc = read_text_file(seed).documents[0]
        found += [(seed.name[:3], doc.position(f.start)[0]) for f in findings(doc.text, "P104")]
    assert found == [("001", 35), ("004", 47)]


def test_clean_corpus_has_one_pair_finding_the_reversed_quotes():
    hits = []
    for path in sorted(need(CLEAN_CORPUS).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        hits += [(path.name, text[f.start : f.end]) for f in findings(text, "P104")]
    assert hits == [("cmrc2018_014.txt", "”桂花董糖“")]


def test_quotation_over_paragraphs_and_nesting_are_fine():
    # Seed 001 style: each quoted paragraph opens with “, only the last one closes.
    text = "“大娘，这是您要的菜。\n“还有这个，‘一点恒心’送给您。”\n"
    assert findings(text, "P104") == []


def test_unclosed_bracket_inside_a_quote_is_reported_once():
    text = "他说：“这是《人民日报的报道。”"
    assert [text[f.start : f.end] for f in findings(text, "P104")] == ["《"]


def test_ellipsis_fixes_are_idempotent_and_leave_proper_ellipses():
    text = "我想想。。。好吧...等等…行⋯⋯好吧……\n"
    linter = Linter(Config(select=("P105",)))
    fixed = linter.fix(Document(text)).text
    assert fixed == "我想想……好吧……等等……行……好吧……\n"
    assert linter.lint(Document(fixed)) == []


def test_seeds_and_clean_corpus_have_no_ellipsis_findings():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(need(CLEAN_CORPUS).glob("*.txt"))]
    assert [f for text in texts for f in findings(text, "P105")] == []
