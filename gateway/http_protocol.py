"""uvicorn's httptools protocol with a cap on the request line and headers, counted while they are parsed."""

from __future__ import annotations

import json

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class _HeadTooLarge(Exception):
    pass


class CappedHttpToolsProtocol(HttpToolsProtocol):
    """Stops reading a request whose URL plus headers pass `max_head_bytes`; answers 413 and closes.

    httptools itself accepts headers of any size; counting in the parser's callbacks refuses a 2 MB header
    after the first `max_head_bytes` of it, instead of after buffering all of it."""

    max_head_bytes = 64 * 1024
    _head_bytes = 0
    _head_too_large = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0

    def _count(self, n: int) -> None:
        self._head_bytes += n
        if self._head_bytes > self.max_head_bytes:
            self._head_too_large = True
            raise _HeadTooLarge

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def data_received(self, data: bytes) -> None:
        """uvicorn's own `data_received`, plus the 413 when the head passed the cap."""
        if self._head_too_large:
            return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            if self._head_too_large:
                self._refuse()
            else:
                self.send_400_response("Invalid HTTP request received.")
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()

    def _refuse(self) -> None:
        body = json.dumps({"error": {
            "type": "invalid_request_error", "code": "request-too-large",
            "message": f"The request line and headers are larger than this gateway accepts "
                       f"({self.max_head_bytes} bytes).", "check": None, "decision_id": None,
            "retry_after": None}}).encode()
        head = (b"HTTP/1.1 413 Request Entity Too Large\r\ncontent-type: application/json\r\n"
                b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n")
        self.transport.write(head + body)
        self.transport.close()


def capped_protocol(max_head_bytes: int) -> type[CappedHttpToolsProtocol]:
    """The protocol class to hand uvicorn (`http=`), with this cap."""
    return type("CappedHttpTools", (CappedHttpToolsProtocol,), {"max_head_bytes": max_head_bytes})
