"""Actors beyond states: people tied within an article, organs, NGOs, media, armed groups (issue 15)."""

from __future__ import annotations

import pytest

from helpers.actors import ArticleActors, load_actors, mentions
from helpers.text import segment, tokenize


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def read(actors, *sentences):
    """The mentions of the last sentence, the earlier ones read first."""
    article = ArticleActors(actors)
    found = []
    for sentence in sentences:
        found = article.find(tokenize(sentence))
    return [(m.actor_id, m.form, m.text) for m in found]


@pytest.mark.parametrize(
    "introduction",
    [
        "Dmitry Polyanskiy, Russia's deputy ambassador, rejected the criticism.",
        "Russia's deputy ambassador, Dmitry Polyanskiy, rejected the criticism.",
        "Russian Deputy Ambassador Dmitry Polyanskiy rejected the criticism.",
    ],
)
def test_a_person_beside_a_role_is_that_actors_later_too(actors, introduction):
    assert ("RUS", "person", "Dmitry Polyanskiy") in read(actors, introduction)
    assert read(actors, introduction, "Polyanskiy said Moscow would wait.") == [
        ("RUS", "person", "Polyanskiy"),
        ("RUS", "capital", "Moscow"),
    ]


def test_a_family_name_written_first_is_found_too(actors):
    found = read(actors, "China's envoy, Fu Cong, spoke.", '"No," Fu said.')
    assert found == [("CHN", "person", "Fu")]


def test_a_person_of_a_state_and_a_former_office_holder(actors):
    assert ("WSM", "person", "Cedric Schuster") in read(
        actors, "said Cedric Schuster of Samoa, who chairs the alliance."
    )
    # A former president speaks for no state: no tie.
    assert read(actors, "Igor Dodon, a former Moldovan president, spoke.", "Dodon said no.") == []


def test_a_name_without_a_role_stays_unknown(actors):
    assert read(actors, "Anna Keller, the wife of the engineer, spoke.", "Keller said no.") == []


def test_organs_are_their_organisation_once_it_is_named(actors):
    assert read(actors, "The General Assembly will meet.") == []
    assert read(actors, "The UN said so.", "The General Assembly will meet.") == [
        ("UN", "organisation", "General Assembly")
    ]
    assert read(actors, "The EU said so.", "The Commission regretted the decision.") == [
        ("EU", "organisation", "Commission")
    ]
    # In the same sentence it is enough.
    assert read(actors, "The Security Council of the UN met.")[0] == (
        "UN",
        "organisation",
        "Security Council",
    )
    # "the council" in lower case is not the organ.
    assert read(actors, "The UN said so.", "The council met.") == []


def test_non_state_actors_have_their_types(actors):
    types = actors.table.set_index("actor_id")["type"]
    assert types["HRW"] == "ngo"
    assert types["XINHUA"] == "media"
    assert types["RSF"] == "armed_group"
    assert types["LOCKHEED"] == "company"
    found = [(m.actor_id, m.form) for m in actors.find(tokenize("Human Rights Watch and Reuters"))]
    assert found == [("HRW", "organisation"), ("REUTERS", "organisation")]
    # A newspaper named after a capital is the newspaper, not the state.
    assert [m.actor_id for m in actors.find(tokenize("The Washington Post said"))] == [
        "WASHINGTON_POST"
    ]


def test_the_mentions_table_reads_the_article_in_order_and_shows_agents():
    seg = segment(
        "Dmitry Polyanskiy, Russia's deputy ambassador, spoke. Gunmen attacked a convoy. "
        "Polyanskiy said the UN would wait, and the General Assembly agreed."
    )
    table = mentions(seg)
    assert list(table.columns)[-1] == "agent"
    rows = table[["sent_id", "actor_id", "form", "text", "agent"]].values.tolist()
    assert [0, "RUS", "person", "Dmitry Polyanskiy", "GOV"] in rows
    assert [1, "", "agent", "Gunmen", "UAF"] in rows
    assert [2, "RUS", "person", "Polyanskiy", "GOV"] in rows
    assert [2, "UN", "organisation", "General Assembly", ""] in rows
