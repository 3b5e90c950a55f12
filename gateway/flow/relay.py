"""Relaying an upstream's event stream to the client: checked before the first byte, large batches guarded off
the loop, stopped as soon as the client leaves, and settled at what was delivered when it ends early."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import anyio
from starlette.responses import Response

from gateway.config.ruleset import ModelRoute
from gateway.errors import Reason, Refusal
from gateway.flow.call_ledger import Ledger, fault_refusal, log
from gateway.flow.client_gone import CLIENT_CLOSED, ClientGone, ClosingStream, left_during, never_gone
from gateway.flow.pipeline import Malformed, Out, StreamPipeline, delivered_usage
from gateway.flow.respond import gateway_headers, refusal_response
from gateway.flow.stream import StreamBlocked, error_event
from gateway.model import Api, Call
from gateway.runtime import Gateway
from gateway.trace.events import DecisionEvent, Outcome
from gateway.upstream.client import UpstreamFault, UpstreamStream
from gateway.upstream.usage import StreamUsage

# A batch of at most this many bytes (the chunk just read plus an unfinished event held from before) is parsed
# and guarded on the event loop: its work is bounded (the guards scan its text plus a window of fixed size) and
# smaller than a hop to a worker thread and back. A larger batch goes to a worker thread, so a long answer
# arriving at once or one huge event never stalls other requests.
INLINE_BYTES = 4096


async def _feed(pipe: StreamPipeline, chunk: bytes) -> Out:
    if len(chunk) + pipe.pending <= INLINE_BYTES:
        return pipe.feed(chunk)
    return await anyio.to_thread.run_sync(pipe.feed, chunk)


async def _end(pipe: StreamPipeline) -> Out:
    if pipe.pending <= INLINE_BYTES:
        return pipe.end()
    return await anyio.to_thread.run_sync(pipe.end)


def _malformed(call: Call, bad: Malformed) -> Refusal:
    return Refusal(Reason.UPSTREAM_ERROR, str(bad), check="upstream", decision_id=call.id)


async def relay(gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger,
                cm: AbstractAsyncContextManager[UpstreamStream], st: UpstreamStream,
                gone: ClientGone = never_gone) -> Response:
    keep_usage = bool((call.payload.get("stream_options") or {}).get("include_usage"))
    # Usage is always requested upstream (to settle budgets); a client that did not ask does not get it.
    strip_usage = call.api is Api.CHAT and not keep_usage
    records: list[DecisionEvent] = []  # made in the worker thread, written from the loop
    counter = StreamUsage(call.api)

    def seen(obj: Any) -> None:
        counter.feed(obj)
        ledger.span.event(obj)

    delivered = 0
    finished = False
    closed = False

    async def close(outcome_if_cut: bool, charge: bool = True) -> None:
        nonlocal finished, closed
        if closed:
            return
        closed = True
        with anyio.CancelScope(shield=True):
            for r in records:
                gw.recorder.decision(r)
            records.clear()
            if outcome_if_cut and not finished:
                ledger.outcome = Outcome.CANCELLED
                ledger.detail["cancelled"] = "client disconnected mid-stream"
            if counter.reported and ledger.outcome is Outcome.OK:
                ledger.usage = counter.usage
            elif charge:  # cut short, blocked or broken: charge what was delivered, and say it is an estimate
                ledger.usage = delivered_usage(call.api, call.payload, counter, delivered)
                ledger.detail["usage_estimated"] = {
                    "prompt_tokens": ledger.usage.prompt_tokens, "completion_tokens": ledger.usage.completion_tokens,
                    "delivered_chars": delivered, "prompt_reported": bool(counter.prompt)}
            ledger.cost = ledger.usage.cost(ledger.price(route))
            ledger.upstream_ms = round((time.perf_counter() - st.started) * 1000, 3)
            try:
                await cm.__aexit__(None, None, None)  # closes the upstream connection if it was not read to the end
            except Exception:
                log.debug("closing the upstream stream failed", exc_info=True)
            await ledger.finish(gw)

    def fail(refusal: Refusal, outcome: Outcome, pipe: StreamPipeline | None) -> bytes:
        nonlocal finished
        ledger.refused(refusal, outcome)
        finished = True
        return error_event(call.api, refusal, pipe.sequence if pipe else 0)

    chunks = st.chunks.__aiter__()
    pipe: StreamPipeline | None = None
    head: list[Out] = []
    ended = False
    stop: bytes | None = None

    async def read_head() -> None:
        nonlocal ended
        assert pipe is not None
        while pipe.events == 0:
            try:
                chunk = await chunks.__anext__()
            except StopAsyncIteration:
                head.append(await _end(pipe))
                ended = True
                break
            head.append(await _feed(pipe, chunk))

    try:
        transforms = gw.stream_transforms(call, ledger.rules, records.append)
        pipe = StreamPipeline(call.api, transforms, strip_usage, seen, st.headers.get("content-type", ""))
        # Read up to the first event before answering: a malformed or empty answer is still a 502. The client
        # may leave meanwhile (an upstream that sent its headers and stalls): then stop waiting, abort the
        # upstream, charge the prompt estimate and record the call as cancelled.
        if await left_during(gone, read_head):
            ledger.status = CLIENT_CLOSED
            await close(True)
            return Response(status_code=CLIENT_CLOSED)
    except (Malformed, UpstreamFault) as bad:
        refusal = _malformed(call, bad) if isinstance(bad, Malformed) else fault_refusal(call, bad)
        ledger.refused(refusal, Outcome.UPSTREAM_ERROR)
        finished = True
        await close(False, charge=False)  # nothing reached the client: like a whole call's 502, not charged
        return refusal_response(call, refusal)
    except StreamBlocked as blocked:
        stop = fail(blocked.refusal, Outcome.REFUSED, pipe)
    except BaseException:
        await close(True)
        raise

    async def body() -> AsyncIterator[bytes]:
        nonlocal delivered, finished
        try:
            for out in head:
                delivered += out.chars
                if out.data:
                    yield out.data
            if stop is not None:
                yield stop
                return
            assert pipe is not None
            try:
                if not ended:
                    async for chunk in chunks:
                        out = await _feed(pipe, chunk)
                        for r in records:
                            gw.recorder.decision(r)
                        records.clear()
                        delivered += out.chars
                        if out.data:
                            yield out.data
                    out = await _end(pipe)
                    delivered += out.chars
                    if out.data:
                        yield out.data
                finished = True
            except StreamBlocked as blocked:
                yield fail(blocked.refusal, Outcome.REFUSED, pipe)
            except Malformed as bad:
                yield fail(_malformed(call, bad), Outcome.UPSTREAM_ERROR, pipe)
            except UpstreamFault as fault:
                yield fail(fault_refusal(call, fault), Outcome.UPSTREAM_ERROR, pipe)
        finally:
            await close(True)

    return ClosingStream(body(), media_type="text/event-stream", on_exit=lambda: close(True), headers={
        **gateway_headers(call), "cache-control": "no-cache", "x-accel-buffering": "no"})
