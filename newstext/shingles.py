"""Word shingles, MinHash signatures, LSH band keys and exact overlap scores (no Django).

A near-duplicate is found in two steps: MinHash LSH proposes candidates (articles sharing
at least one band key), then the exact scores are computed on the candidates' shingle
sets. Band keys mix the band number into the hash, so one indexed `IN` query finds
every candidate however large the archive is.
"""

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache

from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
# Fixed so that signatures stay comparable across processes and releases.
MINHASH_SEED = 1
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class OverlapScores:
    """Exact overlap of two shingle sets A and B."""

    jaccard: float  # |A ∩ B| / |A ∪ B|
    a_in_b: float  # containment of A in B: |A ∩ B| / |A|
    b_in_a: float  # containment of B in A: |A ∩ B| / |B|

    @property
    def containment(self) -> float:
        """The larger containment: how much of the shorter text the other one holds."""
        return max(self.a_in_b, self.b_in_a)


def words(text: str) -> list[str]:
    """The lower-cased words of the NFC text."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The word `size`-shingles of the text; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    # The i-th slice starts i words later, so zip stops at the last whole shingle.
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)), strict=False)))


@cache
def _template(num_perm: int) -> MinHash:
    """An empty MinHash to copy: drawing its permutations costs more than hashing a text."""
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, hashfunc=zlib.crc32)


def minhash(shingle_set: set[str], num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash signature of a shingle set.

    Each shingle is hashed with CRC-32 rather than datasketch's default SHA-1 (half the
    time of a signature): datasketch premixes the input hash with the MurmurHash3
    finaliser before its permutations, so a fast non-cryptographic 32-bit hash serves
    as well. Changing the hash changes every band key (see migration 0002).
    """
    signature = _template(num_perm).copy()
    signature.update_batch([s.encode("utf-8") for s in shingle_set])
    return signature


def band_keys(signature: MinHash, *, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per LSH band: the band number and its rows, hashed."""
    if bands * rows > len(signature.hashvalues):
        raise ValueError(f"{bands} bands × {rows} rows exceed {len(signature.hashvalues)} hashes")
    data = signature.hashvalues[: bands * rows].astype(">u4").tobytes()
    width = rows * 4  # bytes per band
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(
            band.to_bytes(2, "big") + data[band * width : (band + 1) * width], digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def overlap(a: set[str], b: set[str]) -> OverlapScores:
    if not a or not b:
        return OverlapScores(0.0, 0.0, 0.0)
    common = len(a & b)
    return OverlapScores(common / len(a | b), common / len(a), common / len(b))


def is_near_duplicate(scores: OverlapScores, *, containment: float, jaccard: float) -> bool:
    """A pair is a near-duplicate when either threshold is reached."""
    return scores.containment >= containment or scores.jaccard >= jaccard
