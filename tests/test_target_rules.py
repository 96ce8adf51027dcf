"""Tone toward a named target: the rules of issue 18's fourth round, one by one."""

from __future__ import annotations

import pytest

from helpers.errors import DictionaryError
from helpers.sentiment.roles import RoleLexicon

# -- the roles list's checks -------------------------------------------------------------------


def test_the_roles_list_refuses_judgements_and_set_actions_without_a_valence():
    from helpers.lexicons import Dictionary

    judgement = Dictionary.from_patterns({"judgement": ["inept"]})
    with pytest.raises(DictionaryError, match="inept"):
        RoleLexicon(judgement)
    admission = Dictionary.from_patterns({"admission": ["apologized"]})
    admission.category_attrs["admission"].update(agent="set", patient="drop")
    with pytest.raises(DictionaryError, match="agent_valence"):
        RoleLexicon(admission)
    both = Dictionary.from_patterns({"harm": ["shelled"], "judgement": ["shelled"]})
    both.category_attrs["harm"].update(agent="keep", patient="drop")
    both.category_attrs["judgement"].update(valence=-1.0)
    with pytest.raises(DictionaryError, match="listed under"):
        RoleLexicon(both)
