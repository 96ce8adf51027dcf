"""Speakers: who the tool says is speaking, on real news nobody here wrote.

Neither development set has speaker labels, so this section checks what can
be checked without them, on every attribution the tool finds
(``helpers.diplomacy.attributions``):

* **No fragment is a speaker.** The words naming a speaker (``speaker_text``)
  must end in a name (a capitalised word), a role, an institution or another
  kind of source (a head noun of ``speakers.yml``, ``agents.yml`` or the role
  words of ``actors.yml``) or a pronoun. What counts as the end: the last
  word before a preposition that attaches to the noun ("Residents *of*
  Catatumbo", "officials *in* Ankara") or a relative clause. Anything else
  ("about attacks on civilians and", "voted against the tariffs and") is a
  fragment; the section lists every one and their count (the target is 0).
* **Coverage.** Of the sentences with at least one attribution, the share
  whose attributions name a speaker (``speaker_text`` not empty), the share
  with a resolved speaker (an actor or a speaker type), and the speaker types
  and the rules that found them.

Frermann et al. (2023): all 209 development articles, each read as one
article (pronouns and short forms carried as in notebook 04). NewsMTSC: the
sentences of the development split (:func:`devsets.newsmtsc_split`), each
alone, as ``score`` reads a row.

The head-noun lists are this checkout's, whatever version of ``helpers`` is
imported, so the same check measures an older version too:
``PYTHONPATH=<older checkout>/src python benchmarks/validity/run.py DEVSETS
--only speakers --json /tmp/old.json``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from devsets import frermann_articles, newsmtsc_targets

LEXICONS = Path(__file__).resolve().parents[2] / "data" / "lexicons"

# Prepositions that attach a phrase to the noun before them, and relative words.
_PREPOSITIONS = frozenset({"of", "at", "from", "for", "in", "to", "with", "by", "on"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when", "that"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_EXAMPLES = 25


def _head_words():
    """Every head noun the project's lists know, lower case, as word tuples.

    The lists of this checkout (``data/lexicons`` beside this script), whatever code is
    imported: so the same check can measure an older version of the tool
    (``PYTHONPATH=<older checkout>/src``).
    """
    from helpers.actors import load_actors
    from helpers.lexicons import load_dictionary
    from helpers.text import tokenize

    heads: set[tuple[str, ...]] = set()
    for dictionary, category in (
        (load_dictionary(LEXICONS / "speakers.yml"), ""),
        (load_dictionary(LEXICONS / "agents.yml"), ""),
        (load_actors().dictionary, "role"),
    ):
        heads |= {tuple(t.norm for t in tokenize(p)) for p in _patterns(dictionary, category)}
    return heads


def _patterns(dictionary, category: str = "") -> list[str]:
    """Every phrase of a compiled dictionary (of one category when given)."""
    from helpers.lexicons import expand_pattern

    return [
        phrase
        for entry in dictionary.entries
        if not category or entry.category == category
        for phrase in expand_pattern(entry.pattern)
    ]


def ending(text: str, heads) -> str:
    """How a speaker phrase ends: ``name``, ``pronoun``, ``role`` or ``fragment``."""
    from helpers.text import tokenize

    tokens = [t for t in tokenize(text) if any(c.isalnum() for c in t.text) or t.norm in "-'s"]
    if not tokens:
        return "fragment"
    core = tokens
    for k in range(1, len(tokens)):
        norm = tokens[k].norm
        if tokens[k - 1].norm == "-":
            continue  # "editor-in-chief": a preposition inside a word
        inside_name = (
            norm in ("of", "for")
            and tokens[k - 1].text[:1].isupper()
            and k + 1 < len(tokens)
            and tokens[k + 1].text[:1].isupper()
        )
        if (norm in _PREPOSITIONS and not inside_name) or norm in _RELATIVES:
            core = tokens[:k]
            break
    core = [t for t in core if t.norm != "-"] or core
    last = core[-1]
    if last.norm in _PRONOUNS and len(core) == 1:
        return "pronoun"
    if last.text[:1].isupper():
        return "name"
    norms = tuple(t.norm for t in core)
    if any(norms[-n:] in heads for n in range(1, min(4, len(norms)) + 1)):
        return "role"
    return "fragment"


def _count(table, heads, result: dict, examples: list, where: str) -> None:
    """Add one article's (or sentence's) attributions to the counts."""
    if "speaker_type" not in table.columns:  # a version of the tool before issue 15
        table = table.assign(speaker_type="")
    attributed = set(table["sent_id"])
    named = set(table.loc[table["speaker_text"] != "", "sent_id"])
    resolved = set(
        table.loc[(table["speaker_id"] != "") | (table["speaker_type"] != ""), "sent_id"]
    )
    result["sentences_attributed"] += len(attributed)
    result["sentences_with_speaker_text"] += len(named)
    result["sentences_with_resolved_speaker"] += len(resolved)
    for row in table.itertuples(index=False):
        result["attributions"] += 1
        if not row.speaker_text:
            result["rules_without_speaker"][row.speaker_rule.split(":")[0]] += 1
            continue
        result["speakers"] += 1
        how = ending(row.speaker_text, heads)
        result["endings"][how] += 1
        result["types"][row.speaker_type or "(none)"] += 1
        result["rules"][row.speaker_rule.split(":")[0]] += 1
        if how == "fragment" and len(examples) < _EXAMPLES:
            examples.append(f"{where}: {row.speaker_text!r} ({row.verb})")


def _empty() -> dict:
    return {
        "sentences_attributed": 0,
        "sentences_with_speaker_text": 0,
        "sentences_with_resolved_speaker": 0,
        "attributions": 0,
        "speakers": 0,
        "endings": Counter(),
        "types": Counter(),
        "rules": Counter(),
        "rules_without_speaker": Counter(),
    }


def _finish(result: dict, examples: list) -> dict:
    n = result["sentences_attributed"] or 1
    result["share_with_speaker_text"] = round(result["sentences_with_speaker_text"] / n, 3)
    result["share_with_resolved_speaker"] = round(result["sentences_with_resolved_speaker"] / n, 3)
    result["fragments"] = result["endings"].get("fragment", 0)
    result["fragment_examples"] = examples
    for key in ("endings", "types", "rules", "rules_without_speaker"):
        result[key] = dict(result[key].most_common())
    return result


def measure(folder) -> dict:
    from helpers.diplomacy import attributions
    from helpers.text import segment

    heads = _head_words()
    articles = frermann_articles(folder)
    climate, examples = _empty(), []
    for article in articles:
        seg = segment(article["text"], doc_id=str(article["id"]))
        table = attributions(seg, date=article["date"] or None)
        _count(table, heads, climate, examples, f"article {article['id']}")
    climate = _finish(climate, examples)
    climate["articles"] = len(articles)

    seen, news, news_examples = set(), _empty(), []
    for record in newsmtsc_targets(folder):
        if record["split"] != "dev" or record["gid"] in seen:
            continue
        seen.add(record["gid"])
        table = attributions(segment(record["text"], doc_id="s"))
        _count(table, heads, news, news_examples, record["text"][:60])
    news = _finish(news, news_examples)
    news["sentences"] = len(seen)
    return {"frermann_climate": climate, "newsmtsc_dev": news}


def markdown(result: dict) -> str:
    lines = [
        "| set | attributed sentences | with speaker words | with resolved speaker "
        "| speakers | fragments |",
        "|---|---|---|---|---|---|",
    ]
    names = {
        "frermann_climate": "Frermann climate, 209 articles",
        "newsmtsc_dev": "NewsMTSC dev split, sentences alone",
    }
    for key, label in names.items():
        r = result[key]
        lines.append(
            f"| {label} | {r['sentences_attributed']} | {r['share_with_speaker_text']} "
            f"| {r['share_with_resolved_speaker']} | {r['speakers']} | {r['fragments']} |"
        )
    for key, label in names.items():
        r = result[key]
        lines += ["", f"{label}, speaker types: {r['types']}", f"endings: {r['endings']}"]
        if r["fragment_examples"]:
            lines.append("fragments: " + "; ".join(r["fragment_examples"]))
    return "\n".join(lines)
