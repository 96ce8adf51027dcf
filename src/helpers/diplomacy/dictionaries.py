"""The compiled dictionaries and actors the diplomacy rules read, and how to reload them.

Six dictionaries of ``data/lexicons`` (``stance``, ``reporting_verbs``,
``diplomacy``, ``events``, ``uncertainty``, ``sourcing``) and the project's actors list
(``actors.yml``) are compiled once and kept. :func:`reload_dictionaries`
is the one way to pick up an edited file: the article tables call it before
each run and ``score_dictionaries`` before each chunk of ``score`` rows, so
both see an edit in a running kernel at their next call. ``score_row`` on its
own reads the kept copies (it runs once a row: no file is looked at there).
"""

from __future__ import annotations

from functools import cache, lru_cache

from helpers.actors.names import reload_names

#: The dictionaries one sentence is matched with, in this order, then the actors'.
MATCHED: tuple[str, ...] = (
    "stance",
    "reporting_verbs",
    "diplomacy",
    "events",
    "uncertainty",
    "sourcing",
)


@cache
def dictionary(name: str):
    """Return the compiled dictionary ``data/lexicons/<name>.yml``."""
    from helpers.lexicons import load_dictionary

    return load_dictionary(name)


@cache
def default_actors():
    """Return the project's compiled actors list (``data/lexicons/actors.yml``)."""
    from helpers.actors import load_actors

    return load_actors()


def actors_or_default(actors=None):
    """``actors`` as given, else the project's list."""
    return default_actors() if actors is None else actors


def matched_dictionaries(actors=None) -> tuple:
    """The dictionaries of :data:`MATCHED`, then the actors' dictionary and their agent
    dictionary (matched in the same pass: every sentence with an actor reads its agents)."""
    actors = actors_or_default(actors)
    return tuple(dictionary(name) for name in MATCHED) + (actors.dictionary, actors.agents)


@lru_cache(maxsize=8)
def _dictionary_set(dictionaries: tuple):
    from helpers.lexicons import DictionarySet

    return DictionarySet(dictionaries)


def matcher(actors):
    """One :class:`~helpers.lexicons.DictionarySet` over :func:`matched_dictionaries`.

    It is kept (it remembers what each token starts) until a dictionary or
    the actors list changes.
    """
    return _dictionary_set(matched_dictionaries(actors))


def reload_dictionaries() -> None:
    """Read again the dictionaries and the actors list that changed on disk.

    Files whose size and modification time are unchanged are not compiled
    again (:func:`helpers.lexicons.load_dictionary` keeps one compiled copy
    per file version), so this is cheap. The article tables call it before
    every run and ``score_dictionaries`` before every chunk of ``score``
    rows; call it yourself before calling ``score_row`` directly after an edit.

    Examples
    --------
    >>> reload_dictionaries()
    >>> dictionary("stance") is dictionary("stance")
    True
    """
    dictionary.cache_clear()
    default_actors.cache_clear()
    reload_names()  # names.yml, the exceptions to names-are-not-words
