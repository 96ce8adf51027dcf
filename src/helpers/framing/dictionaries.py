"""The frame schemes and their dictionaries: names, parameter checks, loading.

Every analysis of :mod:`helpers.framing` gets its dictionaries from here. The
built-in schemes (:data:`SCHEMES`) are ``data/lexicons/frames_generic.yml`` and
``frames_policy.yml``; a user's own dictionary joins them as the scheme
``custom``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from helpers.cache import cached
from helpers.errors import ParameterError
from helpers.lexicons import Dictionary, load_dictionary
from helpers.lexicons.loaders import lexicon_file
from helpers.paths import PROJECT_ROOT

#: Built-in frame schemes and the dictionary each reads.
SCHEMES = {"generic": "frames_generic", "policy": "frames_policy"}

#: Semetko & Valkenburg's five frames, in the order of the ``score`` columns.
GENERIC_FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility")

#: The Policy Frames Codebook's 15 dimensions, in codebook order (numbered as there).
POLICY_FRAMES = (
    "economic",  # 1
    "capacity_resources",  # 2
    "morality",  # 3
    "fairness_equality",  # 4
    "legality",  # 5
    "policy_prescription",  # 6
    "crime_punishment",  # 7
    "security_defence",  # 8
    "health_safety",  # 9
    "quality_of_life",  # 10
    "cultural_identity",  # 11
    "public_opinion",  # 12
    "political",  # 13
    "external_regulation",  # 14
    "other",  # 15
)


def scheme_prefix(scheme: str) -> str:
    return "" if scheme == "generic" else f"{scheme}_"


def check_parameters(schemes=("generic", "policy"), min_hits: int = 1) -> list[str]:
    """Check the notebook's ``SCHEMES`` and ``MIN_HITS`` and return the schemes as a list.

    Raises
    ------
    ParameterError
        For an unknown scheme, a scheme list that is not a list of strings, or
        ``MIN_HITS`` below 1.

    Examples
    --------
    >>> check_parameters(["generic"], 1)
    ['generic']
    """
    if isinstance(schemes, str) or not all(isinstance(s, str) for s in schemes):
        raise ParameterError(
            f"SCHEMES must be a list of names, not {schemes!r}",
            where="SCHEMES",
            fix=f"Write e.g. {list(SCHEMES)}",
        )
    unknown = ", ".join(repr(s) for s in schemes if s not in SCHEMES)
    if unknown:
        raise ParameterError(
            f"unknown frame scheme(s) {unknown}",
            where="SCHEMES",
            fix=f"Choose from {', '.join(SCHEMES)}; use CUSTOM_DICTIONARY for your own lists",
        )
    if isinstance(min_hits, bool) or not isinstance(min_hits, int) or min_hits < 1:
        raise ParameterError(
            f"MIN_HITS must be a whole number of at least 1, not {min_hits!r}",
            where="MIN_HITS",
            fix="Use 1 to let a single hit answer a question",
        )
    return list(schemes)


def load_custom_dictionary(spec) -> Dictionary | None:
    """Load a user's dictionary (native YAML, quanteda YAML or LIWC ``.dic``).

    Parameters
    ----------
    spec : str, Path, Dictionary or None
        Empty or None: no custom dictionary. A relative path is looked for in the
        working directory, then under the project root; a bare name in
        ``data/lexicons``.

    Raises
    ------
    DictionaryError
        When the file is missing or malformed (from :func:`helpers.lexicons.load_dictionary`).
    """
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return None
    if isinstance(spec, Dictionary):
        return spec
    path = Path(str(spec).strip())
    if not path.is_absolute() and not path.exists() and (PROJECT_ROOT / path).exists():
        path = PROJECT_ROOT / path
    return load_dictionary(path if path.suffix else str(path))


def scheme_dictionaries(schemes, custom) -> list[tuple[str, Dictionary]]:
    out = [(scheme, load_dictionary(SCHEMES[scheme])) for scheme in check_parameters(schemes)]
    user = load_custom_dictionary(custom)
    if user is not None:
        out.append(("custom", user))
    return out


# The built-in schemes are matched in ONE engine pass over a dictionary that holds
# them all, categories renamed "scheme:category" (suppressors keep their "_" name, so
# "World War II" covers "war" for every scheme). Leftmost-longest matching then runs
# across schemes: a phrase of one scheme would hide the words inside it from the
# other. The lexicons avoid this by listing a phrase in every scheme it serves
# ("trade war" is generic economic q3 and policy economic and security);
# tests/test_framing.py checks every phrase, so one pass gives the same counts as
# separate passes at about half the cost.


def builtin_dictionary(schemes: tuple[str, ...]) -> Dictionary:
    """Return one compiled dictionary holding the built-in ``schemes``, cached per file version.

    The one cache of framing's dictionaries: the combined dictionary is kept
    in memory under each scheme file's path, modification time and size, and
    on disk under their contents (:func:`helpers.cache.cached`). The tables
    (:func:`~helpers.framing.frame_hits`) and the ``score`` path
    (:func:`~helpers.framing.score_dictionaries`) both ask here, so an edited
    ``frames_generic.yml`` or ``frames_policy.yml`` is used by both from the next call
    on, in a running kernel too, without a restart. The scheme files are
    compiled one by one only when the combination is not in the disk cache
    (``score`` starts without reading them twice).

    Examples
    --------
    >>> builtin_dictionary(("generic",)) is builtin_dictionary(("generic",))
    True
    """
    versions = tuple(
        lexicon_file(SCHEMES[s], fix="Restore the file from the repository")[1] for s in schemes
    )
    return _combine(tuple(schemes), versions)


# Keyed by each scheme file's (path, modification time, size), as load_dictionary keys
# its own cache; a few versions are kept. A new process reads the combination back from
# the disk cache (keyed by the files' contents).
@functools.lru_cache(maxsize=8)
def _combine(schemes: tuple[str, ...], versions: tuple[tuple[str, int, int], ...]) -> Dictionary:
    files = [path for path, _, _ in versions]

    def build() -> Dictionary:
        return _combined(schemes, tuple(load_dictionary(SCHEMES[s]) for s in schemes))

    return cached("framing", files, build, extra=schemes)


def _combined(schemes: tuple[str, ...], parts: tuple[Dictionary, ...]) -> Dictionary:
    combined = Dictionary("+".join(d.name for d in parts), meta={"combines": list(schemes)})
    for scheme, part in zip(schemes, parts, strict=True):
        for category in part.categories:
            name = category if category.startswith("_") else f"{scheme}:{category}"
            combined.add_category(name, part.category_attrs.get(category))
        for entry in part.entries:
            name = (
                entry.category if entry.category.startswith("_") else f"{scheme}:{entry.category}"
            )
            # Built-in frame lexicons are case-insensitive throughout (a test checks it):
            # Entry does not record case sensitivity.
            combined.add(name, entry.pattern, weight=entry.weight, attrs=entry.attrs)
    return combined


def engine_passes(schemes, custom) -> list[tuple[str | None, Dictionary]]:
    """Return the engine passes to run: built-ins together (scheme None), then the user's."""
    schemes = tuple(check_parameters(schemes))
    out: list[tuple[str | None, Dictionary]] = []
    if schemes:
        out.append((None, builtin_dictionary(schemes)))
    user = load_custom_dictionary(custom)
    if user is not None:
        out.append(("custom", user))
    return out


def split_category(category: str) -> tuple[str, str]:
    frame, _, rest = category.partition("/")
    return frame, rest
