"""A TCP server that accepts connections and reads what they send but never answers: a store that hangs (its
process stopped, a network that drops replies). Connections it accepted are counted."""

from __future__ import annotations

import socket
import threading

from tests.support.accepting import accept_in_background


class SilentServer:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.accepted = 0
        self._stopping = threading.Event()
        accept_in_background(self.sock, self._stopping, self._drain)

    def _drain(self, conn: socket.socket) -> None:
        self.accepted += 1
        conn.settimeout(0.2)
        with conn:
            while not self._stopping.is_set():
                try:
                    if conn.recv(65536) == b"":
                        return  # the client gave up and closed
                except TimeoutError:
                    continue
                except OSError:
                    return

    def close(self) -> None:
        self._stopping.set()
        self.sock.close()
