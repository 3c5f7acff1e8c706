"""Extraction speed on real text, against a bare regex scan of the same text.

Prints figures; asserts nothing (speed targets live here, not in unit tests).
    python scripts/benchmark.py [FOLDER…]   (default: seeds/ and ../shared/dev/docs)
    python scripts/benchmark.py --long 1 10 [FOLDER…]   one long document of 1 and 10 MB made of
        those texts: time per MB should stay flat (extraction is linear in a document's length)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import regex

from pipeline.extraction import extract
from pipeline.reading import iter_documents

ROOT = Path(__file__).resolve().parents[1]
_BARE = regex.compile(r"\d[\d.,]*\s*(?:%|tỷ|triệu|nghìn|đồng)?")


def _best(fn, texts, repeat=7) -> float:
    """Best of `repeat` passes over all texts, in seconds: the least disturbed by other work."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - t0)
    return min(times)


def main(folders: list[str]) -> None:
    folders = folders or [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "dev" / "docs")]
    texts = [d.text for d in iter_documents([f for f in folders if Path(f).exists()]) if not isinstance(d, Exception)]
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    for text in texts:  # warm caches: place tables, compiled patterns
        extract(text)
    full = _best(extract, texts)
    bare = _best(lambda t: list(_BARE.finditer(t)), texts)
    figures = sum(len(extract(t)) for t in texts)
    per_doc = [(_best(extract, [t], 3) * 1000, len(t.encode("utf-8")) / 1024) for t in texts]
    print(f"documents            {len(texts)}  ({size_kb:.0f} KB, {figures} figures)")
    print(f"extraction           {full * 1000:.1f} ms  = {full * 1000 / size_kb * 5:.2f} ms per 5 KB")
    print(f"bare regex scan      {bare * 1000:.2f} ms  = {bare * 1000 / size_kb * 5:.3f} ms per 5 KB")
    print(f"ratio                {full / bare:.0f}x a bare scan (the performance target is 10x)")
    print(f"per document         median {statistics.median(ms for ms, _ in per_doc):.2f} ms, "
          f"max {max(ms for ms, _ in per_doc):.2f} ms")
    print(f"throughput           {size_kb / 1024 / full:.1f} MB/s, {len(texts) / full:.0f} documents/s")


def long_documents(sizes_mb: list[float], folders: list[str]) -> None:
    """One document of each size, the texts repeated: seconds per MB should not grow."""
    folders = folders or [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "dev" / "docs")]
    base = "\n\n".join(d.text for d in iter_documents([f for f in folders if Path(f).exists()])
                        if not isinstance(d, Exception))
    for mb in sizes_mb:
        n = int(mb * 1_000_000)
        text = (base * (n // len(base) + 1))[:n]
        t0 = time.perf_counter()
        figures = extract(text, province="Hà Tĩnh")
        seconds = time.perf_counter() - t0
        print(f"long document {mb:6.1f} MB  {seconds:8.2f} s  {seconds / mb:6.2f} s per MB  {len(figures)} figures")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--long"]:
        sizes = [float(a) for a in args[1:] if a.replace(".", "", 1).isdigit()]
        long_documents(sizes, [a for a in args[1:] if not a.replace(".", "", 1).isdigit()])
    else:
        main(args)
