"""Waiting out a lost database connection: what a batch command does instead of failing."""
from __future__ import annotations

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from tenacity import Retrying, retry_if_exception_type, stop_after_delay, wait_exponential

# Errors of the connection, not of the work: a server restarting, a connection cut, a deadlock.
DATABASE_LOST = (OperationalError, InterfaceError)


def with_database(function, *args, notify, **kwargs):
    """Call ``function``; if the database connection is lost, wait (0.5 s, 1 s, 2 s … up to
    8 s between tries) and call it again, for up to INGEST_DB_RETRY_SECONDS. ``notify`` is told,
    in one line, each time."""

    def before_sleep(state):
        exc = state.outcome.exception()
        # The broken connection is dropped; the next query opens a new one.
        connection.close()
        first_line = (str(exc).strip().splitlines() or [""])[0]
        notify(
            f"database connection lost ({type(exc).__name__}: {first_line}); "
            f"trying again in {state.upcoming_sleep:.1f} s (attempt {state.attempt_number + 1})"
        )

    if connection.in_atomic_block:
        # Inside a caller's transaction a new connection would not be in it: no retrying.
        return function(*args, **kwargs)
    retrying = Retrying(
        retry=retry_if_exception_type(DATABASE_LOST),
        wait=wait_exponential(multiplier=0.5, max=8),
        stop=stop_after_delay(settings.INGEST_DB_RETRY_SECONDS),
        before_sleep=before_sleep,
        reraise=True,
    )
    return retrying(function, *args, **kwargs)
