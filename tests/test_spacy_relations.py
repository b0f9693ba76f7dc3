"""The `kg_relations` spaCy component and DocBin: `nlp(text)` gives the entities and relations of a build,
and a Doc with them saves and loads."""

from __future__ import annotations

import importlib
import tomllib

import pytest
import spacy
from spacy.tokens import DocBin

import kg
from kg.export.frames import read_table
from kg.extract.doc_data import proposals_of
from kg.extract.nlp import mentions_of
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def nlp():
    return kg.load_pipeline()  # the build's segmenter and tagger, with kg_relations after the entity components


def _facts(doc, item, entity_of):
    """The component's relations as the rows relations.csv holds: entity ids (by the raw offsets of each end's
    mention), raw evidence offsets, rule; the same fact twice is one row, as in a build."""
    norm = item.normalized
    rows, seen = [], set()
    for r in doc._.kg_relations:
        head = entity_of[norm.raw_span(r.head_mention.start, r.head_mention.end)]
        tail = entity_of[norm.raw_span(r.tail_mention.start, r.tail_mention.end)]
        if (head, r.relation, tail) in seen or head == tail:
            continue
        seen.add((head, r.relation, tail))
        rows.append((head, r.relation, tail, *norm.raw_span(r.sent_start, r.sent_end), r.rule, r.attrs.get("title", "")))
    return rows


def test_the_component_finds_what_the_build_found_for_each_seed(nlp, processed_seeds, seed_build):
    import json

    mentions = read_table("mentions", seed_build / "mentions.csv")
    relations = read_table("relations", seed_build / "relations.csv")
    types = set()
    for doc_id, item in processed_seeds.items():
        doc = nlp(item.normalized.text)
        ours = mentions[mentions["doc_id"] == doc_id]
        entity_of = {(r.start, r.end): r.entity_id for r in ours.itertuples()}
        assert sorted(entity_of) == sorted(item.normalized.raw_span(m.start, m.end) for m in mentions_of(doc))
        built = relations[relations["doc_id"] == doc_id]
        expected = [(r.head_id, r.relation, r.tail_id, r.start, r.end, r.rule, json.loads(r.attrs or "{}").get("title", ""))
                    for r in built.itertuples()]
        assert _facts(doc, item, entity_of) == expected, doc_id
        types |= {r.relation for r in doc._.kg_relations}
    assert {"HOLDS_POST", "LOCATED_IN", "FOCUSES_ON", "PART_OF"} <= types


def test_a_seed_sentence(nlp, processed_seeds, seed_build):
    text = processed_seeds["000_2922254e8fabd16a"].normalized.text
    a = text.index("徐一冰")
    sentence = text[text.rfind("。", 0, a) + 1:text.index("。", a) + 1]
    doc = nlp(sentence)
    posts = [(r.head.text, r.head.label_, r.tail.text, r.tail.label_, r.attrs["title"], r.sentence)
             for r in doc._.kg_relations if r.relation == "HOLDS_POST"]
    built = kg.open(seed_build).posts("徐一冰")
    assert [(p[0], p[2], p[4]) for p in posts] == list(zip(["徐一冰"] * len(built), built["organization"], built["title"]))
    assert posts[0][1] == "PERSON" and posts[0][5] == sentence.strip()
    assert 0 < doc._.kg_relations[0].confidence <= 1
    assert {(e.text, e.label_) for e in doc.ents} >= {(posts[0][0], "PERSON"), (posts[0][2], posts[0][3])}


def _view(doc):
    """Everything the pipeline put on a Doc, as plain values."""
    return ([(e.start_char, e.end_char, e.label_) for e in doc.ents],
            [(s.start_char, s.end_char, s.label_) for s in doc.spans["kg_mentions"]],
            mentions_of(doc),
            [(r.head.start_char, r.head.end_char, r.head.label_, r.relation, r.tail.start_char, r.tail.end_char,
              r.tail.label_, r.rule, r.confidence, r.sent_start, r.sent_end, dict(r.attrs), r.head_mention, r.tail_mention)
             for r in doc._.kg_relations])


def test_docbin_round_trip_keeps_entities_and_relations(nlp, processed_seeds):
    docs = [nlp(item.normalized.text) for item in processed_seeds.values()]
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    loaded = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [d.text for d in loaded] == [d.text for d in docs]
    for before, after in zip(docs, loaded):
        assert _view(after) == _view(before)
        assert after._.kg_relations and proposals_of(after) == proposals_of(before)  # the tagger's proposals too
    fresh = list(DocBin().from_bytes(data).get_docs(spacy.blank("zh").vocab))  # another process would have this
    assert [_view(d) for d in fresh] == [_view(d) for d in docs]


def test_a_saved_pipeline_keeps_the_relations(nlp, tmp_path):
    text = "青岛聚大洋藻业集团有限公司董事长吴仕鹏说,公司已入驻青岛蓝谷。"
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["kg_ner", "kg_entity_rules", "kg_relations"]
    assert _view(loaded(text)) == _view(nlp(text))


def test_without_the_entity_component_the_error_says_what_to_add():
    bare = spacy.blank("zh")
    bare.add_pipe("kg_relations")
    with pytest.raises(ValueError, match="lacks: add it before"):
        bare("青岛蓝谷")


def test_every_component_is_an_entry_point():
    """A saved pipeline loads without importing kg first: spaCy finds each factory by its entry point."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == {"kg_ner", "kg_entity_rules", "kg_relations"}
    for name, target in declared.items():
        module, attr = target.split(":")
        assert getattr(importlib.import_module(module), attr) is spacy.registry.factories.get(name), name
