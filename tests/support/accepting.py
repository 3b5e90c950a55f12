"""The accept loop of the raw TCP servers tests start on 127.0.0.1: each connection handled on its own thread
until `stopping` is set or the socket is closed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable


def accept_in_background(
    sock: socket.socket, stopping: threading.Event, handle: Callable[[socket.socket], None]
) -> None:
    def loop() -> None:
        sock.settimeout(0.2)
        while not stopping.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
