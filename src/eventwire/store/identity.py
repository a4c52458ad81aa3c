"""Document identity: canonical URLs and near-duplicate detection with MinHash/LSH.

A re-ingested article is recognised by its content hash (same text) or its canonical URL (same
article, perhaps updated). Wire reprints and lightly edited copies are near-duplicates: they join
the first copy's cluster, so their events count once per cluster, not once per reprint.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"   # stored signatures must be rebuilt with the scheme that made them
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$|ocid$|s$|smid$)")
_WORD = re.compile(r"[^\W_]+")


def canonical_url(url: str | None) -> str | None:
    """Lower-case host without www., no fragment, no tracking parameters, no trailing slash."""
    if not url or "://" not in url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def minhash(text: str, shingle: int = 5) -> MinHash:
    """MinHash of word 5-shingles: robust to a changed headline, a dropped paragraph or a byline."""
    words = _WORD.findall(text.lower())
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    grams = {" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def to_blob(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_blob(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint64), scheme=SCHEME)


class NearDuplicates:
    """An LSH index over stored documents, rebuilt from the database on first use."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        # Candidates come from a looser LSH band setting; the decision is the estimated Jaccard,
        # so documents just above the threshold are not lost to LSH's probabilistic banding.
        self.lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=NUM_PERM)
        self.cluster: dict[str, str] = {}
        self.hashes: dict[str, MinHash] = {}

    def load(self, rows) -> None:
        for doc_id, cluster_id, blob in rows:
            if blob:
                self.add(doc_id, from_blob(blob), cluster_id or doc_id)

    def add(self, doc_id: str, mh: MinHash, cluster_id: str) -> None:
        if doc_id in self.hashes:
            self.lsh.remove(doc_id)
        self.lsh.insert(doc_id, mh)
        self.hashes[doc_id] = mh
        self.cluster[doc_id] = cluster_id

    def cluster_for(self, doc_id: str, mh: MinHash) -> str:
        """The cluster of the most similar stored document above the threshold, else a new one."""
        best, best_sim = None, 0.0
        for other in self.lsh.query(mh):
            if other == doc_id:
                continue
            sim = mh.jaccard(self.hashes[other])
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = other, sim
        return self.cluster[best] if best else doc_id
