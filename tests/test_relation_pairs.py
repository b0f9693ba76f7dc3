"""The learned relation pair classifier (kg.extract.relations.pairs): candidates, deterministic training,
the shipped model's pin, what it adds to the rules on real text, and the switch that turns it on."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.errors import KgUsageError
from kg.extract.entities import Mention
from kg.extract.relations import find_relations, pairs
from kg.extract.relations.pairs import MODEL_FILE, MODEL_SHA256, RULE, PairModel, candidates, default_model, models_dir
from kg.kb.pinned import sha256_file
from kg.text.normalize import normalize_text

#: Written for this test (made-up company): a company named with `的` after its park. The relation rules
#: have no pattern for it (they place a company by a verb or a frame); the shipped model finds it.
PARK_OF_COMPANY = "宁波高新区的宁波华峰电子集团今年订单增长三成。"  # no legal form: the rules leave it (located:nei-de takes 有限公司)


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import make_nlp

    return make_nlp()


def _relations(nlp, raw: str, model: PairModel | None) -> set[tuple[str, str, str, str]]:
    from kg.extract.nlp import mentions_of

    text = normalize_text(raw).text
    lex = nlp.get_pipe("kg_entity_rules").lexicons
    found = find_relations(text, mentions_of(nlp(text)), lex.titles, lex.cities, model)
    return {(r.head.text, r.type, r.tail.text, r.rule) for r in found}


def test_candidates_are_pairs_of_one_sentence_whose_types_fit_a_signature():
    text = "王明是青岛市科技局局长。华峰科技有限公司入驻了西安高新区。"
    ms = [Mention(0, 2, "PERSON", "王明", "t"), Mention(3, 9, "ORG", "青岛市科技局", "t"),
          Mention(12, 20, "COMPANY", "华峰科技有限公司", "t"), Mention(23, 28, "PARK", "西安高新区", "t")]
    got = {(p.head.text, p.tail.text): p.types for p in candidates(text, ms)}
    assert got[("王明", "青岛市科技局")] == ("HOLDS_POST",)
    assert ("青岛市科技局", "王明") not in got  # no relation type goes from an organization to a person
    assert "LOCATED_IN" in got[("华峰科技有限公司", "西安高新区")]
    assert not any("王明" in pair and "西安高新区" in pair for pair in got)  # different sentences


def _synthetic() -> list[tuple[list[str], str]]:
    """Labelled candidates of a few written sentences (features computed by the real featurizer)."""
    rows = []
    for text, label in (("甲科技有限公司入驻乙高新区。", "LOCATED_IN"), ("丙电子有限公司落户丁高新区。", "LOCATED_IN"),
                        ("甲科技有限公司和乙高新区签约。", "NONE"), ("丙电子有限公司宣传丁高新区。", "NONE")):
        ms = [Mention(0, 7, "COMPANY", text[:7], "t"), Mention(9, 13, "PARK", text[9:13], "t")]
        for pair, feats in pairs.featurized(text, ms, []):
            rows.append((feats, label if (pair.head.type, pair.types[0]) == ("COMPANY", "LOCATED_IN") else "NONE"))
    return rows


def test_training_is_deterministic_and_learns_its_examples(tmp_path):
    data = _synthetic()
    a = pairs.fit(data, tmp_path / "a.crfsuite")
    b = pairs.fit(data, tmp_path / "b.crfsuite")
    assert a.read_bytes() == b.read_bytes()
    model = PairModel(a)
    located = next(f for f, label in data if label == "LOCATED_IN")
    probs = model.probabilities(located)
    assert probs["LOCATED_IN"] > probs["NONE"] and abs(sum(probs.values()) - 1) < 1e-6


def test_the_shipped_model_matches_its_pin_and_its_card(tmp_path):
    path = models_dir() / MODEL_FILE
    assert sha256_file(path) == MODEL_SHA256
    meta = json.loads((models_dir() / (MODEL_FILE + ".json")).read_text(encoding="utf-8"))
    assert meta["sha256"] == MODEL_SHA256 and meta["threshold"] == pairs.THRESHOLD
    assert "test.jsonl" not in meta["training_files"]  # the test split is never trained on
    bad = tmp_path / MODEL_FILE
    shutil.copy(path, bad)
    with bad.open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(KgUsageError, match="pinned SHA-256"):
        PairModel(bad, MODEL_SHA256)


def test_the_model_adds_a_relation_the_rules_miss_with_its_exact_sentence(nlp):
    rules_alone = _relations(nlp, PARK_OF_COMPANY, None)
    assert not any(r[1] == "LOCATED_IN" for r in rules_alone)
    with_model = _relations(nlp, PARK_OF_COMPANY, default_model())
    assert ("宁波华峰电子集团", "LOCATED_IN", "宁波高新区", RULE) in with_model
    text = normalize_text(PARK_OF_COMPANY).text
    from kg.extract.nlp import mentions_of

    lex = nlp.get_pipe("kg_entity_rules").lexicons
    (r,) = [r for r in find_relations(text, mentions_of(nlp(text)), lex.titles, lex.cities, default_model())
            if r.rule == RULE]
    assert text[r.sent_start:r.sent_end] == text  # the one sentence that states it


def test_the_rules_keep_precedence(nlp):
    raw = "宁波华峰电子有限公司总经理陈立新出席了会议。"
    rules_alone = _relations(nlp, raw, None)
    assert ("陈立新", "HOLDS_POST", "宁波华峰电子有限公司", "post:org-title-name") in rules_alone
    assert {r for r in _relations(nlp, raw, default_model()) if r[:3] == ("陈立新", "HOLDS_POST", "宁波华峰电子有限公司")} \
        == {("陈立新", "HOLDS_POST", "宁波华峰电子有限公司", "post:org-title-name")}


def test_it_is_off_by_default_and_on_with_relation_model(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    src = tmp_path / "a.txt"
    src.write_text(PARK_OF_COMPANY, encoding="utf-8")

    def rules_of(out):
        import csv

        with open(out / "relations.csv", encoding="utf-8", newline="") as fh:
            return {r["rule"] for r in csv.DictReader(fh)}

    runner = CliRunner()
    assert runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "off"), "-q"]).exit_code == 0
    assert RULE not in rules_of(tmp_path / "off")
    assert runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "on"), "-q", "--relation-model"]).exit_code == 0
    assert RULE in rules_of(tmp_path / "on")
    res = runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "x"), "--rules-only", "--relation-model"])
    assert res.exit_code == 2 and "--relation-model" in res.output


def test_the_trainer_refuses_the_test_split():
    from kg.eval.pairs_train import collect

    with pytest.raises(KgUsageError, match="test split"):
        collect("test")


def test_residual_candidates_leave_out_what_the_rules_relate():
    from kg.extract.relations.reader import Relation

    text = "王明是青岛市科技局局长。华峰科技有限公司入驻了西安高新区。"
    ms = [Mention(0, 2, "PERSON", "王明", "t"), Mention(3, 9, "ORG", "青岛市科技局", "t"),
          Mention(12, 20, "COMPANY", "华峰科技有限公司", "t"), Mention(23, 28, "PARK", "西安高新区", "t")]
    found = [Relation(ms[0], "HOLDS_POST", ms[1], 0, 12, "post:title-is", {}),
             Relation(ms[2], "LOCATED_IN", ms[3], 12, 29, "located:join", {})]
    every = {(p.head.text, p.tail.text) for p, _ in pairs.featurized(text, ms, found, residual=False)}
    assert ("王明", "青岛市科技局") in every and ("西安高新区", "华峰科技有限公司") in every
    assert list(pairs.featurized(text, ms, found, residual=True)) == []  # both pairs related (either order)
    left = {(p.head.text, p.tail.text) for p, _ in pairs.featurized(text, ms, found[1:], residual=True)}
    assert left == {("王明", "青岛市科技局")}
