"""The news-aware adjustments to VADER's lexicon (``data/lexicons/sentiment_domain.yml``).

Phrases that *name* things of international politics ("peace treaty",
"World War II", "United States", "Security Council") lose the valence of
their words, and diplomatic evaluation words the lexicon lacks
("belligerence", "escalation", "war crimes", "detente") get one, each entry
with its reason in the file. The default ``sentiment`` score applies them;
``sentiment_raw`` (plain VADER) never does.

What stays unchanged
    A sentence with no listed term, no typographic quote, apostrophe or dash,
    no glued words, and no punctuation stuck to a word other than what VADER
    strips itself (one of ``. ! ? , ; : - ' "`` or a run of ``!``/``?``, on
    one side of a word that has no other punctuation) is given exactly the
    words NLTK gives it, so its news-aware score equals the raw score to the
    last digit (tested with random sentences and on the seed). Outside that
    condition the news-aware score is meant to differ: ``"unacceptable,"``
    with straight quotes is as unreadable to NLTK as with typographic ones.

Editing the list in a running kernel
    :func:`domain_lexicon` asks :func:`helpers.lexicons.load_dictionary` for
    the file every time, which recompiles it when the file changed (its
    path, modification time and size are the key); the adjustments are then
    rebuilt for the new dictionary. So an edit is seen by the next table, and
    by the next ``score_texts`` call (:func:`helpers.sentiment.score.score_dictionaries`),
    without restarting the kernel.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from helpers.errors import DictionaryError

#: The news-aware adjustments, a dictionary in ``data/lexicons``.
DOMAIN_LEXICON = "sentiment_domain"

#: Top-level categories of a sentiment-domain dictionary and what they do.
DOMAIN_ACTIONS = {"neutral": "neutralise", "evaluative": "set valence"}

_START = itemgetter(0)
_END = itemgetter(1)
# What may follow an evaluative entry inside the word it rates ("escalation's").
_CLITIC_TAILS = frozenset({"'s", "'", "'re", "'ve", "'ll", "'d", "'m"})


class DomainNote(NamedTuple):
    """What a domain-list hit did to one word: ``neutralised``, ``valence`` or ``part of phrase``."""

    hit: Any
    action: str


class DomainLexicon:
    """The news-aware adjustments: a compiled dictionary plus what each hit does.

    ``neutral/...`` categories: every word a hit touches loses its lexicon
    valence (it reads as a word VADER does not know); with ``first_word:
    true`` on the pattern, only its first word does, and the phrase's other
    words keep the valence they have alone (the phrase only says in which
    use its first word is: "denied (the) allegations"). ``evaluative/...``
    categories: the first word wholly inside the hit gets the entry's
    ``valence`` (the pattern's own, else its category's), the other words of
    a phrase read as neutral, and VADER's rules then apply as to any rated
    word.

    Parameters
    ----------
    dictionary : helpers.lexicons.Dictionary

    Raises
    ------
    DictionaryError
        When a category is neither ``neutral`` nor ``evaluative``, an
        evaluative entry lacks a numeric valence in -4..+4, or a neutral entry
        has one.

    Examples
    --------
    >>> from helpers.lexicons import Dictionary
    >>> d = DomainLexicon(Dictionary.from_patterns({"neutral/names": ["peace treaty"]}))
    >>> d.valence
    {('neutral/names', 'peace treaty'): None}
    """

    def __init__(self, dictionary: Any) -> None:
        self.dictionary = dictionary
        where = str(dictionary.path or dictionary.name)
        self.valence: dict[tuple[str, str], float | None] = {}
        # One-word evaluative entries, for the rest of a first_word phrase.
        self.word_valence: dict[str, float] = {}
        for entry in dictionary.entries:
            top = entry.category.split("/", 1)[0]
            if top.startswith("_"):
                continue
            if top not in DOMAIN_ACTIONS:
                raise DictionaryError(
                    f"category {entry.category!r} is neither 'neutral' nor 'evaluative'",
                    where=where,
                    fix="Put each pattern under neutral/... or evaluative/...",
                )
            value = entry.attrs.get(
                "valence", dictionary.category_attrs[entry.category].get("valence")
            )
            self.valence[(entry.category, entry.pattern)] = _checked_valence(
                top, entry.pattern, value, where
            )
            if top == "evaluative" and " " not in entry.pattern and "*" not in entry.pattern:
                self.word_valence[entry.pattern.casefold()] = float(value)

    def apply(
        self,
        hits,
        words: list[str],
        where: list[tuple[int, int]],
        vals: list,
        base: int,
        notes: dict[int, DomainNote] | None = None,
    ) -> None:
        """Change ``vals`` (word valences) in place for the ``hits`` of one sentence.

        ``words`` and ``where`` are the words and their spans in the sentence
        text (:func:`helpers.sentiment.words.news_words`); ``base`` is what to
        subtract from hit offsets to get there. ``notes`` (optional dict)
        receives ``word index -> DomainNote``. An evaluative entry rates a
        word it covers whole, or up to a clitic ("escalation's"); a longer
        word that merely contains it ("non-escalation") is left alone.

        Examples
        --------
        >>> from helpers.text import tokenize
        >>> domain = domain_lexicon()
        >>> words, vals = ["peace", "talks"], [2.5, None]
        >>> domain.apply(domain.dictionary.match_tokens(tokenize("peace talks")), words,
        ...              [(0, 5), (6, 11)], vals, 0)
        >>> vals
        [None, None]
        """
        valence_of = self.valence
        for hit in hits:
            if hit.category.startswith("_"):
                continue
            start, end = hit.start - base, hit.end - base
            value = valence_of.get((hit.category, hit.pattern))
            # The words overlapping the hit (``where`` is in text order, never overlapping).
            touched = list(
                range(bisect_right(where, start, key=_END), bisect_left(where, end, key=_START))
            )
            if value is None:
                if touched and hit.attrs.get("first_word"):
                    # The phrase only says in which use its first word is; its
                    # other words keep the valence the list gives them alone.
                    for k in touched[1:]:
                        vals[k] = self.word_valence.get(words[k].lower(), vals[k])
                    touched = touched[:1]
                for k in touched:
                    vals[k] = None
                    if notes is not None:
                        notes[k] = DomainNote(hit, "neutralised")
                continue
            inside = [
                k
                for k in touched
                if where[k][0] >= start
                and (where[k][1] <= end or words[k][end - where[k][0] :] in _CLITIC_TAILS)
            ]
            if not inside:
                continue  # the pattern is only part of a longer word ("non-escalation")
            vals[inside[0]] = value
            if notes is not None:
                notes[inside[0]] = DomainNote(hit, "valence")
            for k in inside[1:]:
                vals[k] = None
                if notes is not None:
                    notes[k] = DomainNote(hit, "part of phrase")

    def note_of(self, hit) -> str:
        """Return the reason the list gives for a hit (its pattern's note, else its category's)."""
        return hit.attrs.get("note") or self.dictionary.category_attrs[hit.category].get("note", "")


def _checked_valence(top: str, pattern: str, value: Any, where: str) -> float | None:
    """Return an entry's valence (None for a neutral entry), or refuse it."""
    if top == "neutral":
        if value is not None:
            raise DictionaryError(
                f"neutral pattern {pattern!r} has a valence",
                where=where,
                fix="Move it under evaluative/ or remove the valence",
            )
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -4 <= value <= 4:
        raise DictionaryError(
            f"evaluative pattern {pattern!r} needs a valence between -4 and 4, not {value!r}",
            where=where,
            fix="Add 'valence: <number>' to the pattern or its category (VADER's -4..+4 scale)",
        )
    return float(value)


def domain_lexicon(name_or_path: Any = DOMAIN_LEXICON) -> DomainLexicon:
    """Load the news-aware adjustments (recompiled when the file changes).

    Parameters
    ----------
    name_or_path : str or Path, default "sentiment_domain"
        A dictionary in ``data/lexicons`` or a path to one (native YAML format,
        categories ``neutral/...`` and ``evaluative/...``).

    Examples
    --------
    >>> sorted({c.split("/")[0] for c in domain_lexicon().dictionary.categories})
    ['evaluative', 'neutral']
    >>> domain_lexicon() is domain_lexicon()
    True
    """
    from helpers.lexicons import load_dictionary

    return _adjustments(load_dictionary(name_or_path))


@lru_cache(maxsize=8)
def _adjustments(dictionary: Any) -> DomainLexicon:
    # One DomainLexicon per compiled dictionary: load_dictionary decides when a
    # file is compiled again, so this cache needs no key of its own. A few
    # entries, because a kernel may hold the default list and a researcher's.
    return DomainLexicon(dictionary)
