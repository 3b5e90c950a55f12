"""What an approval store offers; SQLite (embedded) and PostgreSQL (multi-replica) implement it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gateway.approvals.record import Approval


@dataclass(frozen=True, slots=True)
class Filters:
    status: str | None = None       # stored status; expiry is applied by the caller
    tier: str | None = None
    agent_id: str | None = None
    tool: str | None = None
    run_id: str | None = None
    limit: int = 200


class ApprovalStore(Protocol):
    async def start(self) -> None: ...

    async def create(self, approval: Approval) -> None: ...

    async def get(self, approval_id: str) -> Approval | None: ...

    async def swap(self, approval: Approval) -> bool:
        """Store `approval` if the stored version is still `approval.version`; the stored copy gets version+1.

        The one write path after creation: concurrent decisions and single use are settled by it."""
        ...

    async def find(self, filters: Filters) -> list[Approval]:
        """Newest first."""
        ...

    def ping(self) -> bool: ...

    async def close(self) -> None: ...


def where(filters: Filters, placeholder: str) -> tuple[str, list[object]]:
    """The WHERE clause (with `placeholder` for parameters) selecting rows by these filters."""
    parts, params = [], []
    for column in ("status", "tier", "agent_id", "tool", "run_id"):
        value = getattr(filters, column)
        if value is not None:
            parts.append(f"{column} = {placeholder}")
            params.append(value)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params
