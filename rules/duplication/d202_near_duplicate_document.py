"""D202 near-duplicate-document."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.engine.fingerprint import minhash
from cnlint.rule import DOCUMENT_BREAK, CorpusRule
from cnlint.rules._text.corpus import label

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


class NearDuplicateDocument(CorpusRule):
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

    def begin(self) -> None:
        from datasketch import MinHashLSH  # imports scipy (~1 s): only when the pass runs

        self._labels: list[str] = []
        self._lsh = MinHashLSH(
            threshold=self.option_values["near-threshold"], num_perm=self.option_values["num-perm"]
        )
        self._signatures: dict[int, np.ndarray] = {}
        self._near: dict[int, tuple[int, float]] = {}
        self._cursor = 0

    def add(self, doc: Document, copy: bool) -> bool:
        index = len(self._labels)
        self._labels.append(label(doc))
        if copy or not doc.paragraph_texts or len(doc.text) < self.option_values["near-min-chars"]:
            return False
        signature = minhash(doc.text, self.option_values["ngram"], self.option_values["num-perm"])
        best, similarity = None, 0.0
        for candidate in self._lsh.query(signature):
            score = float(np.mean(self._signatures[candidate] == signature.hashvalues))
            if score >= self.option_values["near-threshold"] and score > similarity:
                best, similarity = candidate, score
        if best is not None:
            self._near[index] = (best, similarity)
            return True
        self._lsh.insert(index, signature)
        self._signatures[index] = signature.hashvalues
        return False

    def findings(self, doc: Document) -> Iterator[Finding]:
        index = self._cursor
        self._cursor += 1
        near = self._near.get(index)
        if near is not None and doc.paragraphs:
            earlier, similarity = near
            first = doc.paragraphs[0]
            message = f"Near duplicate ({similarity:.0%}) of {self._labels[earlier]}"
            yield self.finding(first.start, first.end, message)
