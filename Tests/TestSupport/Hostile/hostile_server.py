"""A stand-in for GitHub that misbehaves on purpose, for migdash's hostile-input tests.

    hostile_server.py SCENARIOS.json NAME     serve scenario NAME on 127.0.0.1, print the port

A scenario is data (see scenarios.json): routes, each with a method, a path (a trailing * matches a
prefix), a status, headers and a body, plus misbehaviours:
  "trickle": S        send the body one byte every S seconds
  "link": "endless"   a Link rel="next" on every page, for ever
  "cutAt": N          announce the whole body, send N bytes, close the connection
  "bodyBytes": N      a body of N bytes (pseudo-random, the same every time)
  "archiveBytes": N   a body that is a sound .tar.gz holding one file of N pseudo-random bytes (the same
                      every time), so a download's verification finds nothing wrong with the bytes it gets
  "ignoreRange": true answer 200 with the whole body to a Range request
  "archive": {NAME: TEXT}  a body that is a .tar.gz of these entries (names may hold any character)
  "bodies": [B1, B2]  the first request gets B1, the next B2, and so on; the last one stays
Text in headers and bodies may say {base} for http://127.0.0.1:PORT. A scenario's routes come before
the "base" scenario's, so a scenario only names what it changes. Every request is logged;
GET /_hostile/requests returns the log (method, path, the Authorization header as sent).
"""
import gzip
import io
import json
import random
import tarfile
import sys
import tarfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = []
LOCK = threading.Lock()
SERVED = {}


def archive(entries):
    """A gzip-compressed tar of entries, the same bytes every time (fixed times, owners and modes)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, text in entries.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1700000000
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def body_of(route, base):
    """The body a route sends this time: its archive, its bytes, or its (next) text or JSON."""
    if "archive" in route:
        return archive({k.replace("{base}", base): v for k, v in route["archive"].items()})
    if "archiveBytes" in route:
        return sized_archive(route["archiveBytes"])
    if "bodyBytes" in route:
        return random.Random(7).randbytes(route["bodyBytes"])
    raw = route.get("body", "")
    if "bodies" in route:
        with LOCK:
            count = SERVED.get(id(route), 0)
            SERVED[id(route)] = count + 1
        raw = route["bodies"][min(count, len(route["bodies"]) - 1)]
    return (raw if isinstance(raw, str) else json.dumps(raw)).replace("{base}", base).encode()


def load(path, name):
    with open(path) as handle:
        scenarios = json.load(handle)
    return scenarios[name].get("routes", []) + scenarios["base"]["routes"]


def sized_archive(size):
    """A .tar.gz of one file of `size` pseudo-random bytes, byte for byte the same on every call."""
    info = tarfile.TarInfo("data.bin")
    info.size = size
    info.mtime = 0
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w", format=tarfile.USTAR_FORMAT) as writer:
        writer.addfile(info, io.BytesIO(random.Random(7).randbytes(size)))
    return gzip.compress(tar.getvalue(), mtime=0)


def matches(route, method, path):
    if route.get("method", "GET") != method:
        return False
    pattern = route["path"]
    bare = path.split("?", 1)[0]
    return bare.startswith(pattern[:-1]) if pattern.endswith("*") else bare == pattern


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Head and body go out in separate writes: with Nagle's algorithm on, each response waited for the
    # client's delayed ACK (40 ms), and a thousand pages took 47 s instead of a few.
    disable_nagle_algorithm = True
    routes = []

    def log_message(self, *args):
        pass

    def handle_any(self):
        with LOCK:
            LOG.append({"method": self.command, "path": self.path, "authorization": self.headers.get("Authorization")})
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path == "/_hostile/requests":
            with LOCK:
                return self.reply({"status": 200}, json.dumps(LOG).encode())
        route = next((r for r in self.routes if matches(r, self.command, self.path)), None)
        if route is None:
            return self.reply({"status": 404}, b'{"message": "Not Found"}')
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.reply(route, body_of(route, base), base)

    def reply(self, route, body, base=""):
        status = route.get("status", 200)
        headers = {k: v.replace("{base}", base) for k, v in route.get("headers", {}).items()}
        ranged = self.headers.get("Range")
        if ranged and not route.get("ignoreRange") and ranged.startswith("bytes=") and status == 200:
            start = int(ranged[6:].split("-")[0])
            if start < len(body):
                status = 206
                headers["Content-Range"] = "bytes %d-%d/%d" % (start, len(body) - 1, len(body))
                body = body[start:]
        if route.get("link") == "endless":
            page = int(self.path.split("page=")[1].split("&")[0]) if "page=" in self.path else 1
            headers["Link"] = '<%s%s?page=%d>; rel="next"' % (base, self.path.split("?")[0], page + 1)
        self.send_response(status)
        headers.setdefault("Content-Type", "application/json")
        if "Content-Length" not in headers:
            headers["Content-Length"] = str(len(body))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        cut = route.get("cutAt")
        trickle = route.get("trickle")
        try:
            if trickle:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(trickle)
            elif cut is not None:
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = handle_any


if __name__ == "__main__":
    Handler.routes = load(sys.argv[1], sys.argv[2])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()
