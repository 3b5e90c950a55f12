"""CPU per call to turn one call's decision events and its call record into decision-log rows.

    python bench/trace_rows_cost.py      # 5,000 calls of 12 verdicts each; prints CPU microseconds per call
"""

from __future__ import annotations

import time
from types import MappingProxyType

from gateway.errors import Reason
from gateway.model import Action, Mode
from gateway.stores.trace_rows import call_rows, decision_rows
from gateway.trace.events import CallRecord, DecisionEvent, Outcome, Phase

CALLS, VERDICTS = 5000, 12


def main() -> None:
    reason = next(iter(Reason))
    batches = []
    for i in range(CALLS):
        evs = [DecisionEvent(f"dec-{i:032x}", "run-1", "agent", Phase.REQUEST, f"check{j}", Action.CONTINUE,
                             Mode.ENFORCE, "rev-abc", 1.0 + i, reason if j == 0 else None, "",
                             MappingProxyType({"hits": [{"entity": "EMAIL", "count": 1}], "score": 0.12}))
               for j in range(VERDICTS)]
        call = CallRecord(f"call-{i}", "run-1", "agent", "openai.chat", "gpt-4o-mini", 1.0 + i, 2.5, 200,
                          Outcome.OK, "rev-abc", prompt_tokens=120, completion_tokens=30, cost_usd=0.0001,
                          detail={"model": "gpt-4o-mini"})
        batches.append((evs, [call]))
    t0 = time.process_time()
    for evs, calls in batches:
        decision_rows(evs)
        call_rows(calls)
    print(f"cpu per call ({VERDICTS} verdicts + call record): {(time.process_time() - t0) / CALLS * 1e6:.1f} us")


if __name__ == "__main__":
    main()
