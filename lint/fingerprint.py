"""Fingerprints of texts for the corpus pass: stable 64-bit hashes and MinHash signatures.

Everything here is computed from a text and then the text can be dropped: the corpus pass
keeps fingerprints, never texts, so its memory grows with the number of documents and
distinct paragraphs, not with their size.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

# Odd 64-bit multiplier of the polynomial n-gram hash (wraps modulo 2**64 in numpy).
_POLY = np.uint64(0x9E3779B97F4A7C15)


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process and run (unlike ``hash()``)."""
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def ngram_hashes(text: str, n: int) -> np.ndarray:
    """Distinct 32-bit hashes of the character n-grams of ``text`` with whitespace removed.

    Vectorised: the n-grams are hashed as polynomials over the code points in numpy, so a
    5 KB document costs a few numpy calls instead of thousands of Python-level hashes.
    """
    compact = "".join(text.split())
    codes = np.frombuffer(compact.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(
        np.uint64
    )
    if len(codes) < n:
        codes = np.pad(codes, (0, n - len(codes)))
    count = len(codes) - n + 1
    hashed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(n):
            hashed = hashed * _POLY + codes[offset : offset + count]
    # Fold to 32 bits: the MinHash scheme below permutes 32-bit values.
    folded = (hashed >> np.uint64(32)) ^ (hashed & np.uint64(0xFFFFFFFF))
    return np.unique(folded.astype(np.uint32))


def minhash(text: str, n: int, num_perm: int, seed: int = 1) -> MinHash:
    """The MinHash signature of a text's character n-grams (datasketch's affine32 scheme)."""
    from datasketch import MinHash  # imports scipy (~1 s): only when the corpus pass runs

    signature = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    signature.update_batch(ngram_hashes(text, n).tolist())
    return signature


@cache
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows): how LSH cuts a signature for a Jaccard ``threshold``, as datasketch's
    ``MinHashLSH`` chooses them (the least weighted false positive and negative rate)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> list[int]:
    """One 64-bit key per LSH band of a MinHash signature: two signatures share a key
    when that band of theirs is equal (the band's number is part of the key)."""
    data = hashvalues.astype("<u8").tobytes()
    width = rows * 8
    return [
        int.from_bytes(
            hashlib.blake2b(
                band.to_bytes(2, "little") + data[band * width : (band + 1) * width],
                digest_size=8,
            ).digest(),
            "little",
        )
        for band in range(bands)
    ]


class HashCounter:
    """Counts 64-bit hashes in bounded memory: 16 bytes per distinct hash, not a Python dict.

    Hashes are buffered and folded into sorted numpy arrays (keys, counts) every
    ``buffer_size`` additions, so a corpus of a billion paragraph occurrences needs memory
    for its distinct paragraphs only.
    """

    def __init__(self, buffer_size: int = 1 << 20) -> None:
        self.buffer_size = buffer_size
        self._buffer: list[int] = []
        self._keys = np.zeros(0, dtype=np.uint64)
        self._counts = np.zeros(0, dtype=np.int64)

    def add(self, hashes: list[int]) -> None:
        self._buffer.extend(hashes)
        if len(self._buffer) >= self.buffer_size:
            self._fold()

    def _fold(self) -> None:
        if not self._buffer:
            return
        fresh = np.array(self._buffer, dtype=np.uint64)
        self._buffer = []
        keys = np.concatenate([self._keys, fresh])
        counts = np.concatenate([self._counts, np.ones(len(fresh), dtype=np.int64)])
        self._keys, inverse = np.unique(keys, return_inverse=True)
        self._counts = np.bincount(inverse, weights=counts, minlength=len(self._keys)).astype(
            np.int64
        )

    def at_least(self, threshold: int) -> dict[int, int]:
        """The hashes counted ``threshold`` times or more, with their counts."""
        self._fold()
        chosen = self._counts >= threshold
        return dict(zip(self._keys[chosen].tolist(), self._counts[chosen].tolist(), strict=True))

    def __len__(self) -> int:
        self._fold()
        return len(self._keys)
