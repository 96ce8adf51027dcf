"""Tone toward a named target: which of a sentence's rated words are about it, and how.

The sentence score says how a sentence reads; a researcher asking "how is
Russia portrayed?" needs the tone toward Russia, which can differ from it and
from the tone toward another actor in the same sentence ("Japan condemned
Russia's decision": negative toward Russia, not toward Japan). The method
here is the project's own, dictionary and rules only, and explainable word by
word: it reads the sentence once as the news-aware score does
(:meth:`helpers.sentiment.vader.VaderEngine.news_reading`: every word's
valence after VADER's rules, in the context of the whole sentence), then
decides which of those words count for the target, in this order:

1. **Quoted.** A target inside a direct quotation gets the tone of the
   quotation: the quoted source's words about it.
2. **Circumstance.** A target that is a time ("Wednesday") or follows "in"
   ("talks in Geneva") is where or when something happened, not a
   participant: only its own words count.
3. **Source.** A target that is the source of reported speech or of a stance
   toward a counterpart (the noun phrase before "said", "condemned",
   "denied" ..., after "..., said", or after "according to"), or the
   addressee of speech ("told X"), is judged only by the words about it: its
   noun phrase and the manner of the act. What it says, and its evaluation
   of its counterpart, are tone toward the counterpart.
4. **Clause.** Otherwise the words of the clause that holds the target
   (:func:`helpers.sentiment.clauses.clause_spans`), with the roles of
   ``data/lexicons/sentiment_roles.yml``
   (:mod:`helpers.sentiment.roles`): the valence of a verb of harm does not
   count against its victim, of a penalty not against the one imposing it;
   a reversing act ("fought corruption") counts its object's valence
   reversed for its doer; the winner of a contest is positive.

The counted valences are summed and squashed as VADER squashes a sentence
(``x / sqrt(x^2 + 15)``, with "!"/"?" emphasis when they are in scope), and
labelled with the neutral band (:data:`helpers.sentiment.labels.DEFAULT_THRESHOLD`).

Limits: no parser, so agent and patient are read from word order (a target
more than an apposition away from the verb stands in no relation to it); no
coreference (a later "he" is not the target); irony and implicature are
invisible. Model-based targeted sentiment (e.g. the NewsMTSC authors'
fine-tuned transformer) reads more, and explains less.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any, NamedTuple

from helpers.errors import InputError
from helpers.sentiment.clauses import clause_spans
from helpers.sentiment.labels import DEFAULT_THRESHOLD, label
from helpers.sentiment.roles import (
    RoleLexicon,
    according_to,
    is_passive,
    relation,
    role_lexicon,
    source_span,
)
from helpers.sentiment.vader import Reading, engine, punctuation_emphasis
from helpers.sentiment.words import token_base
from helpers.text import Token

#: Columns the target adds to ``score`` (with ``--target-column`` or ``--target``).
TARGET_COLUMNS: tuple[str, ...] = ("target_sentiment", "target_label", "target_evidence")

#: Weight of a negative word against a positive one in the tone toward a target.
#: Impressions of a person are swayed more by negative than by equally strong
#: positive information (the negativity bias of impression formation: Fiske
#: 1980; Skowronski & Carlston 1989; in political news, Soroka 2014). The
#: size, 1.5, was chosen among 1, 1.5 and 2 on the development split of
#: NewsMTSC (the moderate one; 2 was not better by enough to justify it).
NEGATIVITY_WEIGHT = 1.5

# Determiners skipped when looking for the preposition before a target ("in the hall").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
# Object of a reversing verb: at most this many tokens after it, within its clause.
_OBJECT_TOKENS = 6
# After these, the verb's object is what it is done for, not against ("fought for").
_NOT_REVERSED_AFTER = frozenset({"for", "with", "alongside", "back"})
_STANCE = ("own_words",)
# Before a listed word, these make it a noun ("Japan's claims", "the attack").
_NOUN_BEFORE = frozenset({"'s", "'", "the", "a", "an", "his", "her", "their", "its", "our", "my"})


class TargetTone(NamedTuple):
    """The tone toward one target in one sentence.

    ``score`` (-1..1), ``label``, ``evidence`` (the words that decided it and
    the rules applied, in words), ``role`` (``quoted``, ``circumstance``,
    ``source``, ``clause``, or ``not found``), and the target's character
    span ``start``, ``end`` in the text (-1 when not found).
    """

    score: float
    label: str
    evidence: str
    role: str
    start: int
    end: int


class _Scope(NamedTuple):
    role: str  # quoted, circumstance, source, clause
    tokens: frozenset  # token indices whose words count
    effects: dict  # token index -> (action, reason, valence to restore) for role verbs
    why: str  # the role in words


# -- locating the target ----------------------------------------------------------------


def locate_target(
    text: str, tokens: list[Token], target: str = "", start: Any = None, end: Any = None
) -> tuple[int, int] | None:
    """Return the target's character span in ``text``, or None when it is not there.

    Offsets (``start``, ``end``), when given, decide. Otherwise the first
    occurrence of ``target`` (its tokens, in any case) or, when ``target``
    names an actor of ``data/lexicons/actors.yml``, of any form of that actor
    ("the Kremlin" and "Moscow" for "Russia"), whichever comes first.

    Raises
    ------
    InputError
        Offsets that are not whole numbers with ``0 <= start < end <= len(text)``.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "The Kremlin rejected the plan; Russia will not sign."
    >>> start, end = locate_target(text, tokenize(text), "Russia")
    >>> text[start:end]
    'Kremlin'
    """
    if start is not None or end is not None:
        return _checked_offsets(text, start, end)
    if not target or not tokens:
        return None
    base = token_base(text, tokens)
    norms, actor_id = _target_forms(target)
    found = _first_sequence(tokens, norms)
    if actor_id:
        mention = _first_mention(tokens, actor_id)
        if mention is not None and (found is None or mention[0] < found[0]):
            found = mention
    if found is None:
        return None
    return tokens[found[0]].start - base, tokens[found[1] - 1].end - base


def _checked_offsets(text: str, start: Any, end: Any) -> tuple[int, int]:
    try:
        s, e = int(start), int(end)
        if s != float(start) or e != float(end):
            raise ValueError
    except (TypeError, ValueError):
        raise InputError(
            f"target offsets must be whole numbers, not {start!r} and {end!r}",
            where="--target-start-column/--target-end-column",
            fix="Give character offsets into the text: start (from 0) and end (exclusive)",
        ) from None
    if not 0 <= s < e <= len(text):
        raise InputError(
            f"target offsets {s}..{e} lie outside the text ({len(text)} characters)",
            where="--target-start-column/--target-end-column",
            fix="Give 0 <= start < end <= the length of the text",
        )
    return s, e


@lru_cache(maxsize=256)
def _target_forms(target: str) -> tuple[tuple[str, ...], str]:
    """The target's token norms, and the actor it names (an empty id when none)."""
    from helpers.actors import load_actors
    from helpers.text import tokenize

    tokens = tokenize(target)
    found = load_actors().find(tokens) if tokens else []
    actor_id = ""
    if len(found) == 1 and found[0].tok_start == 0 and found[0].tok_end == len(tokens):
        actor_id = found[0].actor_id
    return tuple(t.norm for t in tokens), actor_id


def _first_sequence(tokens: list[Token], norms: tuple[str, ...]) -> tuple[int, int] | None:
    size = len(norms)
    if not size:
        return None
    first = norms[0]
    for i, token in enumerate(tokens):
        if token.norm == first and tuple(t.norm for t in tokens[i : i + size]) == norms:
            return i, i + size
    return None


def _first_mention(tokens: list[Token], actor_id: str) -> tuple[int, int] | None:
    from helpers.actors import load_actors

    for mention in load_actors().find(tokens):
        if mention.actor_id == actor_id:
            return mention.tok_start, mention.tok_end
    return None


# -- which words count -------------------------------------------------------------------


def _quotes(text: str, tokens: list[Token], base: int) -> list[tuple[int, int]]:
    """Direct quotations as token ranges."""
    if '"' not in text and "“" not in text and "‘" not in text and "'" not in text:
        return []
    from helpers.text import quote_spans

    starts = [t.start - base for t in tokens]
    spans = []
    for s, e in quote_spans(text):
        a = bisect_right(starts, s - 1)
        b = bisect_right(starts, e - 1)
        if b > a:
            spans.append((a, b))
    return spans


def _scope(tokens: list[Token], a: int, b: int, quotes, roles: RoleLexicon) -> _Scope:
    """Decide which tokens' words count for the target ``a:b`` (module docstring, steps 1-4)."""
    for s, e in quotes:
        if s <= a and b <= e:
            return _Scope("quoted", frozenset(range(s, e)), {}, "inside a quotation")
    if _circumstance(tokens, a, b, roles):
        return _Scope("circumstance", frozenset(range(a, b)), {}, "a circumstance (where or when)")
    quoted = {i for s, e in quotes for i in range(s, e)}
    source = _source(tokens, a, b, quoted, roles)
    if source is not None:
        return source
    lo, hi = next(((s, e) for s, e in clause_spans(tokens) if s <= a < e), (0, len(tokens)))
    effects = {}
    kind = roles.kind
    for v in range(lo, hi):
        category = kind.get(tokens[v].norm)
        if category is None or a <= v < b:
            continue
        rel = relation(tokens, a, b, v)
        if rel is None:
            continue
        action = (roles.agent if rel == "agent" else roles.patient)[category]
        if action in _STANCE and v and tokens[v - 1].norm in _NOUN_BEFORE:
            continue  # "Japan's claims": a noun; Japan says nothing in this sentence
        if action in _STANCE:
            own = frozenset(range(min(a, v), max(b, v + 1)))
            return _Scope(
                "source",
                own,
                {v: ("drop", f"the target is its {rel}", None)},
                f"the {rel} of {tokens[v].text!r}",
            )
        if action != "keep":
            effects[v] = (action, f"{category}, the target is its {rel}", None)
        elif rel == "patient":  # e.g. a reported denial is tone toward what is denied
            fallback = roles.valence.get(category)
            effects[v] = ("restore", f"{category}, the target is its patient", fallback)
    return _Scope("clause", frozenset(range(lo, hi)), effects, "its clause")


def _circumstance(tokens: list[Token], a: int, b: int, roles: RoleLexicon) -> bool:
    if all(t.norm in roles.time_names for t in tokens[a:b]):
        return True
    j = a - 1
    while j >= 0 and tokens[j].norm in _DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].norm in roles.circumstance


def _source(tokens: list[Token], a: int, b: int, quoted: set, roles: RoleLexicon) -> _Scope | None:
    """The target as the source (or addressee) of a stance verb, or None."""
    kind = roles.kind
    for v, token in enumerate(tokens):
        category = kind.get(token.norm)
        if category is None or v in quoted or roles.agent[category] not in _STANCE:
            continue
        if is_passive(tokens, v) or (v + 1 < len(tokens) and tokens[v + 1].norm == "of"):
            continue  # "was criticized", "accused of": the subject is the patient
        if v and tokens[v - 1].norm in _NOUN_BEFORE:
            continue  # "Japan's claims", "the claims": a noun, not a verb
        invert = category == "speech"  # '"...," said Lavrov'; not "..., denounced Trump"
        for s, e in source_span(tokens, v, quoted, kind, invert):
            if s <= a and b <= e:
                own = set(range(s, e)) | (set(range(e, v + 1)) if e <= v else {v})
                effects = {}
                if roles.patient[category] == "keep":  # the verb evaluates the counterpart
                    effects[v] = ("drop", "an evaluation of the source's counterpart", None)
                return _Scope("source", frozenset(own), effects, f"the source of {token.text!r}")
        if roles.patient[category] in _STANCE and relation(tokens, a, b, v) == "patient":
            return _Scope("source", frozenset(range(a, b)), {}, f"the addressee of {token.text!r}")
    for s, e in according_to(tokens):
        if s <= a and b <= e:
            return _Scope("source", frozenset(range(s - 2, e)), {}, "the source ('according to')")
    return None


# -- scoring ---------------------------------------------------------------------------


def _counted(reading: Reading, word_tokens: list[int], scope: _Scope, tokens, eng):
    """Each counted word's contribution: ``[(word, value, note), ...]``.

    The word's valence in the sentence reading, changed by the roles, and
    negative values weighted by :data:`NEGATIVITY_WEIGHT`.
    """
    counted = []
    reversing = [v for v, (action, *_) in scope.effects.items() if action == "reverse"]
    for k, (word, valence) in enumerate(zip(reading.words, reading.valences, strict=True)):
        t = word_tokens[k]
        if t not in scope.tokens:
            continue
        action, reason, fallback = scope.effects.get(t, (None, "", None))
        note = ""
        if not valence:
            valence = eng.lexicon.get(word.lower(), fallback) if action == "restore" else None
            if not valence:
                continue
            note = f"valence {valence:+.1f} of the act ({reason})"
        elif action in ("drop", "reverse"):
            counted.append((word, 0.0, f"not counted ({reason})"))
            continue
        elif action == "positive":
            valence, note = abs(valence), f"as a win ({reason})"
        else:
            v = next((v for v in reversing if _in_object(tokens, v, t)), None)
            if v is not None:
                valence, note = valence * eng.n_scalar, f"reversed by {tokens[v].text!r}"
        counted.append((word, valence * NEGATIVITY_WEIGHT if valence < 0 else valence, note))
    return counted


def _in_object(tokens: list[Token], v: int, t: int) -> bool:
    """Whether token ``t`` lies in the object of the reversing verb at ``v``."""
    if not v < t <= v + _OBJECT_TOKENS:
        return False
    if v + 1 < len(tokens) and tokens[v + 1].norm in _NOT_REVERSED_AFTER:
        return False
    return all(tokens[i].text not in ",;:." for i in range(v + 1, t))


def target_tone(
    text: str,
    tokens: list[Token],
    span: tuple[int, int] | None,
    reading: Reading | None = None,
    *,
    domain: Any = None,
    roles: RoleLexicon | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> TargetTone:
    """The tone toward the target at character ``span`` of one sentence.

    Parameters
    ----------
    text : str
        One sentence.
    tokens : list of Token
        Its tokens (offsets may be shifted by a constant, as in a document).
    span : (start, end) or None
        The target's character offsets in ``text`` (:func:`locate_target`); None:
        not found, scored as such.
    reading : Reading, optional
        :meth:`~helpers.sentiment.vader.VaderEngine.news_reading` of the
        sentence, when the caller has it; else read here with ``domain``.
    domain : DomainLexicon, optional
        The news-aware adjustments (:func:`helpers.sentiment.domain.domain_lexicon`);
        None reads the words as plain VADER's lexicon rates them.
    roles : RoleLexicon, optional
        Default :func:`helpers.sentiment.roles.role_lexicon`.
    threshold : float
        The neutral band of the label.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> from helpers.sentiment.domain import domain_lexicon
    >>> text = "Russia attacked Ukraine."
    >>> toks = tokenize(text)
    >>> [target_tone(text, toks, locate_target(text, toks, t), domain=domain_lexicon()).label for t in ("Russia", "Ukraine")]
    ['negative', 'neutral']
    """
    if span is None or not tokens:
        return TargetTone(
            0.0, label(0.0, threshold), "target not found in the text", "not found", -1, -1
        )
    eng = engine()
    if reading is None:
        reading = eng.news_reading(text, tokens, domain)
    roles = roles or role_lexicon()
    base = token_base(text, tokens)
    starts = [t.start - base for t in tokens]
    a = max(0, bisect_right(starts, span[0]) - 1)
    b = max(a + 1, bisect_right(starts, span[1] - 1))
    scope = _scope(tokens, a, b, _quotes(text, tokens, base), roles)
    word_tokens = [max(0, bisect_right(starts, s) - 1) for s, _ in reading.spans]
    counted = _counted(reading, word_tokens, scope, tokens, eng)
    marks = "".join(tokens[i].text for i in scope.tokens if tokens[i].text in ("!", "?"))
    compound = eng.scores([v for _, v, _ in counted], punctuation_emphasis(marks)).compound
    return TargetTone(
        compound,
        label(compound, threshold),
        _evidence(text[span[0] : span[1]], scope, counted),
        scope.role,
        span[0],
        span[1],
    )


def _evidence(target: str, scope: _Scope, counted) -> str:
    """The words that decided the tone, and the rules, in one line."""
    parts = [f"{word} {value:+.2f}" + (f" {note}" if note else "") for word, value, note in counted]
    head = f"{target!r} as {scope.why}"
    return f"{head}: {'; '.join(parts)}" if parts else f"{head}: no rated word counts"


# -- the score command's side ----------------------------------------------------------------


class TargetSpec(NamedTuple):
    """Where the target of one row is: its ``text`` (found at its first occurrence) or its
    character offsets ``start`` and ``end`` (which decide when given)."""

    text: str = ""
    start: int | None = None
    end: int | None = None


class TargetColumns(NamedTuple):
    """The ``score`` command's target options: where each row's target comes from.

    ``column`` holds each row's target text, ``text`` is one fixed target
    for every row (``--target``), ``start_column``/``end_column`` hold
    character offsets into the row's text. Empty strings: not given.
    """

    column: str = ""
    text: str = ""
    start_column: str = ""
    end_column: str = ""

    def input_columns(self) -> list[str]:
        """The input columns these options read."""
        return [c for c in (self.column, self.start_column, self.end_column) if c]

    def check(self, analyses, unit: str) -> None:
        """Refuse options that cannot work together (before anything is read).

        Raises
        ------
        InputError
            Both a target column and a fixed target, only one offset column,
            no target at all, a unit other than sentences, or no sentiment
            analysis.
        """
        where = "--target-column/--target"
        if self.column and self.text:
            raise InputError(
                "give either --target-column or --target, not both", where=where,
                fix="Use --target-column for a target per row, --target for one target",
            )  # fmt: skip
        if bool(self.start_column) != bool(self.end_column):
            raise InputError(
                "--target-start-column and --target-end-column go together",
                where="--target-start-column/--target-end-column",
                fix="Name both offset columns, or neither",
            )
        if not (self.column or self.text or self.start_column):
            raise InputError("no target given", where=where, fix="Name the target column")
        if unit != "sentence":
            raise InputError(
                "tone toward a target is scored per sentence", where="--unit",
                fix="Use --unit sentence (one sentence per row) with a target",
            )  # fmt: skip
        if "sentiment" not in analyses:
            raise InputError(
                "tone toward a target needs the sentiment analysis", where="--analyses",
                fix="Add sentiment to --analyses",
            )  # fmt: skip

    def specs(self, chunk, texts: list[str], first_row: int = 0) -> list[TargetSpec]:
        """One :class:`TargetSpec` per row of a chunk of the input table.

        Raises
        ------
        InputError
            Offsets that are not whole numbers inside the row's text, naming
            the row (the header is row 1).
        """
        n = len(texts)
        targets = [self.text] * n if self.text else _cells(chunk, self.column, n)
        if not self.start_column:
            return [TargetSpec(t) for t in targets]
        specs = []
        starts, ends = _cells(chunk, self.start_column, n), _cells(chunk, self.end_column, n)
        for k, (text, target, start, end) in enumerate(
            zip(texts, targets, starts, ends, strict=True)
        ):
            if start == "" and end == "":
                specs.append(TargetSpec(target))
                continue
            try:
                span = _checked_offsets(text, start, end)
            except InputError as exc:
                raise InputError(exc.what, where=f"row {first_row + k + 2}", fix=exc.fix) from None
            specs.append(TargetSpec(target, *span))
        return specs


def _cells(chunk, column: str, n: int) -> list:
    """A column's cells, missing values as ""; all "" without a column."""
    if not column:
        return [""] * n
    return ["" if v is None or v != v else v for v in chunk[column].tolist()]


def score_target_row(text: str, tokens: list[Token], hits, target: TargetSpec) -> dict:
    """The sentiment columns of one row and the tone toward its target, read once.

    What :func:`helpers.sentiment.score.score_row` returns (the same values)
    plus :data:`TARGET_COLUMNS`: ``target_sentiment`` (-1..1; "" when the
    target is not in the text), ``target_label`` ("" when not found) and
    ``target_evidence``. :mod:`helpers.score` calls it instead of
    ``score_row`` when the command is given a target.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "Japan condemned Russia's decision."
    >>> row = score_target_row(text, tokenize(text), None, TargetSpec("Japan"))
    >>> row["sentiment"], row["target_sentiment"], row["target_label"]
    (-0.4404, 0.0, 'neutral')
    >>> score_target_row(text, tokenize(text), None, TargetSpec("Russia"))["target_label"]
    'negative'
    """
    from helpers.sentiment.score import hits_domain

    eng = engine()
    domain, found = hits_domain(hits)
    reading = eng.news_reading(text, tokens, domain, found)
    compound, pos, neu, neg = eng.scores(reading.valences, punctuation_emphasis(text))
    row = {"sentiment": compound, "sentiment_raw": eng.raw(text)[0], "pos": pos, "neu": neu,
           "neg": neg}  # fmt: skip
    span = locate_target(text, tokens, target.text, target.start, target.end)
    tone = target_tone(text, tokens, span, reading)
    if tone.role == "not found":
        row.update(target_sentiment="", target_label="", target_evidence=tone.evidence)
    else:
        row.update(target_sentiment=tone.score, target_label=tone.label,
                   target_evidence=tone.evidence)  # fmt: skip
    return row
