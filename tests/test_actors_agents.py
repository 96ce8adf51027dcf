"""CAMEO agents: the converted PETRARCH2 agent list and sub-state actors (issue 14 item 3, issue 15)."""

from __future__ import annotations

import pytest

from helpers.actors import Mention, load_actors
from helpers.actors.agents import agent_label, agent_type
from helpers.actors.petrarch import agents_yaml, code_speaker_type, convert_agents
from helpers.lexicons import load_dictionary
from helpers.text import tokenize

# One entry of each kind the agent format has (PETRARCH2 docs/source/dictionaries.rst).
SAMPLE = """\
# comment
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
<!-- an XML comment -->
POLICE {} [~COP]   # no plural: police is plural already
SOLDIER [~MIL]
AUTHORITY [~GOV]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
DAIRY_FARMER_ [~AGR] ; stopped: no plural
HUMAN_RIGHTS_BODY [NGO~]
GOVERNMENT_RUN FIRM [~GOVBUS]
ISLAMIC_EXTREMIST
CLASS [~EDU]
SPOKESMAN [~MED]
SPOKESMAN [~GOV]
"""


def test_conversion_honours_each_kind_of_entry():
    categories, report = convert_agents(SAMPLE)
    assert categories["COP"]["patterns"] == ["police"]
    assert categories["MIL"]["patterns"] == ["soldier", "soldiers"]
    assert categories["GOV"]["patterns"] == ["authority", "authorities"]
    assert categories["GOVATG"]["patterns"] == ["attorney general", "attorneys general"]
    assert categories["LEG"]["patterns"] == [
        "congressman",
        "congressmen",
        "congresswoman",
        "congresswomen",
        "congressperson",
    ]
    assert categories["AGR"]["patterns"] == ["dairy farmer"]
    assert categories["NGO"] == {
        "position": "before",
        "patterns": ["human rights body", "human rights bodies"],
    }
    assert categories["EDU"]["patterns"] == ["class", "classes"]
    # What cannot be honoured is counted, not dropped silently.
    assert report["gaps_made_consecutive"] == 1
    assert categories["GOVBUS"]["patterns"] == ["government run firm", "government run firms"]
    assert report["no_code"] == 1 and report["examples"]["no_code"] == ["ISLAMIC_EXTREMIST"]
    # A phrase under a second code keeps its first (both forms of "spokesman" are counted).
    assert report["duplicates"] == 2
    assert categories["MED"]["patterns"] == ["spokesman", "spokesmen"]
    assert "spokesman" not in categories["GOV"]["patterns"]


def test_the_yaml_made_from_the_sample_is_a_dictionary_with_notice_and_origin(tmp_path):
    path = tmp_path / "agents.yml"
    path.write_text(agents_yaml(SAMPLE), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "MIT License" in text and "openeventdata/petrarch2" in text
    dictionary = load_dictionary(path)
    hits = dictionary.match_tokens(tokenize("riot police and two soldiers"))
    assert [(h.category, h.pattern) for h in hits] == [("COP", "police"), ("MIL", "soldiers")]
    assert dictionary.category_attrs["COP"]["speaker_type"] == "government"


def test_the_shipped_list_is_that_conversion():
    shipped = load_dictionary("agents")
    for words, code in [
        ("police", "COP"),
        ("rebels", "REB"),
        ("gunmen", "UAF"),
        ("soldiers", "MIL"),
        ("villagers", "CVL"),
        ("congressmen", "LEG"),
        ("journalists", "MED"),
    ]:
        hits = shipped.match_tokens(tokenize(words))
        assert [h.category for h in hits] == [code], words
    text = (shipped.path).read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data Alliance" in text
    assert "676801c" in text


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("COP", "government"),
        ("REB", "armed_group"),
        ("GOVMED", "media"),
        ("GOVBUS", "company"),
        ("CVL", "person"),
        ("NGO", "ngo"),
        ("IGO", "igo"),
        ("PTY", ""),
        ("UAFMUS", "armed_group"),
    ],
)
def test_agent_codes_have_speaker_types(code, kind):
    assert code_speaker_type(code) == kind
    assert agent_type(code) == kind


def test_agent_label():
    assert agent_label("GOVMED") == "government, media"


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def found(actors, text):
    return [(m.actor_id, m.form, m.text, m.agent) for m in actors.find(tokenize(text), agents=True)]


def test_an_agent_beside_an_actor_is_that_actors_agent(actors):
    assert found(actors, "Kenyan police fired tear gas.") == [
        ("KEN", "institution", "Kenyan police", "COP")
    ]
    assert found(actors, "Colombian rebels and Syrian soldiers clashed.") == [
        ("COL", "agent", "Colombian rebels", "REB"),
        ("SYR", "institution", "Syrian soldiers", "MIL"),
    ]
    assert found(actors, "Protesters in Tehran marched.") == [
        ("IRN", "agent", "Protesters in Tehran", "OPP")
    ]


def test_a_settlement_is_an_agreement_not_settlers(actors):
    assert found(actors, "Both sides seek a negotiated settlement.") == []
    assert (
        "settlement"
        not in load_dictionary("agents").path.read_text(encoding="utf-8").split("categories:")[1]
    )


def test_an_agent_of_no_country_and_located_agents(actors):
    assert found(actors, "Gunmen abducted five people.") == [("", "agent", "Gunmen", "UAF")]
    # Troops and embassies are often abroad: "in" does not make them the place's.
    assert found(actors, "Russian troops in Ukraine advanced.") == [
        ("RUS", "institution", "Russian troops", "MIL"),
        ("UKR", "name", "Ukraine", ""),
    ]
    assert found(actors, "a protest at the embassy in Tokyo") == [("JPN", "capital", "Tokyo", "")]
    # Without agents=True the untied ones are left out, as before.
    assert [m.text for m in actors.find(tokenize("Gunmen abducted five people."))] == []


def test_mention_keeps_its_fields_and_adds_agent_at_the_end():
    assert Mention._fields[:9] == (
        "actor_id",
        "form",
        "start",
        "end",
        "text",
        "tok_start",
        "tok_end",
        "in_term",
        "detail",
    )
    assert Mention._fields[9:] == ("agent",)
    assert Mention("RUS", "name", 0, 6, "Russia", 0, 1).agent == ""


def test_spokespeople_are_their_bodys_not_media(actors):
    assert found(actors, "Russia's foreign ministry spokeswoman said no.")[0][3] == "GOV"


def test_agent_hits_matched_with_the_other_dictionaries_give_the_same_mentions(actors):
    """``score`` matches the agent dictionary in its one pass and hands the hits to
    ``find``; the mentions are those ``find`` gets by matching the agents itself."""
    from helpers.lexicons import DictionarySet

    both = DictionarySet([actors.dictionary, actors.agents])
    sentences = [
        "Gunmen abducted five aid workers near the border, police in Lagos said.",
        "Kenyan police fired tear gas at protesters and arrested dozens of students.",
        "Colombian rebels and the army traded fire as civilians fled.",
    ]
    untied = 0
    for sentence in sentences:
        tokens = tokenize(sentence)
        actor_hits, agent_hits = both.match_tokens(tokens)
        alone = actors.find(tokens, hits=actor_hits, agents=True)
        shared = actors.find(tokens, hits=actor_hits, agents=True, agent_hits=agent_hits)
        assert shared == alone, sentence
        untied += sum(1 for m in alone if m.form == "agent" and not m.actor_id)
    assert untied >= 2  # agents of no country were found, through the hits given
