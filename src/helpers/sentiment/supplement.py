"""Words VADER's lexicon lacks, rated from AFINN-165, for the tone toward a target.

VADER's lexicon (about 7,500 entries) lists many words in one form only:
"corrupt" but not "corrupted", "harm" but not "harmful", and "false",
"untrue", "corruption", "misconduct" or "victory" not at all. A sentence
whose only evaluation of a target is such a word gives no tone toward it.
AFINN-165 (Nielsen 2011; 3,382 entries rated on -5..+5 by one rater, for
microblogs; the ``afinn`` package the project already pins, see
:mod:`helpers.sentiment.afinn`) rates 705 single words that VADER lacks.
For the tone toward a target only, those words are read as if VADER's
lexicon listed them, at their rating times :data:`AFINN_SCALE`, less the
words that name rather than judge in political news
(``data/lexicons/sentiment_supplement.yml``: offices, procedures, amounts,
policy fields, other senses, states suffered) and less the words the roles
list (``sentiment_roles.yml``) names, which it decides: judgements such as
"inept" keep their placed valence and their conditions ("toxic", not before
"waste"), acts such as "indicted" their roles. VADER's rules then apply to
them as to any rated word (negation, degree words, "but"), the domain list
(``sentiment_domain.yml``) still neutralises the phrases it names, and the
evidence marks each such word "(AFINN)".

The sentence score (``sentiment``) and plain VADER (``sentiment_raw``) do
not read AFINN: the sentence score stays VADER plus the domain list, as the
README measures it. On the development 80% of NewsMTSC the supplement moved
73 of 6,959 target labels (48 now right, 13 right before), macro-F1 0.6359
to 0.6411 (issue 18, round 6). An earlier round tried AFINN as a fallback
for sentences VADER does not rate at all and dropped it (it rated too many
words around neutral targets); this reads only the words VADER lacks. The
exclusions were written by reading the whole list for the sense of each
word in news, but after seeing which words had changed development labels
("leadership", "ally", "big", "rise" among them): they are not blind to
that split.

Licence: AFINN's word list is under the Open Database License (ODbL 1.0);
the project reads it from the installed package at run time and does not
redistribute it or store the list it derives.

Examples
--------
>>> words = supplement_lexicon()
>>> words["corrupted"], words["untrue"]
(-2.4, -1.6)
>>> "resolution" in words, "good" in words  # names a procedure; VADER rates "good"
(False, False)
"""

from __future__ import annotations

from functools import lru_cache

from helpers.errors import DictionaryError
from helpers.sentiment.roles import ROLES_LEXICON, role_lexicon

#: The word list inside the ``afinn`` package (version pinned in ``pyproject.toml``).
AFINN_FILE = "data/AFINN-en-165.txt"
#: The words of AFINN that stay unrated (``data/lexicons/sentiment_supplement.yml``).
EXCLUSIONS = "sentiment_supplement"
#: AFINN's integer ratings (-5..+5) onto VADER's scale (-4..+4): the two scales'
#: ends meet. Not fitted (0.5 and 0.8 gave development macro-F1 within 0.0004).
AFINN_SCALE = 0.8


def supplement_lexicon() -> dict[str, float]:
    """Word -> valence for the words AFINN rates and VADER's lexicon lacks.

    Single words only (AFINN's 30 phrases, mostly slang, are left out), in
    lower case, less the exclusions, whose file is read again when it changes;
    valences rounded to 2 decimals.

    Raises
    ------
    DictionaryError
        If the exclusions file is missing or malformed, or a line of AFINN's
        list is not ``word<TAB>integer``.
    """
    from helpers.lexicons.loaders import lexicon_file

    _, exclusions_key = lexicon_file(EXCLUSIONS, what="supplement exclusions")
    _, roles_key = lexicon_file(ROLES_LEXICON, what="roles list")
    return _supplement(exclusions_key, roles_key)


@lru_cache(maxsize=2)
def _supplement(exclusions_key, roles_key) -> dict[str, float]:
    # Keyed on both files' (path, mtime, size): an edit is read by the next call.
    from importlib.resources import files

    from helpers.lexicons import load_dictionary
    from helpers.sentiment.vader import engine

    excluded = {entry.pattern.casefold() for entry in load_dictionary(EXCLUSIONS).entries}
    # The roles list decides the words it lists (a judgement's valence and the words it
    # must not precede, "toxic waste"; an act's roles): AFINN fills only words no list has.
    roles = role_lexicon()
    excluded |= {*roles.judgement, *roles.word_valence, *roles.kind}
    known = engine().lexicon
    source = files("afinn").joinpath(AFINN_FILE)
    words = {}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        word, _, rating = line.rpartition("\t")
        if not word or not rating.lstrip("-").isdigit():
            raise DictionaryError(
                f"line {number} of AFINN's word list is not 'word<TAB>integer': {line!r}",
                where=f"{source}, line {number}",
                fix="Reinstall the afinn package (make setup)",
            )
        word = word.lower()
        if " " not in word and word not in known and word not in excluded:
            words[word] = round(int(rating) * AFINN_SCALE, 2)
    return words
