"""The review app through Flask's test client: login, roles, CSRF, Origin, escaping, pages."""
from __future__ import annotations

import html
import re

import pytest
import sqlalchemy as sa

from conftest import REVIEW_DOCUMENTS, REVIEW_PASSWORD
from pipeline.review import store
from pipeline.review.app import create_app

ORIGIN = {"Origin": "http://localhost"}
SECRET = "s" * 40
# Login, roles, CSRF, Origin and escaping do not depend on the database: SQLite is enough.
on_sqlite = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _token(page) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def _client(engine: sa.Engine, name: str | None = "lan"):
    client = create_app(engine, SECRET).test_client()
    if name is not None:
        page = client.get("/login")
        answer = client.post("/login", headers=ORIGIN, data={
            "name": name, "password": REVIEW_PASSWORD, "csrf_token": _token(page)})
        assert answer.status_code == 302
    return client


def _document_id(engine: sa.Engine, path: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT id FROM documents WHERE path = :p"),
                            {"p": path}).scalar_one()


def _figure(engine: sa.Engine, path: str, indicator: str = "grdp_growth") -> store.FigureRecord:
    doc = store.document(engine, _document_id(engine, path))
    return next(f for f in doc.figures if f.indicator == indicator)


def _reviews(engine: sa.Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT reviewer, verdict, note FROM reviews ORDER BY id"))]


@on_sqlite
@pytest.mark.parametrize("path", ["/", "/queue", "/documents", "/documents/1", "/series"])
def test_every_page_needs_a_login(review_db, path):
    answer = _client(review_db, None).get(path)
    assert answer.status_code == 302
    assert answer.location.startswith("/login")


@on_sqlite
@pytest.mark.parametrize("password, status", [(REVIEW_PASSWORD, 302), ("wrong password", 401)])
def test_login_checks_the_password(review_db, password, status):
    client = _client(review_db, None)
    answer = client.post("/login", headers=ORIGIN, data={
        "name": "lan", "password": password, "csrf_token": _token(client.get("/login"))})
    assert answer.status_code == status


@on_sqlite
@pytest.mark.parametrize("target, landing", [("/queue?state=approved", "/queue?state=approved"),
                                             ("//evil.example/", "/"),
                                             ("https://evil.example/", "/")])
def test_login_returns_only_to_this_server(review_db, target, landing):
    client = _client(review_db, None)
    answer = client.post("/login", headers=ORIGIN, data={
        "name": "lan", "password": REVIEW_PASSWORD, "next": target,
        "csrf_token": _token(client.get("/login"))})
    assert answer.location == landing


@on_sqlite
@pytest.mark.parametrize("with_token, headers, status, recorded", [
    pytest.param(True, ORIGIN, 302, 1, id="token and same origin: recorded"),
    pytest.param(False, ORIGIN, 400, 0, id="no CSRF token: refused"),
    pytest.param(True, {"Origin": "http://evil.example"}, 403, 0, id="other origin: refused"),
    pytest.param(True, {"Referer": "http://evil.example/page"}, 403, 0,
                 id="no Origin, foreign Referer: refused"),
    pytest.param(True, {}, 403, 0, id="neither Origin nor Referer: refused"),
    pytest.param(True, {"Referer": "http://localhost/documents/1"}, 302, 1,
                 id="no Origin, own Referer: recorded"),
])
def test_a_verdict_needs_the_csrf_token_and_this_origin(review_db, with_token, headers, status,
                                                        recorded):
    client = _client(review_db)
    figure = _figure(review_db, "lang-son-jan.txt")
    page = client.get(f"/documents/{figure.document_id}?figure={figure.id}")
    data = {"verdict": "approve", **({"csrf_token": _token(page)} if with_token else {})}
    answer = client.post(f"/figures/{figure.id}/verdict", data=data, headers=headers)
    assert answer.status_code == status
    assert len(_reviews(review_db)) == recorded


@on_sqlite
def test_a_viewer_reads_but_cannot_record(review_db):
    client = _client(review_db, "minh")
    figure = _figure(review_db, "lang-son-jan.txt")
    page = client.get(f"/documents/{figure.document_id}?figure={figure.id}")
    assert page.status_code == 200
    assert 'id="approve"' not in page.text
    answer = client.post(f"/figures/{figure.id}/verdict", headers=ORIGIN,
                         data={"verdict": "approve", "csrf_token": _token(page)})
    assert answer.status_code == 403
    assert _reviews(review_db) == []


@on_sqlite
def test_a_hostile_document_renders_as_text(review_db):
    page = _client(review_db).get(f"/documents/{_document_id(review_db, 'hostile.txt')}")
    assert page.status_code == 200
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page.text
    assert "<script>window.__xss" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;b&gt;đậm&lt;/b&gt;" in page.text
    assert not re.search(r"<script(?![^>]*\ssrc=)", page.text), "an inline script"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", list(REVIEW_DOCUMENTS))
def test_each_highlight_is_the_stored_text_between_the_offsets(review_db, path):
    doc = store.document(review_db, _document_id(review_db, path))
    page = _client(review_db).get(f"/documents/{doc.id}")
    marks = re.findall(r'<a class="fig[^"]*" id="f(\d+)"[^>]*><mark>(.*?)</mark></a>', page.text,
                       re.S)
    assert marks, "no highlight"
    spans = {f.id: doc.text[f.start:f.end] for f in doc.figures}
    assert {int(i): html.unescape(text) for i, text in marks} == {
        i: t for i, t in spans.items() if str(i) in dict(marks)}
    shown = html.unescape(re.sub(r"<[^>]+>", "", re.search(
        r'<article class="text" id="text">(.*?)</article>', page.text, re.S).group(1)))
    assert shown == doc.text


@pytest.mark.parametrize("query, total", [
    ({}, 5),
    ({"indicator": "grdp_growth"}, 4),
    ({"indicator": "grdp_growth", "period": "2021"}, 1),
    ({"flag": "growth_out_of_band"}, 1),
    ({"state": "unreviewed"}, 5),
    ({"state": "approved"}, 0),
    ({"province": "Quảng Nam"}, 0),
])
def test_the_queue_filters(review_db, query, total):
    page = _client(review_db).get("/queue", query_string=query)
    assert re.search(r'<span id="total">(\d+)</span>', page.text).group(1) == str(total)


def test_a_verdict_moves_on_to_the_next_figure_to_review(review_db):
    client = _client(review_db)
    figure = _figure(review_db, "lang-son-jan.txt")
    page = client.get(f"/documents/{figure.document_id}?figure={figure.id}")
    answer = client.post(f"/figures/{figure.id}/verdict", headers=ORIGIN,
                         data={"verdict": "approve", "csrf_token": _token(page)})
    following = int(re.search(r"figure=(\d+)", answer.location).group(1))
    assert following != figure.id
    assert store.figure(review_db, following).state == "unreviewed"
    assert store.figure(review_db, figure.id).state == "approved"


@on_sqlite
def test_a_refused_verdict_says_why_and_records_nothing(review_db):
    client = _client(review_db)
    figure = _figure(review_db, "lang-son-jan.txt")
    page = client.get(f"/documents/{figure.document_id}?figure={figure.id}")
    answer = client.post(f"/figures/{figure.id}/verdict", headers=ORIGIN, follow_redirects=True,
                         data={"verdict": "correct", "value": "bảy", "csrf_token": _token(page)})
    assert "is not a number" in answer.text
    assert _reviews(review_db) == []


def test_the_series_chart_marks_the_conflict_and_links_each_point(review_db):
    client = _client(review_db)
    page = client.get("/series", query_string={"province": "Lạng Sơn", "indicator": "grdp_growth"})
    svg = re.search(r"<svg.*?</svg>", page.text, re.S).group(0)
    points = re.findall(r'<a href="/documents/(\d+)\?figure=(\d+)#f\d+" class="point (\w+)"', svg)
    assert len(points) == 4
    kinds = {store.figure(review_db, int(f)).value: kind for _, f, kind in points}
    assert kinds[store.number("71")] == "conflict"
    assert kinds[store.number("6.5")] == "chosen"
