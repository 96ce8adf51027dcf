"""Renders on a Dask cluster (``--scheduler tcp://host:8786``).

The cluster's workers must see the same files (a shared file system) and have
the project installed in the same environment.
"""

from __future__ import annotations

import uuid

from helpers import stopping
from helpers.batch import execute
from helpers.batch.plan import Job
from helpers.batch.records import crashed_record
from helpers.errors import ParameterError

#: How long to try reaching a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "20s"


def run_dask(jobs: list[Job], address: str, on_done) -> None:
    """Render ``jobs`` on the Dask scheduler at ``address``; call ``on_done`` for each.

    Raises
    ------
    ParameterError
        If the scheduler cannot be reached.
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise ParameterError(
            "--scheduler needs dask.distributed", where="--scheduler", fix="pip install distributed"
        ) from exc
    try:
        client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except Exception as exc:
        raise ParameterError(
            f"cannot reach the Dask scheduler: {exc}",
            where=f"--scheduler {address}",
            fix="Check the address (tcp://host:8786) and that the scheduler is running",
        ) from exc
    with client:
        futures = {
            client.submit(execute.execute_job, job, pure=False, key=f"ddn-{uuid.uuid4().hex}"): job
            for job in jobs
        }
        # A stop leaves the client, which releases the futures: renders not begun are cancelled.
        for future in stopping.until_stopped(as_completed(futures)):
            job = futures[future]
            try:
                record = future.result()
            except Exception as exc:
                record = crashed_record(job, exc)
            on_done(job, record)
