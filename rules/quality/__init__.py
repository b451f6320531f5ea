"""Quality rules (Q1xx): document-level metrics, the CJK-aware versions of corpus filters.

Gopher, C4 and FineWeb filter documents on word counts, symbol-to-word ratios, duplicated
n-grams and lines ending in punctuation. They find words by splitting on whitespace and
sentence ends among ``. ? !``, so a Chinese paragraph is one "word" and has no sentence end:
datatrove's defaults drop all five seeds (research/seeds-hands-on.md §4 and §6). These rules
measure the same properties on characters, with Chinese punctuation. Each reports one finding
per document, at its start; the thresholds are options, and the defaults leave the clean
corpus (edited Wikipedia and exam prose) silent with a margin.
"""

from .q101_short_document import ShortDocument
from .q102_symbol_ratio import SymbolRatio
from .q103_repetition_ratio import RepetitionRatio
from .q104_unterminated_lines import UnterminatedLines

__all__ = ["RepetitionRatio", "ShortDocument", "SymbolRatio", "UnterminatedLines"]
