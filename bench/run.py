"""How fast solieu is, on a corpus shaped like the real one, against what the machine can do.

    python bench/run.py [--docs 1000] [--workers N] [--postgres URL | --no-postgres]
                        [--rss-scale 10] [--json FILE] [--keep DIR]
    python bench/run.py --long 1 10     one document of 1 MB and one of 10 MB: seconds per MB
                                        stay flat (extraction is linear in a document's length)

Builds N documents of about 5.5 KB from the seeds and ../shared/dev*/docs (paragraphs of
several texts recombined; numbers, provinces and years varied; each with a title and a
byline), then measures, in one process run so that the ratios share the machine's mood:

- two baselines: a keyword scan (read + NFC + lower + one alternation of the catalogue's
  cue words) and a number scan (the bare number regex over the same texts);
- `extract` on one core: documents/s, MB/s, and its ratio to each baseline;
- `--workers 1` against `--workers N` (read, extract, figures back in order);
- the write path of `solieu run` (extraction answered from memory) against raw
  `executemany` (SQLite) and `COPY` (PostgreSQL) of the same rows into the same table;
- `solieu run` from the shell, first and unchanged rerun, wall time with start-up;
- peak RSS of `solieu run` at N and rss-scale × N documents.

Prints a table; `--json FILE` writes the headline figures. Asserts nothing: speed targets
live here, not in unit tests.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
_NUMBER = regex.compile(r"\d[\d.,]*\s*(?:%|tỷ|triệu|nghìn|đồng)?")
_YEAR = regex.compile(r"(?<!\d)(20[0-2]\d)(?!\d)")
_DIGITS = regex.compile(r"(?<![\d/])(\d{2,})(?=[.,]\d|\s*(?:%|tỷ|triệu|nghìn|hồ\s+sơ|đơn))")
_TARGET_BYTES = 5_500


# --- the corpus -------------------------------------------------------------------------

def _sources() -> list[str]:
    folders = [ROOT / "seeds", SHARED / "dev" / "docs", SHARED / "dev2" / "docs"]
    return [p.read_text(encoding="utf-8") for f in folders if f.exists()
            for p in sorted(f.glob("*.txt"))]


def _province_names() -> list[str]:
    with open(ROOT / "seeds" / "provinces.csv", encoding="utf-8") as handle:
        return sorted({row["name"] for row in csv.DictReader(handle) if row["era"] == "2008"})


def build_corpus(folder: Path, n: int, seed: int = 1) -> tuple[Path, int]:
    """N documents and their manifest in `folder`; returns the manifest and the bytes written."""
    sources, provinces = _sources(), _province_names()
    paragraphs = [p for text in sources for p in text.split("\n")[2:] if len(p) > 80]
    names = regex.compile("|".join(regex.escape(p) for p in sorted(provinces, key=len, reverse=True)))
    folder.mkdir(parents=True, exist_ok=True)
    manifest, written = folder / "manifest.jsonl", 0
    with open(manifest, "w", encoding="utf-8") as out:
        for i in range(n):
            rng = random.Random(seed * 1_000_003 + i)
            base = sources[i % len(sources)].split("\n")
            parts = [p for p in base[2:] if p.strip()][:4]
            while sum(len(p.encode()) for p in parts) < _TARGET_BYTES:
                parts.append(rng.choice(paragraphs))
            shift, swap = rng.randint(-3, 1), dict(zip(provinces, rng.sample(provinces, len(provinces))))
            body = "\n".join([*base[:2], *parts])
            body = _YEAR.sub(lambda m: str(int(m[1]) + shift), body)
            body = names.sub(lambda m: swap[m[0]] if rng.random() < 0.5 else m[0], body)
            body = _DIGITS.sub(lambda m: m[1][:-1] + str(rng.randint(0, 9)), body)
            name = f"docs/{i // 1000:04}/{i:07}.txt"
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            data = body.encode("utf-8")
            (folder / name).write_bytes(data)
            written += len(data)
            out.write(json.dumps({"path": name, "title": base[0].strip()[:200] or None},
                                 ensure_ascii=False) + "\n")
    return manifest, written


# --- measurements -----------------------------------------------------------------------

def _cue_scan() -> re.Pattern:
    """One alternation of the catalogue's cue words: every two-word run of the indicators'
    Vietnamese names, lower case, longest first (the standard library's `re`, the faster
    engine for a plain alternation)."""
    with open(ROOT / "seeds" / "indicators.csv", encoding="utf-8") as handle:
        words = {" ".join(pair) for row in csv.DictReader(handle)
                 for name in [row["name_vi"].lower().split()] for pair in zip(name, name[1:])}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _files(manifest: Path) -> list[Path]:
    with open(manifest, encoding="utf-8") as handle:
        return [manifest.parent / json.loads(line)["path"] for line in handle]


def _warm(files: list[Path]) -> None:
    from pipeline.extraction import extract

    for path in files:
        extract(path.read_text(encoding="utf-8"))


def keyword_scan(files: list[Path]) -> float:
    cues = _cue_scan()
    t0 = time.perf_counter()
    for path in files:
        text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8")).lower()
        for _ in cues.finditer(text):
            pass
    return time.perf_counter() - t0


def number_scan(texts: list[str]) -> float:
    t0 = time.perf_counter()
    for text in texts:
        for _ in _NUMBER.finditer(text):
            pass
    return time.perf_counter() - t0


def extraction(manifest: Path, workers: int) -> tuple[float, int]:
    """Read and extract every document with `workers` processes: seconds and figures."""
    from pipeline.parallel import Extractor
    from pipeline.reading import iter_documents

    figures = 0
    t0 = time.perf_counter()
    with Extractor(workers) as pool:
        for _, result in pool.map(d for d in iter_documents(manifest=manifest)
                                  if not isinstance(d, Exception)):
            figures += len(result) if isinstance(result, list) else 0
    return time.perf_counter() - t0, figures


def extracted_corpus(manifest: Path) -> tuple[list, dict]:
    """Every document and its figures, held in memory for the write-path measurements."""
    from pipeline.parallel import Extractor
    from pipeline.reading import iter_documents

    docs = [d for d in iter_documents(manifest=manifest) if not isinstance(d, Exception)]
    with Extractor() as pool:
        return docs, {doc.path: figures for doc, figures in pool.map(docs)}


def write_path(url: str, docs: list, extracted: dict) -> dict:
    """The load with extraction answered from memory, against raw inserts of its rows."""
    import sqlalchemy as sa

    from pipeline.db.engine import make_engine, upgrade
    from pipeline.db.load import load
    from pipeline.ruleset import rules_version

    engine = make_engine(url)
    try:
        upgrade(engine)  # the schema first: its creation is not the write path
        t0 = time.perf_counter()
        report = load(engine, docs, extract=lambda d: extracted[d.path],
                      rules_version=rules_version(), workers=1)
        seconds = time.perf_counter() - t0
        figures = report.counts.figures_inserted
        with engine.begin() as conn:
            columns = [c.name for c in sa.Table("figures", sa.MetaData(), autoload_with=conn).columns]
        raw = engine.raw_connection()
        try:  # the rows as the driver holds them: no conversion is timed
            cursor = raw.cursor()
            if engine.dialect.name == "sqlite":
                cursor.execute("BEGIN")
            cursor.execute(f"SELECT {', '.join(columns)} FROM figures")
            rows = cursor.fetchall()
            cursor.execute("DELETE FROM figures")
            raw.commit()
        finally:
            raw.close()
        raw = _raw_insert(engine, columns, rows)
    finally:
        engine.dispose()
    return {"figures": figures, "load_s": seconds, "raw_s": raw,
            "load_per_s": figures / seconds, "raw_per_s": len(rows) / raw,
            "ratio": raw / seconds}


def _raw_insert(engine, columns: list[str], rows: list[tuple]) -> float:
    """The same rows into the same table and indexes, as fast as the driver goes."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        t0 = time.perf_counter()
        if engine.dialect.name == "postgresql":
            with cursor.copy(f"COPY figures ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.execute("BEGIN")  # solieu's engine leaves pysqlite in autocommit mode
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO figures ({', '.join(columns)}) VALUES ({marks})",
                               rows)
        raw.commit()
        return time.perf_counter() - t0
    finally:
        raw.close()


def solieu_run(manifest: Path, url: str, workers: int) -> tuple[float, int]:
    """`solieu run` as cron starts it: wall seconds (start-up included) and peak RSS in MB."""
    command = [sys.executable, "-m", "pipeline", "run", "--manifest", str(manifest),
               "--db", url, "--workers", str(workers), "--summary", "json"]
    t0 = time.perf_counter()
    measured = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], capture_output=True,
                              text=True)
    seconds = time.perf_counter() - t0
    if measured.returncode not in (0, 1):
        raise SystemExit(f"solieu run failed: {measured.stderr[-2000:]}")
    return seconds, int(measured.stdout.split()[-1]) // 1024


# Linux counts a child's peak RSS from the memory of the process that forked it, and this
# one holds a corpus: a small process in between starts `solieu run` and reports its peak
# (its workers' included) in KB.
_PEAK_RSS = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


class _Schema:
    """A PostgreSQL schema of the benchmark's own, dropped afterwards."""

    def __init__(self, server: str):
        import sqlalchemy as sa

        self.server, self.name = sa.make_url(server), f"bench_{uuid.uuid4().hex[:10]}"
        self.admin = sa.create_engine(self.server)

    def __enter__(self) -> str:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{self.name}"')
        return self.server.update_query_dict({"options": f"-csearch_path={self.name}"}) \
            .render_as_string(hide_password=False)

    def __exit__(self, *exc) -> None:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{self.name}" CASCADE')
        self.admin.dispose()


def _postgres_answers(url: str) -> bool:
    import sqlalchemy as sa

    try:
        with sa.create_engine(url).connect():
            return True
    except Exception:
        return False


def long_documents(sizes_mb: list[float]) -> None:
    """One document of each size, the texts repeated: seconds per MB should not grow."""
    from pipeline.extraction import extract

    base = "\n\n".join(_sources())
    for mb in sizes_mb:
        n = int(mb * 1_000_000)
        text = (base * (n // len(base) + 1))[:n]
        t0 = time.perf_counter()
        figures = extract(text, province="Hà Tĩnh")
        seconds = time.perf_counter() - t0
        print(f"long document {mb:6.1f} MB  {seconds:8.2f} s  {seconds / mb:6.2f} s per MB  "
              f"{len(figures)} figures")


# --- the report ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None, help="default: the machine's cores")
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--rss-scale", type=int, default=10, help="0 skips the larger corpus")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--long", type=float, nargs="+", metavar="MB",
                        help="only time one long document of each size")
    args = parser.parse_args(argv)
    if args.long:
        long_documents(args.long)
        return {}

    from pipeline.parallel import default_workers

    workers = args.workers or default_workers()
    where = args.keep or Path(tempfile.mkdtemp(prefix="solieu-bench-"))
    results: dict = {"docs": args.docs, "workers": workers, "machine": _machine()}
    try:
        manifest, size = build_corpus(where / "corpus", args.docs)
        files = _files(manifest)
        texts = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in files]
        mb = size / 1e6
        print(f"corpus          {args.docs} documents, {size / args.docs / 1000:.1f} KB each, "
              f"{mb:.1f} MB  ({where / 'corpus'})")
        _warm(files[:50])  # compiled patterns, place tables
        keyword = min(keyword_scan(files) for _ in range(3))
        numbers = min(number_scan(texts) for _ in range(3))
        one, figures = extraction(manifest, 1)
        many, _ = extraction(manifest, workers)
        results.update(
            extract_docs_per_s=args.docs / one, extract_mb_per_s=mb / one, figures=figures,
            extract_vs_keyword_scan=one / keyword, extract_vs_baseline=one / numbers,
            workers_speedup=one / many)
        print(f"keyword scan    {args.docs / keyword:10.0f} docs/s   (read + NFC + lower + cue alternation)")
        print(f"number scan     {args.docs / numbers:10.0f} docs/s   (the bare number regex)")
        print(f"extract, 1 core {args.docs / one:10.0f} docs/s   {mb / one:.2f} MB/s   {figures} figures")
        print(f"  vs keyword scan   {one / keyword:6.1f}x slower   (target ≤ 10x)")
        print(f"  vs number scan    {one / numbers:6.1f}x slower")
        print(f"--workers {workers:<5} {args.docs / many:10.0f} docs/s   {one / many:.2f}x one worker")

        databases = [("sqlite", None)]
        if not args.no_postgres and _postgres_answers(args.postgres):
            databases.append(("postgres", args.postgres))
        elif not args.no_postgres:
            print(f"postgres        not reachable at {args.postgres}: skipped")
        docs, extracted = extracted_corpus(manifest)
        for name, server in databases:
            with _database(name, server, where) as url:
                w = write_path(url, docs, extracted)
            results[f"load_vs_raw_{name}"] = w["ratio"]
            results[f"load_figures_per_s_{name}"] = w["load_per_s"]
            print(f"load {name:<10} {w['load_per_s']:10.0f} figures/s   raw "
                  f"{w['raw_per_s']:.0f}/s   {100 * w['ratio']:.0f} % of raw   (target ≥ 50 %)")
        del docs, extracted
        for name, server in databases:
            with _database(name, server, where) as url:
                first, rss = solieu_run(manifest, url, workers)
                again, _ = solieu_run(manifest, url, workers)
            results[f"first_run_s_{name}"], results[f"rerun_s_{name}"] = first, again
            results.setdefault("rerun_fraction", again / first)
            results.setdefault("peak_rss_mb", {})[str(args.docs)] = rss
            print(f"solieu run {name:<5} first {first:6.2f} s   unchanged rerun {again:5.2f} s "
                  f"= {100 * again / first:.1f} %   (target ≤ 5 %)   peak RSS {rss} MB")
        if args.rss_scale > 1:
            bigger = args.docs * args.rss_scale
            big_manifest, _ = build_corpus(where / "bigger", bigger, seed=2)
            with _database("sqlite", None, where) as url:
                seconds, rss = solieu_run(big_manifest, url, workers)
            results["peak_rss_mb"][str(bigger)] = rss
            print(f"solieu run sqlite {bigger} documents: {seconds:.1f} s, "
                  f"{bigger / seconds:.0f} docs/s, peak RSS {rss} MB")
    finally:
        if not args.keep:
            shutil.rmtree(where, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


class _database:
    """A fresh database: a SQLite file under `where`, or a PostgreSQL schema of its own."""

    def __init__(self, name: str, server: str | None, where: Path):
        self.name, self.server, self.where, self.schema = name, server, where, None

    def __enter__(self) -> str:
        if self.server is None:
            path = self.where / f"bench-{uuid.uuid4().hex[:8]}.db"
            return f"sqlite:///{path}"
        self.schema = _Schema(self.server)
        return self.schema.__enter__()

    def __exit__(self, *exc) -> None:
        if self.schema is not None:
            self.schema.__exit__(*exc)


def _machine() -> str:
    import platform

    from pipeline.parallel import default_workers

    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
                 platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{model}, {default_workers()} cores, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
