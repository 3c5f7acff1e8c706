"""Verdicts survive reruns: re-attachment after a load, and what chosen_values makes of them."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from pipeline.db.load import load
from pipeline.documents import Document
from pipeline.extraction import extract_document, rules_version
from pipeline.review import store
from pipeline.review.attach import Evidence, match
from pipeline.review.users import add_user

PATH = "lang-son-2022.txt"
TEXT = ("Lạng Sơn: kinh tế năm 2022\n"
        "Năm 2022, tốc độ tăng trưởng GRDP của tỉnh Lạng Sơn đạt 7,1%. Tổng thu ngân sách "
        "nhà nước trên địa bàn tỉnh đạt 7.500 tỷ đồng.")


def _load(engine: sa.Engine, text: str, full_refresh: bool = False) -> None:
    load(engine, [Document(PATH, text)], extract=extract_document,
         rules_version=rules_version(), full_refresh=full_refresh)


def _growth(engine: sa.Engine) -> store.FigureRecord:
    page = store.queue(engine, {"indicator": "grdp_growth"})
    assert page.total == 1
    return page.figures[0]


def _links(engine: sa.Engine) -> list[tuple[str, int | None]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT attachment, figure_id FROM review_links ORDER BY review_id"))]


@pytest.fixture
def reviewed(db_engine: sa.Engine) -> sa.Engine:
    """The document loaded and its GRDP growth approved by an auditor."""
    _load(db_engine, TEXT)
    add_user(db_engine, "lan", "correct horse battery")
    store.record_verdict(db_engine, _growth(db_engine).id, "lan", "approve")
    return db_engine


@pytest.mark.parametrize("edit, attachment, state", [
    pytest.param(lambda t: t, "exact", "approved", id="full refresh, same text: exact"),
    pytest.param(lambda t: "Tin mới nhất.\n" + t, "carried", "approved",
                 id="a paragraph added before: the figure moved, verdict carried"),
    pytest.param(lambda t: t.replace("7,1%", "7,4%"), "stale", "needs re-review",
                 id="the number edited: stale"),
    pytest.param(lambda t: t.replace("đạt 7,1%", "đạt 7,1% so với năm trước"), "stale",
                 "needs re-review", id="the sentence edited around the number: stale"),
    pytest.param(lambda t: t.split("Năm 2022,")[0] + "Tổng thu ngân sách nhà nước trên địa bàn "
                 "tỉnh đạt 7.500 tỷ đồng.", "orphaned", None, id="the sentence removed: orphaned"),
])
def test_a_verdict_is_reattached_after_the_load(reviewed, edit, attachment, state):
    _load(reviewed, edit(TEXT), full_refresh=True)
    [(found, figure_id)] = _links(reviewed)
    assert found == attachment
    assert store.attachments(reviewed)[attachment] == 1
    if state is None:
        assert figure_id is None
        assert store.queue(reviewed, {"indicator": "grdp_growth"}).total == 0
    else:
        assert figure_id == _growth(reviewed).id
        assert _growth(reviewed).state == state


def test_an_unchanged_rerun_leaves_the_verdict_alone(reviewed):
    before = _growth(reviewed)
    _load(reviewed, TEXT)
    assert _links(reviewed) == [("exact", before.id)]


def test_a_stale_verdict_comes_back_when_the_figure_does(reviewed):
    _load(reviewed, TEXT.replace("7,1%", "7,4%"))
    assert _links(reviewed)[0][0] == "stale"
    _load(reviewed, TEXT)
    assert _links(reviewed)[0][0] == "exact"


def _chosen(engine: sa.Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [(Decimal(str(v)), Decimal(str(x)), r, y) for v, x, r, y in conn.execute(sa.text(
            "SELECT value, extracted_value, review, calendar_year FROM chosen_values "
            "WHERE indicator = 'grdp_growth'"))]


@pytest.mark.parametrize("verdict, fields, chosen", [
    pytest.param("approve", {}, [(Decimal("7.1"), Decimal("7.1"), "approved", 2022)],
                 id="approved: reported, marked approved"),
    pytest.param("reject", {"note": "this is the national growth"}, [],
                 id="rejected: never reported"),
    pytest.param("correct", {"value": Decimal("7.4"), "note": "typo in the article"},
                 [(Decimal("7.4"), Decimal("7.1"), "corrected", 2022)],
                 id="corrected value: reported instead"),
    pytest.param("correct", {"period": (date(2021, 1, 1), date(2021, 12, 31))},
                 [(Decimal("7.1"), Decimal("7.1"), "corrected", 2021)],
                 id="corrected period: reported for the right year"),
])
def test_chosen_values_follow_the_verdict(db_engine, verdict, fields, chosen):
    _load(db_engine, TEXT)
    add_user(db_engine, "lan", "correct horse battery")
    assert _chosen(db_engine) == [(Decimal("7.1"), Decimal("7.1"), None, 2022)]
    store.record_verdict(db_engine, _growth(db_engine).id, "lan", verdict, **fields)
    assert _chosen(db_engine) == chosen


def test_a_stale_verdict_no_longer_shapes_chosen_values(reviewed):
    store.record_verdict(reviewed, _growth(reviewed).id, "lan", "reject", note="wrong province")
    assert _chosen(reviewed) == []
    _load(reviewed, TEXT.replace("7,1%", "7,4%"))
    assert _chosen(reviewed) == [(Decimal("7.4"), Decimal("7.4"), None, 2022)]


@pytest.mark.parametrize("statement", ["UPDATE reviews SET note = 'rewritten'",
                                       "DELETE FROM reviews"])
def test_reviews_are_append_only(reviewed, statement):
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reviewed.begin() as conn:
            conn.execute(sa.text(statement))


@pytest.mark.parametrize("fields, message", [
    ({"verdict": "reject"}, "needs a reason"),
    ({"verdict": "correct", "value": Decimal("7.1")}, "changes the value"),
    ({"verdict": "correct", "province": "Atlantis"}, "not a province"),
    ({"verdict": "correct", "period": (date(2022, 12, 31), date(2022, 1, 1))}, "ends before"),
    ({"verdict": "maybe"}, "must be one of"),
])
def test_a_verdict_that_cannot_stand_is_refused(reviewed, fields, message):
    with pytest.raises(store.VerdictError, match=message):
        store.record_verdict(reviewed, _growth(reviewed).id, "lan", **fields)


_JUDGED = Evidence("k1", "grdp_growth", Decimal("7.1"), "GRDP tăng 7,1%.", 40)


@pytest.mark.parametrize("figures, expected", [
    ({1: _JUDGED}, (1, "exact")),
    ({2: Evidence("k2", "grdp_growth", Decimal("7.1"), "GRDP tăng 7,1%.", 90),
      3: Evidence("k3", "grdp_growth", Decimal("7.1"), "GRDP tăng 7,1%.", 400)}, (2, "carried")),
    ({1: Evidence("k1", "grdp_growth", Decimal("7.4"), "GRDP tăng 7,4%.", 40)}, (1, "stale")),
    ({5: Evidence("k5", "grdp_growth", Decimal("7.1"), "Năm nay GRDP tăng 7,1%.", 48)},
     (5, "stale")),
    ({6: Evidence("k6", "budget_revenue_total", Decimal("7.1"), "GRDP tăng 7,1%.", 40)},
     (None, "orphaned")),
    ({}, (None, "orphaned")),
])
def test_matching_a_judged_figure(figures, expected):
    found = match(_JUDGED, figures)
    assert (found.figure_id, found.attachment) == expected
