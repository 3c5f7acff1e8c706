"""The review app: Flask, server-rendered, safe by default.

Every page needs a login; viewers read, reviewers also record verdicts. Sessions are signed
cookies (the secret comes from the environment or a file outside the repository). Every form
carries a CSRF token (Flask-WTF) and every state-changing request must come from this origin.
The Content-Security-Policy allows only this origin's script and style files, so text from a
document can never run: Jinja escapes it, and the policy would refuse an inline script anyway.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (Flask, abort, flash, g, redirect, render_template, request, session,
                   url_for)
from flask_wtf.csrf import CSRFError, CSRFProtect

from pipeline.review import chart as charts
from pipeline.review import store
from pipeline.review.highlight import pieces
from pipeline.review.users import authenticate, find_user
from pipeline.review.why import explain

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
_OPEN = {"login", "login_post", "static"}
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def create_app(engine: sa.Engine, secret: str) -> Flask:
    """The app over `engine` (an upgraded solieu database), signing sessions with `secret`."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        WTF_CSRF_TIME_LIMIT=12 * 3600,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.jinja_env.autoescape = True
    app.jinja_env.globals["compact"] = charts.compact
    CSRFProtect(app)
    app.extensions["solieu_engine"] = engine

    @app.before_request
    def same_origin_and_logged_in():
        if request.method not in _SAFE_METHODS and not _same_origin():
            abort(403, "cross-origin request refused")
        g.user = find_user(engine, session["user"]) if "user" in session else None
        if g.user is None and request.endpoint not in _OPEN:
            return redirect(url_for("login", next=request.full_path))
        return None

    @app.after_request
    def security_headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        if response.mimetype == "text/html":
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(CSRFError)
    def csrf_refused(error):
        return render_template("error.html", code=400, message=error.description), 400

    @app.errorhandler(403)
    @app.errorhandler(404)
    def refused(error):
        return render_template("error.html", code=error.code, message=error.description), \
            error.code

    _routes(app, engine)
    return app


def _same_origin() -> bool:
    """The Origin header (else the Referer) names this server: a form posted from elsewhere
    is refused even before its CSRF token is checked."""
    mine = urlsplit(request.host_url)
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if not claimed:
        return False
    theirs = urlsplit(claimed)
    return (theirs.scheme, theirs.netloc) == (mine.scheme, mine.netloc)


def _safe_next(target: str | None) -> str:
    """Only a path on this server, never another site, after login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return url_for("home")
    return target


def _routes(app: Flask, engine: sa.Engine) -> None:
    @app.get("/login")
    def login():
        return render_template("login.html", next=request.args.get("next", ""))

    @app.post("/login")
    def login_post():
        user = authenticate(engine, request.form.get("name", ""), request.form.get("password", ""))
        if user is None:
            flash("Wrong name or password.", "error")
            return render_template("login.html", next=request.form.get("next", "")), 401
        session.clear()
        session["user"] = user.name
        return redirect(_safe_next(request.form.get("next")))

    @app.post("/logout")
    def logout():
        session.clear()
        return redirect(url_for("login"))

    @app.get("/")
    def home():
        page = store.queue(engine, {})
        return render_template("home.html", states=page.states, total=page.total,
                               attachments=store.attachments(engine),
                               series=store.series_index(engine))

    @app.get("/queue")
    def queue():
        if any(value == "" for value in request.args.values()):  # a short URL to save
            return redirect(url_for("queue", **{k: v for k, v in request.args.items() if v}))
        filters = {name: request.args.get(name, "").strip() for name in store.FILTERS}
        sort = request.args.get("sort", "document")
        descending = request.args.get("order") == "desc"
        page = store.queue(engine, filters, sort, descending,
                           request.args.get("page", 1, type=int) or 1)
        active = {name: value for name, value in filters.items() if value}
        return render_template("queue.html", page=page, filters=filters, active=active, sort=sort,
                               descending=descending, options=store.options(engine),
                               states=store.STATES, sorts=list(store.SORTS))

    @app.get("/documents")
    def documents():
        return render_template("documents.html", documents=store.documents(engine))

    @app.get("/documents/<int:document_id>")
    def document(document_id: int):
        doc = store.document(engine, document_id)
        if doc is None:
            abort(404, "no such document (reloaded under another id?)")
        current = None
        wanted = request.args.get("figure", type=int)
        if doc.figures:
            current = next((f for f in doc.figures if f.id == wanted), doc.figures[0])
        why = sentence = None
        if current is not None:
            why = explain(doc.text, current.start, province=current.province,
                          period=(current.period_start, current.period_end)
                          if current.period_start else None,
                          published=doc.published, title=doc.title,
                          manifest_province=doc.province)
            sentence = (why.sentence.start, why.sentence.end) if why.sentence else None
        text = pieces(doc.text, [(f.start, f.end, f.id) for f in doc.figures], sentence)
        position = doc.figures.index(current) if current else 0
        return render_template(
            "document.html", doc=doc, figure=current, why=why, pieces=text,
            figure_states={f.id: f.state for f in doc.figures},
            history=store.history(engine, current.id) if current else [],
            previous=doc.figures[position - 1] if current and position > 0 else None,
            following=doc.figures[position + 1] if current and position + 1 < len(doc.figures)
            else None)

    @app.post("/figures/<int:figure_id>/verdict")
    def verdict(figure_id: int):
        if not g.user.may_review:
            abort(403, "viewers cannot record verdicts")
        current = store.figure(engine, figure_id)
        if current is None:
            abort(404, "no such figure (reloaded meanwhile?)")
        form = request.form
        try:
            value = store.parse_value(form["value"]) if form.get("value", "").strip() else None
            period = _period(form.get("period_start", ""), form.get("period_end", ""))
            store.record_verdict(engine, figure_id, g.user.name, form.get("verdict", ""),
                                 note=form.get("note"), value=value, period=period,
                                 province=form.get("province", "").strip() or None)
        except store.VerdictError as error:
            flash(f"Not recorded: {error}.", "error")
            return redirect(url_for("document", document_id=current.document_id,
                                    figure=figure_id, _anchor=f"f{figure_id}"))
        flash(f"Figure {figure_id}: {form.get('verdict')} recorded.", "ok")
        following = store.next_to_review(engine, current)
        if following is None:
            flash("Nothing left to review.", "ok")
            return redirect(url_for("queue"))
        target = store.figure(engine, following)
        return redirect(url_for("document", document_id=target.document_id, figure=following,
                                _anchor=f"f{following}"))

    @app.get("/series")
    def series():
        province = request.args.get("province", "")
        indicator = request.args.get("indicator", "")
        if not province or not indicator:
            return render_template("series_index.html", series=store.series_index(engine))
        unit = store.unit_of(engine, indicator)
        points = store.series(engine, province, indicator)
        return render_template("series.html", province=province, indicator=indicator,
                               unit=unit, points=points, chart=charts.chart(points, unit))


def _period(start: str, end: str) -> tuple[date, date] | None:
    start, end = start.strip(), end.strip()
    if not start and not end:
        return None
    try:
        return date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise store.VerdictError("a corrected period needs both days, as YYYY-MM-DD") from None
