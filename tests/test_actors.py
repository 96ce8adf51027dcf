"""Actors: the roster, resolution of names, demonyms, capitals, leaders and role words."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import within
from helpers.actors import FORMS, MENTION_COLUMNS, TYPES, Mention, load_actors, mentions
from helpers.errors import DictionaryError, ParameterError
from helpers.paths import ARTICLES_DIR
from helpers.text import segment, tokenize

# The 193 UN member states (un.org/en/about-us/member-states) by ISO 3166-1 alpha-3.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def found(actors, text, date=None):
    """(actor_id, form, text) of every mention in a one-sentence text."""
    return [(m.actor_id, m.form, m.text) for m in actors.find(tokenize(text), date=date)]


def ids(actors, text, date=None):
    return [m.actor_id for m in actors.find(tokenize(text), date=date)]


def write(tmp_path, body, name="mine.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# -- the roster ------------------------------------------------------------------------------


def test_every_un_member_and_observer_is_listed_once(actors):
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    table = actors.table
    members = table.loc[table["status"] == "un_member", "actor_id"].tolist()
    assert sorted(members) == sorted(UN_MEMBERS)
    states = table[table["type"] == "state"]
    assert len(states) >= 193 + 2 + 2
    observers = set(table.loc[table["status"] == "un_observer", "actor_id"])
    assert observers == {"VAT", "PSE"}
    partial = set(table.loc[table["status"] == "partially_recognised", "actor_id"])
    assert partial == {"TWN", "XKX"}
    assert table["actor_id"].is_unique


def test_table_has_the_documented_columns_and_the_soviet_union_as_predecessor(actors):
    table = actors.table
    assert list(table.columns)[:6] == [
        "actor_id",
        "name",
        "type",
        "valid_from",
        "valid_to",
        "predecessor_of",
    ]
    soviet = table.set_index("actor_id").loc["SUN"]
    assert soviet["name"] == "Soviet Union"
    assert soviet["valid_to"] == "1991-12-26"
    assert soviet["predecessor_of"] == "RUS"
    assert set(table["type"]) == set(TYPES)


def test_every_actor_has_a_name_and_at_least_one_form(actors):
    forms = actors.forms
    assert set(forms["form"]) <= set(FORMS)
    per_actor = forms.groupby("actor_id").size()
    for actor_id, name in zip(actors.table["actor_id"], actors.table["name"], strict=True):
        assert isinstance(name, str) and name.strip(), actor_id
        assert per_actor.get(actor_id, 0) >= 1, actor_id


def test_major_organisations_are_listed(actors):
    table = actors.table.set_index("actor_id")
    for org in ["UN", "NATO", "EU", "G7", "G20", "ASEAN", "OSCE", "IAEA", "WTO", "IMF", "WORLD_BANK",
                "AU", "ARAB_LEAGUE", "BRICS", "SCO", "WHO", "ICC", "ICJ", "OPEC", "QUAD"]:  # fmt: skip
        assert table.loc[org, "type"] == "organisation", org
    assert found(actors, "NATO and the IAEA met the G7.") == [
        ("NATO", "organisation", "NATO"),
        ("IAEA", "organisation", "IAEA"),
        ("G7", "organisation", "G7"),
    ]


def test_loading_twice_returns_the_compiled_object(actors):
    assert load_actors() is actors


# -- names, aliases, demonyms, capitals ----------------------------------------------------------


def test_capitals_demonyms_and_aliases_resolve():
    actors = load_actors()
    assert found(actors, "Tokyo protested to the Kremlin.") == [
        ("JPN", "capital", "Tokyo"),
        ("RUS", "capital", "Kremlin"),
    ]
    assert found(actors, "The U.S. and Britain backed Japanese demands.") == [
        ("USA", "alias", "U.S."),
        ("GBR", "alias", "Britain"),
        ("JPN", "demonym", "Japanese"),
    ]
    assert ids(actors, "Whitehall, Downing Street, Zhongnanhai and Foggy Bottom") == [
        "GBR",
        "GBR",
        "CHN",
        "USA",
    ]
    assert ids(actors, "the Élysée and the Russian Federation") == ["FRA", "RUS"]


def test_possessives_resolve_to_the_actor(actors):
    assert found(actors, "Moscow’s belligerence and Japan’s sanctions") == [
        ("RUS", "capital", "Moscow"),
        ("JPN", "name", "Japan"),
    ]


def test_longest_form_wins_so_north_korea_is_not_also_korea(actors):
    assert found(actors, "North Korea fired a missile toward Korea.") == [
        ("PRK", "name", "North Korea"),
        ("KOR", "alias", "Korea"),
    ]
    assert ids(actors, "South Sudan and Sudan; Guinea-Bissau and Guinea; Papua New Guinea") == [
        "SSD", "SDN", "GNB", "GIN", "PNG"
    ]  # fmt: skip
    assert ids(actors, "Nigerian and Nigerien officials") == ["NGA", "NER"]


def test_matching_is_case_sensitive_for_names(actors):
    assert ids(actors, "Chad protested.") == ["TCD"]
    assert ids(actors, "a hanging chad") == []
    assert ids(actors, "The US told us.") == ["USA"]
    assert ids(actors, "China sold fine china.") == ["CHN"]
    assert ids(actors, "Turkey and Türkiye ate turkey.") == ["TUR", "TUR"]


def test_suppressed_names_do_not_count(actors):
    assert ids(actors, "Officials reported from the Western Front.") == []
    # A newspaper named after a capital is the newspaper (a media actor), never the state.
    assert ids(actors, "The Washington Post reported from the Western Front.") == [
        "WASHINGTON_POST"
    ]
    assert ids(actors, "Washington and the West watched.") == ["USA", "WEST"]
    assert ids(actors, "Northern Ireland and Ireland") == ["IRL"]


def test_partially_recognised_states_and_observers_resolve(actors):
    assert ids(actors, "Taipei, Pristina, the Holy See and Ramallah") == [
        "TWN",
        "XKX",
        "VAT",
        "PSE",
    ]
    # The longer official name of the PRC wins over Taiwan's "Republic of China".
    assert ids(actors, "the People's Republic of China and the Republic of China") == ["CHN", "TWN"]


def test_soviet_union_stays_distinct_from_russia(actors):
    assert found(actors, "islands seized by the Soviets") == [("SUN", "demonym", "Soviets")]
    assert ids(actors, "In Russia and the Soviet Union before") == ["RUS", "SUN"]
    assert ids(actors, "the Russian Empire itself") == ["RUSSIAN_EMPIRE"]
    assert ids(actors, "post-Soviet states and the USSR") == ["SUN"]


# -- leaders and time -------------------------------------------------------------------------


def test_leaders_resolve_and_flag_their_term(actors):
    [biden] = actors.find(tokenize("Biden pledged support."), date="2022-03-21")
    assert (biden.actor_id, biden.form, biden.in_term, biden.detail) == (
        "USA",
        "leader",
        True,
        "Joe Biden",
    )
    [early] = actors.find(tokenize("Biden pledged support."), date="2018-06-01")
    assert (early.actor_id, early.form, early.in_term) == ("USA", "leader", False)
    [undated] = actors.find(tokenize("Biden pledged support."))
    assert undated.in_term is None


def test_a_term_ends_on_the_day_the_successor_takes_office(actors):
    [trump] = actors.find(tokenize("Trump"), date="2021-01-20")
    [biden] = actors.find(tokenize("Biden"), date="2021-01-20")
    assert (trump.in_term, biden.in_term) == (False, True)


def test_a_person_who_led_two_actors_is_resolved_by_date(actors):
    assert ids(actors, "Rutte spoke.", date="2015-05-01") == ["NLD"]
    assert ids(actors, "Rutte spoke.", date="2025-05-01") == ["NATO"]
    assert ids(actors, "Rutte spoke.") == ["NATO"]  # undated: the latest office
    assert ids(actors, "Shevardnadze spoke.", date="1988-01-01") == ["SUN"]


def test_shared_surnames_pick_the_office_holder_of_the_date(actors):
    [bush] = actors.find(tokenize("Bush spoke."), date="1990-06-01")
    assert (bush.detail, bush.in_term) == ("George H. W. Bush", True)
    [bush] = actors.find(tokenize("Bush spoke."), date="2005-06-01")
    assert (bush.detail, bush.in_term) == ("George W. Bush", True)


def test_a_title_before_a_leader_is_part_of_the_leader_mention(actors):
    assert found(actors, "Russian President Vladimir Putin spoke.") == [
        ("RUS", "leader", "Russian President Vladimir Putin")
    ]
    assert found(actors, "President Joe Biden left.") == [("USA", "leader", "President Joe Biden")]


def test_a_title_belongs_to_the_leader_even_after_another_actor(actors):
    # In 2022 Rutte led the Netherlands: NATO stays a mention of its own.
    assert found(actors, "NATO's secretary general Mark Rutte", date="2022-03-21") == [
        ("NATO", "organisation", "NATO"),
        ("NLD", "leader", "secretary general Mark Rutte"),
    ]
    assert found(actors, "NATO's secretary general Mark Rutte", date="2025-03-21") == [
        ("NATO", "leader", "NATO's secretary general Mark Rutte")
    ]


def test_leaders_out_of_office_are_still_resolved(actors):
    [gorbachev] = actors.find(tokenize("Gorbachev"), date="2022-03-21")
    assert (gorbachev.actor_id, gorbachev.form, gorbachev.in_term) == ("SUN", "leader", False)
    assert actors.leaders.query("person == 'Vladimir Putin'")["role"].tolist() == [
        "prime minister", "president", "prime minister", "president"
    ]  # fmt: skip


def test_dates_are_checked(actors):
    with pytest.raises(ParameterError, match="date"):
        actors.find(tokenize("Biden"), date="March 2022")
    import datetime as dt

    [m] = actors.find(tokenize("Biden"), date=dt.datetime(2022, 3, 21, 12, 0))
    assert m.in_term is True
    [m] = actors.find(tokenize("Biden"), date="")  # an empty notebook parameter: no date
    assert m.in_term is None


# -- role words -------------------------------------------------------------------------------


def test_role_words_become_institutions_only_when_tied(actors):
    assert found(actors, "Hungarian officials and Japanese diplomats objected.") == [
        ("HUN", "institution", "Hungarian officials"),
        ("JPN", "institution", "Japanese diplomats"),
    ]
    assert found(actors, "Russia's foreign ministry said so.") == [
        ("RUS", "institution", "Russia's foreign ministry")
    ]
    assert found(actors, "the Foreign Ministry in Moscow notified its counterparts in Tokyo") == [
        ("RUS", "institution", "Foreign Ministry in Moscow"),
        ("JPN", "institution", "counterparts in Tokyo"),
    ]
    assert found(actors, "Diplomats also reached a settlement with officials.") == []
    assert found(actors, "the U.K.’s top diplomat") == [
        ("GBR", "institution", "U.K.’s top diplomat")
    ]


def test_adjacent_role_words_form_one_role(actors):
    [m] = actors.find(tokenize("a Japanese foreign ministry spokesman said"))
    assert (m.actor_id, m.form, m.text, m.detail) == (
        "JPN",
        "institution",
        "Japanese foreign ministry spokesman",
        "foreign ministry spokesman",
    )


def test_located_roles_are_not_tied_by_in(actors):
    # The embassy in Tokyo is usually another state's embassy, located in Tokyo.
    assert found(actors, "a protest at the embassy in Tokyo") == [("JPN", "capital", "Tokyo")]
    assert found(actors, "the embassy of Japan and the Russian embassy") == [
        ("JPN", "institution", "embassy of Japan"),
        ("RUS", "institution", "Russian embassy"),
    ]


def test_untied_role_words_do_not_join_across_clauses(actors):
    assert found(actors, "Japan said officials would decide.") == [("JPN", "name", "Japan")]
    assert found(actors, "Russians warned officials.") == [("RUS", "demonym", "Russians")]
    # A listed modifier may stand between the actor and the role.
    assert found(actors, "Russian military officials and Japan's senior officials") == [
        ("RUS", "institution", "Russian military officials"),
        ("JPN", "institution", "Japan's senior officials"),
    ]


# -- the table for a document -----------------------------------------------------------------------


def test_mentions_table_has_offsets_into_the_text():
    text = "Tokyo objected.\n\nMoscow’s reply came. Officials in Moscow denied it."
    seg = segment(text, doc_id="d1")
    table = mentions(seg, date="2022-03-21")
    assert list(table.columns) == list(MENTION_COLUMNS)
    assert table[["sent_id", "actor_id", "actor", "form"]].values.tolist() == [
        [0, "JPN", "Japan", "capital"],
        [1, "RUS", "Russia", "capital"],
        [2, "RUS", "Russia", "institution"],
    ]
    for start, end, piece in zip(table["start"], table["end"], table["text"], strict=True):
        assert text[start:end] == piece
    assert (table["doc_id"] == "d1").all()


def test_mentions_of_an_empty_text_is_an_empty_table():
    table = mentions(segment("", doc_id="x"))
    assert table.empty and list(table.columns) == list(MENTION_COLUMNS)


WORDS = [
    "Japan", "Japan’s", "Russian", "officials", "the", "Foreign", "Ministry", "in", "of", "Moscow",
    "North", "Korea", "US", "us", "President", "Putin", "Biden", "Soviets", "embassy", "’s", ",",
    "West", "Western", "Front", "Guinea", "-", "Bissau", "diplomats", "top", "and", "china", "Chad",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from([None, "1990-01-01", "2022-03-21"]),
)
def test_mentions_never_overlap_and_always_point_at_their_text(words, date):
    actors = load_actors()
    text = " ".join(words)
    found_mentions = actors.find(tokenize(text), date=date)
    last_end = -1
    for m in found_mentions:
        assert isinstance(m, Mention)
        assert m.form in FORMS
        assert m.start >= last_end and m.start < m.end
        assert m.actor_id in actors.names
        assert text[m.start : m.end] == m.text
        assert (m.in_term is None) == (date is None or m.form != "leader")
        last_end = m.end


# -- user files ---------------------------------------------------------------------------------


GOOD = """\
    meta:
      name: mine
      source: written by the test suite
    roles:
      patterns: [officials]
    actors:
      ATL:
        name: Atlantis
        demonyms: [Atlantean, Atlanteans]
        capital: [Poseidonia]
        leaders:
          - name: Queen Clito
            forms: [Clito]
            terms: [{role: queen, from: 2001-01-01, to: 2005-01-01}]
      OLD:
        name: Old Atlantis
        status: historical
        valid_to: 2000-12-31
        predecessor_of: ATL
    """


def test_a_user_file_is_compiled_on_its_own(tmp_path):
    actors = load_actors(write(tmp_path, GOOD))
    assert actors.table["actor_id"].tolist() == ["ATL", "OLD"]
    assert found(
        actors, "Atlantean officials met Clito in Poseidonia, not in Japan.", date="2003-01-01"
    ) == [
        ("ATL", "institution", "Atlantean officials"),
        ("ATL", "leader", "Clito"),
        ("ATL", "capital", "Poseidonia"),
    ]
    assert ids(actors, "Old Atlantis") == ["OLD"]


@pytest.mark.parametrize(
    ("body", "reason", "line"),
    [
        ("actors:\n  ATL:\n    capital: [X]\n", "no 'name'", 2),
        ("actors:\n  ATL:\n    name: A\n    demonym: [X]\n", "unknown key 'demonym'", 4),
        ("actors:\n  ATL:\n    name: A\n    valid_to: soon\n", "not an ISO date", 4),
        ("actors:\n  ATL:\n    name: A\n    type: empire\n", "type", 4),
        ("actors:\n  A:\n    name: A\n  B:\n    name: B\n    aliases: [A]\n", "both", 6),
        ("actors:\n  ATL:\n    name: A\n    predecessor_of: ZZZ\n", "ZZZ", 4),
        (
            "actors:\n  ATL:\n    name: A\n    leaders:\n      - name: L\n        forms: [L]\n",
            "terms",
            5,
        ),
        (
            "actors:\n  ATL:\n    name: A\n    leaders:\n      - name: L\n        forms: [L]\n"
            "        terms: [{from: 2005-01-01, to: 2001-01-01}]\n",
            "ends before it starts",
            7,
        ),
        ("actors:\n  ATL:\n    name: A\n    aliases: [[nested]]\n", "string", 4),
        ("actors: [Atlantis]\n", "mapping", 1),
        ("actors:\n  ATL:\n    name: A\n   bad: indent\n", "malformed YAML", 4),
        ("meta: {}\n", "actors", 1),
    ],
)
def test_malformed_files_name_the_file_line_and_reason(tmp_path, body, reason, line):
    path = write(tmp_path, body, name="bad.yml")
    with pytest.raises(DictionaryError) as info:
        load_actors(path)
    message = str(info.value)
    assert reason in message
    assert str(path) in message
    assert f"line {line}" in message
    assert "\n" not in message  # one line


def test_an_alias_bomb_in_an_actors_file_is_refused_at_once(tmp_path):
    levels = ["    aliases: &l0 [Atlantean]"] + [
        f"    note{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)
    ]
    path = write(tmp_path, "actors:\n  ATL:\n    name: A\n" + "\n".join(levels) + "\n")
    with within(20, "refusing an alias bomb"), pytest.raises(DictionaryError) as info:
        load_actors(path)
    assert "aliases are not allowed" in str(info.value) and f"{path}, line" in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_keys_in_an_actors_file_are_refused(tmp_path):
    body = "actors:\n  ATL:\n    name: A\n  ATL:\n    name: B\n"
    with pytest.raises(DictionaryError, match=r"duplicate key 'ATL' \(.*line 4\)"):
        load_actors(write(tmp_path, body))


def test_a_missing_file_is_a_dictionary_error(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_actors(tmp_path / "nope.yml")


# -- the seed article (resolution checks only, no hard-coded outputs) ---------------------------------


def test_seed_resolutions_make_sense():
    path = ARTICLES_DIR / "japan-russia-peace-talks.txt"
    if not path.exists():
        pytest.skip("seed article not in data/articles yet")
    from helpers.corpus import load_article

    article = load_article(path)
    seg = segment(article.text, doc_id=article.id)
    table = mentions(seg, date=article.meta.get("published"))
    rows = set(zip(table["actor_id"], table["form"], table["text"], strict=True))
    assert ("RUS", "institution", "Foreign Ministry in Moscow") in rows
    assert ("JPN", "capital", "Tokyo") in rows
    assert ("USA", "leader", "Biden") in rows
    assert ("SUN", "demonym", "Soviets") in rows
    assert ("PRK", "name", "North Korea") in rows
    assert not any(actor == "KOR" for actor, _, _ in rows)
    assert not any(text == "Soviets" and actor == "RUS" for actor, _, text in rows)
    biden = table[table["text"] == "Biden"]
    assert biden["in_term"].all()
