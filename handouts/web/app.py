"""The staff page as a Flask application: pick, preview and print handouts, make ward packs.

Every route turns the browser's choices into the same ``Request`` the CLI builds, through
``choices.request_from``; nothing from the browser is ever a path. Errors come back as a
readable message (JSON ``{"error": ...}`` for the page's scripts) and one log line, never a
stack trace.
"""
from __future__ import annotations

import base64
import hmac
import logging
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, Response, abort, jsonify, redirect, render_template, render_template_string, request
from werkzeug.exceptions import HTTPException

from .. import __version__
from ..build import build, build_html
from ..errors import HandoutsError, InputError, OutputError, RequestError
from . import pagetext, status
from .choices import SAMPLE, Setup, native_name, request_from, sections, topics
from .packs import MAX_COPIES, MAX_HANDOUTS, MAX_PAGES, MAX_ROWS, Packs, manifest_from
from .preview import page_pngs

LOG = logging.getLogger("handouts.web")
MAX_BODY = 64 * 1024  # bytes in a request body (a pack form is well under 8 KB)
MAX_QUERY = 4096  # characters in a query string
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
TOKEN_COOKIE = "handouts_token"
CACHE_SIZE = 24  # built handouts kept for the preview and the downloads that follow it


def create_app(setup: Setup, *, token: str | None = None, local_only: bool = True) -> Flask:
    """The application. With ``token``, every request must carry it (once in the address,
    then as a cookie). With ``local_only``, requests must name this machine as their host
    (a web page elsewhere cannot reach the server through its own DNS name)."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, JSON_SORT_KEYS=False)
    render_lock = threading.Lock()  # ReportLab keeps process-wide state: one build at a time
    built: OrderedDict[tuple, tuple] = OrderedDict()
    packs = Packs(render_lock)

    def page_language() -> tuple[str, object]:
        accept = [value for value, _quality in request.accept_languages]
        tag = pagetext.choose(request.args.get("ui"), accept, setup.folders)
        return tag, pagetext.translations(tag, setup.folders)

    def handout(req):
        """The built handout for a checked request (cached), with its preview pictures."""
        source = req.brand.source
        key = (req, source.stat().st_mtime_ns if source else 0)
        with render_lock:
            if key in built:
                built.move_to_end(key)
                return built[key]
            made = build(req)
            entry = (made, page_pngs(made.pdf))
            built[key] = entry
            while len(built) > CACHE_SIZE:
                built.popitem(last=False)
            return entry

    @app.before_request
    def guard():
        if len(request.query_string) > MAX_QUERY:
            abort(414)
        if local_only and (request.host.rsplit(":", 1)[0] if not request.host.startswith("[")
                           else request.host.split("]")[0] + "]") not in LOCAL_HOSTS:
            abort(403, "this page answers only to localhost addresses")
        if token is None:
            return None
        given = request.args.get("token")
        if given is not None and hmac.compare_digest(given, token):
            kept = [(k, v) for k, v in request.args.items(multi=True) if k != "token"]
            response = redirect(request.path + ("?" + urlencode(kept) if kept else ""))
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
            return response
        if not hmac.compare_digest(request.cookies.get(TOKEN_COOKIE, ""), token):
            abort(403, "open the address the server printed when it started (it holds the access token)")
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; frame-ancestors 'none'")
        return response

    @app.get("/")
    def index():
        tag, words = page_language()
        brands = setup.brand_names()
        if not brands:
            raise InputError(f"{setup.brands}: there are no brand files (*.toml) in this folder")
        brand = setup.brand(request.args.get("brand") or brands[0])
        languages = setup.languages()
        locale = request.args.get("locale") or (tag if tag in {t for t, *_ in languages} else "en")
        return render_template(
            "index.html", _=words.gettext, lang=tag.replace("_", "-"), dir=pagetext.direction(tag),
            page_languages=[(t, native_name(t)[0]) for t in pagetext.page_languages(setup.folders)], ui=tag,
            brands=[(name, name if name != SAMPLE else words.gettext("Sample clinic (no clinic details)"))
                    for name in brands],
            brand_name=request.args.get("brand") or brands[0], languages=languages, locale=locale, topics=topics(brand, locale, setup.folders),
            limits={"rows": MAX_ROWS, "copies": MAX_COPIES, "handouts": MAX_HANDOUTS, "pages": MAX_PAGES},
            version=__version__)

    @app.get("/api/choices")
    def choices():
        """The topics (titles in the language), and the chosen topic's sections."""
        brand = setup.brand(request.args.get("brand", ""))
        locale = request.args.get("locale", "en")
        if locale not in {t for t, *_ in setup.languages()}:
            raise RequestError(f"unknown language {locale!r}")
        listed = topics(brand, locale, setup.folders)
        topic_id = request.args.get("topic") or listed[0][0]
        if topic_id not in {t for t, _ in listed}:
            raise RequestError(f"unknown topic {topic_id!r}")
        return jsonify(topics=[{"id": t, "title": title} for t, title in listed],
                       sections=[{"id": s, "title": title, "default": default}
                                 for s, title, default in sections(brand, topic_id, locale)])

    @app.get("/api/preview")
    def preview():
        _tag, words = page_language()
        req = request_from(request.args.to_dict(), request.args.getlist("section"), setup)
        lines = status.describe(req, words.gettext)
        try:
            made, pngs = handout(req)
        except InputError as error:
            return jsonify(status=lines, error=str(error), pages=[]), 422
        return jsonify(status=lines, messages=list(made.messages), direction=made.document.direction,
                       pages=["data:image/png;base64," + base64.b64encode(png).decode("ascii") for png in pngs])

    @app.get("/handout.pdf")
    def handout_pdf():
        req = request_from(request.args.to_dict(), request.args.getlist("section"), setup)
        made, _pngs = handout(req)
        name = f"{req.topic}-{made.document.locale}.pdf"
        inline = request.args.get("print") == "1"
        return Response(made.pdf, mimetype="application/pdf", headers={
            "Content-Disposition": f'{"inline" if inline else "attachment"}; filename="{name}"'})

    @app.get("/handout.html")
    def handout_page():
        req = request_from(request.args.to_dict(), request.args.getlist("section"), setup)
        with render_lock:
            page = build_html(req)
        name = f"{req.topic}-{page.document.locale}.html"
        return Response(page.html, mimetype="text/html", headers={
            "Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/api/packs")
    def start_pack():
        spec = request.get_json(silent=True)
        if spec is None:
            raise RequestError("the pack request must be JSON")
        job = packs.start(manifest_from(spec, setup), log=LOG.warning)
        LOG.info("pack %s: %d distinct handouts", job.id, job.total)
        return jsonify(job.as_dict()), 202

    @app.get("/api/packs/<job_id>")
    def pack_state(job_id: str):
        job = packs.get(job_id)
        if job is None:
            abort(404, "no such pack (the server keeps only the last few)")
        return jsonify(job.as_dict())

    @app.get("/api/packs/<job_id>/ward-pack.pdf")
    def pack_pdf(job_id: str):
        job = packs.get(job_id)
        if job is None or job.pdf is None:
            abort(404, "this pack is not ready")
        return Response(job.pdf, mimetype="application/pdf",
                        headers={"Content-Disposition": 'attachment; filename="ward-pack.pdf"'})

    @app.errorhandler(HandoutsError)
    def handouts_error(error: HandoutsError):
        code = 400 if isinstance(error, RequestError) else 500 if isinstance(error, OutputError) else 422
        LOG.warning("%s %s: %s", request.method, request.path, str(error).replace("\n", " "))
        return _error(str(error), code)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        LOG.warning("%s %s: %s %s", request.method, request.path, error.code, error.description)
        return _error(f"{error.name}: {error.description}", error.code or 500)

    @app.errorhandler(Exception)
    def internal_error(error: Exception):
        LOG.error("%s %s: internal error: %s: %s", request.method, request.path, type(error).__name__, error)
        return _error("Something went wrong on the server; the server's log has the details.", 500)

    return app


ERROR_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Handouts: error</title>
<main><h1>The handout could not be made</h1><p role="alert">{{ message }}</p>
<p><a href="/">Back to the handouts page</a></p></main></html>"""


def _error(message: str, code: int):
    """The page's scripts get JSON; a link followed in the browser gets a short page."""
    if request.path.startswith("/api/"):
        return jsonify(error=message), code
    return render_template_string(ERROR_PAGE, message=message), code


def brands_folder(path: Path | None) -> Path | None:
    """The brand folder, checked: it must be a folder."""
    if path is not None and not path.is_dir():
        raise RequestError(f"{path}: --brands must be a folder of brand files (*.toml)")
    return path
