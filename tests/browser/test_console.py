"""The approval console in a real browser: headless Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.approvals.harness import TOKENS, Agent, Approver, start, write_all
from tests.support.gateway import RunningGateway
from tests.support.upstream import FakeUpstream

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no system Chromium at /usr/bin/chromium (`make test` installs Debian's package)")


@pytest.fixture
def gw(tmp_path: Path) -> Iterator[tuple[RunningGateway, FakeUpstream]]:
    up = FakeUpstream().start()
    up.behaviour.handler = lambda path, body: {"done": body}
    rules_dir, tools_dir = write_all(tmp_path, up.url)
    running = start(rules_dir, tools_dir, tmp_path / "state")
    yield running, up
    running.stop()
    up.stop()


def test_console_login_see_pending_approve_and_the_waiting_call_completes(
    gw: tuple[RunningGateway, FakeUpstream],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    running, up = gw
    agent = Agent(running.url)
    with concurrent.futures.ThreadPoolExecutor(1) as pool, sync_playwright() as p:
        waiting = pool.submit(agent.invoke, "db.drop", {"table": "sessions"})  # critical: the call waits
        Approver(running.admin_url, TOKENS["alice"]).wait_for_pending()
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone screen
            page.goto(f"{running.admin_url}/console")
            page.fill("#token", TOKENS["alice"])
            page.click("text=Sign in")
            item = page.locator("#items li").first
            expect(item).to_contain_text("db.drop")
            expect(item).to_contain_text("critical")
            assert "alice" not in page.url and TOKENS["alice"] not in page.url  # never in URLs
            assert page.evaluate("sessionStorage.getItem('wardgate.approver-token')") == TOKENS["alice"]
            item.click()
            expect(page.locator("#d-impact")).to_contain_text("The table and its data are gone.")
            expect(page.locator("#d-args")).to_contain_text('"table": "sessions"')
            assert not waiting.done()
            page.fill("#reason", "planned maintenance window")
            page.click("#approve")
            expect(page.locator("#result")).to_contain_text("approved")
            r = waiting.result(timeout=15)
            assert r.status_code == 200 and r.json()["result"] == {"done": {"table": "sessions"}}
            page.click("#back")
            expect(page.locator("#empty")).to_be_visible()  # nothing pending any more
            page.reload()  # the token survives a reload within the session
            expect(page.locator("#queue")).to_be_visible()
        finally:
            browser.close()
    assert [r.body for r in up.received if r.path == "/tool"] == [{"table": "sessions"}]
