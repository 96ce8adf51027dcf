"""The command line of Diplomatic Discourse Notebooks: python -m helpers COMMAND.

Commands
--------
setup       prepare language resources and the Jupyter kernel (idempotent)
segment     write an article's sentence table as CSV
score       score a CSV/TSV/JSON Lines file of texts, row by row (streams)
batch       render every notebook for every article into reports/
codesheet   write a coding sheet for human coders
validate    compare the tool's codes with human (gold) labels

Errors a user can cause are printed as one line, without a traceback, and the
command exits with status 2; a batch with failed renders exits with status 1.
Errors of the file system (a missing or unwritable path, a full disk) are
among them, named with their path. ``SIGTERM`` is turned into an exception,
so temporary files are removed as after any error (exit status 143).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import threading
from contextlib import contextmanager
from importlib import import_module

from helpers import stopping
from helpers.errors import HelpersError, file_error
from helpers.stopping import Terminated

# command -> (module, function adding arguments, function running it, help)
COMMANDS = {
    "setup": (
        "helpers.cli",
        "_setup_arguments",
        "_setup",
        "prepare language resources and the kernel",
    ),
    "segment": (
        "helpers.cli",
        "_segment_arguments",
        "_segment",
        "write an article's sentences as CSV",
    ),
    "score": (
        "helpers.score_command",
        "add_score_arguments",
        "run_score_command",
        "score a table of texts",
    ),
    "batch": (
        "helpers.batch",
        "add_batch_arguments",
        "run_batch_command",
        "render every notebook for every article",
    ),
    "codesheet": (
        "helpers.validation",
        "add_codesheet_arguments",
        "run_codesheet_command",
        "write a coding sheet",
    ),
    "validate": (
        "helpers.validation",
        "add_validate_arguments",
        "run_validate_command",
        "compare with gold labels",
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser with every available command.

    Parameters
    ----------
    command : str, optional
        The command about to run: only its module is imported and only its
        arguments are added (the others are listed, with their help line), so
        ``score`` starts without loading what ``batch`` or ``validate`` need.
        Default: every command, complete.

    Examples
    --------
    >>> build_parser("segment").parse_args(["segment", "a1"]).article
    'a1'
    """
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, add_name, run_name, help_text) in COMMANDS.items():
        if command is not None and name != command:
            commands.add_parser(name, help=help_text, description=help_text)
            continue
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command whose module is not part of this checkout
        sub = commands.add_parser(name, help=help_text, description=help_text)
        getattr(module, add_name)(sub)
        sub.set_defaults(_run=getattr(module, run_name))
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command ``argv`` runs, if its first argument names one (else None: all are built)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


@contextmanager
def _sigterm_raises():
    """Turn SIGTERM into :class:`Terminated` in this process while the block runs."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    owner = os.getpid()

    def handler(signum, frame):
        if os.getpid() != owner:  # a forked child that has not reset the handler
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        stopping.request()  # kept, in case Python swallows the exception (see helpers.stopping)
        raise Terminated

    stopping.clear()  # a command starts afresh
    with stopping.sigterm_handled(handler):
        yield


# Errors of writing that name no file; they concern the command's output.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def main(argv: list[str] | None = None) -> int:
    """Run a command; return its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = _command_named(argv)
    if command == "score":
        # Scoring does no linear algebra: NumPy's OpenBLAS (loaded with pandas)
        # would only start idle threads, which cost start-up CPU in every process.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser(command)
    args = parser.parse_args(argv)
    try:
        with _sigterm_raises():
            return int(args._run(args) or 0)
    except HelpersError as exc:
        return _refuse(exc)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("terminated (SIGTERM); temporary files removed", file=sys.stderr)
        return 143
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # the file system refused: name the path
        named = exc.filename2 or exc.filename
        if named is None and exc.errno in _WRITE_ERRNOS:
            named = getattr(args, "output", None)
        return _refuse(file_error(exc, named))
    except UnicodeDecodeError as exc:  # a file read as text that is not UTF-8
        return _refuse(
            HelpersError(
                f"a file is not UTF-8 text ({exc.reason} at byte {exc.start})",
                fix="Convert it to UTF-8, e.g. `iconv -f cp1252 -t utf-8 IN > OUT`",
            )
        )


def _refuse(exc: HelpersError) -> int:
    """Print the one-line message of a user's error; return exit status 2."""
    message = " ".join(str(exc).split())  # one line, even if a path holds a newline
    print(f"error: {message}", file=sys.stderr)
    return 2


def _setup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-kernel", action="store_true", help="do not register the Jupyter kernel"
    )


def _setup(args) -> int:
    from helpers import resources

    result = resources.setup()
    info = result["vader_lexicon"]
    state = "prepared" if result["built"] else "already in place"
    print(
        f"VADER lexicon {state}: {info['package']} {info['version']}, sha256 {info['sha256'][:12]}…"
    )
    print("Sentence splitting: Punkt with data/lexicons/abbreviations.yml (no download needed)")
    _compile_bytecode()
    _compile_dictionaries()
    if not args.no_kernel:
        path = resources.install_kernel()
        print(f"Jupyter kernel '{resources.KERNEL_NAME}' registered at {path}")
    return 0


def _compile_bytecode() -> None:
    """Write the package's bytecode now, as ``pip install`` does for a regular install.

    The project is installed editable (``src/``), so Python would write it on the first
    import, unless ``PYTHONDONTWRITEBYTECODE`` is set, as it is in some containers and
    CI images: then every command compiled the modules it imports again (about a tenth
    of a second of a one-row ``score``). A folder that cannot be written is left as it is.
    """
    import compileall
    from pathlib import Path

    import helpers

    ok = compileall.compile_dir(Path(helpers.__file__).parent, quiet=2, workers=1)
    print("Bytecode of the helpers package: " + ("written" if ok else "not all writable"))


def _compile_dictionaries() -> None:
    """Compile every analysis's dictionaries now, so the first ``score`` reads them back."""
    from helpers import cache
    from helpers.score import warm_up

    warm_up()
    if cache.enabled():
        count = len(list(cache.CACHE_DIR.glob("*.pickle")))
        print(f"Dictionaries compiled and cached: {count} files in {cache.CACHE_DIR}")
    else:
        print("Dictionaries compiled (DDN_CACHE=off: not kept between runs)")


def _segment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", help="article id or path")
    parser.add_argument("-o", "--output", help="CSV file to write (default: standard output)")


def _segment(args) -> int:
    from helpers.corpus import load_article
    from helpers.io import write_table_atomic
    from helpers.text import split_sentences

    article = load_article(args.article)
    table = split_sentences(article.text, doc_id=article.id)
    if args.output:
        write_table_atomic(table, args.output)
    else:
        table.to_csv(sys.stdout, index=False)
    return 0
