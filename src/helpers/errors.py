"""Errors a user can cause, each saying what was wrong, where, and what to do.

Every failure that bad input can provoke is raised as a :class:`HelpersError`
subclass. The command line prints its message without a traceback and exits
with status 2; notebooks show it as the cell's error.
"""

from __future__ import annotations


class HelpersError(Exception):
    """Base class: a problem with the user's input or set-up, not a bug.

    Parameters
    ----------
    what : str
        What was wrong, in one sentence.
    where : str, optional
        The file, line, column, parameter or row concerned.
    fix : str, optional
        What the user can do about it.

    Examples
    --------
    >>> str(HelpersError("empty article", where="data/articles/x.txt", fix="Add text."))
    'empty article (data/articles/x.txt). Add text.'
    """

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None):
        self.what = what
        self.where = where
        self.fix = fix
        message = what
        if where:
            message += f" ({where})"
        if fix:
            message += f". {fix}"
        super().__init__(message)


class ArticleError(HelpersError):
    """An article file cannot be read, decoded or parsed."""


class DictionaryError(HelpersError):
    """A dictionary (lexicon) file is malformed."""


class ResourceError(HelpersError):
    """A language resource is missing or broken."""


class InputError(HelpersError):
    """A table given to ``score`` or ``validate`` cannot be used."""


class ParameterError(HelpersError):
    """A notebook or command parameter has a wrong name, type or value."""
