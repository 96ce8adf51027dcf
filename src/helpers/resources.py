"""Language resources, built offline from installed packages.

NLTK normally downloads its data (``nltk.download``), which needs internet and
reports failure and success alike with ``False``. This project needs two
resources and builds both from what the package index installs:

* the VADER lexicon (Hutto & Gilbert 2014), taken from the ``vaderSentiment``
  package (the authors' own release, pinned in ``pyproject.toml``) and laid out
  in a project-local NLTK data folder as NLTK's loader expects
  (``sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt``);
* Punkt sentence splitting, whose parameters the project owns as data
  (``data/lexicons/abbreviations.yml``, read by :mod:`helpers.text`), so no
  trained model is fetched and sentences are the same online and offline.

``python -m helpers setup`` runs :func:`setup`: idempotent, quick when done, and
it verifies the result (one sentence split, one VADER score).

Scoring needs VADER's lexicon and NLTK's constants, not NLTK itself:
``import nltk`` loads SciPy and scikit-learn and costs about a second.
:func:`vader_lexicon` and :func:`vader_constants` read both from a compact
copy in the project's cache (:mod:`helpers.cache`), keyed by the sha256 of the
prepared lexicon and of NLTK's ``vader.py``; the copy is made once, with NLTK,
by ``setup`` or by the first call that finds none. The data folder
is kept private (mode 0755, files 0644) because NLTK refuses folders that
other accounts can write to. Cite: Hutto, C.J. & Gilbert, E. (2014). VADER: A
parsimonious rule-based model for sentiment analysis of social media text.
ICWSM-14.
"""

from __future__ import annotations

import hashlib
import math
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.cache import cached
from helpers.errors import ResourceError
from helpers.io import atomic_path
from helpers.paths import NLTK_DATA_DIR

VADER_RESOURCE = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"
_VADER_ZIP = Path("sentiment") / "vader_lexicon.zip"
_FIX = "Run `python -m helpers setup` (or `make setup`) in the project folder"


def _source_lexicon() -> Path:
    try:
        import vaderSentiment
    except ImportError:
        raise ResourceError(
            "the VADER lexicon source package 'vaderSentiment' is not installed",
            where="resource vader_lexicon",
            fix="Run `make setup` (it installs the pinned dependencies)",
        ) from None
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    if not path.is_file():
        raise ResourceError("vaderSentiment ships no vader_lexicon.txt", where=str(path), fix=_FIX)
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def use_project_data(data_dir: Path = NLTK_DATA_DIR) -> None:
    """Put the project's NLTK data folder first on NLTK's search path."""
    import nltk

    entry = str(data_dir)
    if entry in nltk.data.path:
        nltk.data.path.remove(entry)
    nltk.data.path.insert(0, entry)


def setup(data_dir: Path = NLTK_DATA_DIR, *, verify: bool = True) -> dict:
    """Build the project-local NLTK data folder and check it works.

    Parameters
    ----------
    data_dir : Path
        Where to build it (default: ``.nltk_data`` in the project).
    verify : bool, default True
        Split a sentence and score it with VADER afterwards.

    Returns
    -------
    dict
        ``vader_lexicon`` (what :func:`vader_lexicon_info` says) and
        ``built`` (False when everything was already in place).
    """
    source = _source_lexicon()
    target = Path(data_dir) / _VADER_ZIP
    built = False
    wanted = source.read_bytes()
    if not target.is_file() or _zip_member(target) != wanted:
        for folder in (Path(data_dir), target.parent):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o755)
        # Written beside the target and renamed: parallel test workers may race here.
        with atomic_path(target) as partial:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("vader_lexicon/vader_lexicon.txt", wanted)
        built = True
    _vader_lexicon.cache_clear()
    _vader_tables.cache_clear()
    use_project_data(Path(data_dir))
    if verify:
        _verify()
    if Path(data_dir) == NLTK_DATA_DIR:
        _vader_tables()  # the compact copy scoring reads (built now, not in a first run)
    return {"built": built, "vader_lexicon": vader_lexicon_info(data_dir)}


def _zip_member(path: Path) -> bytes | None:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("vader_lexicon/vader_lexicon.txt")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None


def _verify() -> None:
    from helpers.text import split_sentences

    sentences = split_sentences("Officials in D.C. met. Talks failed.")
    if len(sentences) != 2:
        raise ResourceError("sentence splitting check failed", where="resource punkt", fix=_FIX)
    score = vader_analyzer().polarity_scores("The talks were a great success.")
    if not score["compound"] > 0:
        raise ResourceError(
            "VADER check failed: a positive sentence did not score positive", fix=_FIX
        )


def vader_lexicon_info(data_dir: Path = NLTK_DATA_DIR) -> dict:
    """Say which VADER lexicon results use: path, sha256, source package and version.

    Examples
    --------
    >>> sorted(vader_lexicon_info())  # doctest: +SKIP
    ['entries', 'package', 'path', 'sha256', 'version']
    """
    target = Path(data_dir) / _VADER_ZIP
    member = _zip_member(target)
    if member is None:
        raise ResourceError(
            "the VADER lexicon is not prepared",
            where=f"resource vader_lexicon ({target})",
            fix=_FIX,
        )
    return {
        "path": str(target),
        "sha256": hashlib.sha256(member).hexdigest(),
        "entries": sum(1 for line in member.decode("utf-8").splitlines() if line.strip()),
        "package": "vaderSentiment",
        "version": _installed_version("vaderSentiment"),
    }


def _installed_version(package: str) -> str:
    from importlib import metadata  # tens of milliseconds to import: not on the score path

    return metadata.version(package)


@lru_cache(maxsize=1)
def _vader_lexicon() -> object:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    use_project_data()
    try:
        return SentimentIntensityAnalyzer(lexicon_file=VADER_RESOURCE)
    except LookupError:
        raise ResourceError(
            "the VADER lexicon is missing", where=f"resource {VADER_RESOURCE}", fix=_FIX
        ) from None


def vader_analyzer():
    """Return NLTK's ``SentimentIntensityAnalyzer`` on the project's lexicon.

    The analyser is built once per process. When the lexicon has not been
    prepared yet and its source package is installed, it is prepared now
    (the same as ``python -m helpers setup``), so notebooks work on a fresh
    checkout; otherwise a :class:`ResourceError` names the missing resource and
    the command that fixes it.
    """
    if _zip_member(NLTK_DATA_DIR / _VADER_ZIP) is None:
        setup(verify=False)
    return _vader_lexicon()


@dataclass(frozen=True)
class VaderParameters:
    """NLTK's ``VaderConstants``, as plain values that load without importing NLTK.

    The same names and values as NLTK 3.10.4's class (a test compares them),
    and its ``normalize``. Get them with :func:`vader_constants`.
    """

    B_INCR: float
    B_DECR: float
    C_INCR: float
    N_SCALAR: float
    NEGATE: frozenset
    BOOSTER_DICT: dict
    SPECIAL_CASE_IDIOMS: dict
    PUNC_LIST: tuple

    @staticmethod
    def normalize(score: float, alpha: float = 15) -> float:
        """Squash a summed valence into -1..+1, as NLTK's ``VaderConstants.normalize``.

        Examples
        --------
        >>> round(VaderParameters.normalize(1.9), 4)
        0.4404
        """
        return score / math.sqrt((score * score) + alpha)


def _nltk_vader_source() -> list[Path]:
    """NLTK's ``sentiment/vader.py`` (its constants), found without importing NLTK."""
    from importlib.util import find_spec

    spec = find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(spec.submodule_search_locations[0]) / "sentiment" / "vader.py"
    return [path] if path.is_file() else []


def _build_vader_tables() -> tuple[dict, VaderParameters]:
    from nltk.sentiment.vader import VaderConstants

    constants = VaderParameters(
        **{
            name: getattr(VaderConstants, name)
            for name in ("B_INCR", "B_DECR", "C_INCR", "N_SCALAR")
        },
        NEGATE=frozenset(VaderConstants.NEGATE),
        BOOSTER_DICT=dict(VaderConstants.BOOSTER_DICT),
        SPECIAL_CASE_IDIOMS=dict(VaderConstants.SPECIAL_CASE_IDIOMS),
        PUNC_LIST=tuple(VaderConstants.PUNC_LIST),
    )
    return dict(_vader_lexicon().lexicon), constants


@lru_cache(maxsize=1)
def _vader_tables() -> tuple[dict, VaderParameters]:
    target = NLTK_DATA_DIR / _VADER_ZIP
    if not target.is_file():
        setup(verify=False)
    return cached("vader", [target, *_nltk_vader_source()], _build_vader_tables)


def vader_lexicon() -> dict[str, float]:
    """Return the project's VADER lexicon (word -> valence), as NLTK reads it.

    Read from the project's cache without importing NLTK (see the module
    docstring); the same dict as ``vader_analyzer().lexicon``. Built once per
    process: do not modify it.

    Examples
    --------
    >>> vader_lexicon()["good"]
    1.9
    """
    return _vader_tables()[0]


def vader_constants() -> VaderParameters:
    """Return NLTK's VADER constants (negations, degree words, idioms, scalars).

    Examples
    --------
    >>> vader_constants().N_SCALAR, "never" in vader_constants().NEGATE
    (-0.74, True)
    """
    return _vader_tables()[1]


KERNEL_NAME = "ddn"
KERNEL_DISPLAY_NAME = "Python (Diplomatic Discourse)"


def install_kernel() -> Path:
    """Register this environment's Python as the Jupyter kernel ``ddn``.

    The notebooks name this kernel in their metadata, so JupyterLab and
    papermill run them with the project's interpreter whatever the working
    directory or ``PATH``. The kernel spec goes into this environment
    (``sys.prefix``), not the user's home, and records the absolute path of the
    interpreter.
    """
    import sys

    from ipykernel.kernelspec import install

    existing = Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    if existing.is_file() and sys.executable in existing.read_text(encoding="utf-8"):
        return existing.parent

    return Path(
        install(kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)
    )
