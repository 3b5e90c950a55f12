"""Raw HTTP/1.1 on one socket: proves that a connection stays usable after an answer (keep-alive)."""

from __future__ import annotations

import json
import socket
from typing import Any


class KeepAlive:
    """One TCP connection; each `request` must reuse it (no silent reconnect, unlike pooled clients)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self._buf = b""

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
                ) -> tuple[int, dict[str, str], Any]:
        raw = b"" if body is None else json.dumps(body).encode()
        head = {"host": "127.0.0.1", "content-length": str(len(raw)), **({"content-type": "application/json"}
                if body is not None else {}), **(headers or {})}
        lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in head.items()), "", ""]
        self.sock.sendall("\r\n".join(lines).encode() + raw)
        while b"\r\n\r\n" not in self._buf:
            self._more()
        top, self._buf = self._buf.split(b"\r\n\r\n", 1)
        status_line, *header_lines = top.decode("latin-1").split("\r\n")
        got = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in header_lines)}
        size = int(got.get("content-length", "0"))
        while len(self._buf) < size:
            self._more()
        payload, self._buf = self._buf[:size], self._buf[size:]
        parsed = json.loads(payload) if payload and "json" in got.get("content-type", "") else payload
        return int(status_line.split()[1]), got, parsed

    def _more(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the keep-alive connection")
        self._buf += chunk

    def close(self) -> None:
        self.sock.close()
