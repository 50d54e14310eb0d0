"""Waiting for queued Celery work (the ``--sync`` option of commands)."""
from celery.result import AsyncResult, EagerResult

# One task's time limit when a command waits for workers.
WAIT_SECONDS = 600


def wait_for(results) -> None:
    """Wait for these tasks and for the index tasks each reports as its followers."""
    pending = list(results)
    while pending:
        result = pending.pop()
        if isinstance(result, EagerResult):
            continue
        value = result.get(timeout=WAIT_SECONDS, propagate=True)
        if isinstance(value, dict):
            pending.extend(AsyncResult(task_id) for task_id in value.get("followers", []))
