"""Render every analysis notebook for every article: parallel, resumable, indexed.

``python -m helpers batch`` (or :func:`run_batch`) executes each notebook in
``notebooks/`` with papermill against each article in ``data/articles/``,
converts the executed notebook to HTML with nbconvert (code hidden unless
``--show-code``), keeps the CSV tables the notebook wrote beside it, and
writes ``reports/index.html`` and ``reports/failures.csv``.

Which notebooks run, and how often
----------------------------------
Every ``NN_name.ipynb`` in the notebooks folder is picked up; its notebook
metadata ``{"ddn": {"kind": ...}}`` says how it is run, so a new notebook
needs no code change here:

``article`` (the default)
    Once per article, with ``ARTICLE`` (the id, or the file's path when the
    articles folder is not the project's) and ``OUTPUT_DIR`` injected.
``corpus``
    Once per run, after every per-article notebook, with ``REPORTS`` (the
    folder of this run's reports) and ``OUTPUT_DIR`` injected; outputs go to
    ``<reports>/_corpus/``.
``standalone``
    Once per run, with ``OUTPUT_DIR`` (and ``REPORTS`` when declared);
    outputs go to ``<reports>/_standalone/``.

Run files (``runs/*.yml``) name a set of notebooks, articles and parameters;
their outputs go to ``reports/<run name>/``. See ``runs/example.yml``.

Where a report's files go
-------------------------
``<reports>/<article id>/<notebook>.ipynb`` and ``.html``, the files the
notebook wrote (among them ``<notebook>.provenance.json``), and
``<notebook>.batch.json``, the batch's own record (status, inputs, key, the
sha256 of every file it wrote, timings) written last. The executed notebook
and its page name no folder of the machine (:mod:`helpers.batch.export`), and
the page loads nothing from the network. ``reports/`` is the batch's: a
notebook run by hand without ``OUTPUT_DIR`` writes to ``scratch/``. A
notebook runs with ``OUTPUT_DIR`` pointing at a hidden staging folder in the
same place (also its kernel's working directory); its files are renamed into
place only when the notebook and its HTML are complete, so an interrupted
batch never leaves a half-written report, and a report without its
``.batch.json`` is simply rendered again.

A failed render replaces nothing: its staging folder becomes
``<reports>/_failed/<article id>/<notebook>/``, with its record beside it
(failing cell, error), and the previous good report stays as it was. The
index and ``failures.csv`` show the failure, and the next batch tries again.

Up to date
----------
A report is skipped when its record says it succeeded with the same inputs
(:mod:`helpers.batch.inputs`: the notebook, its parameters and the files they
name, Python, packages, VADER lexicon, helper code, and what the notebook
declares it reads in ``metadata.ddn.reads``: its article, every article, the
cleaning rules, the lexicons, the validation data, the reports' tables), its
files are all there as the batch wrote them, and no failure of it is recorded
since; a corpus notebook is also rendered when a report it reads is.
:mod:`helpers.batch.freshness` decides this before anything runs, for the
real run and for ``--dry-run`` alike, and says why. ``--force`` renders anyway.

Kernels, workers and limits
---------------------------
Each notebook runs in its own kernel started with *this* interpreter
(``sys.executable``), whatever kernelspecs are installed, so reports are made
with the project's environment. ``--jobs N`` (1 to 4 x the cores) renders N
notebooks at a time in N worker processes, forked from a fork server that has
imported papermill and nbconvert once; with ``--jobs 1`` this process
renders. No process changes its working directory during a batch: workers
start in the reports folder, kernels in their staging folders. A render may
take ``--timeout`` seconds (:data:`DEFAULT_TIMEOUT`) for all its cells. One
batch at a time writes a reports folder (a lock, see
:mod:`helpers.batch.lock`); SIGTERM stops a batch cleanly, and workers end
with the batch's process however it ends (:mod:`helpers.batch.signals`).
With ``--scheduler ADDRESS`` the same jobs go to a Dask cluster instead; its
workers must see the same files (a shared file system) and have the project
installed in the same environment.

Where the code is
-----------------
``plan.py`` (notebooks, articles, the plan), ``runfiles.py`` (run files),
``parameters.py`` (declared parameters and their types), ``inputs.py`` (what a
report depends on), ``freshness.py`` (what is rendered, and why),
``layout.py`` (where things go in a reports folder), ``execute.py`` (one
render and its commit), ``export.py`` with ``templates/report.html.j2`` (the
portable notebook and its self-contained page),
``records.py`` (``.batch.json``), ``pool.py`` (the local worker processes),
``signals.py`` (SIGTERM, workers that end with the batch), ``lock.py`` (one
batch per reports folder, sweeping what killed ones left), ``cluster.py``
(Dask), ``runner.py`` (:func:`run_batch`), ``index.py`` with
``templates/index.html.j2`` (the index), ``cli.py`` (the command).
"""

from helpers.batch.cli import add_batch_arguments, main, run_batch_command
from helpers.batch.cluster import DASK_CONNECT_TIMEOUT
from helpers.batch.execute import execute_job, kernel_manager_class
from helpers.batch.index import collect_records, write_index
from helpers.batch.layout import COLLECTION_FOLDERS, FAILED_FOLDER, RECORD_SUFFIX, STAGING_PREFIX
from helpers.batch.lock import ReportsBusyError
from helpers.batch.parameters import (
    ARTICLE_PARAMETER,
    OUTPUT_PARAMETER,
    REPORTS_PARAMETER,
    RESERVED,
    notebook_parameters,
    value_matches_type,
)
from helpers.batch.plan import (
    ARTICLE_SUFFIXES,
    DEFAULT_TIMEOUT,
    KINDS,
    Job,
    NotebookInfo,
    discover_articles,
    discover_notebooks,
    plan_batch,
)
from helpers.batch.runfiles import Run, load_run_file
from helpers.batch.runner import RESULT_COLUMNS, run_batch
from helpers.batch.signals import Terminated

#: The former private name, still used by callers that start a kernel the batch's way.
_kernel_manager_class = kernel_manager_class

__all__ = [
    "ARTICLE_PARAMETER",
    "ARTICLE_SUFFIXES",
    "COLLECTION_FOLDERS",
    "DASK_CONNECT_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "FAILED_FOLDER",
    "KINDS",
    "OUTPUT_PARAMETER",
    "RECORD_SUFFIX",
    "REPORTS_PARAMETER",
    "RESERVED",
    "RESULT_COLUMNS",
    "STAGING_PREFIX",
    "ReportsBusyError",
    "Terminated",
    "Job",
    "NotebookInfo",
    "Run",
    "add_batch_arguments",
    "collect_records",
    "discover_articles",
    "discover_notebooks",
    "execute_job",
    "kernel_manager_class",
    "load_run_file",
    "main",
    "notebook_parameters",
    "plan_batch",
    "run_batch",
    "run_batch_command",
    "value_matches_type",
    "write_index",
]
