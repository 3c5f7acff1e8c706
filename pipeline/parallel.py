"""Extraction on every core: documents go to a pool of worker processes and their figures
come back in input order, so one writer can load them as if extraction were serial.

Extraction is pure CPU and holds the GIL, so threads would not help; processes do. On Linux
the pool forks after the rules are compiled, so a worker starts in milliseconds and any
callable (a test's lambda included) can be the extractor.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from pipeline.documents import Document, DocumentError
from pipeline.figures import Figure

Extract = Callable[[Document], list[Figure]]
Result = list[Figure] | DocumentError

# Documents in flight per worker: enough to keep every worker busy while the run writes a
# batch, few enough that memory stays flat however long the input is.
_AHEAD = 64
_CHUNK = 4

_extract: Extract | None = None  # the forked workers' extractor, set before the pool starts
_parent: int = 0  # the pid of the run that started the pool
_PR_SET_PDEATHSIG = 1


def default_workers() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract_one(doc: Document, extract: Extract | None = None) -> Result:
    """The figures of `doc`, or the error that cost this one document (a rule bug must not
    stop the night's run)."""
    try:
        return (extract or _default_extract())(doc)
    except Exception as error:
        return DocumentError(doc.path, "extract", f"{type(error).__name__}: {error}")


def _worker_start() -> None:
    """A worker lives no longer than the run that forked it.

    It inherits the run's descriptors: the SQLite lock file, the PostgreSQL sessions holding
    the advisory lock and the open transaction. Were it to outlive a run killed with -9 (and
    a pool's workers do: each holds its own queue open), the database would stay locked. So
    the kernel kills it when the run dies, and Ctrl-C and SIGTERM are the run's to handle.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _set_parent_death_signal(signal.SIGKILL) and os.getppid() != _parent:
        os._exit(1)  # the run died before the signal was armed


def _set_parent_death_signal(signum: int) -> bool:
    """Linux's prctl(PR_SET_PDEATHSIG); False where there is no such call."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _in_worker(docs: list[Document]) -> list[Result]:
    return [extract_one(doc, _extract) for doc in docs]


def _default_extract() -> Extract:
    from pipeline.extraction import extract_document
    return extract_document


class Extractor:
    """`with Extractor(workers=N) as pool: for doc, result in pool.map(docs): …`

    `workers=1` extracts in this process (no pool, no pickling). The input is consumed lazily,
    at most `_AHEAD` documents per worker ahead of the consumer. The rules are imported and
    the pool started at the first document: a rerun that extracts nothing pays for neither.
    """

    def __init__(self, workers: int | None = None, extract: Extract | None = None):
        self.workers = default_workers() if workers is None else max(1, workers)
        self._extract = extract
        self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def _start(self) -> None:
        global _extract, _parent
        self._extract = self._extract or _default_extract()
        if self.workers > 1 and self._pool is None:
            _extract, _parent = self._extract, os.getpid()
            context = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            self._pool = context.Pool(self.workers, initializer=_worker_start)

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        """Each document with its figures (or its DocumentError), in input order."""
        docs = iter(docs)
        first = next(docs, None)
        if first is None:
            return
        self._start()
        docs = itertools.chain([first], docs)
        if self._pool is None:
            for doc in docs:
                yield doc, extract_one(doc, self._extract)
            return
        window = self.workers * _AHEAD // _CHUNK
        pending: deque[tuple[list[Document], object]] = deque()
        for chunk in _chunks(docs, _CHUNK):
            pending.append((chunk, self._pool.apply_async(_in_worker, (chunk,))))
            if len(pending) >= window:
                yield from _ready(*pending.popleft())
        while pending:
            yield from _ready(*pending.popleft())


def _ready(chunk: list[Document], result) -> Iterator[tuple[Document, Result]]:
    return zip(chunk, result.get())


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
