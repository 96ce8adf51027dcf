"""Read PETRARCH2's agent dictionary (``Phoenix.agents.txt``) into the project's dictionary format.

PETRARCH2 (Open Event Data Alliance, MIT licence) codes sub-state actors
("police", "rebels", "the foreign ministry") with CAMEO agent codes. Its
format (``docs/source/dictionaries.rst`` of openeventdata/petrarch2):

* ``PHRASE {PLURALS} [CODE]  # comment``; words joined by ``_`` are
  consecutive, words separated by a blank may have other words between them;
* a regular plural of the last word is made unless the phrase ends in ``_``
  or ``{}`` follows; ``{A B}`` lists irregular plurals instead (the
  converter makes English plurals where PETRARCH's rule would not: -ches,
  -shes, -xes, -men);
* ``!NAME! = A, B, C`` defines a substitution set, used in a phrase as
  ``!NAME!`` (every member replaces it; no plural is made);
* ``[~GOV]`` is an agent code that follows the actor's code (``RUS`` +
  ``GOV``); ``[IGO~]`` one that precedes it;
* ``#`` starts a comment, as does ``;`` and ``<!-- ... -->``.

:func:`convert_agents` returns the entries as the project's native
dictionary (one category per code, lower-case patterns) and a report of what
could not be honoured: a blank between words (the engine matches
consecutive tokens: such a phrase is kept as consecutive words, a narrower
pattern, and counted), lines without a code, and phrases given two codes
(the first is kept). The project ships the converted file as
``data/lexicons/agents.yml`` (:func:`agents_yaml` writes it from the
original, with the MIT notice, the origin and this report); this module is
how it was made. Written for this project from the format's documentation;
no PETRARCH code is used.
"""

from __future__ import annotations

import re
from collections import Counter

_SUBSTITUTION = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_ENTRY = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]+)[\]}]"
)
_COMMENT = re.compile(r"<!--.*?-->|#.*$|;.*$")


def regular_plural(word: str) -> str:
    """The regular English plural of a noun written in capitals: PETRARCH's rule (-s, -ies,
    -sses), and, where English differs, -ches/-shes/-xes and -man/-men.

    >>> [regular_plural(w) for w in ["OFFICER", "AUTHORITY", "ATTORNEY", "CLASS", "CHURCH"]]
    ['OFFICERS', 'AUTHORITIES', 'ATTORNEYS', 'CLASSES', 'CHURCHES']
    >>> regular_plural("SPOKESMAN"), regular_plural("GERMAN")
    ('SPOKESMEN', 'GERMANS')
    """
    if word.endswith("MAN") and not word.endswith(("GERMAN", "OMAN", "HUMAN", "ROMAN")):
        return word[:-3] + "MEN"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "CH", "SH", "X")):
        return word + "ES"
    return word + "S"


def _forms(phrase: str, plural: str | None, sets: dict[str, list[str]]) -> list[str]:
    """Every phrase an entry stands for, singular and plural, as PETRARCH spells them."""
    stopped = phrase.endswith("_")
    phrase = phrase.strip("_ ")
    marker = re.search(r"!([A-Z]+)!", phrase)
    if marker:
        members = sets.get(marker.group(1), [])
        return [phrase.replace(marker.group(0), m) for m in members]
    forms = [phrase]
    if plural is not None:
        forms += [p.strip("_") for p in plural.split() if p.strip("_")]
    elif not stopped:
        head, _, last = phrase.rpartition("_")
        forms.append((head + "_" if head else "") + regular_plural(last))
    return forms


def convert_agents(text: str) -> tuple[dict[str, dict], dict]:
    """Convert the text of a PETRARCH agents file.

    Returns
    -------
    categories : dict
        ``code -> {"position": "after"|"before", "patterns": [...]}``: the
        patterns lower-case, with blanks for ``_`` (a phrase of the
        project's native format).
    report : dict
        Counts: ``entries``, ``patterns``, ``gaps_made_consecutive``,
        ``no_code`` (lines skipped), ``duplicates`` (a phrase listed under a
        second code, kept under its first) and examples of each.

    Examples
    --------
    >>> cats, report = convert_agents("!P! = MAN, MEN\\nPOLICE {} [~COP]\\nARMY [~MIL]\\nCONGRESS!P! [~LEG]\\nOBSERVERS_IN [IGO~]")
    >>> cats["COP"]["patterns"], cats["MIL"]["patterns"], cats["LEG"]["patterns"], cats["IGO"]["position"]
    (['police'], ['army', 'armies'], ['congressman', 'congressmen'], 'before')
    """
    sets: dict[str, list[str]] = {}
    categories: dict[str, dict] = {}
    owner: dict[str, str] = {}
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {"gaps_made_consecutive": [], "no_code": [], "duplicates": []}
    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        found = _SUBSTITUTION.match(line)
        if found:
            sets[found.group(1)] = [m.strip() for m in found.group(2).split(",") if m.strip()]
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            counts["no_code"] += 1
            examples["no_code"].append(line)
            continue
        counts["entries"] += 1
        phrase = entry.group("phrase").strip()
        code = entry.group("code").strip()
        position = "before" if code.endswith("~") else "after"
        code = code.strip("~")
        if " " in phrase.strip("_ "):
            counts["gaps_made_consecutive"] += 1
            examples["gaps_made_consecutive"].append(phrase)
        category = categories.setdefault(code, {"position": position, "patterns": []})
        for form in _forms(phrase, entry.group("plural"), sets):
            pattern = " ".join(form.replace("_", " ").split()).lower()
            if not pattern:
                continue
            if pattern in owner:
                if owner[pattern] != code:
                    counts["duplicates"] += 1
                    examples["duplicates"].append(f"{pattern}: {owner[pattern]}, not {code}")
                continue
            owner[pattern] = code
            category["patterns"].append(pattern)
            counts["patterns"] += 1
    report = {**counts, "examples": {k: v[:5] for k, v in examples.items()}}
    return categories, report


#: CAMEO agent units (three letters; a code is one or more of them): what each
#: stands for (CAMEO codebook, actor codes) and the project's speaker type for
#: a speaker of that kind (issue 15); "" where none fits (political parties).
AGENT_UNITS = {
    "AGR": ("agriculture", "person"),
    "BUD": ("Buddhist", "person"),
    "BUS": ("business", "company"),
    "CHR": ("Christian", "person"),
    "CTH": ("Catholic", "person"),
    "MAR": ("Maronite", "person"),
    "PRO": ("Protestant", "person"),
    "COP": ("police", "government"),
    "CRM": ("criminals", "armed_group"),
    "CVL": ("civilians", "person"),
    "DEV": ("development", "ngo"),
    "EDU": ("education", "person"),
    "ELI": ("elites", "person"),
    "ENV": ("environment", "ngo"),
    "GOV": ("government", "government"),
    "HIN": ("Hindu", "person"),
    "HLH": ("health", "person"),
    "HRI": ("human rights", "ngo"),
    "IGO": ("intergovernmental organisation", "igo"),
    "IMG": ("international militarised group", "armed_group"),
    "JEW": ("Jewish", "person"),
    "JUD": ("judiciary", "government"),
    "LAB": ("labour", "person"),
    "LEG": ("legislature", "government"),
    "MED": ("media", "media"),
    "MIL": ("military", "government"),
    "MUS": ("Muslim", "person"),
    "NGO": ("non-governmental organisation", "ngo"),
    "OPP": ("opposition", "person"),
    "PPL": ("people", "person"),
    "PTY": ("political party", ""),
    "RAD": ("radicals", "armed_group"),
    "REB": ("rebels", "armed_group"),
    "REF": ("refugees", "person"),
    "REL": ("religious", "person"),
    "SPY": ("intelligence", "government"),
    "UAF": ("unidentified armed forces", "armed_group"),
}
_ARMED = frozenset({"REB", "UAF", "IMG", "RAD", "CRM"})


def code_units(code: str) -> list[str]:
    """The three-letter units of a CAMEO agent code ("GOVMED": GOV, MED)."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def code_label(code: str) -> str:
    """What an agent code stands for ("GOVMED": "government, media")."""
    return ", ".join(AGENT_UNITS.get(unit, (unit, ""))[0] for unit in code_units(code))


def code_speaker_type(code: str) -> str:
    """The speaker type of an agent code: media, company or armed group wherever one of those
    is a part (state media are media), else the first part's."""
    units = code_units(code)
    if "MED" in units:
        return "media"
    if "BUS" in units:
        return "company"
    if any(unit in _ARMED for unit in units):
        return "armed_group"
    return AGENT_UNITS.get(units[0], ("", ""))[1] if units else ""


#: Where the shipped copy comes from.
AGENTS_ORIGIN = "openeventdata/petrarch2 @ 676801c : petrarch2/data/dictionaries/Phoenix.agents.txt"
# Characters the project's pattern syntax reserves (alternatives, globs).
_RESERVED = frozenset("()|*?{}[]")
#: Agent words whose usual sense in news about international politics is no
#: group of people: "a negotiated settlement" is an agreement, not settlers
#: (found in the seed article's actor tables).
NOT_AGENTS = {"settlement": "an agreement in diplomatic news", "settlements": "the same"}
_HEADER = """# CAMEO agent types: the words for parts of a state or society that act ("police",
# "rebels", "the foreign ministry", "villagers"), each with its CAMEO agent code.
#
# Converted from PETRARCH2's agent dictionary (Phoenix.agents.txt) by
# helpers.actors.petrarch.convert_agents; the project's own role words in
# actors.yml (roles) come first where both list a word. Read by helpers.actors
# (tied agents: "Kenyan police" is Kenya's police, KEN + COP; "gunmen" with no
# country an armed group of unknown country, UAF) and helpers.diplomacy
# (the type of a speaker). Each category is one code: `label` says what it
# stands for (CAMEO codebook, actor codes), `position` where it goes in a
# CAMEO actor code (after the country, "KENCOP"; before it for IGO),
# `speaker_type` the project's speaker type (issue 15) for a speaker of this
# kind: government, igo, person, media, ngo, armed_group, company, or empty
# where none fits (political parties). Codes of two parts (GOVMED: government
# media) take the type of their most specific part: media, company or armed
# group wherever one of those is a part, else the first part's.
#
# Conversion (PETRARCH2 docs/source/dictionaries.rst, "Agent Dictionary"):
# words joined by "_" are consecutive; a regular plural of the last word
# (-s, -ies, -es; -men for -man) is added unless the phrase ends in "_" or
# "{{}}" follows; "{{A B}}" lists irregular
# plurals; "!PERSON!" and "!MINIST!" are replaced by every member of their
# set. Not honoured as written, with counts:
#   {gaps} phrases with a blank between words, which PETRARCH lets other
#     words fill: kept as consecutive words (a narrower pattern);
#   {duplicates} phrases listed under a second code: kept under the first;
#   {no_code} line without a code: skipped ({no_code_examples});
#   {special} phrases with characters the project's pattern syntax reserves: skipped ({special_examples}).
# Left out by the project: {not_agents} ({not_agents_why}).
#
# Origin: openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/Phoenix.agents.txt.
# Licence of the original (MIT):
#
#   The MIT License (MIT)
#
#   Copyright (c) 2014 Open Event Data Alliance
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy
#   of this software and associated documentation files (the "Software"), to deal
#   in the Software without restriction, including without limitation the rights
#   to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
#   copies of the Software, and to permit persons to whom the Software is
#   furnished to do so, subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in
#   all copies or substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
#   FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
#   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
#   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
#   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
#   SOFTWARE.
"""


def agents_yaml(text: str) -> str:
    """The project's ``agents.yml`` made from the text of ``Phoenix.agents.txt``.

    One category per code with its ``label``, ``position`` and
    ``speaker_type``; the header gives the conversion report, the origin and
    the original's MIT notice. How ``data/lexicons/agents.yml`` was made:
    ``agents_yaml(Path("Phoenix.agents.txt").read_text(errors="replace"))``.
    """
    import json

    categories, report = convert_agents(text)
    special = []
    for category in categories.values():
        category["patterns"] = [p for p in category["patterns"] if p not in NOT_AGENTS]
        kept = [p for p in category["patterns"] if not set(p) & _RESERVED]
        special += [p for p in category["patterns"] if set(p) & _RESERVED]
        category["patterns"] = kept
    examples = report["examples"]
    out = [
        _HEADER.format(
            gaps=report.get("gaps_made_consecutive", 0),
            duplicates=report.get("duplicates", 0),
            no_code=report.get("no_code", 0),
            no_code_examples=", ".join(examples["no_code"]),
            special=len(special),
            special_examples=", ".join(special),
            not_agents=", ".join(NOT_AGENTS),
            not_agents_why="; ".join(f"{k}: {v}" for k, v in NOT_AGENTS.items()),
        ),
        "meta:\n",
        "  name: agents\n",
        "  description: CAMEO agent words with their codes (PETRARCH2 Phoenix agents, converted).\n",
        "  source: Schrodt, P. A. et al. CAMEO Conflict and Mediation Event Observations codebook\n",
        "    (actor and agent codes). Open Event Data Alliance, PETRARCH2, Phoenix.agents.txt (MIT).\n",
        f"  origin: '{AGENTS_ORIGIN}'\n",
        "settings:\n  case_sensitive: false\ncategories:\n",
    ]
    for code in sorted(categories):
        out.append(
            f"  {code}:\n    label: {code_label(code)}\n    position: {categories[code]['position']}\n"
            f'    speaker_type: "{code_speaker_type(code)}"\n    patterns:\n'
        )
        out += [
            f"      - {json.dumps(p, ensure_ascii=False)}\n" for p in categories[code]["patterns"]
        ]
    return "".join(out)
