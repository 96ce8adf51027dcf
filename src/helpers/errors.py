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


class WorkerError(HelpersError):
    """A worker process could not start, or stopped before it finished its work."""


class FileError(HelpersError, OSError):
    """A file or folder cannot be read or written: missing, a folder, no permission, disk full.

    Also an :class:`OSError` (with its ``errno``), so code that catches
    ``OSError`` keeps working. Made from an ``OSError`` by :func:`file_error`.
    """

    def __str__(self) -> str:
        return self.args[0]  # the one-line message, not OSError's "[Errno N] ..."


# errno name -> (what went wrong, what to do)
_OS_ERRORS = {
    "ENOSPC": ("no space left on the device", "Free some space, or write to another disk"),
    "EDQUOT": ("disk quota exceeded", "Free some space, or write to another disk"),
    "EFBIG": ("the file is too large for the file system", "Write to another disk"),
    "EROFS": ("read-only file system", "Write to a folder you can change"),
    "EACCES": ("permission denied", "Choose a file or folder you may use, or fix its permissions"),
    "EPERM": ("operation not permitted", "Choose a file or folder you may use"),
    "EISDIR": ("the path is a folder, not a file", "Name a file, e.g. out/scores.csv"),
    "ENOTDIR": ("a part of the path is a file, not a folder", "Check the path"),
    "EEXIST": ("the path already exists and is not a folder", "Check the path"),
    "ENOENT": ("no such file or folder", "Check the path"),
    "ENAMETOOLONG": ("the name is too long", "Choose a shorter name"),
    "EMFILE": ("too many open files", "Close other programs, or raise `ulimit -n`"),
}


def file_error(exc: OSError, path=None) -> FileError:
    """Turn an ``OSError`` into a one-line :class:`FileError` naming the path.

    Parameters
    ----------
    exc : OSError
    path : path-like, optional
        The file concerned, when the error does not name it (a failed
        ``write`` names none) or names only a temporary file.

    Examples
    --------
    >>> import errno
    >>> str(file_error(OSError(errno.ENOSPC, "No space left on device"), "out/scores.csv"))
    'no space left on the device (out/scores.csv). Free some space, or write to another disk'
    >>> file_error(IsADirectoryError(errno.EISDIR, "Is a directory", "out")).errno == errno.EISDIR
    True
    """
    import errno as codes

    name = codes.errorcode.get(exc.errno or 0, "")
    what, fix = _OS_ERRORS.get(name, (exc.strerror or str(exc), "Check the path"))
    where = path if path is not None else (exc.filename2 or exc.filename)
    error = FileError(what, where=None if where is None else str(where), fix=fix)
    error.errno, error.strerror, error.filename = exc.errno, exc.strerror, where
    return error
