"""The PETRARCH2/TABARI CAMEO verb dictionary, converted into this engine's patterns.

The verb dictionary of PETRARCH2 (Open Event Data Alliance, MIT licence; a
copy with its notice is ``data/lexicons/petrarch2/CAMEO.2.0.txt``) is read
at compile time, in the format its documentation describes
(``docs/source/dictionaries.rst`` of openeventdata/petrarch2):

* synonym sets: a line ``&NAME`` followed by ``+MEMBER`` lines;
* verb blocks: ``---  NAME  [code]  ---``, then the verbs of the block, one a
  line (``SPEED {SPEEDING SPEEDS SPED}``: the braces give irregular forms;
  ``[code]`` after a verb overrides the block's code; a leading ``+`` marks a
  multi-word verb written with ``_``, whose first word inflects), then patterns;
* patterns: ``- words [code]  # comment``, where ``*`` is the verb, ``$`` the
  source, ``+`` the target, ``%`` a compound actor, ``(...)`` a prepositional
  phrase, ``{...}`` a multi-word noun, ``^`` a skipped noun phrase and
  ``&NAME`` any member of a synonym set. ``[---]`` means "no event".

Each verb gives its forms (the irregular ones as written, the regular
inflections generated: ``-s``, ``-ed``, ``-ing``) and each pattern becomes
one phrase per verb form, with its words in the order written: this engine
matches contiguous words and has no parse tree. So a prepositional phrase is
read as the words next to each other (``agreed to peace``), which is an
approximation (counted as ``approximate``), and patterns that need the parse
tree cannot be honoured and are listed by :func:`convert_verbs` with the
reason (a target before the verb or a source after it, a compound actor,
a skipped noun phrase, an unknown synonym set, too many alternatives).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from helpers.lexicons.patterns import MAX_EXPANSIONS

__all__ = ["Conversion", "ConvertedPattern", "convert_verbs", "verb_forms", "verb_lines"]

NO_EVENT = "---"
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_+'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")


@dataclass(frozen=True)
class ConvertedPattern:
    """One engine pattern: phrase (with ``(a|b)`` groups), CAMEO code, source line, kind."""

    phrase: str
    code: str
    line: int
    kind: str  # "verb", "pattern" or "approximate"


@dataclass
class Conversion:
    """What :func:`convert_verbs` made of a dictionary, with what it could not honour."""

    patterns: list[ConvertedPattern] = field(default_factory=list)
    unsupported: list[tuple[int, str, str]] = field(default_factory=list)  # line, text, reason
    counts: Counter = field(default_factory=Counter)

    def statistics(self) -> dict[str, int]:
        """Counts of verbs, patterns read, converted, approximate and refused (by reason)."""
        out = dict(self.counts)
        for reason, n in Counter(reason for _, _, reason in self.unsupported).items():
            out[f"unsupported: {reason}"] = n
        return out


def verb_forms(base: str, irregular: tuple[str, ...] = ()) -> list[str]:
    """The forms of a verb: the base, the irregular forms given, the regular ones generated.

    Regular forms are generated only when no irregular ones are given (the
    dictionary lists all forms of an irregular verb).

    Examples
    --------
    >>> verb_forms("agree")
    ['agree', 'agrees', 'agreed', 'agreeing']
    >>> verb_forms("deny")
    ['deny', 'denies', 'denied', 'denying']
    >>> verb_forms("speed", ("speeding", "speeds", "sped"))
    ['speed', 'speeding', 'speeds', 'sped']
    """
    if irregular:
        return list(dict.fromkeys((base, *irregular)))
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
        ing = base + "ing" if base.endswith(("ee", "ye", "oe")) else base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return list(dict.fromkeys((base, third, past, ing)))


def _word(token: str) -> str:
    """A dictionary word as text: lower case, ``_`` joins words, a final ``_`` dropped."""
    return token.strip("_").replace("_", " ").lower()


def _code(raw: str) -> str:
    """The event code of ``[a:b]``: the first part, else the second ("" for none)."""
    parts = [p.strip() for p in raw.split(":")]
    return next((p for p in parts if p), "")


def _read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = synsets.setdefault(text.rstrip("_").upper(), [])
        elif text.startswith("+") and current is not None:
            current.append(_word(text[1:]))
        elif text.startswith("---"):
            break
    return synsets


def _verb_entry(text: str) -> tuple[list[str], str] | None:
    """The forms and own code of a verb line ("SPEED {SPEEDING SPEEDS SPED}", "+ANGERED_BY {}")."""
    m = _VERB.match(text)
    if m is None:
        return None
    name, braces, code = m.group(1), m.group(2), m.group(3)
    # "+CALL_OFF": a multi-word verb, its first word the verb that inflects.
    words = [w.lower() for w in name.lstrip("+").split("_") if w]
    irregular = tuple(_word(f.lstrip("+")) for f in braces[1:-1].split()) if braces else ()
    if braces is not None and not irregular:  # "{}": no forms beyond the one written
        forms = [" ".join(words)]
    elif len(words) > 1 and not irregular:  # inflect the verb word of a phrasal verb
        forms = [" ".join([f, *words[1:]]) for f in verb_forms(words[0])]
    else:
        forms = verb_forms(" ".join(words), irregular)
    return forms, _code(code[1:-1]) if code else ""


def _pattern_words(text: str, synsets: dict[str, list[str]]) -> tuple[list[str] | None, str, bool]:
    """The words of a pattern (``*`` kept for the verb; a synset as a group), why not, approximate."""
    approximate = "(" in text
    tokens = re.sub(r"[(){}]", " ", text).split()
    words: list[str] = []
    alternatives = 1
    for token in tokens:
        seen_verb = "*" in words
        if token == "*":
            words.append("*")
        elif token == "$":
            if seen_verb:
                return None, "source after the verb", approximate
        elif token == "+":
            if not seen_verb:
                return None, "target before the verb", approximate
        elif token == "%":
            return None, "compound actor", approximate
        elif token == "^":
            return None, "skipped noun phrase", approximate
        elif token.startswith("&"):
            members = synsets.get(token.rstrip("_").upper())
            if not members:
                return None, "unknown synonym set", approximate
            alternatives *= len(members)
            words.append("(" + "|".join(dict.fromkeys(members)) + ")")
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9_'.-]*", token):
            words.append(_word(token))
        else:
            return None, "unreadable token", approximate
    if "*" not in words:
        return None, "no verb position", approximate
    if alternatives > MAX_EXPANSIONS:
        return None, "too many alternatives", approximate
    return words, "", approximate


def verb_lines(lines: list[str]):
    """Yield ``(line number, line)`` of the verb-pattern section of a PETRARCH2 verb
    dictionary: from its "VERB PATTERNS" heading to "TRANSFORMATIONS", without
    comments and blank lines (the synonym sets before it are read apart).

    Examples
    --------
    >>> list(verb_lines(["&TALKS", "+TALKS", "## VERB PATTERNS ##", "# a note", "", "HALT [192]"]))
    [(6, 'HALT [192]')]
    """
    started = False
    for number, raw in enumerate(lines, start=1):
        if "VERB PATTERNS" in raw:
            started = True
        if not started or raw.startswith("#") or not raw.strip():
            continue
        if "TRANSFORMATIONS" in raw:
            return
        yield number, raw


def convert_verbs(text: str) -> Conversion:
    """Convert a PETRARCH2 verb dictionary into engine patterns, counting what it refuses.

    Examples
    --------
    >>> sample = '''&TALKS
    ... +TALKS
    ... +NEGOTIATIONS
    ... ####### VERB PATTERNS #######
    ... ---  SUSPEND   [---]  ---
    ... SUSPEND
    ... - * &TALKS (WITH +)   [164]  # SUSPEND
    ... - + * $   [164]
    ... '''
    >>> c = convert_verbs(sample)
    >>> [(p.phrase, p.code, p.kind) for p in c.patterns]  # doctest: +NORMALIZE_WHITESPACE
    [('(suspend|suspends|suspended|suspending)', '---', 'verb'),
     ('(suspend|suspends|suspended|suspending) (talks|negotiations) with', '164', 'approximate')]
    >>> c.statistics()["unsupported: target before the verb"]
    1
    """
    lines = text.splitlines()
    synsets = _read_synsets(lines)
    conversion = Conversion()
    block_code, forms = "", []  # the block's code, and the forms of all its verbs
    for number, raw in verb_lines(lines):
        block = _BLOCK.match(raw)
        if block is not None:
            block_code, forms = _code(block.group(2)), []
            conversion.counts["verb blocks"] += 1
            continue
        body = raw.split("#", 1)[0].strip()
        if body.startswith("-"):
            _add_pattern(conversion, body[1:], number, forms, synsets)
            continue
        entry = _verb_entry(body)
        if entry is not None:
            verb_forms_, own = entry
            forms.append(verb_forms_)
            conversion.counts["verbs"] += 1
            group = "(" + "|".join(verb_forms_) + ")" if len(verb_forms_) > 1 else verb_forms_[0]
            code = own or block_code or NO_EVENT
            conversion.patterns.append(ConvertedPattern(group, code, number, "verb"))
    return conversion


def _add_pattern(conversion: Conversion, body: str, number: int, forms: list, synsets) -> None:
    """Convert one pattern line of a block: one engine pattern per verb of the block."""
    conversion.counts["patterns read"] += 1
    found = _CODE.search(body)
    code = _code(found.group(1)) if found else ""
    text = _CODE.sub(" ", body)
    if not code:
        conversion.unsupported.append((number, text.strip(), "no code"))
        return
    words, reason, approximate = _pattern_words(text, synsets)
    if words is None:
        conversion.unsupported.append((number, text.strip(), reason))
        return
    kind = "approximate" if approximate else "pattern"
    conversion.counts[f"patterns converted ({kind})"] += 1
    alternatives = 1
    for word in words:
        alternatives *= word.count("|") + 1 if word.startswith("(") else 1
    for verb in forms:
        # One pattern for all forms of a verb, or one per form when a synonym set is large.
        groups = [verb] if len(verb) * alternatives <= MAX_EXPANSIONS else [[f] for f in verb]
        for group_forms in groups:
            group = "(" + "|".join(group_forms) + ")" if len(group_forms) > 1 else group_forms[0]
            phrase = " ".join(group if w == "*" else w for w in words)
            conversion.patterns.append(ConvertedPattern(phrase, code, number, kind))
