"""Serve a built site on 127.0.0.1 with the headers Netlify would send.

Headers come from ``netlify.toml`` ([[headers]]) and ``site/_headers``, in
that order, for every rule whose path pattern matches, as Netlify matches
them (``rule_pattern``); a later rule's value for the same header replaces an
earlier one, as the Netlify CLI does (``header_values`` lists every value
matching rules set, which is what production may combine). Missing pages get
the 404 page of their language folder, as netlify.toml's rules say.
"""

from __future__ import annotations

import gzip as gzip_module
import re
import threading
import tomllib
from collections.abc import Generator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hanoi.languages import LANGUAGES
from sitetools import PROJECT

Rule = tuple[re.Pattern[str], dict[str, str]]


def rule_pattern(path: str) -> re.Pattern[str]:
    """A rule's path as Netlify matches it (netlify/build,
    packages/headers-parser/src/for_regexp.ts): a segment ``*`` matches
    anything, including nothing (so ``/press/*`` matches ``/press``, and
    ``/pressroom``); ``:name`` one segment; a ``*`` inside a segment any run of
    characters; a trailing slash is optional; case is ignored."""

    def segment(part: str) -> str:
        if part.startswith(":"):
            return "([^/]+)"
        if part == "*":
            return "?(.*)"
        return "(.*)".join(re.escape(piece) for piece in part.split("*"))

    parts = [segment(part.rstrip()) for part in path.split("/") if part.rstrip()]
    return re.compile("^/" + "/".join(parts) + "/?$", re.IGNORECASE)


def toml_rules(netlify_toml: Path = PROJECT / "netlify.toml") -> list[Rule]:
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    return [(rule_pattern(h["for"]), dict(h["values"])) for h in config.get("headers", [])]


def headers_file_rules(headers_file: Path) -> list[Rule]:
    rules: list[Rule] = []
    if not headers_file.is_file():
        return rules
    for line in headers_file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            rules.append((rule_pattern(line.strip()), {}))
        else:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules: list[Rule]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if pattern.match(path):
            headers.update(values)
    return headers


def header_values(path: str, rules: list[Rule]) -> dict[str, list[str]]:
    """Every value the rules matching ``path`` set, by header name (lower case)."""
    found: dict[str, list[str]] = {}
    for pattern, values in rules:
        if pattern.match(path):
            for name, value in values.items():
                found.setdefault(name.lower(), []).append(value)
    return found


class _Handler(SimpleHTTPRequestHandler):
    rules: list[Rule] = []
    site_dir: Path

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def end_headers(self) -> None:
        for name, value in headers_for(self.path.split("?")[0], self.rules).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        first = self.path.strip("/").split("/")[0]
        language = first if first in LANGUAGES and first != "en" else ""
        page = self.site_dir / language / "404.html"
        if not page.is_file():  # a site without its own (the editor's): Netlify's
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Compressing(_Handler):
    """As Netlify does, gzip for text files (tools/lighthouse.py: Lighthouse
    times the bytes that cross the network)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (
            not path.is_file()
            or path.suffix not in COMPRESSIBLE
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().do_GET()
        body = gzip_module.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(
    site_dir: Path, port: int = 0, netlify_toml: Path = PROJECT / "netlify.toml", *, gzip: bool = False
) -> Generator[str, None, None]:
    """Yield the base URL of the site served in a background thread, with
    the headers of ``netlify_toml`` (the public site's, by default) and of
    the site's own ``_headers``; text files gzipped if asked."""
    handler = type(
        "Handler",
        (_Compressing if gzip else _Handler,),
        {
            "rules": toml_rules(netlify_toml) + headers_file_rules(site_dir / "_headers"),
            "site_dir": site_dir,
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
