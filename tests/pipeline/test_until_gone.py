"""`until_gone`, the one way the gateway stops waiting on an upstream when the client leaves: it watches the client
only once a wait lasts, stops the work with a single cancellation (so the work's cleanup still runs its awaits),
and leaves the task as it found it, whatever ends first."""

from __future__ import annotations

import asyncio

import pytest

from gateway.flow.client_gone import ClientLeft, until_gone


class Client:
    """A client's disconnect, and how many times the gateway asked about it."""

    def __init__(self) -> None:
        self.left = asyncio.Event()
        self.asked = 0

    async def gone(self) -> None:
        self.asked += 1
        await self.left.wait()


@pytest.mark.parametrize(("after", "asked"), [
    (3600.0, 0),  # an answer sooner than the watch delay: the client is never asked about (no task)
    (0.0, 1),     # watched from the start
])
def test_the_client_is_watched_only_once_the_wait_lasts(after: float, asked: int) -> None:
    async def main() -> str:
        client = Client()

        async def answer() -> str:
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            return "answer"

        got = await until_gone(client.gone, answer(), after)
        assert client.asked == asked
        return got

    assert asyncio.run(main()) == "answer"


def test_a_client_that_leaves_stops_the_work_and_its_cleanup_still_runs() -> None:
    cleaned: list[str] = []

    async def main() -> None:
        client = Client()

        async def upstream() -> None:
            try:
                await asyncio.sleep(3600)
            finally:
                await asyncio.sleep(0)  # an await in the cleanup (closing a connection, releasing a probe)
                cleaned.append("closed")

        asyncio.get_running_loop().call_later(0.01, client.left.set)
        with pytest.raises(ClientLeft):
            await until_gone(client.gone, upstream(), 0.0)
        task = asyncio.current_task()
        assert task is not None and task.cancelling() == 0
        await asyncio.sleep(0)  # the task is not left cancelled

    asyncio.run(main())
    assert cleaned == ["closed"]


def test_work_that_finishes_despite_the_stop_keeps_its_result() -> None:
    async def main() -> str:
        client = Client()

        async def stubborn() -> str:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                return "answered anyway"
            return "never"

        client.left.set()
        got = await until_gone(client.gone, stubborn(), 0.0)
        task = asyncio.current_task()
        assert task is not None and task.cancelling() == 0
        await asyncio.sleep(0)
        return got

    assert asyncio.run(main()) == "answered anyway"



def test_a_cancellation_from_elsewhere_is_not_taken_for_the_client_leaving() -> None:
    async def main() -> None:
        client = Client()

        async def waiting() -> None:
            await until_gone(client.gone, asyncio.sleep(3600), 0.0)

        task = asyncio.ensure_future(waiting())
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
