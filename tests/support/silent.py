"""A TCP server that accepts connections and reads what they send but never answers: a store that hangs (its
process stopped, a network that drops replies). Connections it accepted are counted."""

from __future__ import annotations

import socket
import threading


class SilentServer:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.accepted = 0
        self._stopping = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._drain, args=(conn,), daemon=True).start()

    def _drain(self, conn: socket.socket) -> None:
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
