"""``handouts serve``: the staff page on this machine, served by waitress.

Local by default. Any other address needs a token (16 characters or more): the server
prints the address with the token once; the browser keeps it as a cookie.
"""
from __future__ import annotations

import ipaddress
import logging
import secrets
import socket

from ..errors import RequestError
from .app import LOCAL_HOSTS, MAX_BODY, create_app
from .choices import Setup

MIN_TOKEN = 16
THREADS = 4


def is_local(host: str) -> bool:
    """True when ``host`` is this machine only (a loopback address or ``localhost``)."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    """Refuse a non-local address without a long enough token (a usage error, exit 2)."""
    if token is not None and len(token) < MIN_TOKEN:
        raise RequestError(f"--token must be at least {MIN_TOKEN} characters (try: {secrets.token_urlsafe(18)})")
    if not is_local(host) and token is None:
        raise RequestError(
            f"refusing to listen on {host}, which other computers can reach, without an access token; "
            f"add --token (or set HANDOUTS_TOKEN), e.g. --token {secrets.token_urlsafe(18)}")


def make_server(setup: Setup, host: str, port: int, token: str | None):
    """The waitress server (not yet running), for ``serve`` and for the tests."""
    from waitress.server import create_server

    check_binding(host, token)
    app = create_app(setup, token=token, local_only=is_local(host))
    try:
        return create_server(app, host=host, port=port, threads=THREADS, max_request_body_size=MAX_BODY,
                             max_request_header_size=32 * 1024, ident="handouts")
    except socket.gaierror as exc:  # a host name the resolver does not know
        raise RequestError(f"cannot listen on {host}: {exc}") from None
    except OSError as exc:
        raise RequestError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(setup: Setup, host: str, port: int, token: str | None, echo) -> None:
    logging.basicConfig(level=logging.INFO, format="handouts serve: %(message)s")
    logging.getLogger("waitress").setLevel(logging.WARNING)
    server = make_server(setup, host, port, token)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{server.effective_port}/"
    echo(f"handouts: serving the staff page at {address}" + (f"?token={token}" if token else ""))
    echo("handouts: press Ctrl-C to stop")
    try:
        server.run()
    finally:
        server.close()
