"""The document page's pieces: highlights by offsets, and where province and period come from."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.review.highlight import pieces
from pipeline.review.why import explain

TEXT = "Năm 2022, GRDP tỉnh Lạng Sơn tăng 7,1%. Thu ngân sách đạt 7.500 tỷ đồng."


@pytest.mark.parametrize("spans, sentence, marked", [
    ([(34, 37, 1)], None, {(1,): "7,1"}),
    ([(34, 37, 1), (58, 63, 2)], None, {(1,): "7,1", (2,): "7.500"}),
    ([(34, 37, 1), (34, 37, 2)], None, {(1, 2): "7,1"}),
    ([(34, 37, 1), (35, 40, 2)], None, {(1,): "7,1"}),
    ([(34, 37, 1)], (0, 39), {(1,): "7,1"}),
    ([(60, 999, 1)], None, {}),
])
def test_pieces_cut_the_text_at_the_offsets(spans, sentence, marked):
    cut = pieces(TEXT, spans, sentence)
    assert "".join(p.text for p in cut) == TEXT
    assert {p.figure_ids: p.text for p in cut if p.figure_ids} == marked
    if sentence:
        assert "".join(p.text for p in cut if p.in_sentence) == TEXT[sentence[0]:sentence[1]]


@pytest.mark.parametrize("text, at, kwargs, province, period", [
    pytest.param(TEXT, 34, {}, ("sentence", "tỉnh Lạng Sơn"), ("sentence", "Năm 2022"),
                 id="both in the sentence"),
    pytest.param("Lạng Sơn năm 2022\nGRDP tăng 7,1%.", 28, {},
                 ("title", "Lạng Sơn"), ("title", "năm 2022"), id="both in the title"),
    pytest.param("Báo cáo tổng kết\nGRDP tăng 7,1%.", 27, {"manifest_province": "Lạng Sơn"},
                 ("manifest", "province: Lạng Sơn"), ("none", None), id="the manifest"),
    pytest.param("Báo cáo tổng kết\nGRDP tăng 7,1%.", 27,
                 {"period": (date(2022, 1, 1), date(2022, 12, 31)),
                  "published": date(2022, 12, 20)},
                 ("none", None), ("publication date", "published 2022-12-20"),
                 id="the publication date"),
])
def test_explain_finds_the_nearest_statement(text, at, kwargs, province, period):
    arguments = {"province": "Lạng Sơn", "period": (date(2022, 1, 1), date(2022, 12, 31)),
                 "published": date(2023, 1, 5), "title": None, "manifest_province": None,
                 **kwargs}
    why = explain(text, at, **arguments)
    assert (why.province.source, why.province.text) == province
    assert (why.period.source, why.period.text) == period
