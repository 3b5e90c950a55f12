"""An upstream that accepts a request and never answers it: a raw HTTP server on 127.0.0.1 (port 0)."""

from __future__ import annotations

import socket
import threading

from tests.support.accepting import accept_in_background


class StallingUpstream:
    """Reads each request whole, then stalls until the peer closes the connection: with `headers`, after sending
    200 event-stream headers and keep-alive comments (a stream whose first event never comes); without, before
    sending anything (an answer whose headers never come). It counts the requests it received and the
    connections still open. `answers`: whole JSON bodies sent (200) to the first requests before it starts
    stalling."""

    def __init__(self, headers: bool, answers: tuple[bytes, ...] = ()) -> None:
        self.headers = headers
        self.answers = list(answers)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.open = 0
        self.requests = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        accept_in_background(self.sock, self.stopping, self._serve)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self, conn: socket.socket) -> None:
        with self.lock:
            self.open += 1
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            while len(body) < length:
                body += conn.recv(65536)
            with self.lock:
                self.requests += 1
                answer = self.answers.pop(0) if self.answers else None
            if answer is not None:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n"
                    b"content-length: %d\r\n\r\n%s" % (len(answer), answer)
                )
                return
            if self.headers:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                )
            conn.settimeout(0.2)
            while not self.stopping.is_set():
                if self.headers:
                    ping = b": keep-alive\n\n"
                    conn.sendall(b"%x\r\n%s\r\n" % (len(ping), ping))
                try:
                    if conn.recv(65536) == b"":
                        break  # the gateway closed the connection
                except TimeoutError:
                    pass
        except OSError:
            pass
        finally:
            conn.close()
            with self.lock:
                self.open -= 1

    def stop(self) -> None:
        self.stopping.set()
        self.sock.close()
