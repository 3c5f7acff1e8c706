"""The stored text cut into pieces for the document page: each figure's `text[start:end]`
becomes a highlight, found by its offsets and never by searching for the number again."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    figure_ids: tuple[int, ...] = ()
    in_sentence: bool = False
    start: int = 0


def pieces(text: str, spans: list[tuple[int, int, int]],
           sentence: tuple[int, int] | None = None) -> list[Piece]:
    """`spans` are (start, end, figure id); figures sharing a span share a highlight. A span
    overlapping an earlier one is left unhighlighted (the figure list still shows it)."""
    grouped: dict[tuple[int, int], list[int]] = {}
    for start, end, figure_id in sorted(spans):
        grouped.setdefault((start, end), []).append(figure_id)
    kept: list[tuple[int, int, tuple[int, ...]]] = []
    for (start, end), ids in grouped.items():
        if 0 <= start < end <= len(text) and (not kept or start >= kept[-1][1]):
            kept.append((start, end, tuple(ids)))
    cuts = {0, len(text)}
    for start, end, _ in kept:
        cuts |= {start, end}
    if sentence is not None:
        cuts |= {max(0, sentence[0]), min(len(text), sentence[1])}
    bounds = sorted(cuts)
    owner = {start: ids for start, _, ids in kept}
    out = []
    for start, end in zip(bounds, bounds[1:]):
        ids = owner.get(start, ())
        in_sentence = sentence is not None and sentence[0] <= start < sentence[1]
        out.append(Piece(text[start:end], ids, in_sentence, start))
    return out
