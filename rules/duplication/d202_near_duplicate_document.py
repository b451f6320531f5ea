"""D202 near-duplicate-document."""

from __future__ import annotations

import numpy as np

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.fingerprint import band_keys, lsh_bands, minhash
from cnlint.rule import DOCUMENT_BREAK, CopyRule

# seed 000, lines 4-5, and the same with its date edited
STORY = (
    "精细化管理 提升城市品质\n"
    "“商贩在街边随意摆摊,既影响市容市貌,也容易造成交通堵塞。针对这种情况,我们在平安东街北侧"
    "建设了便民市场,既可以满足小商小贩的入驻需要,又方便提供服务和管理。预计今年6月份,便民"
    "市场就能投入使用。”4月14日,平鲁区城市管理综合执法大队负责人说。\n"
)
EDITED = STORY.replace("4月14日", "4月15日")
# seed 000, line 6: another story of the same page
OTHER = (
    "今年以来,平鲁区以开展党史学习教育为契机,针对群众反映强烈的城市管理粗放化、城市品貌不高"
    "等问题,大力推进城市精细化管理。让城区环境进一步美丽起来,让城市品质进一步提升。\n"
)


class NearDuplicateDocument(CopyRule):
    code = "D202"
    name = "near-duplicate-document"
    summary = (
        "A near copy of an earlier document (MinHash Jaccard of character n-grams ≥ threshold)"
    )
    why = (
        "Reposts change a date, a byline or a few characters and escape exact deduplication, "
        "yet weigh in training like a copy. Each document's character n-grams (whitespace "
        "removed) are summarised by a MinHash signature and compared through LSH with the "
        "earlier documents: a Jaccard similarity at or above `near-threshold` flags the later "
        "document, on its first paragraph. Short documents are left out (a few shared "
        "n-grams make two short reviews look alike), and so are exact copies."
    )
    severity = Severity.WARNING
    options = {"near-threshold": 0.8, "ngram": 5, "num-perm": 128, "near-min-chars": 100}
    option_docs = {
        "near-threshold": "MinHash Jaccard similarity at which a near duplicate is reported (0-1).",
        "ngram": "Character n-gram size.",
        "num-perm": "Permutations of the MinHash signature (more: a finer estimate, more memory).",
        "near-min-chars": "Shorter documents are never compared.",
    }
    examples = Examples(
        clean=[STORY + DOCUMENT_BREAK + OTHER],
        bad=[
            Bad(
                STORY + DOCUMENT_BREAK + EDITED,
                flagged=["精细化管理 提升城市品质"],
                note="the later copy changes the date",
            )
        ],
    )

    def sketch(self, doc: Document) -> np.ndarray | None:
        if not doc.paragraph_texts or len(doc.text) < self.option_values["near-min-chars"]:
            return None
        signature = minhash(doc.text, self.option_values["ngram"], self.option_values["num-perm"])
        return signature.hashvalues

    def keys(self, sketch: np.ndarray) -> list[int]:
        # LSH: documents meet when one band of their signatures is equal.
        bands = lsh_bands(self.option_values["near-threshold"], self.option_values["num-perm"])
        return band_keys(sketch, *bands)

    def score(self, earlier: np.ndarray, later: np.ndarray) -> float | None:
        similarity = float(np.mean(earlier == later))
        return similarity if similarity >= self.option_values["near-threshold"] else None

    def copy_finding(self, doc: Document, original: str, score: float) -> Finding | None:
        if not doc.paragraphs:
            return None
        first = doc.paragraphs[0]
        return self.finding(first.start, first.end, f"Near duplicate ({score:.0%}) of {original}")
