"""Builds the approval queue from settings: SQLite under the state dir, or PostgreSQL when configured."""

from __future__ import annotations

from collections.abc import Callable

from gateway.approvals.notify import Notifier
from gateway.approvals.service import ApprovalMetrics, ApprovalService, TraceReader
from gateway.approvals.store import ApprovalStore
from gateway.settings import Settings


def build_approvals(
    settings: Settings, trace: TraceReader, clock: Callable[[], float], ids: Callable[[str], str],
    metrics: ApprovalMetrics | None = None,
) -> ApprovalService:
    store: ApprovalStore
    if settings.database_url:
        from gateway.stores.postgres_approvals import PostgresApprovalStore

        store = PostgresApprovalStore(settings.database_url)
    else:
        from gateway.stores.sqlite_approvals import SqliteApprovalStore

        store = SqliteApprovalStore(settings.state_dir / "approvals.sqlite3")
    return ApprovalService(store, Notifier(clock), trace, clock, ids, metrics=metrics)
