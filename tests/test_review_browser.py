"""The review app end to end in headless Chromium (Debian's, through Playwright), over SQLite and
PostgreSQL: an auditor's morning, from an odd number to a verdict that survives a rerun.

Screenshots of each page land in docs/screenshots/. Without a browser these tests skip with a
message, except under CI=true, where they fail.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import REVIEW_DOCUMENTS, REVIEW_PASSWORD, load_review_documents
from pipeline.review import store

CHROMIUM = os.environ.get("SOLIEU_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}, and CI=true requires the browser tests", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def server(review_db: sa.Engine) -> Iterator[str]:
    """The app on a free localhost port, in a thread of this process."""
    from werkzeug.serving import make_server

    from pipeline.review.app import create_app

    httpd = make_server("127.0.0.1", 0, create_app(review_db, "k" * 40), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1360, "height": 860}, base_url=server)
    context.set_default_timeout(15000)
    tab = context.new_page()
    tab.goto("/")
    tab.fill("input[name=name]", "lan")
    tab.fill("input[name=password]", REVIEW_PASSWORD)
    tab.click("form.login button")
    tab.wait_for_url(f"{server}/")
    yield tab
    context.close()


def _shoot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.evaluate("window.scrollTo(0, 0)")
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _figure(engine: sa.Engine, path: str) -> store.FigureRecord:
    page = store.queue(engine, {"indicator": "grdp_growth"})
    return next(f for f in page.figures if f.document_path == path)


def _chosen_growth_2022(engine: sa.Engine) -> tuple[Decimal, str | None]:
    with engine.connect() as conn:
        value, review = conn.execute(sa.text(
            "SELECT value, review FROM chosen_values WHERE indicator = 'grdp_growth' "
            "AND province = 'Lạng Sơn' AND calendar_year = 2022")).one()
    return store.number(value), review


def _verdicts(engine: sa.Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT r.verdict, l.attachment FROM reviews r "
            "JOIN review_links l ON l.review_id = r.id ORDER BY r.id"))]


def test_from_an_odd_number_to_a_verdict_that_survives_a_rerun(page, review_db):
    # two clicks from the start page to the highlighted source sentence
    page.click("text=Lạng Sơn · grdp_growth")
    page.wait_for_selector("svg#chart")
    _shoot(page, "series")
    odd = _figure(review_db, "lang-son-feb.txt")
    page.click(f'svg a.point[data-figure="{odd.id}"]')
    page.wait_for_selector("a.fig.current")
    assert page.inner_text("a.fig.current mark") == "71"
    assert "cao nhất" in " ".join(page.locator(".text .sentence").all_inner_texts())
    assert page.inner_text("#why-province").startswith("sentence")
    _shoot(page, "document")

    # reject with a reason, from the keyboard
    page.keyboard.press("r")
    page.keyboard.type("the decimal comma was lost: other reports say 7,1")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=reject recorded")
    assert _verdicts(review_db) == [("reject", "exact")]

    # approve with the keyboard
    good = _figure(review_db, "lang-son-jan.txt")
    page.goto(f"/documents/{good.document_id}?figure={good.id}")
    page.keyboard.press("a")
    page.wait_for_selector("text=approve recorded")
    assert _chosen_growth_2022(review_db) == (Decimal("7.1"), "approved")

    # correct a value: chosen_values reports the correction
    third = _figure(review_db, "hostile.txt")
    page.goto(f"/documents/{third.document_id}?figure={third.id}")
    page.keyboard.press("c")
    page.keyboard.type("7.2")
    page.fill("#correct textarea[name=note]", "the table in the annex says 7,2")
    page.click("#correct button")
    page.wait_for_selector("text=correct recorded")
    assert _chosen_growth_2022(review_db) == (Decimal("7.2"), "corrected")

    # the queue, filtered: a saved filter is a URL
    page.click("header nav >> text=Queue")
    page.select_option("select[name=indicator]", "grdp_growth")
    page.select_option("select[name=state]", "approved")
    page.click("form.filters button")
    page.wait_for_url("**/queue?indicator=grdp_growth&state=approved&sort=document&order=asc")
    assert page.inner_text("#total") == "1"
    page.goto(page.url)
    assert page.inner_text("#total") == "1"
    page.select_option("select[name=state]", "")
    page.click("form.filters button")
    page.wait_for_selector('td.state:text-is("rejected")')
    _shoot(page, "queue")

    # rerun after an edit before the figure: the approval is carried
    text, _ = REVIEW_DOCUMENTS["lang-son-jan.txt"]
    load_review_documents(review_db, {"lang-son-jan.txt": "Bản tin sáng.\n" + text})
    moved = _figure(review_db, "lang-son-jan.txt")
    assert moved.id != good.id
    page.goto(f"/documents/{moved.document_id}?figure={moved.id}")
    assert page.inner_text("#figure-state") == "approved"
    assert page.inner_text("a.fig.current mark") == "7,1"
    assert ("approve", "carried") in _verdicts(review_db)

    # rerun after the number itself changed: needs re-review, and no longer shapes the views
    load_review_documents(review_db, {"lang-son-jan.txt": text.replace("7,1%", "7,4%")})
    changed = _figure(review_db, "lang-son-jan.txt")
    page.goto(f"/documents/{changed.document_id}?figure={changed.id}")
    assert page.inner_text("#figure-state") == "needs re-review"
    assert ("approve", "stale") in _verdicts(review_db)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_j_and_k_step_through_the_figures(page, review_db):
    doc = store.document(review_db, _figure(review_db, "lang-son-jan.txt").document_id)
    first, second = doc.figures[0], doc.figures[1]
    page.goto(f"/documents/{doc.id}?figure={first.id}")
    page.keyboard.press("j")
    page.wait_for_url(f"**figure={second.id}**")
    assert page.inner_text("a.fig.current mark") == doc.text[second.start:second.end]
    page.keyboard.press("k")
    page.wait_for_url(f"**figure={first.id}**")


def test_a_hostile_document_is_inert(page, review_db):
    hostile = _figure(review_db, "hostile.txt")
    page.goto(f"/documents/{hostile.document_id}")
    page.wait_for_selector("article.text")
    assert page.evaluate("window.__xss === undefined")
    assert "<script>window.__xss = 1</script>" in page.inner_text("article.text")
    assert page.locator("article.text img").count() == 0
    assert page.locator("article.text b").count() == 0
    _shoot(page, "hostile")
