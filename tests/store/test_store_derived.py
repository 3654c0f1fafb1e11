"""Derived data on both backends: updates to stored articles, stories and topics, saved stage state."""

from __future__ import annotations

from storyline.document import ArticleUpdate, Document, Entity, Event, EventReport, Mention, Quotation, Story, Topic
from storyline.store import StateSnapshot, open_store


def test_updates_stories_topics_and_state_round_trip(store_url: str, seed_documents: list[Document]) -> None:
    with open_store(store_url) as repo:
        for doc in seed_documents:
            repo.add_article(doc)
        first, second, third = (doc.id for doc in seed_documents[:3])
        changed = repo.update_articles(
            [
                ArticleUpdate(second, copy_of=first, copy_kind="rewrite", fields=("copy_of", "copy_kind")),
                ArticleUpdate(first, story_id="s1", fields=("story_id",)),
                ArticleUpdate(second, story_id="s1", fields=("story_id",)),
                ArticleUpdate(third, story_id="s2", fields=("story_id",)),
            ]
        )
        assert changed == 4
        stored = {doc.id: doc for doc in repo.iter_articles()}
        assert (stored[second].copy_of, stored[second].copy_kind) == (first, "rewrite")
        assert stored[first].copy_of == seed_documents[0].copy_of  # fields not named are left as stored

        repo.replace_stories(
            [
                Story("s1", "Resistance asks Tajikistan for help", "t1", (), "2021-10-06", "2021-10-07", 1),
                Story("s2", "Tajikistan a hub", "t1", (), None, None, 1),
            ],
            [Topic("t1", "Afghan resistance", ())],
        )
        stories = list(repo.iter_stories())
        assert [(s.id, s.article_ids, s.independent_sources) for s in stories] == [
            ("s1", (first, second), 1),
            ("s2", (third,), 1),
        ]
        assert list(repo.iter_topics()) == [Topic("t1", "Afghan resistance", ("s1", "s2"))]
        assert repo.story_of_articles() == {first: "s1", second: "s1", third: "s2"}  # articles in no story left out

        repo.replace_stories([], [])  # a replace, not an append
        assert list(repo.iter_stories()) == [] and list(repo.iter_topics()) == []

        assert repo.load_state("copies") is None
        repo.save_state(StateSnapshot("copies", 3, b"\x00\x01pickle"))
        repo.save_state(StateSnapshot("copies", 5, b"newer"))
        assert repo.load_state("copies") == StateSnapshot("copies", 5, b"newer")
        assert repo.max_seq() == len(seed_documents)
        assert [doc.id for doc in repo.iter_articles(after_seq=3)] == [doc.id for doc in seed_documents[3:]]


def test_entity_and_event_views_gather_their_mentions_and_evidence(
    store_url: str, seed_documents: list[Document]
) -> None:
    """Mentions stored with an entity id merged since are listed under the id that holds them now."""
    first, second = seed_documents[:2]
    first.mentions = [Mention(0, 7, "Massoud", "PERSON", entity_id="e1"), Mention(10, 13, "NRF", "ORG", "e2")]
    second.mentions = [Mention(5, 40, "National Resistance Front", "ORG", entity_id="e3")]
    second.events = [EventReport("CONSULT", 0, 50, 10, 14, 0.8, "lexicon CONSULT/'talk'", event_id="v1")]
    second.quotations = [Quotation(60, 90, "We did not go to them.", True, cue="said", speaker_entity_id="e3")]
    with open_store(store_url) as repo:
        for doc in (first, second):
            repo.add_article(doc)
        repo.replace_entities(
            [
                Entity("e1", "Ahmad Massoud", "PERSON", ("Massoud",), country="AFG", sector="rebel", mention_count=1),
                Entity("e2", "National Resistance Front", "ORG", ("NRF",), merges=("acronym defined in text",)),
            ],
            {"e3": "e2"},
        )
        repo.replace_events([Event("v1", "CONSULT", 0.8, 1, source_ids=("e2",), target_ids=("e1",))])
        listed = {entity.id: (entity, spans) for entity, spans in repo.iter_entities()}
        assert listed["e1"][1] == [(first.id, 0, 7)]
        assert listed["e2"][1] == [(first.id, 10, 13), (second.id, 5, 40)]
        assert listed["e2"][0].merges == ("acronym defined in text",)
        ((event, evidence),) = list(repo.iter_events())
        assert event.target_ids == ("e1",) and evidence == [(second.id, 0, 50)]
        ((quote_id, article_id, quotation),) = list(repo.iter_quotations())
        assert article_id == second.id and quotation.speaker_entity_id == "e2"  # redirected
        assert quote_id == second.quotations[0].quote_id(second.id)
        repo.replace_entities([], {})
        assert list(repo.iter_entities()) == []
