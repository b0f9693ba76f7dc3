"""The NER model (kg.extract.ner): the shipped file, its pin, what it finds, and deterministic training."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from kg.errors import KgUsageError
from kg.extract.ner import tagger as ner_tagger
from kg.extract.ner.features import FeatureSpec
from kg.extract.ner.tagger import MODEL_FEATURES, MODEL_FILE, MODEL_SHA256, NerTagger, models_dir
from kg.kb.pinned import sha256_file
from kg.text.normalize import normalize_text


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.default()


def _found(tagger: NerTagger, raw: str) -> set[tuple[str, str]]:
    text = normalize_text(raw).text
    return {(s.text, s.label) for s in tagger.tag(text)}


def _window_features(text: str) -> list[tuple[str, ...]]:
    """The character features as the feature list defines them, one character at a time (the reference)."""
    from kg.extract.ner.features import _char_class

    c = ["<s>", "<s>", *text, "</s>", "</s>"]
    k = ["^", *map(_char_class, text), "$"]
    return [("u0:" + c[i + 2], "u-1:" + c[i + 1], "u1:" + c[i + 3], "u-2:" + c[i], "u2:" + c[i + 4],
             "b-1:" + c[i + 1] + c[i + 2], "b0:" + c[i + 2] + c[i + 3], "b-2:" + c[i] + c[i + 1], "b1:" + c[i + 3] + c[i + 4],
             "k:" + k[i] + k[i + 1] + k[i + 2]) for i in range(len(text))]


@pytest.mark.parametrize("text", ["", "甲", "甲乙", "王五在A1", "星湖区,Zeta·科技 2024年。\n", "é١٢\u3000𠀀"])
def test_the_features_are_those_of_each_characters_window(text):
    from kg.extract.ner.features import Featurizer

    assert list(Featurizer(FeatureSpec()).items(text)) == _window_features(text)


def test_the_shipped_model_loads_and_matches_its_pin(tagger):
    path = models_dir() / MODEL_FILE
    assert tagger.path == path
    assert sha256_file(path) == MODEL_SHA256
    assert tagger.spec == FeatureSpec.from_name(MODEL_FEATURES)
    meta = json.loads((models_dir() / (MODEL_FILE + ".json")).read_text(encoding="utf-8"))
    assert meta["sha256"] == MODEL_SHA256 and meta["features"] == MODEL_FEATURES


def test_it_finds_a_person_with_no_title_and_a_company_with_no_known_suffix(tagger):
    # made-up names; no lexicon lists them and their endings (物流, 制药) are not legal-form suffixes.
    # Of eight such companies written for this test, the model found three exactly (the model card
    # lists all eight): the two below are among them, 蓝湾科技 in the first sentence is one it misses.
    found = _found(tagger, "上周五，张建国带着团队来到杭州，与蓝湾科技谈成了一笔合作。")
    assert ("张建国", "PER") in found and ("杭州", "LOC") in found
    found = _found(tagger, "王立新说，华瑞制药的新厂房将于明年投产。")
    assert ("王立新", "PER") in found and ("华瑞制药", "ORG") in found
    assert ("远航物流", "ORG") in _found(tagger, "这笔订单由远航物流承接，预计下月交付。")
    assert ("刘海燕", "PER") in _found(tagger, "据介绍，刘海燕去年从深圳回到家乡创业。")


def test_spans_carry_offsets_and_probabilities(tagger):
    text = "李明华和王芳都在青岛工作。"
    spans = tagger.tag(text)
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    assert all(0.0 < s.prob <= 1.0 for s in spans)


def test_traditional_input_gives_the_spans_of_its_simplified_form(tagger):
    trad = "上週五，張建國帶著團隊來到杭州，與藍灣科技談成了一筆合作。"
    simp = "上周五，张建国带着团队来到杭州，与蓝湾科技谈成了一笔合作。"
    a = [(s.start, s.end, s.label) for s in tagger.tag(normalize_text(trad).text)]
    b = [(s.start, s.end, s.label) for s in tagger.tag(normalize_text(simp).text)]
    assert a and a == b


def test_a_changed_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / MODEL_FILE
    shutil.copyfile(models_dir() / MODEL_FILE, bad)
    with open(bad, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(KgUsageError, match="does not match its pinned SHA-256"):
        NerTagger(bad, FeatureSpec.from_name(MODEL_FEATURES), MODEL_SHA256)


def test_a_missing_model_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(ner_tagger, "models_dir", lambda: tmp_path)
    ner_tagger._default.cache_clear()
    try:
        with pytest.raises(KgUsageError, match="is missing; reinstall kg or retrain"):
            NerTagger.default()
    finally:
        ner_tagger._default.cache_clear()


# -- training

_PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"]
_ORGS = ["青岛海洋研究所", "北方机械公司", "东方银行", "华光科技集团"]
_PLACES = ["青岛", "济南", "成都", "苏州"]


def _write_corpus(folder, name: str, n: int, offset: int = 0) -> None:
    corpus = name.split("-")[0]
    with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            p, o, c = _PEOPLE[(i + offset) % 8], _ORGS[(i + offset) % 4], _PLACES[(i * 3 + offset) % 4]
            text = f"{p}昨天在{c}参观了{o}。"
            spans = [[0, len(p), "NAME" if corpus != "msra" else "PER"],
                     [len(p) + 3, len(p) + 3 + len(c), "LOC" if corpus == "msra" else "ADDRESS"],
                     [len(p) + 6 + len(c), len(p) + 6 + len(c) + len(o), "ORG" if corpus != "cluener2020" else "COMPANY"]]
            if corpus == "resume":
                spans = [s for s in spans if s[2] != "ADDRESS"]
            fh.write(json.dumps({"id": f"{name}-{i}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")


def test_training_on_a_tiny_slice_is_deterministic_and_fast(tmp_path, capsys):
    from kg.extract.ner.train import main

    data = tmp_path / "corpora"
    data.mkdir()
    _write_corpus(data, "msra-train", 40)
    _write_corpus(data, "cluener2020-train", 20, 1)
    _write_corpus(data, "resume-train", 20, 2)
    _write_corpus(data, "resume-dev", 10, 3)
    t = time.perf_counter()
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run / "m.crfsuite"
        assert main(["--out", str(out), "--corpora", str(data), "--iterations", "30", "--progress", "0"]) == 0
        digests.append(sha256_file(out))
        meta = json.loads((tmp_path / run / "m.crfsuite.json").read_text(encoding="utf-8"))
        assert meta["sha256"] == digests[-1]
        assert [f["file"] for f in meta["training_files"]] == ["msra-train.jsonl", "cluener2020-train.jsonl",
                                                                  "resume-train.jsonl"]
    assert digests[0] == digests[1]
    assert time.perf_counter() - t < 60
    assert f"sha256 {digests[0]}" in capsys.readouterr().out
    found = {(s.text, s.label) for s in NerTagger.from_file(tmp_path / "a" / "m.crfsuite").tag("张伟昨天在青岛参观了东方银行。")}
    assert ("张伟", "PER") in found


def test_an_extra_span_file_is_trained_on_with_its_weight(tmp_path):
    from kg.extract.ner.train import main

    data = tmp_path / "corpora"
    data.mkdir()
    _write_corpus(data, "msra-train", 20)
    _write_corpus(data, "resume-dev", 5, 3)
    extra = tmp_path / "gold-dev.jsonl"
    with open(extra, "w", encoding="utf-8") as fh:  # the project's labels, as kg.eval.ner_gold writes them
        for i in range(6):
            fh.write(json.dumps({"id": f"gold-d{i}-0", "text": "星澜园区今天开园。", "spans": [[0, 4, "ORG"]]},
                                ensure_ascii=False) + "\n")
    out = tmp_path / "m.crfsuite"
    assert main(["--out", str(out), "--corpora", str(data), "--files", "msra-train.jsonl", "--extra", str(extra),
                 "--extra-weight", "2", "--iterations", "30", "--progress", "0", "--no-eval"]) == 0
    meta = json.loads((tmp_path / "m.crfsuite.json").read_text(encoding="utf-8"))
    assert meta["training_files"][-1] == {"file": "gold-dev.jsonl", "sha256": sha256_file(extra), "examples_used": 6,
                                          "weight": 2, "held_out": 0}
    assert meta["training_sentences"] == round(20 * 0.95) + 12


def test_gold_spans_follow_the_gold_format_and_refuse_the_test_split():
    from kg.errors import KgUsageError
    from kg.eval.ner_gold import gold_records, label_spans

    # every occurrence, longest first, never inside a longer one; places only where free
    text = "青岛蓝谷管理局和青岛蓝谷在青岛。"
    assert label_spans(text, {"青岛蓝谷管理局": "ORG", "青岛蓝谷": "ORG"}, ["青岛"]) == [
        (0, 7, "ORG"), (8, 12, "ORG"), (13, 15, "LOC")]
    with pytest.raises(KgUsageError, match="reporting"):
        next(gold_records("test"))


def test_training_refuses_a_test_file(tmp_path):
    from kg.extract.ner.train import main

    with pytest.raises(SystemExit, match="reporting only"):
        main(["--out", str(tmp_path / "m"), "--corpora", str(tmp_path), "--files", "msra-test.jsonl"])


# ---------------------------------------------------------------- the tagger beside the rules


def _pipeline_found(nlp, text: str) -> set[tuple[str, str]]:
    from kg.extract.nlp import mentions_of
    from kg.text.normalize import normalize_text

    return {(m.text, m.type) for m in mentions_of(nlp(normalize_text(text).text))}


def test_the_pipeline_finds_a_person_with_no_title_next_to_the_name():
    from kg.extract.nlp import make_nlp

    simplified, traditional = "活动由副市长主持，刘海峰在会上介绍了园区的规划。", "活動由副市長主持，劉海峰在會上介紹了園區的規劃。"
    assert ("刘海峰", "PERSON") not in _pipeline_found(make_nlp(model=False), simplified)  # the rules alone miss it
    with_model = make_nlp()
    assert ("刘海峰", "PERSON") in _pipeline_found(with_model, simplified)
    assert _pipeline_found(with_model, traditional) == _pipeline_found(with_model, simplified)  # Traditional: the same names


def test_a_person_without_a_post_in_the_sentence_is_not_an_entity():
    from kg.extract.nlp import make_nlp

    # the guidelines' PERSON is a named person with a post; the tagger's proposal alone is not enough
    assert _pipeline_found(make_nlp(), "李明华在会上介绍了园区的规划。") == set()


def test_names_listed_after_a_generic_title_hold_that_post():
    from kg.extract.nlp import make_nlp

    # `成员` and `组长` are generic titles (no post for the whole sentence), but the names right after them hold one
    text = "新一届理事会名单公布。4名成员:郑国伟、许文斌、黄永泰,任期三年。"
    found = _pipeline_found(make_nlp(), text)
    assert {"郑国伟", "许文斌", "黄永泰"} <= {t for t, ty in found if ty == "PERSON"}
    assert ("周立勤", "PERSON") in _pipeline_found(make_nlp(), "指挥中心监测组组长周立勤解释,采购合同已经签订。")
    # a quoted expert is no post: the sentence has no other title
    assert ("陈立凯", "PERSON") not in _pipeline_found(make_nlp(), "业内专家陈立凯认为,这种策略更适合国内企业。")


def test_the_tagger_carries_a_rule_name_over_a_rare_last_character():
    from kg.extract.nlp import make_nlp

    # the title rule stops at two characters when the third is rare (`甦`); the tagger reads all three
    assert ("吴梦甦", "PERSON") in _pipeline_found(make_nlp(), "城大生物医学系主任吴梦甦等人参与研发。")
    assert ("吴梦甦", "PERSON") not in _pipeline_found(make_nlp(model=False), "城大生物医学系主任吴梦甦等人参与研发。")


def test_a_name_glued_to_the_conjunction_after_it_is_still_a_name():
    from kg.extract.nlp import make_nlp

    # the segmenter cuts `高明|志及`: the name ends inside that word, at the conjunction
    found = _pipeline_found(make_nlp(), "董事包括副总裁张宏伟、高明志及赵晓楠。")
    assert {"张宏伟", "高明志", "赵晓楠"} <= {t for t, ty in found if ty == "PERSON"}


def test_the_tagger_travels_with_a_saved_pipeline(tmp_path):
    import spacy

    from kg.extract.nlp import make_nlp

    nlp = make_nlp()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["kg_ner", "kg_entity_rules"]
    text = "活动由副市长主持，刘海峰在会上介绍了园区的规划。"
    assert _pipeline_found(loaded, text) == _pipeline_found(nlp, text)
